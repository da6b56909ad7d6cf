"""Whose turn it is to think: the kept index by id gives exactly the insurgents the rule
names, also after units are added and when the reaction time changes."""

from __future__ import annotations

from game.ai.insurgents import _turns
from game.sim.geometry import centre_of
from game.sim.world import new_world
from tests.ascii_maps import ascii_scenario


def _plain(world, every: int, react: int) -> list[int]:
    tick = world.tick
    return [u.id for u in world.insurgents()
            if (tick + u.id) % every == 0 or tick - u.under_fire_tick == react]


def test_turns_are_the_rule_through_new_units_shots_and_a_new_reaction_time():
    world = new_world(ascii_scenario(["S.EEEEEEEEEE....", "....EEEEEEE....."]), seed=1)
    for every in (12, 8, 20, 12):
        react = every // 2
        for tick in range(3 * every):
            world.tick = tick
            if tick == every:  # a reinforcement arrives: the index must take it in
                world.add_unit("rifleman", centre_of(14), centre_of(0))
            if tick % 5 == 0:  # a round lands near one of them
                world.insurgents()[tick % 7].under_fire_tick = tick + 1 - react
            got = [u.id for u in _turns(world, every, react)]
            assert got == _plain(world, every, react), (every, tick)
            assert len(got) == len(set(got))
    assert any(u.id > 23 for u in world.insurgents())
