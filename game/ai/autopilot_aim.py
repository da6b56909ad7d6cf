"""Where the autopilot aims Falcon-2: the bomb's centre or the gun run's line that catches
the most of a group it knows of, with every friend farther than a clearance.

Tiles are (x, y) ints; friends are tile-centre coordinates as floats (Think.friends_tiles),
so a friend standing in the middle of tile (3, 4) is at (3.0, 4.0), as the rules measure.
"""

from __future__ import annotations

import math

import numpy as np

from game.sim.airstrike import BLAST_RADIUS_TILES
from game.sim.gun_run import BAND_TILES, MAX_LENGTH_TILES, MIN_LENGTH_TILES
from game.sim.sight import clear_line
from game.sim.world import World

BOMB_REACH = BLAST_RADIUS_TILES - 0.5  # an enemy this near the centre counts as caught
BOMB_NUDGES = (1, 2)  # tiles an aim point may move off an enemy, away from our people
GUN_HIT_TILES = 0.6 * BAND_TILES  # an enemy this near the line takes most of the burst
GUN_EXTEND_TILES = 1.5  # the line runs on past the end enemies by this much
GUN_HALF_TILES = 3  # a line through one enemy reaches this far each way
COMPASS = ((1, 0), (1, 1), (0, 1), (-1, 1))  # a line and its reverse are the same strafe
MAX_TARGETS = 8  # the nearest known enemies considered (keeps a think cheap)

Tile = tuple[int, int]
Line = tuple[int, int, int, int]


def bomb_aim(world: World, targets: list[Tile], friends: list[tuple[float, float]],
             clearance: float, need: int) -> tuple[Tile, int] | None:
    """The aim tile catching the most targets (at least `need`; an enemy behind a wall the
    squad has seen is sheltered) with every friend farther than `clearance`, and how many
    it catches; None when there is none."""
    if len(targets) < need:
        return None
    walls = world.terrain.opaque & world.seen_ever
    best: tuple[Tile, int] | None = None
    for ax, ay in _bomb_candidates(world, targets, friends):
        if any(math.hypot(fx - ax, fy - ay) <= clearance for fx, fy in friends):
            continue
        n = sum(1 for tx, ty in targets if math.hypot(tx - ax, ty - ay) <= BOMB_REACH
                and clear_line(walls, ax, ay, tx, ty))
        if n >= need and (best is None or n > best[1]):
            best = ((ax, ay), n)
    return best


def _bomb_candidates(world: World, targets: list[Tile],
                     friends: list[tuple[float, float]]) -> list[Tile]:
    """The group's middle, each target, and each target nudged away from the nearest
    friend (danger close wants the centre off our side of the group)."""
    cx = round(sum(t[0] for t in targets) / len(targets))
    cy = round(sum(t[1] for t in targets) / len(targets))
    out = [(cx, cy), *targets]
    for tx, ty in targets:
        if not friends:
            break
        fx, fy = min(friends, key=lambda f: math.hypot(f[0] - tx, f[1] - ty))
        dx, dy = tx - fx, ty - fy
        norm = math.hypot(dx, dy) or 1.0
        for step in BOMB_NUDGES:
            out.append((round(tx + dx / norm * step), round(ty + dy / norm * step)))
    terrain = world.terrain
    return [tile for i, tile in enumerate(out)
            if terrain.in_bounds(*tile) and tile not in out[:i]]


def gun_aim(world: World, targets: list[Tile], friends: list[tuple[float, float]],
            clearance: float, need: int) -> tuple[Line, int] | None:
    """The gun run's line catching the most targets (at least `need`) with every friend
    farther than `clearance` from it, and how many it catches; None when there is none.
    Lines run through pairs of targets (on past both) and through each target along the
    compass directions."""
    if len(targets) < need:
        return None
    pts = np.array(targets, dtype=float)
    friends_arr = np.array(friends, dtype=float).reshape(-1, 2)
    best: tuple[tuple[int, float], Line] | None = None
    for line in _gun_candidates(world, targets):
        if len(friends_arr) and seg_dist(friends_arr, line).min() <= clearance:
            continue
        dist = seg_dist(pts, line)
        hit = dist <= GUN_HIT_TILES
        n = int(hit.sum())
        if n < need:
            continue
        score = (n, -float(dist[hit].sum()))
        if best is None or score > best[0]:
            best = (score, line)
    return None if best is None else (best[1], best[0][0])


def _gun_candidates(world: World, targets: list[Tile]) -> list[Line]:
    out: list[Line] = []
    for i, (ax, ay) in enumerate(targets):
        for bx, by in targets[i + 1:]:
            length = math.hypot(bx - ax, by - ay)
            if length == 0 or length + 2 * GUN_EXTEND_TILES > MAX_LENGTH_TILES:
                continue
            ux, uy = (bx - ax) / length, (by - ay) / length
            out.append(_line(ax - ux * GUN_EXTEND_TILES, ay - uy * GUN_EXTEND_TILES,
                             bx + ux * GUN_EXTEND_TILES, by + uy * GUN_EXTEND_TILES))
        for dx, dy in COMPASS:
            out.append(_line(ax - dx * GUN_HALF_TILES, ay - dy * GUN_HALF_TILES,
                             ax + dx * GUN_HALF_TILES, ay + dy * GUN_HALF_TILES))
    terrain = world.terrain
    return [ln for ln in out if terrain.in_bounds(ln[0], ln[1]) and terrain.in_bounds(ln[2], ln[3])
            and MIN_LENGTH_TILES <= math.hypot(ln[2] - ln[0], ln[3] - ln[1]) <= MAX_LENGTH_TILES]


def _line(x0: float, y0: float, x1: float, y1: float) -> Line:
    return round(x0), round(y0), round(x1), round(y1)


def seg_dist(points: np.ndarray, line: Line) -> np.ndarray:
    """Distance of each point (tile-centre coordinates) from the segment between the
    centres of the line's end tiles (gun_run.line_distance, for many points)."""
    ax, ay, bx, by = (float(v) for v in line)
    dx, dy = bx - ax, by - ay
    span = dx * dx + dy * dy
    px, py = points[:, 0] - ax, points[:, 1] - ay
    u = np.zeros(len(points)) if span == 0 else np.clip((px * dx + py * dy) / span, 0.0, 1.0)
    return np.hypot(px - u * dx, py - u * dy)


def seg_distance(x: float, y: float, line: Line) -> float:
    """One point's distance from the line (for walking members off a gun run's line)."""
    return float(seg_dist(np.array([[x, y]], dtype=float), line)[0])
