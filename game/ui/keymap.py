"""Key bindings: battle actions -> keys, remappable from the settings screen.

Bindings are stored by pygame key *name* ("space", "f5", "b") so the settings file is
readable and survives pygame versions.  An action may have several keys (arrows and
WASD both pan); rebinding replaces them all with the one key pressed, and takes that
key away from any other action so one key never means two things.
"""

from __future__ import annotations

import warnings

import pygame

# (action, label shown in settings and help, default keys), in the order shown
ACTIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("pause", "Pause / resume", ("space",)),
    ("faster", "Faster", ("=", "keypad +")),
    ("slower", "Slower", ("-", "keypad -")),
    ("select_1", "Select Rafiq", ("1",)),
    ("select_2", "Select Hana", ("2",)),
    ("select_3", "Select Maaz", ("3",)),
    ("select_4", "Select Rima", ("4",)),
    ("gather", "Survivors follow (gather)", ("g",)),
    ("stop", "Stop", ("x",)),
    ("put_down", "Put down who you carry", ("v",)),
    ("centre", "Centre on selection", ("c",)),
    ("air_strike", "Call Falcon-2", ("b",)),
    ("call_evac", "Call the evac vehicles", ("e",)),
    ("pan_up", "Camera up", ("up", "w")),
    ("pan_down", "Camera down", ("down", "s")),
    ("pan_left", "Camera left", ("left", "a")),
    ("pan_right", "Camera right", ("right", "d")),
    ("quicksave", "Quicksave", ("f5",)),
    ("quickload", "Quickload", ("f9",)),
    ("help", "Controls (help)", ("f1",)),
)
ACTION_NAMES = tuple(a for a, _, _ in ACTIONS)
LABELS = {a: label for a, label, _ in ACTIONS}
DEFAULTS: dict[str, list[str]] = {a: list(keys) for a, _, keys in ACTIONS}
RESERVED = ("escape", "f12")  # the menu and screenshots are never rebound


def key_code(name: str) -> int | None:
    try:
        with warnings.catch_warnings():  # names map to codes without pygame.init()
            warnings.simplefilter("ignore")
            return pygame.key.key_code(name)
    except (ValueError, pygame.error):
        return None


def key_label(code: int) -> str:
    name = pygame.key.name(code)
    return name.upper() if len(name) == 1 else name.title()


def clean_bindings(raw: object) -> dict[str, list[str]]:
    """Bindings from a settings file: unknown actions dropped, bad keys ignored, missing
    actions given their defaults."""
    out = {a: list(k) for a, k in DEFAULTS.items()}
    if not isinstance(raw, dict):
        return out
    for action, keys in raw.items():
        if action not in out or not isinstance(keys, list):
            continue
        good = [k for k in keys if isinstance(k, str) and k not in RESERVED
                and key_code(k) is not None]
        if good:
            out[action] = good
    return out


class KeyMap:
    def __init__(self, bindings: dict[str, list[str]] | None = None) -> None:
        self.bindings = clean_bindings(bindings or {})
        self._by_code: dict[int, str] = {}
        self._rebuild()

    def _rebuild(self) -> None:
        self._by_code = {}
        for action in ACTION_NAMES:
            for name in self.bindings[action]:
                code = key_code(name)
                if code is not None:
                    self._by_code.setdefault(code, action)

    def action(self, key: int) -> str | None:
        """The action a pressed key means, if any."""
        return self._by_code.get(key)

    def codes(self, action: str) -> list[int]:
        return [c for c in (key_code(n) for n in self.bindings.get(action, ())) if c]

    def pressed(self, keys, action: str) -> bool:
        """Whether any key of `action` is held, given pygame.key.get_pressed()."""
        return any(keys[code] for code in self.codes(action))

    def rebind(self, action: str, key: int) -> bool:
        """Bind `action` to this key alone; False when the key cannot be bound."""
        name = pygame.key.name(key)
        if action not in self.bindings or not name or name in RESERVED:
            return False
        for other, keys in self.bindings.items():
            if other != action and name in keys:
                keys.remove(name)
        self.bindings[action] = [name]
        self._rebuild()
        return True

    def describe(self, action: str) -> str:
        codes = self.codes(action)
        return " / ".join(key_label(c) for c in codes) if codes else "(unbound)"
