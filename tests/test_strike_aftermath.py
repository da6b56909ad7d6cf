"""One rule for every impact of Falcon-2 (strikes.impact_felt): the bomb and the gun run
are both heard (an unaware sentry turns to look) and both send found survivors near them
running. Before 2026-12 only the bomb did; the gun run was silent and frightened nobody.

tests/data/gun_run_fright.tmx: the squad sealed in the top-left room (it calls the runs
but sees nothing), a found survivor on tile (12, 6) and a rifleman on (21, 8) facing
east, away from everything."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.sim.airstrike import ETA_TICKS as BOMB_ETA_TICKS
from game.sim.commands import CallGunRun, CallStrike
from game.sim.events import GunRunImpact, StrikeImpact, SurvivorPanicked, UnitDamaged
from game.sim.gun_run import ETA_TICKS as GUN_ETA_TICKS
from game.sim.kinds import Alert
from game.sim.world import new_world
from game.tiled.loader import load_scenario
from tests.strike_helpers import run_until

MAP = Path(__file__).parent / "data" / "gun_run_fright.tmx"

# the gun run strafes row 4 from x 8 to 16: the survivor is two tiles off the line (outside
# the one-tile damage band), the sentry five tiles past its end; the bomb lands on (12, 0),
# six tiles from the survivor (outside the 4.5-tile blast) and twelve from the sentry
RUNS = {
    "gun run": (CallGunRun(8, 4, 16, 4), GunRunImpact, GUN_ETA_TICKS),
    "bomb": (CallStrike(12, 0), StrikeImpact, BOMB_ETA_TICKS),
}


@pytest.mark.parametrize("name", sorted(RUNS))
def test_an_impact_is_heard_and_frightens_found_survivors_near_it(name):
    command, impact, eta = RUNS[name]
    world = new_world(load_scenario(MAP), seed=1)
    survivor, sentry = world.civilians()[0], world.insurgents()[0]
    assert survivor.survivor.found and sentry.mind.alert == Alert.GREEN
    events = run_until(world, command, impact, eta)
    assert any(isinstance(e, impact) for e in events), f"the {name} never landed"
    hurt = {e.unit_id for e in events if isinstance(e, UnitDamaged)}
    assert survivor.id not in hurt and sentry.id not in hurt  # neither was in the footprint
    assert sentry.suppressed == 0  # nor near enough to be pinned: only the noise reached him
    assert sentry.mind.alert != Alert.GREEN, f"the {name} was not heard"
    assert sentry.mind.interest is not None
    assert any(isinstance(e, SurvivorPanicked) and e.unit_id == survivor.id for e in events)
    assert survivor.survivor.panic > 0


def test_a_survivor_far_from_the_gun_line_keeps_calm():
    """The fright reaches the line's band plus panic.PANIC_TILES, not the whole map."""
    world = new_world(load_scenario(MAP), seed=1)
    survivor = world.civilians()[0]
    events = run_until(world, CallGunRun(5, 9, 8, 9), GunRunImpact, GUN_ETA_TICKS)
    assert any(isinstance(e, GunRunImpact) for e in events)
    assert survivor.survivor.panic == 0  # five tiles from the line's end (8, 9)
