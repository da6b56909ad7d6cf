"""Building ahead of a zoom (game/render/zoom_ahead.py): after idle frames the zoom levels
next to the one drawn hold what their view needs, so the wheel draws without building;
and every cache stays within its cap however far the player zooms."""

from __future__ import annotations

import pytest

from game.render import fog as fog_module
from game.render import sprites as sprites_module
from game.render.camera import ZOOM_LEVELS
from game.render.overlays import ConeCache, cone_sizes
from game.render.terrain_cache import CHUNK, MAX_ZOOM_CACHES
from game.render.visibility import visible_units
from game.render.zoom_ahead import STAND_IN_FRAMES, ahead_camera, in_view
from tests.battle_helpers import battle_screen

# a field wider and taller than the view at every zoom, with walls so the fog has edges
FIELD = (
    ["S..S....#......." * 5]
    + ["......E.....#..." * 5] * 3
    + ["...#....E......." * 5] * 3
    + ["S.............#." * 5]
    + ["..E.....#......." * 5] * 24
)
IDLE_FRAMES = 400  # far more than a warm-up takes here (a few dozen); breaks when warm


def _idle(app, screen) -> None:
    """Draw frames without ticks (a paused battle) until the building ahead is done."""
    for _ in range(IDLE_FRAMES):
        screen.draw(app.ctx.surface, 1.0)
        screen.idle(1 / 60)  # the spare time of a frame at the cap
        if screen.ahead.warm:
            return
    raise AssertionError("the neighbouring zoom levels never came warm")


def _needs_nothing(screen) -> None:
    """The view the camera has now is held whole in every cache."""
    camera, world = screen.camera, screen.world
    assert screen.terrain.missing_chunks(camera, screen.fog.dark_chunks(CHUNK)) == []
    assert screen.fog.missing_tiles(camera) == []
    for unit, (deg, radius) in cone_sizes(camera, world, screen.selected):
        assert screen.cones.holds(unit.facing, deg, radius)
    shown = in_view(camera, visible_units(world))
    assert shown
    for unit in shown:
        assert screen.sprites.key(unit, camera.tile_px, world.tick, world) in (
            screen.sprites._cache)


@pytest.mark.parametrize(("step", "mouse"), [(1, (0, 0)), (-1, (639, 359)), (1, (320, 180))])
def test_a_zoom_after_idle_frames_draws_from_the_caches(step, mouse, monkeypatch):
    app, screen = battle_screen(rows=FIELD)
    screen.centre_on_selection()
    _idle(app, screen)
    built = (screen.terrain.chunks_built, screen.sprites.deferred)
    drawn = []
    render = screen.sprites.render
    monkeypatch.setattr(screen.sprites, "render", lambda key: drawn.append(key) or render(key))
    monkeypatch.setattr(screen.ahead, "run", lambda *args, **kwargs: None)  # this frame alone
    assert screen.camera.zoom_at(step, *mouse)
    _needs_nothing(screen)
    screen.draw(app.ctx.surface, 1.0)
    assert (screen.terrain.chunks_built, screen.sprites.deferred) == built
    assert drawn == []


def test_the_view_after_a_zoom_lies_inside_the_view_built_ahead():
    app, screen = battle_screen(rows=FIELD)
    camera = screen.camera
    camera.centre_on(30 * 32, 15 * 32)
    for step in (1, -1):
        ahead = ahead_camera(camera, step)
        for mouse in ((0, 0), (639, 0), (0, 359), (639, 359), (100, 300)):
            zoomed = type(camera)(camera.map_w, camera.map_h, camera.view_w, camera.view_h,
                                  camera.x, camera.y, camera.zoom_index)
            zoomed.zoom_at(step, *mouse)
            x0, y0, x1, y1 = zoomed.visible_tiles()
            ax0, ay0, ax1, ay1 = ahead.visible_tiles()
            assert (ax0, ay0) <= (x0, y0) and x1 <= ax1 and y1 <= ay1, (step, mouse)


def test_the_caches_stay_within_their_caps_zooming_through_every_level(monkeypatch):
    monkeypatch.setattr(fog_module, "MAX_TILES", 60)
    monkeypatch.setattr(sprites_module, "MAX_SPRITES", 40)
    app, screen = battle_screen(rows=FIELD)
    screen.centre_on_selection()
    camera = screen.camera
    camera.zoom_index = 0
    for index in [*range(len(ZOOM_LEVELS)), *reversed(range(len(ZOOM_LEVELS)))]:
        camera.zoom_index = index
        _idle(app, screen)
        terrain, cones = screen.terrain, screen.cones
        assert len(terrain._levels) <= MAX_ZOOM_CACHES
        assert camera.tile_px in terrain._levels  # the level drawn is never the one to go
        assert len(cones._bases) <= ConeCache.MAX_SIZES
        assert len(cones._cache) <= ConeCache.MAX_WEDGES
        assert len(screen.fog._tiles) <= 60
        assert len(screen.sprites._cache) <= 41
        for step in (1, -1):  # what stays at the caps is the neighbouring levels'
            ahead = ahead_camera(camera, step)
            if ahead is not None:
                assert screen.terrain.missing_chunks(ahead, screen.fog.dark_chunks(CHUNK)) == []
                assert screen.fog.missing_tiles(ahead) == []


def test_a_cone_size_in_use_outlives_newer_sizes_at_the_cap():
    cones = ConeCache()
    cones.keep = {(90, 40)}
    cones.wedge(0, 90, 40)
    for radius in range(41, 41 + ConeCache.MAX_SIZES + 3):
        cones.wedge(0, 90, radius)
    assert len(cones._bases) == ConeCache.MAX_SIZES
    assert (90, 40) in cones._bases
    assert cones.holds(0, 90, 40)


def test_a_zoom_before_the_caches_are_warm_is_stood_in_for_then_drawn_whole():
    app, screen = battle_screen(rows=FIELD)
    screen.centre_on_selection()
    screen.draw(app.ctx.surface, 1.0)  # the first frame: nothing built ahead yet
    assert not screen.ahead.ready
    built = screen.terrain.chunks_built
    assert screen.camera.zoom_at(1, 100, 100)
    screen.draw(app.ctx.surface, 1.0)
    assert screen.stand_in.shown == 1  # the last map scaled, the HUD drawn over it
    assert screen.terrain.chunks_built == built  # nothing built on demand this frame
    for _ in range(STAND_IN_FRAMES + 1):
        screen.draw(app.ctx.surface, 1.0)
    assert screen.stand_in.shown <= STAND_IN_FRAMES  # then the map is drawn for real
    frame = app.ctx.surface.copy()
    _idle(app, screen)  # once everything is built the frame is the same
    screen.draw(app.ctx.surface, 1.0)
    assert app.ctx.surface.get_view("2").raw == frame.get_view("2").raw


def test_a_cone_first_drawn_rough_is_made_exact_by_the_building_ahead():
    from game.render.overlays import soft_wedge

    cones = ConeCache()
    cones.wedge(0, 90, 40)
    rough = cones.wedge(0, 90, 60)  # scaled from the 40 px wedge: drawn at once
    assert not cones.holds(0, 90, 60)
    for _ in cones.warm_steps(0, 90, 60):
        pass
    assert cones.holds(0, 90, 60)
    exact = cones.wedge(0, 90, 60)
    assert exact is not rough
    east, _viewer = soft_wedge(90, 60)
    fresh = ConeCache()
    fresh._hold((90, 60), (east, (0, 61)))
    assert [s.get_view("2").raw for s, _ in exact] == [
        s.get_view("2").raw for s, _ in fresh.wedge(0, 90, 60)]


def test_building_ahead_waits_for_the_frames_spare_time_not_the_draw():
    app, screen = battle_screen(rows=FIELD)
    screen.centre_on_selection()
    for _ in range(5):
        screen.draw(app.ctx.surface, 1.0)
    built = screen.terrain.chunks_built
    for _ in range(5):
        screen.draw(app.ctx.surface, 1.0)  # a frame's own cost stays the frame's
    assert screen.terrain.chunks_built == built and not screen.ahead.ready
    _idle(app, screen)
    assert screen.ahead.warm


def test_the_app_hands_the_top_screen_what_is_left_of_a_frame_and_nothing_when_late():
    app, screen = battle_screen(rows=FIELD)
    given = []
    screen.idle = given.append
    app.give_idle(0.005)
    app.give_idle(-0.002)  # the frame ran over: no extra work on top
    assert given == [0.005]


def test_the_stand_in_map_is_copied_every_few_frames_and_anew_after_a_zoom():
    from game.render.zoom_ahead import KEEP_EVERY

    app, screen = battle_screen(rows=FIELD)
    screen.centre_on_selection()
    frames = 3 * KEEP_EVERY
    for _ in range(frames):
        screen.draw(app.ctx.surface, 1.0)
        assert not screen.ahead.ready  # no idle time given: nothing built ahead
    assert screen.stand_in.copies == frames // KEEP_EVERY
    assert screen.camera.zoom_at(1, 100, 100)
    shown = -1
    while screen.stand_in.shown != shown:  # stood in for, until the new level is drawn
        shown = screen.stand_in.shown
        copies = screen.stand_in.copies
        screen.draw(app.ctx.surface, 1.0)
    assert screen.stand_in.copies == copies + 1  # the first real frame is kept at once
    for _ in range(2 * KEEP_EVERY):
        screen.draw(app.ctx.surface, 1.0)
    assert screen.stand_in.shown == shown  # the kept picture is not taken for a new zoom
