"""Falcon-2's second weapon: a gun run strafing a line, aimed by dragging.

The design, in numbers (all tunable below):
- A gun run uses the same charges (world.strikes_left) and the same radio flow as the bomb
  (strikes.py, air_support.py): one run at a time, the request, "inbound", the pass, then
  impact, but sooner (ETA_TICKS). It is a StrikeCall of kind GUN with ends x1, y1.
- The line runs from the centre of tile (x0, y0) towards (x1, y1), clipped to
  MAX_LENGTH_TILES from the start; a line shorter than MIN_LENGTH_TILES is refused.
- If a standing squad member or a found survivor is within DANGER_TILES of the line, the
  call is refused with a reason starting "danger close" unless the command confirms it.
- On impact every unit within BAND_TILES of the segment takes PEAK_DAMAGE falling off
  linearly with its distance from the line, no dice: the cannon fire comes from above, so
  walls and cover shelter nobody (the bomb is the weapon that respects walls). The downed
  take it only when it is at least strikes.DOWNED_MIN_DAMAGE, as with the bomb.
- Everyone alive within BAND_TILES + SUPPRESS_EXTRA_TILES is pinned as by the bomb, and
  the run is heard and frightens survivors near the band as the bomb does
  (strikes.impact_felt; until 2026-12 the gun run was silent and frightened nobody).
- No rubble: cannon shells do not bring walls down. A little dust (DUST_TICKS) hangs over
  the walkable tiles on the line and blocks sight briefly.
- Its marked zone (world.strike_zones) is the disc around the line's midpoint reaching
  both ends, which the insurgent AI avoids once the jet is on its pass (as for the bomb).
"""

from __future__ import annotations

import math

import numpy as np

from game.sim.catalog import TICK_HZ
from game.sim.commands import CallGunRun
from game.sim.events import DangerCloseWarning, GunRunImpact, GunRunRequested, RadioMessage
from game.sim.facts import Blast, TickFacts
from game.sim.geometry import SUB, angle_deg, centre_of
from game.sim.kinds import StrikeKind
from game.sim.sight import line_tiles
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
    ready_caller,
    walking_in,
)
from game.sim.units import Unit
from game.sim.world import StrikeCall, World

ETA_TICKS = 5 * TICK_HZ
MAX_LENGTH_TILES = 12.0
MIN_LENGTH_TILES = 2.0
BAND_TILES = 1.0
PEAK_DAMAGE = 120
DANGER_TILES = 1.5
SUPPRESS_EXTRA_TILES = 2.0
DUST_TICKS = 3 * TICK_HZ


# -- geometry -------------------------------------------------------------------------------
def clip_line(x0: int, y0: int, x1: int, y1: int) -> tuple[int, int]:
    """The end tile of the run: (x1, y1), or the tile MAX_LENGTH_TILES along that way."""
    length = math.hypot(x1 - x0, y1 - y0)
    if length <= MAX_LENGTH_TILES:
        return x1, y1
    share = MAX_LENGTH_TILES / length
    # truncate toward the start so the clipped line is never longer than the limit
    return x0 + int((x1 - x0) * share), y0 + int((y1 - y0) * share)


def line_distance(unit: Unit, x0: int, y0: int, x1: int, y1: int) -> float:
    """Tiles from the unit to the segment between the centres of tiles (x0, y0), (x1, y1)."""
    return point_line_distance(unit.x, unit.y, x0, y0, x1, y1)


def point_line_distance(x: float, y: float, x0: int, y0: int, x1: int, y1: int) -> float:
    """Tiles from point (x, y), in sub units, to that segment."""
    ax, ay = centre_of(x0), centre_of(y0)
    dx, dy = centre_of(x1) - ax, centre_of(y1) - ay
    px, py = x - ax, y - ay
    span = dx * dx + dy * dy
    t = 0.0 if span == 0 else max(0.0, min(1.0, (px * dx + py * dy) / span))
    return math.hypot(px - t * dx, py - t * dy) / SUB


def gun_damage(dist_tiles: float) -> float:
    """Damage at this distance from the line: PEAK_DAMAGE on it, nothing at BAND_TILES."""
    return PEAK_DAMAGE * max(0.0, 1.0 - dist_tiles / BAND_TILES)


def friendlies_near_line(
    world: World, x0: int, y0: int, x1: int, y1: int, reach: float = DANGER_TILES
) -> list[Unit]:
    """Squad members and found survivors within reach of the line, in id order."""
    return [u for u in our_people(world) if line_distance(u, x0, y0, x1, y1) <= reach]


def friendlies_walking_onto_line(
    world: World, x0: int, y0: int, x1: int, y1: int, reach: float = DANGER_TILES,
    ticks: int = ETA_TICKS,
) -> list[Unit]:
    """Our people clear of the line now whose orders walk them within reach of it about
    when the run comes in (strikes.walking_in), for the danger-close prompt."""
    return walking_in(
        world, lambda unit: line_distance(unit, x0, y0, x1, y1) <= reach,
        lambda x, y: point_line_distance(centre_of(x), centre_of(y), x0, y0, x1, y1) <= reach,
        ticks)


# -- the call -------------------------------------------------------------------------------
def request_gun_run(world: World, cmd: CallGunRun) -> str:
    """Accept a call (returns "") or say why not; the radio goes out in run_strikes."""
    terrain = world.terrain
    if world.strikes_left <= 0:
        return "no air support left"
    if not (terrain.in_bounds(cmd.x0, cmd.y0) and terrain.in_bounds(cmd.x1, cmd.y1)):
        return "outside the map"
    if math.hypot(cmd.x1 - cmd.x0, cmd.y1 - cmd.y0) < MIN_LENGTH_TILES:
        return "gun run too short: drag a longer line"
    caller, refusal = ready_caller(world)
    if caller is None:
        return refusal
    x1, y1 = clip_line(cmd.x0, cmd.y0, cmd.x1, cmd.y1)
    at_risk = friendlies_near_line(world, cmd.x0, cmd.y0, x1, y1)
    if at_risk and not cmd.confirm_danger_close:
        return danger_close_refusal(at_risk, "on the gun line")
    half = math.hypot(x1 - cmd.x0, y1 - cmd.y0) / 2
    accept_call(world, StrikeCall(
        id=0, x=cmd.x0, y=cmd.y0, radius=half + BAND_TILES,
        called_tick=world.tick, impact_tick=world.tick + ETA_TICKS,
        # the jet flies along the line, start to end
        heading=angle_deg(x1 - cmd.x0, y1 - cmd.y0) % 360, danger_close=bool(at_risk),
        caller_id=caller.id, kind=StrikeKind.GUN, x1=x1, y1=y1,
    ))
    return ""


def _announce(world: World, strike: StrikeCall, events: list) -> None:
    strike.announced = True
    caller = world.units.get(strike.caller_id)
    events.append(GunRunRequested(strike.id, strike.x, strike.y, strike.x1, strike.y1,
                                  strike.impact_tick, strike.danger_close, strike.caller_id))
    name = caller.name if caller else "Squad"
    events.append(RadioMessage(
        name, f"{CALLSIGN}, gun run, grid {strike.x}-{strike.y} to {strike.x1}-{strike.y1}."))
    seconds = (strike.impact_tick - world.tick) // TICK_HZ
    events.append(RadioMessage(CALLSIGN, f"{CALLSIGN}, rolling in. Guns in {seconds} seconds."))
    if strike.danger_close:
        ids = tuple(u.id for u in friendlies_near_line(world, strike.x, strike.y,
                                                        strike.x1, strike.y1))
        events.append(DangerCloseWarning(strike.id, ids))
        events.append(RadioMessage(CALLSIGN, "Danger close, acknowledged. Stay off that line."))


# -- the strafe -----------------------------------------------------------------------------
def strafe(world: World, strike: StrikeCall, events: list, facts: TickFacts) -> None:
    """Damage and pins along the line, a little dust; no rubble, no rng."""
    casualties, hit_groups = deliver(
        world, BAND_TILES + SUPPRESS_EXTRA_TILES,
        lambda unit: line_distance(unit, strike.x, strike.y, strike.x1, strike.y1),
        lambda unit, dist: gun_damage(dist), events, facts)
    world.stats.strike_casualties += casualties
    _dust(world, strike)
    # heard and felt like the bomb: the band along the line is its footprint
    impact_felt(facts, Blast(strike.x, strike.y, int(BAND_TILES * SUB), (strike.x1, strike.y1)))
    events.append(GunRunImpact(strike.id, strike.x, strike.y, strike.x1, strike.y1,
                               casualties))
    events.append(RadioMessage(CALLSIGN, pull_off_line(world, "Guns dry, we're done.")))
    break_groups(world, hit_groups, events)


def _dust(world: World, strike: StrikeCall) -> None:
    pts = line_tiles(strike.x, strike.y, strike.x1, strike.y1)
    ys, xs = pts[:, 1], pts[:, 0]
    open_ground = world.terrain.walkable[ys, xs]
    ys, xs = ys[open_ground], xs[open_ground]
    world.smoke[ys, xs] = np.maximum(world.smoke[ys, xs], DUST_TICKS)


GUN = StrikeType(StrikeKind.GUN, _announce, "In hot. Guns.", strafe)
