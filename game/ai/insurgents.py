"""The insurgents' minimal mind: fire at the nearest squad member they can see."""

from __future__ import annotations

import math
from typing import Any

from game.sim.combat import can_see
from game.sim.commands import Attack
from game.sim.world import World

THINK_EVERY = 6  # ticks between one insurgent's decisions, staggered by id


def think(world: World) -> list[Any]:
    orders: list[Any] = []
    for uid in sorted(world.units):
        unit = world.units[uid]
        if unit.side != "insurgent" or not unit.active or unit.hidden:
            continue
        if (world.tick + uid) % THINK_EVERY:
            continue
        target = _nearest_visible_enemy(world, unit)
        if target is not None and target.id != unit.target_id:
            orders.append(Attack((unit.id,), target.id))
    return orders


def _nearest_visible_enemy(world: World, unit):
    best, best_d = None, math.inf
    for member in world.squad():
        if member.active and can_see(world, unit, member):
            d = math.hypot(member.x - unit.x, member.y - unit.y)
            if d < best_d:
                best, best_d = member, d
    return best
