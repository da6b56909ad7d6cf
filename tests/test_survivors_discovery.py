"""Survivors hide until a squad member sees them close by, and the radio says who."""

from __future__ import annotations

from game.sim.geometry import centre_of
from game.sim.world import new_world
from tests.ascii_maps import ascii_scenario
from tests.survivor_helpers import member, of_type, park_squad, run


def test_survivor_stays_unseen_until_spotted_at_close_range():
    sc = ascii_scenario([
        "S...........C",
        ".............",
    ])
    world = new_world(sc, seed=1)
    park_squad(world, "rafiq")
    rafiq = member(world, "rafiq")
    rafiq.facing = 0
    child = world.civilians()[0]
    events = run(world, 5)
    # in plain sight down the row, but too far to notice someone hiding
    assert world.seen_now[child.tile[1], child.tile[0]]
    assert child.hidden and not child.survivor.found
    assert not of_type(events, "CivilianFound")
    rafiq.x = centre_of(8)
    events = run(world, 2)
    assert child.survivor.found and not child.hidden
    found = of_type(events, "CivilianFound")
    assert [e.unit_id for e in found] == [child.id]
    radio = [e.text for e in of_type(events, "RadioMessage")]
    assert any("one child" in line for line in radio)


def test_survivor_behind_a_wall_is_not_found_even_when_near():
    sc = ascii_scenario([
        "S..#C",
        "...#.",
    ])
    world = new_world(sc, seed=1)
    park_squad(world, "rafiq")
    rafiq = member(world, "rafiq")
    rafiq.x, rafiq.facing = centre_of(2), 0
    run(world, 10)
    assert not world.civilians()[0].survivor.found


def test_a_group_is_found_together_and_named_in_one_line():
    sc = ascii_scenario([
        "S....CC",
        ".....C.",
    ])
    from dataclasses import replace

    sc.civilians[:] = [replace(c, group="cellar") for c in sc.civilians]
    sc.civilians[2] = replace(sc.civilians[2], kind="elder")
    world = new_world(sc, seed=1)
    park_squad(world, "rafiq")
    member(world, "rafiq").facing = 0
    events = run(world, 3)
    assert all(c.survivor.found for c in world.civilians())
    radio = [e.text for e in of_type(events, "RadioMessage")]
    assert radio == ["Found two children and one elderly survivor. Sending coordinates."]
