"""MODDING.md stays true: its tables are the game's tables, its files exist, maps validate."""

from __future__ import annotations

import re
from pathlib import Path

from game import MAPS_DIR, ROOT
from game.cli import main
from game.tiled.schema import CLASSES
from game.tools import doc_tables
from game.tools.tile_table import TILES

GUIDE = ROOT / "MODDING.md"


def test_guide_tables_are_generated_from_the_game_tables():
    text = GUIDE.read_text(encoding="utf-8")
    assert doc_tables.render(text) == text, "run: python -m game.tools.doc_tables --write"
    for block in doc_tables.TABLES:
        assert f"<!-- BEGIN {block} -->" in text


def test_guide_names_every_tile_class_and_property():
    text = GUIDE.read_text(encoding="utf-8")
    for tile in TILES:
        # the terrain-brush pieces are listed as ranges, by their first and last names
        assert tile.brush or f"`{tile.name}`" in text
    for cls, members in CLASSES.items():
        assert f"**{cls}**" in text
        for m in members:
            assert f"{cls}.{m.name}" in doc_tables.MEANINGS


def test_every_path_the_guide_names_exists():
    text = GUIDE.read_text(encoding="utf-8")
    paths = set(re.findall(r"`((?:maps|assets|tests|game)/[\w./-]+\.[\w-]+)`", text))
    paths |= set(re.findall(r"\]\(((?:assets|maps)/[\w./-]+)\)", text))
    assert "maps/danger-close.tiled-project" in paths and "assets/tileset.tsx" in paths
    missing = [p for p in sorted(paths) if not (ROOT / p).exists()]
    assert missing == []


def test_picture_of_a_shipped_map_is_a_png():
    png = ROOT / "assets" / "docs" / "granary_tiled.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_validate_every_shipped_map_exits_zero(capsys):
    maps = sorted(str(p) for p in Path(MAPS_DIR).glob("*.tmx"))
    assert maps, "no shipped maps"
    assert main(["validate", *maps]) == 0
    out = capsys.readouterr().out
    assert out.count("ok: ") == len(maps) and "error:" not in out


def test_validate_exits_one_on_a_broken_map(tmp_path, capsys):
    bad = tmp_path / "bad.tmx"
    bad.write_text("<map", encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    assert "malformed XML" in capsys.readouterr().out
