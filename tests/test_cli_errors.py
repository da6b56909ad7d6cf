"""The command line as a map maker or a script meets it (issue 12): Tiled JSON files are
read as maps (issue 17), every command reports errors in one format (and as
a JSON object with --json), and a closed pipe ends a command quietly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game import ROOT
from game.cli import main
from tests.tiled_maps import basic_objects, write_map

DATA = Path(__file__).parent / "data"
NOT_JSON = "not a Tiled JSON map: the file does not start with '{'"


def _json_map(folder: Path, name: str = "mine.tmj") -> Path:
    path = folder / name
    path.write_text(json.dumps({"type": "map", "orientation": "orthogonal", "width": 4,
                                "height": 4, "tilewidth": 32, "tileheight": 32,
                                "layers": [], "tilesets": []}, indent=1), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["mine.tmj", "mine.json", "renamed.tmx"])
def test_a_tiled_json_map_is_read_by_validate_and_sim(tmp_path, capsys, name):
    """Read as a map (whatever its name says), so its problems are the map's own."""
    path = _json_map(tmp_path, name)
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"error: {path}: no SquadSpawn object" in out and "malformed XML" not in out
    assert main(["sim", str(path)]) == 1
    assert f"error: {path}: no SquadSpawn object" in capsys.readouterr().err


def test_a_tmj_file_that_is_not_json_says_what_it_should_hold(tmp_path, capsys):
    path = tmp_path / "mine.tmj"
    path.write_text("[1, 2, 3]", encoding="utf-8")
    assert main(["play", str(path), "--frames", "1"]) == 1
    err = capsys.readouterr().err
    assert f"error: {path}: {NOT_JSON}" in err and "malformed XML" not in err


def test_a_json_tileset_or_template_in_a_tmx_map_is_read_and_checked(tmp_path):
    from game.tiled.validate import validate_map

    (tmp_path / "terrain.tsj").write_text('{"type": "tileset", "name": "t"}')
    path = write_map(tmp_path / "a", tileset='<tileset firstgid="1" source="../terrain.tsj"/>')
    [problem] = validate_map(str(path))
    assert problem.file == str(tmp_path / "terrain.tsj")
    assert problem.message == "missing attribute 'tilewidth' on <tileset>"
    (tmp_path / "guard.tj").write_text('{"type": "template"}')  # no object
    guard = '<object id="9" template="../guard.tj" x="80" y="80"/>'
    path = write_map(tmp_path / "b", objects=[*basic_objects(), guard])
    [problem] = validate_map(str(path))
    assert problem.message == "not a Tiled object template"
    (tmp_path / "guard.tj").write_text('{"type": "template", "object": {"type": "Insurgent",'
                                       ' "point": true}}')
    assert [p for p in validate_map(str(path)) if p.is_error] == []


def test_sim_json_prints_an_error_object_on_a_broken_map(tmp_path, capsys):
    bad = write_map(tmp_path, objects=basic_objects()[1:])  # no SquadSpawn
    assert main(["sim", str(bad), "--json"]) == 1
    captured = capsys.readouterr()
    error = json.loads(captured.out)["error"]
    assert error["file"] == str(bad) and "no SquadSpawn" in error["message"]
    assert error["problems"][0]["severity"] == "error"
    assert captured.err.startswith(f"error: {bad}: no SquadSpawn")


def test_sim_error_lines_list_every_error_in_the_validate_format(tmp_path, capsys):
    bad = write_map(tmp_path, objects=[*basic_objects(),
                                       '<object id="7" type="Tank" x="80" y="80"/>',
                                       '<object id="8" type="Robot" x="80" y="80"/>'])
    assert main(["sim", str(bad)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [f'error: {bad}: object 7 "" (80, 80): unknown class "Tank" (known: '
                   "SquadSpawn, Civilian, Insurgent, Trigger, Extraction, Crate)",
                   f'error: {bad}: object 8 "" (80, 80): unknown class "Robot" (known: '
                   "SquadSpawn, Civilian, Insurgent, Trigger, Extraction, Crate)"]


def test_missing_map_and_bad_commands_file_use_the_same_format(tmp_path, capsys):
    missing = tmp_path / "nowhere.tmx"
    assert main(["sim", str(missing), "--json"]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(f"error: {missing}: ")
    assert json.loads(captured.out)["error"]["file"] == str(missing)
    commands = tmp_path / "orders.jsonl"
    commands.write_text('{"tick": 1}\n')
    assert main(["sim", str(DATA / "open_field.tmx"), "--commands", str(commands),
                 "--json"]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(f"error: {commands}: not a usable commands file: line 1:")
    assert json.loads(captured.out)["error"]["file"] == str(commands)


def test_replay_errors_are_lines_and_a_json_object(tmp_path, capsys):
    replay = tmp_path / "run.replay"
    replay.write_text("not json\n")
    assert main(["replay", str(replay)]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(f"error: {replay}: not a usable replay: line 1: ")
    assert json.loads(captured.out)["error"]["file"] == str(replay)


def test_validate_json_lists_each_problem_with_its_place(tmp_path, capsys):
    bad = write_map(tmp_path, objects=[*basic_objects(),
                                       '<object id="7" type="Tank" x="80" y="100"/>'])
    good = DATA / "open_field.tmx"
    assert main(["validate", "--json", str(good), str(bad)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False and [m["ok"] for m in report["maps"]] == [True, False]
    [problem] = report["maps"][1]["problems"]
    assert problem == {"file": str(bad), "severity": "error", "object_id": 7,
                       "object_name": "", "x": 80.0, "y": 100.0, "tile": [2, 3],
                       "layer": None, "message": problem["message"]}
    assert report["error"] == {"file": str(bad), "message": problem["message"]}
    assert main(["validate", "--json", str(good)]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "ok": True, "maps": [{"file": str(good), "ok": True, "errors": 0, "warnings": 0,
                              "problems": []}]}


@pytest.mark.parametrize("args", [
    ["sim", "tests/data/open_field.tmx", "--seeds", "1..3", "--ticks", "5"],
    ["sim", "tests/data/open_field.tmx", "--ticks", "5", "--json"],
    ["validate", "tests/data/open_field.tmx"],
])
def test_a_closed_pipe_ends_the_command_quietly(args):
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader (`head`) has gone before the first line
    try:
        proc = subprocess.run([sys.executable, "-m", "game", *args], cwd=ROOT,
                              stdout=write_end, stderr=subprocess.PIPE, timeout=120,
                              env={**os.environ, "SDL_VIDEODRIVER": "dummy"})
    finally:
        os.close(write_end)
    assert proc.stderr.decode() == ""
    assert proc.returncode == 1


def test_play_prints_every_error_in_the_same_format(tmp_path, capsys):
    bad = write_map(tmp_path, objects=[*basic_objects(),
                                       '<object id="7" type="Tank" x="80" y="80"/>',
                                       '<object id="8" type="Robot" x="80" y="80"/>'])
    assert main(["play", str(bad), "--frames", "1"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and all(line.startswith(f"error: {bad}: object ") for line in err)


def test_a_json_error_into_a_closed_pipe_is_quiet_too():
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run([sys.executable, "-m", "game", "sim", "nowhere.tmx", "--json"],
                              cwd=ROOT, stdout=write_end, stderr=subprocess.PIPE, timeout=120)
    finally:
        os.close(write_end)
    [line] = proc.stderr.decode().splitlines()  # the error line, and no traceback
    assert line.startswith("error: nowhere.tmx: ")
    assert proc.returncode == 1
