"""What a new player tripped on (issue 12): each test here failed before its fix."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game import MAPS_DIR
from game.app import invisible_display, screenshot_dir
from game.session import Session
from game.sim import events as ev
from game.sim.step import step
from game.ui.battle import BattleScreen
from game.ui.campaign import CampaignScreen
from game.ui.confirm import ConfirmScreen
from game.ui.hud import Hud, survivors_status
from game.ui.outcome import mission_stats
from game.ui.radio_log import RadioLog
from game.ui.strike_aim import CONFIRMING
from game.ui.title import TitleScreen
from tests.test_frontend import walled_field

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("DANGER_CLOSE_HOME", str(tmp_path))
    return tmp_path


def key(app, k: int, mod: int = 0) -> None:
    app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0))


def battle_on(app, scenario=None, seed: int = 3) -> BattleScreen:
    screen = BattleScreen(app.ctx, Session(scenario or walled_field(), seed=seed))
    app.push(screen)
    return screen


# -- 1. no display -------------------------------------------------------------------------
def test_an_invisible_fallback_driver_is_refused_unless_asked_for():
    assert invisible_display("offscreen", "", headless=False)  # SDL's quiet fallback
    assert invisible_display("dummy", "x11", headless=False)
    assert not invisible_display("offscreen", "offscreen", headless=False)  # the user's pick
    assert not invisible_display("dummy", "x11,dummy", headless=False)
    assert not invisible_display("offscreen", "", headless=True)  # --frames: a picture
    assert not invisible_display("x11", "", headless=False)


def test_no_screen_at_all_says_how_to_run_headless_and_exits_1(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    env.update(DANGER_CLOSE_HOME=str(tmp_path), SDL_AUDIODRIVER="dummy")
    result = subprocess.run([sys.executable, "-m", "game"], capture_output=True, text=True,
                            env=env, timeout=60, cwd=ROOT)
    assert result.returncode == 1, result.stderr
    assert "no screen found" in result.stderr and "SDL_VIDEODRIVER=dummy" in result.stderr


# -- 2. the campaign leads into training ---------------------------------------------------
def test_new_campaign_then_enter_three_times_is_the_training_lane(app):
    app.push(TitleScreen(app.ctx))
    for _ in range(3):
        key(app, pygame.K_RETURN)  # New campaign, the first mission, Deploy
    battle = app.screens[-1]
    assert isinstance(battle, BattleScreen)
    assert battle.mission.training and battle.mission.map.name == "training.tmx"
    campaign = next(s for s in app.screens if isinstance(s, CampaignScreen))
    assert campaign.open == [True] + [False] * (len(campaign.missions) - 1)


def test_the_shipped_campaign_and_the_readme_agree_on_the_order():
    entries = json.loads((MAPS_DIR / "campaign.json").read_text())
    assert entries[0]["id"] == "training"
    readme = (ROOT / "README.md").read_text()
    assert "a training\nlane, then Qasr al-Hanif" in readme
    assert "each opened by winning\nthe one before" in readme


# -- 3. the radio speaks for the player only ---------------------------------------------
def test_the_radio_log_keeps_quiet_about_the_insurgents_refused_orders():
    world = Session(walled_field(), seed=3).world
    insurgent = next(u for u in world.units.values() if u.side == "insurgent")
    soldier = world.squad()[0]
    log = RadioLog()
    log.consume([ev.CommandRefused("Move", "no route there", insurgent.id)], world)
    assert log.lines == []
    log.consume([ev.CommandRefused("Move", "no route there", soldier.id),
                 ev.CommandRefused("CallStrike", "no air support left", 0)], world)
    assert [line.text for line in log.lines] == [
        "Can't do that: no route there.", "Can't do that: no air support left."]


def test_a_trigger_line_that_names_its_speaker_is_not_prefixed_radio():
    world = Session(walled_field(), seed=3).world
    log = RadioLog()
    log.consume([ev.RadioMessage("Radio", "Rahim: Targets in the pit."),
                 ev.RadioMessage("Radio", "Ambush! They were waiting: in the school.")], world)
    assert [line.text for line in log.lines] == [
        "Rahim: Targets in the pit.", "Radio: Ambush! They were waiting: in the school."]


# -- 4. statuses end when they stop being true ---------------------------------------------
def stale_status(unit) -> str:
    """The activity a unit shows that nothing in its state supports any more."""
    if not unit.active:
        return ""
    shows = unit.activity
    if shows in ("firing", "aiming") and not unit.target_id and unit.ground_target is None:
        return shows
    if shows == "healing" and not unit.squad.work_target:
        return shows
    if shows == "working" and unit.squad.work_tile is None:
        return shows
    if shows == "reloading" and not unit.reload_left:
        return shows
    return ""


def test_firing_ends_when_there_is_nothing_left_to_fire_at():
    world = Session(walled_field(), seed=1).world
    fired = False
    for _ in range(900):
        events = step(world, [])
        fired |= any(isinstance(e, ev.ShotFired) for e in events)
        stale = {u.name: stale_status(u) for u in world.units.values() if stale_status(u)}
        assert not stale, f"tick {world.tick}: {stale}"
    assert fired  # the scenario did have a fight


def test_the_card_says_reloading_for_as_long_as_the_reload_lasts():
    world = Session(walled_field(), seed=1).world
    soldier = world.squad()[0]
    soldier.reload_left, soldier.activity = 20, "moving"  # an order while reloading
    badge = next(b for b in Hud._badges(world, set()) if b[0] == soldier.id)
    assert badge[-1].endswith("reloading")


# -- 5. training prompts -----------------------------------------------------------------
def training(app) -> BattleScreen:
    from game.tiled.loader import load_scenario

    return battle_on(app, load_scenario(MAPS_DIR / "training.tmx"))


def test_ctrl_a_on_a_squad_that_starts_selected_clears_the_select_step(app):
    battle = training(app)
    assert battle.selected  # the whole squad starts selected
    key(app, pygame.K_a, pygame.KMOD_CTRL)
    app.step_frame(1 / 30)
    assert battle.tutorial.index >= 1


def test_after_a_quickload_the_prompts_resume_from_the_world(app):
    battle = training(app)
    world = battle.world
    for unit in world.civilians():  # the house searched before the save
        unit.survivor.found = True
    battle.tutorial.index = 0  # as a fresh load would leave it before this fix
    key(app, pygame.K_F5)
    key(app, pygame.K_F9)
    tutorial = battle.tutorial
    assert tutorial.index == 2, tutorial.current  # found: so selected and moved before
    key(app, pygame.K_SPACE)  # the one lesson the world cannot show: pausing
    app.step_frame(1 / 30)
    assert tutorial.index == 4, tutorial.current  # the stone house is behind them


# -- 6. the defeat screen ------------------------------------------------------------------
def test_downed_members_are_not_standing():
    world = Session(walled_field(), seed=3).world
    for unit in world.squad():
        unit.life = "downed"
    line = next(s for s in mission_stats(world) if s.startswith("Squad standing"))
    assert line.startswith("Squad standing: 0 of 4") and "4 down" in line


# -- 7. modal prompts hold the clock -------------------------------------------------------
def test_space_does_nothing_while_danger_close_is_asked(app):
    battle = battle_on(app)
    aim = battle.strike_aim
    aim.start(battle.world)
    aim.state, aim.confirm_tile = CONFIRMING, battle.world.squad()[0].tile
    app.clock.paused = True
    key(app, pygame.K_SPACE)
    key(app, pygame.K_EQUALS)
    assert app.clock.paused and app.clock.scale == 1.0
    ticks = battle.world.tick
    app.step_frame(1 / 30)
    assert battle.world.tick == ticks and aim.state == CONFIRMING


# -- 8. prompts stay on screen -------------------------------------------------------------
@pytest.mark.parametrize("corner", [(0, 0), (1, 0), (0, 1), (1, 1)])
def test_the_strike_prompt_stays_inside_the_screen_near_every_edge(app, corner):
    battle = battle_on(app)
    surface = pygame.Surface((640, 360))
    battle.camera.resize(*surface.get_size())
    aim = battle.strike_aim
    aim.start(battle.world)
    pos = (corner[0] * 639, corner[1] * 359)
    aim.tile = battle.camera.screen_to_tile(*pos)
    drawn = []
    real_blit = aim.text.blit

    def spy(*args, **kwargs):
        rect = real_blit(*args, **kwargs)
        drawn.append(rect)
        return rect

    aim.text.blit = spy
    top = battle.hud.top_h
    aim.draw(surface, battle.camera, battle.world)
    aim.draw_prompt(surface, battle.world, top)
    aim.switch_mode()  # the gun run's start marker label too
    aim.draw(surface, battle.camera, battle.world)
    aim.draw_prompt(surface, battle.world, top)
    assert len(drawn) == 2
    below_the_top_bar = surface.get_rect()
    below_the_top_bar.top += top
    for rect in drawn:
        assert below_the_top_bar.contains(rect), rect


# -- 9. quickload restores the view --------------------------------------------------------
def test_quickload_brings_back_pause_log_camera_and_selection(app):
    battle = battle_on(app)
    for _ in range(30):
        battle.tick()
    battle.log.add(1.0, "Rafiq: Moving to the wall.")
    app.clock.paused = True
    battle.camera.zoom_index = 5
    battle.camera.centre_on(400, 500)
    battle.selected = {battle.world.squad()[1].id}
    saved_log = [line.text for line in battle.log.lines]
    saved_cam = (battle.camera.x, battle.camera.y, battle.camera.zoom_index)
    key(app, pygame.K_F5)
    app.clock.paused = False
    battle.camera.centre_on(10, 10)
    battle.log.add(2.0, "Something after the save.")
    key(app, pygame.K_F9)
    assert app.clock.paused
    assert [line.text for line in battle.log.lines] == saved_log
    assert (battle.camera.x, battle.camera.y, battle.camera.zoom_index) == saved_cam
    assert battle.selected == {battle.world.squad()[1].id}


def test_a_quicksave_without_the_view_block_still_loads(app, home):
    battle = battle_on(app)
    key(app, pygame.K_F5)
    path = next((home / "quicksaves").glob("*.json"))
    data = json.loads(path.read_text())
    del data["ui"]
    path.write_text(json.dumps(data))
    assert battle.world.tick == 0
    from game.ui.battle_extras import quickload

    assert quickload(battle)


@pytest.mark.parametrize("ui", [
    {"paused": "yes", "camera": {"x": 1e300, "y": None, "zoom": 99}, "log": "nope",
     "selected": [10 ** 20, "x", True]},
    {"camera": [1, 2], "log": [[0, "ok", [1, 2, 3]], [0, "bad", [999, 0, 0]], 7],
     "tutorial": {"done": ["found", "no such flag", 3]}},
])
def test_a_damaged_view_block_is_skipped_field_by_field(app, home, ui):
    battle = battle_on(app)
    key(app, pygame.K_F5)
    path = next((home / "quicksaves").glob("*.json"))
    data = json.loads(path.read_text())
    data["ui"] = ui
    path.write_text(json.dumps(data))
    from game.ui.battle_extras import quickload

    assert quickload(battle)
    app.draw(1.0)


# -- 10. screenshots go with the player's files -------------------------------------------
def test_f12_screenshots_go_under_danger_close_home(app, home):
    assert screenshot_dir() == home / "screenshots"
    app.push(TitleScreen(app.ctx))
    app.step_frame(1 / 30)
    key(app, pygame.K_F12)
    assert list((home / "screenshots").glob("*.png"))


# -- 11. the top bar's count and the title's Esc -------------------------------------------
def test_more_saved_than_needed_reads_as_a_goal_met():
    assert "7/6" not in survivors_status(7, 6, 10)
    assert survivors_status(7, 6, 10) == "Survivors saved 7: goal of 6 met (10 on the map)"
    assert survivors_status(2, 6, 10) == "Survivors saved 2 of 6 needed (10 on the map)"
    assert survivors_status(0, 2, 2) == "Survivors saved 0 of 2 needed"
    assert survivors_status(1, 0, 3) == "Survivors saved 1 of 3"


def test_esc_on_the_title_asks_before_quitting(app):
    app.push(TitleScreen(app.ctx))
    key(app, pygame.K_ESCAPE)
    assert app.running and isinstance(app.screens[-1], ConfirmScreen)
    key(app, pygame.K_RETURN)  # the cursor starts on "Stay"
    assert app.running and isinstance(app.screens[-1], TitleScreen)
    key(app, pygame.K_ESCAPE)
    confirm = app.screens[-1]
    app.draw(1.0)  # lays out the buttons for the mouse
    quit_row = [i.label for i in confirm.menu.items].index("Quit")
    pos = confirm.menu.rects[quit_row].center
    app.dispatch(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    app.dispatch(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    assert not app.running and app.exit_code == 0


# -- 12. what the game ships validates clean -----------------------------------------------
@pytest.mark.parametrize("path", sorted(MAPS_DIR.glob("*.tmx")), ids=lambda p: p.name)
def test_every_shipped_map_validates_with_no_warnings(path):
    from game.tiled.validate import validate_map

    assert [str(p) for p in validate_map(str(path))] == []


def test_an_insurgent_behind_sandbags_is_a_target_one_behind_stone_is_not_seen():
    from game.tiled.validate import reach_from, seen_from
    from tests.ascii_maps import ascii_scenario

    scen = ascii_scenario([
        "S.....bbb...###",
        "......bEb...#E#",
        "......bbb...###",
    ])
    reach = reach_from(scen, [(0, 0)])
    seen = seen_from(scen, reach)
    assert not reach[1, 7] and seen[1, 7]  # in the pit: shot over the sandbags
    assert not seen[1, 13]  # sealed in stone: the validator still warns


def test_the_last_training_prompt_waits_for_the_extraction_not_the_survivors():
    from game.tiled.loader import load_scenario
    from game.ui.tutorial import Progress, Tutorial

    tutorial = Tutorial.from_rules(load_scenario(MAPS_DIR / "training.tmx").rules.tutorial)
    last = len(tutorial.lines) - 1
    tutorial.index = last
    tutorial.progress = Progress(found=True, following=True, healed=True, strike=True)
    tutorial.observe_state(True, True)
    assert tutorial.index == last  # "Bring both survivors ... to Bravo" still showing
    tutorial.progress.extracted = True
    tutorial.observe_state(True, True)
    assert tutorial.done


def test_aiming_over_the_minimap_moves_the_view_and_calls_nothing(app):
    battle = battle_on(app)
    app.draw(1.0)  # places the HUD and the minimap
    aim = battle.strike_aim
    aim.start(battle.world)
    pos = battle.minimap.rect.center
    before = (battle.camera.x, battle.camera.y)
    app.dispatch(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    assert aim.tile is None  # no blast circle drawn under the minimap
    app.dispatch(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    app.dispatch(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    assert not battle.pending and aim.state == "aiming"
    assert (battle.camera.x, battle.camera.y) != before


def test_the_map_s_top_row_can_be_scrolled_out_from_under_the_radio_log(app):
    battle = training(app)
    app.draw(1.0)  # lays out the HUD: where the log panel ends
    log_bottom = battle.hud.top_h + 7 * 22  # LOG_LINES rows under the top bar
    camera = battle.camera
    camera.centre_on(camera.map_w - 100, -10_000)  # as far up as it goes, at Bravo
    assert camera.world_to_screen(0, 0)[1] >= log_bottom


def test_the_last_prompt_stays_until_everyone_is_out(app):
    battle = training(app)
    tutorial = battle.tutorial
    tutorial.index = len(tutorial.lines) - 1
    world = battle.world
    world.stats.rescued = 1  # one survivor in, the mission goes on
    tutorial.observe_world(world)
    assert not tutorial.done
    world.outcome = "victory"
    tutorial.observe_world(world)
    assert tutorial.done


def test_finding_a_group_is_one_radio_line_not_one_per_survivor():
    """Played on the granary: six "Found a survivor, child." lines pushed the ambush's
    calls out of the log; the finder's own call already names the group."""
    world = Session(walled_field(), seed=3).world
    log = RadioLog()
    finder = world.squad()[0]
    found = [ev.CivilianFound(90 + i, finder.id) for i in range(6)]
    log.consume([*found, ev.RadioMessage(finder.name, "Found six children. Sending "
                                                      "coordinates.")], world)
    assert [line.text for line in log.lines] == [
        f"{finder.name}: Found six children. Sending coordinates."]
