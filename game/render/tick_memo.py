"""Answers about the world that change only when it ticks, asked once a tick.

The battle screen draws two or more frames per simulation tick, and several of its
drawers ask the simulation the same questions each frame (which contacts the squad
remembers, which units it sees): with 200 insurgents on the map that is ~0.5 ms a frame
spent on answers that cannot have changed. The world changes only in its tick (orders
wait for the next one; a restart or a load makes a new world), so an answer is kept
until the world, its tick or the caller's token (something cheap that an edit outside
a tick would change, e.g. how many contacts there are) moves on.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")

# per question: (the world asked about, its tick, the token, the answer); the world is
# held weakly, so a closed battle's world (200 insurgents and their grids) is not kept
_memo: dict[Callable, tuple[weakref.ref, int, Hashable, object]] = {}


def per_tick(world, question: Callable[[object], T], token: Hashable = None) -> T:
    """question(world), asked again only when world, world.tick or token changes."""
    kept = _memo.get(question)
    if kept is not None and kept[0]() is world and kept[1] == world.tick and \
            kept[2] == token:
        return kept[3]  # type: ignore[return-value]
    answer = question(world)
    _memo[question] = (weakref.ref(world), world.tick, token, answer)
    return answer


def forget() -> None:
    """Drop every kept answer (a test that edits a world in place between draws)."""
    _memo.clear()
