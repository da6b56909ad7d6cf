"""A plain message screen: a map that cannot be loaded, and the like.  Esc or Enter quits."""

from __future__ import annotations

import pygame

from game.ui.screen import Screen
from game.ui.text_wrap import wrap
from game.ui.widgets import px


class MessageScreen(Screen):
    name = "message"

    def __init__(self, ctx, title: str, body: str, exit_code: int = 0) -> None:
        super().__init__(ctx)
        self.title, self.body, self.exit_code = title, body, exit_code

    def handle_event(self, event) -> None:
        if event.type == pygame.KEYDOWN and event.key in (
            pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE
        ):
            self.ctx.quit(self.exit_code)

    def draw(self, surface, alpha: float) -> None:
        surface.fill((22, 20, 20))
        w, h = surface.get_size()
        text = self.ctx.text

        def s(value: float) -> int:
            return px(self.ctx, value)

        text.blit(surface, self.title, (w // 2, h // 4), s(40), (240, 110, 90), bold=True,
                  anchor="midtop")
        font = text.font(s(22))
        y = h // 4 + s(60)
        for line in wrap(self.body, font, min(w - 80, s(1000))):
            text.blit(surface, line, (w // 2, y), s(22), (230, 230, 225), anchor="midtop")
            y += s(26)
        text.blit(surface, "Esc or Enter to quit", (w // 2, y + s(30)), s(20),
                  (160, 160, 150), anchor="midtop")
