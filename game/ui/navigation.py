"""Every screen by name: the one module that knows the screen classes.

Screens move between each other by name through their context (`ctx.go("briefing",
mission)`), so no screen imports another; only the app imports this table and gives it
to the context.  A screen class's `name` is its key here.

A screen's module is imported the first time the screen is asked for, not when the app
starts: the battle alone pulls in the simulation, the AI and the renderers, which the
title screen does not need (start-up is budgeted at 0.6 s).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from typing import Any

# screen name -> (module, class); test_screen_context checks each class's name matches
SCREEN_CLASSES: dict[str, tuple[str, str]] = {
    "title": ("game.ui.title", "TitleScreen"),
    "campaign": ("game.ui.campaign", "CampaignScreen"),
    "briefing": ("game.ui.briefing", "BriefingScreen"),
    "custom_maps": ("game.ui.custom_maps", "CustomMapsScreen"),
    "settings": ("game.ui.settings_screen", "SettingsScreen"),
    "key_bindings": ("game.ui.settings_screen", "KeyBindingsScreen"),
    "help": ("game.ui.help_overlay", "HelpOverlay"),
    "confirm": ("game.ui.confirm", "ConfirmScreen"),
    "pause": ("game.ui.pause", "PauseScreen"),
    "battle": ("game.ui.battle", "BattleScreen"),
    "debrief": ("game.ui.debrief", "DebriefScreen"),
    "outcome": ("game.ui.outcome", "OutcomeScreen"),
    "message": ("game.ui.message", "MessageScreen"),
}


class _Routes(Mapping[str, Callable[..., Any]]):
    """Screen name -> screen class, importing the class's module on first use."""

    def __init__(self, table: dict[str, tuple[str, str]]) -> None:
        self._table = dict(table)
        self._loaded: dict[str, Callable[..., Any]] = {}

    def __getitem__(self, name: str) -> Callable[..., Any]:
        cls = self._loaded.get(name)
        if cls is None:
            module, attr = self._table[name]  # KeyError for an unknown name, as a dict
            cls = self._loaded[name] = getattr(importlib.import_module(module), attr)
        return cls

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)


ROUTES: Mapping[str, Callable[..., Any]] = _Routes(SCREEN_CLASSES)
