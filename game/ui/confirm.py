"""A yes/no question over the current screen."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.screen import MenuScreen
from game.ui.widgets import GOLD, Item, Menu, draw_wrapped, panel, px, veil


class ConfirmScreen(MenuScreen):
    name = "confirm"
    back_keys = (pygame.K_ESCAPE,)

    transparent = True

    def __init__(self, ctx, title: str, body: str, on_yes: Callable[[], None],
                 yes: str = "Yes", no: str = "No") -> None:
        super().__init__(ctx)
        self.title, self.body, self.on_yes = title, body, on_yes
        self.menu = Menu([Item(no, self.ctx.pop), Item(yes, self._yes)], font_size=28,
                         width=240)

    def _yes(self) -> None:
        self.ctx.pop()
        self.on_yes()

    def draw(self, surface, alpha: float) -> None:
        veil(surface)
        w, h = px(self.ctx, 560), px(self.ctx, 260)
        rect = panel(surface, pygame.Rect(0, 0, w, h).move(
            (surface.get_width() - w) // 2, (surface.get_height() - h) // 2))
        self.ctx.text.blit(surface, self.title, (rect.centerx, rect.y + 20),
                           px(self.ctx, 34), GOLD, bold=True, anchor="midtop")
        draw_wrapped(surface, self.ctx, self.body,
                     pygame.Rect(rect.x + 30, rect.y + px(self.ctx, 70), w - 60, 60),
                     px(self.ctx, 22))
        self.menu.draw(surface, self.ctx, (rect.centerx - px(self.ctx, 120),
                                           rect.bottom - px(self.ctx, 100)))
