"""The closed sets of words the rules use, as str-valued enums.

A member is equal to (and hashes and serialises like) its string, so the state hash, saves,
replays and events read the same as when these were plain strings; a type checker catches
a misspelt member where a misspelt string would silently never match.
"""

from __future__ import annotations

from enum import StrEnum


class StrikeKind(StrEnum):
    BOMB = "bomb"  # a blast around one tile (airstrike.py)
    GUN = "gun"  # a strafe along a line (gun_run.py)


class Side(StrEnum):
    SQUAD = "squad"
    INSURGENT = "insurgent"
    CIVILIAN = "civilian"


class Life(StrEnum):
    ACTIVE = "active"  # on their feet
    DOWNED = "downed"  # down, bleeding out unless treated (squad and survivors)
    DEAD = "dead"
    GONE = "gone"  # off the map: rescued or extracted
    RESERVE = "reserve"  # insurgent reinforcements not yet on the map (alarm.py)


class Roe(StrEnum):
    """A squad member's rules of engagement (queries.roe_allows)."""

    FIRE_AT_WILL = "fire_at_will"  # takes any enemy it can hit
    RETURN_FIRE = "return_fire"  # only someone who fired on the squad lately
    HOLD_FIRE = "hold_fire"  # never fires, not even when fired on


class Alert(StrEnum):
    """An insurgent's alert level, lowest first (perception.py)."""

    GREEN = "green"  # calm: patrols or holds its post
    YELLOW = "yellow"  # heard something: goes to look
    RED = "red"  # its group knows where an enemy was: hunts and flanks
    BLACK = "black"  # sees a detected enemy now: fights


HUNTING = frozenset((Alert.RED, Alert.BLACK))  # levels that know of an enemy: hunt or fight
