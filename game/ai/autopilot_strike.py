"""Autopilot steps 1 and 2: Falcon-2 on a dug-in group, and out of a marked strike zone."""

from __future__ import annotations

import math

import numpy as np

from game.ai.autopilot_knowledge import UNREACHABLE, distances_from
from game.ai.autopilot_pass import Think
from game.ai.autopilot_tactics import strike_target
from game.sim.commands import CallStrike
from game.sim.geometry import SUB
from game.sim.units import Unit


def call_strike(t: Think) -> None:
    """Three or more insurgents in sight and a strike left: Falcon-2 on a dug-in group
    none of ours is near (strike_target picks the aim point, or none)."""
    world = t.world
    if world.strikes_left <= 0 or world.strikes or len(t.enemies) < 3:
        return
    seen = []
    for enemy in t.enemies:
        sighting = t.state.memory.sightings.get(enemy.id)
        if sighting is not None:
            seen.append((enemy.id, enemy.tile, sighting.still_since))
    target = strike_target(world, seen, t.friends_tiles())
    if target is not None:
        t.orders.append(CallStrike(target[0], target[1]))


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
