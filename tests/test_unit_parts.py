"""Side-specific state lives in components: only insurgents carry a mind, and the state
hash still reads every unit as one flat record with the same fields."""

from __future__ import annotations

import pytest

from game.sim.units import InsurgentMind
from game.sim.world import new_world, world_state_summary
from tests.ascii_maps import ascii_scenario

FIELD = [
    "S.....E",
    "...A...",
]


def test_only_insurgents_carry_a_mind():
    world = new_world(ascii_scenario(FIELD), seed=1)
    for unit in world.units.values():
        if unit.side == "insurgent":
            assert isinstance(unit.mind, InsurgentMind)
            assert unit.mind.home == unit.tile
        else:
            assert unit.insurgent is None
            with pytest.raises(AttributeError, match="not an insurgent"):
                _ = unit.mind


def test_the_hash_record_of_every_unit_has_the_same_fields():
    world = new_world(ascii_scenario(FIELD), seed=1)
    records = world_state_summary(world)["units"]
    assert len({tuple(sorted(r)) for r in records}) == 1
    assert {"alert", "detect", "patrol", "home"} <= set(records[0])
    assert "insurgent" not in records[0]
