"""What the battle frame keeps between frames to draw less (issue 16) never goes stale:
the remembered-contact spots follow a pan and a zoom, the fog reads sight grids the
simulation changed in place, the route-end shields follow the ring of tiles they read,
the label plates are the panels drawn fresh, and the alert marks drawn at the spots
draw_units placed are the marks drawn from the units themselves."""

from __future__ import annotations

import random
from types import SimpleNamespace

import numpy as np
import pygame

from game.render.camera import Camera
from game.render.contacts import draw_remembered_contacts
from game.render.fog import Fog
from game.render.sprites import interpolated
from game.render.text import TextCache, panel_of
from game.render.threats import _draw_placed_alerts
from game.sim.geometry import TILE_PX
from game.sim.queries import cover_by_direction, visible_units
from game.ui.cover_preview import _cover_of
from tests.test_contacts import _seen_then_lost

W, H = 640, 160
SAND = (186, 160, 120)


def _contacts_drawn(world, camera: Camera, text: TextCache) -> np.ndarray:
    surface = pygame.Surface((W, H))
    surface.fill(SAND)
    draw_remembered_contacts(surface, camera, world, text)
    return pygame.surfarray.array3d(surface)


def test_kept_contact_spots_move_with_a_pan_and_are_placed_again_after_a_zoom():
    pygame.init()
    world, _enemy = _seen_then_lost()
    camera = Camera(world.terrain.width * TILE_PX, world.terrain.height * TILE_PX, W, H)
    kept = TextCache()  # its stamps keep the spots between the draws below
    first = _contacts_drawn(world, camera, kept)
    assert (first != SAND).any(), "the lost contact is marked"
    camera.margin_tiles = (8, 8)  # room to pan a small map
    camera.pan(37, 11)  # the same tick: only the view moved
    panned = _contacts_drawn(world, camera, kept)
    assert (panned != first).any()
    assert (panned == _contacts_drawn(world, camera, TextCache())).all(), "moved with the view"
    assert camera.zoom_at(1, W // 2, H // 2)
    zoomed = _contacts_drawn(world, camera, kept)
    assert (zoomed == _contacts_drawn(world, camera, TextCache())).all(), "placed at the zoom"


def test_the_fog_reads_sight_grids_changed_in_place():
    fog = Fog(12, 8)
    seen_now = np.zeros((8, 12), dtype=bool)
    seen_ever = np.zeros((8, 12), dtype=bool)
    fog.update(seen_now, seen_ever)
    revision = fog.revision
    fog.update(seen_now, seen_ever)
    assert fog.revision == revision, "nothing changed: nothing rebuilt"
    seen_now[2:4, 3:6] = True  # the simulation writes into the same arrays
    seen_ever[2:4, 3:6] = True
    fog.update(seen_now, seen_ever)
    assert fog.revision == revision + 1
    assert (fog.levels[2:4, 3:6] == 255).all() and fog.levels[0, 0] == 0
    seen_now[:] = False  # sight moves on; the ground stays remembered
    fog.update(seen_now, seen_ever)
    assert fog.revision == revision + 2 and (fog.levels[2:4, 3:6] == 92).all()


def test_kept_route_end_shields_answer_as_the_rules_do_for_any_ring():
    rng = random.Random(7)
    for _ in range(400):
        h, w = rng.randint(1, 5), rng.randint(1, 5)
        cover = np.array([[rng.choice((0, 0, 1, 2)) for _ in range(w)] for _ in range(h)],
                         dtype=np.uint8)
        known = np.array([[rng.random() < 0.6 for _ in range(w)] for _ in range(h)])
        terrain = SimpleNamespace(cover=cover)
        tile = (rng.randrange(w), rng.randrange(h))
        assert _cover_of(terrain, tile, known) == cover_by_direction(terrain, tile, known)


def test_kept_label_plates_are_the_panels_filled_fresh():
    pygame.init()
    fresh = pygame.Surface((30, 12), pygame.SRCALPHA)
    fresh.fill((10, 12, 14, 170))
    kept = panel_of((30, 12), (10, 12, 14, 170))
    assert panel_of((30, 12), (10, 12, 14, 170)) is kept
    assert pygame.image.tobytes(kept, "RGBA") == pygame.image.tobytes(fresh, "RGBA")
    assert panel_of((30, 12), (10, 12, 14, 190)) is not kept, "another colour"
    assert panel_of((31, 12), (10, 12, 14, 170)).get_size() == (31, 12)


def test_alert_marks_at_the_placed_spots_are_the_marks_from_the_units():
    from game.render.sprites import draw_units
    from tests.battle_helpers import battle_screen

    rows = ["S..E.E.E.......",
            "...............",
            "....E..........",
            "...............",
            "..............."]
    app, screen = battle_screen(rows=rows)
    world = screen.world
    world.seen_now[:] = True  # the squad sees the whole field
    alerts = ("yellow", "red", "black", "none")
    for i, unit in enumerate(world.insurgents()):
        unit.mind.alert = alerts[i % len(alerts)]
        unit.last_x = unit.x - 40 * (i + 1)  # moving: drawn between two ticks
    shown = visible_units(world)
    camera, surface = screen.camera, app.surface
    for alpha in (0.0, 0.5, 1.0):
        surface.fill(SAND)
        placed = draw_units(surface, camera, world, alpha, screen.sprites, set(), shown)
        before = surface.copy()
        at_units = [(u, *camera.sub_to_screen(*interpolated(u, alpha))) for u in shown]
        _draw_placed_alerts(surface, camera, at_units, screen.text)  # where the units are
        expected = pygame.image.tobytes(surface, "RGB")
        surface.blit(before, (0, 0))
        _draw_placed_alerts(surface, camera, placed, screen.text)
        assert pygame.image.tobytes(surface, "RGB") == expected, alpha
        assert pygame.image.tobytes(surface, "RGB") != pygame.image.tobytes(before, "RGB")


def test_poses_are_turned_ahead_nearest_facing_first():
    from game.render import sprites as sprite_mod
    from tests.test_frame_spreading import _crowd

    world = _crowd(2)
    first, second = world.units.values()
    first.facing, second.facing = 0, 180  # east and west, both standing still
    cache = sprite_mod.SpriteCache()
    keys = cache.turn_keys([first, second], 32, world.tick, world)
    n = sprite_mod.ANGLE_BUCKETS

    def turn(key) -> int:  # buckets from the nearer of the two facings on show (0, n / 2)
        b = round(key[5] * n / 360)
        return min(min((b - c) % n, (c - b) % n) for c in (0, n // 2))

    assert len(keys) == n, "every facing of the one pose on show"
    assert [turn(k) for k in keys[:2]] == [0, 0], "the facings on show first"
    assert [turn(k) for k in keys] == sorted(turn(k) for k in keys)
    assert turn(keys[-1]) == n // 4, "a quarter turn from both: last"


def test_minimap_dots_laid_on_the_screen_sit_where_the_framed_map_had_them():
    from game.ui.minimap import DOT
    from tests.battle_helpers import battle_screen

    rows = ["S..E.E.E.......",
            "...............",
            "....E....A.....",
            "...............",
            "..............N"]
    app, screen = battle_screen(rows=rows)
    world = screen.world
    world.seen_now[:] = True
    mini = screen.minimap
    shown = visible_units(world)
    screen.draw(app.surface, 1.0)
    mx, my = mini.rect.topleft
    kk = mini.scale / TILE_PX / 8  # sub units -> minimap px
    for unit in shown:  # the framed map (at mx - 2, my - 2) had its dot at round(..) - mx + 1
        x = (mx - 2) + round(mx + unit.x * kk) - mx + 1
        y = (my - 2) + round(my + unit.y * kk) - my + 1
        spot = (x + 1, y + 1)  # the middle of the 3x3 dot
        assert tuple(app.surface.get_at(spot))[:3] == DOT[unit.side], unit.kind


def _tracers_as_drawn_before(effects, surface, camera) -> None:
    """Effects.draw's tracer loop as it was before it skipped those off the screen."""
    import math

    from game.render import effects as fx

    zoom = camera.zoom
    ox, oy = camera.origin()
    for t in effects.tracers:
        age = t.age
        b = (ox + round(t.x1 * zoom), oy + round(t.y1 * zoom))
        if age < fx.TRACER_S:
            a = (ox + round(t.x0 * zoom), oy + round(t.y0 * zoom))
            fade = 1.0 - age / fx.TRACER_S
            head = min(1.0, age / fx.TRACER_S * 2.5)
            hx, hy = a[0] + (b[0] - a[0]) * head, a[1] + (b[1] - a[1]) * head
            tail = max(0.0, head - 0.45)
            tx, ty = a[0] + (b[0] - a[0]) * tail, a[1] + (b[1] - a[1]) * tail
            dim = (round(150 * fade + 60), round(120 * fade + 40), 40)
            pygame.draw.line(surface, dim, a, (hx, hy), 1)
            pygame.draw.line(surface, (255, 240, 160), (tx, ty), (hx, hy), 2)
            if age < fx.FLASH_S:
                r = max(2, round(6 * zoom * (1.0 - age / fx.FLASH_S)))
                ang = math.atan2(t.y1 - t.y0, t.x1 - t.x0)
                fx_, fy_ = a[0] + math.cos(ang) * r * 1.8, a[1] + math.sin(ang) * r * 1.8
                pygame.draw.circle(surface, (255, 200, 80), (fx_, fy_), r)
                pygame.draw.circle(surface, (255, 250, 220), (fx_, fy_), max(1, r // 2))
        if age >= fx.TRACER_S * 0.5:
            k = (age - fx.TRACER_S * 0.5) / (fx.PUFF_S - fx.TRACER_S * 0.5)
            colour = (200, 40, 40) if t.hit else (170, 160, 140)
            pygame.draw.circle(surface, colour, b, max(1, round((2 + 5 * k) * zoom)),
                               1 if k > 0.5 else 0)


def test_tracers_skipped_off_the_screen_change_no_pixel():
    from game.render.camera import ZOOM_LEVELS
    from game.render.effects import PUFF_S, Effects, Tracer

    rng = random.Random(3)
    for zoom_index in range(len(ZOOM_LEVELS)):
        camera = Camera(4000, 4000, 320, 200, x=1000, y=1000, zoom_index=zoom_index)
        effects = Effects()
        for _ in range(300):  # around the view and across its edges, at every age
            x0, y0 = (rng.uniform(900, 1000 + 320 / camera.zoom + 100) for _ in range(2))
            x1, y1 = x0 + rng.uniform(-150, 150), y0 + rng.uniform(-150, 150)
            effects.tracers.append(Tracer(x0, y0, x1, y1, rng.random() < 0.5,
                                          age=rng.uniform(0, PUFF_S)))
        effects.lights = lambda camera: []  # the glows are not the tracer loop's
        drawn, reference = pygame.Surface((320, 200)), pygame.Surface((320, 200))
        effects.draw(drawn, camera)
        _tracers_as_drawn_before(effects, reference, camera)
        assert (pygame.surfarray.array3d(reference) != 0).any()
        assert pygame.image.tobytes(drawn, "RGB") == pygame.image.tobytes(reference, "RGB"), (
            zoom_index)
