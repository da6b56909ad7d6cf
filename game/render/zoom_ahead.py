"""Building ahead of a zoom: in the spare time after each frame, the pictures the zoom
levels next to the one drawn (one in, one out) will need are built a step at a time, so a
turn of the mouse wheel draws from caches instead of stalling one frame for ~80 ms (the
vision-cone wedges at the new radii, the fog's tile pictures, the units' poses and the
terrain chunks at the new size).

Work goes in passes: a pass walks what both neighbouring views need and builds what is
missing, pausing after each piece; the first pass after a zoom gets BUDGET_S a frame,
the later ones half that, a few frames apart (the units keep changing pose and the
squad's sight keeps moving, so there is always a little more); a pass that finds
nothing to build marks the neighbours warm.  Each cache keeps
the three levels' pictures when it reaches its cap (the `keep` sets) and drops the others.
"""

from __future__ import annotations

import math
import time
from collections.abc import Generator, Iterable

import pygame

from game.render.camera import PX_PER_SUB, ZOOM_LEVELS, Camera
from game.render.fog import Fog
from game.render.overlays import ConeCache, cone_sizes
from game.render.sprites import SpriteCache
from game.render.terrain_cache import CHUNK, TerrainCache

BUDGET_S = 0.002  # spare time spent per frame
# spare time a frame may spend on top of BUDGET_S on the poses of the level drawn at the
# facings and frames they turn and step to next (when the frame leaves that much).  In
# the bench battle at 1920x1080, 2 ms left ~1-2 new pictures a frame to be built inside
# the frame (0.3-0.7 ms); 4 ms about half that (three alternated runs each)
TURNS_S = 0.004
REST_FRAMES = 4  # frames between a pass that went round and the next
POSES_PER_PASS = 6  # ~1 ms each
STAND_IN_BUDGET_S = 0.008  # spent per frame on the level zoomed to while stood in for
STAND_IN_FRAMES = 6  # frames at most drawn from the picture before a zoom (0.2 s)
# frames between copies of the map kept for a stand-in: a copy is a full-screen blit
# (~1 ms at 1440p, every frame while the building ahead has not gone round, as on a busy
# machine), and a stand-in two frames older is scaled from where that picture was drawn
# (its own origin), so only units' last steps differ in a picture shown for 0.1-0.2 s
KEEP_EVERY = 3


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
        self.ready = False  # a pass has gone round since the last zoom
        self._here: Generator[None, None, None] | None = None  # run_here's pass
        self.here_ready = False  # run_here has built all the level drawn needs
        self.pieces_built = 0  # for tests and benchmarks
        self._turns: list[tuple] = []  # the level drawn's poses to build at other facings
        self._turns_rest = 0
        self.turns_built = 0  # for tests and benchmarks

    def run(self, camera: Camera, world, selected: set[int], shown: list,
            budget_s: float = BUDGET_S, turns_s: float = 0.0) -> None:
        """Spend about budget_s (perf_counter) on the neighbouring levels' pictures (half
        that once a pass has gone round), and what is left of it and turns_s more on the
        level drawn's poses at the facings and frames its units turn and step to next."""
        end = time.perf_counter() + budget_s + turns_s
        self._follow(camera, world, selected)
        self._run_pass(camera, world, selected, shown, budget_s)
        self._turn(camera, world, shown, end - time.perf_counter())

    def _run_pass(self, camera: Camera, world, selected: set[int], shown: list,
                  budget_s: float) -> None:
        if self._work is None:
            if self._rest > 0:
                self._rest -= 1
                return
            self._work, self._built = self._pass(camera, world, selected, list(shown)), 0
        # once a pass has gone round, what is left is keeping up (new poses, new edges of
        # sight): half the time, every few frames, so a moving battle's frames stay lean
        deadline = time.perf_counter() + (budget_s / 2 if self.ready else budget_s)
        while time.perf_counter() < deadline:
            try:
                next(self._work)
            except StopIteration:
                self.warm = self._built == 0
                self.ready = True
                self._work, self._rest = None, REST_FRAMES
                return
            self._built += 1
            self.pieces_built += 1

    def _turn(self, camera: Camera, world, shown: list, budget_s: float) -> None:
        """Build the poses on show at the facings and next frames not built yet (a
        crowd in a firefight asked the frame itself for ~2 new pictures a frame)."""
        if budget_s <= 0:
            return
        if not self._turns:
            if self._turns_rest > 0:
                self._turns_rest -= 1
                return
            self._turns = self.sprites.turn_keys(in_view(camera, shown), camera.tile_px,
                                                 world.tick, world)
            self._turns.reverse()  # popped from the end: the first unit's first
            self._turns_rest = REST_FRAMES
        deadline = time.perf_counter() + budget_s
        while self._turns and time.perf_counter() < deadline:
            key = self._turns.pop()
            if self.sprites.build(key):
                self.turns_built += 1

    def run_here(self, camera: Camera, world, selected: set[int], shown: list,
                 budget_s: float = STAND_IN_BUDGET_S) -> None:
        """Spend about budget_s on the pictures of the level just zoomed to, while its
        first frames are stood in for (ZoomStandIn); here_ready once all are built."""
        self._follow(camera, world, selected)
        if self._here is None:
            self._here = self._level_steps(camera, world, selected, list(shown))
        deadline = time.perf_counter() + budget_s
        while time.perf_counter() < deadline:
            try:
                next(self._here)
            except StopIteration:
                self.here_ready = True
                return
            self.pieces_built += 1

    def _follow(self, camera: Camera, world, selected: set[int]) -> None:
        """Start again around a level the view has just zoomed to."""
        if camera.zoom_index == self._zoom_index:
            return
        self._zoom_index, self._work, self._rest = camera.zoom_index, None, 0
        self.warm = self.ready = self.here_ready = False
        self._here = None
        self._turns = []  # keys at the old level's size
        self._keep(camera, world, selected)

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

    def _level_steps(self, camera: Camera, world, selected: set[int],
                     shown: list) -> Generator[None, None, None]:
        """What camera's own view draws: its chunks, fog tiles, each pose at some facing
        (the rest wait their turn in lookup()), then its cones."""
        yield from self.terrain.warm_steps(camera, self.fog.dark_chunks(CHUNK))
        yield from self.fog.warm_steps(camera)
        for unit in in_view(camera, shown):
            if self.sprites.warm(unit, camera.tile_px, world.tick, world, any_facing=True):
                yield
        for unit, (deg, radius) in cone_sizes(camera, world, selected):
            yield from self.cones.warm_steps(unit.facing, deg, radius)

    def _pass(self, camera: Camera, world, selected: set[int],
              shown: list) -> Generator[None, None, None]:
        """The most costly pictures first: cones, fog, terrain, each pose on show at
        some facing, then at most POSES_PER_PASS poses at their own facing (a crowd on
        the move always has new ones; the pass comes round again soon, while the squad's
        sight is still where it was), then the cones at every other facing.  The first
        pass after a zoom stops before the poses at their own facing (a zoom stands in
        for them) so it goes round sooner."""
        neighbours = self._neighbours(camera)
        for unit, (deg, radius) in cone_sizes(camera, world, selected):  # drawn rough?
            yield from self.cones.warm_steps(unit.facing, deg, radius)
        for ahead in neighbours:
            if self.fog.reserve((camera.view_w, camera.view_h), ahead.tile_px):
                yield
        for ahead in neighbours:
            for unit, (deg, radius) in cone_sizes(ahead, world, selected):
                yield from self.cones.warm_steps(unit.facing, deg, radius)
        for ahead in neighbours:
            yield from self.fog.warm_steps(ahead)
        for ahead in neighbours:
            yield from self.terrain.warm_steps(ahead, self.fog.dark_chunks(CHUNK))
        for ahead in neighbours:  # a pose at any facing: what a zoom stands in with
            for unit in in_view(ahead, shown):
                if self.sprites.warm(unit, ahead.tile_px, world.tick, world, any_facing=True):
                    yield
        if not self.ready:
            return  # the first pass after a zoom: what a zoom cannot stand in for, first
        poses = 0
        for ahead in neighbours:
            for unit in in_view(ahead, shown):
                if poses < POSES_PER_PASS and self.sprites.warm(unit, ahead.tile_px,
                                                                world.tick, world):
                    poses += 1
                    yield
        for ahead in neighbours:  # every facing, for viewers turning after the zoom
            for size in {size for _unit, size in cone_sizes(ahead, world, selected)}:
                yield from self.cones.turn_steps(*size)


def in_view(camera: Camera, units: Iterable) -> list:
    """The units drawn on their own (not carried) whose spot is in camera's view or
    within a tile of it, as draw_units picks them."""
    size = camera.tile_px
    k = camera.zoom * PX_PER_SUB
    ox, oy = camera.origin()
    w, h = camera.view_w, camera.view_h
    return [u for u in units if not u.carried_by
            and -size <= ox + round(u.x * k) < w + size and -size <= oy + round(u.y * k) < h + size]


class ZoomStandIn:
    """A zoom before the pictures of its level were built ahead: for up to six frames the
    map is drawn as the last frame's map scaled about the zoom's fixed point (a cheap
    copy) while ZoomAhead.run_here builds what the new level needs, so the cost is
    spread over frames instead of stalling one.  The map is kept (a full-screen copy
    every KEEP_EVERY frames) only while the building ahead has not gone round since the
    last zoom."""

    def __init__(self, background: tuple[int, int, int]) -> None:
        self.background = background
        self._picture: pygame.Surface | None = None  # the map as last drawn
        self._view: tuple[int, int, int] = (0, 0, -1)  # its origin and zoom level
        self._frames = 0  # frames stood in for since the zoom
        self._since_kept = 0  # frames drawn since the map was last copied
        self.shown = 0  # frames drawn as a stand-in, for tests and benchmarks
        self.copies = 0  # maps copied, for tests and benchmarks

    def keep(self, surface: pygame.Surface, camera: Camera, ahead: ZoomAhead) -> None:
        """After the map is drawn: a copy of it, while a zoom would find caches cold."""
        self._frames = 0
        if ahead.ready:
            self._picture = None
            return
        self._since_kept += 1
        if (self._picture is not None and self._since_kept < KEEP_EVERY
                and self._view[2] == camera.zoom_index
                and self._picture.get_size() == surface.get_size()):
            return  # the picture kept a frame or two ago still stands in well
        if self._picture is None or self._picture.get_size() != surface.get_size():
            self._picture = surface.copy()
        else:
            self._picture.blit(surface, (0, 0))
        self._view = (*camera.origin(), camera.zoom_index)
        self._since_kept = 0
        self.copies += 1

    def show(self, surface: pygame.Surface, camera: Camera, ahead: ZoomAhead) -> bool:
        """Draw the kept map scaled to the view if the zoom level changed since it was
        kept and the new level is not built yet; False when the map is to be drawn."""
        if self._picture is None or self._view[2] == camera.zoom_index:
            return False
        if self._frames >= STAND_IN_FRAMES or ahead.here_ready and self._frames:
            self._picture = None
            return False
        self._frames += 1
        self.shown += 1
        self._draw_scaled(surface, camera)
        return True

    def _draw_scaled(self, surface: pygame.Surface, camera: Camera) -> None:
        """A screen point s of the new view shows the world point the old picture had at
        (s - new origin) * old zoom / new zoom + old origin."""
        ox0, oy0, index = self._view
        k = ZOOM_LEVELS[index] / camera.zoom  # old pixels per new pixel
        ox1, oy1 = camera.origin()
        w, h = surface.get_size()
        src = pygame.Rect(round(ox0 - ox1 * k), round(oy0 - oy1 * k), round(w * k), round(h * k))
        part = src.clip(self._picture.get_rect())
        surface.fill(self.background)
        if part.w <= 0 or part.h <= 0:
            return
        at = (round((part.x - src.x) / k), round((part.y - src.y) / k))
        size = (max(1, round(part.w / k)), max(1, round(part.h / k)))
        surface.blit(pygame.transform.scale(self._picture.subsurface(part), size), at)
