"""The title's first picture comes before the heavy work: the sim, the AI, tcod, pytmx
and numpy are imported, the sound started and the demo built only once the title is on
screen, a piece per frame, and the demo then fades in over the painted backdrop."""

from __future__ import annotations

import os
import subprocess
import sys

import pygame
import pytest

from game.app import App
from game.ui.profile import prepare
from game.ui.title import DEMO_FADE_S, TitleScreen

HEAVY = ("numpy", "tcod", "pytmx", "game.sim.world", "game.ai.autopilot", "game.ui.demo",
         "game.audio.director")


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("DANGER_CLOSE_HOME", str(tmp_path))
    return tmp_path


def test_the_first_title_frame_imports_nothing_heavy(tmp_path):
    probe = ("import sys; from game.app import run_title; run_title(frames=1); "
             f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules) or 'none')")
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               DANGER_CLOSE_HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, env=env)
    assert out.stdout.split()[-1:] == ["none"], out.stdout


@pytest.fixture
def on_title():
    """A headless App on the title screen (nothing drawn yet); sound threads are let
    finish and the display closed afterwards."""
    app = App(headless=True)
    prepare(app.ctx, audio=False)
    title = TitleScreen(app.ctx)
    app.push(title)
    yield app, title
    if app.ctx.audio is not None:
        app.ctx.audio.wait(10)
    pygame.display.quit()


def test_the_demo_is_built_over_the_frames_after_the_first_and_fades_in(on_title):
    app, title = on_title
    app.run(1)
    assert title.demo is None and app.ctx.audio is None  # the first frame: backdrop only
    backdrop = app.surface.copy()
    while title.demo is None and app.frame < 30:  # a piece a frame
        app.run(app.frame + 1)
    assert title.demo is not None and app.ctx.audio is not None
    assert app.frame > 5  # spread over frames, not built in one
    app.run(app.frame + 2)
    fading = app.surface.copy()
    app.run(app.frame + round(DEMO_FADE_S * 30) + 2)
    faded = app.surface.copy()
    # the demo's map shows through more as the backdrop fades (sampled in the sky)
    at = (app.surface.get_width() * 3 // 4, app.surface.get_height() // 8)
    assert backdrop.get_at(at) != faded.get_at(at)
    assert _distance(fading.get_at(at), backdrop.get_at(at)) < \
        _distance(faded.get_at(at), backdrop.get_at(at))


def test_the_title_builds_the_sound_a_sound_a_frame_and_a_thread_finishes_it(on_title):
    from game.audio.registry import all_synths

    app, title = on_title
    while title.demo is None and app.frame < 30:
        app.run(app.frame + 1)
    bank = app.ctx.audio.bank
    assert bank is not None and app.ctx.audio._thread is None  # no thread: frames
    before = len(bank.samples)
    app.run(app.frame + 3)
    assert len(bank.samples) == before + 3  # one sound a frame
    assert len(bank.samples) < len(all_synths())
    prepare(app.ctx)  # the next screen: the rest is built off the main thread
    app.ctx.audio.wait(30)
    assert set(bank.samples) == set(all_synths())


def _distance(a, b) -> int:
    return sum(abs(x - y) for x, y in zip(a[:3], b[:3], strict=True))


def test_on_a_large_window_the_demo_map_covers_the_whole_screen():
    from game.render.camera import ZOOM_LEVELS
    from game.ui.demo import DEMO_ZOOM, covering_zoom_index

    granary = (72 * 32, 48 * 32)
    assert ZOOM_LEVELS[covering_zoom_index(*granary, 1280, 720)] == DEMO_ZOOM
    for view in ((1920, 1080), (2560, 1440)):
        zoom = ZOOM_LEVELS[covering_zoom_index(*granary, *view)]
        assert granary[0] * zoom >= view[0] and granary[1] * zoom >= view[1]
        assert granary[0] * zoom / 1.5 < view[0] or granary[1] * zoom / 1.5 < view[1]
    assert covering_zoom_index(64, 64, 3840, 2160) == len(ZOOM_LEVELS) - 1  # a tiny map
