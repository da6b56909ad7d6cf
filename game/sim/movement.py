"""move_units: walk each unit along its path, one tile centre at a time."""

from __future__ import annotations

import math

import numpy as np

from game.sim.bodies import (
    REROUTE_TICKS,
    SQUEEZE_TICKS,
    YIELD_TICKS,
    ask_to_yield,
    body_grid,
    escort_pair,
    free_tile_near,
    friendly,
    resting_tiles,
    settle,
)
from game.sim.catalog import UNIT_TYPES
from game.sim.events import DoorOpened
from game.sim.facts import TickFacts
from game.sim.geometry import HALF, SUB, centre_of
from game.sim.kinds import Side
from game.sim.noise import door_noise
from game.sim.pathing import path_grid
from game.sim.units import ACTIVE, Unit
from game.sim.world import World

CARRY_SPEED_FACTOR = 0.6
WOUNDED_SPEED_FACTOR = 0.5


_CIVILIAN, _INSURGENT, _SQUAD = Side.CIVILIAN, Side.INSURGENT, Side.SQUAD  # hot loops: an
# enum's members are slow to look up on its class (its metaclass has __getattr__)
_STILL = frozenset(("healing", "working"))


def unit_speed(world: World, unit: Unit) -> int:
    speed = float(UNIT_TYPES[unit.kind].speed)
    if unit.carrying:
        speed *= CARRY_SPEED_FACTOR
    if unit.side == _CIVILIAN and unit.bleed > 0:
        speed *= WOUNDED_SPEED_FACTOR
    orders = unit.squad_state
    if orders is not None and orders.pace:  # leading survivors: wait for the slowest
        speed = min(speed, orders.pace)
    return max(1, int(speed))


def plan_next_leg(world: World, unit: Unit) -> bool:
    """Turn the next queued waypoint into a path; False when there is nowhere to go."""
    grid = path_grid(world.caches, world.terrain)
    while unit.waypoints and not unit.path:
        goal = unit.waypoints.pop(0)
        if goal == unit.tile:
            continue
        unit.path = grid.find(unit.tile, goal)
    return bool(unit.path)


BLOCKED, OPEN, DOOR = 0, 1, 2  # step_kinds: what a walker meets on stepping onto a tile


def step_kinds(world: World) -> list[list[int]]:
    """[y][x]: BLOCKED (a wall or a locked door: the route must be planned again), OPEN,
    or DOOR (a door to open on the way). Python lists, kept per terrain version: every
    step of every walker asks, and a list lookup costs a fraction of three numpy reads.
    A door opening changes only the opacity, so the lists stay right through a tick."""
    terrain = world.terrain
    kept = world.caches.get("step_kinds")
    if kept is None or kept[0] is not terrain or kept[1] != terrain.version:
        passable = terrain.walkable & ~terrain.locked
        kinds = np.where(passable, np.where(terrain.door, DOOR, OPEN), BLOCKED)
        kept = world.caches["step_kinds"] = (terrain, terrain.version, kinds.tolist())
    return kept[2]


def move_units(world: World, events: list, facts: TickFacts) -> None:
    rest = resting_tiles(world)  # grows as walkers arrive, in id order
    kinds = step_kinds(world)
    # unit_speed of a walker with nothing to slow it (no load, no orders' pace, not a
    # survivor) depends on its kind alone: asked once per kind, not of every walker
    plain: dict[str, int] = {}
    for unit in world.units.values():  # id order
        unit.last_x, unit.last_y = unit.x, unit.y
        if not unit.path and not unit.waypoints:  # most: what the branches below do for it
            if unit.activity == "moving" and unit.life == ACTIVE and not (
                    unit.hidden and unit.side == _INSURGENT):
                unit.activity = "idle"
            continue
        if unit.life != ACTIVE or unit.hidden and unit.side == _INSURGENT:
            continue
        if unit.activity in _STILL:
            continue
        orders = unit.squad_state
        if orders is not None and orders.holding:  # hold position: no step at all
            unit.path.clear()
            unit.waypoints.clear()
            if unit.activity == "moving":
                unit.activity = "idle"
            continue
        if not unit.path:  # waypoints queued (the test above)
            plan_next_leg(world, unit)
        if unit.path:
            if unit.carrying or unit.squad_state is not None or unit.side == _CIVILIAN:
                budget = unit_speed(world, unit)
            else:
                budget = plain.get(unit.kind, 0) or plain.setdefault(
                    unit.kind, unit_speed(world, unit))
            if unit.side == _SQUAD and _crowded_ahead(world, unit):
                budget //= 3  # let the one in front get ahead: a file, not a clump
            _advance(world, unit, budget, events, facts, rest, kinds)
            if not unit.path and not unit.waypoints:  # arrived: settle's own first test
                settle(world, rest, unit)
        elif unit.activity == "moving":
            unit.activity = "idle"


SPACING = SUB * 3 // 4
_RAD_TO_DEG = 180.0 / math.pi  # as geometry.angle_deg has it


def _crowded_ahead(world: World, unit: Unit) -> bool:
    """A squad mate walking just in front of this one, on the way to the next tile."""
    tx, ty = unit.path[0]
    hx, hy = centre_of(tx) - unit.x, centre_of(ty) - unit.y
    for other in world.squad():
        if other is unit or other.life != ACTIVE or not other.path:
            continue
        dx, dy = other.x - unit.x, other.y - unit.y
        if dx * dx + dy * dy < SPACING * SPACING and dx * hx + dy * hy > 0:
            return True
    return False


def _advance(world: World, unit: Unit, budget: int, events: list, facts: TickFacts,
             rest: dict[tuple[int, int], int], kinds: list[list[int]]) -> None:
    """`kinds`: step_kinds(world)."""
    unit.activity = "moving"
    path = unit.path
    uid = unit.id
    while budget > 0 and path:
        tx, ty = path[0]
        kind = kinds[ty][tx]
        if kind == BLOCKED:
            # the way closed since the path was planned: plan again from here
            goal = path[-1]
            unit.path = path_grid(world.caches, world.terrain).find(unit.tile, goal)
            return
        blocker = rest.get((tx, ty), uid)
        if blocker != uid:
            if _held_up(world, unit, rest, world.units[blocker]):
                return
            if unit.path is not path:  # a new route (round the body, or to a free tile)
                path = unit.path
                continue
        if kind == DOOR:
            _open_door_at(world, tx, ty, unit, events, facts)
        x, y = unit.x, unit.y
        gx, gy = tx * SUB + HALF, ty * SUB + HALF
        dx, dy = gx - x, gy - y
        dist = math.isqrt(dx * dx + dy * dy)
        if dist > 0:
            # angle_deg, inline (every walker, every tick); dist > 0: dx, dy are not both 0
            unit.facing = round(math.atan2(dy, dx) * _RAD_TO_DEG) % 360
        if dist <= budget:
            unit.x, unit.y = gx, gy
            budget -= dist
            path.pop(0)
            unit.blocked_ticks = 0
            if not path:
                plan_next_leg(world, unit)
                path = unit.path
        else:
            unit.x = x + dx * budget // dist
            unit.y = y + dy * budget // dist
            budget = 0


def _held_up(world: World, unit: Unit, rest: dict[tuple[int, int], int],
             blocker: Unit) -> bool:
    """A body rests on the next tile (bodies.py): take the nearest free tile when it ends
    the leg, else wait, ask a friend to step aside, squeeze past a friend who does not,
    and plan round an enemy now and then. True when the unit stops for this tick (its
    path may have changed either way)."""
    path = unit.path
    if len(path) == 1:
        spot = free_tile_near(world, rest, path[0], unit)
        if spot is None:
            spot = unit.tile  # nowhere free near the goal: stop where it stands
        unit.path = [spot] if spot == unit.tile else \
            path_grid(world.caches, world.terrain).find(unit.tile, spot)
        return not unit.path
    if escort_pair(unit, blocker):
        return False
    unit.blocked_ticks += 1
    if friendly(unit, blocker):
        if unit.blocked_ticks >= SQUEEZE_TICKS:
            return False
        if unit.blocked_ticks % YIELD_TICKS == 0:
            ask_to_yield(world, rest, unit, blocker)
        return True
    if unit.blocked_ticks % REROUTE_TICKS == 0:
        goal = path[-1]
        route = body_grid(world, rest).find(unit.tile, goal)
        if route and route[0] != path[0]:
            unit.path = route  # a way round the body
            unit.blocked_ticks = 0
    return True


def _open_door_at(
    world: World, tx: int, ty: int, unit: Unit, events: list, facts: TickFacts
) -> None:
    terrain = world.terrain
    if terrain.door[ty, tx] and terrain.opaque[ty, tx]:
        terrain.opaque[ty, tx] = False
        terrain.version += 1
        events.append(DoorOpened(tx, ty, unit.id))
        facts.make_noise(door_noise(unit.id, tx, ty))


def set_course(world: World, unit: Unit, goal: tuple[int, int], queue: bool = False) -> bool:
    """Send a unit to a tile; False (and no change) when no route exists."""
    grid = path_grid(world.caches, world.terrain)
    if queue and (unit.path or unit.waypoints):
        unit.waypoints.append(goal)
        return True
    path = grid.find(unit.tile, goal)
    if not path and goal != unit.tile:
        return False
    unit.path = path
    unit.waypoints = []
    return True


def tile_at(x: int, y: int) -> tuple[int, int]:
    return x // SUB, y // SUB
