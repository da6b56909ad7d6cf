"""The screen interface the app's stack drives.  A screen is given the context (game/ui/
context.py) and reaches the rest of the game only through it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from game.ui.context import Context


class Screen:
    name = ""  # its name in game/ui/navigation.py's route table
    transparent = False  # True: the screen below is drawn first (overlays, menus)
    wants_ticks = False  # True: the app runs fixed simulation steps for this screen

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def handle_event(self, event: pygame.event.Event) -> None:
        """One pygame event; only the top screen gets them."""

    def update(self, dt: float) -> None:
        """Once per frame with the real seconds since the last frame."""

    def tick(self) -> None:
        """One fixed 30 Hz step (only when wants_ticks and the clock allows)."""

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        """Draw; alpha is how far the clock is between the last tick and the next."""

    def idle(self, spare_s: float) -> None:
        """After the frame is shown, with the seconds left before the next one is due:
        room for work that can wait (building caches ahead), never needed for this frame."""

    def progress_changed(self) -> None:
        """The campaign progress changed under this screen (a mission was won)."""

    def toast_top(self, height: int) -> int:
        """Where the app's toasts start (y) while this screen is on top: below the middle
        by default, where a menu has room."""
        return height * 2 // 3


class MenuScreen(Screen):
    """A screen driven by a widgets.Menu in `self.menu`: the menu takes its keys and clicks
    first; a back key leaves through back()."""

    back_keys: tuple[int, ...] = (pygame.K_ESCAPE, pygame.K_BACKSPACE)
    menu = None  # set by the subclass

    def back(self) -> None:
        self.ctx.pop()

    def handle_event(self, event: pygame.event.Event) -> None:
        if self.menu is not None and self.menu.handle_event(event):
            return
        if event.type == pygame.KEYDOWN and event.key in self.back_keys:
            self.back()

