"""The Tiled loader: encodings, templates, class defaults, layers, flips, positions."""

from __future__ import annotations

import json

import numpy as np
import pytest

from game.sim.geometry import px_to_sub
from game.sim.terrain import COVER_HIGH, COVER_LOW
from game.tiled import MapError, load_scenario, read_map
from game.tiled.schema import project_json
from tests.tiled_maps import (
    BEAM,
    FLOOR,
    OPEN_ROOM,
    RAFTERS,
    WALL,
    basic_objects,
    gids_of,
    obj,
    prop,
    tile_layer,
    write_map,
)

W, H = len(OPEN_ROOM[0]), len(OPEN_ROOM)


def _spawns(s):
    return (s.squad, s.civilians, s.insurgents, s.extractions, s.triggers, s.crates)


def test_every_encoding_loads_the_same_scenario(tmp_path):
    loaded = [load_scenario(write_map(tmp_path / enc, encoding=enc))
              for enc in ("csv", "base64", "zlib", "gzip")]
    first = loaded[0]
    assert first.terrain.walkable.sum() == 8 * 3
    for s in loaded[1:]:
        for grid in ("walkable", "opaque", "cover", "elevation", "door", "locked"):
            assert np.array_equal(getattr(s.terrain, grid), getattr(first.terrain, grid))
        assert _spawns(s) == _spawns(first)
        assert np.array_equal(s.art.layers[0].gids, first.art.layers[0].gids)


def test_positions_are_sub_units_point_rect_and_tile_centres(tmp_path):
    objects = [
        obj(1, "SquadSpawn", 48, 48, body="<point/>"),
        obj(2, "Extraction", 224, 32, extra=' width="32" height="64"'),
        obj(3, "Civilian", 64, 64, extra=' width="32" height="32"'),  # rectangle: centre
        obj(4, "Crate", 96, 64, extra=f' gid="{FLOOR}" width="32" height="32"'),  # tile object
    ]
    s = load_scenario(write_map(tmp_path, objects=objects))
    assert (s.squad[0].x, s.squad[0].y) == (px_to_sub(48), px_to_sub(48))
    assert (s.civilians[0].x, s.civilians[0].y) == (px_to_sub(80), px_to_sub(80))
    # a tile object is anchored at its bottom-left corner
    assert (s.crates[0].x, s.crates[0].y) == (px_to_sub(112), px_to_sub(48))
    assert s.extractions[0].rect == (px_to_sub(224), px_to_sub(32), px_to_sub(256),
                                     px_to_sub(96))
    assert s.civilians[0].source.object_id == 3


def test_class_attribute_of_tiled_19_is_read_like_type(tmp_path):
    objects = basic_objects() + [obj(7, "Crate", 80, 80, attr="class", body="<point/>")]
    s = load_scenario(write_map(tmp_path, objects=objects))
    assert len(s.crates) == 1 and s.crates[0].kind == "vaccine" and s.crates[0].required


def test_class_defaults_apply_from_builtin_table(tmp_path):
    s = load_scenario(write_map(tmp_path))
    civ, ins = s.civilians[0], s.insurgents[0]
    assert (civ.kind, civ.hidden, civ.wounded) == ("child", True, False)
    assert (ins.role, ins.facing, ins.ambush) == ("rifleman", 90, False)
    assert s.extractions[0].name == "Bravo"


def test_class_defaults_come_from_project_file_next_to_the_map(tmp_path):
    project = project_json()
    for entry in project["propertyTypes"]:
        if entry["name"] == "Insurgent":
            for m in entry["members"]:
                if m["name"] == "facing":
                    m["value"] = 180
    (tmp_path / "mod.tiled-project").write_text(json.dumps(project))
    s = load_scenario(write_map(tmp_path))  # the project beside the map
    assert s.insurgents[0].facing == 180
    s = load_scenario(write_map(tmp_path / "maps"))  # never one in a parent folder
    assert s.insurgents[0].facing == 90


def test_templated_object_gets_class_size_and_properties(tmp_path):
    (tmp_path / "templates").mkdir(parents=True)
    (tmp_path / "templates" / "zone.tx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><template>'
        '<object name="Ambush zone" type="Trigger" width="64" height="32"><properties>'
        + prop("group", "north", "string") + prop("radio", "Contact north!", "string")
        + prop("once", False) + "</properties></object></template>")
    (tmp_path / "templates" / "sniper.tx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><template><object type="Insurgent">'
        "<properties>" + prop("role", "sniper", "string") + prop("group", "north", "string")
        + "</properties><point/></object></template>")
    objects = basic_objects() + [
        '<object id="8" template="templates/zone.tx" x="64" y="64"/>',
        '<object id="9" template="templates/sniper.tx" x="112" y="80"><properties>'
        + prop("facing", 45) + "</properties></object>",
    ]
    s = load_scenario(write_map(tmp_path, objects=objects))
    trig = s.triggers[0]
    assert trig.rect == (px_to_sub(64), px_to_sub(64), px_to_sub(128), px_to_sub(96))
    assert (trig.group, trig.radio, trig.once) == ("north", "Contact north!", False)
    sniper = [i for i in s.insurgents if i.source.object_id == 9][0]
    assert (sniper.role, sniper.group, sniper.facing) == ("sniper", "north", 45)
    assert (sniper.x, sniper.y) == (px_to_sub(112), px_to_sub(80))  # a point, not a box


def test_rule_combination_above_layers_and_hidden_layers(tmp_path):
    ground = tile_layer("Ground", OPEN_ROOM, W, H)
    upper = [0] * (W * H)
    upper[1 * W + 2] = RAFTERS  # elevation 2 over floor
    upper[2 * W + 3] = WALL  # wall over floor: not walkable, opaque
    roof = [BEAM if i < W * H // 2 else 0 for i in range(W * H)]
    roof[2 * W + 4] = WALL  # a wall in a roof layer does not count
    hidden = [WALL] * (W * H)
    layers = [ground, tile_layer("Upper", upper, W, H),
              tile_layer("Roof", roof, W, H),
              tile_layer("Beams", roof, W, H, props="<properties>" + prop("above", True)
                         + "</properties>"),
              '<group id="7" name="Draft" visible="0" offsetx="16" offsety="8">'
              + tile_layer("Scratch", hidden, W, H) + "</group>"]
    s = load_scenario(write_map(tmp_path, layers=layers))
    t = s.terrain
    assert t.elevation[1, 2] == 2 and t.walkable[1, 2]
    assert not t.walkable[2, 3] and t.opaque[2, 3] and t.cover[2, 3] == COVER_HIGH
    assert t.walkable[2, 4]
    names = [la.name for la in s.art.layers]
    assert names == ["Ground", "Upper", "Roof", "Beams", "Scratch"]  # file order kept
    above = {la.name: la.above_units for la in s.art.layers}
    assert above == {"Ground": False, "Upper": False, "Roof": True, "Beams": True,
                     "Scratch": False}
    scratch = s.art.layers[-1]
    assert not scratch.visible and scratch.offset_px == (16.0, 8.0)


def test_flip_bits_are_stripped_before_rules(tmp_path):
    flipped = gids_of(OPEN_ROOM)
    flipped[0] = WALL | 0x80000000  # horizontal
    flipped[1] = WALL | 0x40000000 | 0x20000000  # vertical + diagonal
    rows2 = list(OPEN_ROOM)
    rows2[3] = "#....l...#"
    layer = tile_layer("Ground", flipped, W, H, encoding="base64")
    s = load_scenario(write_map(tmp_path, layers=[layer, tile_layer("Low", rows2, W, H)]))
    art = s.art.layers[0]
    assert art.gids[0, 0] == WALL and art.gids[0, 1] == WALL
    assert art.flips[0, 0] == 1 and art.flips[0, 1] == 6
    assert s.terrain.opaque[0, 0] and not s.terrain.walkable[0, 1]
    assert s.terrain.cover[3, 5] == COVER_LOW and not s.terrain.walkable[3, 5]


def test_patrol_reference_becomes_waypoints(tmp_path):
    objects = basic_objects()[:3] + [
        obj(4, "Insurgent", 176, 48, prop("patrol", 6, "object"), body="<point/>"),
        obj(6, "PatrolRoute", 48, 80, body='<polyline points="0,0 128,0 128,-32"/>'),
    ]
    s = load_scenario(write_map(tmp_path, objects=objects))
    assert s.insurgents[0].patrol == ((384, 640), (1408, 640), (1408, 384))


def test_map_properties_become_mission_rules(tmp_path):
    props = (prop("title", "Mavrah", "string") + prop("rescue_required", 1)
             + prop("air_strikes", 2) + prop("time_limit", 600)
             + prop("insurgents_target_civilians", True))
    s = load_scenario(write_map(tmp_path, map_props=props))
    r = s.rules
    assert (r.title, r.rescue_required, r.air_strikes, r.time_limit_s) == ("Mavrah", 1, 2, 600)
    assert r.insurgents_target_civilians


def test_embedded_tileset_and_missing_image_is_a_warning(tmp_path):
    tsx = (tmp_path / "x").mkdir() or None
    del tsx
    from tests.tiled_maps import FIXTURES
    text = (FIXTURES / "rules.tsx").read_text().split("\n", 1)[1]
    embedded = text.replace('<tileset version="1.10" name="rules"', '<tileset firstgid="1" '
                            'name="rules"').replace("rules.png", "nowhere.png")
    result = read_map(write_map(tmp_path / "x", tileset=embedded))
    assert result.scenario is not None and not result.errors
    assert any("nowhere.png" in str(p) and not p.is_error for p in result.problems)
    assert result.scenario.terrain.walkable.sum() == 24


@pytest.mark.parametrize("bad, message", [
    (obj(7, "Robot", 80, 80), 'unknown class "Robot"'),
    (obj(7, "Civilian", 40, 8, body="<point/>"), "inside a wall"),
    (obj(7, "Civilian", 4000, 80, body="<point/>"), "off the map"),
    (obj(7, "Insurgent", 80, 80, prop("facing", "east", "string")), 'property "facing" must be'),
    (obj(7, "Insurgent", 80, 80, prop("role", "pilot", "string")), '"pilot"; expected one of'),
    (obj(7, "Civilian", 80, 80, prop("hidden", "maybe", "bool")), 'property "hidden" must be'),
])
def test_loader_errors_name_file_object_and_position(tmp_path, bad, message):
    path = write_map(tmp_path, objects=basic_objects() + [bad])
    with pytest.raises(MapError) as info:
        load_scenario(path)
    text = str(info.value)
    assert message in text and "object 7" in text and str(path) in text


def test_gid_outside_every_tileset_is_an_error(tmp_path):
    gids = gids_of(OPEN_ROOM)
    gids[12] = 77
    with pytest.raises(MapError) as info:
        load_scenario(write_map(tmp_path, layers=[tile_layer("Ground", gids, W, H)]))
    assert 'layer "Ground"' in str(info.value) and "gid 77" in str(info.value)


def test_property_values_are_never_evaluated(tmp_path):
    evil = "__import__('os').system('touch pwned')"
    objects = basic_objects() + [obj(7, "Trigger", 64, 64, prop("radio", evil, "string")
                                     + prop("group", "x", "string"),
                                     extra=' width="32" height="32"')]
    s = load_scenario(write_map(tmp_path, objects=objects))
    assert s.triggers[0].radio == evil
    assert not (tmp_path / "pwned").exists()
