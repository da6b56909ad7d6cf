"""Desktop window sizes: the settings offer what fits the desktop, step from any size a
window was dragged to, remember a dragged window, and the UI scale follows the window
unless the player picked one."""

import pygame
import pytest

from game.settings import (
    UI_AUTO,
    UI_SCALES,
    Settings,
    auto_ui_scale,
    load_settings,
    offered_window_sizes,
    stepped_window_size,
)
from game.ui.context import Context
from game.ui.widgets import ui_scale


def test_only_sizes_that_fit_the_desktop_are_offered():
    offered = offered_window_sizes((1920, 1080))
    assert (1920, 1080) in offered and (2560, 1440) not in offered
    assert (2560, 1440) in offered_window_sizes((2560, 1440))
    assert offered_window_sizes((800, 600)) == ((1024, 640),)  # never an empty choice
    assert (3840, 2160) in offered_window_sizes(None)


def test_stepping_goes_to_the_neighbouring_size_also_from_a_dragged_one():
    offered = offered_window_sizes((2560, 1440))
    assert stepped_window_size((1920, 1080), 1, offered) == (2560, 1440)
    assert stepped_window_size((1920, 1080), -1, offered) == (1600, 900)
    assert stepped_window_size((1700, 950), 1, offered) == (1920, 1080)
    assert stepped_window_size((1700, 950), -1, offered) == (1600, 900)
    assert stepped_window_size((2560, 1440), 1, offered) == offered[0]  # wraps round
    assert stepped_window_size((1024, 640), -1, offered) == offered[-1]


@pytest.mark.parametrize(("height", "scale"), [
    (480, 1.0), (720, 1.0), (900, 1.05), (1080, 1.25), (1440, 1.5), (1620, 1.5), (1728, 1.6),
    (2160, 2.0), (4320, 2.0)])
def test_the_auto_ui_scale_grows_with_the_window(height, scale):
    assert auto_ui_scale(height) == pytest.approx(scale)


def test_auto_is_the_default_and_a_chosen_scale_wins(display):
    ctx = Context(text=None, routes={}, surface=pygame.Surface((2560, 1440)))
    ctx.settings = Settings()
    assert ctx.settings.ui_scale == UI_AUTO
    assert ui_scale(ctx) == pytest.approx(1.5)
    ctx.settings.ui_scale = 0.85
    assert ui_scale(ctx) == pytest.approx(0.85)
    assert Settings.from_dict({"ui_scale": 0}).ui_scale == UI_AUTO
    assert Settings.from_dict({"ui_scale": 0.2}).ui_scale == UI_AUTO  # out of range


def resize(app, w: int, h: int) -> None:
    app.dispatch(pygame.event.Event(pygame.VIDEORESIZE, w=w, h=h, size=(w, h)))


def test_a_dragged_window_size_is_kept_for_the_next_start(app):
    resize(app, 1700, 960)
    assert app.ctx.settings.window_size == (1700, 960)
    app.run(0)  # the loop ends: the size is saved once, not on every drag event
    assert load_settings()[0].window_size == (1700, 960)


def test_too_small_and_fullscreen_sizes_are_not_kept(app):
    resize(app, 640, 400)  # below the playable minimum
    assert app.ctx.settings.window_size == (1280, 720)
    app.ctx.settings.fullscreen = True
    resize(app, 2560, 1440)
    assert app.ctx.settings.window_size == (1280, 720)
    app.run(0)
    assert load_settings()[0].window_size == (1280, 720)


def test_a_window_resized_to_the_players_size_is_centred(app):
    # SDL re-centres a window on set_mode only when this is set; without it the window
    # grows from the default window's corner, off a 1080p desktop at 1920x1040
    import os

    assert os.environ.get("SDL_VIDEO_CENTERED")


def test_f11_switches_fullscreen_and_back_and_the_choice_is_kept(app):
    def f11() -> None:
        app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F11, mod=0,
                                        unicode="", scancode=0))

    f11()
    assert app.ctx.settings.fullscreen and load_settings()[0].fullscreen
    assert app.ctx.surface.get_flags() & pygame.FULLSCREEN
    f11()
    assert not load_settings()[0].fullscreen
    assert not app.ctx.surface.get_flags() & pygame.FULLSCREEN
    assert app.ctx.surface.get_size() == tuple(app.ctx.settings.window_size)


def test_a_dragged_size_is_written_once_not_at_every_later_run(app, monkeypatch):
    import game.ui.profile as profile

    writes = []
    real = profile.save_settings
    monkeypatch.setattr(profile, "save_settings", lambda s: writes.append(1) or real(s))
    resize(app, 1700, 960)
    app.run(0)
    app.run(0)
    assert len(writes) == 1


@pytest.mark.parametrize(("window", "chosen", "used"), [
    ((1280, 720), 2.0, 1.5), ((1280, 720), 1.25, 1.25), ((3840, 2160), 2.0, 2.0),
    ((2560, 1440), 1.75, 1.5), ((1024, 640), 3.0, 1.5)])
def test_a_chosen_scale_too_large_for_the_window_gives_way_to_the_largest_that_fits(
        display, window, chosen, used):
    ctx = Context(text=None, routes={}, surface=pygame.Surface(window))
    ctx.settings = Settings(ui_scale=chosen)
    assert ui_scale(ctx) == pytest.approx(used)


def test_the_settings_say_when_a_chosen_scale_does_not_fit(tmp_path, monkeypatch):
    from game.app import App
    from game.ui.profile import prepare
    from game.ui.settings_screen import SettingsScreen

    monkeypatch.setenv("DANGER_CLOSE_HOME", str(tmp_path))
    app = App((1280, 720))
    prepare(app.ctx, audio=False)
    screen = SettingsScreen(app.ctx)
    app.push(screen)
    labels = [i.label for i in screen.menu.items]
    screen.menu.index = labels.index("UI scale")
    seen = []
    for _ in range(len(UI_SCALES)):
        app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RIGHT, mod=0, unicode=""))
        seen.append(screen.menu.items[screen.menu.index].value)
    assert "200% (150% fits)" in seen and "175% (150% fits)" in seen
    assert "150%" in seen and "auto (100%)" in seen


@pytest.mark.parametrize(("height", "zoom"), [
    (640, 1.0), (720, 1.0), (1080, 1.0), (1440, 1.0), (1600, 1.0), (2160, 1.5), (2880, 2.0)])
def test_a_battle_opens_closer_only_on_windows_taller_than_1440(height, zoom):
    from game.render.camera import ZOOM_LEVELS, opening_zoom_index

    assert ZOOM_LEVELS[opening_zoom_index(height)] == zoom


def test_a_4k_battle_opens_at_150_percent_on_the_squad(display):
    from tests.battle_helpers import battle_screen

    app, screen = battle_screen((3840, 2160))
    assert screen.camera.zoom == 1.5
    squad = screen.world.squad()
    sx, sy = screen.camera.sub_to_screen(squad[0].x, squad[0].y)
    assert 0 <= sx < 3840 and 0 <= sy < 2160
