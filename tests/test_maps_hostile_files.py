"""Hostile map files (issue 11, maps): each fault class the fuzzer found is refused with a
one-line message naming the file, never a traceback, a hang or a crash of the game."""

from __future__ import annotations

import base64
import gzip
import io
import json
import os
import struct
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from game.sim.geometry import tile_of
from game.tiled import MapError, load_scenario
from game.tiled.loader import MAX_UNITS
from game.tiled.properties import MAX_TEXT_CHARS
from game.tiled.schema import project_json
from game.tiled.validate import run, validate_map
from tests.tiled_maps import (
    FIXTURES,
    OPEN_ROOM,
    basic_objects,
    gids_of,
    obj,
    prop,
    write_map,
)

W, H = len(OPEN_ROOM[0]), len(OPEN_ROOM)
RULES_TSX = (FIXTURES / "rules.tsx").read_text(encoding="utf-8")


def _refused(path, *messages: str, file=None) -> str:
    """The map is refused by the game and the validator alike, each line naming the file."""
    with pytest.raises(MapError) as info:
        load_scenario(path)
    text = str(info.value)
    for message in messages:
        assert message in text, text
    problems = validate_map(str(path))
    errors = [p for p in problems if p.is_error]
    assert errors, problems
    for p in problems:
        line = str(p)
        assert "internal error" not in line, line
        assert "\n" not in line and line.startswith(f"{file or path}: "), line
    return text


def _embedded(image: str, extra: str = "") -> str:
    return ('<tileset firstgid="1" name="rules" tilewidth="32" tileheight="32" tilecount="8" '
            f'columns="4"{extra}><image source="{image}" width="128" height="64"/></tileset>')


def _write_tsx(folder: Path, text: str, name: str = "rules.tsx") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "rules.png").write_bytes((FIXTURES / "rules.png").read_bytes())
    (folder / name).write_text(text, encoding="utf-8")


# --- tileset images: only regular files, capped, under the map's folder or the assets

def test_tileset_image_that_is_a_fifo_is_refused_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.png")
    _refused(write_map(tmp_path, tileset=_embedded("pipe.png")), "not a regular file")


def test_tileset_image_in_a_symlink_loop_is_refused(tmp_path):
    os.symlink("b.png", tmp_path / "a.png")
    os.symlink("a.png", tmp_path / "b.png")
    _refused(write_map(tmp_path, tileset=_embedded("a.png")), "symbolic links")


def test_tileset_image_outside_the_map_folder_and_assets_is_refused(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "x.png").write_bytes((FIXTURES / "rules.png").read_bytes())
    path = write_map(tmp_path / "maps", tileset=_embedded("../elsewhere/x.png"))
    _refused(path, "is outside the map's folder")
    # a tileset in a sibling folder may use an image beside it (a map pack's layout),
    # not one elsewhere
    _write_tsx(tmp_path / "assets", RULES_TSX)
    path = write_map(tmp_path / "maps", tileset='<tileset firstgid="1" '
                     'source="../assets/rules.tsx"/>', name="packed.tmx")
    assert load_scenario(path).art.tilesets[0].image_path.endswith("assets/rules.png")
    _write_tsx(tmp_path / "assets", RULES_TSX.replace('"rules.png"', '"../elsewhere/x.png"'))
    _refused(path, "is outside the map's folder", file=tmp_path / "assets" / "rules.tsx")


def test_renderer_never_hands_pygame_a_fifo_or_a_png_claiming_gigapixels(tmp_path):
    # In a child process: before the fix pygame blocked on the FIFO for ever.
    os.mkfifo(tmp_path / "pipe.png")
    huge = tmp_path / "huge.png"
    huge.write_bytes(b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR"
                     + struct.pack(">II", 100000, 100000) + bytes(20))
    code = ("import sys; from game.render.tileset import _load_image\n"
            "print(_load_image(sys.argv[1]), _load_image(sys.argv[2]))")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "pipe.png"), str(huge)],
                          capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).parent.parent)
    assert done.stdout.split()[-2:] == ["None", "None"], done
    assert "not a regular file" in done.stderr and "100000x100000" in done.stderr


def test_tile_names_come_from_the_checked_tileset_not_any_tsx_beside_the_image(tmp_path):
    from game.render.tileset import TileAtlas

    path = write_map(tmp_path)
    (tmp_path / "aaa.tsx").write_text('<tileset name="e"><image source="rules.png"/>'
                                      '<tile id="x"/></tileset>')
    atlas = TileAtlas(load_scenario(path).art)  # used to raise ValueError on id="x"
    assert atlas.names  # the names of rules.tsx's tiles


# --- the project file: only beside the map or the game's own, checked like a map

def _project(tmp_path: Path, change) -> Path:
    data = project_json()
    change(data)
    path = tmp_path / "mod.tiled-project"
    path.write_text(json.dumps(data) if not isinstance(data, str) else data)
    return path


def _entry(data: dict, name: str) -> dict:
    return next(t for t in data["propertyTypes"] if t["name"] == name)


def test_a_project_in_a_parent_folder_is_ignored(tmp_path):
    (tmp_path / "stray.tiled-project").write_text("{{{ not json")
    assert load_scenario(write_map(tmp_path / "maps" / "deeper")).insurgents


def test_project_enum_value_the_game_does_not_know_is_refused(tmp_path):
    project = _project(tmp_path, lambda d: _entry(d, "InsurgentRole")["values"].append("wizard"))
    objects = basic_objects()[:3] + [obj(4, "Insurgent", 176, 48, prop("role", "wizard"),
                                         body="<point/>")]
    path = write_map(tmp_path, objects=objects)
    text = _refused(path, "wizard", str(project), file=project)
    assert "does not know" in text  # never KeyError in world.add_unit


def test_project_default_outside_its_enum_is_refused(tmp_path):
    def change(d):
        role = next(m for m in _entry(d, "Insurgent")["members"] if m["name"] == "role")
        role["value"] = "wizard"
    project = _project(tmp_path, change)
    _refused(write_map(tmp_path), "member role: default 'wizard' is not in InsurgentRole",
             file=project)


@pytest.mark.parametrize("change, message", [
    (lambda d: _entry(d, "Insurgent").update(members=[["role"]]), "a member is not an object"),
    (lambda d: _entry(d, "Insurgent").update(members=[{"name": ["role"], "value": 1}]),
     "a member is not an object with a text name"),
    (lambda d: _entry(d, "Insurgent").update(members="role"), "members must be a list"),
    (lambda d: d["propertyTypes"].append({"name": ["x"]}), "is not a type with a name"),
    (lambda d: _entry(d, "CivilianKind").update(values=[1, 2]), "values must be a list of text"),
    (lambda d: next(m for m in _entry(d, "Insurgent")["members"]
                    if m["name"] == "facing").update(value="ninety"), "default must be int"),
])
def test_project_structure_is_checked(tmp_path, change, message):
    project = _project(tmp_path, change)
    _refused(write_map(tmp_path), message, file=project)


def test_project_nested_deep_or_a_fifo_is_refused(tmp_path):
    project = tmp_path / "mod.tiled-project"
    project.write_text('{"propertyTypes": []' + ', "x": ' + "[" * 100_000 + "]" * 100_000 + "}")
    _refused(write_map(tmp_path), "nested more than", file=project)
    project.unlink()
    os.mkfifo(project)
    _refused(write_map(tmp_path), "not a regular file", file=project)


# --- the validator's output: one problem, one line

def test_newlines_from_the_file_cannot_forge_a_validator_line(tmp_path):
    props = '<property name="x&#10;error: forged" value="1"/>'
    objects = basic_objects() + ['<object id="9" name="a&#13;&#10;error: b" type="Nope" '
                                 'x="48" y="48"><point/></object>']
    path = write_map(tmp_path, map_props=props, objects=objects)
    out = io.StringIO()
    run([str(path)], out)
    lines = out.getvalue().splitlines()
    assert len(lines) >= 2
    assert all(line.startswith(("error: " + str(path), "warning: " + str(path)))
               for line in lines), lines
    assert not any(line.startswith("error: forged") or line.startswith("error: b")
                   for line in lines)


# --- numbers: coordinates, ids, gids, CSV cells

@pytest.mark.parametrize("attrs, message", [
    ('x="1e308"', "is out of range"),
    ('x="inf"', "is not a number"),
    ('y="nan"', "is not a number"),
    ('x="48" width="1e308" height="32"', "is out of range"),
    ('gid="-5"', "gid='-5' is not a whole number"),
    ('gid="4294967296"', "is not a whole number"),
    ('gid="abc"', "is not a whole number"),
])
def test_hostile_object_numbers_are_refused(tmp_path, attrs, message):
    if "x=" not in attrs:
        attrs = 'x="48" ' + attrs
    if "y=" not in attrs:
        attrs += ' y="48"'
    objects = basic_objects() + [f'<object id="9" type="Crate" {attrs}/>']
    _refused(write_map(tmp_path, objects=objects), message)


def test_hostile_polyline_coordinates_are_refused(tmp_path):
    objects = basic_objects() + ['<object id="9" x="48" y="48"><polyline points="0,0 1e308,0"/>'
                                 "</object>"]
    _refused(write_map(tmp_path, objects=objects), "bad polyline point")


def test_a_point_on_the_far_edge_stays_on_the_grid(tmp_path):
    from game.headless import run_headless

    rows = ["...."] * 4
    w = 4 * 32
    objects = [obj(1, "SquadSpawn", 16, 16, body="<point/>"),
               obj(2, "Extraction", 0, 96, extra=' width="32" height="32"'),
               obj(3, "Insurgent", w - 0.03, w - 0.001, body="<point/>"),
               obj(4, "Civilian", w - 0.02, 40, body="<point/>")]
    scen = load_scenario(write_map(tmp_path, rows=rows, objects=objects))
    for unit in (*scen.insurgents, *scen.civilians):
        assert tile_of(unit.x) == 3 and 0 <= tile_of(unit.y) <= 3, unit
    run_headless(scen, seed=1, ticks=60)  # vision used to index past the grid


def test_vision_never_indexes_off_the_grid():
    from game.sim.vision import seen_now_at
    from game.sim.world import new_world
    from tests.test_frontend import walled_field

    world = new_world(walled_field(), seed=1)
    h, w = world.seen_now.shape
    world.seen_now[:] = True
    assert seen_now_at(world, 0, 0)
    assert not seen_now_at(world, w, 0) and not seen_now_at(world, -1, 0)
    assert not seen_now_at(world, 0, h) and not seen_now_at(world, 0, -1)


def test_duplicate_object_ids_are_an_error_not_a_crash(tmp_path):
    objects = basic_objects() + [obj(4, "SquadSpawn", 48, 48, body="<point/>"),
                                 obj(2, "Civilian", 144, 80, body="<point/>")]
    text = _refused(write_map(tmp_path, objects=objects), "object id 4 is used by another")
    assert "object id 2 is used by another" in text


@pytest.mark.parametrize("cell", ["4 4", "0" * 5000 + "1", "12345678901", "-5", "1e3"])
def test_hostile_csv_cells_are_refused(tmp_path, cell):
    gids = [str(g) for g in gids_of(OPEN_ROOM)]
    gids[11] = cell
    layer = (f'<layer id="1" name="Ground" width="{W}" height="{H}"><data encoding="csv">'
             + ",".join(gids) + "</data></layer>")
    _refused(write_map(tmp_path, layers=[layer]), "CSV layer")


@pytest.mark.parametrize("gid, firstgid, message", [
    ("abc", "1", "gid='abc' is not a whole number"),
    ("-5", "1", "is not a whole number"),
    ("2", "x", "firstgid='x' is not a whole number"),
    ("2", "5", "is not in its tileset"),
])
def test_hostile_template_gids_are_refused(tmp_path, gid, firstgid, message):
    _write_tsx(tmp_path, RULES_TSX)
    (tmp_path / "t.tx").write_text(
        f'<template><tileset firstgid="{firstgid}" source="rules.tsx"/>'
        f'<object type="Crate" gid="{gid}" width="32" height="32"/></template>')
    objects = basic_objects() + ['<object id="9" template="t.tx" x="48" y="80"/>']
    _refused(write_map(tmp_path, objects=objects), message, file=tmp_path / "t.tx")


@pytest.mark.parametrize("tile, message", [
    ('<tile id="x"/>', "id='x' is not a whole number"),
    ('<tile id="-3"/>', "tile id -3 outside"),
    ('<tile id="1"><animation><frame tileid="-5" duration="100"/></animation></tile>',
     "animation frame tileid -5"),
    ('<tile id="1"><animation><frame tileid="99999" duration="100"/></animation></tile>',
     "animation frame tileid 99999"),
])
def test_hostile_tile_ids_are_refused(tmp_path, tile, message):
    tsx = RULES_TSX.replace("</tileset>", tile + "</tileset>")
    _write_tsx(tmp_path, tsx)
    _refused(write_map(tmp_path), message, file=tmp_path / "rules.tsx")


# --- files: loops, long names; layers: gzip members; tilesets: sizes

def test_tileset_source_in_a_symlink_loop_is_refused(tmp_path):
    path = write_map(tmp_path, tileset='<tileset firstgid="1" source="loop.tsx"/>')
    os.symlink("loop2.tsx", tmp_path / "loop.tsx")
    os.symlink("loop.tsx", tmp_path / "loop2.tsx")
    _refused(path, "too many levels of symbolic links", file=tmp_path / "loop.tsx")


def test_file_names_too_long_are_refused(tmp_path):
    long = "L" * 300
    path = write_map(tmp_path, tileset=f'<tileset firstgid="1" source="{long}.tsx"/>')
    _refused(path, "not found")
    objects = basic_objects() + [f'<object id="9" template="{long}.tx" x="48" y="48"/>']
    _refused(write_map(tmp_path, objects=objects), "not found")
    missing = tmp_path / f"{long}.tmx"
    with pytest.raises(MapError, match="file name too long"):
        load_scenario(missing)
    assert "file name too long" in str(validate_map(str(missing))[0])


def test_gzip_layer_with_two_members_is_refused(tmp_path):
    raw = struct.pack(f"<{W * H}I", *gids_of(OPEN_ROOM))
    packed = gzip.compress(raw) + gzip.compress(bytes(64 << 20))
    layer = (f'<layer id="1" name="G" width="{W}" height="{H}"><data encoding="base64" '
             f'compression="gzip">{base64.b64encode(packed).decode()}</data></layer>')
    tracemalloc.start()
    try:
        _refused(write_map(tmp_path, layers=[layer]), "goes on past its end")
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert peak < 64 * 1024 * 1024, peak  # pytmx used to inflate every member


def test_negative_tileset_spacing_is_refused(tmp_path):
    tsx = ('<tileset firstgid="1" name="s" tilewidth="32" tileheight="32" spacing="-31">'
           '<image source="rules.png" width="16384" height="16384"/></tileset>')
    _refused(write_map(tmp_path, tileset=tsx), "spacing -31")


@pytest.mark.parametrize("count, message", [(20, "tiles in all"), (200, "the limit is 64")])
def test_many_huge_embedded_tilesets_are_refused_before_any_work(tmp_path, count, message):
    sets = "".join(
        f'<tileset firstgid="{1 + i * 70000}" name="t{i}" tilewidth="32" tileheight="32" '
        'tilecount="65536" columns="256"><image source="rules.png" width="8192" '
        f'height="8192"/></tileset>' for i in range(count))
    tracemalloc.start()
    try:
        _refused(write_map(tmp_path, tileset=sets), message)
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert peak < 64 * 1024 * 1024, peak


def test_deeply_nested_map_is_refused(tmp_path):
    path = write_map(tmp_path)
    text = path.read_text().replace("</map>", "<group>" * 100_000 + "</group>" * 100_000
                                    + "</map>")
    path.write_text(text)
    _refused(path, "nested more than")


def test_too_many_units_are_refused_with_the_cap(tmp_path):
    rows = ["." * 40] * 20
    objects = [obj(1, "SquadSpawn", 16, 16, body="<point/>"),
               obj(2, "Extraction", 0, 32, extra=' width="32" height="32"')]
    objects += [obj(10 + i, "Insurgent", 48 + (i % 36) * 32, 48 + (i // 36) * 32,
                    body="<point/>") for i in range(MAX_UNITS + 1)]
    text = _refused(write_map(tmp_path, rows=rows, objects=objects),
                    f"the game can simulate at most {MAX_UNITS}")
    assert f"{MAX_UNITS + 1} civilians and insurgents" in text


def test_a_huge_briefing_is_refused(tmp_path):
    props = f'<property name="briefing" value="{"words " * (MAX_TEXT_CHARS // 5)}"/>'
    _refused(write_map(tmp_path, map_props=props), f"the limit is {MAX_TEXT_CHARS}")


def test_briefing_is_wrapped_once_not_every_frame(monkeypatch):
    import pygame

    import game.ui.briefing as briefing
    import game.ui.widgets as widgets
    from game import MAPS_DIR
    from game.app import App
    from game.progress import Mission
    from game.ui.profile import prepare

    app = App()
    prepare(app.ctx, audio=False)
    try:
        screen = briefing.BriefingScreen(app.ctx, Mission("granary", MAPS_DIR / "granary.tmx", "G"))
        words = screen.scenario.rules.briefing
        calls: list[str] = []

        def counting(real):
            return lambda text, *a, **k: (calls.append(text), real(text, *a, **k))[1]

        monkeypatch.setattr(briefing, "wrap", counting(briefing.wrap))
        monkeypatch.setattr(widgets, "wrap", counting(widgets.wrap))
        screen.draw(app.surface, 0.0)
        first = sum(words[-40:] in c for c in calls)
        calls.clear()
        screen.draw(app.surface, 0.0)
        assert first >= 1
        assert not any(words[-40:] in c for c in calls)  # the second frame wraps nothing
    finally:
        pygame.display.quit()
