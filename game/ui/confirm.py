"""A yes/no question over the current screen."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.screen import MenuScreen
from game.ui.widgets import GOLD, Item, Menu, draw_wrapped, panel, px, veil


class ConfirmScreen(MenuScreen):
    back_keys = (pygame.K_ESCAPE,)

    transparent = True

    def __init__(self, app, title: str, body: str, on_yes: Callable[[], None],
                 yes: str = "Yes", no: str = "No") -> None:
        super().__init__(app)
        self.title, self.body, self.on_yes = title, body, on_yes
        self.menu = Menu([Item(no, self.app.pop), Item(yes, self._yes)], font_size=28,
                         width=240)

    def _yes(self) -> None:
        self.app.pop()
        self.on_yes()

    def draw(self, surface, alpha: float) -> None:
        veil(surface)
        w, h = px(self.app, 560), px(self.app, 260)
        rect = panel(surface, pygame.Rect(0, 0, w, h).move(
            (surface.get_width() - w) // 2, (surface.get_height() - h) // 2))
        self.app.text.blit(surface, self.title, (rect.centerx, rect.y + 20),
                           px(self.app, 34), GOLD, bold=True, anchor="midtop")
        draw_wrapped(surface, self.app, self.body,
                     pygame.Rect(rect.x + 30, rect.y + px(self.app, 70), w - 60, 60),
                     px(self.app, 22))
        self.menu.draw(surface, self.app, (rect.centerx - px(self.app, 120),
                                           rect.bottom - px(self.app, 100)))
