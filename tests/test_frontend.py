"""Front end under the dummy video driver: screenshots, camera, selection, orders, fog."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame
import pytest

from game.app import App, StepClock, run_play
from game.render.camera import Camera
from game.render.fog import Fog
from game.session import Session
from game.sim import commands as c
from game.sim.geometry import SUB, TILE_PX, centre_of
from game.sim.scenario import (
    CivilianSpawn,
    ExtractionZone,
    InsurgentSpawn,
    MissionRules,
    Scenario,
    SquadSpawn,
)
from game.sim.terrain import Terrain
from game.ui import orders
from game.ui.battle import BattleScreen

DATA = Path(__file__).parent / "data"


def walled_field(width: int = 40, height: int = 30) -> Scenario:
    terrain = Terrain.empty(width, height)
    terrain.walkable[12, 5:25] = False  # a wall the squad starts south of
    terrain.opaque[12, 5:25] = True
    terrain.cover[12, 5:25] = 2
    terrain.destructible[12, 20:25] = True
    terrain.door[12, 15] = True
    terrain.walkable[12, 15] = True
    terrain.cover[20, 10:14] = 1  # sandbags
    terrain.walkable[20, 10:14] = False
    return Scenario(
        path="<in code>",
        width=width,
        height=height,
        terrain=terrain,
        rules=MissionRules(title="Test field", rescue_required=1),
        squad=[SquadSpawn(centre_of(10), centre_of(24))],
        civilians=[CivilianSpawn(centre_of(14), centre_of(22), kind="child", hidden=False)],
        insurgents=[InsurgentSpawn(centre_of(12), centre_of(16), facing=90),
                    InsurgentSpawn(centre_of(30), centre_of(5))],
        extractions=[ExtractionZone((2 * SUB, 26 * SUB, 8 * SUB, 29 * SUB))],
    )


@pytest.fixture
def app():
    application = App()
    application.fixed_dt = 1 / 30
    yield application
    pygame.display.quit()


@pytest.fixture
def battle(app):
    screen = BattleScreen(app.ctx, Session(walled_field(), seed=3))
    app.push(screen)
    return screen


def distinct_colours(path: Path) -> int:
    image = pygame.image.load(str(path))
    pixels = pygame.surfarray.array3d(image).reshape(-1, 3)
    return len(np.unique(pixels[::7], axis=0))


def test_run_play_writes_a_screenshot_that_is_not_blank(tmp_path):
    shot = tmp_path / "shot.png"
    assert run_play(str(DATA / "open_field.tmx"), frames=30, screenshot=str(shot)) == 0
    assert shot.exists()
    assert distinct_colours(shot) >= 20


def test_a_bad_map_is_a_message_and_exit_code_1(tmp_path, capsys):
    bad = tmp_path / "bad.tmx"
    bad.write_text("<map>not really</ma")
    shot = tmp_path / "err.png"
    assert run_play(str(bad), frames=3, screenshot=str(shot)) == 1
    assert "bad.tmx" in capsys.readouterr().err
    assert shot.exists()


def test_camera_round_trip_under_every_zoom():
    cam = Camera(100 * TILE_PX, 80 * TILE_PX, 1280, 720)
    for steps in range(-4, 5):
        cam.zoom_index = 3
        cam.zoom_at(steps, 400, 300)
        cam.centre_on(1234.0, 987.0)
        for wx, wy in ((0.0, 0.0), (1500.5, 900.25), (3199.0, 2559.0)):
            sx, sy = cam.world_to_screen(wx, wy)
            bx, by = cam.screen_to_world(sx, sy)
            assert abs(bx - wx) <= 1 / cam.zoom and abs(by - wy) <= 1 / cam.zoom


def test_zoom_keeps_the_point_under_the_cursor():
    cam = Camera(100 * TILE_PX, 80 * TILE_PX, 1280, 720)
    cam.centre_on(1600, 1280)
    before = cam.screen_to_world(700, 350)
    assert cam.zoom_at(1, 700, 350)
    after = cam.screen_to_world(700, 350)
    assert abs(before[0] - after[0]) < 1 and abs(before[1] - after[1]) < 1


def test_box_selection_takes_exactly_the_squad_members_inside(battle):
    world = battle.world
    cam = battle.camera
    squad = sorted(world.squad(), key=lambda u: u.id)
    inside, outside = squad[:2], squad[2:]
    # move the other two well away (test setup, not play: the world is ours here)
    for unit in outside:
        unit.x = unit.last_x = centre_of(35)
    for unit in world.units.values():
        unit.last_x, unit.last_y = unit.x, unit.y
    points = [orders.screen_pos(cam, u, 1.0) for u in inside]
    left = min(p[0] for p in points) - 4
    top = min(p[1] for p in points) - 4
    right = max(p[0] for p in points) + 4
    bottom = max(p[1] for p in points) + 4
    rect = pygame.Rect(left, top, right - left, bottom - top)
    assert orders.box_select(world, cam, rect) == {u.id for u in inside}


def test_box_drag_with_the_mouse_selects(battle, app):
    world = battle.world
    unit = world.squad()[0]
    sx, sy = orders.screen_pos(battle.camera, unit, 1.0)
    battle.selected = set()
    post = pygame.event.post
    post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(sx - 60, sy - 60)))
    post(pygame.event.Event(pygame.MOUSEMOTION, pos=(sx + 60, sy + 60), rel=(120, 120),
                            buttons=(1, 0, 0)))
    post(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=(sx + 60, sy + 60)))
    app.clock.paused = True
    app.step_frame(1 / 30)
    assert unit.id in battle.selected
    assert all(world.units[i].side == "squad" for i in battle.selected)


def test_right_click_orders_a_move_to_the_clicked_tile(battle, app):
    app.clock.paused = True
    battle.selected = {u.id for u in battle.world.squad()}
    tile = (20, 26)
    sx, sy = battle.camera.world_to_screen((tile[0] + 0.5) * TILE_PX, (tile[1] + 0.5) * TILE_PX)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=3, pos=(sx, sy)))
    app.step_frame(1 / 30)
    moves = [cmd for cmd in battle.pending if isinstance(cmd, c.Move)]
    assert len(moves) == 1
    assert (moves[0].x, moves[0].y) == tile
    assert set(moves[0].unit_ids) == battle.selected
    # paused: the order waits; unpaused: it reaches the world and the squad sets off
    assert battle.world.tick == 0
    app.clock.paused = False
    app.step_frame(1 / 30)
    assert not battle.pending
    assert any(u.path for u in battle.world.squad())


def test_right_click_on_a_seen_insurgent_is_an_attack(battle):
    world = battle.world
    enemy = next(u for u in world.insurgents())
    world.seen_now[enemy.y // SUB, enemy.x // SUB] = True
    cmds = orders.right_click(world, {u.id for u in world.squad()}, enemy, enemy.tile, False)
    assert cmds == [c.Attack(tuple(sorted(u.id for u in world.squad())), enemy.id)]


def test_hotkeys_select_members_in_squad_order(battle, app):
    app.clock.paused = True
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_2, mod=0))
    app.step_frame(1 / 30)
    (uid,) = battle.selected
    assert battle.world.units[uid].kind == "hana"


def test_fog_is_dark_where_never_seen_and_clear_where_seen():
    pygame.display.init()
    pygame.display.set_mode((320, 240))
    fog = Fog(10, 8)
    seen_now = np.zeros((8, 10), dtype=bool)
    seen_ever = np.zeros((8, 10), dtype=bool)
    seen_now[2:4, 2:4] = True
    seen_ever[2:6, 2:6] = True
    fog.update(seen_now, seen_ever)
    cam = Camera(10 * TILE_PX, 8 * TILE_PX, 320, 256)
    cam.x = cam.y = 0
    frame = pygame.Surface((320, 256))
    frame.fill((200, 200, 200))
    fog.draw(frame, cam)
    pixels = pygame.surfarray.array3d(frame)
    assert pixels[8 * 32:10 * 32 - 4, 0:7 * 32].max() < 30  # never seen: dark
    assert pixels[6 * 32 + 16, 6 * 32 + 16].max() < 30
    assert tuple(pixels[3 * 32, 3 * 32]) == (200, 200, 200)  # seen now: untouched
    dim = pixels[5 * 32 + 16, 5 * 32 + 16]  # seen before: dimmed, not black
    assert 60 < dim[0] < 140
    pygame.display.quit()


def test_step_clock_caps_catch_up_and_pauses():
    clock = StepClock()
    ticks, alpha = clock.advance(10.0)
    assert ticks == 5 and alpha == 0.0
    clock.paused = True
    assert clock.advance(1.0)[0] == 0
    clock.paused = False
    clock.faster()
    ticks, _ = clock.advance(0.1)
    assert ticks == 5  # 0.2 s of game time at 2x is 6 ticks, capped at 5


def test_mission_end_shows_the_outcome_and_r_restarts(battle, app, tmp_path):
    from game.ui.outcome import OutcomeScreen

    world = battle.world
    world.outcome, world.outcome_reason = "defeat", "The squad is down."  # test setup
    app.step_frame(1 / 30)
    assert isinstance(app.screens[-1], OutcomeScreen)
    app.save_screenshot(str(tmp_path / "end.png"))
    assert distinct_colours(tmp_path / "end.png") >= 10
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_r, mod=0))
    app.step_frame(1 / 30)
    assert app.screens == [battle]
    assert battle.world is not world and battle.world.outcome == "undecided"


def test_space_pauses_and_plus_minus_change_time_scale(battle, app):
    for key in (pygame.K_SPACE, pygame.K_EQUALS, pygame.K_EQUALS):
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0))
    app.step_frame(1 / 30)
    assert app.clock.paused and app.clock.scale == 4.0
    tick = battle.world.tick
    app.step_frame(1 / 30)
    assert battle.world.tick == tick
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_MINUS, mod=0))
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_SPACE, mod=0))
    app.step_frame(1 / 30)
    assert not app.clock.paused and app.clock.scale == 2.0


def test_terrain_cache_rebuilds_only_changed_chunks(battle, app):
    terrain = battle.world.terrain
    cache = battle.terrain
    battle.world.seen_ever[:] = True  # no chunk hidden under the dark fog (those are skipped)
    battle.camera.zoom_index = 0  # the whole test field in view
    battle.camera.clamp()
    battle.draw(app.surface, 1.0)
    built = cache.chunks_built
    battle.draw(app.surface, 1.0)
    assert cache.chunks_built == built  # nothing changed, nothing rebuilt
    mask = np.zeros(terrain.walkable.shape, dtype=bool)
    mask[12, 20:25] = True
    assert terrain.destroy(mask)  # test setup: what an air strike would do
    battle.draw(app.surface, 1.0)
    assert 1 <= cache.chunks_built - built <= 2  # tiles 20..24 lie in chunks 1 (and 0)


def test_b_then_click_calls_falcon_2_on_that_tile(battle, app):
    app.clock.paused = True
    tile = (30, 5)
    battle.camera.centre_on(30 * TILE_PX, 5 * TILE_PX)
    sx, sy = battle.camera.world_to_screen((tile[0] + 0.5) * TILE_PX, (tile[1] + 0.5) * TILE_PX)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_b, mod=0))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(sx, sy)))
    app.step_frame(1 / 30)
    assert battle.pending == [c.CallStrike(30, 5, False)]
    app.clock.paused = False
    for _ in range(400):  # the strike lands and its blast is drawn without trouble
        app.step_frame(1 / 30)
    assert battle.world.strikes_left == 0


def test_right_click_a_downed_member_without_the_medic_carries_them():
    from game.sim import commands as c
    from game.sim.world import new_world
    from game.ui import orders
    from tests.ascii_maps import ascii_scenario

    world = new_world(ascii_scenario(["S.......", "........"]), seed=1)
    rafiq, hana, maaz, rima = world.squad()
    rima.life, rima.hp = "downed", 0
    with_medic = orders.right_click(world, {rafiq.id, hana.id}, rima, rima.tile, False)
    assert any(isinstance(cmd, c.Heal) and cmd.medic_id == hana.id for cmd in with_medic)
    without = orders.right_click(world, {maaz.id}, rima, rima.tile, False)
    assert without == [c.Carry(maaz.id, rima.id)]
    maaz.carrying = rima.id
    assert orders.put_down(world, {maaz.id, rafiq.id}) == [c.Carry(maaz.id, 0)]


def test_a_too_small_window_holds_the_game_and_enter_restores_it():
    import pygame

    from game.app import MIN_SIZE, WINDOW_SIZE, App
    from game.session import Session
    from game.ui.battle import BattleScreen
    from tests.ascii_maps import ascii_scenario

    app = App()
    battle = BattleScreen(app.ctx, Session(ascii_scenario(["S....", "....."]), seed=1))
    app.push(battle)
    app.step_frame(1 / 30)
    ticks = battle.world.tick
    pygame.display.set_mode((MIN_SIZE[0] - 200, MIN_SIZE[1] - 100), pygame.RESIZABLE)
    for _ in range(5):
        app.step_frame(1 / 30)
    assert battle.world.tick == ticks, "the mission ran on in a window too small to see it"
    app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode=""))
    app.step_frame(1 / 30)
    assert pygame.display.get_surface().get_size() == WINDOW_SIZE
    assert battle.world.tick > ticks


def test_no_usable_display_is_a_message_not_a_traceback(tmp_path):
    import os
    import subprocess
    import sys

    env = dict(os.environ, SDL_VIDEODRIVER="no-such-driver", DANGER_CLOSE_HOME=str(tmp_path))
    for args in ([], ["play", "tests/data/open_field.tmx"]):
        result = subprocess.run([sys.executable, "-m", "game", *args], capture_output=True,
                                text=True, env=env, timeout=60)
        assert result.returncode == 1
        assert "cannot open the game window" in result.stderr
        assert "Traceback" not in result.stderr
