"""Timed jobs beside a tile or a person: opening locks, picking up crates, giving aid."""

from __future__ import annotations

import math

from game.sim.carrying import carry_along, put_down
from game.sim.catalog import TICK_HZ
from game.sim.events import DoorOpened, RadioMessage
from game.sim.facts import TickFacts
from game.sim.geometry import SUB, centre_of
from game.sim.health import begin_care, care_tick, finish_heal
from game.sim.kinds import Life
from game.sim.movement import set_course
from game.sim.noise import door_noise
from game.sim.pathing import path_grid
from game.sim.queries import can_open_locks
from game.sim.units import Unit
from game.sim.world import World

UNLOCK_TICKS = 4 * TICK_HZ
REACH_TILES = 1.5


def start_interaction(
    world: World, unit: Unit, tile: tuple[int, int], events: list
) -> str:
    """Interact with a tile: put down a carried person, pick up a crate, open a lock, or
    drop the crate in hand."""
    x, y = tile
    terrain = world.terrain
    if not terrain.in_bounds(x, y):
        return "outside the map"
    if unit.carrying in world.units:
        put_down(world, unit, events)
        return ""
    crate = _crate_at(world, tile)
    if crate is not None:
        if unit.carrying:
            return "hands full: already carrying a crate"
        unit.squad.work_tile = tile
        unit.squad.work_left = 1
        set_course(world, unit, tile)
        return ""
    if terrain.locked[y, x]:
        if not can_open_locks(unit):
            return "locked: Maaz can open it"
        unit.squad.work_tile = tile
        unit.squad.work_left = UNLOCK_TICKS
        _approach(world, unit, tile)
        return ""
    if unit.carrying:
        return _drop_crate(world, unit)
    return "nothing to do there"


def _approach(world: World, unit: Unit, tile: tuple[int, int]) -> None:
    """Walk to the walkable tile beside a blocked one that is the shortest walk away (the
    side nearest as the crow flies may be the far side of the lock)."""
    if _beside(unit, tile):
        unit.path.clear()
        return
    x, y = tile
    grid = path_grid(world.caches, world.terrain)
    best = None
    for dx, dy in ((0, 1), (0, -1), (1, 0), (-1, 0)):
        nx, ny = x + dx, y + dy
        if not (world.terrain.in_bounds(nx, ny) and grid.walkable[ny, nx]):
            continue
        route = grid.find(unit.tile, (nx, ny))
        if route and (best is None or len(route) < len(best)):
            best = route
    if best is not None:
        unit.path = best
        unit.waypoints = []


def _beside(unit: Unit, tile: tuple[int, int]) -> bool:
    ux, uy = unit.tile
    return max(abs(ux - tile[0]), abs(uy - tile[1])) <= 1


def _crate_at(world: World, tile: tuple[int, int]):
    for cid in sorted(world.crates):
        crate = world.crates[cid]
        free = not crate.carrier_id and not crate.delivered
        if free and (crate.x // SUB, crate.y // SUB) == tile:
            return crate
    return None


def _drop_crate(world: World, unit: Unit) -> str:
    crate = world.crates.get(unit.carrying)
    if crate is None:
        unit.carrying = 0
        return "nothing carried"
    crate.carrier_id = 0
    crate.x, crate.y = unit.x, unit.y
    unit.carrying = 0
    return ""


def progress_jobs(world: World, events: list, facts: TickFacts) -> None:
    for unit in world.squad():  # jobs are only ever given to squad members
        if not unit.active:
            continue
        if unit.squad.work_target:
            _progress_aid(world, unit, events)
        elif unit.squad.work_tile is not None:
            _progress_tile_job(world, unit, events, facts)
        if unit.carrying in world.crates:
            crate = world.crates[unit.carrying]
            crate.x, crate.y = unit.x, unit.y
    carry_along(world)


def _near(unit: Unit, x: int, y: int) -> bool:
    return math.hypot(unit.x - x, unit.y - y) / SUB <= REACH_TILES


def _progress_aid(world: World, medic: Unit, events: list) -> None:
    patient = world.units.get(medic.squad.work_target)
    if patient is None or not patient.alive or patient.life == Life.GONE:
        medic.squad.work_target, medic.squad.work_left = 0, 0
        medic.activity = "idle"
        return
    if not _near(medic, patient.x, patient.y):
        if medic.activity == "healing":
            medic.activity = "moving"  # the patient moved off: follow, then start again
            medic.squad.work_left = 0
            set_course(world, medic, patient.tile)
        elif not medic.path and (world.tick + medic.id) % 15 == 0:
            set_course(world, medic, patient.tile)
        return
    medic.path.clear()
    if medic.activity != "healing":
        medic.activity = "healing"
        medic.squad.work_left = begin_care(world, medic)
    medic.squad.work_left -= 1
    care_tick(medic, patient)
    if medic.squad.work_left <= 0:
        finish_heal(world, medic, patient, events)
        medic.squad.work_target = 0
        medic.activity = "idle"


def _progress_tile_job(world: World, unit: Unit, events: list, facts: TickFacts) -> None:
    if unit.squad.work_tile is None:
        return
    tx, ty = unit.squad.work_tile
    if not (_near(unit, centre_of(tx), centre_of(ty)) or _beside(unit, (tx, ty))):
        if not unit.path:
            unit.squad.work_tile, unit.squad.work_left = None, 0
        return
    crate = _crate_at(world, (tx, ty))
    if crate is not None and not unit.carrying:
        crate.carrier_id = unit.id
        unit.carrying = crate.id
        unit.squad.work_tile, unit.squad.work_left = None, 0
        events.append(RadioMessage(unit.name, f"Got the {crate.kind} crate."))
        return
    terrain = world.terrain
    if not terrain.locked[ty, tx]:  # opened (or blown in) by something else meanwhile
        unit.squad.work_tile, unit.squad.work_left = None, 0
        if unit.activity == "working":
            unit.activity = "idle"
        return
    unit.path.clear()
    unit.activity = "working"
    unit.squad.work_left -= 1
    if unit.squad.work_left <= 0:
        terrain.locked[ty, tx] = False
        terrain.walkable[ty, tx] = True
        terrain.opaque[ty, tx] = False
        terrain.version += 1
        unit.squad.work_tile = None
        unit.activity = "idle"
        events.append(DoorOpened(tx, ty, unit.id, forced=True))
        facts.make_noise(door_noise(unit.id, tx, ty))
        events.append(RadioMessage(unit.name, "Lock's open."))
