"""pin_units: fire landing close pins a unit down, whichever side it is on; wear_off_pins.

A pinned unit (unit.suppressed > 0) aims worse (combat.hit_chance) and the insurgent AI
takes it as a reason to get into cover; the air strikes pin the same way (pin below).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from game.sim.catalog import TICK_HZ
from game.sim.events import Suppressed
from game.sim.facts import TickFacts
from game.sim.geometry import SUB
from game.sim.kinds import Side
from game.sim.units import ACTIVE, Unit
from game.sim.world import World

PIN_RADIUS_SUB = 3 * SUB // 2  # a round passing within a tile and a half
PIN_TICKS = int(1.5 * TICK_HZ)


def wear_off_pins(world: World) -> None:
    """Once a tick, before anything can pin anew: every pin runs down by a tick."""
    for unit in world.units.values():
        if unit.suppressed > 0:
            unit.suppressed -= 1


_SIDES = (Side.SQUAD, Side.INSURGENT, Side.CIVILIAN)


def _standing_by_side(world: World) -> tuple[list[Unit], np.ndarray]:
    """The units on their feet and not hidden, side after side, and each one's side as
    its index in _SIDES (the order of the lists below). Side by side, not in id order:
    the pins are sorted by id anyway, and numpy turns a list of Side members (a StrEnum)
    into an array slowly (~70 us for 220 units)."""
    units: list[Unit] = []
    codes: list[np.ndarray] = []
    for code, side_units in enumerate((world.squad(), world.insurgents(), world.civilians())):
        standing = [u for u in side_units if u.life == ACTIVE and not u.hidden]
        units += standing
        codes.append(np.full(len(standing), code))
    return units, np.concatenate(codes)


def pin(unit: Unit, ticks: int) -> None:
    """Pin a unit for `ticks`, or for as long as it already was if that is longer."""
    unit.suppressed = max(unit.suppressed, ticks)


def pin_units(world: World, events: list[Any], facts: TickFacts) -> None:
    """After the guns: everyone this tick's rounds landed close to (or on) is pinned."""
    shots = facts.shots
    if not shots:
        return
    units, sides = _standing_by_side(world)
    if not units:
        return
    ids = np.array([u.id for u in units])
    xs = np.array([u.x for u in units], dtype=np.int64)
    ys = np.array([u.y for u in units], dtype=np.int64)
    pinned: dict[int, int] = {}
    for shot in shots:
        shooter = world.units.get(shot.shooter_id)
        side = _SIDES.index(shooter.side) if shooter else -1
        end_x, end_y = shot.end
        close = (xs - end_x) ** 2 + (ys - end_y) ** 2 <= PIN_RADIUS_SUB * PIN_RADIUS_SUB
        hit = close | (ids == shot.target_id)
        for i in np.flatnonzero(hit & (sides != side)):
            pinned.setdefault(int(ids[i]), shot.shooter_id)
    for uid, source in sorted(pinned.items()):
        unit = world.units[uid]
        if unit.suppressed <= 0:
            events.append(Suppressed(uid, source))
        pin(unit, PIN_TICKS)
        unit.under_fire_tick = world.tick
