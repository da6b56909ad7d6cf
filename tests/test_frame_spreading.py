"""Work that used to stall one frame is spread over frames: new unit pictures beyond a
per-frame budget wait a frame (the unit keeps its last picture), the map's chunks just
outside the view are built before the view reaches them, and vision cones are turned to
a facing when first needed rather than all at once; a long route is drawn through its
corners only, with the same pixels."""

from __future__ import annotations

import pygame

from game.render import sprites as sprite_mod
from game.render.camera import Camera
from game.render.overlays import CONE_BUCKETS, ConeCache
from game.render.terrain_cache import CHUNK, TerrainCache
from game.render.tileset import TileAtlas
from game.sim.geometry import TILE_PX
from game.sim.world import World, new_world
from tests.ascii_maps import ascii_scenario


def _crowd(count: int) -> World:
    world = new_world(ascii_scenario(["." * 20] * 4), seed=1)
    for i in range(count):
        world.add_unit("rifleman", (i % 20) * 256 + 128, (i // 20) * 256 + 128,
                       facing=20 * i)  # a picture each
    return world


def test_new_pictures_past_the_budget_wait_a_frame_and_then_come():
    world = _crowd(8)
    cache = sprite_mod.SpriteCache()
    units = list(world.units.values())
    cache.new_frame()
    first = [cache.lookup(u, 32)[0] for u in units]  # the first frame is drawn whole
    assert cache.deferred == 0
    for u in units:
        u.facing += 200  # everyone turns round at once, to facings not drawn yet
    cache.new_frame()
    turned = [cache.lookup(u, 32)[0] for u in units]
    budget = sprite_mod.NEW_POSES_PER_FRAME
    assert cache.deferred == len(units) - budget  # the rest keep their last picture
    assert turned[budget:] == first[budget:]
    for _ in range(len(units)):
        cache.new_frame()
        final = [cache.lookup(u, 32)[0] for u in units]
    assert all(a is not b for a, b in zip(first, final, strict=True))


def test_chunks_beside_the_view_are_built_before_it_pans_onto_them(display):
    scenario = ascii_scenario(["." * (CHUNK * 4)] * (CHUNK * 2))
    terrain = scenario.terrain
    cache = TerrainCache(terrain, terrain, TileAtlas(scenario.art))
    cam = Camera(terrain.width * TILE_PX, terrain.height * TILE_PX,
                 CHUNK * TILE_PX, CHUNK * TILE_PX)
    cam.x = cam.y = 0
    frame = pygame.Surface((cam.view_w, cam.view_h))
    cache.draw_below(frame, cam)
    built = cache.chunks_built
    for _ in range(20):  # idle frames: the ring round the view is built a step at a time
        cache.prewarm(cam, 1.0)
    assert cache.chunks_prewarmed > 0
    cam.x = CHUNK * TILE_PX  # one chunk east
    cache.draw_below(frame, cam)
    assert cache.chunks_built == built  # nothing left to build in the frame


def test_cone_facings_are_turned_one_at_a_time(display):
    cones = ConeCache()
    cones.wedge(0, 90, 64)
    cones.prewarm()  # the battle's first frame turns every facing of the sizes drawn
    assert len(cones._bases[(90, 64)][1]) == CONE_BUCKETS // 4 + 1
    first = cones.wedge(0, 90, 80)  # after a zoom: one facing when drawn, one a frame
    assert len(cones._bases[(90, 80)][1]) == 1
    cones.prewarm()
    assert len(cones._bases[(90, 80)][1]) == 2
    for _ in range(CONE_BUCKETS):
        cones.prewarm()
    assert len(cones._bases[(90, 80)][1]) == CONE_BUCKETS // 4 + 1
    assert cones.wedge(0, 90, 80) is first


def test_a_route_drawn_through_its_corners_only_covers_the_same_pixels(display):
    from game.render.overlays import PathCache
    from game.render.plans import PATH_COLOUR

    tiles = [(10 + i, 10) for i in range(30)] + [(39 + i, 10 + i) for i in range(1, 21)]
    tiles += [(59, 30 + i) for i in range(1, 26)]
    cam = Camera(200 * TILE_PX, 200 * TILE_PX, 1280, 720)
    cam.x, cam.y = 250.0, 270.0
    cache = PathCache()
    pictures = []
    for pts in (cache.centres(cam, tiles), cache.corners(cam, tiles)):
        frame = pygame.Surface((1280, 720))
        pygame.draw.lines(frame, PATH_COLOUR, False, [(3, 3), *pts], 1)
        pictures.append(pygame.image.tobytes(frame, "RGB"))
    assert pictures[0] == pictures[1]
    assert len(cache.corners(cam, tiles)) == 4  # start, two bends, end


def test_poses_on_show_are_turned_and_stepped_ahead_so_the_frame_builds_none(display):
    from game.render.fog import Fog
    from game.render.zoom_ahead import ZoomAhead

    world = _crowd(3)
    units = list(world.units.values())
    walker = units[0]
    walker.last_x = walker.x - 8  # it moved this tick: a walk pose
    cache = sprite_mod.SpriteCache()
    camera = Camera(20 * TILE_PX, 4 * TILE_PX, 640, 128)
    keys = cache.turn_keys(units, 32, world.tick, world)
    walk = [k for k in keys if k[1] == "walk"]
    assert len({k[5] for k in walk}) == sprite_mod.ANGLE_BUCKETS, "every facing"
    frame = cache.key(walker, 32, world.tick, world)[2]
    assert {k[2] for k in walk} == {frame, (frame + 1) % 4}, "this step and the next"
    terrain = TerrainCache(world.terrain, world.terrain, TileAtlas(world.scenario.art))
    ahead = ZoomAhead(terrain, Fog(20, 4), ConeCache(), cache)
    for _ in range(200):  # frames' spare time
        ahead.run(camera, world, set(), units, budget_s=0.02)
    assert ahead.turns_built == len(keys) and not cache.turn_keys(units, 32, world.tick, world)
    for unit in units:  # everyone turns and steps on: the pictures are there
        unit.facing += 97
    world.tick += sprite_mod.WALK_TICKS
    assert all(cache.key(u, 32, world.tick, world) in cache._cache for u in units), (
        "built ahead: the frame draws them without building")


def test_a_units_pose_is_read_once_a_tick_and_again_on_the_next(monkeypatch):
    world = _crowd(2)
    unit = list(world.units.values())[0]
    cache = sprite_mod.SpriteCache()
    camera = Camera(20 * TILE_PX, 4 * TILE_PX, 640, 128)
    surface = pygame.Surface((640, 128))
    read = []
    key = cache.key
    monkeypatch.setattr(cache, "key", lambda u, *a: read.append(u.id) or key(u, *a))
    units = list(world.units.values())
    sprite_mod.draw_units(surface, camera, world, 0.5, cache, set(), units)  # builds them
    world.tick += 1
    read.clear()
    sprite_mod.draw_units(surface, camera, world, 0.5, cache, set(), units)
    sprite_mod.draw_units(surface, camera, world, 1.0, cache, set(), units)  # same tick
    assert read.count(unit.id) == 1
    idle = key(unit, camera.tile_px, world.tick, world)
    unit.activity, unit.last_x = "reloading", unit.x - 8  # it changes pose in the next tick
    world.tick += 1
    sprite_mod.draw_units(surface, camera, world, 0.5, cache, set(), units)
    assert read.count(unit.id) > 1, "read again on the next tick"
    now = key(unit, camera.tile_px, world.tick, world)
    assert now != idle and now[1] == "reload"
    assert cache._shown[unit.id][1] is cache._cache[now], "the new pose is drawn"


def test_the_battle_builds_the_chunks_beside_the_view_after_the_frame_not_in_it():
    from tests.battle_helpers import battle_screen

    app, screen = battle_screen(rows=["." * (CHUNK * 6)] * (CHUNK * 3))
    screen.draw(app.ctx.surface, 1.0)  # no spare time seen yet: the frame builds ahead
    warmed = screen.terrain.chunks_prewarmed
    # a chunk takes a few steps of a time budget: on a loaded machine a step may get
    # less done, so allow many idles (the count of steps is not what is tested)
    for _ in range(200):
        screen.idle(1 / 60)
        if screen.terrain.chunks_prewarmed > warmed:
            break
    assert screen.terrain.chunks_prewarmed > warmed, "built in the spare time"
    for _ in range(30):
        before = screen.terrain.chunks_prewarmed
        screen.draw(app.ctx.surface, 1.0)
        assert screen.terrain.chunks_prewarmed == before, "none in the frame"
        screen.idle(1 / 60)
    screen.idle(0.0)  # a frame that left no spare time: the next one builds ahead itself
    before = screen.terrain.chunks_prewarmed
    screen.camera.pan(CHUNK * TILE_PX * 2, 0)
    for _ in range(200):  # frames only, no idle between them: they build it themselves
        screen.draw(app.ctx.surface, 1.0)
        if screen.terrain.chunks_prewarmed > before:
            break
    assert screen.terrain.chunks_prewarmed > before
