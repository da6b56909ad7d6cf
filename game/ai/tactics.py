"""Tactical point queries: score every tile in a window around a unit, pick the best.

Each query is a handful of numpy operations over a (2r+1)² window: reachability and walking
cost (tcod Dijkstra), what each known threat can see (tcod field of view from the threat),
the cover each tile has against each threat (queries.window_cover_against: the cover rule),
the line of fire to a target, the preferred range, spacing from allies and the marked
strike zones.  Cheap masks come first so nothing is scored that cannot be used.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import tcod.map
import tcod.path

from game.sim.geometry import SUB
from game.sim.pathing import path_grid
from game.sim.queries import danger_rings, exposed_to, padded_cover, window_cover_against
from game.sim.smoke import sight_blockers
from game.sim.units import ACTIVE, Unit
from game.sim.world import World

EXPOSURE = np.array([1.0, 0.45, 0.2])  # share of fire that reaches a tile by cover level
THREAT_SIGHT = 16  # how far a threat is assumed to see and shoot, tiles
NEG = -1e9
UNREACHABLE = float(np.iinfo(np.int32).max)
THREAT_VIEWS_KEPT = 256  # fields of view from threat tiles kept before starting afresh
TRAVEL_WINDOWS_KEPT = 512  # walking costs around unit tiles kept before starting afresh


@dataclass(frozen=True)
class Mode:
    """How one kind of query weighs a tile."""

    exposure: float  # penalty per threat that can fire on the tile (by its cover there)
    los: float  # reward for a line of fire on the target
    range_fit: float  # penalty per tile off the weapon's preferred range
    travel: float  # penalty per tile walked
    crowd: float  # penalty per ally in the 3×3 around the tile
    retreat: float = 0.0  # reward per tile away from the nearest threat
    need_los: bool = False  # only tiles with a line of fire on the target
    flank: bool = False  # only tiles from which the target has no cover
    perch: bool = False  # only raised tiles (snipers)
    narrow: float = 0.0  # penalty per open tile in the 3×3 around the tile (choke points)


MODES: dict[str, Mode] = {
    "cover": Mode(exposure=4.0, los=3.0, range_fit=0.15, travel=0.35, crowd=1.0),
    "flank": Mode(exposure=1.5, los=2.0, range_fit=0.1, travel=0.2, crowd=1.0,
                  need_los=True, flank=True),
    "approach": Mode(exposure=2.0, los=4.0, range_fit=0.3, travel=0.25, crowd=1.0),
    "fallback": Mode(exposure=5.0, los=0.5, range_fit=0.0, travel=0.1, crowd=0.5,
                     retreat=0.6),
    "perch": Mode(exposure=1.0, los=4.0, range_fit=0.05, travel=0.1, crowd=0.5, perch=True),
    # holding a route (net.py): a narrow spot on it, out of the squad's fire where it can
    "hold": Mode(exposure=4.0, los=1.0, range_fit=0.0, travel=0.1, crowd=1.5, narrow=0.5),
}


@dataclass(frozen=True)
class Choice:
    tile: tuple[int, int]
    score: float
    here: float  # the score of standing still
    moved: bool  # the best tile is not the unit's own


def choose_tile(
    world: World,
    unit: Unit,
    mode_name: str,
    threats: list[tuple[int, int]],
    target: tuple[int, int] | None,
    radius: int,
    leave: bool = False,
    only: np.ndarray | None = None,
    standing: Standing | None = None,
) -> Choice | None:
    """The best tile within `radius` for this mode; None when no tile qualifies.
    `leave` rules out staying put (a unit that has stood still too long); `only` (a bool
    grid of the map) limits the choice to its tiles (a route to hold); `standing`:
    standing_insurgents(world), when the caller has it for this state of the world."""
    mode = MODES[mode_name]
    terrain = world.terrain
    h, w = terrain.walkable.shape
    ux, uy = unit.tile
    x0, y0 = max(ux - radius, 0), max(uy - radius, 0)
    x1, y1 = min(ux + radius + 1, w), min(uy + radius + 1, h)
    grid = path_grid(world.caches, terrain)
    walk = grid.walkable[y0:y1, x0:x1]
    travel = _travel_from(world, grid, walk, ux, uy, radius)
    ok = travel < UNREACHABLE
    allies = _allies_near(world, unit, x0, y0, x1, y1, standing)
    taken, crowd = _allies_in_window(allies, x0, y0, x1, y1)
    ok &= ~taken
    ok[uy - y0, ux - x0] = True
    if world.strikes or world.grenades:
        ok &= ~_strike_mask(world, x0, y0, x1, y1)
    if mode.perch:
        ok &= terrain.elevation[y0:y1, x0:x1] > 0
    if only is not None:
        ok &= only[y0:y1, x0:x1]
    if not np.count_nonzero(ok):
        return None
    # a column and a row (np.ogrid's, built faster), broadcast to the window where combined
    ys, xs = np.arange(y0, y1)[:, None], np.arange(x0, x1)[None, :]
    score = -mode.travel * np.where(ok, travel, 0) / 2.0
    score -= mode.crowd * crowd
    if mode.narrow:
        score -= mode.narrow * _openness(walk)
    blockers = sight_blockers(world)
    for px, py in threats[:3]:
        _subtract_exposure(world, score, blockers, mode.exposure, px, py, x0, y0, x1, y1)
    if mode.retreat and threats:
        nearest = np.full(walk.shape, 1e6)
        for px, py in threats[:3]:
            nearest = np.minimum(nearest, np.hypot(xs - px, ys - py))
        score += mode.retreat * np.minimum(nearest, 14.0)
    if target is not None:
        allowed = _target_terms(world, unit, mode, score, blockers, target, xs, ys,
                                x0, y0, x1, y1)
        if allowed is not None:
            ok &= allowed
    here = float(score[uy - y0, ux - x0])
    if leave:
        ok[uy - y0, ux - x0] = False
    score = np.where(ok, score, NEG)
    flat = int(np.argmax(score))
    best = float(score.flat[flat])
    if best <= NEG / 2:
        return None
    by, bx = divmod(flat, x1 - x0)
    tile = (bx + x0, by + y0)
    return Choice(tile, best, here if ok[uy - y0, ux - x0] else NEG, tile != (ux, uy))


def _target_terms(
    world: World, unit: Unit, mode: Mode, score: np.ndarray,
    blockers: np.ndarray, target: tuple[int, int], xs: np.ndarray, ys: np.ndarray,
    x0: int, y0: int, x1: int, y1: int,
) -> np.ndarray | None:
    """Add line-of-fire and range terms to score in place; return the tiles still allowed
    (None: every tile, when the mode asks for neither a line of fire nor a flank)."""
    tx, ty = target
    weapon = unit.weapon
    reach = weapon.range_tiles if weapon else 8.0
    d = np.hypot(xs - tx, ys - ty)
    los = _seen_from(world, blockers, tx, ty, x0, y0, x1, y1) & (d <= reach)
    score += mode.los * los
    score -= mode.range_fit * np.abs(d - 0.6 * reach)
    if not (mode.need_los or mode.flank):
        return None
    allowed = np.ones(score.shape, dtype=bool)
    if mode.need_los:
        allowed &= los
    if mode.flank:
        allowed &= exposed_to(world.terrain, (tx, ty), xs, ys) & (d >= 2)
    return allowed


def _travel_from(world: World, grid: Any, walk: np.ndarray, ux: int, uy: int,
                 radius: int) -> np.ndarray:
    """_travel for a unit on (ux, uy), kept per tile and radius while the walking grid
    stands: a unit that holds its tile asks the same question at each turn. Shared: never
    change the array."""
    memo = world.caches.get("travel_windows")
    if memo is None or memo[0] is not grid:
        memo = world.caches["travel_windows"] = (grid, {})
    kept: dict[int, np.ndarray] = memo[1]
    key = (ux << 16 | uy) << 16 | radius  # one int: tiles and radii are < 65536
    travel = kept.get(key)
    if travel is None:
        if len(kept) >= TRAVEL_WINDOWS_KEPT:
            kept.clear()
        travel = kept[key] = _travel(walk, ux - max(ux - radius, 0), uy - max(uy - radius, 0))
        travel.flags.writeable = False
    return travel


def _travel(walk: np.ndarray, lx: int, ly: int) -> np.ndarray:
    """Walking cost (2 per straight step, 3 per diagonal) from the unit; huge if unreachable."""
    dist = tcod.path.maxarray(walk.shape, dtype=np.int32)
    dist[ly, lx] = 0
    tcod.path.dijkstra2d(dist, walk.astype(np.int32), 2, 3, out=dist)
    return np.where(walk | (dist == 0), dist, UNREACHABLE).astype(np.float64)


def _seen_from(
    world: World, blockers: np.ndarray, px: int, py: int, x0: int, y0: int, x1: int, y1: int
) -> np.ndarray:
    """Which window tiles a viewer on (px, py) has a line to (symmetric enough for fire)."""
    fov, rx0, ry0 = _threat_view(world, blockers, px, py)
    return _cut_to_window(fov, rx0, ry0, x0, y0, x1, y1)  # beyond its sight: unseen


def _exposure_window(
    world: World, blockers: np.ndarray, exposure: float, px: int, py: int,
    x0: int, y0: int, x1: int, y1: int,
) -> np.ndarray:
    """The exposure penalty from a threat on (px, py) over a window: zero where it cannot
    see (_threat_exposure's field, cut to the window)."""
    field, rx0, ry0 = _threat_exposure(world, blockers, exposure, px, py)
    return _cut_to_window(field, rx0, ry0, x0, y0, x1, y1)


def _subtract_exposure(
    world: World, score: np.ndarray, blockers: np.ndarray, exposure: float, px: int, py: int,
    x0: int, y0: int, x1: int, y1: int,
) -> None:
    """score -= _exposure_window(...), in place on the tiles the threat's field reaches
    (the rest would lose zero: the same numbers, without building the window)."""
    field, rx0, ry0 = _threat_exposure(world, blockers, exposure, px, py)
    fh, fw = field.shape
    ix0, iy0 = max(x0, rx0), max(y0, ry0)
    ix1, iy1 = min(x1, rx0 + fw), min(y1, ry0 + fh)
    if ix0 < ix1 and iy0 < iy1:
        score[iy0 - y0 : iy1 - y0, ix0 - x0 : ix1 - x0] -= \
            field[iy0 - ry0 : iy1 - ry0, ix0 - rx0 : ix1 - rx0]


def _cut_to_window(field: np.ndarray, rx0: int, ry0: int,
                   x0: int, y0: int, x1: int, y1: int) -> np.ndarray:
    """A field whose top-left tile is (rx0, ry0), cut to the window (x0, y0)-(x1, y1);
    zeros (False) where the field does not reach."""
    out = np.zeros((y1 - y0, x1 - x0), dtype=field.dtype)
    fh, fw = field.shape
    ix0, iy0 = max(x0, rx0), max(y0, ry0)
    ix1, iy1 = min(x1, rx0 + fw), min(y1, ry0 + fh)
    if ix0 < ix1 and iy0 < iy1:
        out[iy0 - y0 : iy1 - y0, ix0 - x0 : ix1 - x0] = \
            field[iy0 - ry0 : iy1 - ry0, ix0 - rx0 : ix1 - rx0]
    return out


def _threat_exposure(
    world: World, blockers: np.ndarray, exposure: float, px: int, py: int
) -> tuple[np.ndarray, int, int]:
    """exposure × seen × EXPOSURE[cover] × fade over every tile a threat on (px, py) can
    see, and its corner: the part of a tile's score that depends only on the tile and the
    threat, so every unit whose window it reaches shares it (kept beside _threat_view's
    views, and dropped with them)."""
    fov, rx0, ry0 = _threat_view(world, blockers, px, py)
    memo = world.caches["threat_views"]
    fields: dict[tuple[int, float], Any] = memo[3]
    key = (px << 16 | py, exposure)
    kept = fields.get(key)
    if kept is None:
        if len(fields) >= THREAT_VIEWS_KEPT:
            fields.clear()
        shielded, fade = _threat_shares(world, memo[4], fov, rx0, ry0, px, py)
        # the same products in the same order as a window's own sum would take them
        kept = fields[key] = (exposure * fov * shielded * fade, rx0, ry0)
    return kept


def _threat_shares(
    world: World, shares: dict[int, Any], fov: np.ndarray, rx0: int, ry0: int,
    px: int, py: int,
) -> tuple[np.ndarray, np.ndarray]:
    """EXPOSURE[cover against the threat] and the fade with distance over a threat's view:
    kept per threat tile, as every mode (each its own exposure weight) asks for the same
    ones, and the cover costs a query more than all its other sums (three modes asking
    about two threats made six cover fields in one tick)."""
    key = px << 16 | py
    kept = shares.get(key)
    if kept is None:
        if len(shares) >= THREAT_VIEWS_KEPT:
            shares.clear()
        terrain = world.terrain
        fh, fw = fov.shape
        rx1, ry1 = rx0 + fw, ry0 + fh
        cover = window_cover_against(
            terrain, padded_cover(terrain.cover, rx0, ry0, rx1, ry1), rx0, ry0, (px, py))
        ys, xs = np.arange(ry0, ry1)[:, None], np.arange(rx0, rx1)[None, :]
        d = np.hypot(xs - px, ys - py)
        kept = shares[key] = (EXPOSURE[cover], 1.0 - 0.5 * np.minimum(d / THREAT_SIGHT, 1.0))
    return kept


def _threat_view(
    world: World, blockers: np.ndarray, px: int, py: int
) -> tuple[np.ndarray, int, int]:
    """Field of view from (px, py) over every tile within THREAT_SIGHT, and its corner.

    A tile's visibility depends only on the tiles between it and the viewer, so one view
    per threat tile serves every unit's window; units in a group share their threats and
    the squad moves a tile at a time, so the views are kept while the blockers stand.
    """
    memo = world.caches.get("threat_views")
    version = world.terrain.version
    if memo is None or memo[0] is not blockers or memo[1] != version:
        # views, exposure fields (_threat_exposure) and their per-tile parts (_threat_shares)
        memo = (blockers, version, {}, {}, {})
        world.caches["threat_views"] = memo
    views: dict[int, Any] = memo[2]
    key = px << 16 | py
    view = views.get(key)
    if view is None:
        if len(views) >= THREAT_VIEWS_KEPT:
            views.clear()
        h, w = blockers.shape
        rx0, ry0 = max(px - THREAT_SIGHT - 1, 0), max(py - THREAT_SIGHT - 1, 0)
        rx1, ry1 = min(px + THREAT_SIGHT + 2, w), min(py + THREAT_SIGHT + 2, h)
        fov = tcod.map.compute_fov(
            ~blockers[ry0:ry1, rx0:rx1], (py - ry0, px - rx0), radius=THREAT_SIGHT,
            light_walls=False,
        )
        view = views[key] = (fov, rx0, ry0)
    return view


def _allies_in_window(allies: list[Unit], x0: int, y0: int, x1: int, y1: int
                      ) -> tuple[np.ndarray, np.ndarray]:
    """Two grids over the window, from one pass over the allies: the tiles an ally stands
    on or is heading to (never two on one tile), and the allies (where they stand or are
    heading) in the 3×3 around each tile (crowding; whole numbers)."""
    hh, ww = y1 - y0, x1 - x0
    taken = np.zeros((hh, ww), dtype=bool)
    at: list[int] = []  # flat indices into taken
    near: list[int] = []  # flat indices into the window with a border of one tile
    for ally in allies:
        tx, ty = ally.x // SUB, ally.y // SUB
        x, y = ally.path[-1] if ally.path else (tx, ty)
        if x0 <= tx < x1 and y0 <= ty < y1:
            at.append((ty - y0) * ww + tx - x0)
        if x0 <= x < x1 and y0 <= y < y1:
            at.append((y - y0) * ww + x - x0)
        if x0 - 1 <= x <= x1 and y0 - 1 <= y <= y1:
            near.append((y - y0 + 1) * (ww + 2) + x - x0 + 1)
    if at:
        taken.flat[at] = True
    if not near:
        return taken, np.zeros((hh, ww), dtype=np.int64)
    counts = np.bincount(near, minlength=(hh + 2) * (ww + 2)).reshape(hh + 2, ww + 2)
    across = counts[:, :-2] + counts[:, 1:-1] + counts[:, 2:]  # a 3×3 box sum, an axis at a time
    return taken, across[:-2] + across[1:-1] + across[2:]


def _openness(walk: np.ndarray) -> np.ndarray:
    """Walkable tiles in the 3×3 around each window tile (a corridor scores 3, a hall 9)."""
    near = np.pad(walk.astype(np.float64), 1)
    across = near[:, :-2] + near[:, 1:-1] + near[:, 2:]
    return across[:-2] + across[1:-1] + across[2:]


Standing = tuple[list[Unit], np.ndarray, np.ndarray]


def standing_insurgents(world: World) -> Standing:
    """Active, visible insurgents in id order and their positions (sub units): gathered
    once while the world stands still (a tick's thinking) for every query that asks."""
    units = [a for a in world.insurgents() if a.life == ACTIVE and not a.hidden]
    xs = np.array([a.x for a in units], dtype=np.int64)
    ys = np.array([a.y for a in units], dtype=np.int64)
    return units, xs, ys


def _allies_near(world: World, unit: Unit, x0: int, y0: int, x1: int, y1: int,
                 standing: Standing | None = None) -> list[Unit]:
    """Standing insurgents within two tiles of the window, in id order, the unit aside."""
    units, xs, ys = standing_insurgents(world) if standing is None else standing
    lx, hx, ly, hy = (x0 - 2) * SUB, (x1 + 2) * SUB, (y0 - 2) * SUB, (y1 + 2) * SUB
    near = np.flatnonzero((xs >= lx) & (xs < hx) & (ys >= ly) & (ys < hy))
    return [units[i] for i in near.tolist() if units[i] is not unit]


def _strike_mask(world: World, x0: int, y0: int, x1: int, y1: int) -> np.ndarray:
    """Tiles inside a marked strike zone or a grenade's ring (and a tile of margin): never
    chosen."""
    ys, xs = np.arange(y0, y1)[:, None], np.arange(x0, x1)[None, :]  # np.ogrid's, faster
    mask = np.zeros((y1 - y0, x1 - x0), dtype=bool)
    for x, y, radius in danger_rings(world):
        mask |= (xs - x) ** 2 + (ys - y) ** 2 <= (radius + 1.0) ** 2
    return mask
