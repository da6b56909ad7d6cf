"""Every screen by name: the one module that knows the screen classes.

Screens move between each other by name through their context (`ctx.go("briefing",
mission)`), so no screen imports another; only the app imports this table and gives it
to the context.  A screen class's `name` is its key here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from game.ui.battle import BattleScreen
from game.ui.briefing import BriefingScreen
from game.ui.campaign import CampaignScreen
from game.ui.confirm import ConfirmScreen
from game.ui.custom_maps import CustomMapsScreen
from game.ui.debrief import DebriefScreen
from game.ui.help_overlay import HelpOverlay
from game.ui.message import MessageScreen
from game.ui.outcome import OutcomeScreen
from game.ui.pause import PauseScreen
from game.ui.settings_screen import KeyBindingsScreen, SettingsScreen
from game.ui.title import TitleScreen

SCREENS = (TitleScreen, CampaignScreen, BriefingScreen, CustomMapsScreen, SettingsScreen,
           KeyBindingsScreen, HelpOverlay, ConfirmScreen, PauseScreen, BattleScreen,
           DebriefScreen, OutcomeScreen, MessageScreen)

ROUTES: Mapping[str, Callable[..., Any]] = MappingProxyType({cls.name: cls for cls in SCREENS})
