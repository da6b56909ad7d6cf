"""Hostile and broken map files fail with bounded memory, as a MapError naming the file.

How fast they fail is measured by benchmarks/tiled_hostile_timing.py (no wall-clock
asserts here: a loaded machine would make them flaky).
"""

from __future__ import annotations

import base64
import tracemalloc
import zlib

import pytest

from game.tiled import MapError, load_scenario
from game.tiled.validate import validate_map
from tests.tiled_maps import OPEN_ROOM, gids_of, tile_layer, write_map

W, H = len(OPEN_ROOM[0]), len(OPEN_ROOM)
MEMORY_BOUND = 64 * 1024 * 1024


def _refused(path, message: str, names=None) -> str:
    tracemalloc.start()
    try:
        with pytest.raises(MapError) as info:
            load_scenario(path)
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    text = str(info.value)
    assert str(names or path) in text
    assert message in text, text
    assert peak < MEMORY_BOUND, peak
    return text


def test_malformed_xml(tmp_path):
    path = tmp_path / "broken.tmx"
    path.write_text('<?xml version="1.0"?><map width="10" height="5"><layer></map>')
    _refused(path, "malformed XML at line 1")


def test_billion_laughs_entities(tmp_path):
    lol = "".join(f'<!ENTITY l{i} "&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};">'
                  for i in range(1, 12))
    path = tmp_path / "laughs.tmx"
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE map [<!ENTITY l0 "lol">{lol}]>'
                    '<map width="10" height="5" tilewidth="32" tileheight="32">'
                    "<properties><property name=\"title\" value=\"&l11;\"/></properties></map>")
    _refused(path, "DOCTYPE/ENTITY")


def test_external_entity(tmp_path):
    path = tmp_path / "xxe.tmx"
    path.write_text('<?xml version="1.0"?><!DOCTYPE map [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                    '<map width="1" height="1">&x;</map>')
    _refused(path, "DOCTYPE/ENTITY")


def test_absurd_map_size(tmp_path):
    path = write_map(tmp_path, size=(100000, 100000), layers=[])
    _refused(path, "map is 100000x100000 tiles")


def test_zlib_bomb_layer(tmp_path):
    # 64 MB of zeros packs into ~64 KB; the map needs 200 bytes.
    packed = zlib.compress(bytes(64 * 1024 * 1024), 9)
    data = base64.b64encode(packed).decode()
    layer = (f'<layer id="1" name="Bomb" width="{W}" height="{H}">'
             f'<data encoding="base64" compression="zlib">{data}</data></layer>')
    text = _refused(write_map(tmp_path, layers=[layer]), "inflates past the map size")
    assert 'layer "Bomb"' in text


def test_gzip_bomb_layer(tmp_path):
    import gzip
    packed = gzip.compress(bytes(64 * 1024 * 1024), 9)
    layer = (f'<layer id="1" name="Bomb" width="{W}" height="{H}"><data encoding="base64" '
             f'compression="gzip">{base64.b64encode(packed).decode()}</data></layer>')
    _refused(write_map(tmp_path, layers=[layer]), "inflates past the map size")


@pytest.mark.parametrize("encoding", ["csv", "base64", "zlib", "gzip"])
def test_wrong_gid_count(tmp_path, encoding):
    gids = gids_of(OPEN_ROOM)[:-3]
    layer = tile_layer("Short", gids, W, H, encoding)
    text = _refused(write_map(tmp_path, layers=[layer]), f"holds {W * H - 3} tiles")
    assert 'layer "Short"' in text


def test_missing_tileset_file(tmp_path):
    path = write_map(tmp_path, tileset='<tileset firstgid="1" source="gone.tsx"/>')
    _refused(path, "tileset file 'gone.tsx' not found")


def test_missing_image_is_reported_by_the_validator(tmp_path):
    path = write_map(tmp_path)
    (tmp_path / "rules.png").unlink()
    problems = validate_map(str(path))
    assert any("rules.png" in str(p) and p.severity == "warning" for p in problems)


@pytest.mark.parametrize("attrs, message", [
    ('orientation="isometric"', "isometric maps are not supported"),
    ('orientation="hexagonal"', "hexagonal maps are not supported"),
    ('orientation="staggered"', "staggered maps are not supported"),
    ('infinite="1"', "infinite maps are not supported"),
    ('tilewidth="16"', "tiles are 16x32 px"),
])
def test_unsupported_features_are_named(tmp_path, attrs, message):
    path = write_map(tmp_path)
    text = path.read_text()
    key = attrs.split("=")[0]
    text = text.replace(f'{key}="', f'{attrs} x{key}="', 1)
    path.write_text(text)
    _refused(path, message)


def test_zstd_layer_is_refused_clearly(tmp_path):
    layer = (f'<layer id="1" name="Z" width="{W}" height="{H}">'
             '<data encoding="base64" compression="zstd">KLUv/QBYAQAA</data></layer>')
    try:
        import zstandard  # noqa: F401
    except ImportError:
        _refused(write_map(tmp_path, layers=[layer]), "zstd")
    else:
        pytest.skip("zstandard installed: zstd layers are read")


def test_oversized_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.tmx"
    with open(path, "wb") as fh:
        fh.truncate(17 * 1024 * 1024)
    _refused(path, "the limit is")


def test_tileset_with_absurd_image_size(tmp_path):
    tsx = ('<tileset firstgid="1" name="big" tilewidth="32" tileheight="32" tilecount="8" '
           'columns="4"><image source="rules.png" width="999999999" height="999999999"/>'
           "</tileset>")
    _refused(write_map(tmp_path, tileset=tsx), "image size")


def test_hostile_template(tmp_path):
    (tmp_path / "t.tx").write_text('<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "b">]>'
                                   "<template/>")
    path = write_map(tmp_path, objects=['<object id="5" template="t.tx" x="48" y="48"/>'])
    _refused(path, "DOCTYPE/ENTITY", names=tmp_path / "t.tx")  # the file at fault
