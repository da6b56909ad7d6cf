"""Key bindings: battle actions -> keys, remappable from the settings screen.  This is
the battle's one key table: besides Esc (the menu), F3 (frame times), F11 (fullscreen),
F12 (screenshots) and Tab (the training prompt and the gun run while aiming) every key
goes through it.

Bindings are stored by pygame key *name* ("space", "f5", "b"), with "ctrl+" in front
for a Ctrl combination ("ctrl+a"), so the settings file is readable and survives pygame
versions.  An action may have several keys (arrows and WASD both pan); rebinding
replaces them all with the one key (or combination) pressed, and takes it away from any
other action so one key never means two things.  A plain binding answers with or
without Shift (Shift adds to the selection) but not with Ctrl held.
"""

from __future__ import annotations

import functools
import warnings

import pygame

# (action, label shown in settings and help, default keys), in the order shown
ACTIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("pause", "Pause / resume", ("space",)),
    ("faster", "Faster", ("=", "keypad +", "+")),
    ("slower", "Slower", ("-", "keypad -")),
    ("select_1", "Select Rafiq", ("1",)),
    ("select_2", "Select Hana", ("2",)),
    ("select_3", "Select Maaz", ("3",)),
    ("select_4", "Select Rima", ("4",)),
    ("select_all", "Select the whole squad", ("ctrl+a",)),
    ("gather", "Survivors follow (gather)", ("g",)),
    ("stop", "Stop", ("x",)),
    ("put_down", "Put down who you carry", ("v",)),
    ("centre", "Centre on selection", ("c",)),
    ("air_strike", "Call Falcon-2", ("b",)),
    ("roe", "Rules of engagement (cycle)", ("r",)),
    ("hold", "Hold position", ("h",)),
    ("exposure", "Exposure overlay", ("e",)),
    ("alert_jump", "Jump to the latest alert", ("q",)),
    ("grenade", "Throw a grenade", ("t",)),
    ("call_evac", "Call the evac vehicles", ("u",)),
    ("minimap", "Show / hide the minimap", ("m",)),
    ("pan_up", "Camera up", ("up", "w")),
    ("pan_down", "Camera down", ("down", "s")),
    ("pan_left", "Camera left", ("left", "a")),
    ("pan_right", "Camera right", ("right", "d")),
    ("quicksave", "Quicksave", ("f5",)),
    ("quickload", "Quickload", ("f9",)),
    ("help", "Controls (help)", ("f1",)),
    ("reload_map", "Reload the map from disk", ("ctrl+r",)),
)
ACTION_NAMES = tuple(a for a, _, _ in ACTIONS)
LABELS = {a: label for a, label, _ in ACTIONS}
DEFAULTS: dict[str, list[str]] = {a: list(keys) for a, _, keys in ACTIONS}
RESERVED = ("escape", "f3", "f11", "f12")  # menu, frame times, fullscreen, screenshots


CTRL = "ctrl+"
Combo = tuple[bool, int]  # (Ctrl held, key code)


def key_code(name: str) -> int | None:
    try:
        with warnings.catch_warnings():  # names map to codes without pygame.init()
            warnings.simplefilter("ignore")
            return pygame.key.key_code(name)
    except (ValueError, pygame.error):
        return None


def split_name(name: str) -> tuple[bool, str]:
    """("ctrl+a") -> (True, "a"); a plain key name -> (False, name)."""
    if name.startswith(CTRL) and len(name) > len(CTRL):
        return True, name[len(CTRL):]
    return False, name


@functools.lru_cache(maxsize=512)
def combo_of(name: str) -> Combo | None:
    """The (Ctrl, key code) a binding name means, None when it names no key. Kept per
    name (the mapping never changes): the battle asks for the pan keys every frame, and
    looking a name up cost ~25 us."""
    ctrl, key = split_name(name)
    code = key_code(key)
    return None if code is None else (ctrl, code)


def combo_name(key: int, mods: int = 0) -> str:
    name = pygame.key.name(key)
    return CTRL + name if name and mods & pygame.KMOD_CTRL else name


def key_label(code: int) -> str:
    name = pygame.key.name(code)
    return name.upper() if len(name) == 1 else name.title()


def combo_label(combo: Combo) -> str:
    ctrl, code = combo
    return ("Ctrl + " if ctrl else "") + key_label(code)


def bindable(name: str) -> bool:
    ctrl, key = split_name(name)
    return key not in RESERVED and combo_of(name) is not None


def clean_bindings(raw: object) -> dict[str, list[str]]:
    """Bindings from a settings file: unknown actions dropped, bad keys ignored, missing
    actions given their defaults."""
    out = {a: list(k) for a, k in DEFAULTS.items()}
    if not isinstance(raw, dict):
        return out
    for action, keys in raw.items():
        if action not in out or not isinstance(keys, list):
            continue
        good = [k for k in keys if isinstance(k, str) and bindable(k)]
        if good:
            out[action] = good
    return out


class KeyMap:
    def __init__(self, bindings: dict[str, list[str]] | None = None) -> None:
        self.bindings = clean_bindings(bindings or {})
        self._by_combo: dict[Combo, str] = {}
        self._rebuild()

    def _rebuild(self) -> None:
        self._by_combo = {}
        for action in ACTION_NAMES:
            for name in self.bindings[action]:
                combo = combo_of(name)
                if combo is not None:
                    self._by_combo.setdefault(combo, action)

    def reset(self) -> None:
        """Every action back to its default keys."""
        self.bindings = {a: list(k) for a, k in DEFAULTS.items()}
        self._rebuild()

    def action(self, key: int, mods: int = 0) -> str | None:
        """The action a pressed key (with the modifiers held) means, if any."""
        return self._by_combo.get((bool(mods & pygame.KMOD_CTRL), key))

    def combos(self, action: str) -> list[Combo]:
        return [c for c in map(combo_of, self.bindings.get(action, ())) if c and c[1]]

    def codes(self, action: str) -> list[int]:
        """The keys of `action`'s plain bindings (the ones a held key can mean)."""
        return [code for ctrl, code in self.combos(action) if not ctrl]

    def pressed(self, keys, action: str) -> bool:
        """Whether any key of `action` is held, given pygame.key.get_pressed()."""
        return any(keys[code] for code in self.codes(action))

    def rebind(self, action: str, key: int, mods: int = 0) -> bool:
        """Bind `action` to this key (with Ctrl when held) alone; False when it cannot be
        bound."""
        name = combo_name(key, mods)
        if action not in self.bindings or not name or not bindable(name):
            return False
        for other, keys in self.bindings.items():
            if other != action and name in keys:
                keys.remove(name)
        self.bindings[action] = [name]
        self._rebuild()
        return True

    def describe(self, action: str) -> str:
        combos = self.combos(action)
        return " / ".join(combo_label(c) for c in combos) if combos else "(unbound)"
