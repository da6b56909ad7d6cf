"""What the bomb and the gun run share: the call, the radio, the damage delivery, the pin.

The two weapons differ only in their footprint (a disc or a line), their damage falloff
and what they leave behind; each is a StrikeType (airstrike.BOMB, gun_run.GUN) that
air_support.run_strikes looks up by the call's kind. Everything else is one rule here:
- A call needs a charge left (world.strikes_left), no other run under way, and someone
  standing to make it (strike_caller); friendlies in the footprint need a confirmation.
- Damage: each unit alive within the footprint takes the weapon's falloff at its distance
  (times any shelter); the downed only when it is at least DOWNED_MIN_DAMAGE (a prone body
  is a small target). Those it downs or kills count as the strike's casualties.
- Pin: everyone still alive within the footprint's suppression reach is pinned for
  SUPPRESS_TICKS, or as long as they already were if longer (suppression.pin).
- Heard and felt (impact_felt): every impact is a blast noise that carries
  noise.BLAST_NOISE_TILES (insurgents who hear it turn to look), and found survivors
  within its footprint plus panic.PANIC_TILES panic. The footprint is the bomb's disc or
  the gun run's band along its line; grenades use the same rule with their own noise.
- An insurgent group that has lost more than half its members falls back (break_groups).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from game.sim.catalog import TICK_HZ
from game.sim.events import GroupBroken, RadioMessage
from game.sim.facts import Blast, TickFacts
from game.sim.geometry import SUB
from game.sim.health import apply_damage
from game.sim.kinds import Side, StrikeKind
from game.sim.movement import unit_speed
from game.sim.noise import BLAST_NOISE_TILES, blast_noise
from game.sim.sight import line_tiles
from game.sim.suppression import pin
from game.sim.units import DEAD, DOWNED, Unit
from game.sim.world import StrikeCall, World

CALLSIGN = "Falcon-2"
PASS_TICKS = 2 * TICK_HZ  # the jet starts its pass this long before impact
DOWNED_MIN_DAMAGE = 30
SUPPRESS_TICKS = 5 * TICK_HZ  # one pin for both weapons (the gun run's was 4 s until 2026-12)
WALL_SHELTER = 0.25  # share of a blast an intact wall between lets through
RUBBLE_SHELTER = 0.5  # share through a wall the blast itself brings down


@dataclass(frozen=True)
class StrikeType:
    """One of Falcon-2's weapons, as air_support.run_strikes drives it."""

    kind: StrikeKind
    announce: Callable[[World, StrikeCall, list], None]  # the call and its answer
    inbound_line: str  # Falcon-2 starting its pass
    land: Callable[[World, StrikeCall, list, TickFacts], None]  # damage, pins, aftermath


# -- the call -------------------------------------------------------------------------------
def strike_caller(world: World) -> Unit | None:
    """Who holds the radio: the first standing squad member in squad order."""
    standing = [u for u in world.squad() if u.active]
    return min(standing, key=lambda u: u.id) if standing else None


def our_people(world: World) -> list[Unit]:
    """Those a strike must not fall on unasked: living squad members and found survivors."""
    return [
        u for u in world.units.values()
        if u.alive and (u.side == Side.SQUAD or (u.side == Side.CIVILIAN and u.survivor.found))
    ]


LANDING_TICKS = 2 * TICK_HZ  # the time round an impact in which walking in counts


def walking_in(world: World, inside_now: Callable[[Unit], bool],
               tile_inside: Callable[[int, int], bool], ticks: int) -> list[Unit]:
    """Our people not inside a strike's reach now (inside_now) whose orders take them
    into it about when it lands, `ticks` from now (in id order): the route's tiles they
    reach in the last LANDING_TICKS before impact at their walking speed, or where the
    route ends sooner. A query for the danger-close prompt; no rule reads it."""
    out = []
    for unit in our_people(world):
        if not unit.path or inside_now(unit):
            continue
        speed = unit_speed(world, unit)  # sub units a tick
        first = speed * max(0, ticks - LANDING_TICKS) // SUB
        last = speed * ticks // SUB + 1
        near = unit.path[first:last] or unit.path[-1:]
        if any(tile_inside(x, y) for x, y in near):
            out.append(unit)
    return out


def ready_caller(world: World) -> tuple[Unit | None, str]:
    """Who would make a call now, or why nobody can (charges aside)."""
    if world.strikes:
        return None, f"{CALLSIGN} is already on a run"
    caller = strike_caller(world)
    return caller, "" if caller is not None else "no one left to call it in"


def danger_close_refusal(at_risk: list[Unit], where: str) -> str:
    who = "friendly" if len(at_risk) == 1 else "friendlies"
    return f"danger close: {len(at_risk)} {who} {where}; confirm to call it in"


def accept_call(world: World, call: StrikeCall) -> None:
    """Spend a charge and queue the call, numbered by the count of strikes used."""
    world.strikes_left -= 1
    world.stats.strikes_used += 1
    world.strikes.append(replace(call, id=world.stats.strikes_used))


def in_strike_zone(world: World, tx: int, ty: int, margin: float = 1.0) -> bool:
    """True when tile (tx, ty) lies in a marked strike zone (plus margin tiles): for AI."""
    return zone_at(world, tx, ty, margin) is not None


def zone_at(world: World, tx: int, ty: int, margin: float = 0.0
            ) -> tuple[int, int, float, int] | None:
    """The first marked strike zone (x, y, radius, impact tick) tile (tx, ty) lies in,
    plus margin tiles; None when it lies in none."""
    for zone in world.strike_zones:
        x, y, radius, _ = zone
        if math.hypot(tx - x, ty - y) <= radius + margin:
            return zone
    return None


# -- the impact -----------------------------------------------------------------------------
def deliver(
    world: World, reach: float, distance: Callable[[Unit], float],
    damage: Callable[[Unit, float], float], events: list, facts: TickFacts,
    pin_ticks: int = SUPPRESS_TICKS,
) -> tuple[int, set[str]]:
    """Damage and pin everyone alive within `reach` tiles (by `distance`); `damage(unit,
    dist)` is the weapon's falloff and shelter. Returns the casualties and the insurgent
    groups they came from (for break_groups, once the impact is announced). Used by
    Falcon-2's weapons and by grenades (grenades.py); the caller counts the casualties."""
    casualties = 0
    hit_groups: set[str] = set()
    for unit in list(world.units.values()):  # id order
        if not unit.alive:
            continue
        dist = distance(unit)
        if dist > reach:
            continue
        amount = int(damage(unit, dist))
        before = unit.life
        if amount > 0 and (unit.life != DOWNED or amount >= DOWNED_MIN_DAMAGE):
            apply_damage(world, unit, amount, 0, events, facts)
        if unit.life != before:
            casualties += 1
            if unit.side == Side.INSURGENT and unit.group:
                hit_groups.add(unit.group)
        if unit.alive:
            pin(unit, pin_ticks)
    return casualties, hit_groups


def impact_felt(facts: TickFacts, blast: Blast, noise_tiles: float = BLAST_NOISE_TILES) -> None:
    """What every impact does besides damage and pins, one rule for the bomb, the gun run
    and grenades: survivors near its footprint panic (panic.react_to_fire reads the Blast)
    and it is heard from its middle (perception hears the noise)."""
    facts.blasts.append(blast)
    mid_x, mid_y = blast.x, blast.y
    if blast.end is not None:
        mid_x, mid_y = (blast.x + blast.end[0]) // 2, (blast.y + blast.end[1]) // 2
    facts.make_noise(blast_noise(mid_x, mid_y, noise_tiles))


def quadratic_falloff(peak: float, dist_tiles: float, radius: float) -> float:
    """An explosion's damage in the open (the bomb, grenades): `peak` at the centre,
    falling as 1 - (d/R)^2 to nothing at the rim."""
    return peak * max(0.0, 1.0 - (dist_tiles / radius) ** 2)


def pull_off_line(world: World, last_words: str) -> str:
    """Falcon-2 pulling away after an impact: the runs left, or the weapon's own words for
    the last.  Not the airman's "off target", which players read as a miss."""
    if world.strikes_left <= 0:
        return f"{CALLSIGN}, weapons delivered, pulling off. {last_words}"
    return f"{CALLSIGN}, weapons delivered, pulling off. {world.strikes_left} more available."


def wall_shelter(opaque: np.ndarray, falls: np.ndarray, cx: int, cy: int, unit: Unit) -> float:
    """The share of a blast centred on tile (cx, cy) that reaches the unit: the blast
    travels the straight line between the tiles; an intact wall on it lets through only
    WALL_SHELTER, a wall that this blast brings down (`falls`) RUBBLE_SHELTER."""
    ux, uy = unit.tile
    pts = line_tiles(cx, cy, ux, uy)[1:-1]
    if len(pts) == 0:
        return 1.0
    ys, xs = pts[:, 1], pts[:, 0]
    walls = opaque[ys, xs]
    if (walls & ~falls[ys, xs]).any():
        return WALL_SHELTER
    if walls.any():
        return RUBBLE_SHELTER
    return 1.0


def break_groups(world: World, groups: set[str], events: list) -> None:
    """A group that has lost more than half its members falls back (the AI reads it)."""
    for group in sorted(groups - world.broken_groups):
        members = [u for u in world.insurgents() if u.group == group]
        lost = sum(1 for u in members if u.life == DEAD)
        if len(members) >= 2 and lost * 2 > len(members):
            world.broken_groups.add(group)
            events.append(GroupBroken(group))
            events.append(RadioMessage("Rima", "They're pulling back. Group's broken."))
