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
