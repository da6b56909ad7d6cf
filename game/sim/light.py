"""The light of a mission (the map's `time_of_day`) and how far eyes reach in it.

The one table of sight by time of day: every rule that asks how far a unit sees asks
`sight_tiles`, so dusk and night shorten seeing, spotting and aimed fire alike.
"""

from __future__ import annotations

from typing import Any

TIMES_OF_DAY = ("day", "dusk", "night")
# share of a unit's daylight sight range it keeps
SIGHT_FACTOR: dict[str, float] = {"day": 1.0, "dusk": 0.75, "night": 0.5}


def sight_factor(time_of_day: str) -> float:
    """The table's factor; an unknown value (the loader refuses one) sees as by day."""
    return SIGHT_FACTOR.get(time_of_day, 1.0)


def sight_tiles(world: Any, unit: Any) -> float:
    """How far this unit sees now, in tiles."""
    return unit.utype.sight_tiles * sight_factor(world.scenario.rules.time_of_day)
