"""The evac as an event (game/sim/evac.py) on tests/data/evac_yard.tmx: the map sets
evac = call, an ETA of 5 s and a wait of 4 s; one found survivor is needed. Two found
adults stand in the yard; the zone is its east end."""

from __future__ import annotations

from pathlib import Path

from game.sim.catalog import TICK_HZ
from game.sim.commands import CallEvac, Follow, Move
from game.sim.step import step
from game.sim.world import OUTCOME_DEFEAT, OUTCOME_UNDECIDED, OUTCOME_VICTORY, new_world
from game.tiled.loader import load_scenario
from tests.survivor_helpers import member, of_type, run

DATA = Path(__file__).parent / "data"
YARD = DATA / "evac_yard.tmx"
ETA, WAIT = 5 * TICK_HZ, 4 * TICK_HZ


def _yard():
    world = new_world(load_scenario(YARD), seed=1)
    world.tick = 1  # past the first look round: orders go in at once
    return world


def _adults(world):
    return sorted(world.civilians(), key=lambda u: u.id)


def test_the_map_property_loads():
    rules = load_scenario(YARD).rules
    assert (rules.evac, rules.evac_eta_s, rules.evac_wait_s) == ("call", 5, 4)


def test_walking_in_saves_nobody_until_the_vehicles_leave_with_those_aboard():
    world = _yard()
    squad_ids = tuple(u.id for u in world.squad())
    inside, outside = _adults(world)
    rafiq = member(world, "rafiq")
    events = run(world, 10 * TICK_HZ, [Move(squad_ids, 11, 3), Follow((inside.id,), rafiq.id)])
    assert all(world.units[i].tile[0] >= 9 for i in squad_ids), "the squad reached the zone"
    assert inside.tile[0] >= 9
    assert not of_type(events, "CivilianRescued"), "walking in saves nobody on this map"
    assert world.outcome == OUTCOME_UNDECIDED, "no victory before the vehicles leave"

    called = world.tick
    events = step(world, [CallEvac(rafiq.id)])
    assert [e.arrive_tick for e in of_type(events, "EvacCalled")] == [called + ETA]
    events += run(world, ETA - 1)
    assert not of_type(events, "EvacArrived"), "nothing arrives before the ETA"
    events = run(world, 1)
    arrived = of_type(events, "EvacArrived")
    assert arrived and world.tick - 1 == called + ETA
    # the objective is met with those aboard and the whole squad is in: they leave at once
    departed = of_type(events, "EvacDeparted")
    assert departed and departed[0].survivors == 1 and departed[0].squad == 4
    assert [e.unit_id for e in of_type(events, "CivilianRescued")] == [inside.id]
    assert outside.id not in world.rescued_ids and outside.life == "active"
    assert world.outcome == OUTCOME_VICTORY


def test_the_vehicles_wait_then_leave_without_those_outside():
    world = _yard()
    squad_ids = tuple(u.id for u in world.squad())
    rafiq = member(world, "rafiq")
    # the squad goes in without anyone: the objective is not met aboard, so they wait
    run(world, 4 * TICK_HZ, [Move(squad_ids, 11, 3), CallEvac(rafiq.id)])
    assert all(world.units[i].tile[0] >= 9 for i in squad_ids)
    events = run(world, 2 * TICK_HZ)  # 6 s after the call: arrived, waiting
    assert world.evac.arrived and not world.evac.departed
    events += run(world, WAIT + 1)
    assert of_type(events, "EvacDeparted")[0].survivors == 0
    assert world.stats.rescued == 0
    assert world.outcome == OUTCOME_DEFEAT
    assert world.outcome_reason == "The vehicles left with 0 of the 1 survivors needed."


def test_a_second_call_is_refused_and_the_first_stands():
    world = _yard()
    rafiq = member(world, "rafiq")
    step(world, [CallEvac(rafiq.id)])
    arrive = world.evac.arrive_tick
    events = run(world, 30, [CallEvac(rafiq.id)])
    refused = of_type(events, "CommandRefused")
    assert [e.command for e in refused] == ["CallEvac"]
    assert "already" in refused[0].reason
    assert world.evac.arrive_tick == arrive


def test_a_call_on_a_walk_in_map_is_refused_and_changes_nothing():
    world = new_world(load_scenario(DATA / "corridor.tmx"), seed=1)
    world.tick = 1
    before = vars(world.evac).copy()
    events = step(world, [CallEvac()])
    refused = of_type(events, "CommandRefused")
    assert refused and "walk into the extraction zone" in refused[0].reason
    assert vars(world.evac) == before


def test_a_bad_evac_property_is_a_map_problem(tmp_path):
    from game.tiled.validate import validate_map

    text = YARD.read_text().replace('name="evac" value="call"', 'name="evac" value="helo"')
    text = text.replace('name="evac_eta" type="int" value="5"',
                        'name="evac_eta" type="int" value="0"')
    bad = tmp_path / "bad.tmx"
    bad.write_text(text.replace("../../assets", str(Path(__file__).parents[1] / "assets")))
    messages = [p.message for p in validate_map(str(bad))]
    assert any('"evac" is "helo"' in m for m in messages)
    assert any('"evac_eta" is 0' in m for m in messages)


def test_walk_in_maps_keep_the_evac_out_of_their_hash():
    from game.sim.world import state_hash, world_state_summary

    maps = sorted((Path(__file__).parents[1] / "maps").glob("*.tmx"))
    walk_in = [p for p in maps if load_scenario(p).rules.evac == "walk"]
    assert walk_in and len(walk_in) < len(maps)  # the granary calls its trucks, as in the story
    for path in walk_in:
        world = new_world(load_scenario(path), seed=1)
        assert "evac" not in world_state_summary(world)
        before = state_hash(world)
        world.evac.called_tick = 5  # state a walk-in map never uses stays out of its hash
        assert state_hash(world) == before


def test_a_quicksave_mid_evac_restores_the_vehicles_on_their_way():
    import json

    from game.save import world_from_dict, world_to_dict
    from game.sim.world import state_hash

    world = _yard()
    step(world, [CallEvac()])
    run(world, 20)
    saved = json.loads(json.dumps(world_to_dict(world)))
    back, _ = world_from_dict(saved, world.scenario)
    assert vars(back.evac) == vars(world.evac) and back.evac.called_tick >= 0
    assert state_hash(back) == state_hash(world)


def test_the_defeat_says_what_the_departure_cost():
    """Played on the granary: Maaz rode out with three children of six needed and was told
    the vehicles left without the squad or the survivors."""
    from game.sim.mission import defeat_reason

    world = _yard()
    world.evac.departed = True
    world.stats.rescued = 0
    assert defeat_reason(world) == "The vehicles left with 0 of the 1 survivors needed."
    world.stats.rescued = 1
    assert defeat_reason(world) == "The vehicles left without the whole squad aboard."
