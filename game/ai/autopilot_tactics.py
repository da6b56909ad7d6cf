"""The autopilot's tile choices in a fight: cover against the enemies it sees, kept clear
of a coming strike (where Falcon-2 drops is game/ai/autopilot_aim.py)."""

from __future__ import annotations

import math

import numpy as np
import tcod.map

from game.sim.queries import cover_from
from game.sim.sight import clear_line
from game.sim.units import Unit
from game.sim.world import World

COVER_RADIUS = 4  # a member looks for cover this far from where it stands
STRIKE_MIN_GROUP = 3  # dug-in enemies worth Falcon-2 when the squad is not pressed
STRIKE_SAFETY_TILES = 1.5  # keep friends this far beyond the blast radius
DUG_IN_TICKS = 90  # seen on (about) the same spot this long: dug in (a strike takes 5-8 s)
EXPOSURE_TILES = 14  # a remembered shooter this close with a line of sight makes ground unsafe


def cover_against(world: World, tile: tuple[int, int], threat: tuple[int, int]) -> int:
    """Cover a unit on `tile` has from a shooter on `threat` (the combat rule), judged
    only on tiles the squad has seen."""
    return cover_from(world.terrain, tile, threat, known=world.seen_ever)


def choose_cover(
    world: World, member: Unit, threats: list[tuple[int, int]], walk: np.ndarray,
    taken: set[tuple[int, int]], role: str, zones: list[tuple[int, int, float, int]],
) -> tuple[int, int]:
    """The best tile near the member to fight from (or, for the medic, to shelter on).

    role "rifle": cover against the nearest threat and a clear shot at it within range;
    "marksman": the same but prefers standing off at range; "medic": out of every
    threat's line of sight, else behind cover.
    """
    mx, my = member.tile
    weapon = member.weapon
    reach = weapon.range_tiles if weapon else 0
    h, w = walk.shape
    opaque = world.terrain.opaque
    best, best_score = (mx, my), -math.inf
    for dy in range(-COVER_RADIUS, COVER_RADIUS + 1):
        for dx in range(-COVER_RADIUS, COVER_RADIUS + 1):
            x, y = mx + dx, my + dy
            if not (0 <= x < w and 0 <= y < h) or not walk[y, x] or (x, y) in taken:
                continue
            if any(math.hypot(x - zx, y - zy) <= r + STRIKE_SAFETY_TILES for zx, zy, r, _ in zones):
                continue
            score = -0.4 * math.hypot(dx, dy) + _tile_score(
                world, opaque, (x, y), threats, reach, role)
            if score > best_score:
                best, best_score = (x, y), score
    return best


def _tile_score(
    world: World, opaque: np.ndarray, tile: tuple[int, int], threats: list[tuple[int, int]],
    reach: float, role: str,
) -> float:
    x, y = tile
    nearest = min(threats, key=lambda t: (x - t[0]) ** 2 + (y - t[1]) ** 2)
    dist = math.hypot(x - nearest[0], y - nearest[1])
    exposed = 0
    for threat in threats:
        if clear_line(opaque, x, y, *threat) and cover_against(world, tile, threat) == 0:
            exposed += 1
    if role == "medic":
        hidden = all(not clear_line(opaque, x, y, *t) for t in threats)
        return 4.0 * hidden - 2.0 * exposed + 0.2 * min(dist, 8)
    shot = dist <= reach and clear_line(opaque, x, y, *nearest)
    cover = cover_against(world, tile, nearest)
    score = 3.0 * shot + 2.0 * cover * shot - 1.5 * exposed
    if role == "marksman":
        score += 0.3 * min(dist, 12) if shot else 0.0
    elif dist < 3:
        score -= 2.0  # too close: a grenade's throw, and it blocks the others' fire
    return score


def exposed_ground(
    world: World, shooters: list[tuple[int, int]], radius: int = EXPOSURE_TILES,
) -> np.ndarray:
    """Tiles some remembered shooter could see and hit: ground to keep off while searching.
    Walls the squad has not seen count as open (it cannot know they are there)."""
    h, w = world.seen_now.shape
    out = np.zeros((h, w), dtype=bool)
    if not shooters:
        return out
    transparent = ~(world.terrain.opaque & world.seen_ever)
    for sx, sy in shooters:
        x0, y0 = max(sx - radius, 0), max(sy - radius, 0)
        x1, y1 = min(sx + radius + 1, w), min(sy + radius + 1, h)
        fov = tcod.map.compute_fov(transparent[y0:y1, x0:x1], (sy - y0, sx - x0),
                                   radius=radius, light_walls=False)
        out[y0:y1, x0:x1] |= fov
    return out
