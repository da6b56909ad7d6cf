"""Line of sight and fields of view on the terrain's opacity grid (tcod)."""

from __future__ import annotations

import functools
import math

import numpy as np
import tcod.los
import tcod.map

from game.sim.catalog import AWARENESS_TILES
from game.sim.geometry import SUB, angle_deg, angle_diff
from game.sim.terrain import Terrain


def line_tiles(ax: int, ay: int, bx: int, by: int) -> np.ndarray:
    """Tiles on the line from tile a to tile b inclusive, as an (n, 2) array of (x, y)."""
    return tcod.los.bresenham((ax, ay), (bx, by))


def clear_line(opaque: np.ndarray, ax: int, ay: int, bx: int, by: int) -> bool:
    """True when no opaque tile lies strictly between tiles a and b."""
    if abs(ax - bx) <= 1 and abs(ay - by) <= 1:
        return True
    pts = line_tiles(ax, ay, bx, by)[1:-1]
    # count_nonzero: any(), without its Python wrapper (this runs for every new line)
    return not np.count_nonzero(opaque[pts[:, 1], pts[:, 0]])


MEMO_LIMIT = 100_000  # answers kept per grid before the memo starts afresh


class LineMemo:
    """clear_line's answers on one grid, kept while the grid is unchanged.

    Units stand still or creep a tile at a time, so most pairs of tiles asked about this
    tick were asked about before: a lookup costs a fraction of walking the line.
    """

    __slots__ = ("grid", "version", "answers", "counts")

    def __init__(self, grid: np.ndarray, version: int) -> None:
        self.grid = grid
        self.version = version
        # keyed by one int, not a tuple: ints are not tracked by the garbage collector, so a
        # big memo adds nothing to the work of its full collections
        self.answers: dict[int, bool] = {}
        self.counts: dict[int, int] = {}  # blocked_between's answers

    def clear(self, ax: int, ay: int, bx: int, by: int) -> bool:
        key = ((ax << 16 | ay) << 16 | bx) << 16 | by  # tiles are < 65536 (maps are capped)
        answer = self.answers.get(key)
        if answer is None:
            answer = _kept(self.answers, key, clear_line(self.grid, ax, ay, bx, by))
        return answer

    def blocked(self, ax: int, ay: int, bx: int, by: int) -> int:
        """blocked_between on this grid, kept like clear's answers (noise asks it for every
        listener in earshot of every shot, and shooters and listeners mostly hold still)."""
        key = ((ax << 16 | ay) << 16 | bx) << 16 | by
        count = self.counts.get(key)
        if count is None:
            count = _kept(self.counts, key, blocked_between(self.grid, ax, ay, bx, by))
        return count


def _kept(memo: dict, key: int, answer):
    """answer, kept in memo under key (a full memo starts afresh)."""
    if len(memo) >= MEMO_LIMIT:
        memo.clear()
    memo[key] = answer
    return answer


def blocked_between(grid: np.ndarray, ax: int, ay: int, bx: int, by: int) -> int:
    """How many marked tiles of the grid lie strictly between tiles a and b on the line."""
    pts = line_tiles(ax, ay, bx, by)[1:-1]
    return int(grid[pts[:, 1], pts[:, 0]].sum()) if len(pts) else 0


def line_memo(caches: dict, name: str, grid: np.ndarray, version: int) -> LineMemo:
    """The memo for this grid, started afresh when the grid is another array or the
    terrain changed (grids are only changed in place together with a version bump)."""
    memo = caches.get(name)
    if memo is None or memo.grid is not grid or memo.version != version:
        memo = caches[name] = LineMemo(grid, version)
    return memo


def first_blocked(opaque: np.ndarray, ax: int, ay: int, bx: int, by: int) -> tuple[int, int] | None:
    """The first opaque tile after a on the line to b, or None if the line is clear."""
    pts = line_tiles(ax, ay, bx, by)[1:]
    if len(pts) == 0:
        return None
    blocked = opaque[pts[:, 1], pts[:, 0]]
    if not blocked.any():
        return None
    x, y = pts[int(np.argmax(blocked))]
    return int(x), int(y)


def in_cone(facing: int, cone_deg: int, dx: int, dy: int, dist_tiles: float) -> bool:
    if dist_tiles <= AWARENESS_TILES:
        return True
    return abs(angle_diff(angle_deg(dx, dy), facing)) <= cone_deg // 2


def view_mask(
    terrain: Terrain, tx: int, ty: int, facing: int, sight_tiles: float, cone_deg: int,
    blockers: np.ndarray | None = None,
) -> tuple[np.ndarray, tuple[int, int]]:
    """What a viewer on tile (tx, ty) sees: a bool window and its top-left tile.

    FOV runs on a (2r+1)² window around the viewer rather than the whole map: the same
    answer at a fraction of the cost.
    """
    fov, corner = window_fov(terrain, tx, ty, sight_tiles, blockers)
    return cone_cut(fov, corner, tx, ty, facing, sight_tiles, cone_deg), corner


def window_fov(
    terrain: Terrain, tx: int, ty: int, sight_tiles: float, blockers: np.ndarray | None = None
) -> tuple[np.ndarray, tuple[int, int]]:
    """view_mask's field of view before its cone and range: whichever way the viewer faces
    (a viewer turning on its tile keeps it)."""
    r = int(math.ceil(sight_tiles))
    h, w = terrain.opaque.shape
    x0, y0 = max(tx - r, 0), max(ty - r, 0)
    x1, y1 = min(tx + r + 1, w), min(ty + r + 1, h)
    opaque = terrain.opaque if blockers is None else blockers  # blockers: opacity + smoke
    window = ~opaque[y0:y1, x0:x1]
    fov = tcod.map.compute_fov(window, (ty - y0, tx - x0), radius=r, light_walls=True)
    return fov, (x0, y0)


def cone_cut(fov: np.ndarray, corner: tuple[int, int], tx: int, ty: int, facing: int,
             sight_tiles: float, cone_deg: int) -> np.ndarray:
    """view_mask from window_fov's field: the tiles in the viewer's cone and range."""
    r = int(math.ceil(sight_tiles))
    x0, y0 = corner
    h, w = fov.shape
    shape = _cone_window(r, facing, cone_deg, float(sight_tiles))
    cx0, cy0 = x0 - (tx - r), y0 - (ty - r)  # the map window's place in the full square
    return fov & shape[cy0 : cy0 + h, cx0 : cx0 + w]


@functools.lru_cache(maxsize=512)
def _cone_window(r: int, facing: int, cone_deg: int, sight_tiles: float) -> np.ndarray:
    """The cone and range part of view_mask on the full (2r+1)² square around a viewer.

    It depends only on these numbers, and viewers share a handful of facings, so it is
    kept (a pure function of its arguments, not game state) instead of redone each tick.
    """
    ys, xs = np.ogrid[-r : r + 1, -r : r + 1]
    dist2 = xs * xs + ys * ys
    angles = np.degrees(np.arctan2(ys, xs))
    off = np.abs((angles - facing + 180.0) % 360.0 - 180.0)
    cone = (off <= cone_deg / 2.0) | (dist2 <= AWARENESS_TILES**2)
    shape = cone & (dist2 <= sight_tiles**2)
    shape.flags.writeable = False
    return shape


def tile_dist(ax: int, ay: int, bx: int, by: int) -> float:
    return math.hypot(ax - bx, ay - by)


def sub_to_tile(x: int, y: int) -> tuple[int, int]:
    return x // SUB, y // SUB
