"""A seeded monkey through the whole app: random keys (with Ctrl and Shift), clicks,
drags, wheel turns and window resizes, from the title through every screen.  Any
exception fails the test; the screens it must have seen are checked, so a monkey that
never left the title cannot pass.

Bounded: a fixed number of frames per episode, each one fixed tick long (no wall clock).
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pygame
import pytest

from game.app import App
from game.ui.battle import BattleScreen
from game.ui.briefing import BriefingScreen
from game.ui.campaign import CampaignScreen
from game.ui.custom_maps import CustomMapsScreen
from game.ui.help_overlay import HelpOverlay
from game.ui.pause import PauseScreen
from game.ui.profile import prepare
from game.ui.settings_screen import SettingsScreen
from game.ui.title import TitleScreen

KEYS = (
    pygame.K_RETURN, pygame.K_ESCAPE, pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT,
    pygame.K_RIGHT, pygame.K_SPACE, pygame.K_TAB, pygame.K_BACKSPACE, pygame.K_1, pygame.K_2,
    pygame.K_3, pygame.K_4, pygame.K_a, pygame.K_b, pygame.K_c, pygame.K_g, pygame.K_n,
    pygame.K_q, pygame.K_r, pygame.K_x, pygame.K_y, pygame.K_w, pygame.K_s, pygame.K_d,
    pygame.K_EQUALS, pygame.K_MINUS, pygame.K_F1, pygame.K_F5, pygame.K_F9, pygame.K_F12,
)
MENU_KEYS = (pygame.K_RETURN, pygame.K_DOWN, pygame.K_UP, pygame.K_ESCAPE)
SIZES = ((1280, 720), (1024, 640), (1600, 900), (700, 400))  # the last one is too small


class Monkey:
    def __init__(self, app: App, seed: int) -> None:
        self.app, self.rng = app, random.Random(seed)
        self.seen: set[str] = set()

    def size(self) -> tuple[int, int]:
        return self.app.surface.get_size()

    def pos(self) -> tuple[int, int]:
        w, h = self.size()
        return self.rng.randrange(w), self.rng.randrange(h)

    def key(self, k: int, mod: int = 0) -> None:
        for kind in (pygame.KEYDOWN, pygame.KEYUP):
            pygame.event.post(pygame.event.Event(kind, key=k, mod=mod, unicode="",
                                                 scancode=0))

    def mouse(self, kind: int, pos, **extra) -> None:
        pygame.event.post(pygame.event.Event(kind, pos=pos, **extra))

    def act(self) -> None:
        """One random thing a player's hands could do."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.45:
            mod = rng.choice((0, 0, 0, pygame.KMOD_SHIFT, pygame.KMOD_CTRL))
            self.key(rng.choice(KEYS if roll > 0.12 else MENU_KEYS), mod)
        elif roll < 0.7:
            button, at = rng.choice((1, 1, 1, 2, 3)), self.pos()
            self.mouse(pygame.MOUSEMOTION, at, rel=(0, 0), buttons=(0, 0, 0))
            self.mouse(pygame.MOUSEBUTTONDOWN, at, button=button)
            self.mouse(pygame.MOUSEBUTTONUP, at, button=button)
        elif roll < 0.85:
            self.drag()
        elif roll < 0.97:
            pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0,
                                                 y=rng.choice((-1, 1)), flipped=False))
        else:
            self.app.surface = pygame.display.set_mode(rng.choice(SIZES), pygame.RESIZABLE)

    def drag(self) -> None:
        button = self.rng.choice((1, 1, 2))
        start, end = self.pos(), self.pos()
        self.mouse(pygame.MOUSEBUTTONDOWN, start, button=button)
        for i in range(1, 4):
            at = (start[0] + (end[0] - start[0]) * i // 3, start[1] + (end[1] - start[1]) * i // 3)
            self.mouse(pygame.MOUSEMOTION, at, rel=((end[0] - start[0]) // 3,
                                                     (end[1] - start[1]) // 3),
                       buttons=(1, 0, 0))
        self.mouse(pygame.MOUSEBUTTONUP, end, button=button)

    def run(self, frames: int) -> None:
        app = self.app
        for _ in range(frames):
            if not app.running or not app.screens:  # quit (or confirmed it): start again
                app.screens.clear()
                app.running = True
                app.push(TitleScreen(app.ctx))
            if app.too_small() and self.rng.random() < 0.3:
                self.key(pygame.K_RETURN)  # the way out of a too-small window
            else:
                self.act()
            app.step_frame(1 / 30)
            for screen in app.screens:
                self.seen.add(type(screen).__name__)


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("DANGER_CLOSE_HOME", str(tmp_path))
    maps = tmp_path / "maps"  # a custom map to play and a broken one to be told about
    maps.mkdir()
    shutil.copy(Path(__file__).parent / "data" / "open_field.tmx", maps / "field.tmx")
    (maps / "broken.tmx").write_text("<map><oops")
    a = App()
    a.fixed_dt = 1 / 30
    prepare(a.ctx, audio=False)
    yield a
    pygame.display.quit()


def into_battle(app) -> BattleScreen:
    """Title -> New campaign -> the first mission's briefing -> Deploy."""
    app.push(TitleScreen(app.ctx))
    app.push(CampaignScreen(app.ctx))
    campaign = app.screens[-1]
    app.push(BriefingScreen(app.ctx, campaign.missions[campaign.menu.index]))
    app.screens[-1].handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN,
                                                    mod=0, unicode="", scancode=0))
    battle = app.screens[-1]
    assert isinstance(battle, BattleScreen)
    return battle


# each episode starts somewhere the random walk rarely gets to on its own
STARTS = {
    "title": lambda app: app.push(TitleScreen(app.ctx)),
    "settings": lambda app: (app.push(TitleScreen(app.ctx)), app.push(SettingsScreen(app.ctx))),
    "custom maps": lambda app: (app.push(TitleScreen(app.ctx)),
                                app.push(CustomMapsScreen(app.ctx))),
    "battle": into_battle,
    "pause and help": lambda app: (lambda b: (app.push(PauseScreen(app.ctx, b)),
                                              app.push(HelpOverlay(app.ctx))))(into_battle(app)),
    "debrief": lambda app: setattr(into_battle(app).world, "outcome", "victory"),
}
MUST_SEE = {"TitleScreen", "CampaignScreen", "BriefingScreen", "BattleScreen",
            "PauseScreen", "SettingsScreen", "HelpOverlay", "DebriefScreen",
            "CustomMapsScreen"}


def test_a_seeded_monkey_through_every_screen_raises_nothing(app):
    seen: set[str] = set()
    for index, start in enumerate(STARTS.values()):
        app.screens.clear()
        app.running = True
        app.surface = pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
        start(app)
        monkey = Monkey(app, seed=1000 + index)
        monkey.run(220)
        seen |= monkey.seen
    assert seen >= MUST_SEE, f"never reached: {sorted(MUST_SEE - seen)}"
