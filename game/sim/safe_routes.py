"""Routes for survivors that keep out of insurgents' lines of fire where a detour of similar
length exists."""

from __future__ import annotations

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
WARM_PER_TICK = 12  # insurgents looked at a tick for a field of fire to draw ahead


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
        fields.clear()
    field = fields[key] = view_mask(terrain, key[0], key[1], 0, key[2], 360)
    return field


def warm_fire_fields(world: World) -> None:
    """Draw ahead, a few insurgents a tick, the fields of fire of those standing still, on
    a map with survivors: the first danger map a survivor's route asks for then finds them
    kept instead of drawing two hundred in one tick. Only the cache changes: danger_map's
    answer is the same whenever its fields were drawn."""
    if not world.scenario.civilians:
        return
    insurgents = world.insurgents()
    count = len(insurgents)
    if not count:
        return
    fields = _fire_fields(world)
    start = world.tick * WARM_PER_TICK
    for i in range(min(WARM_PER_TICK, count)):
        unit = insurgents[(start + i) % count]
        if unit.path or unit.life != ACTIVE or unit.hidden:
            continue  # a walker's field would be stale by the next rebuild
        weapon = unit.weapon
        if weapon is None:
            continue
        key = (unit.x // SUB, unit.y // SUB, weapon.range_tiles)
        if key not in fields:
            _draw_field(world.terrain, fields, key)


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
