"""Air support from Falcon-2: the call, the wait, the pass and the blast.

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
- Everyone alive within the radius plus SUPPRESS_EXTRA_TILES is suppressed for
  SUPPRESS_TICKS (unit.suppressed): their aimed fire is worse and the AI may take cover.
- An insurgent group that has lost more than half its members after a blast is added to
  world.broken_groups, which the insurgent AI reads to fall back.
- The marked zone is world.strike_zones from the moment the call is accepted.
"""

from __future__ import annotations

import math

import numpy as np

from game.sim.catalog import TICK_HZ
from game.sim.commands import CallStrike
from game.sim.events import (
    DangerCloseWarning,
    GroupBroken,
    RadioMessage,
    StrikeImpact,
    StrikeInbound,
    StrikeRequested,
)
from game.sim.facts import Blast, TickFacts
from game.sim.geometry import SUB, angle_deg, centre_of
from game.sim.health import apply_damage
from game.sim.noise import blast_noise
from game.sim.sight import line_tiles
from game.sim.smoke import add_smoke
from game.sim.units import DEAD, DOWNED, Unit
from game.sim.world import StrikeCall, World

BLAST_RADIUS_TILES = 4.5
PEAK_DAMAGE = 200
ETA_TICKS = 8 * TICK_HZ
PASS_TICKS = 2 * TICK_HZ
WALL_SHELTER = 0.25
RUBBLE_SHELTER = 0.5
DOWNED_MIN_DAMAGE = 30
SUPPRESS_EXTRA_TILES = 3.0
SUPPRESS_TICKS = 5 * TICK_HZ
SMOKE_EXTRA_TILES = 1.0
CALLSIGN = "Falcon-2"


# -- the call -----------------------------------------------------------------------------
def request_strike(world: World, cmd: CallStrike) -> str:
    """Accept a call (returns "") or say why not; the radio goes out in run_strikes."""
    if world.strikes_left <= 0:
        return "no air support left"
    if not world.terrain.in_bounds(cmd.x, cmd.y):
        return "outside the map"
    if world.strikes:
        return f"{CALLSIGN} is already on a run"
    caller = strike_caller(world)
    if caller is None:
        return "no one left to call it in"
    at_risk = friendlies_in_blast(world, cmd.x, cmd.y)
    if at_risk and not cmd.confirm_danger_close:
        who = "friendly" if len(at_risk) == 1 else "friendlies"
        return f"danger close: {len(at_risk)} {who} inside the blast; confirm to call it in"
    world.strikes_left -= 1
    world.stats.strikes_used += 1
    heading = (angle_deg(centre_of(cmd.x) - caller.x, centre_of(cmd.y) - caller.y) + 90) % 360
    world.strikes.append(StrikeCall(
        id=world.stats.strikes_used, x=cmd.x, y=cmd.y, radius=BLAST_RADIUS_TILES,
        called_tick=world.tick, impact_tick=world.tick + ETA_TICKS,
        # the run-in crosses the line from the caller, never flies over the caller's head
        heading=heading, danger_close=bool(at_risk), caller_id=caller.id,
    ))
    return ""


def strike_caller(world: World) -> Unit | None:
    """Who holds the radio: the first standing squad member in squad order."""
    standing = [u for u in world.squad() if u.active]
    return min(standing, key=lambda u: u.id) if standing else None


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


def our_people(world: World) -> list[Unit]:
    """Those a strike must not fall on unasked: living squad members and found survivors."""
    return [
        u for u in world.units.values()
        if u.alive and (u.side == "squad" or (u.side == "civilian" and u.found))
    ]


def in_strike_zone(world: World, tx: int, ty: int, margin: float = 1.0) -> bool:
    """True when tile (tx, ty) lies in a marked strike zone (plus margin tiles): for AI."""
    return any(
        math.hypot(tx - x, ty - y) <= radius + margin for x, y, radius, _ in world.strike_zones
    )


# -- the wait and the pass ----------------------------------------------------------------
def run_strikes(world: World, events: list, facts: TickFacts) -> None:
    """Once a tick: calls go out, jets pass, bombs land."""
    from game.sim import gun_run  # the gun run (kind "gun") shares this flow

    for strike in list(world.strikes):
        gun = strike.kind == "gun"
        if not strike.announced:
            (gun_run.announce if gun else _announce)(world, strike, events)
        if not strike.inbound and world.tick >= strike.impact_tick - PASS_TICKS:
            strike.inbound = True
            x, y = gun_run.midpoint(strike) if gun else (strike.x, strike.y)
            events.append(StrikeInbound(strike.id, x, y, strike.heading, strike.impact_tick))
            events.append(RadioMessage(CALLSIGN, "In hot. Guns." if gun
                                       else "In hot. Weapons away."))
        if world.tick >= strike.impact_tick:
            world.strikes.remove(strike)
            (gun_run.strafe if gun else detonate)(world, strike, events, facts)


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
    casualties = 0
    hit_groups: set[str] = set()
    for uid in world.units:
        unit = world.units[uid]
        if not unit.alive:
            continue
        dist = blast_distance(unit, strike.x, strike.y)
        if dist > strike.radius + SUPPRESS_EXTRA_TILES:
            continue
        if dist <= strike.radius:
            damage = blast_damage(dist, strike.radius) * _shelter(
                opaque_before, destructible, strike, unit)
            before = unit.life
            if unit.life != DOWNED or damage >= DOWNED_MIN_DAMAGE:
                apply_damage(world, unit, int(damage), 0, events, facts)
            if unit.life != before:
                casualties += 1
                if unit.side == "insurgent" and unit.group:
                    hit_groups.add(unit.group)
        if unit.alive:
            unit.suppressed = SUPPRESS_TICKS
    destroyed = terrain.destroy(_disc(terrain.opaque.shape, strike.x, strike.y, strike.radius))
    add_smoke(world, strike.x, strike.y, strike.radius + SMOKE_EXTRA_TILES)
    world.stats.strike_casualties += casualties
    radius_sub = int(strike.radius * SUB)
    events.append(StrikeImpact(strike.id, strike.x, strike.y, radius_sub, casualties, destroyed))
    facts.blasts.append(Blast(strike.x, strike.y, radius_sub))
    facts.make_noise(blast_noise(strike.x, strike.y))
    events.append(RadioMessage(CALLSIGN, _off_target_line(world)))
    break_groups(world, hit_groups, events)


def blast_damage(dist_tiles: float, radius: float = BLAST_RADIUS_TILES) -> float:
    """Damage in the open at this distance from the centre, falling to nothing at the rim."""
    return PEAK_DAMAGE * max(0.0, 1.0 - (dist_tiles / radius) ** 2)


def _shelter(opaque: np.ndarray, destructible: np.ndarray, strike: StrikeCall,
             unit: Unit) -> float:
    ux, uy = unit.tile
    pts = line_tiles(strike.x, strike.y, ux, uy)[1:-1]
    if len(pts) == 0:
        return 1.0
    ys, xs = pts[:, 1], pts[:, 0]
    walls = opaque[ys, xs]
    if (walls & ~destructible[ys, xs]).any():
        return WALL_SHELTER
    if walls.any():
        return RUBBLE_SHELTER
    return 1.0


def _disc(shape: tuple[int, ...], tx: int, ty: int, radius: float) -> np.ndarray:
    ys, xs = np.ogrid[: shape[0], : shape[1]]
    return (xs - tx) ** 2 + (ys - ty) ** 2 <= radius * radius


def _off_target_line(world: World) -> str:
    if world.strikes_left <= 0:
        return f"{CALLSIGN}, off target. That was our last run. Good luck down there."
    return f"{CALLSIGN}, off target. {world.strikes_left} more available."


def break_groups(world: World, groups: set[str], events: list) -> None:
    """A group that has lost more than half its members falls back (the AI reads it)."""
    for group in sorted(groups - world.broken_groups):
        members = [u for u in world.insurgents() if u.group == group]
        lost = sum(1 for u in members if u.life == DEAD)
        if len(members) >= 2 and lost * 2 > len(members):
            world.broken_groups.add(group)
            events.append(GroupBroken(group))
            events.append(RadioMessage("Rima", "They're pulling back. Group's broken."))
