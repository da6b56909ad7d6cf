"""Side-specific state lives in components: only insurgents carry a mind, only squad
members their orders and job (unit.squad), only survivors their own state
(unit.survivor); world.add_unit files each field with its side, and the state hash still
reads every unit as one flat record with the same fields."""

from __future__ import annotations

import pytest

from game.sim.kinds import Roe
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
    assert {"found", "leader_id", "panic", "work_left", "carry_target", "pace"} <= set(records[0])
    assert not {"insurgent", "squad_state", "survivor_state"} & set(records[0])


def test_squad_members_and_survivors_have_their_own_state_and_no_other():
    world = new_world(ascii_scenario(FIELD), seed=1)
    member, civ, ins = world.squad()[0], world.civilians()[0], world.insurgents()[0]
    assert member.squad.roe == Roe.FIRE_AT_WILL and civ.survivor.found
    for unit, missing in ((member, ("survivor", "mind")), (civ, ("squad", "mind")),
                          (ins, ("squad", "survivor"))):
        for part in missing:
            with pytest.raises(AttributeError, match="not"):
                getattr(unit, part)


def test_add_unit_files_a_sides_fields_with_that_side():
    world = new_world(ascii_scenario(FIELD), seed=1)
    leader = world.squad()[0]
    civ = world.add_unit("child", 300, 300, found=True, leader_id=leader.id)
    assert civ.survivor.found and civ.survivor.leader_id == leader.id
    medic = world.add_unit("hana", 300, 300, roe=Roe.HOLD_FIRE, holding=True)
    assert medic.squad.roe == Roe.HOLD_FIRE and medic.squad.holding
    with pytest.raises(TypeError):  # a survivor takes no orders
        world.add_unit("adult", 300, 300, holding=True)


def test_orders_left_at_their_defaults_stay_out_of_the_hash():
    """roe, holding and fired_on_by came after the hash was fixed: only a changed one
    enters a unit's record, wherever the field lives now."""
    world = new_world(ascii_scenario(FIELD), seed=1)
    member = world.squad()[0]
    records = world_state_summary(world)["units"]
    assert not {"roe", "holding", "fired_on_by"} & set(records[0])
    member.squad.roe = Roe.RETURN_FIRE
    changed = next(r for r in world_state_summary(world)["units"] if r["id"] == member.id)
    assert changed["roe"] == Roe.RETURN_FIRE
