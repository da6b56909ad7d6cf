"""The insurgents' mind: reads the world, returns the same commands a player gives.

Thinking is staggered: each insurgent decides every `think_ticks` (its reaction time,
from the difficulty), offset by its id, so a tick carries a share of the crowd and never
all of it.  A unit that has just come under fire thinks out of turn after half its
reaction time.  Tile queries and new routes (the costly parts) are capped per tick; a
unit refused one simply keeps doing what it did until its next turn.
"""

from __future__ import annotations

from typing import Any

from game.ai.behaviours import Mind, decide
from game.ai.grenadiers import dodge_grenades, throw_at_cover
from game.ai.net import close_the_net
from game.ai.scouts import run_for_help
from game.sim.difficulty import difficulty_of
from game.sim.perception import enemies_of
from game.sim.units import ACTIVE, Unit
from game.sim.world import World

QUERIES_PER_TICK = 3
MOVES_PER_TICK = 3


def think(world: World) -> list[Any]:
    level = difficulty_of(world.difficulty)
    mind = Mind(world, level, QUERIES_PER_TICK, MOVES_PER_TICK, enemies_of(world))
    react = max(1, level.think_ticks // 2)
    orders: list[Any] = []
    for unit in _turns(world, level.think_ticks, react):  # id order
        if unit.life != ACTIVE or unit.hidden:
            continue
        orders += _decide(mind, unit)
    return orders


def _turns(world: World, every: int, react: int) -> list[Unit]:
    """The insurgents whose turn it is, in id order: those whose id comes round this tick
    ((tick + id) % every == 0), and those a round landed near `react` ticks ago."""
    tick = world.tick
    shaken = tick - react
    return [u for u in world.insurgents()
            if (tick + u.id) % every == 0 or u.under_fire_tick == shaken]


def _decide(mind: Mind, unit: Unit) -> list[Any]:
    """Out of a grenade's ring first; a throw at a squad member in cover goes with
    whatever else it does; a scout that should be running for help runs; a blocker holds
    the squad's way out (net.py); everyone else by alert and role."""
    if mind.world.grenades:
        dodging = dodge_grenades(mind, unit)
        if dodging is not None:
            return dodging
    throw = throw_at_cover(mind, unit)
    if unit.utype.scout:
        running = run_for_help(mind, unit)
        if running is not None:
            return throw + running
    holding = close_the_net(mind, unit)
    if holding is not None:
        return throw + holding
    return throw + decide(mind, unit)
