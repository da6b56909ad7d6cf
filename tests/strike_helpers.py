"""Shared pieces of the Falcon-2 tests (bomb and gun run)."""

from __future__ import annotations

from game.sim.events import UnitDamaged
from game.sim.geometry import centre_of
from game.sim.step import step
from game.sim.world import new_world
from tests.ascii_maps import ascii_scenario

# The squad waits sealed in the top-left room: it can call the strike but neither sees
# nor shoots, so only the strike changes anything.
OPEN = [
    "S.#......................",
    "..#......................",
    "###......................",
    ".........................",
    ".........................",
    ".........................",
    ".........................",
    ".........................",
    ".........................",
]


def world_from(rows, **rules):
    return new_world(ascii_scenario(rows, **rules), seed=5)


def put(world, kind, tx, ty, **fields):
    return world.add_unit(kind, centre_of(tx), centre_of(ty), **fields)


def run_until(world, command, impact_type, eta_ticks: int):
    """Send the call, then step to its impact event; returns every event on the way."""
    events = step(world, [command])
    for _ in range(eta_ticks + 1):
        events += step(world, [])
        if any(isinstance(e, impact_type) for e in events):
            break
    return events


def damage_to(events, unit):
    return sum(e.amount for e in events if isinstance(e, UnitDamaged) and e.unit_id == unit.id)
