"""Aiming a grenade and drawing the ones the squad knows of, headless (dummy video)."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.render.camera import Camera
from game.render.grenade_fx import RING, GrenadeFx
from game.render.text import TextCache
from game.sim.commands import ThrowGrenade
from game.sim.events import GrenadeLanded
from game.sim.geometry import TILE_PX
from game.sim.grenades import within_throw
from game.sim.step import step
from game.sim.world import new_world
from game.tiled.loader import load_scenario
from game.ui.grenade_aim import AIMING, CONFIRMING, IDLE, GrenadeAim

MAP = Path(__file__).parent / "data" / "grenade_ring.tmx"  # Hana and Maaz at (6, 4), (7, 4)


@pytest.fixture(scope="module", autouse=True)
def display():
    pygame.display.init()
    pygame.font.init()
    yield


def _setup():
    world = new_world(load_scenario(MAP), seed=2)
    camera = Camera(world.terrain.width * TILE_PX, world.terrain.height * TILE_PX, 600, 400)
    camera.x = camera.y = 0.0
    camera.clamp()
    rafiq = next(u for u in world.squad() if u.kind == "rafiq")
    return world, camera, GrenadeAim(TextCache()), rafiq


def _click(camera, tile, button=1):
    pos = camera.world_to_screen((tile[0] + 0.5) * TILE_PX, (tile[1] + 0.5) * TILE_PX)
    return pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=button, pos=pos)


def test_a_clear_throw_is_one_click_by_the_selected_member():
    world, camera, aim, rafiq = _setup()
    aim.toggle(world, {rafiq.id})
    assert aim.state == AIMING
    used, commands = aim.handle_event(_click(camera, (4, 1)), world, camera, {rafiq.id})
    assert used and commands == [ThrowGrenade(rafiq.id, 4, 1, False)]
    assert aim.state == IDLE


def test_ours_in_the_ring_ask_for_confirmation_first():
    world, camera, aim, rafiq = _setup()
    aim.toggle(world, {rafiq.id})
    used, commands = aim.handle_event(_click(camera, (6, 5)), world, camera, {rafiq.id})
    assert used and commands == [] and aim.state == CONFIRMING
    assert {u.kind for u in aim.at_risk(world, aim.confirm_tile)} == {"hana", "maaz"}
    enter = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0)
    assert aim.handle_event(enter, world, camera, {rafiq.id}) == (
        True, [ThrowGrenade(rafiq.id, 6, 5, True)])


def test_a_tile_beyond_reach_is_refused_on_the_aim_screen_and_aiming_goes_on():
    world, camera, aim, rafiq = _setup()
    far = next((x, y) for y in range(world.terrain.height) for x in range(world.terrain.width)
               if not within_throw(rafiq, (x, y)))
    aim.toggle(world, {rafiq.id})
    used, commands = aim.handle_event(_click(camera, far), world, camera, {rafiq.id})
    assert used and commands == [] and aim.state == AIMING
    assert aim.notice.startswith("too far to throw")
    used, commands = aim.handle_event(_click(camera, (4, 1)), world, camera, {rafiq.id})
    assert commands == [ThrowGrenade(rafiq.id, 4, 1, False)] and aim.notice == ""


def test_nobody_with_grenades_says_so():
    world, camera, aim, rafiq = _setup()
    for uid in world.grenades_left:
        world.grenades_left[uid] = 0
    aim.toggle(world, {rafiq.id})
    assert aim.state == IDLE and aim.notice == "no grenades left"


def test_a_known_ring_is_drawn_over_the_map_before_the_burst():
    world, camera, aim, rafiq = _setup()
    events = step(world, [ThrowGrenade(rafiq.id, 4, 1)])
    while not any(isinstance(e, GrenadeLanded) for e in events):
        events = step(world, [])
    surface = pygame.Surface((600, 400))
    GrenadeFx(TextCache()).draw(surface, camera, world, 0.0)
    grenade = world.grenades[0]
    r = round(grenade.radius * camera.tile_px)
    cx, cy = camera.sub_to_screen(grenade.x, grenade.y)
    edge = [surface.get_at((cx + dx, cy)) for dx in range(r - 2, r + 2)]
    assert any(tuple(p)[:3] == RING for p in edge)
