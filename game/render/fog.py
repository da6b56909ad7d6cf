"""Fog of war: a soft veil laid over the map, one level per tile.

Dark where the squad has never looked; where it has looked before, dimmed and greyed (the
veil is a cold grey laid at partial opacity, so the remembered ground, its walls and
buildings stay readable but drained of colour); clear where it sees now.  The veil is a
premultiplied-alpha image over the blocks of tiles in view, put together again only when
the sight grids change or the view reaches another block, and then only the blocks that
changed: a plain fill where one level covers the block, else a picture per tile, which
depends only on the tile's 3x3 ring of levels and is smoothed once per ring pattern.
Edges of sight blend from tile centre to tile centre (bilinear), so the tile steps of
the sight grid read as smooth curves, and stay on the tile grid however the view moves.
"""

from __future__ import annotations

from collections.abc import Generator

import numpy as np
import pygame

from game.render.camera import Camera

NEVER, BEFORE, NOW = 0, 92, 255  # per tile, for the minimap (a multiplier: 255 = unchanged)
BLOCK = 8  # tiles per side of the blocks the fog is drawn in
# tile pictures kept (by ring pattern and size); past it the sizes far from the one drawn
# go.  A view uses a few hundred patterns; three zoom levels are kept warm.
MAX_TILES = 3000
LEVELS = (NEVER, BEFORE, NOW)
# the veil per level: colour and opacity.  Remembered ground keeps 40% of its own light
# under a cold grey, which drains its colour; never-seen ground is dark.
VEIL = {NEVER: ((12, 13, 17), 255), BEFORE: ((36, 40, 50), 152), NOW: ((0, 0, 0), 0)}


def premultiplied(level: int) -> tuple[int, int, int, int]:
    (r, g, b), a = VEIL[level]
    return round(r * a / 255), round(g * a / 255), round(b * a / 255), a


PREMULTIPLIED = {level: premultiplied(level) for level in LEVELS}
NEVER_FILL = VEIL[NEVER][0]
# ring codes (see _ring_codes) of a tile and all its neighbours never seen / in sight
ALL_NEVER = 0
ALL_NOW = 3 ** 9 - 1
CLEAR, DARK, BLENDED = 0, 1, 2  # how the window lays a tile (Fog._plan_blocks)
_DIGITS = np.zeros(256, dtype=np.int32)  # a level's digit in a ring code: its index
_DIGITS[list(LEVELS)] = range(len(LEVELS))


def fog_levels(seen_now: np.ndarray, seen_ever: np.ndarray) -> np.ndarray:
    """uint8 [y, x]: how much of a tile's colour shows through the fog."""
    levels = np.full(seen_now.shape, NEVER, dtype=np.uint8)
    levels[seen_ever] = BEFORE
    levels[seen_now] = NOW
    return levels


class Fog:
    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.levels = np.zeros((height, width), dtype=np.uint8)
        self._window: pygame.Surface | None = None  # veil over the blocks in view
        self._window_key: tuple = ()
        self._plan: tuple[list, list] = ([], [])  # (dark fills, blended runs) of the window
        self._window_size = (0, 0)  # the part of the window surface in use
        # what each block of the window shows now: a level (a plain fill) or its tiles'
        # ring codes
        self._drawn: dict[tuple[int, int], int | np.ndarray] = {}
        self._drawn_at: tuple = ()  # (first block x, first block y, tile px) of the window
        self._tiles: dict[tuple[int, int], pygame.Surface] = {}  # by (ring code, tile px)
        self._stale: set[tuple[int, int]] = set()  # blocks whose tiles changed since drawn
        self.keep: set[int] = set()  # tile sizes whose pictures stay at the cap (built ahead)
        self._index_levels()
        self._seen: tuple[np.ndarray, np.ndarray] | None = None  # the grids last read
        self.revision = 0  # bumps when the fog changes, for the minimap

    def update(self, seen_now: np.ndarray, seen_ever: np.ndarray) -> None:
        # asked every frame: the sight grids as last read answer most of them (a frame
        # between two ticks, a tick where sight held) without building the levels
        if self._seen is not None and np.array_equal(seen_now, self._seen[0]) and (
                np.array_equal(seen_ever, self._seen[1])):
            return
        self._seen = (seen_now.copy(), seen_ever.copy())
        levels = fog_levels(seen_now, seen_ever)
        if np.array_equal(levels, self.levels):
            return
        self.levels = levels
        before = self._codes
        self._index_levels()
        ys, xs = np.nonzero(before != self._codes)  # tiles whose picture changed
        self._stale.update(zip((xs // BLOCK).tolist(), (ys // BLOCK).tolist(), strict=True))
        self.revision += 1

    def _index_levels(self) -> None:
        """Per tile a code for the levels of it and its eight neighbours (its picture
        depends on nothing else), and per block the lowest and highest of those."""
        h, w = self.levels.shape
        padded = _edge_pad(self.levels, 1, 1, 1, 1)
        self._codes = _ring_codes(padded)
        low, high = _ring_reduce(padded, np.minimum), _ring_reduce(padded, np.maximum)
        spare_h, spare_w = (-h) % BLOCK, (-w) % BLOCK  # the last blocks run off the map
        if spare_h or spare_w:
            low = _edge_pad(low, 0, spare_h, 0, spare_w)
            high = _edge_pad(high, 0, spare_h, 0, spare_w)
        shape = ((h + spare_h) // BLOCK, BLOCK, (w + spare_w) // BLOCK, BLOCK)
        self._low = low.reshape(shape).min(axis=(1, 3)).tolist()
        self._high = high.reshape(shape).max(axis=(1, 3)).tolist()
        self._dark: dict[int, frozenset] = {}  # dark_chunks' answers by chunk size
        self._open: dict[int, dict] = {}  # open_tiles' answers by chunk size

    def dark_chunks(self, chunk: int) -> frozenset:
        """(x, y) of the chunks (chunk tiles a side, a multiple of BLOCK) the veil covers
        with its flat dark fill: nothing drawn under them shows, so the terrain may skip
        them.  Call after update() in the same frame."""
        dark = self._dark.get(chunk)
        if dark is None:
            k = chunk // BLOCK
            high = np.array(self._high)
            h, w = high.shape
            high = _edge_pad(high, 0, (-h) % k, 0, (-w) % k)  # the map's edge repeats
            never = (high.reshape(high.shape[0] // k, k, high.shape[1] // k, k)
                     .max(axis=(1, 3)) == NEVER)
            ys, xs = np.nonzero(never)
            dark = self._dark[chunk] = frozenset(zip(xs.tolist(), ys.tolist(), strict=True))
        return dark

    def open_tiles(self, chunk: int) -> dict[tuple[int, int], tuple]:
        """Per chunk (chunk tiles a side) partly under the veil's flat dark fill: the
        (x, y, w, h) tile rectangles, relative to the chunk, of its tiles not under it.
        Chunks all under it are dark_chunks(); chunks with no such tile are not listed.
        The terrain draws only these rectangles of such a chunk: at 2560x1440 the view
        holds the whole granary and most of the ground drawn was then filled dark.
        Call after update() in the same frame."""
        found = self._open.get(chunk)
        if found is None:
            found = self._open[chunk] = _open_rects(self._codes != ALL_NEVER, chunk)
        return found

    def draw(self, surface: pygame.Surface, camera: Camera) -> None:
        tx0, ty0, tx1, ty1 = camera.visible_tiles()
        tx0, ty0 = max(0, tx0), max(0, ty0)
        tx1, ty1 = min(self.width, tx1), min(self.height, ty1)
        if tx1 <= tx0 or ty1 <= ty0:
            return
        size = camera.tile_px
        blocks = (tx0 // BLOCK, ty0 // BLOCK, (tx1 - 1) // BLOCK, (ty1 - 1) // BLOCK)
        key = (self.revision, size, blocks)
        if key != self._window_key:
            self._window = self._compose(*blocks, size, (camera.view_w, camera.view_h))
            self._window_key = key
            self._plan = self._plan_blocks(*blocks, size)
        ox, oy = camera.origin()
        ax, ay = ox + blocks[0] * BLOCK * size, oy + blocks[1] * BLOCK * size
        fills, runs = self._plan
        for x, y, w, h in fills:  # all dark: no need to read what is under it
            surface.fill(NEVER_FILL, (ax + x, ay + y, w, h))
        if runs:
            surface.fblits([(img, (ax + x, ay + y)) for img, x, y in runs],
                           pygame.BLEND_PREMULTIPLIED)

    def _plan_blocks(self, bx0: int, by0: int, bx1: int, by1: int, size: int):
        """How to lay the window, tile by tile: a tile whose ring is all in sight is
        skipped, one whose ring was never seen is filled flat (its picture is the opaque
        dark), the rest are blended, in rectangles of neighbouring tiles alike.  Blending
        whole blocks where sight ends inside them blended ~0.9 Mpx a frame at 2560x1440,
        more than half of it opaque dark and a sixth of it clear."""
        x0, y0 = bx0 * BLOCK, by0 * BLOCK
        x1, y1 = min((bx1 + 1) * BLOCK, self.width), min((by1 + 1) * BLOCK, self.height)
        codes = self._codes[y0:y1, x0:x1]
        kind = np.full(codes.shape, BLENDED, dtype=np.int8)
        kind[codes == ALL_NOW] = CLEAR
        kind[codes == ALL_NEVER] = DARK
        fills, runs = [], []
        for (tx, ty, tw, th), what in _rectangles(kind):
            rect = (tx * size, ty * size, tw * size, th * size)
            if what == DARK:
                fills.append(rect)
            elif what == BLENDED:
                runs.append((self._window.subsurface(rect), rect[0], rect[1]))
        return fills, runs

    def missing_tiles(self, camera: Camera) -> list[int]:
        """The ring patterns the view of camera draws tile by tile (in the blocks not of
        one level) with no picture at its tile size yet."""
        tx0, ty0, tx1, ty1 = camera.visible_tiles()
        tx0, ty0 = max(0, tx0 - tx0 % BLOCK), max(0, ty0 - ty0 % BLOCK)
        tx1, ty1 = min(self.width, tx1), min(self.height, ty1)
        if tx1 <= tx0 or ty1 <= ty0:
            return []
        size = camera.tile_px
        rows = slice(ty0 // BLOCK, (ty1 - 1) // BLOCK + 1)
        cols = slice(tx0 // BLOCK, (tx1 - 1) // BLOCK + 1)
        mixed = np.array(self._low)[rows, cols] != np.array(self._high)[rows, cols]
        mixed = np.repeat(np.repeat(mixed, BLOCK, axis=0), BLOCK, axis=1)
        codes = self._codes[ty0:ty1, tx0:tx1][mixed[:ty1 - ty0, :tx1 - tx0]]
        return [c for c in np.unique(codes).tolist() if (c, size) not in self._tiles]

    def warm_steps(self, camera: Camera) -> Generator[None, None, None]:
        """Builds the tile pictures camera's view will need, one per step."""
        for code in self.missing_tiles(camera):
            self._tile(code, camera.tile_px)
            yield

    def _tile(self, code: int, size: int) -> pygame.Surface:
        """The veil of one tile whose ring reads code (see _ring_codes)."""
        img = self._tiles.get((code, size))
        if img is None:
            if len(self._tiles) >= MAX_TILES:
                self._trim(self.keep | {size})
            ring = np.array([LEVELS[code // 3 ** k % 3] for k in range(9)], dtype=np.uint8)
            img = self._tiles[(code, size)] = _smoothed(ring.reshape(3, 3), size).copy()
            img.set_alpha(None)  # no blending: a blit copies it, alpha and all
        return img

    def _trim(self, keep: set[int]) -> None:
        """Drop the pictures at tile sizes not in keep, or all of them if that frees
        nothing (a view that needs more than the cap)."""
        spare = [key for key in self._tiles if key[1] not in keep]
        for key in spare or list(self._tiles):
            del self._tiles[key]

    def _compose(self, bx0: int, by0: int, bx1: int, by1: int, size: int,
                 view: tuple[int, int]) -> pygame.Surface:
        """The veil over the blocks in view, redrawing only the blocks whose
        picture changed.  A block whose tiles and their neighbours share one level is a
        plain fill; a block where sight ends inside it is drawn tile by tile from the
        pictures kept per 3x3 pattern."""
        x_end = min((bx1 + 1) * BLOCK, self.width)
        y_end = min((by1 + 1) * BLOCK, self.height)
        span = BLOCK * size
        window_size = (x_end * size - bx0 * span, y_end * size - by0 * span)
        room = self._room(view, size)
        room = (max(room[0], window_size[0]), max(room[1], window_size[1]))
        window = self._window
        if window is None or window.get_width() < window_size[0] or (
                window.get_height() < window_size[1]):
            window = self._window = self._grown(room)
            self._drawn_at = ()  # every block is drawn again
        self._window_size = window_size
        self._follow_view(window.subsurface((0, 0, min(room[0], window.get_width()),
                                             min(room[1], window.get_height()))),
                          bx0, by0, size)
        drawn, stale = self._drawn, self._stale
        for by in range(by0, by1 + 1):
            for bx in range(bx0, bx1 + 1):
                block = (bx, by)
                if block in drawn and block not in stale:
                    continue  # sight changed elsewhere: this part of the window is right
                self._compose_block(window, bx, by, (bx - bx0) * span, (by - by0) * span, size)
                stale.discard(block)
        return window

    def _room(self, view: tuple[int, int], size: int) -> tuple[int, int]:
        """Room for any block-aligned window over a view of this size, so panning never
        needs a fresh surface."""
        span = BLOCK * size
        return (min(self.width * size, (view[0] // span + 2) * span),
                min(self.height * size, (view[1] // span + 2) * span))

    def _grown(self, room: tuple[int, int]) -> pygame.Surface:
        """A fresh window at least room and the old one in size.  Its first touch costs
        ~9 ms of page faults at the closest zoom: reserve() pays it ahead of a zoom."""
        old = self._window.get_size() if self._window is not None else (0, 0)
        return pygame.Surface((max(room[0], old[0]), max(room[1], old[1])), pygame.SRCALPHA)

    def reserve(self, view: tuple[int, int], size: int) -> bool:
        """Make the window big enough for a view of this size at tile size `size` (a zoom
        to come); True if it had to grow.  The window only grows, so its size is bounded
        by the closest zoom's needs."""
        room = self._room(view, size)
        window = self._window
        if window is not None and window.get_width() >= room[0] and (
                window.get_height() >= room[1]):
            return False
        grown = self._grown(room)
        if window is not None:  # an exact copy (added onto zeros): the blocks drawn stay
            grown.blit(window, (0, 0), special_flags=pygame.BLEND_RGBA_ADD)
        self._window = grown
        self._window_key = ()  # planned again on the next draw (the plan cuts the window)
        return True

    def _follow_view(self, window: pygame.Surface, bx0: int, by0: int, size: int) -> None:
        """Line the window up with the view's first block.  When the view has moved by
        whole blocks, the blocks already drawn are moved with one scroll instead of being
        drawn again (a pan across a block edge redrew the whole veil in one frame).
        window: the part of the window this view uses (a window grown for a closer zoom
        is larger; scrolling all of it would cost more)."""
        before = self._drawn_at
        self._drawn_at = (bx0, by0, size)
        if before == self._drawn_at:
            return
        if not before or before[2] != size or not self._drawn:
            self._drawn = {}
            return
        span = BLOCK * size
        dbx, dby = before[0] - bx0, before[1] - by0
        window.scroll(dbx * span, dby * span)
        w, h = window.get_size()
        kept = {}
        for (bx, by), shown in self._drawn.items():
            ax, ay = (bx - bx0) * span, (by - by0) * span
            bw = (min((bx + 1) * BLOCK, self.width) - bx * BLOCK) * size
            bh = (min((by + 1) * BLOCK, self.height) - by * BLOCK) * size
            if ax >= 0 and ay >= 0 and ax + bw <= w and ay + bh <= h:
                kept[(bx, by)] = shown
        self._drawn = kept

    def _compose_block(self, window: pygame.Surface, bx: int, by: int, ax: int, ay: int,
                       size: int) -> None:
        """Bring one block of the window up to date: a plain fill where one level covers
        it and its neighbours, else the tile pictures, redrawing only the tiles whose ring
        changed since the block was last drawn (sight moves a few tiles a tick)."""
        x0, y0 = bx * BLOCK, by * BLOCK
        x1, y1 = min(x0 + BLOCK, self.width), min(y0 + BLOCK, self.height)
        low, high = self._low[by][bx], self._high[by][bx]
        shown = self._drawn.get((bx, by))
        if low == high:
            if isinstance(shown, np.ndarray) or shown != low:
                window.fill(PREMULTIPLIED[low], (ax, ay, (x1 - x0) * size, (y1 - y0) * size))
                self._drawn[(bx, by)] = low
            return
        codes = self._codes[y0:y1, x0:x1]
        if isinstance(shown, np.ndarray):
            changed = codes != shown
            if not changed.any():
                return
            ys, xs = np.nonzero(changed)
            spots = list(zip(xs.tolist(), ys.tolist(), strict=True))
        else:
            spots = [(i, j) for j in range(y1 - y0) for i in range(x1 - x0)]
        self._drawn[(bx, by)] = codes.copy()
        rows = codes.tolist()
        tile = self._tile
        window.fblits([(tile(rows[j][i], size), (ax + i * size, ay + j * size))
                       for i, j in spots])  # copies: each replaces what the tile showed


def _edge_pad(a: np.ndarray, top: int, bottom: int, left: int, right: int) -> np.ndarray:
    """a with its edge rows and columns repeated outward (np.pad's "edge"): copied in
    by slices, ~8 us on a map's grid against ~45 us indexed with np.ix_ and more with
    np.pad; the fog pads its grids on every change of sight."""
    h, w = a.shape
    out = np.empty((h + top + bottom, w + left + right), dtype=a.dtype)
    out[top:top + h, left:left + w] = a
    out[:top, left:left + w] = a[0]
    out[top + h:, left:left + w] = a[-1]
    out[:, :left] = out[:, left:left + 1]
    out[:, left + w:] = out[:, left + w - 1:left + w]
    return out


def _ring_codes(padded: np.ndarray) -> np.ndarray:
    """Per tile, its level and its eight neighbours' as one base-3 number (digit k is
    the tile at row k // 3, column k % 3 of the 3x3 ring).  Digit k weighs 3 ** k =
    27 ** row * 3 ** column, so each row of three is summed first, then the rows."""
    digits = _DIGITS[padded]
    h, w = padded.shape[0] - 2, padded.shape[1] - 2
    rows = digits[:, :w] + 3 * digits[:, 1:w + 1] + 9 * digits[:, 2:w + 2]
    return rows[:h] + 27 * rows[1:h + 1] + 729 * rows[2:h + 2]


def _open_rects(shown: np.ndarray, chunk: int) -> dict[tuple[int, int], tuple]:
    """open_tiles(): per chunk with both shown and unshown tiles, (x, y, w, h) tile
    rectangles covering its shown ones: per row the span from its first shown tile to
    its last, rows of the same span merged (a few rectangles a chunk, found in numpy;
    an exact cover by _rectangles cost ~0.15 ms a sight change)."""
    h, w = shown.shape
    ch, cw = -(-h // chunk), -(-w // chunk)
    padded = np.zeros((ch * chunk, cw * chunk), dtype=bool)
    padded[:h, :w] = shown
    per_chunk = padded.reshape(ch, chunk, cw, chunk).transpose(0, 2, 1, 3)  # [cy, cx, y, x]
    count = per_chunk.sum(axis=(2, 3))
    full = np.zeros((ch, cw), dtype=np.int64)  # shown tiles of a chunk with none unshown
    full[:] = chunk * chunk
    full[-1, :] = (h - (ch - 1) * chunk) * chunk
    full[:, -1] = chunk * (w - (cw - 1) * chunk)
    full[-1, -1] = (h - (ch - 1) * chunk) * (w - (cw - 1) * chunk)
    cys, cxs = np.nonzero((count > 0) & (count < full))
    parts = per_chunk[cys, cxs]  # [chunk, y, x] of the chunks partly shown
    rows = parts.any(axis=2).tolist()
    firsts = parts.argmax(axis=2).tolist()
    lasts = (chunk - parts[:, :, ::-1].argmax(axis=2)).tolist()
    out = {}
    for i, (cx, cy) in enumerate(zip(cxs.tolist(), cys.tolist(), strict=True)):
        rects: list[list[int]] = []
        for y, (any_shown, first, last) in enumerate(zip(rows[i], firsts[i], lasts[i],
                                                         strict=True)):
            if not any_shown:
                continue
            top = rects[-1] if rects else None
            if top is not None and top[1] + top[3] == y and top[0] == first and (
                    top[0] + top[2] == last):
                top[3] += 1
            else:
                rects.append([first, y, last - first, 1])
        out[(cx, cy)] = tuple(tuple(r) for r in rects)
    return out


def _rectangles(kind: np.ndarray) -> list[tuple[tuple[int, int, int, int], int]]:
    """((x, y, w, h), value) rectangles of tiles covering a small grid, each all one
    value: the runs of each row, a run carried down while the next rows repeat it."""
    h, w = kind.shape
    starts = np.ones((h, w), dtype=bool)
    starts[:, 1:] = kind[:, 1:] != kind[:, :-1]
    ys, xs = np.nonzero(starts)  # row by row, left to right
    ys, xs = ys.tolist(), xs.tolist()
    values = kind[starts].tolist()
    out: list[list] = []
    open_runs: dict[tuple[int, int, int], list] = {}  # (x, w, value) -> its rectangle
    for i, (y, x, value) in enumerate(zip(ys, xs, values, strict=True)):
        end = xs[i + 1] if i + 1 < len(xs) and ys[i + 1] == y else w
        key = (x, end - x, value)
        rect = open_runs.get(key)
        if rect is not None and rect[1] + rect[3] == y:
            rect[3] += 1  # the same run as the row above: one taller rectangle
        else:
            rect = open_runs[key] = [x, y, end - x, 1, value]
            out.append(rect)
    return [((x, y, rw, rh), value) for x, y, rw, rh, value in out]


def _ring_reduce(padded: np.ndarray, op) -> np.ndarray:
    """op (minimum or maximum) over each tile and its eight neighbours, in two passes."""
    rows = op(op(padded[:, :-2], padded[:, 1:-1]), padded[:, 2:])
    return op(op(rows[:-2], rows[1:-1]), rows[2:])


def _smoothed(window: np.ndarray, size: int) -> pygame.Surface:
    """The veil of the middle tile of a 3x3 window of levels.

    One pixel per tile, each at its tile's centre, scaled up smoothly: the veil changes
    linearly from one tile's centre to the next, so a corner of sight is a gentle curve
    and not a step.  pygame's smoothscale maps the first and last pixels onto each other,
    so it is scaled to 2 * size + 1 pixels (a source pixel every size pixels) and the
    middle tile is cut from half a tile in.  Premultiplied values interpolate correctly.
    """
    tiles = pygame.Surface((3, 3), pygame.SRCALPHA)
    for j in range(3):
        for i in range(3):
            tiles.set_at((i, j), PREMULTIPLIED[int(window[j, i])])
    smooth = pygame.transform.smoothscale(tiles, (2 * size + 1, 2 * size + 1))
    return smooth.subsurface((size // 2, size // 2, size, size))
