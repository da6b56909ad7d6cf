"""Shared helpers for the survivor tests: run the rules without the insurgent AI."""

from __future__ import annotations

from game.sim.pathing import PathGrid
from game.sim.step import step


def member(world, kind):
    return next(u for u in world.units.values() if u.kind == kind)


def run(world, ticks, commands=()):
    """Step the world; commands go in on the first tick. Returns every event."""
    events = step(world, list(commands))
    for _ in range(ticks - 1):
        events += step(world, [])
    return events


def of_type(events, name):
    return [e for e in events if type(e).__name__ == name]


def walking_distance(world, a, b) -> int:
    """Tiles walked from unit a to unit b (0 on the same tile)."""
    if a.tile == b.tile:
        return 0
    return len(PathGrid(world.terrain).find(a.tile, b.tile))


def park_squad(world, *keep):
    """Take every squad member except `keep` (kinds) off the board, so tests are about
    the ones left; parked members are out of play, not dead."""
    for unit in world.squad():
        if unit.kind not in keep:
            unit.life = "gone"
