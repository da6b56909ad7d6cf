"""A map saved in the user maps folder still finds the game's tileset and templates."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.tiled import read_map
from game.tiled.loader import load_scenario

DATA = Path(__file__).parent / "data"


def test_a_map_away_from_the_assets_uses_the_shipped_tileset(tmp_path):
    original = load_scenario(DATA / "open_field.tmx")
    moved = tmp_path / "my_maps" / "open_field.tmx"
    moved.parent.mkdir()
    shutil.copy(DATA / "open_field.tmx", moved)
    result = read_map(moved)
    assert not result.errors, [str(p) for p in result.errors]
    assert any("using the game's tileset.tsx" in str(p) for p in result.problems)
    scenario = result.scenario
    assert (scenario.terrain.walkable == original.terrain.walkable).all()
    assert Path(scenario.art.tilesets[0].image_path).is_file(), "the renderer can draw it"


def test_templates_fall_back_to_the_shipped_ones(tmp_path):
    walkthrough = DATA / "modder_walkthrough.tmx"
    assert 'template="' in walkthrough.read_text(), "the walkthrough uses templates"
    moved = tmp_path / "mine.tmx"
    shutil.copy(walkthrough, moved)
    result = read_map(moved)
    assert not result.errors, [str(p) for p in result.errors]
    assert result.scenario.squad, "the templated squad spawn came through"
