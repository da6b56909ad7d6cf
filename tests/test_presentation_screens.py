"""Every menu screen draws under the dummy driver, keyboard and mouse drive the flow,
a remapped key persists and works, the title screenshot, and sound without a device."""

from __future__ import annotations

import logging

import numpy as np
import pygame
import pytest

from game import MAPS_DIR
from game.app import App
from game.progress import Mission
from game.session import Session
from game.ui.battle import BattleScreen
from game.ui.briefing import BriefingScreen
from game.ui.campaign import CampaignScreen
from game.ui.confirm import ConfirmScreen
from game.ui.custom_maps import CustomMapsScreen
from game.ui.debrief import DebriefScreen
from game.ui.help_overlay import HelpOverlay
from game.ui.pause import PauseScreen
from game.ui.profile import prepare, save_profile_settings
from game.ui.settings_screen import KeyBindingsScreen, SettingsScreen
from game.ui.title import TitleScreen
from tests.test_frontend import walled_field

GRANARY = Mission("granary", MAPS_DIR / "granary.tmx", "The granary")


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("DANGER_CLOSE_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def app():
    a = App()
    prepare(a.ctx, audio=False)
    yield a
    pygame.display.quit()


def key(app, k: int, mod: int = 0) -> None:
    app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0))


def click(app, pos, button: int = 1) -> None:
    app.dispatch(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    app.dispatch(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button))


def colours(surface) -> int:
    """Distinct colours in a coarse sample of the frame (a blank frame has one)."""
    arr = pygame.surfarray.array3d(surface)[::7, ::7].reshape(-1, 3)
    return len(np.unique(arr, axis=0))


def battle_for(app) -> BattleScreen:
    return BattleScreen(app.ctx, Session(walled_field(), seed=3))


SCREENS = {
    "title": lambda a: [TitleScreen(a.ctx)],
    "campaign": lambda a: [CampaignScreen(a.ctx)],
    "briefing": lambda a: [BriefingScreen(a.ctx, GRANARY)],
    "broken briefing": lambda a: [BriefingScreen(a.ctx, Mission("x", MAPS_DIR / "nope.tmx", "X"))],
    "custom maps": lambda a: [CustomMapsScreen(a.ctx)],
    "settings": lambda a: [SettingsScreen(a.ctx)],
    "key bindings": lambda a: [KeyBindingsScreen(a.ctx)],
    "help": lambda a: [TitleScreen(a.ctx), HelpOverlay(a.ctx)],
    "confirm": lambda a: [TitleScreen(a.ctx),
                          ConfirmScreen(a.ctx, "Sure?", "Really.", lambda: None)],
    "pause": lambda a: (lambda b: [b, PauseScreen(a.ctx, b)])(battle_for(a)),
    "debrief": lambda a: (lambda b: [b, DebriefScreen(a.ctx, b, None)])(battle_for(a)),
}


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_every_screen_draws(app, name):
    for screen in SCREENS[name](app):
        app.push(screen)
    surface = pygame.Surface((1280, 720))
    surface.fill((0, 0, 0))
    app.surface = surface
    app.draw(1.0)
    assert colours(surface) > 12, f"{name} looks blank"
    small = pygame.Surface((1024, 640))  # and at the smallest window size
    app.surface = small
    app.draw(1.0)
    assert colours(small) > 12
    app.ctx.settings.ui_scale = 1.5  # the largest UI scale on the smallest window: no crash
    app.draw(1.0)
    assert colours(small) > 12


def test_keyboard_walks_title_campaign_briefing_mission_pause(app):
    app.push(TitleScreen(app.ctx))
    key(app, pygame.K_DOWN)  # Continue is disabled on a new profile: New campaign is first
    assert app.screens[-1].menu.current.label == "Custom maps"
    key(app, pygame.K_UP)
    key(app, pygame.K_RETURN)
    assert isinstance(app.screens[-1], CampaignScreen)
    campaign = app.screens[-1]
    first = campaign.missions[campaign.menu.index]
    assert first.training  # a new player is led into the training lane first
    assert campaign.open == [True] + [False] * (len(campaign.missions) - 1)
    key(app, pygame.K_RETURN)
    assert isinstance(app.screens[-1], BriefingScreen)
    key(app, pygame.K_RETURN)  # Deploy
    assert isinstance(app.screens[-1], BattleScreen)
    assert app.screens[-1].mission == first
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.screens[-1], PauseScreen)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.screens[-1], BattleScreen)
    key(app, pygame.K_ESCAPE)
    pause = app.screens[-1]
    pause.menu.index = [i.label for i in pause.menu.items].index("Quit to menu")
    key(app, pygame.K_RETURN)
    assert isinstance(app.screens[-1], CampaignScreen)


def test_mouse_drives_the_menus(app):
    app.push(TitleScreen(app.ctx))
    app.surface = pygame.display.get_surface()
    app.draw(1.0)  # lays the menu out
    title = app.screens[-1]
    settings_row = [i.label for i in title.menu.items].index("Settings")
    click(app, title.menu.rects[settings_row].center)
    assert isinstance(app.screens[-1], SettingsScreen)
    screen = app.screens[-1]
    app.draw(1.0)
    before = app.ctx.settings.master_volume
    click(app, screen.menu.rects[0].center, button=3)  # right-click lowers
    assert app.ctx.settings.master_volume == pytest.approx(before - 0.1)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.screens[-1], TitleScreen)


def test_debrief_records_stars_and_unlocks_the_next(app):
    app.push(CampaignScreen(app.ctx))
    missions = app.ctx.campaign
    story = [m for m in missions if not m.training]
    battle = battle_for(app)
    battle.mission = story[0]
    battle.world.outcome, battle.world.outcome_reason = "victory", "All out."
    app.push(battle)
    app.push(DebriefScreen(app.ctx, battle, story[0]))
    assert app.ctx.progress.won(story[0].id)
    if len(story) > 1:
        assert app.ctx.progress.unlocked(missions)[missions.index(story[1])]
        assert app.screens[-1].menu.items[0].label.startswith("Next")
        key(app, pygame.K_RETURN)
        assert isinstance(app.screens[-1], BriefingScreen)
        assert app.screens[-1].mission == story[1]
        assert not any(isinstance(s, BattleScreen) for s in app.screens)
    from game.progress import load_progress

    assert load_progress()[0].won(story[0].id)  # written to disk


def test_winning_the_last_mission_says_the_campaign_is_over(app):
    story = [m for m in app.ctx.campaign if not m.training]
    battle = battle_for(app)
    battle.mission = story[-1]
    battle.world.outcome, battle.world.outcome_reason = "victory", "All out."
    app.push(battle)
    debrief = DebriefScreen(app.ctx, battle, story[-1])
    app.push(debrief)
    assert debrief.campaign_finished
    assert debrief.menu.items[0].label == "Back to missions"
    app.draw(1.0)
    earlier = DebriefScreen(app.ctx, battle, story[0])
    assert not earlier.campaign_finished


def test_a_remapped_key_persists_and_works(home):
    first = App()
    prepare(first.ctx, audio=False)
    assert first.ctx.keymap.rebind("pause", pygame.K_p)
    save_profile_settings(first.ctx)
    pygame.display.quit()

    second = App()  # a new run of the game reads the bindings back
    prepare(second.ctx, audio=False)
    assert second.ctx.settings.keys["pause"] == ["p"]
    battle = battle_for(second)
    second.push(battle)
    key(second, pygame.K_SPACE)
    assert not second.clock.paused  # the old key no longer pauses
    key(second, pygame.K_p)
    assert second.clock.paused
    key(second, pygame.K_p)
    assert not second.clock.paused
    pygame.display.quit()


def test_rebinding_in_the_settings_screen(app):
    app.push(KeyBindingsScreen(app.ctx))
    screen = app.screens[-1]
    gather = [i.label for i in screen.menu.items].index("Survivors follow (gather)")
    screen.menu.index = gather
    key(app, pygame.K_RETURN)
    assert screen.waiting == "gather"
    key(app, pygame.K_b)  # b was Falcon-2's: it moves over, Falcon-2 is left unbound
    assert app.ctx.keymap.action(pygame.K_b) == "gather"
    assert app.ctx.keymap.codes("air_strike") == []
    key(app, pygame.K_ESCAPE)  # leaving saves
    from game.settings import load_settings

    assert load_settings()[0].keys["gather"] == ["b"]


def test_f5_f9_in_battle(app):
    battle = battle_for(app)
    app.push(battle)
    for _ in range(30):
        battle.tick()
    from game.sim.world import state_hash

    saved = state_hash(battle.world)
    key(app, pygame.K_F5)
    for _ in range(30):
        battle.tick()
    assert state_hash(battle.world) != saved
    key(app, pygame.K_F9)
    assert state_hash(battle.world) == saved


def test_title_screenshot_from_the_command_line(tmp_path):
    from game.cli import main

    out = tmp_path / "title.png"
    assert main(["--frames", "2", "--screenshot", str(out)]) == 0
    image = pygame.image.load(str(out))
    assert image.get_size() == (1280, 720) and colours(image) > 12


def test_sound_without_a_device_is_silent_with_one_log_line(monkeypatch, caplog):
    from game.audio.bank import SoundBank

    def refuse(*args, **kwargs):
        raise pygame.error("no audio device")

    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", refuse)
    with caplog.at_level(logging.WARNING, logger="danger_close.audio"):
        bank = SoundBank.build()
    assert not bank.enabled
    assert {"rifle", "sniper", "ricochet", "squelch", "beep", "step_stone", "wind",
            "explosion", "jet"} <= set(bank.samples)
    bank.play("rifle", 1.0, -0.5)  # silent, no error
    assert len([r for r in caplog.records if "silently" in r.message]) == 1


def test_battle_cues_by_weapon_distance_and_radio():
    from game.audio.battle_cues import battle_cues
    from game.audio.placement import place
    from game.sim.events import RadioMessage, ShotFired
    from game.sim.geometry import SUB

    world = Session(walled_field(), seed=1).world
    view = (10.0, 10.0, 20.0, 11.0)
    near = ShotFired(1, 2, 10 * SUB, 10 * SUB, 12 * SUB, 10 * SUB, True, "rifle")
    far = ShotFired(1, 2, 60 * SUB, 10 * SUB, 62 * SUB, 10 * SUB, True, "sniper")
    cues = battle_cues([near, far, RadioMessage("Rafiq", "Contact!")], world, view)
    names = [c[0] for c in cues]
    assert "rifle" in names and "sniper_far" in names and "squelch" in names
    rifle = next(c for c in cues if c[0] == "rifle")
    sniper = next(c for c in cues if c[0] == "sniper_far")  # well off-screen: muffled
    assert sniper[1] < rifle[1] and sniper[2] == 1.0  # far right: quieter, panned right
    assert place(500.0, 10.0, view)[0] == 0.0  # way off screen: not heard
    assert place(10.0, 10.0, view) == (1.0, 0.0)
