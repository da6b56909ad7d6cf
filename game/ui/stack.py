"""The screen stack: the top screen gets the input; transparent ones show what lies
below.  Screens are found by their `name` (the names game/ui/navigation.py gives), so
no screen needs another's class to look for it."""

from __future__ import annotations

from typing import Any


class ScreenStack:
    def __init__(self) -> None:
        self.screens: list[Any] = []  # game.ui.screen.Screen, bottom first
        self.running = True
        self.exit_code = 0

    def push(self, screen: Any) -> None:
        self.screens.append(screen)

    def pop(self) -> Any:
        screen = self.screens.pop() if self.screens else None
        if not self.screens:
            self.running = False
        return screen

    def quit(self, code: int | None = None) -> None:
        if code is not None:
            self.exit_code = code
        self.running = False

    def named(self, name: str) -> list[Any]:
        return [s for s in self.screens if getattr(s, "name", "") == name]

    def pop_to(self, name: str) -> bool:
        """Pop until the top screen is called `name`; False (nothing popped) when none is."""
        if not self.named(name):
            return False
        while self.screens and getattr(self.screens[-1], "name", "") != name:
            self.screens.pop()
        return True

    def close_from(self, screen: Any) -> None:
        """Take `screen` and everything above it off the stack."""
        if screen in self.screens:
            del self.screens[self.screens.index(screen):]
