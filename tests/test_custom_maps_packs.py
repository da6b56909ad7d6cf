"""Custom maps: a pack dropped in the maps folder gets an Install entry; once installed its
map is listed by title, with its author and briefing under the menu."""

from __future__ import annotations

import pygame
import pytest

from game.app import App
from game.packs import pack_map
from game.ui.custom_maps import CustomMapsScreen
from game.ui.profile import prepare
from tests.tiled_maps import prop, write_map


@pytest.fixture
def app():
    a = App()
    prepare(a.ctx, audio=False)
    yield a
    pygame.display.quit()


def test_install_a_dropped_pack_from_the_screen(tmp_path, monkeypatch, app):
    monkeypatch.setenv("DANGER_CLOSE_HOME", str(tmp_path / "home"))
    src = write_map(tmp_path / "src", name="well.tmx", map_props=prop("title", "The Well") +
                    prop("author", "Noor") + prop("briefing", "Bring the family out by dawn."))
    maps = tmp_path / "home" / "maps"
    maps.mkdir(parents=True)
    pack_map(src, maps / "well_pack.zip")
    (maps / "junk.zip").write_bytes(b"not a zip at all")
    screen = CustomMapsScreen(app.ctx)
    labels = {item.label: item for item in screen.menu.items}
    assert {"Install pack: well_pack.zip", "Install pack: junk.zip"} <= set(labels)
    labels["Install pack: junk.zip"].action()
    assert screen.notice.startswith("Not installed:")
    labels["Install pack: well_pack.zip"].action()
    assert screen.notice == "Installed well_pack.zip: 1 map(s)"
    labels = {item.label: item for item in screen.menu.items}
    assert "Install pack: well_pack.zip" not in labels  # installed: no second entry
    assert labels["The Well"].tooltip == "by Noor: Bring the family out by dawn."
    assert labels["The Well"].value == "yours"
