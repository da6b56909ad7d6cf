"""The validator: one broken map per message, the output format and the exit code."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from game import MAPS_DIR
from game.tiled.errors import MapError, MapProblem
from game.tiled.schema import project_json
from game.tiled.validate import run, validate_map
from tests.tiled_maps import obj, prop, write_map

WALLED = [  # the right room is sealed off from the left one
    "##########",
    "#....#...#",
    "#....#...#",
    "#....#...#",
    "##########",
]
RAFTER_ROOM = [
    "##########",
    "#...H.RR.#",
    "#....#####",
    "#........#",
    "##########",
]
SPAWN = obj(1, "SquadSpawn", 48, 48, body="<point/>")
EXIT = obj(2, "Extraction", 64, 96, extra=' width="32" height="32"')


def _problems(tmp_path, **kw):
    path = write_map(tmp_path, **kw)
    return path, validate_map(str(path))


def _has(problems, message, object_id=None, severity="error"):
    for p in problems:
        if message in p.message and p.severity == severity and (
                object_id is None or p.object_id == object_id):
            assert object_id is None or f"object {object_id} " in str(p)
            return True
    raise AssertionError(f"{message!r} not in {[str(p) for p in problems]}")


def test_clean_map_has_no_problems(tmp_path):
    _, problems = _problems(tmp_path)
    assert problems == []


@pytest.mark.parametrize("objects, message, oid, severity", [
    ([EXIT], "no SquadSpawn", None, "error"),
    ([SPAWN], "no Extraction", None, "error"),
    ([SPAWN, obj(2, "Extraction", 224, 32, extra=' width="32" height="64"')],
     "extraction Bravo cannot be reached", 2, "error"),
    ([SPAWN, EXIT, obj(3, "Civilian", 208, 48, body="<point/>")],
     "civilian cannot be reached", 3, "error"),
    ([SPAWN, EXIT, obj(3, "Crate", 208, 48, body="<point/>")],
     "crate cannot be reached", 3, "error"),
    ([SPAWN, EXIT, obj(3, "Insurgent", 208, 48, body="<point/>")],
     "insurgent cannot be reached", 3, "warning"),
    ([SPAWN, EXIT, obj(3, "Civilian", 168, 48, body="<point/>")], "inside a wall", 3, "error"),
    ([SPAWN, EXIT, obj(3, "Insurgent", 48, 80, prop("patrol", 4, "object"), body="<point/>"),
      obj(4, "", 48, 80, body='<polyline points="0,0 160,0"/>')],
     "patrol route crosses a wall", 3, "error"),
    ([SPAWN, EXIT, obj(3, "Tank", 48, 80)], 'unknown class "Tank"', 3, "error"),
    ([SPAWN, EXIT, obj(3, "Civilian", 48, 80, prop("hiden", False))],
     'unknown property "hiden"', 3, "error"),
    ([SPAWN, EXIT, obj(3, "Civilian", 48, 80, prop("wounded", 1))],
     'property "wounded" must be bool', 3, "error"),
    ([SPAWN, EXIT, obj(3, "Trigger", 64, 64, extra=' width="32" height="32"')],
     "trigger does nothing", 3, "error"),
    ([SPAWN, EXIT, obj(3, "Trigger", 64, 64, prop("group", "ghosts", "string"),
                       extra=' width="32" height="32"')],
     'nobody has group "ghosts"', 3, "error"),
    ([SPAWN, EXIT, obj(3, "Insurgent", 48, 80, prop("role", "sniper", "string"),
                       body="<point/>")],
     "sniper is not on elevated ground", 3, "warning"),
    ([SPAWN, EXIT, obj(3, "Insurgent", 48, 80, prop("ambush", True) + prop("group", "a", ""),
                       body="<point/>")],
     "never woken", 3, "warning"),
    ([SPAWN, EXIT, obj(3, "Crate", 48, 80, extra=' gid="99" width="32" height="32"')],
     "gid 99, which no tileset holds", 3, "error"),
])
def test_each_validator_message(tmp_path, objects, message, oid, severity):
    _, problems = _problems(tmp_path, rows=WALLED, objects=objects)
    _has(problems, message, oid, severity)


def test_rescue_required_above_civilians_placed(tmp_path):
    _, problems = _problems(tmp_path, map_props=prop("rescue_required", 3))
    _has(problems, "rescue_required is 3 but only 1 civilians")


def test_gid_in_a_layer_that_no_tileset_holds(tmp_path):
    rows = [r.replace("#", "#") for r in WALLED]
    path = write_map(tmp_path, rows=rows, objects=[SPAWN, EXIT])
    text = path.read_text().replace("2,2,2,2,2,2,2,2,2,2", "2,2,2,2,2,2,2,2,2,300", 1)
    path.write_text(text)
    problems = validate_map(str(path))
    assert any("gid 300" in str(p) and p.layer == "Ground" for p in problems)


def test_sniper_on_rafters_reached_by_ladder_is_fine(tmp_path):
    sniper = obj(3, "Insurgent", 208, 48, prop("role", "sniper", "string"), body="<point/>")
    _, problems = _problems(tmp_path, rows=RAFTER_ROOM, objects=[SPAWN, EXIT, sniper])
    assert problems == []


def test_run_prints_marked_lines_and_exit_codes(tmp_path):
    good = write_map(tmp_path / "good")
    bad = write_map(tmp_path / "bad", objects=[SPAWN, obj(3, "Insurgent", 48, 80,
                                                          prop("role", "sniper", "string"))])
    out = io.StringIO()
    assert run([str(good)], out) == 0
    assert out.getvalue().strip() == f"ok: {good}"
    out = io.StringIO()
    assert run([str(good), str(bad)], out) == 1
    lines = out.getvalue().splitlines()
    assert f"error: {bad}: no Extraction zone: nobody can be rescued" in lines
    assert f'warning: {bad}: object 3 "" (48, 80): sniper is not on elevated ground ' \
           "(elevation 0)" in lines


def test_validator_never_raises_on_garbage(tmp_path):
    path = tmp_path / "junk.tmx"
    path.write_bytes(b"\x00\xff garbage")
    problems = validate_map(str(path))
    assert problems and problems[0].is_error and str(path) in str(problems[0])
    assert run([str(tmp_path / "missing.tmx")], io.StringIO()) == 1


def test_problem_formats():
    assert str(MapProblem("m.tmx", "bad", object_id=4, object_name="Hana", x=32, y=40.5)) == \
        'm.tmx: object 4 "Hana" (32, 40.5): bad'
    assert str(MapProblem("m.tmx", "bad", layer="Ground")) == 'm.tmx: layer "Ground": bad'
    assert str(MapProblem("m.tmx", "bad")) == "m.tmx: bad"
    err = MapError([MapProblem("a", "x"), MapProblem("b", "y")])
    assert str(err) == "a: x\nb: y" and len(err.problems) == 2


def test_project_file_matches_the_schema_and_templates_parse():
    shipped = json.loads((MAPS_DIR / "danger-close.tiled-project").read_text())
    assert shipped == project_json()
    assert shipped["folders"] == ["."]
    import xml.etree.ElementTree as ET
    classes = set()
    for tx in sorted((MAPS_DIR / "templates").glob("*.tx")):
        node = ET.parse(tx).getroot().find("object")
        classes.add(node.get("type"))
    assert classes == {"SquadSpawn", "Civilian", "Insurgent", "Trigger", "Extraction", "Crate"}


def test_templates_place_valid_objects(tmp_path):
    import shutil
    shutil.copytree(MAPS_DIR / "templates", tmp_path / "templates")
    objects = [
        '<object id="1" template="templates/squad_spawn.tx" x="48" y="48"/>',
        '<object id="2" template="templates/extraction.tx" x="192" y="32"/>',
        '<object id="3" template="templates/civilian.tx" x="80" y="80"/>',
        '<object id="4" template="templates/insurgent.tx" x="144" y="80"/>',
        '<object id="5" template="templates/crate.tx" x="112" y="80"/>',
        '<object id="6" template="templates/trigger.tx" x="32" y="32"><properties>'
        '<property name="group" value="g"/></properties></object>',
        '<object id="7" template="templates/insurgent.tx" x="160" y="48"><properties>'
        '<property name="group" value="g"/></properties></object>',
    ]
    path = write_map(tmp_path, objects=objects)
    problems = validate_map(str(path))
    assert [str(p) for p in problems] == []


@pytest.mark.skipif(not (MAPS_DIR / "granary.tmx").exists(), reason="granary not generated")
def test_shipped_maps_validate():
    for path in sorted(Path(MAPS_DIR).glob("*.tmx")):
        errors = [p for p in validate_map(str(path)) if p.is_error]
        assert errors == [], [str(p) for p in errors]
