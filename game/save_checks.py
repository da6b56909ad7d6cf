"""What a decoded quicksave must satisfy before it may replace the running world.

The codec (game/save_codec.py) checks each value against its type; these checks are the
rules' own invariants: ids match their keys, every id points at something that exists,
every position and tile lies on this map's grid, every named state is one the rules
know.  A world that passes can be stepped; anything else is a `SaveError` at load
instead of a crash on the next tick.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

from game.save_codec import SaveError
from game.sim.catalog import TICK_HZ, UNIT_TYPES
from game.sim.difficulty import DIFFICULTIES
from game.sim.geometry import SUB
from game.sim.kinds import Life, Side, StrikeKind
from game.sim.noise import HEARD_KEEP_TICKS
from game.sim.perception import LEVELS
from game.sim.terrain import COVER_HIGH, COVER_NONE
from game.sim.units import Crate, Unit
from game.sim.world import OUTCOME_DEFEAT, OUTCOME_UNDECIDED, OUTCOME_VICTORY, Grenade, World

LIVES = tuple(Life)  # the enums themselves, not a copy of their words
OUTCOMES = (OUTCOME_UNDECIDED, OUTCOME_VICTORY, OUTCOME_DEFEAT)
STRIKE_KINDS = tuple(StrikeKind)
MAX_STRIKE_RADIUS = 64.0  # tiles
MAX_HEARD_SHOTS = 4096  # a few seconds of a 200-insurgent firefight
MAX_GRENADE_RADIUS = 8.0  # tiles: a hand grenade's is 2.5 (grenades.RADIUS_TILES)
SIDES = tuple(Side)
UNIT_REFERENCES = ("target_id", "aim_target", "carried_by")
UNIT_TILES = ("ground_target",)
UNIT_TILE_LISTS = ("path", "waypoints")
MIND_TILES = ("interest", "home")  # an insurgent's InsurgentMind
SQUAD_REFERENCES = ("carry_target", "work_target")  # a squad member's SquadState
SQUAD_COUNTS = ("work_left", "pace")  # ticks and speeds: never below zero


def check_world(world: World) -> None:
    """Refuse (SaveError) a world the rules could not step."""
    _check_grids(world)
    _check_ids(world)
    for unit in world.units.values():
        _check_unit(world, unit)
    for crate in world.crates.values():
        _check_crate(world, crate)
    _check_world_fields(world)
    _check_grenades(world)
    _check_heard_shots(world)


def _fail(where: str, message: str) -> None:
    raise SaveError(f"world.{where}: {message}")


WORLD_GRIDS = ("seen_now", "seen_ever", "smoke")


def _check_grids(world: World) -> None:
    """Every grid the map's size (a missing one would take an empty default)."""
    from game.sim.terrain import GRID_NAMES

    shape = world.scenario.terrain.walkable.shape
    named = [(f"terrain.{n}", getattr(world.terrain, n)) for n in GRID_NAMES]
    named += [(n, getattr(world, n)) for n in WORLD_GRIDS]
    for where, grid in named:
        if grid.shape != shape:
            _fail(where, f"shape {grid.shape} is not the map's {shape}")
    cover = world.terrain.cover
    if cover.size and (int(cover.min()) < COVER_NONE or int(cover.max()) > COVER_HIGH):
        _fail("terrain.cover", "a cover value the rules do not know")
    if world.smoke.size and int(world.smoke.min()) < 0:
        _fail("smoke", "negative smoke")


def _check_ids(world: World) -> None:
    seen: set[int] = set()
    for table, records in (("units", world.units), ("crates", world.crates)):
        previous = 0
        for key, record in records.items():
            if key != record.id:
                _fail(f"{table}[{key}]", f"the record's id is {record.id}")
            if key <= previous or key in seen:
                _fail(f"{table}[{key}]", "ids must be unique and in increasing order")
            previous = key
            seen.add(key)
    if seen and world.next_id <= max(seen):
        _fail("next_id", "must be above every id in use")


def _check_unit(world: World, unit: Unit) -> None:
    where = f"units[{unit.id}]"
    utype = UNIT_TYPES.get(unit.kind)
    if utype is None:
        _fail(f"{where}.kind", f"unknown kind {unit.kind!r}")
    if unit.side != utype.side:
        _fail(f"{where}.side", f"a {unit.kind} is on the {utype.side} side")
    if unit.life not in LIVES:
        _fail(f"{where}.life", f"unknown state {unit.life!r}")
    _check_mind(world, unit, where)
    _check_squad_state(world, unit, where)
    _check_survivor_state(world, unit, where)
    for name in ("x", "y", "last_x", "last_y"):
        _position(world, f"{where}.{name}", getattr(unit, name), name.endswith("x"))
    for name in UNIT_REFERENCES:
        _unit_ref(world, f"{where}.{name}", getattr(unit, name))
    if unit.carrying and unit.carrying not in world.units and unit.carrying not in world.crates:
        _fail(f"{where}.carrying", f"nothing has the id {unit.carrying}")
    for name in UNIT_TILES:
        tile = getattr(unit, name)
        if tile is not None:
            _tile(world, f"{where}.{name}", tile)
    for name in UNIT_TILE_LISTS:
        for index, tile in enumerate(getattr(unit, name)):
            _tile(world, f"{where}.{name}[{index}]", tile)


def _check_mind(world: World, unit: Unit, where: str) -> None:
    """Insurgents carry a mind and nobody else does; its tiles and targets must exist."""
    mind = unit.insurgent
    if (mind is None) != (unit.side != "insurgent"):
        _fail(f"{where}.insurgent", "only insurgents have (and all of them need) a mind")
    if mind is None:
        return
    if mind.alert not in LEVELS:
        _fail(f"{where}.insurgent.alert", f"unknown alert level {mind.alert!r}")
    for name in MIND_TILES:
        tile = getattr(mind, name)
        if tile is not None:
            _tile(world, f"{where}.insurgent.{name}", tile)
    for index, tile in enumerate(mind.patrol):
        _tile(world, f"{where}.insurgent.patrol[{index}]", tile)
    for target in mind.detect:
        _unit_ref(world, f"{where}.insurgent.detect", target)


def _check_squad_state(world: World, unit: Unit, where: str) -> None:
    """Squad members carry their orders and job and nobody else does; the job's people and
    lock must exist."""
    state = unit.squad_state
    if (state is None) != (unit.side != Side.SQUAD):
        _fail(f"{where}.squad_state", "only squad members have (and all of them need) one")
    if state is None:
        return
    for name in SQUAD_REFERENCES:
        _unit_ref(world, f"{where}.squad_state.{name}", getattr(state, name))
    for name in SQUAD_COUNTS:
        if getattr(state, name) < 0:
            _fail(f"{where}.squad_state.{name}", "negative")
    if state.work_tile is not None:
        _tile(world, f"{where}.squad_state.work_tile", state.work_tile)
    _unit_refs(world, f"{where}.squad_state.fired_on_by", state.fired_on_by)


def _check_survivor_state(world: World, unit: Unit, where: str) -> None:
    """Survivors carry their own state and nobody else does; a leader must be in the
    squad."""
    state = unit.survivor_state
    if (state is None) != (unit.side != Side.CIVILIAN):
        _fail(f"{where}.survivor_state", "only survivors have (and all of them need) one")
    if state is None:
        return
    leader = world.units.get(state.leader_id)
    if state.leader_id and (leader is None or leader.side != Side.SQUAD):
        _fail(f"{where}.survivor_state.leader_id", f"no squad member has the id "
              f"{state.leader_id}")
    if state.panic < 0:
        _fail(f"{where}.survivor_state.panic", "negative")


def _check_crate(world: World, crate: Crate) -> None:
    where = f"crates[{crate.id}]"
    _position(world, f"{where}.x", crate.x, True)
    _position(world, f"{where}.y", crate.y, False)
    _unit_ref(world, f"{where}.carrier_id", crate.carrier_id)


def _check_world_fields(world: World) -> None:
    if world.tick < 0:
        _fail("tick", "negative")
    if world.outcome not in OUTCOMES:
        _fail("outcome", f"unknown outcome {world.outcome!r}")
    if world.difficulty not in DIFFICULTIES:
        _fail("difficulty", f"unknown difficulty {world.difficulty!r}")
    for name in ("strikes_left", "medkits"):
        if getattr(world, name) < 0:
            _fail(name, "negative")
    triggers = len(world.scenario.triggers)
    if any(not 0 <= index < triggers for index in world.fired_triggers):
        _fail("fired_triggers", "names a trigger this map does not have")
    for name in ("spotted", "rescued_ids"):
        _unit_refs(world, name, getattr(world, name))
    _unit_refs(world, "alarms", world.alarms)
    for scout, alarm in world.alarms.items():
        if len(alarm) != 2:
            _fail(f"alarms[{scout}]", "expected [start tick, radio said]")
    for group, board in world.blackboard.items():
        _unit_refs(world, f"blackboard[{group!r}]", board)
        for target, entry in board.items():
            if len(entry) != 3:
                _fail(f"blackboard[{group!r}][{target}]", "expected [tile x, tile y, tick]")
            _tile(world, f"blackboard[{group!r}][{target}]", (entry[0], entry[1]))
    _unit_refs(world, "contacts", world.contacts)
    for uid, entry in world.contacts.items():
        if len(entry) != 3:
            _fail(f"contacts[{uid}]", "expected [tile x, tile y, tick]")
        _tile(world, f"contacts[{uid}]", (entry[0], entry[1]))
    for index, strike in enumerate(world.strikes):
        where = f"strikes[{index}]"
        _tile(world, where, (strike.x, strike.y))
        _tile(world, where, (strike.x1, strike.y1))
        if strike.kind not in STRIKE_KINDS:
            _fail(f"{where}.kind", f"unknown kind {strike.kind!r}")
        if not 0 <= strike.radius <= MAX_STRIKE_RADIUS:
            _fail(f"{where}.radius", "out of range")
        _unit_ref(world, f"{where}.caller_id", strike.caller_id)


def _check_grenades(world: World) -> None:
    """Grenades in the air or on the ground: thrown by a unit of their side, from and to
    points on the map, ticks in throw, land, burst order, a live ring of sane size."""
    ids: set[int] = set()
    for index, grenade in enumerate(world.grenades):
        where = f"grenades[{index}]"
        if not 0 < grenade.id <= world.grenades_thrown or grenade.id in ids:
            _fail(f"{where}.id", "ids must be unique and at most grenades_thrown")
        ids.add(grenade.id)
        thrower = world.units.get(grenade.thrower_id)
        if thrower is None:
            _fail(f"{where}.thrower_id", f"no unit has the id {grenade.thrower_id}")
        if grenade.side not in SIDES or grenade.side != thrower.side:
            _fail(f"{where}.side", f"{grenade.side!r} is not the thrower's side")
        for name in ("x0", "y0", "x", "y"):
            _position(world, f"{where}.{name}", getattr(grenade, name), name.startswith("x"))
        _check_grenade_ticks(world, grenade, where)
        if not (math.isfinite(grenade.radius) and 0 < grenade.radius <= MAX_GRENADE_RADIUS):
            _fail(f"{where}.radius", f"{grenade.radius} is out of range")
        for name in ("landed", "seen"):
            if not isinstance(getattr(grenade, name), bool):
                _fail(f"{where}.{name}", "expected true or false")


def _check_grenade_ticks(world: World, grenade: Grenade, where: str) -> None:
    if not 0 <= grenade.thrown_tick <= world.tick:
        _fail(f"{where}.thrown_tick", "not a tick of this mission so far")
    if not grenade.thrown_tick <= grenade.land_tick <= grenade.burst_tick:
        _fail(where, "expected thrown_tick <= land_tick <= burst_tick")


def _check_heard_shots(world: World) -> None:
    """Gunfire the squad heard: tiles on the map, ticks of this mission so far, in the
    order heard (noise.squad_hears forgets from the front)."""
    if len(world.heard_shots) > MAX_HEARD_SHOTS:
        _fail("heard_shots", f"more than {MAX_HEARD_SHOTS} (the squad forgets after "
                             f"{HEARD_KEEP_TICKS // TICK_HZ} s)")
    previous = max(0, world.tick - HEARD_KEEP_TICKS - TICK_HZ)  # a second's slack
    for index, shot in enumerate(world.heard_shots):
        where = f"heard_shots[{index}]"
        _tile(world, where, (shot.x, shot.y))
        if not previous <= shot.tick <= world.tick:
            _fail(f"{where}.tick", "not in the order heard, within the last few seconds")
        previous = shot.tick


def _position(world: World, where: str, value: int, is_x: bool) -> None:
    limit = (world.terrain.width if is_x else world.terrain.height) * SUB
    if not 0 <= value < limit:
        _fail(where, f"{value} is off the map")


def _tile(world: World, where: str, tile: tuple[int, int] | list[int]) -> None:
    if not world.terrain.in_bounds(int(tile[0]), int(tile[1])):
        _fail(where, f"the tile {tuple(tile)} is off the map")


def _unit_ref(world: World, where: str, uid: int) -> None:
    if uid and uid not in world.units:
        _fail(where, f"no unit has the id {uid}")


def _unit_refs(world: World, where: str, ids: Iterable[int]) -> None:
    for uid in ids:
        if uid not in world.units:
            _fail(where, f"no unit has the id {uid}")


def grid_dtypes(world_like_terrain: object) -> dict[str, np.dtype]:
    """'Record.field' -> dtype for every array a quicksave holds, from this map's terrain
    (trusted: the loader built it) and the world's own grids."""
    from game.sim.terrain import GRID_NAMES

    dtypes = {f"Terrain.{name}": getattr(world_like_terrain, name).dtype
              for name in GRID_NAMES}
    dtypes.update({"World.seen_now": np.dtype(bool), "World.seen_ever": np.dtype(bool),
                   "World.smoke": np.dtype(np.int16)})
    return dtypes
