"""The F3 frame-time meter: its figures from the loop's timings, the key, and that the
choice is kept in the player's settings."""

import pygame
import pytest

from game.app import App
from game.settings import load_settings
from game.ui.frame_meter import REFRESH_S, FrameMeter, percentile
from game.ui.screen import Screen


class Blank(Screen):
    name = "blank"

    def draw(self, surface, alpha: float) -> None:
        surface.fill((0, 0, 0))


@pytest.fixture
def blank_app(app):
    app.push(Blank(app.ctx))
    return app


def press_f3(app) -> None:
    app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F3, mod=0, unicode="",
                                    scancode=0))


def test_percentile_is_the_nearest_rank():
    samples = [float(v) for v in range(1, 101)]
    assert percentile(samples, 0.5) in (50.0, 51.0)
    assert percentile(samples, 0.99) == 99.0
    assert percentile([], 0.99) == 0.0


def test_one_slow_frame_shows_in_p99_not_in_the_median():
    meter = FrameMeter()
    for i in range(100):
        meter.record_frame(1 / 60, 0.030 if i == 50 else 0.004, 0.001)
    figures = meter.figures()
    assert figures.work_ms == pytest.approx(4.0)
    assert figures.work_p99_ms == pytest.approx(4.0)  # one in a hundred is the 1 %
    meter.record_frame(1 / 60, 0.030, 0.001)
    assert meter.figures().work_p99_ms == pytest.approx(30.0)
    assert not meter.figures().smooth  # a 30 ms frame misses the 60 FPS cap
    assert meter.figures().fps == pytest.approx(60.0)


def test_ticks_report_their_mean_and_worst():
    meter = FrameMeter()
    for seconds in (0.001, 0.002, 0.009):
        meter.record_tick(seconds)
    figures = meter.figures()
    assert figures.tick_ms == pytest.approx(4.0)
    assert figures.tick_worst_ms == pytest.approx(9.0)


def test_the_shown_figures_refresh_twice_a_second_not_every_frame():
    meter = FrameMeter()
    meter.record_frame(1 / 60, 0.004, 0.001)
    first = meter.shown
    assert first is not None  # at once, not half a second after F3
    for _ in range(5):
        meter.record_frame(1 / 60, 0.012, 0.001)
    assert meter.shown is first
    for _ in range(round(REFRESH_S * 60)):
        meter.record_frame(1 / 60, 0.012, 0.001)
    assert meter.shown is not first and meter.shown.work_ms == pytest.approx(12.0)


def top_band(app) -> pygame.Surface:
    w = app.surface.get_width()
    return app.surface.subsurface(pygame.Rect(w // 2 - 150, 20, 300, 50)).copy()


def lit_pixels(surface: pygame.Surface) -> int:
    return int((pygame.surfarray.array3d(surface).sum(axis=2) > 0).sum())


def test_f3_shows_the_meter_and_the_choice_is_saved(blank_app):
    app = blank_app
    app.run(3)
    assert lit_pixels(top_band(app)) == 0
    press_f3(app)
    assert app.ctx.settings.show_frame_times
    assert load_settings()[0].show_frame_times  # kept for the next start
    app.run(6)
    assert lit_pixels(top_band(app)) > 200  # the figures on their plate
    press_f3(app)
    app.run(9)
    assert lit_pixels(top_band(app)) == 0
    assert not load_settings()[0].show_frame_times


def test_without_a_profile_f3_still_works_for_the_session():
    a = App()
    a.fixed_dt = 1 / 30
    try:
        a.push(Blank(a.ctx))
        press_f3(a)
        a.run(4)
        assert a.frame_times_shown()
        assert lit_pixels(top_band(a)) > 200
    finally:
        pygame.display.quit()


def test_f3_cannot_be_bound_to_a_battle_action():
    from game.ui.keymap import bindable

    assert not bindable("f3")


@pytest.mark.parametrize("value", ["yes", 1, None, [True]])
def test_a_bad_frame_times_value_in_the_settings_file_means_hidden(value):
    from game.settings import Settings

    assert Settings.from_dict({"show_frame_times": value}).show_frame_times is False
