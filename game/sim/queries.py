"""One place to ask the rules what several parts need to know.

The rules themselves, the insurgent AI, the autopilot, the renderer and the screens all
ask these questions; each is answered here once, so a rule cannot drift between its
callers. Nothing here changes the world.

- sight: who the player sees (fog of war on units), whom the squad has in sight now
- care: who needs care, who can be carried, who can open a lock (roles are data in
  catalog.UNIT_TYPES, read through the unit's type)
- cover: what cover a tile gives against fire from a point, one tile at a time or over a
  window of tiles (the same rule, vectorised for the AI's tile search)
- danger: the grenade rings the squad knows of (drawn on the map, left by the autopilot)
  and every ring the AI keeps out of (marked strike zones and live grenades)
"""

from __future__ import annotations

import numpy as np

from game.sim.geometry import SUB
from game.sim.kinds import Life, Side
from game.sim.terrain import COVER_LOW, Terrain
from game.sim.units import Unit
from game.sim.world import Grenade, World

DRAWN_LIVES = frozenset((Life.ACTIVE, Life.DOWNED, Life.DEAD))  # shown on the map


# -- sight ----------------------------------------------------------------------------------
def in_squad_sight(world: World, unit: Unit) -> bool:
    """The squad sees the unit now: not hidden, on a tile in sight this tick."""
    if unit.hidden:
        return False
    tx, ty = unit.x // SUB, unit.y // SUB
    h, w = world.seen_now.shape
    return 0 <= tx < w and 0 <= ty < h and bool(world.seen_now[ty, tx])


def player_sees(world: World, unit: Unit) -> bool:
    """What the player may see: the squad always; insurgents only in sight now; survivors
    once found or while in sight. Hidden units (ambushers, survivors in hiding) never."""
    if unit.life not in DRAWN_LIVES:
        return False
    if unit.side == Side.SQUAD:
        return True
    if unit.side == Side.CIVILIAN and unit.found and not unit.hidden:
        return True
    return in_squad_sight(world, unit)


def visible_units(world: World) -> list[Unit]:
    """Every unit player_sees, in id order: one pass a frame for the sprites, the alert
    marks and the minimap. The same rule as player_sees, inlined because a crowded frame
    asks about hundreds of units (tests/test_queries.py holds the two equal)."""
    seen = world.seen_now
    h, w = seen.shape
    shown = []
    for unit in world.units.values():
        if unit.life not in DRAWN_LIVES:
            continue
        side = unit.side
        if side != Side.SQUAD:
            if unit.hidden:
                continue
            if not (side == Side.CIVILIAN and unit.found):
                tx, ty = unit.x // SUB, unit.y // SUB
                if not (0 <= tx < w and 0 <= ty < h and seen[ty, tx]):
                    continue
        shown.append(unit)
    return shown


def enemies_in_sight(world: World) -> list[Unit]:
    """Insurgents on their feet the squad sees now, in id order."""
    return [u for u in world.insurgents() if u.life == Life.ACTIVE and in_squad_sight(world, u)]


# -- care -----------------------------------------------------------------------------------
def needs_care(unit: Unit) -> bool:
    """One of ours (squad or survivor) still on the map who is bleeding, down or hurt."""
    if unit.side == Side.INSURGENT or not unit.alive:
        return False
    return unit.bleed > 0 or unit.life == Life.DOWNED or unit.hp < unit.utype.max_hp


def can_be_carried(unit: Unit) -> bool:
    """A found survivor or a downed squad member, on the map and not already carried."""
    if unit.carried_by or not unit.alive:
        return False
    if unit.side == Side.CIVILIAN:
        return unit.found
    return unit.side == Side.SQUAD and unit.life == Life.DOWNED


def can_open_locks(unit: Unit) -> bool:
    """The engineer's trade (Maaz): the unit type says who has it."""
    return unit.utype.engineer


def gives_full_treatment(unit: Unit) -> bool:
    """The medic (Hana) treats with a kit; anyone else can only stabilise."""
    return unit.utype.medic


# -- cover ----------------------------------------------------------------------------------
def cover_from(
    terrain: Terrain, tile: tuple[int, int], threat: tuple[int, int],
    known: np.ndarray | None = None,
) -> int:
    """Cover on `tile` against fire from `threat`: the best cover on the tiles beside it
    toward the shooter (none right beside the shooter). A shooter higher up sees over low
    cover. With `known`, only tiles marked there count (what the squad has seen)."""
    tx, ty = tile
    sx, sy = threat
    if -1 <= tx - sx <= 1 and -1 <= ty - sy <= 1:
        return 0
    dx = (sx > tx) - (sx < tx)
    dy = (sy > ty) - (sy < ty)
    cover = terrain.cover
    h, w = cover.shape
    best = 0
    # the tiles beside the target toward the shooter: (dx, 0), (0, dy) and (dx, dy)
    for cx, cy in ((tx + dx, ty), (tx, ty + dy), (tx + dx, ty + dy)):
        if (cx != tx or cy != ty) and 0 <= cx < w and 0 <= cy < h:
            if known is not None and not known[cy, cx]:
                continue
            c = int(cover[cy, cx])
            if c > best:
                best = c
    if best == COVER_LOW and terrain.elevation[sy, sx] > terrain.elevation[ty, tx]:
        return 0
    return best


def cover_between(world: World, shooter: Unit, target: Unit) -> int:
    """Cover the target has against this shooter (cover_from)."""
    return cover_from(world.terrain, (target.x // SUB, target.y // SUB),
                      (shooter.x // SUB, shooter.y // SUB))


def padded_cover(cover: np.ndarray, x0: int, y0: int, x1: int, y1: int) -> np.ndarray:
    """The cover grid over the window [x0, x1) x [y0, y1) with a one-tile border (none
    outside the map), for window_cover_against."""
    h, w = cover.shape
    out = np.zeros((y1 - y0 + 2, x1 - x0 + 2), dtype=np.int64)
    sx0, sy0 = max(x0 - 1, 0), max(y0 - 1, 0)
    sx1, sy1 = min(x1 + 1, w), min(y1 + 1, h)
    out[sy0 - y0 + 1 : sy1 - y0 + 1, sx0 - x0 + 1 : sx1 - x0 + 1] = cover[sy0:sy1, sx0:sx1]
    return out


def window_cover_against(
    terrain: Terrain, padded: np.ndarray, x0: int, y0: int, threat: tuple[int, int]
) -> np.ndarray:
    """cover_from for every tile of a window at once (padded: padded_cover of it).

    The step toward the shooter is +1 before its column (row), 0 on it and -1 after, so
    each neighbour grid is three slices of the padded window rather than a gather.
    """
    h, w = padded.shape[0] - 2, padded.shape[1] - 2
    kx, ky = threat[0] - x0, threat[1] - y0
    a, b = min(max(kx, 0), w), min(max(kx + 1, 0), w)  # columns before / on / after
    c, d = min(max(ky, 0), h), min(max(ky + 1, 0), h)  # rows likewise
    side = np.zeros((h, w), dtype=padded.dtype)
    side[:, :a] = padded[1 : h + 1, 2 : a + 2]
    side[:, b:] = padded[1 : h + 1, b:w]
    rows = np.empty((h, w + 2), dtype=padded.dtype)  # each row's neighbour toward the threat
    rows[:c] = padded[2 : c + 2]
    rows[c:d] = padded[1 + c : 1 + d]
    rows[d:] = padded[d:h]
    ahead = rows[:, 1 : w + 1].copy()
    ahead[c:d] = 0
    corner = np.empty((h, w), dtype=padded.dtype)
    corner[:, :a] = rows[:, 2 : a + 2]
    corner[:, a:b] = rows[:, 1 + a : 1 + b]
    corner[:, b:] = rows[:, b:w]
    corner[c:d, a:b] = 0
    cover = np.maximum(np.maximum(side, ahead), corner)
    cover[max(ky - 1, 0) : max(ky + 2, 0), max(kx - 1, 0) : max(kx + 2, 0)] = 0
    px, py = threat
    overlooked = (terrain.elevation[py, px] > terrain.elevation[y0 : y0 + h, x0 : x0 + w]) & (
        cover == COVER_LOW)
    return np.where(overlooked, 0, cover)


def exposed_to(terrain: Terrain, tile: tuple[int, int], xs: np.ndarray,
               ys: np.ndarray) -> np.ndarray:
    """True where a shooter on (xs, ys) would find a target on `tile` without cover:
    cover_from(tile, (x, y)) == 0, for many shooters at once."""
    tx, ty = tile
    table = np.zeros(9, dtype=np.int64)
    for sx in (-1, 0, 1):
        for sy in (-1, 0, 1):
            best = 0
            for ax, ay in {(sx, 0), (0, sy), (sx, sy)}:
                cx, cy = tx + ax, ty + ay
                if (ax, ay) != (0, 0) and terrain.in_bounds(cx, cy):
                    best = max(best, int(terrain.cover[cy, cx]))
            table[(sx + 1) * 3 + sy + 1] = best
    index = (np.sign(xs - tx) + 1) * 3 + np.sign(ys - ty) + 1
    cover = table[index]
    above = terrain.elevation[ys, xs] > terrain.elevation[ty, tx]
    beside = (np.abs(xs - tx) <= 1) & (np.abs(ys - ty) <= 1)
    return (cover == 0) | (above & (cover == COVER_LOW)) | beside


# -- danger ---------------------------------------------------------------------------------
def known_grenades(world: World) -> list[Grenade]:
    """Grenades on the ground whose ring the squad knows of (it threw them or saw them)."""
    return [g for g in world.grenades if g.landed and g.seen]


def danger_rings(world: World) -> list[tuple[float, float, float]]:
    """(tile x, tile y, radius in tiles) of every marked strike zone and every grenade on
    the ground: the ground an insurgent will not choose to stand on."""
    rings = [(float(x), float(y), radius) for x, y, radius, _ in world.strike_zones]
    rings += [((g.x / SUB) - 0.5, (g.y / SUB) - 0.5, g.radius) for g in world.grenades
              if g.landed]
    return rings
