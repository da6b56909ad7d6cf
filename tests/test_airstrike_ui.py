"""The strike's aiming overlay and its effects, driven headless (dummy video driver)."""

from __future__ import annotations

import pygame
import pytest

from game.render.camera import Camera
from game.render.strike_fx import StrikeFx
from game.render.text import TextCache
from game.sim.commands import CallStrike
from game.sim.events import CommandRefused, StrikeImpact, StrikeInbound
from game.sim.geometry import TILE_PX
from game.sim.step import step
from game.sim.world import new_world
from game.ui.strike_aim import AIMING, CONFIRMING, IDLE, StrikeAim
from tests.ascii_maps import ascii_scenario

ROWS = [
    "S...........................",
    "............................",
    "............................",
    "............................",
    "............................",
    "............................",
]


@pytest.fixture(scope="module", autouse=True)
def display():
    pygame.display.init()
    pygame.font.init()
    yield


def _setup():
    world = new_world(ascii_scenario(ROWS), seed=2)
    camera = Camera(world.terrain.width * TILE_PX, world.terrain.height * TILE_PX, 900, 300)
    camera.x = camera.y = 0.0
    camera.clamp()
    return world, camera, StrikeAim(TextCache())


def _click(camera, tile, button=1):
    pos = camera.world_to_screen((tile[0] + 0.5) * TILE_PX, (tile[1] + 0.5) * TILE_PX)
    return pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=button, pos=pos)


def _key(key):
    return pygame.event.Event(pygame.KEYDOWN, key=key, mod=0)


def test_a_clear_target_is_called_with_one_click():
    world, camera, aim = _setup()
    assert aim.handle_event(_click(camera, (20, 3)), world, camera) == (False, [])
    aim.start(world)
    used, commands = aim.handle_event(_click(camera, (20, 3)), world, camera)
    assert used and commands == [CallStrike(20, 3, False)]
    assert aim.state == IDLE


def test_danger_close_asks_again_and_confirm_sends_the_confirmed_call():
    world, camera, aim = _setup()
    aim.start(world)
    used, commands = aim.handle_event(_click(camera, (2, 1)), world, camera)
    assert used and commands == [] and aim.state == CONFIRMING
    surface = pygame.Surface((900, 300))
    aim.draw(surface, camera, world)
    aim.draw_prompt(surface, world)
    assert aim.confirm_rect.w > 0
    press = pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=aim.confirm_rect.center)
    used, commands = aim.handle_event(press, world, camera)
    assert commands == [CallStrike(2, 1, True)]
    assert aim.state == IDLE


def test_escape_and_right_click_step_back():
    world, camera, aim = _setup()
    aim.start(world)
    aim.handle_event(_click(camera, (2, 1)), world, camera)
    assert aim.state == CONFIRMING
    aim.handle_event(_key(pygame.K_ESCAPE), world, camera)
    assert aim.state == AIMING
    aim.handle_event(_click(camera, (9, 3), button=3), world, camera)
    assert aim.state == IDLE
    aim.start(world)
    aim.handle_event(_click(camera, (2, 1)), world, camera)
    assert aim.handle_event(_key(pygame.K_RETURN), world, camera)[1] == [CallStrike(2, 1, True)]


def test_a_late_danger_close_refusal_reopens_the_prompt_and_no_charges_block_aiming():
    world, camera, aim = _setup()
    aim.start(world)
    aim.handle_event(_click(camera, (20, 3)), world, camera)
    aim.consume([CommandRefused("CallStrike", "danger close: 1 friendly inside the blast")])
    assert aim.state == CONFIRMING and aim.confirm_tile == (20, 3)
    aim.cancel()
    world.strikes_left = 0
    assert not aim.start(world) and aim.notice == "no air support left"


def test_the_hud_button_toggles_aiming_and_shows_the_countdown():
    world, camera, aim = _setup()
    surface = pygame.Surface((900, 300))
    rect = aim.draw_hud(surface, world, (8, 34))
    press = pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=rect.center)
    assert aim.handle_event(press, world, camera)[0] and aim.state == AIMING
    aim.cancel()
    step(world, [CallStrike(20, 3)])
    assert world.strikes
    aim.draw_hud(surface, world, (8, 34))
    assert not aim.start(world), "one run at a time"


def test_effects_play_out_and_end():
    world, camera, _ = _setup()
    fx = StrikeFx(seed=1)
    surface = pygame.Surface((900, 300))
    step(world, [CallStrike(20, 3)])
    fx.draw_air(surface, camera, world)  # the marker and its countdown
    fx.consume([StrikeInbound(1, 20, 3, 90, 300)])
    for _ in range(30):
        fx.update(1 / 30)
        fx.draw_air(surface, camera, world)
    world.smoke[1:5, 17:24] = 200  # the cloud the rules track is drawn too
    fx.consume([StrikeImpact(1, 20, 3, 4 * 256, 2, 5)])
    assert fx.flash > 0 and fx.shake > 0 and fx.particles and fx.scorches
    for _ in range(30):
        fx.update(1 / 30)
        fx.draw_ground(surface, camera, world)
        fx.draw_air(surface, camera, world)
        fx.apply_shake(surface)
        fx.draw_flash(surface)
    for _ in range(12 * 30):
        fx.update(1 / 30)
    assert not fx.busy, "particles, jet, flash and shake all finish"
    assert fx.scorches, "the scorch mark stays"
    fx.update(0.0)  # paused: nothing moves
