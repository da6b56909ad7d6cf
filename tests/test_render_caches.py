"""The frame's caches must follow the world: fog edges stay on the tile grid however the
view moves, the HUD and the minimap redraw when what they show changes, and cropped unit
sprites still sit centred on their unit."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from game.render.camera import Camera
from game.render.fog import ALL_NEVER, ALL_NOW, BEFORE, BLOCK, VEIL, Fog
from game.sim.geometry import TILE_PX
from tests.ascii_maps import ascii_scenario
from tests.battle_helpers import SNIPER_FIELD


def _fog_frame(fog: Fog, cam: Camera) -> np.ndarray:
    frame = pygame.Surface((cam.view_w, cam.view_h))
    frame.fill((200, 200, 200))
    fog.draw(frame, cam)
    return pygame.surfarray.array3d(frame)[:, :, 0].astype(int)


def test_fog_edge_sits_on_the_tile_boundary_wherever_the_view_is(display):
    width, height = 40, 30
    fog = Fog(width, height)
    seen_now = np.zeros((height, width), dtype=bool)
    seen_now[:, :20] = True  # clear west of x = 20 tiles, never seen east of it
    fog.update(seen_now, seen_now.copy())
    edge = 20 * TILE_PX
    profiles = []
    for x in (100.0, 103.0, 177.0, 300.0):  # pans that cross tiles and blocks
        cam = Camera(width * TILE_PX, height * TILE_PX, 640, 320)
        cam.x, cam.y = x, 64.0
        ox, _ = cam.origin()
        row = _fog_frame(fog, cam)[:, 100]
        profiles.append(row[edge + ox - 20:edge + ox + 20].tolist())
        # clear at the last clear tile's centre, dark at the first dark one's
        assert row[edge + ox - 17] == 200 and row[edge + ox + 16] < 30
        assert 80 < row[edge + ox - 1] < 140  # the soft edge is centred on the boundary
        ramp = row[edge + ox - 16:edge + ox + 16]
        assert len(set(ramp.tolist())) > 12  # a gradient, not a step
    assert all(p == profiles[0] for p in profiles)  # the same picture after every pan


def test_fog_redraws_when_sight_changes_in_view(display):
    fog = Fog(20, 12)
    seen = np.zeros((12, 20), dtype=bool)
    seen[:, :10] = True
    fog.update(seen, seen.copy())
    cam = Camera(20 * TILE_PX, 12 * TILE_PX, 640, 384)
    cam.x = cam.y = 0
    before = _fog_frame(fog, cam)
    now = seen.copy()
    now[:, 10:14] = True  # the squad looks further east; what it saw stays remembered
    fog.update(now, now | seen)
    after = _fog_frame(fog, cam)
    assert before[12 * TILE_PX, 100] < 30 and after[12 * TILE_PX, 100] == 200
    ever = now | seen
    fog.update(seen, ever)  # it turns away: those tiles dim, not black
    dim = _fog_frame(fog, cam)[12 * TILE_PX, 100]
    (grey, _), keep = VEIL[BEFORE], 1 - VEIL[BEFORE][1] / 255
    assert abs(dim - (200 * keep + grey[0] * (1 - keep))) <= 2


def _battle(size=(640, 360)):
    from game.app import App
    from game.session import Session
    from game.ui.battle import BattleScreen

    app = App(size)
    screen = BattleScreen(app.ctx, Session(ascii_scenario(SNIPER_FIELD), seed=1))
    app.push(screen)
    return app, screen


def test_hud_badge_follows_a_wound():
    app, screen = _battle()
    unit = screen.squad()[0]
    screen.draw(app.surface, 1.0)
    rect = screen.hud.badge_rects[0][0]
    bar_end = (rect.x + 12 + (rect.w - 24) - 2, rect.y + 28)  # the far end of the HP bar
    full = app.surface.get_at(bar_end)
    unit.hp = unit.utype.max_hp // 4
    screen.draw(app.surface, 1.0)
    hurt = app.surface.get_at(bar_end)
    assert full.g > 150 and hurt[:3] == (40, 40, 40)


def test_minimap_dot_moves_with_its_unit():
    app, screen = _battle()
    unit = screen.squad()[0]
    mini = screen.minimap
    screen.draw(app.surface, 1.0)
    k = mini.scale / TILE_PX / 8  # sub units -> minimap px

    def dot_at(u) -> tuple:
        return tuple(app.surface.get_at((round(mini.rect.x + u.x * k),
                                         round(mini.rect.y + u.y * k))))[:3]

    assert dot_at(unit) == (90, 200, 255)
    old = (unit.x, unit.y)
    unit.x += 6 * 256  # six tiles east, as a tick would leave it
    screen.world.tick += 1
    screen.draw(app.surface, 1.0)
    assert dot_at(unit) == (90, 200, 255)
    moved_away = tuple(app.surface.get_at((round(mini.rect.x + old[0] * k),
                                           round(mini.rect.y + old[1] * k))))[:3]
    assert moved_away != (90, 200, 255)


def test_cropped_sprite_is_centred_on_its_unit():
    app, screen = _battle()
    unit = screen.squad()[0]
    img, cx, cy = screen.sprites.lookup(unit, 32)
    whole = screen.sprites.sprite(unit, 32)
    assert img.get_width() * img.get_height() < whole.get_width() * whole.get_height()
    # the body's centre pixel is the same colour in both pictures
    assert img.get_at((cx, cy)) == whole.get_at((whole.get_width() // 2,
                                                 whole.get_height() // 2))


def test_terrain_under_the_dark_fog_is_skipped_and_drawn_again_once_seen(display):
    from game.render.terrain_cache import CHUNK

    fog = Fog(40, 30)
    seen = np.zeros((30, 40), dtype=bool)
    seen[:10, :16] = True  # the top-left chunk; its ring reaches into chunk (1, 0)
    fog.update(seen, seen.copy())
    dark = fog.dark_chunks(CHUNK)
    assert (0, 0) not in dark and (1, 0) not in dark
    assert (2, 1) in dark and (1, 1) in dark
    seen[20:22, 20:22] = True  # the squad looks into chunk (1, 1)
    fog.update(seen, seen.copy())
    assert (1, 1) not in fog.dark_chunks(CHUNK)


def test_a_mission_opens_without_the_extra_border_the_player_may_scroll_to():
    from game.render.camera import MARGIN_TILES, Camera
    from game.sim.geometry import TILE_PX

    near_top = Camera(72 * TILE_PX, 48 * TILE_PX, 1280, 720)
    near_top.open_on(100, 100)
    assert near_top.y == -MARGIN_TILES[0] * TILE_PX  # as little border as beside the map
    near_top.centre_on(100, 100)
    assert near_top.y == -MARGIN_TILES[1] * TILE_PX  # the player may still scroll further
    near_bottom = Camera(72 * TILE_PX, 48 * TILE_PX, 1280, 720)
    near_bottom.open_on(100, 48 * TILE_PX - 10)
    assert near_bottom.y + 720 == 48 * TILE_PX + MARGIN_TILES[0] * TILE_PX


def test_a_backdrop_camera_without_margins_never_shows_past_the_map():
    from game.render.camera import Camera
    from game.sim.geometry import TILE_PX

    camera = Camera(72 * TILE_PX, 48 * TILE_PX, 1280, 720, margin_tiles=(0, 0))
    for x, y in ((0, 0), (72 * TILE_PX, 48 * TILE_PX), (0, 48 * TILE_PX)):
        camera.centre_on(x, y)
        x0, y0 = camera.screen_to_world(0, 0)
        x1, y1 = camera.screen_to_world(1280, 720)
        assert x0 >= 0 and y0 >= 0 and x1 <= 72 * TILE_PX and y1 <= 48 * TILE_PX


def test_the_veil_kept_between_frames_matches_one_drawn_afresh(display):
    """The veil is redrawn only where sight changed and moved (scrolled) when the view
    crosses a block edge: after sight wanders and the view pans both ways, every frame
    equals the same fog drawn by a new Fog with nothing kept."""
    width, height = 64, 40
    rng = np.random.default_rng(3)
    fog = Fog(width, height)
    seen_ever = np.zeros((height, width), dtype=bool)
    cam = Camera(width * TILE_PX, height * TILE_PX, 640, 384)
    cam.x, cam.y = 200.0, 150.0
    scrolled = 0
    for step in range(40):
        seen_now = np.zeros((height, width), dtype=bool)
        cx, cy = 20 + step % 20, 15 + (step // 4) % 8  # a patch of sight that walks about
        seen_now[cy - 5:cy + 6, cx - 7:cx + 8] = rng.random((11, 15)) < 0.9
        seen_ever |= seen_now
        fog.update(seen_now, seen_ever)
        before = fog._drawn_at
        cam.x += 37.0 if step < 25 else -61.0  # across block edges east, then back west
        kept = _fog_frame(fog, cam)
        scrolled += bool(before) and before != fog._drawn_at
        fresh = Fog(width, height)
        fresh.update(seen_now, seen_ever)
        assert np.array_equal(kept, _fog_frame(fresh, cam)), step
    assert scrolled >= 4  # the view crossed block edges both ways


@pytest.mark.parametrize("rect", [(50, 40, 100, 60), (10, 10, 33, 17), (-20, -7, 90, 45),
                                  (5, 5, 4, 3)])
def test_the_kept_zone_outline_draws_the_same_dashes(display, rect):
    from game.render import overlays

    rect = pygame.Rect(rect)
    direct, kept = pygame.Surface((300, 200)), pygame.Surface((300, 200))
    corners = [rect.topleft, rect.topright, rect.bottomright, rect.bottomleft, rect.topleft]
    overlays.dashed(direct, overlays.ZONE_COLOUR, corners, dash=8, width=2)
    kept.fblits([(img, (rect.x + dx, rect.y + dy))
                 for img, (dx, dy) in overlays._zone_outline(rect.w, rect.h)])
    assert np.array_equal(pygame.surfarray.array3d(direct), pygame.surfarray.array3d(kept))
    assert pygame.surfarray.array3d(kept).any()  # something was drawn


def test_the_veil_laid_tile_by_tile_matches_the_whole_window_blended(display):
    """The plan skips tiles all in sight and fills tiles never seen instead of blending
    them: over a busy picture it must look exactly as blending the whole veil does."""
    width, height = 64, 40
    rng = np.random.default_rng(5)
    seen_ever = np.zeros((height, width), dtype=bool)
    seen_ever[5:30, 8:50] = rng.random((25, 42)) < 0.95
    seen_now = np.zeros((height, width), dtype=bool)
    seen_now[10:22, 14:36] = rng.random((12, 22)) < 0.9
    fog = Fog(width, height)
    fog.update(seen_now, seen_ever & ~np.eye(height, width, 3, dtype=bool) | seen_now)
    cam = Camera(width * TILE_PX, height * TILE_PX, 900, 600)
    cam.x, cam.y = 130.0, 90.0
    busy = pygame.surfarray.make_surface(rng.integers(0, 256, (900, 600, 3), dtype=np.uint8))
    planned = busy.copy()
    fog.draw(planned, cam)
    fills, runs = fog._plan
    assert fills and runs and len(runs) > 1, "the view has dark, clear and edge tiles"
    whole = busy.copy()  # the window over the same blocks, blended in one blit
    tx0, ty0, _tx1, _ty1 = cam.visible_tiles()
    ox, oy = cam.origin()
    size = cam.tile_px
    at = (ox + max(0, tx0) // BLOCK * BLOCK * size, oy + max(0, ty0) // BLOCK * BLOCK * size)
    w, h = fog._window_size
    whole.blit(fog._window.subsurface((0, 0, w, h)), at, special_flags=pygame.BLEND_PREMULTIPLIED)
    assert np.array_equal(pygame.surfarray.array3d(planned), pygame.surfarray.array3d(whole))
    blended = sum(img.get_width() * img.get_height() for img, _x, _y in runs)
    x0, y0 = max(0, tx0) // BLOCK * BLOCK, max(0, ty0) // BLOCK * BLOCK
    codes = fog._codes[y0:y0 + h // size, x0:x0 + w // size]
    mixed = np.count_nonzero((codes != ALL_NOW) & (codes != ALL_NEVER))
    assert blended == mixed * size * size < 0.8 * w * h, "only the tiles sight ends by"


def test_the_fog_grids_pad_and_code_as_the_plain_numpy_does():
    from game.render.fog import LEVELS, _edge_pad, _ring_codes

    rng = np.random.default_rng(7)
    levels = np.array(LEVELS, dtype=np.uint8)[rng.integers(0, 3, (13, 21))]
    for pads in [(1, 1, 1, 1), (0, 3, 0, 5), (2, 0, 4, 0), (0, 0, 0, 0)]:
        top, bottom, left, right = pads
        assert np.array_equal(_edge_pad(levels, *pads),
                              np.pad(levels, ((top, bottom), (left, right)), mode="edge"))
    padded = np.pad(levels, 1, mode="edge")
    digits = np.searchsorted(np.array(LEVELS, dtype=np.uint8), padded)
    expected = sum(digits[k // 3:k // 3 + 13, k % 3:k % 3 + 21] * 3 ** k for k in range(9))
    assert np.array_equal(_ring_codes(padded), expected)


def _terrain_then_fog(cache, fog: Fog, cam: Camera, cut: bool) -> np.ndarray:
    from game.render.terrain_cache import CHUNK

    frame = pygame.Surface((cam.view_w, cam.view_h))
    frame.fill((255, 0, 255))  # last frame's pixels: whatever is left undrawn keeps this
    dark = fog.dark_chunks(CHUNK)
    cache.draw_below(frame, cam, dark, fog.open_tiles(CHUNK) if cut else None)
    fog.draw(frame, cam)
    return pygame.surfarray.array3d(frame)


def test_terrain_under_the_dark_fill_is_cut_out_of_a_chunk_and_follows_sight(display):
    """A chunk partly never seen draws only its tiles not under the flat dark fill; the
    frame after the fog is the same as drawing it whole, and when the squad looks further
    the newly seen tiles are drawn (the cut is not kept past a sight change)."""
    from game.render.terrain_cache import CHUNK, TerrainCache
    from game.render.tileset import TileAtlas

    scenario = ascii_scenario(["." * (CHUNK * 2)] * CHUNK)
    terrain = scenario.terrain
    cache = TerrainCache(terrain, terrain, TileAtlas(scenario.art))
    fog = Fog(terrain.width, terrain.height)
    cam = Camera(terrain.width * TILE_PX, terrain.height * TILE_PX,
                 CHUNK * 2 * TILE_PX, CHUNK * TILE_PX, margin_tiles=(0, 0))
    cam.x = cam.y = 0
    seen = np.zeros((terrain.height, terrain.width), dtype=bool)
    seen[2:6, 2:6] = True
    for step in range(2):
        fog.update(seen, seen.copy())
        assert (0, 0) in fog.open_tiles(CHUNK)
        whole = _terrain_then_fog(cache, fog, cam, cut=False)
        cut = _terrain_then_fog(cache, fog, cam, cut=True)
        assert (cut == whole).all()
        frame = pygame.Surface((cam.view_w, cam.view_h))
        frame.fill((255, 0, 255))
        cache.draw_below(frame, cam, fog.dark_chunks(CHUNK), fog.open_tiles(CHUNK))
        pixels = pygame.surfarray.array3d(frame)
        sx, sy = 4 * TILE_PX + 5, 4 * TILE_PX + 5  # a seen tile: ground drawn
        assert tuple(pixels[sx, sy]) != (255, 0, 255)
        far = (12 * TILE_PX + 5, 12 * TILE_PX + 5)  # never seen: left to the fog's fill
        assert tuple(pixels[far]) == ((255, 0, 255) if step == 0 else tuple(pixels[sx, sy]))
        seen[2:15, 2:15] = True  # the squad looks as far as tile (14, 14)


def test_open_tiles_cover_every_tile_not_dark_and_list_only_chunks_partly_dark():
    from game.render.fog import _open_rects

    rng = np.random.default_rng(5)
    for trial in range(60):
        shown = rng.random((45, 72)) < (trial % 6) / 10  # 0 (all dark) to half open
        shown[20:24, 30:40] = trial % 2 == 0
        rects = _open_rects(shown, 16)
        for cy in range(3):
            for cx in range(5):
                part = shown[cy * 16:(cy + 1) * 16, cx * 16:(cx + 1) * 16]
                if (cx, cy) not in rects:
                    assert part.all() or not part.any()
                    continue
                covered = np.zeros((16, 16), dtype=bool)
                for x, y, w, h in rects[(cx, cy)]:
                    covered[y:y + h, x:x + w] = True
                assert covered[:part.shape[0], :part.shape[1]][part].all()
