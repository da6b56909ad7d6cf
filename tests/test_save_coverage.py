"""Every type a World can hold is one a quicksave knows: a new sim record that is neither
allowlisted (save_codec.RECORDS) nor left out on purpose (save.NOT_SAVED, with a reason)
fails here instead of making F5 fail with "cannot save a ..." in the middle of a game."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field

import numpy as np

from game.save import NOT_SAVED, world_from_dict, world_to_dict
from game.save_codec import ENUMS, LEAF_TYPES, RECORDS, reachable_types
from game.session import Session
from game.sim.kinds import Side
from game.sim.world import Grenade, HeardShot, World, state_hash
from tests.test_frontend import walled_field


def _saved_types() -> set:
    return reachable_types(World, frozenset(NOT_SAVED))


def test_every_record_a_world_can_hold_is_allowlisted():
    records = {t for t in _saved_types() if dataclasses.is_dataclass(t)}
    missing = sorted(t.__name__ for t in records if RECORDS.get(t.__name__) is not t)
    assert missing == [], (f"{missing}: add to save_codec.RECORDS (and checks to "
                           "save_checks.py), or name the World field in save.NOT_SAVED")


def test_every_enum_and_value_a_world_can_hold_has_a_save_rule():
    leaves = {t for t in _saved_types() if not dataclasses.is_dataclass(t)}
    unknown = [t for t in leaves if t not in ENUMS and t not in LEAF_TYPES]
    assert unknown == []


def test_the_allowlist_holds_nothing_a_world_cannot_reach():
    """A stale entry would let a file build a record the world never holds."""
    assert set(RECORDS.values()) <= _saved_types()
    assert ENUMS.issubset(_saved_types())


def test_every_field_left_out_is_a_world_field_with_a_reason():
    names = {f.name for f in dataclasses.fields(World)}
    assert set(NOT_SAVED) <= names
    assert all(len(reason) > 20 for reason in NOT_SAVED.values())


@dataclass
class _NewSimRecord:
    fuse: int


@dataclass
class _WorldWithANewRecord:
    tick: int
    later: dict[int, list[_NewSimRecord | None]] = field(default_factory=dict)
    skipped: set[frozenset] = field(default_factory=set)


def test_the_walk_finds_a_record_nested_in_containers_and_skips_fields_left_out():
    found = reachable_types(_WorldWithANewRecord, frozenset({"skipped"}))
    assert _NewSimRecord in found and frozenset not in found
    assert RECORDS.get("_NewSimRecord") is None  # so the first test would name it


def test_a_quicksave_with_grenades_and_heard_gunfire_restores_them():
    session = Session(walled_field(), seed=5)
    for _ in range(5):
        session.advance([])
    world = session.world
    thrower = world.squad()[0]
    world.grenades_thrown = 2
    world.grenades = [Grenade(1, thrower.id, Side.SQUAD, thrower.x, thrower.y,
                              thrower.x + 300, thrower.y, 2, world.tick + 3, world.tick + 63,
                              2.5),
                      Grenade(2, thrower.id, Side.SQUAD, thrower.x, thrower.y, thrower.x,
                              thrower.y + 200, 3, 4, 64, 2.5, landed=True, seen=True)]
    world.heard_shots = [HeardShot(3, 4, 1), HeardShot(20, 7, world.tick)]
    data = json.loads(json.dumps(world_to_dict(world)))
    loaded, _ = world_from_dict(data, session.scenario)
    assert loaded.grenades == world.grenades and loaded.heard_shots == world.heard_shots
    assert state_hash(loaded) == state_hash(world)
    assert isinstance(loaded.grenades[0].side, Side)
    assert np.array_equal(loaded.seen_ever, world.seen_ever)


def test_a_quicksave_from_before_heard_gunfire_was_saved_still_loads():
    """Version 3 files written before heard_shots was saved have no such field: they load
    with nothing heard, as they did."""
    session = Session(walled_field(), seed=5)
    session.advance([])
    data = json.loads(json.dumps(world_to_dict(session.world)))
    del data["world"]["heard_shots"]
    loaded, _ = world_from_dict(data, session.scenario)
    assert loaded.heard_shots == []
