"""Falcon-2's strike: the call, danger close, the blast's falloff and shelter, rubble,
smoke, suppression, broken groups, charges, and determinism."""

from __future__ import annotations

from game.headless import run_headless
from game.session import Session
from game.sim.airstrike import (
    BLAST_RADIUS_TILES,
    CALLSIGN,
    ETA_TICKS,
    blast_damage,
    friendlies_in_blast,
)
from game.sim.combat import can_see
from game.sim.commands import CallStrike, Move
from game.sim.events import (
    CommandRefused,
    DangerCloseWarning,
    GroupBroken,
    RadioMessage,
    StrikeImpact,
    StrikeInbound,
    StrikeRequested,
)
from game.sim.pathing import path_grid
from game.sim.queries import STRIKE_NOTICE_TICKS, danger_rings
from game.sim.smoke import sight_blockers
from game.sim.step import step
from game.sim.strikes import PASS_TICKS, RUBBLE_SHELTER, WALL_SHELTER, in_strike_zone
from game.sim.world import state_hash
from tests.ascii_maps import ascii_scenario
from tests.strike_helpers import OPEN, damage_to, put, run_until, world_from


def run_until_impact(world, command):
    return run_until(world, command, StrikeImpact, ETA_TICKS)


def test_damage_falls_off_with_distance_and_stops_at_the_rim():
    world = world_from(OPEN)
    targets = [put(world, "gunner", 8 + d, 6) for d in range(0, 7)]  # 0..6 tiles east
    for unit in targets:
        unit.hp = 10_000  # measure the blast, not who survives it
    events = run_until_impact(world, CallStrike(8, 6))
    amounts = [damage_to(events, u) for u in targets]
    inside = [a for d, a in enumerate(amounts) if d <= BLAST_RADIUS_TILES]
    assert all(a > b for a, b in zip(inside, inside[1:], strict=False)), amounts
    assert amounts[0] == int(blast_damage(0.0))
    assert amounts[5] == 0 and amounts[6] == 0, "nobody past the rim is hurt"


def test_walls_shelter_those_behind_them():
    rows = [
        "S.#..................",
        "..#..................",
        "###..................",
        ".....................",
        "..........#..........",  # a stone wall two tiles east of the centre (8, 4)
        ".....................",
        "........w............",  # a destructible wall two tiles south of it
        ".....................",
    ]
    world = world_from(rows)
    in_open = put(world, "gunner", 5, 4)  # each of them three tiles from the centre
    behind_wall = put(world, "gunner", 11, 4)
    behind_rubble = put(world, "gunner", 8, 7)
    for unit in (in_open, behind_wall, behind_rubble):
        unit.hp = 10_000
    events = run_until_impact(world, CallStrike(8, 4))
    full = blast_damage(3.0)
    assert damage_to(events, in_open) == int(full)
    assert damage_to(events, behind_wall) == int(full * WALL_SHELTER)
    assert damage_to(events, behind_rubble) == int(full * RUBBLE_SHELTER)
    assert world.terrain.rubble[6, 8] and not world.terrain.rubble[4, 10]


def test_destructible_tiles_become_rubble_and_paths_and_sight_follow():
    rows = [
        "S.#..........",
        "..#..........",
        "###..........",
        "......www....",
        "......w.w....",
        "......www....",
        ".......#.....",
    ]
    world = world_from(rows)
    terrain = world.terrain
    version = terrain.version
    assert path_grid(world.caches, terrain).find((4, 4), (7, 4)) == []  # sealed cell
    events = run_until_impact(world, CallStrike(7, 4))
    impact = next(e for e in events if isinstance(e, StrikeImpact))
    assert impact.tiles_destroyed == 8
    assert terrain.version > version
    assert terrain.rubble[3:6, 6:9].sum() == 8
    assert terrain.walkable[3, 6] and not terrain.opaque[3, 6]
    route = path_grid(world.caches, terrain).find((4, 4), (7, 4))
    assert route and route[-1] == (7, 4), "the cache rebuilt on the new terrain"
    assert terrain.opaque[6, 7] and not terrain.walkable[6, 7], "stone stays standing"


def test_smoke_blocks_sight_then_clears():
    world = world_from(OPEN)
    watcher = put(world, "rifleman", 4, 6, facing=0)
    target = put(world, "rifleman", 14, 6)
    assert can_see(world, watcher, target)
    run_until_impact(world, CallStrike(9, 6))
    assert world.smoke[6, 9] > 0
    assert sight_blockers(world)[6, 9]
    assert not world.terrain.opaque[6, 9], "smoke is not a wall"
    assert not can_see(world, watcher, target), "the cloud hides the far side"
    for _ in range(25 * 30):
        step(world, [])
    assert not world.smoke.any()
    assert can_see(world, watcher, target)


def test_danger_close_needs_a_second_confirmation():
    rows = [
        "S.......................",
        "........................",
        "........................",
    ]
    world = world_from(rows)
    rafiq = min(world.squad(), key=lambda u: u.id)
    tx, ty = rafiq.tile[0] + 2, rafiq.tile[1]
    assert rafiq in friendlies_in_blast(world, tx, ty)
    events = step(world, [CallStrike(tx, ty)])
    refused = [e for e in events if isinstance(e, CommandRefused)]
    assert refused and refused[0].command == "CallStrike"
    assert refused[0].reason.startswith("danger close")
    assert world.strikes_left == 1 and not world.strikes
    events = step(world, [CallStrike(tx, ty, confirm_danger_close=True)])
    assert not any(isinstance(e, CommandRefused) for e in events)
    requested = next(e for e in events if isinstance(e, StrikeRequested))
    assert requested.danger_close
    warning = next(e for e in events if isinstance(e, DangerCloseWarning))
    assert rafiq.id in warning.unit_ids
    assert world.strikes_left == 0


def test_a_strike_far_from_friends_needs_no_confirmation():
    world = world_from(OPEN)
    events = step(world, [CallStrike(18, 6)])
    assert any(isinstance(e, StrikeRequested) and not e.danger_close for e in events)


def test_the_strike_lands_after_the_delay_with_a_pass_first_and_a_marked_zone():
    world = world_from(OPEN)
    step(world, [CallStrike(18, 6)])
    called = world.tick - 1
    assert world.strike_zones == [(18, 6, BLAST_RADIUS_TILES, called + ETA_TICKS)]
    assert in_strike_zone(world, 20, 6) and not in_strike_zone(world, 5, 6)
    seen: dict[str, int] = {}
    while "impact" not in seen:
        tick = world.tick
        for event in step(world, []):
            if isinstance(event, StrikeInbound):
                seen["inbound"] = tick
            if isinstance(event, StrikeImpact):
                seen["impact"] = tick
        assert world.tick < called + ETA_TICKS + 5
    assert seen["impact"] == called + ETA_TICKS
    assert seen["inbound"] == called + ETA_TICKS - PASS_TICKS
    assert world.strike_zones == []


def test_orders_carry_on_during_the_wait():
    world = world_from(OPEN)
    rafiq = min(world.squad(), key=lambda u: u.id)
    for mate in world.squad():
        if mate is not rafiq and mate.tile == (1, 1):
            mate.life = "gone"  # bodies take tiles: clear the one Rafiq is sent to
    step(world, [CallStrike(18, 6), Move((rafiq.id,), 1, 1)])
    for _ in range(30):
        step(world, [])
    assert rafiq.tile == (1, 1)
    assert world.strikes, "still on its way"


def test_charges_run_out_and_one_run_at_a_time():
    world = world_from(OPEN, air_strikes=2)
    step(world, [CallStrike(18, 6)])
    events = step(world, [CallStrike(12, 6)])
    assert any(isinstance(e, CommandRefused) and "already" in e.reason for e in events)
    assert world.strikes_left == 1
    run_until_impact(world, CallStrike(12, 6))  # refused again while the first is inbound
    while world.strikes:
        step(world, [])
    run_until_impact(world, CallStrike(12, 6))
    assert world.strikes_left == 0 and world.stats.strikes_used == 2
    events = step(world, [CallStrike(18, 6)])
    refused = [e for e in events if isinstance(e, CommandRefused)]
    assert refused and refused[0].reason == "no air support left"


def test_falcon_reports_the_runs_left_after_each_impact_without_saying_off_target():
    world = world_from(OPEN, air_strikes=2)
    lines = [e.text for e in run_until_impact(world, CallStrike(12, 6))
             if isinstance(e, RadioMessage) and e.speaker == CALLSIGN]
    assert lines and "1 more available" in lines[-1]
    while world.strikes:
        step(world, [])
    lines = [e.text for e in run_until_impact(world, CallStrike(12, 6))
             if isinstance(e, RadioMessage) and e.speaker == CALLSIGN]
    assert "last run" in lines[-1]
    assert not any("off target" in line for line in lines), "players read it as a miss"


def test_insurgents_run_from_a_strike_only_in_its_last_second():
    world = world_from(OPEN)
    step(world, [CallStrike(12, 6)])
    assert world.strike_zones, "the squad sees its own marked zone at once"
    assert danger_rings(world) == [], "a radio call is not heard by the insurgents"
    while world.strikes[0].impact_tick - world.tick > STRIKE_NOTICE_TICKS:
        assert danger_rings(world) == []
        step(world, [])
    assert STRIKE_NOTICE_TICKS < PASS_TICKS, "the jet is on its pass before they react"
    assert danger_rings(world) == [(12.0, 6.0, BLAST_RADIUS_TILES)]


def test_survivors_near_the_blast_are_suppressed_and_it_wears_off():
    world = world_from(OPEN)
    near = put(world, "rifleman", 9, 6)
    near.hp = 10_000
    rim = put(world, "rifleman", 8 + int(BLAST_RADIUS_TILES) + 2, 6)
    far = put(world, "rifleman", 24, 0)
    events = run_until_impact(world, CallStrike(8, 6))
    assert near.suppressed > 0
    assert rim.suppressed > 0 and damage_to(events, rim) == 0, "shaken though unhurt"
    assert far.suppressed == 0
    for _ in range(rim.suppressed):
        step(world, [])
    assert rim.suppressed == 0


def test_a_group_that_loses_most_of_its_members_breaks():
    world = world_from(OPEN)
    for dx in range(3):
        put(world, "rifleman", 10 + dx, 6, group="east")
    put(world, "rifleman", 22, 1, group="east")
    put(world, "rifleman", 22, 8, group="west")
    events = run_until_impact(world, CallStrike(11, 6))
    assert world.broken_groups == {"east"}
    assert any(isinstance(e, GroupBroken) and e.group == "east" for e in events)
    assert world.stats.strike_casualties == 3


def test_the_same_seed_and_orders_give_the_same_result():
    rows = [
        "S.#.................E...",
        "..#.....................",
        "###......w...E..........",
        ".........w..........E...",
        "....A....w....E.........",
        "........................",
    ]
    scenario = ascii_scenario(rows)
    orders = {0: [CallStrike(13, 3)], 5: [CallStrike(13, 3)], 40: [Move((1,), 5, 4)]}
    runs = [run_headless(scenario, seed=11, ticks=600, commands=orders) for _ in range(2)]
    first, second = (r.as_dict() for r in runs)
    assert first["state_hash"] == second["state_hash"]
    assert first["strikes_used"] == 1
    assert first["strike_casualties"] >= 1
    assert first == second
    other = Session(scenario, seed=11)
    for tick in range(600):
        other.advance(orders.get(tick, []))
    assert state_hash(other.world) == first["state_hash"]
