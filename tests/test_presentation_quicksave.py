"""Quicksave/quickload: the World to JSON and back, equal by state hash, same future."""

from __future__ import annotations

import json

import numpy as np
import pytest

from game.save import SaveError, quickload, quicksave, world_from_dict, world_to_dict
from game.session import Session
from game.sim.world import state_hash
from tests.test_frontend import walled_field


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("DANGER_CLOSE_HOME", str(tmp_path))
    return tmp_path


def fought(ticks: int = 240) -> Session:
    session = Session(walled_field(), seed=5)
    for _ in range(ticks):
        session.advance([])
    return session


def test_quicksave_restores_the_same_hash_and_the_same_future(tmp_path):
    session = fought()
    assert session.world.stats.shots > 0  # a fight is on: rng, cooldowns, wounds in play
    before = state_hash(session.world)
    path = quicksave(session, tmp_path / "q.json")
    text = path.read_text()
    json.loads(text)  # plain JSON
    # an uninterrupted run continues; a second session loads the save and continues
    other = Session(walled_field(), seed=99)  # a different world until it loads
    quickload(other, path)
    assert state_hash(other.world) == before
    for _ in range(200):
        session.advance([])
        other.advance([])
    assert state_hash(other.world) == state_hash(session.world)
    assert other.world.tick == session.world.tick


def test_the_rng_and_grids_come_back_exactly():
    session = fought(90)
    session.world.terrain.rubble[3, 4] = True  # a grid changed in play
    data = json.loads(json.dumps(world_to_dict(session.world)))
    world, _ = world_from_dict(data, session.scenario)
    assert world.rng.bit_generator.state == session.world.rng.bit_generator.state
    assert world.rng.integers(1 << 30) == session.world.rng.integers(1 << 30)
    assert world.terrain.rubble[3, 4] and world.terrain.rubble.dtype == np.bool_
    assert world.smoke.dtype == session.world.smoke.dtype
    assert list(world.units) == list(session.world.units)  # iteration order kept
    assert world.scenario is session.scenario


def test_fields_added_later_are_saved_without_changes_to_save_py():
    session = fought(10)
    unit = session.world.insurgents()[0]  # an insurgent's mind is a component of its own
    unit.mind.detect = {7: 300}  # int-keyed dict
    unit.mind.patrol = ((1, 2), (3, 4))
    world, _ = world_from_dict(json.loads(json.dumps(world_to_dict(session.world))),
                               session.scenario)
    assert world.units[unit.id].mind.detect == {7: 300}
    assert world.units[unit.id].mind.patrol == ((1, 2), (3, 4))


def test_a_bad_quicksave_leaves_the_mission_alone(tmp_path):
    session = fought(30)
    before = state_hash(session.world)
    bad = tmp_path / "bad.json"
    for text in ("{oops", json.dumps({"format": "something else"})):
        bad.write_text(text)
        with pytest.raises(SaveError):
            quickload(session, bad)
    data = world_to_dict(session.world)
    data["world"]["tick"] = 12345  # tampered: no longer hashes to what was saved
    bad.write_text(json.dumps(data))
    with pytest.raises(SaveError):
        quickload(session, bad)
    data = world_to_dict(session.world)
    data["world"]["stats"]["$dc"] = "os:system"  # only game.sim records are rebuilt
    bad.write_text(json.dumps(data))
    with pytest.raises(SaveError):
        quickload(session, bad)
    with pytest.raises(SaveError):
        quickload(session, tmp_path / "missing.json")
    assert state_hash(session.world) == before


def test_a_quicksave_of_another_map_is_refused(tmp_path):
    session = fought(5)
    data = world_to_dict(session.world)
    data["map"] = "elsewhere.tmx"
    (tmp_path / "other.json").write_text(json.dumps(data))
    with pytest.raises(SaveError, match="another map"):
        quickload(session, tmp_path / "other.json")
