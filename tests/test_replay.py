"""A recorded game re-runs to the same state hash; a tampered one does not."""

from __future__ import annotations

import json

import pytest

from game.headless import CommandFileError, read_commands
from game.replay import load_replay, save_replay, verify_replay
from game.session import Session
from game.sim.commands import Move
from tests.ascii_maps import ascii_scenario

ARENA = [
    "S.........b.....E.",
    "..........b.......",
    "....#.....b...E...",
    "XX..#.....b.....E.",
]


def _played_session() -> Session:
    session = Session(ascii_scenario(ARENA), seed=9)
    for tick in range(500):
        orders = []
        if tick == 3:
            orders = [Move((1, 2, 3, 4), 9, 1)]
        elif tick == 200:
            orders = [Move((3, 4), 12, 3, queue=True)]
        session.advance(orders)
    return session


def test_replay_reruns_to_the_same_hash(tmp_path):
    path = tmp_path / "game.replay"
    header = save_replay(_played_session(), path)
    loaded_header, commands = load_replay(path)
    assert loaded_header == header
    assert sum(len(v) for v in commands.values()) == 2
    same, _ = verify_replay(ascii_scenario(ARENA), loaded_header, commands)
    assert same


def test_a_changed_command_breaks_the_proof(tmp_path):
    path = tmp_path / "game.replay"
    save_replay(_played_session(), path)
    lines = path.read_text().splitlines()
    record = json.loads(lines[1])
    record["command"]["x"] = 2
    lines[1] = json.dumps(record)
    path.write_text("\n".join(lines) + "\n")
    header, commands = load_replay(path)
    same, _ = verify_replay(ascii_scenario(ARENA), header, commands)
    assert not same


def test_corrupt_replay_is_a_readable_error(tmp_path):
    path = tmp_path / "broken.replay"
    path.write_text("this is not json\n")
    with pytest.raises(CommandFileError, match="bad replay header"):
        load_replay(path)
    path.write_text('{"tick": 1, "command": {"type": "Warp"}}\n')
    with pytest.raises(CommandFileError, match="unknown command"):
        read_commands(path)
