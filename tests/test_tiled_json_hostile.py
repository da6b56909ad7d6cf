"""Hostile Tiled JSON: every bad file is refused as `file: message`, never a traceback, and
costs no more than its TMX twin would (the same caps apply, counted before the tree grows)."""

from __future__ import annotations

import base64
import copy
import json
import random
import zlib
from pathlib import Path

import pytest

from game.tiled import read_map
from game.tiled.errors import MapError
from game.tiled.validate import validate_map

JSON = Path(__file__).parent / "data" / "tiled_json"
BASE = json.loads((JSON / "templated_detached.tmj").read_text(encoding="utf-8"))


def _write(tmp_path: Path, doc, name: str = "bad.tmj") -> Path:
    path = tmp_path / name
    text = doc if isinstance(doc, str) else json.dumps(doc)
    path.write_text(text, encoding="utf-8")
    return path


def _errors(path: Path) -> list[str]:
    """The validator's error lines; a traceback fails the test by itself."""
    return [str(p) for p in validate_map(str(path)) if p.is_error]


def _only_error(path: Path) -> str:
    errors = _errors(path)
    assert errors, "the file was accepted"
    assert all(e.startswith(f"{path}: ") for e in errors), errors
    return errors[0]


def _doc(**changes):
    doc = copy.deepcopy(BASE)
    doc.update(changes)
    return doc


def _tile_layer(doc) -> dict:
    return next(la for la in doc["layers"] if la["type"] == "tilelayer")


def _first_object(doc) -> dict:
    return next(la for la in doc["layers"] if la["type"] == "objectgroup")["objects"][0]


def test_the_base_fixture_is_clean(tmp_path):
    assert _errors(_write(tmp_path, BASE)) == []


def test_deep_nesting_is_refused_before_parsing(tmp_path):
    path = _write(tmp_path, '{"layers":' + "[" * 100_000 + "]" * 100_000 + "}")
    assert "nested more than 64 levels deep" in _only_error(path)


def test_deeply_nested_groups_are_refused(tmp_path):
    group: dict = {"type": "group", "name": "g", "layers": []}
    doc = _doc()
    doc["layers"].append(group)
    for _ in range(40):
        inner = {"type": "group", "name": "g", "layers": []}
        group["layers"].append(inner)
        group = inner
    assert "nested more than" in _only_error(_write(tmp_path, doc))


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e999", "1" * 40])
def test_nan_infinity_and_huge_numbers_are_refused(tmp_path, number):
    text = json.dumps(_doc()).replace('"width": 14', f'"width": {number}', 1)
    assert number in text
    assert "JSON file is not usable JSON" in _only_error(_write(tmp_path, text))


def test_numbers_out_of_the_coordinate_range_are_refused(tmp_path):
    doc = _doc()
    _first_object(doc)["x"] = 1e300
    assert "is out of range" in _only_error(_write(tmp_path, doc))


# (where, field, wrong value): every field the converter reads, given the wrong type
MAP_FIELDS = [("width", "10"), ("height", "ten"), ("tilewidth", 32.5),
              ("infinite", "no"), ("orientation", 5), ("properties", {"a": 1}),
              ("layers", {"a": 1}), ("tilesets", "tileset.tsx"), ("type", "world"),
              ("width", True), ("height", -4)]
LAYER_FIELDS = [("name", 7), ("type", "tiles"), ("visible", "yes"), ("opacity", "1"),
                ("offsetx", [1]), ("data", "1,2,3"), ("data", [1, "2"]), ("data", [1.5]),
                ("data", [-1]), ("data", [True]), ("width", "ten"), ("encoding", 3),
                ("compression", ["zlib"]), ("properties", [5]), ("id", -1)]
OBJECT_FIELDS = [("id", "1"), ("name", 4), ("type", {}), ("x", "80"), ("y", [0]),
                 ("width", False), ("gid", -3), ("gid", 2**33), ("point", "yes"),
                 ("polyline", [{"x": 0}]), ("polyline", [[0, 0]]), ("polygon", "0,0 1,1"),
                 ("template", 9), ("properties", [{"name": "role", "value": [1]}]),
                 ("properties", "role=sniper"), ("text", "hello"), ("visible", 1)]
TILESET_FIELDS = [("firstgid", "1"), ("source", 4), ("tilewidth", "32"), ("image", 1),
                  ("imagewidth", -256), ("tiles", [{"id": "0"}]), ("tiles", [5]),
                  ("tiles", [{"id": 0, "animation": [{"tileid": "1"}]}])]


@pytest.mark.parametrize(("key", "value"), MAP_FIELDS, ids=lambda v: str(v)[:12])
def test_a_map_field_of_the_wrong_type_is_refused(tmp_path, key, value):
    _only_error(_write(tmp_path, _doc(**{key: value})))


@pytest.mark.parametrize(("key", "value"), LAYER_FIELDS, ids=lambda v: str(v)[:12])
def test_a_layer_field_of_the_wrong_type_is_refused(tmp_path, key, value):
    doc = _doc()
    _tile_layer(doc)[key] = value
    _only_error(_write(tmp_path, doc))


@pytest.mark.parametrize(("key", "value"), OBJECT_FIELDS, ids=lambda v: str(v)[:12])
def test_an_object_field_of_the_wrong_type_is_refused(tmp_path, key, value):
    doc = _doc()
    _first_object(doc)[key] = value
    _only_error(_write(tmp_path, doc))


@pytest.mark.parametrize(("key", "value"), TILESET_FIELDS, ids=lambda v: str(v)[:12])
def test_an_embedded_tileset_field_of_the_wrong_type_is_refused(tmp_path, key, value):
    doc = json.loads((JSON / "granary_embedded.tmj").read_text(encoding="utf-8"))
    doc["tilesets"][0][key] = value
    # an embedded tileset's file is the map
    _only_error(_write(tmp_path, doc))


def test_a_layer_whose_data_length_does_not_match_is_refused(tmp_path):
    doc = _doc()
    _tile_layer(doc)["data"] = _tile_layer(doc)["data"][:-1]
    message = _only_error(_write(tmp_path, doc))
    assert message.endswith("layer data holds 139 tiles, the map needs 140")


def _zlib_layer(doc, raw: bytes) -> None:
    layer = _tile_layer(doc)
    layer.update(encoding="base64", compression="zlib",
                 data=base64.b64encode(zlib.compress(raw, 9)).decode())


def test_a_zlib_bomb_in_base64_data_is_refused_cheaply(tmp_path):
    doc = _doc()
    _zlib_layer(doc, b"\0" * (64 * 1024 * 1024))  # 64 MB of zeros in about 64 KB
    message = _only_error(_write(tmp_path, doc))
    assert "zlib layer inflates past the map size (560 bytes)" in message


def test_base64_layer_data_that_is_not_base64_is_refused(tmp_path):
    doc = _doc()
    _zlib_layer(doc, b"\1\0\0\0" * 140)
    assert _errors(_write(tmp_path, doc)) == []  # the well-formed version loads
    _tile_layer(doc)["data"] = "not base64!"
    assert "layer data is not valid base64" in _only_error(_write(tmp_path, doc))


def test_too_many_objects_are_refused_while_the_tree_is_built(tmp_path):
    doc = _doc()
    group = next(la for la in doc["layers"] if la["type"] == "objectgroup")
    extra = {"id": 9999, "type": "", "x": 0, "y": 0, "point": True}
    group["objects"] += [dict(extra, id=100 + i) for i in range(2001)]
    assert "entries; the limit is 2000" in _only_error(_write(tmp_path, doc))
    group["objects"] = group["objects"][:1999]
    doc["layers"].append({"type": "objectgroup", "name": "more", "objects": [extra] * 10})
    assert "objects; the limit is 2000" in _only_error(_write(tmp_path, doc))


def test_an_infinite_map_or_chunked_layer_is_refused_by_name(tmp_path):
    assert "infinite maps are not supported" in _only_error(
        _write(tmp_path, _doc(infinite=True)))
    doc = _doc()
    _tile_layer(doc)["chunks"] = [{"data": [1], "x": 0, "y": 0, "width": 1, "height": 1}]
    assert "infinite map chunks are not supported" in _only_error(_write(tmp_path, doc))


def test_a_tmj_that_is_not_a_json_object_says_what_it_should_hold(tmp_path):
    assert _only_error(_write(tmp_path, '["map"]')).endswith(
        "not a Tiled JSON map: the file does not start with '{' (the game reads Tiled maps "
        "(.tmx or .tmj), tilesets (.tsx or .tsj) and templates (.tx or .tj) as Tiled saves "
        "them)")
    assert "missing attribute 'tilewidth' on <map>" in _only_error(_write(tmp_path, "{}"))
    assert 'not a Tiled JSON map, tileset or template: "type" is \'world\'' in _only_error(
        _write(tmp_path, '{"type": "world"}'))


@pytest.mark.parametrize("source", ["/dev/zero", "/etc/passwd", "../../../../../../etc/hosts",
                                    "/proc/self/environ", "nowhere/tileset.tsj"])
def test_an_external_tileset_elsewhere_on_the_disk_is_refused(tmp_path, source):
    doc = _doc(tilesets=[{"firstgid": 1, "source": source}])
    errors = _errors(_write(tmp_path, doc))
    assert errors, f"{source} was accepted"
    # the problem names a file (the map, or the file it tried) and says what is wrong
    assert all(": " in e and "Traceback" not in e for e in errors)


def test_a_json_template_outside_the_map_folder_that_is_not_a_template_is_refused(tmp_path):
    doc = _doc()
    _first_object(doc)["template"] = "/etc/passwd"
    errors = _errors(_write(tmp_path, doc))
    assert errors and "Traceback" not in errors[0]


def test_read_map_never_raises_on_a_bad_json_map(tmp_path):
    result = read_map(_write(tmp_path, _doc(layers=[{"type": "tilelayer"}])))
    assert result.scenario is None and result.errors


def test_a_bounded_mutation_run_gives_messages_not_tracebacks(tmp_path):
    """A small fuzz: replace random values anywhere in the document with hostile ones."""
    rng = random.Random(17)
    hostile = [None, True, -1, 2**31, 1e300, "", "x" * 300, [], {}, [1, 2], {"a": 1},
               "../../etc/passwd", 0.5]
    for trial in range(150):
        doc = copy.deepcopy(BASE)
        for _ in range(rng.randint(1, 3)):
            _mutate(doc, rng, hostile)
        path = _write(tmp_path, doc, f"m{trial}.tmj")
        try:
            result = read_map(path)
        except MapError:  # read_map collects; a raise would be a bug too
            pytest.fail(f"read_map raised on trial {trial}")
        for problem in result.problems:
            assert str(problem).startswith(str(path.parent)), str(problem)


def _mutate(node, rng: random.Random, hostile: list) -> None:
    """Walk to a random spot in the document and put a hostile value there."""
    while True:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            return
        key = rng.choice(keys)
        child = node[key]
        if isinstance(child, (dict, list)) and child and rng.random() < 0.7:
            node = child
            continue
        node[key] = rng.choice(hostile)
        return
