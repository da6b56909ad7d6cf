"""Autopilot and hand grenades: throw one at an insurgent dug in behind cover, never with
one of ours near the ring, and get out of any grenade ring the squad knows of.

A throw, at most one a think: a standing member with a grenade ready, an insurgent the
squad sees now or saw in the last SEEN_TICKS, within THROW_TILES and at least MIN_TILES
of the member, with cover against that member on ground the squad has seen (one in the
open is shot, not bombed), a clear line, no live grenade of ours already on it, and
nobody of ours (the squad, the downed, found survivors) within the ring plus the throw's
worst scatter plus SAFETY_TILES.
"""

from __future__ import annotations

import math

from game.ai.autopilot_pass import Think
from game.ai.autopilot_strike import away_from
from game.sim.catalog import TICK_HZ
from game.sim.commands import ThrowGrenade
from game.sim.geometry import SUB, centre_of
from game.sim.grenades import RADIUS_TILES, SCATTER, THROW_RANGE_TILES, friendlies_in_ring
from game.sim.kinds import Side
from game.sim.queries import cover_from, known_grenades
from game.sim.sight import clear_line
from game.sim.units import Unit

THROW_TILES = THROW_RANGE_TILES - 0.5
MIN_TILES = RADIUS_TILES + 1.5
SEEN_TICKS = 2 * TICK_HZ
SAFETY_TILES = 1.0
LEAVE_MARGIN_TILES = 1.0  # a member this near a known ring's edge leaves it


def throw_grenades(t: Think) -> None:
    """One ThrowGrenade at the nearest covered insurgent some member can reach safely."""
    world = t.world
    best: tuple[float, int, Unit, tuple[int, int]] | None = None
    for m in t.squad:
        if world.grenades_left.get(m.id, 0) <= 0 or world.tick < world.grenade_ready.get(
                m.id, 0) or m.carrying:
            continue
        for uid, tile in _known_enemies(t):
            d = math.hypot(tile[0] - m.tile[0], tile[1] - m.tile[1])
            if not MIN_TILES <= d <= THROW_TILES or (best is not None and d >= best[0]):
                continue
            if _worth_a_grenade(t, m, tile, d):
                best = (d, uid, m, tile)
    if best is not None:
        _, _, m, tile = best
        t.orders.append(ThrowGrenade(m.id, *tile))


def _known_enemies(t: Think) -> list[tuple[int, tuple[int, int]]]:
    """(id, tile) of insurgents seen now or lately, id order."""
    tick = t.world.tick
    out = []
    for uid in sorted(t.state.memory.sightings):
        sighting = t.state.memory.sightings[uid]
        if tick - sighting.tick <= SEEN_TICKS:
            out.append((uid, sighting.tile))
    return out


def _worth_a_grenade(t: Think, m: Unit, tile: tuple[int, int], d: float) -> bool:
    world = t.world
    if cover_from(world.terrain, tile, m.tile, known=world.seen_ever) == 0:
        return False
    if not clear_line(world.terrain.opaque, m.tile[0], m.tile[1], tile[0], tile[1]):
        return False
    cx, cy = centre_of(tile[0]), centre_of(tile[1])
    for grenade in world.grenades:
        if grenade.side == Side.SQUAD and math.hypot(grenade.x - cx, grenade.y - cy) / SUB \
                <= RADIUS_TILES:
            return False  # one is on its way there already
    reach = RADIUS_TILES + SCATTER * d * math.sqrt(2) + SAFETY_TILES
    return not friendlies_in_ring(world, cx, cy, reach)


def leave_grenade_rings(t: Think) -> None:
    """A free member in or near a grenade ring the squad knows of walks out of it."""
    for grenade in known_grenades(t.world):
        centre = grenade.tile
        for m in t.free():
            if math.hypot(m.x - grenade.x, m.y - grenade.y) / SUB <= \
                    grenade.radius + LEAVE_MARGIN_TILES:
                t.move([m], away_from(t, centre, grenade.radius + 1.5, m))
                t.busy.add(m.id)


def grenade_zones(t: Think) -> list[tuple[int, int, float, int]]:
    """Known grenade rings as zones choose_cover keeps off, like a marked strike zone."""
    return [(*g.tile, g.radius, g.burst_tick) for g in known_grenades(t.world)]
