"""Extraction and the mission's end: counted once, won and lost exactly on the rule."""

from __future__ import annotations

from game.sim.catalog import TICK_HZ
from game.sim.commands import Follow, Interact, Move
from game.sim.facts import TickFacts
from game.sim.geometry import centre_of
from game.sim.health import BLEED_OUT_TICKS, apply_damage
from game.sim.mission import defeat_reason, victory_holds
from game.sim.scenario import CrateSpawn
from game.sim.step import step
from game.sim.world import new_world
from tests.ascii_maps import ascii_scenario
from tests.survivor_helpers import member, of_type, park_squad, run

LANE = [
    "XX..S.A...",
    "XX........",
]


def test_extraction_counts_a_survivor_once_even_when_it_leaves_and_reenters():
    world = new_world(ascii_scenario(LANE, rescue_required=1), seed=1)
    park_squad(world, "rafiq", "rima")  # Rima stays out, so the mission goes on
    rafiq, civ = member(world, "rafiq"), world.civilians()[0]
    events = run(world, 1, [Follow((civ.id,), rafiq.id), Move((rafiq.id,), 0, 1)])
    events += run(world, 200)
    assert civ.life == "gone" and world.stats.rescued == 1
    # the leader walks out and back in: the survivor is not counted again
    events += run(world, 1, [Move((rafiq.id,), 8, 1)])
    events += run(world, 100)
    events += run(world, 1, [Move((rafiq.id,), 0, 0)])
    events += run(world, 150)
    # even if something put the survivor back on the map and walked it in again
    civ.life, civ.x = "active", centre_of(5)
    run(world, 2)
    civ.x = centre_of(0)
    events += run(world, 2)
    assert world.stats.rescued == 1 and world.rescued_ids == {civ.id}
    assert len(of_type(events, "CivilianRescued")) == 1


def _assert_outcome_follows_the_rule(world, ticks, commands_at=None):
    commands_at = commands_at or {}
    for _ in range(ticks):
        if world.outcome != "undecided":
            break
        step(world, commands_at.get(world.tick, []))
        assert (world.outcome == "victory") == victory_holds(world), world.tick
        if world.outcome != "victory":
            assert (world.outcome == "defeat") == bool(defeat_reason(world)), world.tick


def test_won_exactly_when_the_survivors_are_out_and_the_living_squad_is_in_the_zone():
    world = new_world(ascii_scenario(LANE, rescue_required=1), seed=1)
    park_squad(world, "rafiq", "rima")
    rafiq, rima, civ = member(world, "rafiq"), member(world, "rima"), world.civilians()[0]
    step(world, [Follow((civ.id,), rafiq.id), Move((rafiq.id,), 0, 0)])
    _assert_outcome_follows_the_rule(world, 200)
    assert world.stats.rescued == 1 and world.objective_announced
    assert world.outcome == "undecided", "won with Rima still outside"
    _assert_outcome_follows_the_rule(world, 200, {world.tick: [Move((rima.id,), 1, 1)]})
    assert world.outcome == "victory"


def test_a_downed_member_must_be_carried_out_before_the_win():
    from game.sim.commands import Carry

    world = new_world(ascii_scenario(LANE, rescue_required=0), seed=1)
    park_squad(world, "rafiq", "maaz")
    rafiq, maaz = member(world, "rafiq"), member(world, "maaz")
    apply_damage(world, maaz, 500, 0, [], TickFacts())
    step(world, [Move((rafiq.id,), 0, 0)])
    _assert_outcome_follows_the_rule(world, 120)
    assert world.outcome == "undecided"
    _assert_outcome_follows_the_rule(world, 400, {world.tick: [Carry(rafiq.id, maaz.id)]})
    assert maaz.carried_by == rafiq.id
    _assert_outcome_follows_the_rule(world, 400, {world.tick: [Move((rafiq.id,), 1, 1)]})
    assert world.outcome == "victory"


def test_lost_exactly_when_too_few_survivors_remain_alive():
    sc = ascii_scenario(["XX..S.A.A."], rescue_required=2)
    world = new_world(sc, seed=1)
    first = world.civilians()[0]
    apply_damage(world, first, 500, 0, [], TickFacts())
    assert first.life == "downed"
    _assert_outcome_follows_the_rule(world, BLEED_OUT_TICKS - 5)
    assert world.outcome == "undecided", "a downed survivor can still be saved"
    _assert_outcome_follows_the_rule(world, 20)
    assert first.life == "dead" and world.outcome == "defeat"
    assert world.outcome_reason.startswith("Too few survivors")


def test_lost_when_the_whole_squad_is_down_or_time_runs_out():
    world = new_world(ascii_scenario(LANE), seed=1)
    for unit in world.squad():
        apply_damage(world, unit, 500, 0, [], TickFacts())
    step(world, [])
    assert world.outcome == "defeat" and world.outcome_reason == "The squad is down."
    world = new_world(ascii_scenario(LANE, time_limit_s=2), seed=1)
    run(world, 2 * TICK_HZ - 1)
    assert world.outcome == "undecided"
    step(world, [])
    assert world.outcome == "defeat" and world.outcome_reason == "Out of time."


def test_a_required_crate_must_be_delivered_to_the_zone():
    sc = ascii_scenario(LANE, rescue_required=0)
    sc.crates.append(CrateSpawn(centre_of(8), centre_of(0)))
    world = new_world(sc, seed=1)
    park_squad(world, "maaz")
    maaz = member(world, "maaz")
    step(world, [Move((maaz.id,), 0, 0)])
    _assert_outcome_follows_the_rule(world, 150)
    assert world.outcome == "undecided", "won without the crate"
    crate = next(iter(world.crates.values()))
    step(world, [Interact(maaz.id, 8, 0)])
    _assert_outcome_follows_the_rule(world, 200)
    assert maaz.carrying == crate.id
    events = run(world, 1, [Move((maaz.id,), 1, 1)])
    for _ in range(300):
        if world.outcome != "undecided":
            break
        events += step(world, [])
    assert crate.delivered and of_type(events, "CrateDelivered")
    assert world.outcome == "victory"
