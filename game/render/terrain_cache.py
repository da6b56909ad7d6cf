"""The map pre-rendered into chunked surfaces per zoom level.

Chunks are built lazily when first seen and rebuilt only when their tiles change
(terrain.version moves: rubble, opened doors).  Layers marked above_units get their own
transparent chunks, drawn after the units.  Without tile art (no layers, or the tileset
image is missing) the chunks are flat colours computed from the rule grids with numpy.
"""

from __future__ import annotations

import time
from collections.abc import Generator

import numpy as np
import pygame

from game.render.camera import Camera
from game.render.light import WHITE, apply_tint
from game.render.tileset import TileAtlas
from game.sim.scenario import TileLayerArt
from game.sim.terrain import COVER_LOW, Terrain

CHUNK = 16  # tiles per chunk side
ABOVE_ALPHA = 165  # beams and roofs over units stay see-through enough to find a man
# zoom levels kept: the one drawn and the two next to it, built ahead of a zoom
# (game/render/zoom_ahead.py); a level further away goes when another is needed
MAX_ZOOM_CACHES = 3
# each frame builds the chunks just outside the view a step at a time (a layer, a row of
# roofs) for about this long, so panning onto them costs nothing: a chunk built whole in
# the frame it came into view cost 3-12 ms, a hitch beside a 3 ms frame
PREWARM_S = 0.0008
Piece = tuple[pygame.Surface, tuple[int, int]]  # an image and its offset inside its chunk

# flat colours for the fallback path (RGB)
C_VOID = (24, 24, 28)
C_FLOOR = (146, 132, 108)
C_WALL = (86, 82, 76)
C_LOW = (118, 104, 70)
C_RAISED = (122, 88, 52)
C_DOOR = (150, 98, 44)
C_LOCKED = (168, 64, 42)
C_RUBBLE = (112, 104, 94)
C_SEETHROUGH_BLOCK = (60, 70, 80)  # not walkable yet see-through: water, fences


def terrain_colours(terrain: Terrain) -> np.ndarray:
    """One RGB colour per tile from the rule grids: uint8 [y, x, 3]."""
    rgb = np.empty((terrain.height, terrain.width, 3), dtype=np.uint8)
    rgb[:] = C_VOID
    rgb[~terrain.walkable & ~terrain.opaque] = C_SEETHROUGH_BLOCK
    rgb[terrain.walkable] = C_FLOOR
    rgb[terrain.walkable & (terrain.cover >= COVER_LOW)] = C_LOW
    rgb[terrain.elevation > 0] = C_RAISED
    rgb[terrain.opaque] = C_WALL
    rgb[terrain.door] = C_DOOR
    rgb[terrain.door & terrain.locked] = C_LOCKED
    rgb[terrain.rubble] = C_RUBBLE
    empty = ~terrain.walkable & ~terrain.opaque & ~terrain.door & (terrain.cover == 0)
    rgb[empty] = C_VOID
    return rgb


def _signature(terrain: Terrain) -> np.ndarray:
    """What the picture of a tile depends on once the map is loaded."""
    return (
        terrain.rubble.astype(np.uint8)
        | (terrain.opaque.astype(np.uint8) << 1)
        | (terrain.walkable.astype(np.uint8) << 2)
        | (terrain.locked.astype(np.uint8) << 3)
    )


class TerrainCache:
    def __init__(self, terrain: Terrain, initial: Terrain, atlas: TileAtlas,
                 tint: tuple[int, int, int] = WHITE) -> None:
        self.terrain = terrain
        self.tint = tint  # the scene's light, baked into each chunk as it is built
        self.initial_sig = _signature(initial)  # the map as drawn in its art
        self.atlas = atlas
        layers = atlas.art.layers if atlas.available else ()
        self.below = [layer for layer in layers if layer.visible and not layer.above_units]
        self.above = [layer for layer in layers if layer.visible and layer.above_units]
        self.use_art = bool(self.below)
        self.rubble_gid = atlas.names.get("rubble", 0)
        self.door_gids = [g for n, g in atlas.names.items() if "door" in n]
        self._sig = _signature(terrain)
        self._version = terrain.version
        # per zoom (tile px), per chunk: the pieces to blit, offsets inside the chunk
        self._levels: dict[int, dict[tuple[int, int], list[Piece]]] = {}
        self._above_levels: dict[int, dict[tuple[int, int], list[Piece]]] = {}
        self._colours = terrain_colours(terrain)
        self.chunks_built = 0  # for tests and benchmarks
        self.chunks_prewarmed = 0
        self._warming: tuple | None = None  # (level, key, steps) of the chunk being built
        self.keep: set[int] = set()  # tile sizes whose chunks stay when a level must go
        # (chunk x, y, tile px, tile rects) -> (the chunk's picture, its parts in them)
        self._cuts: dict[tuple, tuple[pygame.Surface, list[Piece]]] = {}

    # -- change tracking -------------------------------------------------------------
    def sync(self) -> None:
        """Drop the chunks whose tiles changed since the last frame."""
        if self.terrain.version == self._version:
            return
        self._version = self.terrain.version
        sig = _signature(self.terrain)
        ys, xs = np.nonzero(sig != self._sig)
        self._sig = sig
        self._colours = terrain_colours(self.terrain)
        dirty = set(zip((xs // CHUNK).tolist(), (ys // CHUNK).tolist(), strict=True))
        self._warming = None  # it may be drawing the old tiles
        for level in (*self._levels.values(), *self._above_levels.values()):
            for key in dirty:
                level.pop(key, None)

    # -- drawing --------------------------------------------------------------------
    def draw_below(self, surface: pygame.Surface, camera: Camera,
                   skip: frozenset = frozenset(), only: dict | None = None) -> None:
        """skip: (x, y) of chunks left undrawn (the fog covers them with a flat fill).
        only: per chunk partly under that fill, the tile rectangles of it to draw
        (Fog.open_tiles); the rest of such a chunk is left undrawn."""
        self.sync()
        self._draw(surface, camera, self._levels, self._build_below, skip, only or {})

    def draw_above(self, surface: pygame.Surface, camera: Camera,
                   skip: frozenset = frozenset(), prewarm_s: float = PREWARM_S) -> None:
        """skip: as draw_below (roofs over never-seen ground are hidden by its fill).
        prewarm_s: time then spent building the chunks beside the view (0 for a screen
        that does it in the frame's spare time)."""
        if self.above:
            self._draw(surface, camera, self._above_levels, self._build_above, skip)
        if prewarm_s > 0:
            self.prewarm(camera, prewarm_s)

    # -- building ahead of the view ----------------------------------------------------
    def prewarm(self, camera: Camera, budget_s: float) -> None:
        """Spend about budget_s building the chunks in a ring one chunk wide around the
        view, a step at a time; a chunk half built carries on next frame."""
        deadline = time.perf_counter() + budget_s
        while time.perf_counter() < deadline:
            if self._warming is None:
                self._warming = self._next_to_warm(camera)
                if self._warming is None:
                    return
            level, key, steps = self._warming
            if level.get(key) is not None:
                self._warming = None
                continue
            try:
                next(steps)
            except StopIteration as done:
                level[key] = done.value
                self.chunks_prewarmed += 1
                self._warming = None

    def _next_to_warm(self, camera: Camera) -> tuple | None:
        size = camera.tile_px
        tx0, ty0, tx1, ty1 = camera.visible_tiles()
        last_x, last_y = (self.terrain.width - 1) // CHUNK, (self.terrain.height - 1) // CHUNK
        cx0, cy0 = max(0, tx0 // CHUNK - 1), max(0, ty0 // CHUNK - 1)
        cx1, cy1 = min(last_x, (tx1 - 1) // CHUNK + 1), min(last_y, (ty1 - 1) // CHUNK + 1)
        wanted = [(self._levels, self._below_steps)]
        if self.above:
            wanted.append((self._above_levels, self._above_steps))
        for levels, steps in wanted:
            level = levels.get(size)
            if level is None:
                continue  # this zoom is not drawn (yet)
            for cy in range(cy0, cy1 + 1):
                for cx in range(cx0, cx1 + 1):
                    if (cx, cy) not in level:
                        return level, (cx, cy), steps(cx, cy, size)
        return None

    def _draw(self, surface, camera: Camera, levels: dict, build,
              skip: frozenset = frozenset(), only: dict | None = None) -> None:
        size = camera.tile_px
        level = self._level(levels, size)
        cx0, cy0, cx1, cy1 = self._chunks_in_view(camera)
        ox, oy = camera.origin()
        span = CHUNK * size
        blits = []
        for cy in range(cy0, cy1 + 1):
            for cx in range(cx0, cx1 + 1):
                if (cx, cy) in skip:
                    continue
                pieces = level.get((cx, cy))
                if pieces is None:
                    pieces = level[(cx, cy)] = build(cx, cy, size)
                    self.chunks_built += 1
                bx, by = ox + cx * span, oy + cy * span
                rects = only.get((cx, cy)) if only else None
                if rects is not None:
                    pieces = self._cut(pieces, (cx, cy, size), rects)
                blits.extend((img, (bx + dx, by + dy)) for img, (dx, dy) in pieces)
        surface.fblits(blits)

    def _cut(self, pieces: list[Piece], where: tuple, rects: tuple) -> list[Piece]:
        """The parts of a chunk's one opaque piece inside rects (tiles, relative to the
        chunk), kept while the chunk's picture and the rectangles stay the same."""
        if len(pieces) != 1 or pieces[0][1] != (0, 0):
            return pieces  # not a whole-chunk picture: drawn whole
        img = pieces[0][0]
        key = (*where, rects)
        kept = self._cuts.get(key)
        if kept is not None and kept[0] is img:
            return kept[1]
        if len(self._cuts) > 256:
            self._cuts.clear()
        size = where[2]
        w, h = img.get_size()
        cut = []
        for x, y, rw, rh in rects:
            rect = pygame.Rect(x * size, y * size, rw * size, rh * size).clip((0, 0, w, h))
            if rect.w and rect.h:
                cut.append((img.subsurface(rect), rect.topleft))
        self._cuts[key] = (img, cut)
        return cut

    def _level(self, levels: dict, size: int) -> dict:
        """The chunks at one tile size, made room for if new: levels not in self.keep
        (nor the one asked for) go first, oldest first."""
        level = levels.get(size)
        if level is None:
            while len(levels) >= MAX_ZOOM_CACHES:
                spare = [s for s in levels if s not in self.keep] or list(levels)
                del levels[spare[0]]
            level = levels[size] = {}
        return level

    def _chunks_in_view(self, camera: Camera) -> tuple[int, int, int, int]:
        """(cx0, cy0, cx1, cy1) of the chunks touching the view, inclusive, on the map."""
        tx0, ty0, tx1, ty1 = camera.visible_tiles()
        return (max(0, tx0 // CHUNK), max(0, ty0 // CHUNK),
                min((self.terrain.width - 1) // CHUNK, (tx1 - 1) // CHUNK),
                min((self.terrain.height - 1) // CHUNK, (ty1 - 1) // CHUNK))

    def missing_chunks(self, camera: Camera, skip: frozenset = frozenset()
                       ) -> list[tuple[dict, tuple[int, int], object]]:
        """(level, chunk, its build steps) for each chunk, below and above the units,
        that camera's view would draw and is not built at its tile size; skip: as
        draw_below's (under the fog's flat fill)."""
        size = camera.tile_px
        cx0, cy0, cx1, cy1 = self._chunks_in_view(camera)
        wanted = [(self._levels, self._below_steps)]
        if self.above:
            wanted.append((self._above_levels, self._above_steps))
        missing = []
        for levels, steps in wanted:
            level = levels.get(size, {})
            missing.extend((levels, (cx, cy), steps) for cy in range(cy0, cy1 + 1)
                           for cx in range(cx0, cx1 + 1)
                           if (cx, cy) not in level and (cx, cy) not in skip)
        return missing

    def warm_steps(self, camera: Camera, skip: frozenset = frozenset()
                   ) -> Generator[None, None, None]:
        """Builds the chunks camera's view will draw at its tile size, pausing between
        the layers of each (game/render/zoom_ahead.py runs it in a frame's spare time)."""
        size = camera.tile_px
        for levels, key, steps in self.missing_chunks(camera, skip):
            version = self.terrain.version
            pieces = yield from steps(*key, size)
            if self.terrain.version == version:  # else sync() drops it: the tiles moved on
                self._level(levels, size)[key] = pieces
                self.chunks_prewarmed += 1
            yield

    def _chunk_bounds(self, cx: int, cy: int) -> tuple[int, int, int, int]:
        x0, y0 = cx * CHUNK, cy * CHUNK
        return x0, y0, min(x0 + CHUNK, self.terrain.width), min(y0 + CHUNK, self.terrain.height)

    def _build_below(self, cx: int, cy: int, size: int) -> list[Piece]:
        return _finish(self._below_steps(cx, cy, size))

    def _build_above(self, cx: int, cy: int, size: int) -> list[Piece]:
        return _finish(self._above_steps(cx, cy, size))

    def _below_steps(self, cx: int, cy: int, size: int) -> Generator[None, None, list[Piece]]:
        """Builds the chunk, pausing between layers; returns its pieces."""
        x0, y0, x1, y1 = self._chunk_bounds(cx, cy)
        flat = self._flat_chunk(x0, y0, x1, y1, size)
        chunk = flat
        if self.use_art:
            chunk = pygame.Surface(flat.get_size()).convert() if (
                pygame.display.get_surface()) else flat
            chunk.fill(C_VOID)
            changed = (self._sig != self.initial_sig)[y0:y1, x0:x1]
            ground = self.below[0].gids[y0:y1, x0:x1]
            no_ground = changed & ((ground == 0) | np.isin(ground, self.door_gids))
            for index, layer in enumerate(self.below):
                yield
                # a changed tile shows only its ground (layer 0) and then its new state
                skip = changed if index > 0 else no_ground
                chunk.fblits(self._layer_blits(layer, x0, y0, x1, y1, size, skip))
            self._draw_changed(chunk, changed, no_ground, x0, y0, size)
        yield
        apply_tint(chunk, self.tint)
        return [(_unaligned(chunk), (0, 0))]

    def _above_steps(self, cx: int, cy: int, size: int) -> Generator[None, None, list[Piece]]:
        """The chunk's roofs and beams as strips, one per tile row that has any: a
        translucent blit costs by area, and these layers are mostly empty.  Pauses
        between strips; returns them."""
        x0, y0, x1, y1 = self._chunk_bounds(cx, cy)
        changed = (self._sig != self.initial_sig)[y0:y1, x0:x1]
        used = np.zeros((y1 - y0, x1 - x0), dtype=bool)
        for layer in self.above:
            used |= layer.gids[y0:y1, x0:x1] != 0
        used &= ~changed
        pieces = []
        for ly in np.nonzero(used.any(axis=1))[0].tolist():
            yield
            cols = np.nonzero(used[ly])[0]
            lx0, lx1 = int(cols[0]), int(cols[-1]) + 1
            pieces.append(self._above_strip(x0 + lx0, y0 + ly, x0 + lx1, changed, size,
                                            (lx0 * size, ly * size)))
        return pieces

    def _above_strip(self, tx0: int, ty: int, tx1: int, changed, size: int, at) -> Piece:
        x0, y0 = tx0 - tx0 % CHUNK, ty - ty % CHUNK
        skip = changed[ty - y0:ty - y0 + 1, tx0 - x0:tx1 - x0]
        strip = pygame.Surface(((tx1 - tx0) * size, size), pygame.SRCALPHA)
        for layer in self.above:
            strip.fblits(self._layer_blits(layer, tx0, ty, tx1, ty + 1, size, skip))
        # the see-through level baked into each pixel's alpha: one blend per blit, not two
        alpha = pygame.surfarray.pixels_alpha(strip)
        alpha[:] = (alpha.astype(np.uint16) * ABOVE_ALPHA + 127) // 255
        del alpha  # unlock the surface
        if pygame.display.get_surface() is not None:
            strip = strip.convert_alpha()
        apply_tint(strip, self.tint)
        return strip, at

    def _layer_blits(self, layer: TileLayerArt, x0, y0, x1, y1, size, skip) -> list:
        gids = layer.gids[y0:y1, x0:x1]
        flips = layer.flips[y0:y1, x0:x1] if layer.flips is not None else None
        mask = gids != 0
        if skip is not None:
            mask &= ~skip
        blits = []
        for ly, lx in zip(*np.nonzero(mask), strict=True):
            flip = int(flips[ly, lx]) if flips is not None else 0
            tile = self.atlas.tile(int(gids[ly, lx]), flip, size)
            if tile is not None:
                if layer.opacity < 1.0:
                    tile = tile.copy()
                    tile.set_alpha(round(255 * layer.opacity))
                blits.append((tile, (int(lx) * size, int(ly) * size)))
        return blits

    def _draw_changed(self, chunk, changed, no_ground, x0, y0, size) -> None:
        """Tiles that changed in play: rubble (tileset or drawn), or a door standing open."""
        rubble_tile = self.atlas.tile(self.rubble_gid, 0, size) if self.rubble_gid else None
        for ly, lx in zip(*np.nonzero(changed), strict=True):
            px, py = int(lx) * size, int(ly) * size
            tx, ty = int(x0 + lx), int(y0 + ly)
            if no_ground[ly, lx]:
                chunk.fill(C_FLOOR, (px, py, size, size))
            if self.terrain.rubble[ty, tx]:
                if rubble_tile is not None:
                    chunk.blit(rubble_tile, (px, py))
                else:
                    _draw_rubble(chunk, px, py, size, tx, ty)
            elif self.terrain.door[ty, tx]:
                _draw_open_door(chunk, px, py, size)

    def _flat_chunk(self, x0, y0, x1, y1, size) -> pygame.Surface:
        """Flat colours scaled up from one pixel per tile, with a faint tile grid and rubble."""
        rgb = self._colours[y0:y1, x0:x1].astype(np.int16)
        checker = ((np.add.outer(np.arange(y0, y1), np.arange(x0, x1)) & 1) * 8)[..., None]
        rgb = np.clip(rgb - checker, 0, 255).astype(np.uint8)
        small = pygame.surfarray.make_surface(rgb.transpose(1, 0, 2))
        chunk = pygame.transform.scale(small, ((x1 - x0) * size, (y1 - y0) * size))
        for ly, lx in zip(*np.nonzero(self.terrain.rubble[y0:y1, x0:x1]), strict=True):
            _draw_rubble(chunk, int(lx) * size, int(ly) * size, size, int(x0 + lx), int(y0 + ly))
        return chunk


def _finish(steps: Generator[None, None, list[Piece]]) -> list[Piece]:
    """Run a build to its end in one go; its result."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def _unaligned(chunk: pygame.Surface) -> pygame.Surface:
    """The same picture, read from one pixel into a wider surface.

    SDL copies 16-byte-aligned opaque rows with streaming stores that bypass the CPU cache,
    so every alpha blit drawn over the map afterwards (units, cones) reads its destination
    from main memory: measured 0.39 ms for 200 sprites after an aligned terrain copy,
    0.09 ms after this one, and the copy itself is no slower.
    """
    w, h = chunk.get_size()
    wider = pygame.Surface((w + 1, h), 0, chunk)
    wider.blit(chunk, (1, 0))
    return wider.subsurface((1, 0, w, h))


def _draw_open_door(surface: pygame.Surface, px: int, py: int, size: int) -> None:
    """A door swung back against the side of its frame."""
    leaf = max(2, size // 6)
    surface.fill((60, 44, 30), (px, py, size, max(1, size // 12)))
    surface.fill((60, 44, 30), (px, py + size - max(1, size // 12), size, max(1, size // 12)))
    surface.fill(C_DOOR, (px, py, leaf, size))
    surface.fill((90, 60, 30), (px + leaf, py, 1, size))


def _draw_rubble(surface: pygame.Surface, px: int, py: int, size: int, tx: int, ty: int) -> None:
    """Broken stones, placed by a hash of the tile so the picture never flickers."""
    seed = (tx * 73856093) ^ (ty * 19349663)
    for i in range(6):
        h = (seed >> (i * 3)) ^ (seed * (i + 7))
        x = px + (h % 97) * size // 110 + size // 20
        y = py + ((h // 97) % 89) * size // 100 + size // 20
        r = max(1, size // 10 + (h % 3))
        shade = 70 + (h % 40)
        pygame.draw.circle(surface, (shade + 20, shade + 12, shade), (x, y), r)
