"""Reload on save: a played custom map reloads once its files (map, tileset) stop changing;
a broken edit keeps the old mission; the setting and campaign missions turn it off.

Time is the battle screen's own clock (advanced by `update(dt)`), and every edit stamps
its file's mtime explicitly, so nothing here waits on the wall clock."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from game.settings import Settings
from game.ui import map_watch

DATA = Path(__file__).parent / "data"
STAMP = [1_700_000_000_000_000_000]


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
    app.ctx.fixed_dt = 1 / 60  # a repeatable run: no real pointer scrolling the view
    screen = BattleScreen(app.ctx, Session(load_scenario(path), seed=3))
    app.push(screen)
    reloads = []
    real = screen.reload_from_disk
    screen.reload_from_disk = lambda: reloads.append(real()) or reloads[-1]
    run(screen, 0.1)  # the first frame starts the watch on the files as they are
    return screen, path, reloads


def run(screen, seconds: float, step: float = 0.05) -> None:
    for _ in range(round(seconds / step)):
        screen.update(step)


def write(path: Path, text: str | None = None) -> None:
    """Save a file as an editor would, with a later mtime than any before."""
    if text is not None:
        path.write_text(text)
    STAMP[0] += 1_000_000_000
    os.utime(path, ns=(STAMP[0], STAMP[0]))


def retitle(path: Path, title: str) -> None:
    text = path.read_text()
    old = text.split('name="title" value="')[1].split('"')[0]
    write(path, text.replace(f'value="{old}"', f'value="{title}"'))


def test_a_saved_map_reloads_once_after_it_settles(battle):
    screen, path, reloads = battle
    for _ in range(5):
        screen.tick()
    retitle(path, "First Save")
    run(screen, 0.5)  # a poll sees the change
    retitle(path, "Second Save")  # the editor writes again within the settle time
    run(screen, 0.25)
    assert reloads == [], "no reload while the files are still changing"
    run(screen, 1.5)
    assert reloads == [True], "one reload for the two writes"
    assert screen.world.tick == 0
    assert screen.session.scenario.rules.title == "Second Save"
    assert any(t[0] == "Map reloaded from disk" for t in screen.ctx.toasts)
    run(screen, 3.0)
    assert reloads == [True], "nothing changed since: no more reloads"


def test_the_watch_waits_for_the_files_to_settle(tmp_path):
    path = tmp_path / "open_field.tmx"
    shutil.copy(DATA / "open_field.tmx", path)
    watch = map_watch.MapWatch(path, now=0.0)
    assert path.resolve() in [p.resolve() for p in watch.files]
    assert not watch.poll(1.0), "nothing changed"
    write(path)
    assert not watch.poll(1.2), "not looked at again before the poll interval"
    assert not watch.poll(1.6), "the change is seen, the wait starts"
    write(path)
    assert not watch.poll(1.8), "changed again: the wait starts over"
    assert not watch.poll(2.0)
    assert watch.poll(2.2), "held still for the settle time"
    watch.rebase(2.2)
    assert not any(watch.poll(t) for t in (3.0, 4.0, 5.0)), "once per change"


def test_a_tileset_change_reloads_the_map(battle):
    screen, path, reloads = battle
    tileset = path.parent.parent.parent / "assets" / "tileset.tsx"
    deps = map_watch.dependencies(path)
    assert tileset in deps and tileset.with_suffix(".png") in deps
    write(tileset)
    run(screen, 1.5)
    assert reloads == [True]


def test_templates_are_watched_too():
    names = {p.name for p in map_watch.dependencies(DATA / "modder_walkthrough.tmx")}
    assert {"squad_spawn.tx", "insurgent.tx", "tileset.tsx", "tileset.png"} <= names


def test_a_broken_edit_keeps_the_old_mission_and_says_so(battle, capsys):
    screen, path, reloads = battle
    for _ in range(5):
        screen.tick()
    old = screen.session
    write(path, "<map><this is not a map")
    run(screen, 3.0)
    assert reloads == [False], "tried once, not again on every poll"
    assert screen.session is old and screen.world.tick == 5
    assert any(t[0].startswith("Reload failed") for t in screen.ctx.toasts)
    assert "reload failed" in capsys.readouterr().err
    shutil.copy(DATA / "open_field.tmx", path)  # the fix is saved: it loads
    write(path)
    run(screen, 1.5)
    assert reloads == [False, True] and screen.world.tick == 0


def test_the_setting_off_means_no_reload(battle):
    screen, path, reloads = battle
    screen.ctx.settings = Settings(reload_on_save=False)
    retitle(path, "Edited")
    run(screen, 3.0)
    assert reloads == []
    screen.ctx.settings.reload_on_save = True  # on again: the edit before is the baseline
    run(screen, 3.0)
    assert reloads == []
    retitle(path, "Edited again")
    run(screen, 1.5)
    assert reloads == [True]


def test_campaign_missions_are_not_watched(battle):
    from game.progress import Mission

    screen, path, reloads = battle
    screen.mission = Mission(id="granary", map=path, title="Granary")
    retitle(path, "Edited")
    run(screen, 3.0)
    assert reloads == []
    screen.mission = Mission(id="custom:open_field", map=path, title="Open Field")
    run(screen, 0.1)  # watched from now on
    retitle(path, "Edited again")
    run(screen, 1.5)
    assert reloads == [True]


def test_the_camera_stays_where_it_was(battle):
    screen, path, reloads = battle
    screen.camera.zoom_at(1, 320, 180)
    screen.camera.pan(40, 25)
    before = (screen.camera.x, screen.camera.y, screen.camera.zoom_index)
    assert before[2] != type(screen.camera)(1, 1).zoom_index
    retitle(path, "Edited")
    run(screen, 1.5)
    assert reloads == [True]
    assert (screen.camera.x, screen.camera.y, screen.camera.zoom_index) == before


def test_old_settings_files_load_with_reload_on():
    assert Settings.from_dict({"difficulty": "hard"}).reload_on_save is True
    assert Settings.from_dict({"reload_on_save": False}).reload_on_save is False
    assert Settings.from_dict({"reload_on_save": "no"}).reload_on_save is True
    saved = Settings(reload_on_save=False).to_dict()
    assert Settings.from_dict(saved).reload_on_save is False


def test_the_settings_screen_turns_it_off_and_saves_it(tmp_path, monkeypatch):
    import pygame

    from game.app import App
    from game.settings import load_settings
    from game.ui.profile import prepare
    from game.ui.settings_screen import SettingsScreen

    monkeypatch.setenv("DANGER_CLOSE_HOME", str(tmp_path))
    app = App()
    prepare(app.ctx, audio=False)
    screen = SettingsScreen(app.ctx)
    app.push(screen)
    labels = [i.label for i in screen.menu.items]
    screen.menu.index = labels.index("Reload map on save")
    assert screen.menu.items[screen.menu.index].value == "on"
    app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RIGHT, mod=0, unicode=""))
    assert app.ctx.settings.reload_on_save is False
    assert screen.menu.items[screen.menu.index].value == "off"
    app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0, unicode=""))
    assert load_settings()[0].reload_on_save is False
    pygame.display.quit()
