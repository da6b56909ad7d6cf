"""Smoke and dust after a strike: a per-tile count of ticks left that blocks sight.

The cloud is thickest at the centre, so it clears from the edges inward. Sight (the
squad's fog, the insurgents' eyes, aimed fire) asks `sight_blockers(world)`, which is the
terrain's opacity combined with the smoke; bullets fired at the ground still stop only at
walls, since dust does not stop a round.
"""

from __future__ import annotations

import math

import numpy as np

from game.sim.catalog import TICK_HZ
from game.sim.sight import LineMemo, line_memo
from game.sim.world import World

SMOKE_CENTRE_TICKS = 20 * TICK_HZ
SMOKE_EDGE_TICKS = 9 * TICK_HZ
_CACHE_KEY = "sight_blockers"


def add_smoke(world: World, tx: int, ty: int, radius_tiles: float) -> None:
    """Fill a disc of tiles around (tx, ty) with smoke, keeping any thicker smoke there."""
    smoke = world.smoke
    h, w = smoke.shape
    r = int(math.ceil(radius_tiles))
    x0, y0 = max(tx - r, 0), max(ty - r, 0)
    x1, y1 = min(tx + r + 1, w), min(ty + r + 1, h)
    if x0 >= x1 or y0 >= y1:
        return
    ys, xs = np.ogrid[y0 - ty : y1 - ty, x0 - tx : x1 - tx]
    dist = np.sqrt(xs * xs + ys * ys)
    share = np.clip(1.0 - dist / max(radius_tiles, 0.5), 0.0, 1.0)
    ticks = (SMOKE_EDGE_TICKS + (SMOKE_CENTRE_TICKS - SMOKE_EDGE_TICKS) * share).astype(np.int16)
    ticks[dist > radius_tiles] = 0
    window = smoke[y0:y1, x0:x1]
    np.maximum(window, ticks, out=window)
    world.caches.pop(_CACHE_KEY, None)


def decay_smoke(world: World) -> None:
    smoke = world.smoke
    if smoke is None or not np.count_nonzero(smoke):  # any(), without its Python wrapper
        return
    np.subtract(smoke, 1, out=smoke, where=smoke > 0)
    world.caches.pop(_CACHE_KEY, None)


def sight_blockers(world: World) -> np.ndarray:
    """Bool [y, x]: tiles nobody sees through this tick (walls, closed doors, smoke).

    Built once per tick and terrain version; the bare opacity grid when there is no smoke.
    """
    terrain = world.terrain
    smoke = world.smoke
    key = (world.tick, terrain.version)
    cached = world.caches.get(_CACHE_KEY)
    if cached is not None and cached[0] == key:
        return cached[1]
    clear = smoke is None or not np.count_nonzero(smoke)
    blockers = terrain.opaque if clear else terrain.opaque | (smoke > 0)
    world.caches[_CACHE_KEY] = (key, blockers)
    return blockers


def clear_sight(world: World, ax: int, ay: int, bx: int, by: int) -> bool:
    """True when nothing that blocks sight (sight_blockers) lies between tiles a and b."""
    return sight_lines(world).clear(ax, ay, bx, by)


def sight_lines(world: World) -> LineMemo:
    """clear_sight's answers on this tick's blockers: a caller asking about many lines
    while the blockers stand may keep it (until a door opens or smoke changes)."""
    return line_memo(world.caches, "sight_lines", sight_blockers(world), world.terrain.version)


def clear_of_walls(world: World, ax: int, ay: int, bx: int, by: int) -> bool:
    """True when no opaque tile (smoke aside) lies between tiles a and b."""
    opaque = world.terrain.opaque
    return line_memo(world.caches, "wall_lines", opaque, world.terrain.version).clear(
        ax, ay, bx, by)
