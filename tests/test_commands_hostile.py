"""Hostile commands files and replays: every field of every line is checked, and a bad
one is refused with a message naming the file and line, never a traceback."""

from __future__ import annotations

import json

import pytest

from game.cli import main
from game.headless import CommandFileError, read_commands, run_headless
from game.replay import load_replay, save_replay
from game.sim.commands import COMMANDS, MAX_TICK
from tests.ascii_maps import ascii_scenario

FIELD = ["S.......", "........", "...C..N.", "........"]
GOOD = {"tick": 3, "command": {"type": "Move", "unit_ids": [1], "x": 2, "y": 1}}


def move(**fields):
    return {"tick": 3, "command": {**GOOD["command"], **fields}}


BAD_LINES = {
    "unit_ids as an int": move(unit_ids=1),
    "unit_ids as null": move(unit_ids=None),
    "unit_ids as a dict": move(unit_ids={"1": 1}),
    "unit id as a string": move(unit_ids=["1"]),
    "x as a string": move(x="2"),
    "x as a float": move(x=2.5),
    "x as a bool": move(x=True),
    "x huge": move(x=10**20),
    "queue as a number": move(queue=1),
    "Face north": {"tick": 1, "command": {"type": "Face", "unit_ids": [1], "angle": "north"}},
    "unknown type": {"tick": 1, "command": {"type": "Teleport", "unit_ids": [1]}},
    "type not a string": {"tick": 1, "command": {"type": ["Move"]}},
    "missing field": {"tick": 1, "command": {"type": "Move", "unit_ids": [1], "x": 2}},
    "unknown field": move(z=4),
    "too many ids": move(unit_ids=list(range(5000))),
    "command not an object": {"tick": 1, "command": "Move"},
    "no command": {"tick": 1},
    "tick negative": {**GOOD, "tick": -1},
    "tick float": {**GOOD, "tick": 1.0},
    "tick bool": {**GOOD, "tick": True},
    "tick past the cap": {**GOOD, "tick": MAX_TICK + 1},
    "line is a list": [1, 2],
    "line is a number": 5,
}


@pytest.mark.parametrize("what", sorted(BAD_LINES))
def test_each_bad_field_is_refused_naming_the_line(tmp_path, what):
    path = tmp_path / "orders.jsonl"
    path.write_text(json.dumps(GOOD) + "\n\n" + json.dumps(BAD_LINES[what]) + "\n")
    with pytest.raises(CommandFileError, match=r"orders\.jsonl:3: "):
        read_commands(path)


@pytest.mark.parametrize("content", [
    pytest.param("\n".join(json.dumps(GOOD) for _ in range(3)).encode("utf-16"), id="utf-16"),
    pytest.param(b'{"tick": 1, "command": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
                 id="deep"),
    pytest.param(b'{"tick": 1, "command": {"type": "Face", "unit_ids": [1], "angle": NaN}}',
                 id="nan"),
    pytest.param(b'{"tick": 1, "command": {"type": "Face", "unit_ids": [1], "angle": '
                 + b"9" * 5000 + b"}}", id="5000 digits"),
    pytest.param(b"\xff\xfe\x00garbage", id="not text"),
    pytest.param(b"{oops", id="not json"),
])
def test_unreadable_files_are_refused_with_a_message(tmp_path, content):
    path = tmp_path / "orders.jsonl"
    path.write_bytes(content)
    with pytest.raises(CommandFileError, match="orders.jsonl"):
        read_commands(path)


def test_the_cli_prints_a_message_not_a_traceback(tmp_path, capsys):
    path = tmp_path / "orders.jsonl"
    path.write_text(json.dumps(move(unit_ids={"a": 1})) + "\n")
    map_path = "tests/data/open_field.tmx"
    assert main(["sim", map_path, "--commands", str(path), "--ticks", "5"]) == 1
    err = capsys.readouterr().err
    assert "orders.jsonl" in err and "line 1" in err and "unit_ids" in err
    assert "Traceback" not in err
    assert main(["sim", map_path, "--commands", str(tmp_path), "--ticks", "5"]) == 1


@pytest.mark.parametrize("argv", [["--seed", "-1"], ["--seed", "1" + "0" * 30],
                                  ["--seeds", "-3..2"]])
def test_a_negative_or_huge_seed_is_a_clear_message(argv, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["sim", "tests/data/open_field.tmx", "--ticks", "5", *argv])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "seed" in err and "Traceback" not in err


def _replay(tmp_path):
    run = run_headless(ascii_scenario(FIELD), seed=4, ticks=30,
                       commands={2: [COMMANDS.from_dict(GOOD["command"])]})
    path = tmp_path / "run.replay"
    save_replay(run.session, path)
    return path


BAD_HEADERS = {
    "negative seed": {"seed": -1},
    "seed as text": {"seed": "1"},
    "a billion ticks": {"ticks": 10**9},
    "negative ticks": {"ticks": -5},
    "hash too short": {"state_hash": "abc"},
    "hash not hex": {"state_hash": "z" * 32},
    "map not a string": {"map": ["a.tmx"]},
    "map empty": {"map": ""},
    "unknown difficulty": {"difficulty": "nightmare"},
    "extra field": {"comment": "hi"},
    "wrong format": {"format": "danger-close-replay/9"},
}


@pytest.mark.parametrize("what", sorted(BAD_HEADERS))
def test_every_replay_header_field_is_checked(tmp_path, what):
    path = _replay(tmp_path)
    lines = path.read_text().splitlines()
    header = {**json.loads(lines[0]), **BAD_HEADERS[what]}
    path.write_text("\n".join([json.dumps(header), *lines[1:]]) + "\n")
    with pytest.raises(CommandFileError, match=r"run\.replay:1: bad replay header"):
        load_replay(path)


def test_a_good_replay_loads_and_an_order_after_its_end_is_refused(tmp_path):
    path = _replay(tmp_path)
    header, commands = load_replay(path)
    assert header.ticks == 30 and sum(len(v) for v in commands.values()) == 1
    with path.open("a") as out:
        out.write(json.dumps({**GOOD, "tick": 31}) + "\n")
    with pytest.raises(CommandFileError, match="after the end"):
        load_replay(path)


def test_the_replay_command_refuses_a_billion_ticks_at_once(tmp_path, capsys):
    path = _replay(tmp_path)
    lines = path.read_text().splitlines()
    header = {**json.loads(lines[0]), "ticks": 10**9, "map": "tests/data/open_field.tmx"}
    path.write_text("\n".join([json.dumps(header), *lines[1:]]) + "\n")
    assert main(["replay", str(path), "--verify"]) == 1
    assert "ticks" in capsys.readouterr().err


def test_orders_the_checks_let_through_never_crash_the_sim():
    """Whole numbers in range but naming nothing, or far off the map, are the sim's to
    refuse as events (rule 7), never an exception."""
    far, near = 2**31 - 1, -(2**31)
    orders = [
        {"type": "Move", "unit_ids": [1, 999, 0, -4], "x": far, "y": near},
        {"type": "Move", "unit_ids": [], "x": 1, "y": 1, "queue": True},
        {"type": "Stop", "unit_ids": [far]},
        {"type": "Attack", "unit_ids": [1, 2], "target_id": far},
        {"type": "Attack", "unit_ids": [1], "target_id": 1},
        {"type": "AttackGround", "unit_ids": [1], "x": far, "y": far},
        {"type": "Face", "unit_ids": [1], "angle": far},
        {"type": "Follow", "unit_ids": [far, 1], "leader_id": 1},
        {"type": "Gather", "leader_id": near},
        {"type": "Heal", "medic_id": 2, "target_id": far},
        {"type": "Heal", "medic_id": 2, "target_id": 2},
        {"type": "Interact", "unit_id": 3, "x": near, "y": far},
        {"type": "CallStrike", "x": far, "y": near, "confirm_danger_close": True},
        {"type": "CallGunRun", "x0": near, "y0": near, "x1": far, "y1": far,
         "confirm_danger_close": True},
        {"type": "Carry", "unit_id": 1, "target_id": 1},
        {"type": "Carry", "unit_id": 4, "target_id": far},
    ]
    commands = {tick: [COMMANDS.from_dict(o)] for tick, o in enumerate(orders, start=1)}
    run = run_headless(ascii_scenario(FIELD), seed=2, ticks=120, commands=commands)
    assert run.session.world.tick > len(orders)
