"""The bomb and the gun run share one pin rule: SUPPRESS_TICKS, never cutting a longer pin."""

from __future__ import annotations

import pytest

from game.sim import airstrike, gun_run
from game.sim.commands import CallGunRun, CallStrike
from game.sim.events import GunRunImpact, StrikeImpact
from game.sim.strikes import SUPPRESS_TICKS
from tests.strike_helpers import OPEN, damage_to, put, run_until, world_from

LONG_PIN = 1000  # outlasts the wait for either strike and then some

CALLS = {
    # the two units stand beside the footprint: pinned, unhurt
    "bomb": (CallStrike(8, 6), StrikeImpact, airstrike.ETA_TICKS, 8 + 6, 6),
    "gun": (CallGunRun(6, 3, 16, 3), GunRunImpact, gun_run.ETA_TICKS, 10, 5),
}


@pytest.mark.parametrize("kind", sorted(CALLS))
def test_either_strike_pins_for_the_same_time_and_keeps_a_longer_pin(kind):
    command, impact, eta, x, y = CALLS[kind]
    world = world_from(OPEN)
    calm = put(world, "rifleman", x, y)
    pinned = put(world, "rifleman", x + 1, y)
    pinned.suppressed = LONG_PIN
    events = run_until(world, command, impact, eta)
    assert any(isinstance(e, impact) for e in events)
    assert damage_to(events, calm) == 0 and damage_to(events, pinned) == 0
    assert calm.suppressed == SUPPRESS_TICKS
    ticks = world.tick  # every tick so far wore a tick off the long pin
    assert pinned.suppressed == LONG_PIN - ticks
