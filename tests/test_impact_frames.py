"""Falcon-2's impact without a hitch: what its frames need is built while the bomb is
inbound (the blast's glow at every strength, the flash's full-screen colour), and the
faster drawing paints the same pixels as before."""

from __future__ import annotations

import random

import numpy as np
import pygame
import pytest

from game.render.camera import Camera
from game.render.effects import Effects, blast_light_radius
from game.render.light import GLOW_COLOUR, GLOW_STEPS, Glows
from game.render.strike_fx import FLASH_S, Particle, StrikeFx
from game.sim.events import StrikeImpact
from game.sim.geometry import SUB, TILE_PX
from game.sim.kinds import StrikeKind
from game.sim.world import StrikeCall


def _bomb(radius: float = 4.0, kind: StrikeKind = StrikeKind.BOMB) -> StrikeCall:
    return StrikeCall(id=1, x=10, y=8, radius=radius, called_tick=0, impact_tick=240,
                      heading=0, danger_close=False, caller_id=1, kind=kind)


def _glow_as_drawn_before(radius: int, strength: float) -> np.ndarray:
    """The glow's picture as the first version of light.py worked it out, for comparing."""
    size = radius * 2
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32) + 0.5
    d = np.hypot(xx - radius, yy - radius) / radius
    k = np.clip(1.0 - d, 0.0, 1.0) ** 2 * strength
    rgb = np.array(GLOW_COLOUR, dtype=np.float32)[None, None, :] * k[:, :, None]
    return rgb.astype(np.uint8).transpose(1, 0, 2)


@pytest.mark.parametrize("radius", [8, 37, 130])
def test_a_glow_built_from_the_kept_falloff_is_the_picture_it_was(radius):
    glows = Glows()
    for step in range(1, GLOW_STEPS + 1):
        img = glows.image(radius, step / GLOW_STEPS)
        expected = _glow_as_drawn_before(radius, step / GLOW_STEPS)
        assert np.array_equal(pygame.surfarray.array3d(img), expected)


def test_an_inbound_bomb_has_its_glow_built_one_picture_a_call_before_it_lands():
    effects, zoom = Effects("day"), 1.5
    calls = 0
    while calls <= GLOW_STEPS + 1:
        effects.warm_blasts([_bomb()], zoom)
        calls += 1
    radius = blast_light_radius(4.0 * TILE_PX, zoom)
    assert {key for key in effects.glows._cache} == {
        (radius, step) for step in range(1, GLOW_STEPS + 1)}
    built = dict(effects.glows._cache)
    effects.consume([StrikeImpact(1, 10, 8, int(4.0 * SUB), 0, 0)])
    camera = Camera(4096, 4096, 1280, 720, zoom_index=5)  # 1.5
    assert camera.zoom == zoom
    for age in np.linspace(0.0, 0.69, 30):  # the impact's light fades through every step
        effects.blasts[0].age = float(age)
        effects.draw(pygame.Surface((1280, 720)), camera)
    assert effects.glows._cache == built  # no picture built in the impact's frames


def test_the_battle_builds_the_impact_pictures_in_spare_time_while_a_bomb_is_inbound():
    from tests.battle_helpers import battle_screen

    app, screen = battle_screen((640, 360))
    screen.world.strikes.append(_bomb(radius=3.0, kind=StrikeKind.GUN))
    for _ in range(GLOW_STEPS + 1):
        screen.idle(1 / 60)  # a gun run has no blast to light and no flash
    assert not screen.effects.glows._cache and screen.strike_fx._veil is None
    screen.world.strikes[0] = _bomb(radius=3.0)
    for _ in range(GLOW_STEPS + 1):
        screen.idle(0.0)  # no spare time: nothing built
    assert not screen.effects.glows._cache and screen.strike_fx._veil is None
    for _ in range(GLOW_STEPS + 1):
        screen.idle(1 / 60)
    radius = blast_light_radius(3.0 * TILE_PX, screen.camera.zoom)
    assert all((radius, s) in screen.effects.glows._cache for s in range(1, GLOW_STEPS + 1))
    assert screen.strike_fx._veil.get_size() == (640, 360)


def test_the_flash_paints_what_a_fresh_veil_painted():
    fx = StrikeFx(seed=3)
    for flash in (0.3, 0.12, 0.02):
        fx.flash = flash
        base = pygame.Surface((320, 200))
        base.fill((40, 90, 160))
        expected = base.copy()
        veil = pygame.Surface((320, 200))
        veil.fill((255, 244, 220))
        veil.set_alpha(int(230 * (flash / FLASH_S) ** 1.5))
        expected.blit(veil, (0, 0))
        fx.draw_flash(base)
        assert base.get_view("2").raw == expected.get_view("2").raw


def _draw_air_one_blit_at_a_time(fx: StrikeFx, surface, camera: Camera) -> None:
    """draw_air's particles as they were drawn before puffs were batched."""
    from game.render.strike_fx import SMOKE_GREY, _fire_colour

    for p in fx.particles:
        t = p.age / p.life
        pos = camera.world_to_screen(p.x, p.y)
        r = max(1, round(p.size * camera.zoom))
        corner = (pos[0] - r, pos[1] - r)
        if p.kind == "smoke":
            surface.blit(fx._puff(r, SMOKE_GREY, int(150 * (1 - t))), corner)
        elif p.kind == "fire":
            surface.blit(fx._puff(r, _fire_colour(t), int(230 * (1 - t))), corner)
        elif p.kind == "spark":
            pygame.draw.circle(surface, (255, 240, 180), pos, max(1, r // 2))
        else:
            pygame.draw.rect(surface, (52, 46, 40), (pos[0], pos[1], r + 1, r + 1))


def test_batched_puffs_paint_the_particles_in_their_order():
    rng = random.Random(7)
    fx = StrikeFx(seed=1)
    fx.particles = [Particle(rng.uniform(0, 640), rng.uniform(0, 400), 0, 0,
                             life=1.0, size=rng.uniform(2, 14),
                             kind=rng.choice(["fire", "smoke", "smoke", "debris", "spark"]),
                             age=rng.uniform(0, 0.95)) for _ in range(300)]
    camera = Camera(2048, 2048, 640, 400)
    batched, single = pygame.Surface((640, 400)), pygame.Surface((640, 400))
    batched.fill((70, 60, 50))
    single.fill((70, 60, 50))
    fx.draw_air(batched, camera)
    _draw_air_one_blit_at_a_time(fx, single, camera)
    assert batched.get_view("2").raw == single.get_view("2").raw
