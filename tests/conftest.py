"""Every test runs headless: SDL's dummy video and audio drivers, set before pygame loads."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _own_home(tmp_path_factory, monkeypatch):
    """Settings, saves and progress a test writes go to a folder of its own, never the
    tester's real profile (a test may set DANGER_CLOSE_HOME again itself)."""
    monkeypatch.setenv("DANGER_CLOSE_HOME", str(tmp_path_factory.mktemp("home")))


@pytest.fixture
def display():
    """A small real display, for tests that convert surfaces or draw text."""
    import pygame

    pygame.display.init()
    pygame.display.set_mode((320, 240))
    yield
    pygame.display.quit()


@pytest.fixture
def app():
    """The game's App (headless, one tick a frame) with the player's profile loaded
    from the test's own home, no sound."""
    import pygame

    from game.app import App
    from game.ui.profile import prepare

    a = App()
    a.fixed_dt = 1 / 30
    prepare(a.ctx, audio=False)
    yield a
    pygame.display.quit()
