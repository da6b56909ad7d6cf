"""Autopilot steps 1 and 2: Falcon-2 (a bomb or a gun run) on a group the squad knows of,
and out of a marked strike zone or off a gun run's line.

What it may aim at: insurgents the squad saw in the last KNOWN_TICKS, near us, that sat
still (dug in) long enough to still be there when the jet arrives. Gunfire heard from a
shooter nobody saw is never a target: it says where to look, not who is there.

When: a group of STRIKE_MIN_GROUP any time, clear of our own people. When the squad is
pressed (someone down or badly hurt, two or more pinned, or a known group between the
survivors and the way out) the alternative is losing someone: then a pair will do, and
when no aim clear of our people exists it calls danger close, with our standing people
outside the deadly middle of the blast or off the gun line's band (the downed, who cannot
walk, outside the blast), and leave_strike_zones walks them clear before it lands.

Which: the weapon and aim that catch the most known insurgents; a tie goes to the bomb
(it respects walls, pins more widely, and breaks the group).
"""

from __future__ import annotations

import math

import numpy as np

from game.ai.autopilot_aim import (
    GUN_HIT_TILES,
    MAX_TARGETS,
    bomb_aim,
    gun_aim,
    seg_dist,
    seg_distance,
)
from game.ai.autopilot_knowledge import UNREACHABLE, distances_from, found_survivors, tile_dist
from game.ai.autopilot_pass import THREAT_TILES, Think
from game.ai.autopilot_tactics import DUG_IN_TICKS, STRIKE_MIN_GROUP, STRIKE_SAFETY_TILES
from game.sim.airstrike import BLAST_RADIUS_TILES
from game.sim.commands import CallGunRun, CallStrike
from game.sim.geometry import SUB
from game.sim.gun_run import BAND_TILES, DANGER_TILES
from game.sim.kinds import Life, StrikeKind
from game.sim.units import Unit

KNOWN_TICKS = 90  # an insurgent seen this lately is still where the squad saw it
PRESSED_MIN_GROUP = 2  # pressed, a pair is worth Falcon-2
DANGER_CLOSE_CLEARANCE = 2.5  # tiles from the bomb's centre a standing friend must be
GUN_SAFE_CLEARANCE = DANGER_TILES + 1.0  # off the gun line, no danger close needed
GUN_DANGER_CLOSE_CLEARANCE = BAND_TILES + 0.25  # just outside the cannon's band
BADLY_HURT_SHARE = 0.5  # below this share of max HP a member counts as badly hurt
PINNED_MEMBERS = 2  # this many members pinned at once: the squad is pinned
ROUTE_TILES = 4.0  # a known insurgent this near the way out (escort to zone) holds it
ROUTE_HOLDERS = 2  # this many on the way out: the route is held
LEAVE_LINE_TILES = BAND_TILES + 1.5  # a member this near a coming gun run's line walks off


def call_strike(t: Think) -> None:
    """One Falcon-2 call when it is worth one (see the module's docstring)."""
    world = t.world
    if world.strikes_left <= 0 or world.strikes:
        return
    targets = known_targets(t)
    pressed = bool(targets) and pressed_reason(t, targets) != ""
    need = PRESSED_MIN_GROUP if pressed else STRIKE_MIN_GROUP
    if len(targets) < need:
        return
    friends = t.friends_tiles()
    choice = _best(bomb_aim(world, targets, friends, BLAST_RADIUS_TILES + STRIKE_SAFETY_TILES,
                            need),
                   gun_aim(world, targets, friends, GUN_SAFE_CLEARANCE, need))
    if choice is None and pressed:
        bomb = bomb_aim(world, targets, _standing_tiles(t), DANGER_CLOSE_CLEARANCE, need)
        if bomb is not None and _near_downed(t, bomb[0]):
            bomb = None
        gun = gun_aim(world, targets, friends, GUN_DANGER_CLOSE_CLEARANCE, need)
        choice = _best(bomb, gun, danger_close=True)
    if choice is None:
        return
    aim, _, danger_close = choice
    if len(aim) == 2:
        t.orders.append(CallStrike(aim[0], aim[1], confirm_danger_close=danger_close))
    else:
        x0, y0, x1, y1 = aim
        t.orders.append(CallGunRun(x0, y0, x1, y1, confirm_danger_close=danger_close))


Aim = tuple[int, ...]  # a bomb's (x, y) or a gun run's (x0, y0, x1, y1)


def _best(bomb: tuple[Aim, int] | None, gun: tuple[Aim, int] | None,
          danger_close: bool = False) -> tuple[Aim, int, bool] | None:
    """(aim, caught, danger_close) of the option that catches more; the bomb on a tie."""
    options = []
    if bomb is not None:
        options.append((bomb[1], 1, bomb[0]))
    if gun is not None:
        options.append((gun[1], 0, gun[0]))
    if not options:
        return None
    n, _, aim = max(options, key=lambda o: (o[0], o[1]))
    return aim, n, danger_close


def known_targets(t: Think) -> list[tuple[int, int]]:
    """Tiles of the insurgents seen lately near us that have sat still long enough (the
    nearest MAX_TARGETS), id order."""
    tick = t.world.tick
    out = []
    for uid in sorted(t.state.memory.sightings):
        s = t.state.memory.sightings[uid]
        if tick - s.tick > KNOWN_TICKS or tick - s.still_since < DUG_IN_TICKS:
            continue
        near = min((tile_dist(m.tile, s.tile) for m in t.squad), default=math.inf)
        if near <= THREAT_TILES:
            out.append((near, s.tile))
    out.sort(key=lambda item: item[0])
    return [tile for _, tile in out[:MAX_TARGETS]]


def pressed_reason(t: Think, targets: list[tuple[int, int]]) -> str:
    """Why waiting costs a life, or "": someone down or badly hurt, the squad pinned, or
    the way out held by a group it knows of."""
    if any(u.life == Life.DOWNED for u in t.world.squad()):
        return "down"
    if any(u.hp < u.utype.max_hp * BADLY_HURT_SHARE for u in t.squad):
        return "hurt"
    if sum(1 for u in t.squad if u.suppressed > 0) >= PINNED_MEMBERS:
        return "pinned"
    return "route" if route_held(t, targets) else ""


def route_held(t: Think, targets: list[tuple[int, int]]) -> bool:
    """With survivors to walk out, ROUTE_HOLDERS known insurgents stand near the straight
    way from the escort to the nearest extraction zone."""
    zones = t.world.scenario.extractions
    if not zones or not (found_survivors(t.world) or t.state.phase == "extract"):
        return False
    ex, ey = t.escort().tile
    goals = [((z.rect[0] + z.rect[2]) // 2 // SUB, (z.rect[1] + z.rect[3]) // 2 // SUB)
             for z in zones]
    gx, gy = min(goals, key=lambda g: tile_dist(g, (ex, ey)))
    on_route = [tile for tile in targets
                if seg_distance(tile[0], tile[1], (ex, ey, gx, gy)) <= ROUTE_TILES]
    return len(on_route) >= ROUTE_HOLDERS


def _standing_tiles(t: Think) -> list[tuple[float, float]]:
    """Our people who can walk out of a marked zone: the standing squad and the
    survivors with us who are on their feet."""
    people = list(t.squad) + [c for c in found_survivors(t.world) if c.active]
    return [(u.x / SUB - 0.5, u.y / SUB - 0.5) for u in people]


def _near_downed(t: Think, aim: tuple[int, int]) -> bool:
    """A downed friend (who cannot walk out) inside the blast."""
    downed = [u for u in t.world.squad() + found_survivors(t.world) if u.life == Life.DOWNED]
    return any(math.hypot(u.x / SUB - 0.5 - aim[0], u.y / SUB - 0.5 - aim[1])
               <= BLAST_RADIUS_TILES for u in downed)


# -- step 2: out of the way of a call that is coming ----------------------------------------
def leave_strike_zones(t: Think) -> None:
    """A free member near a coming bomb's zone walks to the nearest known tile clear of
    it; one near a coming gun run's line walks off the line."""
    for strike in t.world.strikes:
        if strike.kind == StrikeKind.GUN:
            line = (strike.x, strike.y, strike.x1, strike.y1)
            for m in t.free():
                if seg_distance(m.x / SUB - 0.5, m.y / SUB - 0.5, line) <= LEAVE_LINE_TILES:
                    t.move([m], off_line(t, line, m))
                    t.busy.add(m.id)
            continue
        zx, zy = strike.centre
        for m in t.free():
            if math.hypot(m.x / SUB - zx, m.y / SUB - zy) <= strike.radius + 2.0:
                t.move([m], away_from(t, (zx, zy), strike.radius + 3.0, m))
                t.busy.add(m.id)


def away_from(t: Think, centre: tuple[int, int], radius: float, m: Unit) -> tuple[int, int]:
    """The nearest known walkable tile farther than radius from centre (m's own tile when
    there is none)."""
    h, w = t.walk.shape
    ys, xs = np.mgrid[0:h, 0:w]
    outside = (xs - centre[0]) ** 2 + (ys - centre[1]) ** 2 > radius * radius
    return nearest_of(t, outside, m)


def off_line(t: Think, line: tuple[int, int, int, int], m: Unit) -> tuple[int, int]:
    """The nearest known walkable tile well off a gun run's line."""
    h, w = t.walk.shape
    ys, xs = np.mgrid[0:h, 0:w]
    tiles = np.column_stack((xs.ravel(), ys.ravel())).astype(float)
    dist = seg_dist(tiles, line).reshape(h, w)
    return nearest_of(t, dist > LEAVE_LINE_TILES + GUN_HIT_TILES, m)


def nearest_of(t: Think, allowed: np.ndarray, m: Unit) -> tuple[int, int]:
    """The nearest known walkable tile where `allowed` (m's own tile when none is)."""
    dist = distances_from(t.world, t.walk, m.tile)
    w = t.walk.shape[1]
    options = np.where(allowed & t.walk & (dist < UNREACHABLE), dist, UNREACHABLE)
    idx = int(np.argmin(options))
    if options.flat[idx] == UNREACHABLE:
        return m.tile
    return idx % w, idx // w
