"""Autopilot steps 1 and 2: Falcon-2 on a dug-in group, and out of a marked strike zone.

Falcon-2 goes in clear of our own people when it can.  When it cannot and the squad is
losing (someone down or badly hurt, pinned by fire, or leading survivors into a group
that holds the way out), the alternative is losing someone, so it calls danger close:
our people may be inside the blast but not near its centre, and leave_strike_zones walks
them out before it lands.
"""

from __future__ import annotations

import math

import numpy as np

from game.ai.autopilot_knowledge import UNREACHABLE, distances_from, found_survivors
from game.ai.autopilot_pass import Think
from game.ai.autopilot_tactics import strike_target
from game.sim.commands import CallStrike
from game.sim.geometry import SUB
from game.sim.units import Unit

DANGER_CLOSE_CLEARANCE = 2.5  # tiles from the aim point a friend must be, danger close
BADLY_HURT_SHARE = 0.5  # below this share of max HP a member counts as badly hurt
PINNED_MEMBERS = 2  # this many members pinned at once: the squad is pinned
HELD_ROUTE_ENEMIES = 3  # this many in sight while we lead survivors: the way out is held


def call_strike(t: Think) -> None:
    """Three or more insurgents in sight and a strike left: Falcon-2 on a dug-in group
    none of ours is near (strike_target picks the aim point, or none); danger close
    when the squad is losing and no safe aim point exists."""
    world = t.world
    if world.strikes_left <= 0 or world.strikes or len(t.enemies) < 3:
        return
    seen = []
    for enemy in t.enemies:
        sighting = t.state.memory.sightings.get(enemy.id)
        if sighting is not None:
            seen.append((enemy.id, enemy.tile, sighting.still_since))
    friends = t.friends_tiles()
    target = strike_target(world, seen, friends)
    if target is not None:
        t.orders.append(CallStrike(target[0], target[1]))
    elif losing(t):
        target = strike_target(world, seen, friends, clearance=DANGER_CLOSE_CLEARANCE)
        if target is not None:
            t.orders.append(CallStrike(target[0], target[1], confirm_danger_close=True))


def losing(t: Think) -> bool:
    """Someone down or badly hurt, the squad pinned, or survivors with us and a group in
    the way (the route out is held): waiting costs a life."""
    if any(u.life == "downed" for u in t.world.squad()):
        return True
    if found_survivors(t.world) and len(t.enemies) >= HELD_ROUTE_ENEMIES:
        return True
    if any(u.hp < u.utype.max_hp * BADLY_HURT_SHARE for u in t.squad):
        return True
    return sum(1 for u in t.squad if u.suppressed > 0) >= PINNED_MEMBERS


def leave_strike_zones(t: Think) -> None:
    """A free member near a marked zone walks to the nearest known tile clear of it."""
    for zx, zy, radius, _ in t.world.strike_zones:
        for m in t.free():
            if math.hypot(m.x / SUB - zx, m.y / SUB - zy) <= radius + 2.0:
                t.move([m], away_from(t, (zx, zy), radius + 3.0, m))
                t.busy.add(m.id)


def away_from(t: Think, centre: tuple[int, int], radius: float, m: Unit) -> tuple[int, int]:
    """The nearest known walkable tile farther than radius from centre (m's own tile when
    there is none)."""
    dist = distances_from(t.world, t.walk, m.tile)
    h, w = t.walk.shape
    ys, xs = np.mgrid[0:h, 0:w]
    outside = (xs - centre[0]) ** 2 + (ys - centre[1]) ** 2 > radius * radius
    options = np.where(outside & t.walk & (dist < UNREACHABLE), dist, UNREACHABLE)
    idx = int(np.argmin(options))
    if options.flat[idx] == UNREACHABLE:
        return m.tile
    return idx % w, idx // w
