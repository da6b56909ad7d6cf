"""A plain message screen: a map that cannot be loaded, and the like.  Esc or Enter quits."""

from __future__ import annotations

import pygame

from game.ui.screen import Screen


def wrap(text: str, font: pygame.font.Font, width: int) -> list[str]:
    lines: list[str] = []
    for para in text.splitlines() or [""]:
        line = ""
        for word in para.split(" "):
            trial = f"{line} {word}".strip()
            if font.size(trial)[0] <= width or not line:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


class MessageScreen(Screen):
    def __init__(self, app, title: str, body: str, exit_code: int = 0) -> None:
        super().__init__(app)
        self.title, self.body, self.exit_code = title, body, exit_code

    def handle_event(self, event) -> None:
        if event.type == pygame.KEYDOWN and event.key in (
            pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE
        ):
            self.app.quit(self.exit_code)

    def draw(self, surface, alpha: float) -> None:
        surface.fill((22, 20, 20))
        w, h = surface.get_size()
        text = self.app.text
        text.blit(surface, self.title, (w // 2, h // 4), 40, (240, 110, 90), bold=True,
                  anchor="midtop")
        font = text.font(22)
        y = h // 4 + 60
        for line in wrap(self.body, font, min(w - 80, 1000)):
            text.blit(surface, line, (w // 2, y), 22, (230, 230, 225), anchor="midtop")
            y += 26
        text.blit(surface, "Esc or Enter to quit", (w // 2, y + 30), 20, (160, 160, 150),
                  anchor="midtop")
