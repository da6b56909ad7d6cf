"""Insurgents close the net: once a group knows where the squad is, part of it holds the
squad's way out while the rest presses.

The squad's way out is the route (the rules' own path search) from the squad member its
group learned of most recently to the nearest extraction zone; the insurgents know where
Bravo is, it is their town. The group's blockers are its HOLD_SHARE of riflemen and
gunners (never snipers or scouts, who have their own jobs) whose posts lie nearest that
zone (fixed by where each started, so the roles do not swap as they move). Each holds a
tile on the route at least AHEAD_TILES along it from the squad, chosen by the tactical
query in "hold" mode (a narrow spot, in cover from the squad where it can), walks there
and stays, firing at whoever it sees; after STUCK_TICKS still it shifts to another tile
of the held stretch (as a sniper along its perch), never off it. Everyone else presses
as before (behaviours.engage). A hurt blocker, a broken group and one with no route
fall back on the usual behaviour.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from game.ai.behaviours import STUCK_TICKS, Mind, go
from game.ai.knowledge import tile_dist, visible_target
from game.sim.catalog import TICK_HZ
from game.sim.combat import can_shoot
from game.sim.commands import Attack, Move
from game.sim.geometry import SUB
from game.sim.kinds import HUNTING, Side
from game.sim.pathing import path_grid
from game.sim.perception import board_key
from game.sim.units import ACTIVE, Unit
from game.sim.world import World

HOLD_SHARE = 0.5  # of a group's riflemen and gunners, rounded down
AHEAD_TILES = 6  # a held tile is at least this far along the route from the squad
KNOWN_TICKS = 15 * TICK_HZ  # a squad position older than this is not worth a blockade
HOLD_RADIUS = 10  # the hold query's window
SHIFT_RADIUS = 3  # a holder that has stood still too long moves this far at most
MIN_ROUTE = AHEAD_TILES + 2


def close_the_net(mind: Mind, unit: Unit) -> list[Any] | None:
    """A blocker's orders (possibly none: it holds); None when the unit is not one."""
    world = mind.world
    if unit.mind.alert not in HUNTING or not unit.group or unit.group in world.broken_groups:
        return None
    if unit.hp < unit.utype.max_hp * mind.level.fallback_hp:
        return None
    route = squad_route(mind, unit)
    if route is None or unit.id not in _blockers(mind, unit.group, route[-1]):
        return None
    ahead = route[AHEAD_TILES:]
    here = unit.tile
    restless = unit.mind.still_ticks >= STUCK_TICKS
    if unit.path and unit.path[-1] in ahead or here in ahead and not restless:
        return _hold_fire(mind, unit)
    only = np.zeros(world.terrain.walkable.shape, dtype=bool)
    xs, ys = zip(*ahead, strict=True)
    only[list(ys), list(xs)] = True
    squad_tile = route[0]
    radius = SHIFT_RADIUS if here in ahead else HOLD_RADIUS
    choice = mind.query(unit, "hold", [squad_tile], squad_tile, radius, leave=restless,
                        only=only)
    if choice is not None and choice.tile in ahead:
        return go(mind, unit, choice.tile) or _hold_fire(mind, unit)
    if here in ahead:
        return _hold_fire(mind, unit)
    nearest = min(ahead, key=lambda t: (tile_dist(t, here), t))
    return go(mind, unit, nearest)


def squad_route(mind: Mind, unit: Unit) -> list[tuple[int, int]] | None:
    """The route from the squad member its group knows of most lately to the nearest
    extraction zone (the squad's tile first), or None."""
    world = mind.world
    key = f"net_route:{board_key(unit)}"
    if key in mind.memo:
        return mind.memo[key]
    route = None
    known = _known_squad(world, unit)
    if known is not None:
        goal = _exit_tile(world, known)
        if goal is not None:
            steps = path_grid(world.caches, world.terrain).find(known, goal)
            if len(steps) >= MIN_ROUTE:
                route = [known, *steps]
    mind.memo[key] = route
    return route


def _known_squad(world: World, unit: Unit) -> tuple[int, int] | None:
    board = world.blackboard.get(board_key(unit))
    if not board:
        return None
    best, best_tick = None, -1
    for tid in sorted(board):
        x, y, tick = board[tid]
        target = world.units.get(tid)
        if target is None or target.side != _SQUAD or world.tick - tick > KNOWN_TICKS:
            continue
        if tick > best_tick:
            best, best_tick = (x, y), tick
    return best


def _exit_tile(world: World, near: tuple[int, int]) -> tuple[int, int] | None:
    """The centre tile of the extraction zone nearest `near`."""
    best, best_d = None, math.inf
    for zone in world.scenario.extractions:
        x0, y0, x1, y1 = zone.rect
        tile = ((x0 + x1) // 2 // SUB, (y0 + y1) // 2 // SUB)
        d = tile_dist(tile, near)
        if d < best_d:
            best, best_d = tile, d
    return best


def _blockers(mind: Mind, group: str, goal: tuple[int, int]) -> set[int]:
    """The group's riflemen and gunners whose posts lie nearest the goal, HOLD_SHARE of
    them."""
    key = f"net_blockers:{group}"
    if key not in mind.memo:
        members = [
            u for u in mind.world.insurgents()
            if u.group == group and u.life == ACTIVE and not u.hidden
            and not u.utype.perch and not u.utype.scout
        ]
        members.sort(key=lambda u: (tile_dist(u.mind.home or u.tile, goal), u.id))
        mind.memo[key] = {u.id for u in members[: int(len(members) * HOLD_SHARE)]}
    return mind.memo[key]


def _hold_fire(mind: Mind, unit: Unit) -> list[Any]:
    """On (or on its way to) the held tile: fire at whoever it sees, never leave."""
    target = visible_target(mind.world, unit, mind.enemies)
    if target is None or target.id == unit.target_id or not can_shoot(mind.world, unit, target):
        return []
    if unit.path:  # keep walking to the held tile while it fires
        return [Attack((unit.id,), target.id), Move((unit.id,), *unit.path[-1], queue=True)]
    return [Attack((unit.id,), target.id)]


_SQUAD = Side.SQUAD  # an enum's member, looked up once (slow to read off its class)
