"""Ctrl+R in a mission re-reads the map; a broken edit keeps the old mission running."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture()
def battle(tmp_path):
    from game.app import App
    from game.session import Session
    from game.tiled.loader import load_scenario
    from game.ui.battle import BattleScreen

    # the map refers to the tileset by a relative path: keep the same layout
    maps = tmp_path / "tests" / "data"
    maps.mkdir(parents=True)
    shutil.copytree(DATA.parent.parent / "assets", tmp_path / "assets")
    path = maps / "open_field.tmx"
    shutil.copy(DATA / "open_field.tmx", path)
    app = App((640, 360))
    screen = BattleScreen(app.ctx, Session(load_scenario(path), seed=3))
    app.push(screen)
    return app, screen, path


def _ctrl_r(screen):
    import pygame

    screen.handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_r,
                                           mod=pygame.KMOD_CTRL, unicode="r"))


def test_ctrl_r_reloads_the_edited_map(battle):
    app, screen, path = battle
    text = path.read_text()
    assert 'value="Open Field"' in text
    path.write_text(text.replace('value="Open Field"', 'value="Edited Field"'))
    for _ in range(5):
        screen.tick()
    assert screen.world.tick == 5
    _ctrl_r(screen)
    assert screen.world.tick == 0, "the mission restarted on the reloaded map"
    assert screen.session.scenario.rules.title == "Edited Field"


def test_broken_edit_keeps_the_old_map_running(battle, capsys):
    app, screen, path = battle
    for _ in range(5):
        screen.tick()
    old_session = screen.session
    path.write_text("<map><this is not a map")
    _ctrl_r(screen)
    assert screen.session is old_session and screen.world.tick == 5
    assert "reload failed" in capsys.readouterr().err
    screen.tick()
    assert screen.world.tick == 6
