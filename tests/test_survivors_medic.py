"""Wounds and care: Hana's kits heal, anyone can stabilise, the downed bleed out."""

from __future__ import annotations

from game.sim.commands import Heal
from game.sim.facts import TickFacts
from game.sim.geometry import centre_of
from game.sim.health import BLEED_OUT_TICKS, apply_damage
from game.sim.world import new_world
from tests.ascii_maps import ascii_scenario
from tests.survivor_helpers import member, of_type, run

ROOM = ["S.....", "......", "......"]


def test_a_member_healed_by_hana_stops_bleeding_and_gets_hp_back():
    world = new_world(ascii_scenario(ROOM), seed=1)
    hana, rima = member(world, "hana"), member(world, "rima")
    rima.hp, rima.bleed = 40, 2
    kits = world.medkits
    run(world, 1, [Heal(hana.id, rima.id)])
    events = run(world, 200)
    assert rima.bleed == 0
    assert rima.hp > 40 + 30, "no HP came back"
    assert world.medkits == kits - 1 and world.stats.medkits_used == 1
    assert of_type(events, "UnitHealed")
    hp = rima.hp
    run(world, 120)
    assert rima.hp == hp, "still losing HP after treatment"


def test_hp_returns_over_the_treatment_not_all_at_once():
    world = new_world(ascii_scenario(ROOM), seed=1)
    hana, rima = member(world, "hana"), member(world, "rima")
    rima.x, rima.y = hana.x + 128, hana.y
    rima.hp = 20
    seen = []
    run(world, 1, [Heal(hana.id, rima.id)])
    for _ in range(100):
        run(world, 1)
        seen.append(rima.hp)
    assert len(set(seen)) >= 5


def test_without_kits_hana_can_only_stabilise():
    sc = ascii_scenario(ROOM, medkits=0)
    world = new_world(sc, seed=1)
    hana, rima = member(world, "hana"), member(world, "rima")
    rima.hp, rima.bleed = 40, 2
    run(world, 1, [Heal(hana.id, rima.id)])
    events = run(world, 400)
    assert rima.bleed == 0 and of_type(events, "UnitStabilised")
    assert rima.hp <= 40 and not of_type(events, "UnitHealed")


def test_a_downed_member_bleeds_out_unless_stabilised_in_time():
    world = new_world(ascii_scenario(ROOM), seed=1)
    rafiq, maaz, rima = member(world, "rafiq"), member(world, "maaz"), member(world, "rima")
    for victim in (maaz, rima):
        apply_damage(world, victim, 500, 0, [], TickFacts())
        assert victim.life == "downed"
    run(world, 1, [Heal(rafiq.id, maaz.id)])
    run(world, BLEED_OUT_TICKS + 5)
    assert rima.life == "dead", "left alone, a downed member bleeds out"
    assert maaz.life == "downed" and maaz.bleed == 0, "stabilised, but not back up"


def test_hana_brings_a_downed_member_back_up():
    world = new_world(ascii_scenario(ROOM), seed=1)
    hana, maaz = member(world, "hana"), member(world, "maaz")
    apply_damage(world, maaz, 500, 0, [], TickFacts())
    events = run(world, 300, [Heal(hana.id, maaz.id)])
    assert maaz.life == "active" and maaz.bleed == 0 and of_type(events, "UnitRevived")


def test_a_wounded_survivor_can_be_treated_and_waits_for_it():
    world = new_world(ascii_scenario(ROOM), seed=1)
    hana = member(world, "hana")
    civ = world.add_unit("child", centre_of(4), centre_of(2), found=True, bleed=2)
    run(world, 1, [Heal(hana.id, civ.id)])
    run(world, 200)
    assert civ.bleed == 0


def test_heal_refuses_someone_unhurt():
    world = new_world(ascii_scenario(ROOM), seed=1)
    events = run(world, 1, [Heal(member(world, "hana").id, member(world, "rima").id)])
    assert [e.reason for e in of_type(events, "CommandRefused")] == ["not hurt"]


def test_a_hidden_wounded_survivor_starts_bleeding_only_once_found():
    world = new_world(ascii_scenario(["S..#..", "...#..", "...#.."]), seed=1)
    civ = world.add_unit("child", centre_of(5), centre_of(2), hidden=True, bleed=2)
    run(world, 90)
    assert not civ.survivor.found and civ.hp == civ.utype.max_hp
    civ.survivor.found, civ.hidden = True, False
    run(world, 90)
    assert civ.hp < civ.utype.max_hp
