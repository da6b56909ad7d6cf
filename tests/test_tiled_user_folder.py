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


def test_a_map_with_no_squad_spawn_is_refused_with_a_clear_message(tmp_path):
    import re

    import pytest

    from game.tiled.errors import MapError

    text = (DATA / "open_field.tmx").read_text()
    stripped = re.sub(r'<object[^>]*type="SquadSpawn".*?</object>', "", text, flags=re.S)
    assert stripped != text
    path = tmp_path / "no_spawn.tmx"
    path.write_text(stripped.replace("../../assets/", str(DATA.parent.parent / "assets") + "/"))
    with pytest.raises(MapError, match="no SquadSpawn"):
        load_scenario(path)
