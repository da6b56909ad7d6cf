"""Carrying the downed and the wounded: pick-up, carrying along, setting down."""

from __future__ import annotations

import math

from game.sim.events import (
    UnitCarried,
    UnitPutDown,
)
from game.sim.geometry import SUB
from game.sim.movement import set_course
from game.sim.queries import can_be_carried
from game.sim.units import Unit
from game.sim.world import World

REPLAN_TICKS = 15  # ticks between new routes to someone being fetched
PICKUP_TILES = 1.5


# -- carrying -----------------------------------------------------------------------------
def update_carriers(world: World, events: list) -> None:
    for unit in world.squad():  # id order
        carried = world.units.get(unit.carrying) if unit.carrying else None
        if carried is not None:
            if not unit.active:
                put_down(world, unit, events)
            else:
                # hands full: no aimed fire while carrying someone
                unit.target_id, unit.chasing, unit.ground_target = 0, False, None
        elif unit.squad.carry_target:
            _approach_pickup(world, unit, events)


def _approach_pickup(world: World, unit: Unit, events: list) -> None:
    target = world.units.get(unit.squad.carry_target)
    if not unit.active or target is None or not can_be_carried(target) or unit.carrying:
        unit.squad.carry_target = 0
        return
    if math.hypot(target.x - unit.x, target.y - unit.y) <= PICKUP_TILES * SUB:
        unit.squad.carry_target = 0
        unit.path.clear()
        pick_up(world, unit, target, events)
    elif not unit.path and (world.tick + unit.id) % REPLAN_TICKS == 0:
        set_course(world, unit, target.tile)


def pick_up(world: World, carrier: Unit, unit: Unit, events: list) -> None:
    carrier.carrying = unit.id
    unit.carried_by = carrier.id
    if unit.survivor_state is not None:  # a downed squad member follows nobody
        unit.survivor_state.leader_id = 0
        unit.survivor_state.panic = 0
    unit.path.clear()
    unit.waypoints.clear()
    unit.x, unit.y = carrier.x, carrier.y
    if unit.active:
        unit.activity = "carried"
    events.append(UnitCarried(carrier.id, unit.id))


def put_down(world: World, carrier: Unit, events: list) -> None:
    unit = world.units.get(carrier.carrying)
    carrier.carrying = 0
    if unit is None:
        return
    unit.carried_by = 0
    if unit.active:
        unit.activity = "idle"
    events.append(UnitPutDown(carrier.id, unit.id))


def carry_along(world: World) -> None:
    """Carried people move with their carriers (after movement)."""
    for carrier in world.squad():  # only the squad carries (update_carriers)
        if carrier.carrying and carrier.carrying in world.units:
            unit = world.units[carrier.carrying]
            unit.x, unit.y = carrier.x, carrier.y
            unit.facing = carrier.facing
