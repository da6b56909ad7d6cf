"""What a screen may use of the running game, handed to it at construction: the text
cache, the step clock, the window surface, the player's profile (settings, progress,
campaign, key map, audio), the map loader, toasts and navigation by screen name.

Screens never import the app or each other: `ctx.go("briefing", mission)` asks the
route table (game/ui/navigation.py, given to the context by the app) for the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from game.map_loader import load_map
from game.ui.clock import StepClock
from game.ui.stack import ScreenStack

if TYPE_CHECKING:
    import pygame

    from game.audio.director import Audio
    from game.progress import Mission, Progress
    from game.render.text import TextCache
    from game.settings import Settings
    from game.ui.keymap import KeyMap

TOAST_S = 2.5


@dataclass(eq=False)
class Context:
    text: TextCache
    routes: Mapping[str, Callable[..., Any]]  # screen name -> constructor(ctx, *args)
    clock: StepClock = field(default_factory=StepClock)
    stack: ScreenStack = field(default_factory=ScreenStack)
    load_map: Callable[..., Any] = load_map  # path -> Scenario, or MapLoadFailed
    surface: pygame.Surface | None = None  # the window, as of this frame
    fixed_dt: float | None = None  # frames mode: a repeatable run with no real pointer
    frame: int = 0
    # the player's profile: filled by game.ui.profile.prepare (None until then: a bare
    # `play MAP` runs on defaults and silently)
    settings: Settings | None = None
    progress: Progress | None = None
    campaign: list[Mission] | None = None
    keymap: KeyMap | None = None
    audio: Audio | None = None  # the one way sound leaves the game
    toasts: list[list] = field(default_factory=list)  # [text, seconds left]

    # -- navigation ---------------------------------------------------------------------
    def make(self, name: str, *args: Any, **kwargs: Any) -> Any:
        """A new screen by its name (not pushed)."""
        return self.routes[name](self, *args, **kwargs)

    def go(self, name: str, *args: Any, **kwargs: Any) -> Any:
        """Open the screen called `name` on top of the stack; returns it."""
        screen = self.make(name, *args, **kwargs)
        self.stack.push(screen)
        return screen

    def push(self, screen: Any) -> None:
        self.stack.push(screen)

    def pop(self) -> Any:
        return self.stack.pop()

    def quit(self, code: int | None = None) -> None:
        self.stack.quit(code)

    @property
    def screens(self) -> list[Any]:
        return self.stack.screens

    def toast(self, text: str) -> None:
        self.toasts.append([text, TOAST_S])
