"""The Custom maps list names each map by its `title` property (issue 12), falls back on
the file name, and lists a Tiled JSON map (.tmj) by its title too, ready to play."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from game.app import App
from game.ui.custom_maps import CustomMapsScreen, map_title
from game.ui.profile import prepare
from tests.tiled_maps import prop, write_map

JSON_MAPS = Path(__file__).parent / "data" / "tiled_json"


@pytest.fixture
def maps_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DANGER_CLOSE_HOME", str(tmp_path))
    folder = tmp_path / "maps"
    write_map(folder, name="night_well.tmx", map_props=prop("title", "Night at the Well"))
    write_map(folder, name="no_title.tmx")
    write_map(folder, name="odd_title.tmx", map_props=prop("title", 7))  # an int: not a title
    (folder / "broken.tmx").write_text("<map", encoding="utf-8")
    exported = json.loads((JSON_MAPS / "granary_embedded.tmj").read_text(encoding="utf-8"))
    title = next(p for p in exported["properties"] if p["name"] == "title")
    title["value"] = "Granary as JSON"
    (folder / "exported.tmj").write_text(json.dumps(exported), encoding="utf-8")
    return folder


@pytest.fixture
def app():
    a = App()
    prepare(a.ctx, audio=False)
    yield a
    pygame.display.quit()


def test_titles_with_the_file_name_as_fallback(maps_dir):
    assert map_title(maps_dir / "night_well.tmx") == "Night at the Well"
    assert map_title(maps_dir / "no_title.tmx") == "no title"
    assert map_title(maps_dir / "odd_title.tmx") == "odd title"
    assert map_title(maps_dir / "broken.tmx") == "broken"
    assert map_title(maps_dir / "missing.tmx") == "missing"


def test_the_list_shows_titles_and_a_json_map_plays(maps_dir, app):
    screen = CustomMapsScreen(app.ctx)
    labels = {item.label: item for item in screen.menu.items}
    assert {"Night at the Well", "no title", "broken", "Granary as JSON"} <= set(labels)
    assert "night well" not in labels
    assert "Colonel Rahim" in labels["Granary as JSON"].tooltip  # the briefing, from JSON
    from game.ui.briefing import BriefingScreen

    labels["Granary as JSON"].action()
    assert isinstance(app.screens[-1], BriefingScreen)
    assert app.screens[-1].mission.title == "Granary as JSON"

    labels["Night at the Well"].action()
    assert isinstance(app.screens[-1], BriefingScreen)
    assert app.screens[-1].mission.title == "Night at the Well"
