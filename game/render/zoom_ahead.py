"""Building ahead of a zoom: in the spare time after each frame, the pictures the zoom
levels next to the one drawn (one in, one out) will need are built a step at a time, so a
turn of the mouse wheel draws from caches instead of stalling one frame for ~80 ms (the
vision-cone wedges at the new radii, the fog's tile pictures, the units' poses and the
terrain chunks at the new size).

Work goes in passes: a pass walks what both neighbouring views need and builds what is
missing, pausing after each piece; a pass that finds nothing to build marks the
neighbours warm, and the next one starts a few frames later (the units keep changing pose
and the squad's sight keeps moving, so there is always a little more).  Each cache keeps
the three levels' pictures when it reaches its cap (the `keep` sets) and drops the others.
"""

from __future__ import annotations

import math
import time
from collections.abc import Generator, Iterable

from game.render.camera import PX_PER_SUB, ZOOM_LEVELS, Camera
from game.render.fog import Fog
from game.render.overlays import ConeCache
from game.render.sprites import SpriteCache
from game.render.terrain_cache import TerrainCache
from game.sim.light import sight_tiles

BUDGET_S = 0.002  # spare time spent per frame
REST_FRAMES = 4  # frames between a pass that found everything built and the next
MAX_FINISH_PASSES = 8
POSES_PER_PASS = 6  # ~1 ms each


def ahead_camera(camera: Camera, step: int) -> Camera | None:
    """A camera at the zoom level step away whose view covers every view a zoom by that
    step can give, wherever the mouse is: zooming in keeps inside the view, zooming out
    may reach past any edge of it.  None past the first or last level."""
    index = camera.zoom_index + step
    if not 0 <= index < len(ZOOM_LEVELS):
        return None
    ratio = ZOOM_LEVELS[index] / camera.zoom
    grow = ratio if ratio > 1 else 2 - ratio
    cx, cy = camera.screen_to_world(camera.view_w / 2, camera.view_h / 2)
    ahead = Camera(camera.map_w, camera.map_h, math.ceil(camera.view_w * grow),
                   math.ceil(camera.view_h * grow), zoom_index=index)
    ahead.centre_on(cx, cy)
    return ahead


class ZoomAhead:
    def __init__(self, terrain: TerrainCache, fog: Fog, cones: ConeCache,
                 sprites: SpriteCache) -> None:
        self.terrain, self.fog, self.cones, self.sprites = terrain, fog, cones, sprites
        self._work: Generator[None, None, None] | None = None
        self._zoom_index = -1  # the level the pass in hand builds around
        self._built = 0  # pieces built by the pass in hand
        self._rest = 0
        self.warm = False  # the last pass found both neighbours' pictures all built
        self.pieces_built = 0  # for tests and benchmarks

    def run(self, camera: Camera, world, selected: set[int], shown: list,
            budget_s: float = BUDGET_S) -> None:
        """Spend about budget_s (perf_counter) on the neighbouring levels' pictures."""
        if camera.zoom_index != self._zoom_index:
            self._zoom_index, self._work, self._rest, self.warm = camera.zoom_index, None, 0, False
            self._keep(camera, world, selected)
        if self._work is None:
            if self._rest > 0:
                self._rest -= 1
                return
            self._work, self._built = self._pass(camera, world, selected, list(shown)), 0
        deadline = time.perf_counter() + budget_s
        while time.perf_counter() < deadline:
            try:
                next(self._work)
            except StopIteration:
                self.warm = self._built == 0
                self._work, self._rest = None, REST_FRAMES if self.warm else 0
                return
            self._built += 1
            self.pieces_built += 1

    def finish(self, camera: Camera, world, selected: set[int], shown: list) -> None:
        """Run passes until one finds everything built (tests, screenshots), or a few
        have run (a cache smaller than the three levels' needs never settles)."""
        self._zoom_index = -1
        for _ in range(MAX_FINISH_PASSES):
            self.run(camera, world, selected, shown, budget_s=math.inf)
            if self.warm:
                return

    def _keep(self, camera: Camera, world, selected: set[int]) -> None:
        """Tell each cache which sizes stay when it is full: this level's and its two
        neighbours'."""
        cameras = [camera, *self._neighbours(camera)]
        sizes = {c.tile_px for c in cameras}
        self.terrain.keep, self.fog.keep, self.sprites.keep = sizes, set(sizes), set(sizes)
        self.cones.keep = {size for c in cameras for _unit, size in cone_sizes(c, world, selected)}

    @staticmethod
    def _neighbours(camera: Camera) -> list[Camera]:
        return [c for c in (ahead_camera(camera, 1), ahead_camera(camera, -1)) if c]

    def _pass(self, camera: Camera, world, selected: set[int],
              shown: list) -> Generator[None, None, None]:
        """The most costly pictures first: cones, fog, terrain, each pose on show at
        some facing, then at most POSES_PER_PASS poses at their own facing (a crowd on
        the move always has new ones; the pass comes round again soon, while the squad's
        sight is still where it was)."""
        neighbours = self._neighbours(camera)
        for ahead in neighbours:
            if self.fog.reserve((camera.view_w, camera.view_h), ahead.tile_px):
                yield
        for ahead in neighbours:
            for unit, (deg, radius) in cone_sizes(ahead, world, selected):
                yield from self.cones.warm_steps(unit.facing, deg, radius)
        for ahead in neighbours:
            yield from self.fog.warm_steps(ahead)
        for ahead in neighbours:
            yield from self.terrain.warm_steps(ahead)
        for ahead in neighbours:  # a pose at any facing: what a zoom stands in with
            for unit in in_view(ahead, shown):
                if self.sprites.warm(unit, ahead.tile_px, world.tick, world, any_facing=True):
                    yield
        poses = 0
        for ahead in neighbours:
            for unit in in_view(ahead, shown):
                if poses < POSES_PER_PASS and self.sprites.warm(unit, ahead.tile_px,
                                                                world.tick, world):
                    poses += 1
                    yield


def cone_sizes(camera: Camera, world, selected: set[int]) -> list:
    """(unit, (cone width, radius on screen)) of each cone draw_cones shows at camera's
    zoom."""
    sizes = []
    for uid in sorted(selected):
        unit = world.units.get(uid)
        if unit is None or unit.side != "squad" or unit.life != "active":
            continue
        radius = round(sight_tiles(world, unit) * camera.tile_px)  # as draw_cones
        sizes.append((unit, (unit.utype.cone_deg, radius)))
    return sizes


def in_view(camera: Camera, units: Iterable) -> list:
    """The units drawn on their own (not carried) whose spot is in camera's view or
    within a tile of it, as draw_units picks them."""
    size = camera.tile_px
    k = camera.zoom * PX_PER_SUB
    ox, oy = camera.origin()
    w, h = camera.view_w, camera.view_h
    return [u for u in units if not u.carried_by
            and -size <= ox + round(u.x * k) < w + size and -size <= oy + round(u.y * k) < h + size]
