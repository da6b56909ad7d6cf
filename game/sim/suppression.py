"""pin_units: fire landing close pins a unit down, whichever side it is on; wear_off_pins.

A pinned unit (unit.suppressed > 0) aims worse (combat.hit_chance) and the insurgent AI
takes it as a reason to get into cover; the air strikes pin the same way (pin below).
"""

from __future__ import annotations

from typing import Any

from game.sim.catalog import TICK_HZ
from game.sim.events import Suppressed
from game.sim.facts import Shot, TickFacts
from game.sim.geometry import SUB
from game.sim.units import ACTIVE, Unit
from game.sim.world import World

PIN_RADIUS_SUB = 3 * SUB // 2  # a round passing within a tile and a half
PIN_TICKS = int(1.5 * TICK_HZ)


def wear_off_pins(world: World) -> None:
    """Once a tick, before anything can pin anew: every pin runs down by a tick."""
    for unit in world.units.values():
        if unit.suppressed > 0:
            unit.suppressed -= 1


def pin(unit: Unit, ticks: int) -> None:
    """Pin a unit for `ticks`, or for as long as it already was if that is longer."""
    unit.suppressed = max(unit.suppressed, ticks)


def pin_units(world: World, events: list[Any], facts: TickFacts) -> None:
    """After the guns: everyone this tick's rounds landed close to (or on) is pinned."""
    shots = facts.shots
    if not shots:
        return
    near = _near_shots(world, shots)
    pinned: dict[int, int] = {}  # unit id -> the shooter of the first round that pins it
    reach2 = PIN_RADIUS_SUB * PIN_RADIUS_SUB
    for shot in shots:
        shooter = world.units.get(shot.shooter_id)
        side = shooter.side if shooter else None
        end_x, end_y = shot.end
        for unit in near:
            if unit.side != side and (
                    (unit.x - end_x) ** 2 + (unit.y - end_y) ** 2 <= reach2
                    or unit.id == shot.target_id):
                pinned.setdefault(unit.id, shot.shooter_id)
    for uid, source in sorted(pinned.items()):
        unit = world.units[uid]
        if unit.suppressed <= 0:
            events.append(Suppressed(uid, source))
        pin(unit, PIN_TICKS)
        unit.under_fire_tick = world.tick


def _near_shots(world: World, shots: list[Shot]) -> list[Unit]:
    """The units on their feet and not hidden that a round could pin: within the box
    round every round's end (and a pin's reach), or a round's target. One pass, and the
    exact test above only for these few."""
    xs = [shot.end[0] for shot in shots]
    ys = [shot.end[1] for shot in shots]
    x0, x1 = min(xs) - PIN_RADIUS_SUB, max(xs) + PIN_RADIUS_SUB
    y0, y1 = min(ys) - PIN_RADIUS_SUB, max(ys) + PIN_RADIUS_SUB
    targets = {shot.target_id for shot in shots}
    return [u for u in world.units.values()
            if u.life == ACTIVE and not u.hidden
            and (x0 <= u.x <= x1 and y0 <= u.y <= y1 or u.id in targets)]
