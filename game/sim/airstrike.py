"""Falcon-2's bomb: the call, the blast, the rubble and the smoke (strikes.py holds what it
shares with the gun run, air_support.py the wait and the pass).

The design, in numbers (all tunable below):
- A call is accepted while charges remain and no other run is under way. It lands
  ETA_TICKS later; the jet starts its pass PASS_TICKS before impact.
- If a standing squad member or a found survivor is inside the blast radius, the call is
  refused with a reason starting "danger close" unless the command confirms it.
- Damage falls from PEAK_DAMAGE at the centre to nothing at the radius as 1 - (d/R)^2
  (lethal to a rifleman in the open out to about 3.5 tiles, a graze at the rim) and
  spares nobody (squad, survivors, insurgents, hidden or not; reserves not yet arrived
  are off the map).
- Shelter: the blast travels on the straight line from the centre tile to the victim's
  tile. An intact wall on that line (opaque and not destructible) lets through only
  WALL_SHELTER of the damage; a destructible wall, which this blast brings down, lets
  through RUBBLE_SHELTER. The downed take the blast only when it is at least
  DOWNED_MIN_DAMAGE (a prone body is a small target for shrapnel).
- Destructible tiles inside the radius become rubble (walkable, see-through, low cover);
  smoke fills the radius plus a tile and blocks sight for 9-20 s (see smoke.py).
- Everyone alive within the radius plus SUPPRESS_EXTRA_TILES is pinned (strikes.deliver):
  their aimed fire is worse and the AI may take cover.
- An insurgent group that has lost more than half its members after a blast is added to
  world.broken_groups, which the insurgent AI reads to fall back (strikes.break_groups).
- The marked zone is world.strike_zones from the moment the call is accepted (the squad
  and the player see it); the insurgents cannot hear the radio call and take in what the
  jet's pass means only in the last second (queries.STRIKE_NOTICE_TICKS).
"""

from __future__ import annotations

import math

import numpy as np

from game.sim.catalog import TICK_HZ
from game.sim.commands import CallStrike
from game.sim.events import DangerCloseWarning, RadioMessage, StrikeImpact, StrikeRequested
from game.sim.facts import Blast, TickFacts
from game.sim.geometry import SUB, angle_deg, centre_of
from game.sim.kinds import StrikeKind
from game.sim.smoke import add_smoke
from game.sim.strikes import (
    CALLSIGN,
    StrikeType,
    accept_call,
    break_groups,
    danger_close_refusal,
    deliver,
    impact_felt,
    our_people,
    pull_off_line,
    quadratic_falloff,
    ready_caller,
    walking_in,
    wall_shelter,
)
from game.sim.units import Unit
from game.sim.world import StrikeCall, World

BLAST_RADIUS_TILES = 4.5
PEAK_DAMAGE = 200
ETA_TICKS = 8 * TICK_HZ
SUPPRESS_EXTRA_TILES = 3.0
SMOKE_EXTRA_TILES = 1.0


# -- the call -----------------------------------------------------------------------------
def request_strike(world: World, cmd: CallStrike) -> str:
    """Accept a call (returns "") or say why not; the radio goes out in run_strikes."""
    if world.strikes_left <= 0:
        return "no air support left"
    if not world.terrain.in_bounds(cmd.x, cmd.y):
        return "outside the map"
    caller, refusal = ready_caller(world)
    if caller is None:
        return refusal
    at_risk = friendlies_in_blast(world, cmd.x, cmd.y)
    if at_risk and not cmd.confirm_danger_close:
        return danger_close_refusal(at_risk, "inside the blast")
    heading = (angle_deg(centre_of(cmd.x) - caller.x, centre_of(cmd.y) - caller.y) + 90) % 360
    accept_call(world, StrikeCall(
        id=0, x=cmd.x, y=cmd.y, radius=BLAST_RADIUS_TILES,
        called_tick=world.tick, impact_tick=world.tick + ETA_TICKS,
        # the run-in crosses the line from the caller, never flies over the caller's head
        heading=heading, danger_close=bool(at_risk), caller_id=caller.id,
    ))
    return ""


def blast_distance(unit: Unit, tx: int, ty: int) -> float:
    """Tiles from the centre of target tile (tx, ty) to the unit."""
    return math.hypot(unit.x - centre_of(tx), unit.y - centre_of(ty)) / SUB


def friendlies_in_blast(
    world: World, tx: int, ty: int, radius: float = BLAST_RADIUS_TILES
) -> list[Unit]:
    """Squad members and found survivors still on the map inside the blast, in id order.

    Survivors not yet found are not counted: the player cannot know they are there.
    """
    return [u for u in our_people(world) if blast_distance(u, tx, ty) <= radius]


def friendlies_walking_in(
    world: World, tx: int, ty: int, radius: float = BLAST_RADIUS_TILES,
    ticks: int = ETA_TICKS,
) -> list[Unit]:
    """Our people outside the blast now whose orders take them inside it about when it
    lands, `ticks` from now (strikes.walking_in). The danger-close prompt names them too
    (a squad sent across a yard walked on into the bomb it called there)."""
    return walking_in(world, lambda unit: blast_distance(unit, tx, ty) <= radius,
                      lambda x, y: math.hypot(x - tx, y - ty) <= radius, ticks)


def _announce(world: World, strike: StrikeCall, events: list) -> None:
    strike.announced = True
    caller = world.units.get(strike.caller_id)
    radius_sub = int(strike.radius * SUB)
    events.append(StrikeRequested(strike.id, strike.x, strike.y, radius_sub,
                                  strike.impact_tick, strike.heading, strike.danger_close,
                                  strike.caller_id))
    name = caller.name if caller else "Squad"
    events.append(RadioMessage(name, f"{CALLSIGN}, fire mission, grid {strike.x}-{strike.y}."))
    seconds = (strike.impact_tick - world.tick) // TICK_HZ
    events.append(RadioMessage(CALLSIGN, f"{CALLSIGN}, inbound. Impact in {seconds} seconds."))
    if strike.danger_close:
        ids = tuple(u.id for u in friendlies_in_blast(world, strike.x, strike.y, strike.radius))
        events.append(DangerCloseWarning(strike.id, ids))
        events.append(RadioMessage(CALLSIGN, "Danger close, acknowledged. Get your heads down."))


# -- the blast ----------------------------------------------------------------------------
def detonate(world: World, strike: StrikeCall, events: list, facts: TickFacts) -> None:
    terrain = world.terrain
    opaque_before = terrain.opaque.copy()
    destructible = terrain.destructible & ~terrain.rubble

    def damage(unit: Unit, dist: float) -> float:
        if dist > strike.radius:
            return 0.0
        return blast_damage(dist, strike.radius) * wall_shelter(
            opaque_before, destructible, strike.x, strike.y, unit)

    casualties, hit_groups = deliver(
        world, strike.radius + SUPPRESS_EXTRA_TILES,
        lambda unit: blast_distance(unit, strike.x, strike.y), damage, events, facts)
    world.stats.strike_casualties += casualties
    destroyed = terrain.destroy(_disc(terrain.opaque.shape, strike.x, strike.y, strike.radius))
    add_smoke(world, strike.x, strike.y, strike.radius + SMOKE_EXTRA_TILES)
    radius_sub = int(strike.radius * SUB)
    events.append(StrikeImpact(strike.id, strike.x, strike.y, radius_sub, casualties, destroyed))
    impact_felt(facts, Blast(strike.x, strike.y, radius_sub))
    events.append(RadioMessage(CALLSIGN, pull_off_line(
        world, "That was our last run. Good luck down there.")))
    break_groups(world, hit_groups, events)


def blast_damage(dist_tiles: float, radius: float = BLAST_RADIUS_TILES) -> float:
    """Damage in the open at this distance from the centre, falling to nothing at the rim."""
    return quadratic_falloff(PEAK_DAMAGE, dist_tiles, radius)


def _disc(shape: tuple[int, ...], tx: int, ty: int, radius: float) -> np.ndarray:
    ys, xs = np.ogrid[: shape[0], : shape[1]]
    return (xs - tx) ** 2 + (ys - ty) ** 2 <= radius * radius


BOMB = StrikeType(StrikeKind.BOMB, _announce, "In hot. Weapons away.", detonate)
