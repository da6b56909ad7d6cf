"""Routes for survivors that keep out of insurgents' lines of fire where a detour of similar
length exists."""

from __future__ import annotations

from itertools import islice
from typing import Any

import numpy as np

from game.sim.geometry import SUB
from game.sim.pathing import PathGrid
from game.sim.sight import view_mask
from game.sim.units import ACTIVE, Unit
from game.sim.world import World

DANGER_EVERY = 10  # ticks between rebuilds of the insurgents' lines of fire
DANGER_COST = 4
FIRE_FIELDS_KEPT = 2048  # all-round fields of fire kept per terrain version (danger_map)
WARM_PER_TICK = 12  # standing insurgents looked at a tick for a field of fire to draw ahead
WALKERS_PER_TICK = 12  # at most this many walkers' new fields drawn ahead a tick
NEAR_SQUAD_TILES = 16  # ... while a found survivor is this near the squad


# -- safe routes --------------------------------------------------------------------------
class SafeGrid(PathGrid):
    """Routes that treat tiles inside an insurgent's line of fire as DANGER_COST times as
    long, so a survivor crosses one only when no safe way of similar length exists."""

    def __init__(self, terrain: Any, danger: np.ndarray) -> None:
        super().__init__(terrain, np.where(danger, DANGER_COST, 1).astype(np.int16))
        self.danger = danger


def danger_map(world: World) -> np.ndarray:
    """Bool [y, x]: tiles some standing, visible insurgent could put a round into, whichever
    way it faces."""
    terrain = world.terrain
    danger = np.zeros(terrain.walkable.shape, dtype=bool)
    fields = _fire_fields(world)
    drawn: set[FieldKey] = set()  # one tile held by several is drawn once
    for unit in world.insurgents():
        weapon = unit.weapon
        if not unit.active or unit.hidden or weapon is None:
            continue
        key = (unit.x // SUB, unit.y // SUB, weapon.range_tiles)
        if key in drawn:
            continue
        drawn.add(key)
        field = fields.get(key)
        if field is None:
            field = _draw_field(terrain, fields, key)
        mask, (x0, y0) = field
        h, w = mask.shape
        danger[y0 : y0 + h, x0 : x0 + w] |= mask
    return danger


FieldKey = tuple[int, int, float]  # tile x, tile y, weapon range in tiles
Field = tuple[np.ndarray, tuple[int, int]]


def _fire_fields(world: World) -> dict[FieldKey, Field]:
    """Each insurgent's all-round field of fire depends only on its tile, its range and the
    walls: kept while the terrain stands (most insurgents hold a tile for many rebuilds)."""
    terrain = world.terrain
    memo = world.caches.get("fire_fields")
    if memo is None or memo[0] != terrain.version or memo[1] is not terrain.opaque:
        memo = world.caches["fire_fields"] = (terrain.version, terrain.opaque, {})
    return memo[2]


def _draw_field(terrain: Any, fields: dict[FieldKey, Field], key: FieldKey) -> Field:
    if len(fields) >= FIRE_FIELDS_KEPT:
        # the oldest first: a standing insurgent's field is moved to the end whenever
        # warm_fire_fields looks at it, so what goes is mostly tiles walked past long ago
        for old in list(islice(fields, FIRE_FIELDS_KEPT // 4)):
            del fields[old]
    field = fields[key] = view_mask(terrain, key[0], key[1], 0, key[2], 360)
    return field


def warm_fire_fields(world: World) -> None:
    """Draw ahead the fields of fire a danger map will ask for, on a map with survivors:
    a few standing insurgents a tick, and, while a found survivor near the squad may need
    a safe route, up to WALKERS_PER_TICK tiles walkers have just reached. The first danger map then
    finds them kept instead of drawing two hundred (or, in a moving fight, ninety walkers')
    in one tick. Only the cache changes: danger_map's answer is the same whenever its
    fields were drawn."""
    if not world.scenario.civilians:
        return
    insurgents = world.insurgents()
    count = len(insurgents)
    if not count:
        return
    fields = _fire_fields(world)
    terrain = world.terrain
    start = world.tick * WARM_PER_TICK
    for i in range(min(WARM_PER_TICK, count)):
        unit = insurgents[(start + i) % count]
        if unit.path or unit.life != ACTIVE or unit.hidden:
            continue  # walkers: below
        weapon = unit.weapon
        if weapon is None:
            continue
        key = (unit.x // SUB, unit.y // SUB, weapon.range_tiles)
        field = fields.pop(key, None)
        if field is None:
            _draw_field(terrain, fields, key)
        else:
            fields[key] = field  # kept young: the oldest fields are dropped first
    if _may_need_safe_routes(world):
        _warm_walkers(terrain, insurgents, fields)


def _may_need_safe_routes(world: World) -> bool:
    """A found survivor on its feet near a standing squad member: only a found survivor
    panics or follows (safe_course), and the fire and the leaders are where the squad is."""
    found = [c for c in world.civilians() if c.life == ACTIVE and c.survivor.found]
    if not found:
        return False
    reach = (NEAR_SQUAD_TILES * SUB) ** 2
    return any((c.x - m.x) ** 2 + (c.y - m.y) ** 2 <= reach
               for m in world.squad() if m.life == ACTIVE for c in found)


def _warm_walkers(terrain: Any, insurgents: list[Unit], fields: dict[FieldKey, Field]) -> None:
    drawn = 0
    reach: dict[str, float | None] = {}  # weapon range by kind: every walker, every tick
    for unit in insurgents:
        if not unit.path or unit.life != ACTIVE or unit.hidden:
            continue
        kind = unit.kind
        if kind not in reach:
            weapon = unit.weapon
            reach[kind] = None if weapon is None else weapon.range_tiles
        tiles = reach[kind]
        if tiles is None:
            continue
        key = (unit.x // SUB, unit.y // SUB, tiles)
        if key not in fields:
            _draw_field(terrain, fields, key)
            drawn += 1
            if drawn >= WALKERS_PER_TICK:
                return


def safe_grid(world: World) -> SafeGrid:
    """The survivors' routing grid, rebuilt every DANGER_EVERY ticks (a function of the
    tick, so a replay rebuilds it at the same moments) and only when something changed."""
    key = (world.terrain.version, world.tick // DANGER_EVERY)
    cached = world.caches.get("safe_grid")
    if cached is not None and cached[0] == key:
        return cached[1]
    danger = danger_map(world)
    grid = cached[1] if cached is not None else None
    if grid is None or grid.version != world.terrain.version or not np.array_equal(
        grid.danger, danger
    ):
        grid = SafeGrid(world.terrain, danger)
    world.caches["safe_grid"] = (key, grid)
    return grid


def safe_course(world: World, civ: Unit, goal: tuple[int, int]) -> bool:
    path = safe_grid(world).find(civ.tile, goal)
    if not path and goal != civ.tile:
        return False
    civ.path = path
    civ.waypoints = []
    return True
