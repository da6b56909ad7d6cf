"""Insurgents and hand grenades: throw one at a squad member dug in behind cover, and get
out of a live grenade's ring.

A throw needs, at the insurgent's turn to think: a grenade left and the rules' cooldown
over; a hunting alert; a squad member its group knows of lately (the blackboard) on a
tile within THROW_TILES that has cover against this insurgent (a target in the open is
shot, not bombed) and no wall on the way; no insurgent standing inside the ring; no other
grenade of its group in the air or on the ground (one at a time, so a group does not
empty its pouches in one volley); and the unit's dice (THROW_CHANCE).
"""

from __future__ import annotations

import math
from typing import Any

from game.ai.behaviours import Mind, go
from game.ai.knowledge import roll
from game.sim.catalog import TICK_HZ
from game.sim.commands import Stop, ThrowGrenade
from game.sim.geometry import SUB
from game.sim.grenades import RADIUS_TILES, THROW_RANGE_TILES
from game.sim.kinds import HUNTING, Side
from game.sim.perception import board_key
from game.sim.queries import cover_from
from game.sim.smoke import clear_of_walls
from game.sim.units import ACTIVE, Unit

THROW_TILES = THROW_RANGE_TILES - 0.5  # a margin: the tile's centre, not its edge, counts
MIN_TILES = RADIUS_TILES + 1.0  # never inside its own ring
FRESH_TICKS = 3 * TICK_HZ  # only a position learned this recently is worth a grenade
THROW_CHANCE = 0.5
ALLY_MARGIN = 0.5  # tiles beyond the ring an ally must be
NEAR_TILES = 2.0  # this near a ring's edge, a route through it is stopped short


def throw_at_cover(mind: Mind, unit: Unit) -> list[Any]:
    """[ThrowGrenade] at the nearest known squad member in cover, or []."""
    world = mind.world
    if world.grenades_left.get(unit.id, 0) <= 0 or world.tick < world.grenade_ready.get(
            unit.id, 0) or unit.mind.alert not in HUNTING or unit.carrying:
        return []
    if world.grenades and any(g.side == _INSURGENT and _group_of(world, g.thrower_id)
                              == unit.group and unit.group for g in world.grenades):
        return []
    spot = _covered_target(mind, unit)
    if spot is None or roll(world, unit.id, world.tick * 3 + 1) >= THROW_CHANCE:
        return []
    return [ThrowGrenade(unit.id, *spot)]


def _covered_target(mind: Mind, unit: Unit) -> tuple[int, int] | None:
    world = mind.world
    board = world.blackboard.get(board_key(unit))
    if not board:
        return None
    here = unit.tile
    best, best_d = None, math.inf
    for tid in sorted(board):
        x, y, tick = board[tid]
        target = world.units.get(tid)
        if target is None or target.side != _SQUAD or world.tick - tick > FRESH_TICKS:
            continue
        d = math.hypot(x - here[0], y - here[1])
        if not MIN_TILES <= d <= THROW_TILES or d >= best_d:
            continue
        if cover_from(world.terrain, (x, y), here) == 0:
            continue  # in the open: a rifle's job
        if not clear_of_walls(world, here[0], here[1], x, y):  # clear_line, kept per terrain
            continue
        if _ally_in_ring(mind, unit, x, y):
            continue
        best, best_d = (x, y), d
    return best


def _ally_in_ring(mind: Mind, unit: Unit, x: int, y: int) -> bool:
    reach = (RADIUS_TILES + ALLY_MARGIN) * SUB
    cx, cy = x * SUB + SUB // 2, y * SUB + SUB // 2
    return any(
        a.life == ACTIVE and not a.hidden and math.hypot(a.x - cx, a.y - cy) <= reach
        for a in mind.world.insurgents() if a is not unit
    )


def _group_of(world, uid: int) -> str:
    thrower = world.units.get(uid)
    return thrower.group if thrower is not None else ""


def dodge_grenades(mind: Mind, unit: Unit) -> list[Any] | None:
    """Orders about a live grenade's ring (None when no ring concerns it): inside one, out
    by the tactical query's cover search (which never picks a tile inside a ring); near
    one, on a route that crosses it, stop short (Stop) rather than walk through it."""
    world = mind.world
    for grenade in world.grenades:
        if not grenade.landed:
            continue
        reach = grenade.radius + 0.5
        dist = math.hypot(unit.x - grenade.x, unit.y - grenade.y) / SUB
        if dist > reach + NEAR_TILES:
            continue
        crossing = any(not _outside(tile, grenade.x, grenade.y, grenade.radius)
                       for tile in unit.path)
        if dist > reach:
            return [Stop((unit.id,))] if crossing else None
        if unit.path and not crossing:
            return []  # already on its way out
        choice = mind.query(unit, "fallback", [grenade.tile], None, 5, leave=True)
        if choice is None or not choice.moved:
            return None
        return go(mind, unit, choice.tile)
    return None


def _outside(tile: tuple[int, int], x: int, y: int, radius: float) -> bool:
    return math.hypot(tile[0] * SUB + SUB // 2 - x, tile[1] * SUB + SUB // 2 - y) / SUB > \
        radius + 0.5


# enum members, looked up once (slow to read off their class)
_SQUAD, _INSURGENT = Side.SQUAD, Side.INSURGENT
