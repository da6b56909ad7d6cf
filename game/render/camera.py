"""The view onto the map: pan, zoom around a point, and world <-> screen transforms.

World coordinates are map pixels at zoom 1 (32 per tile).  Zoom moves through fixed levels
whose tile size is a whole number of pixels, so cached terrain chunks line up exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.sim.geometry import SUB, TILE_PX

ZOOM_LEVELS = (0.375, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
DEFAULT_ZOOM_INDEX = ZOOM_LEVELS.index(1.0)
PX_PER_SUB = TILE_PX / SUB
MARGIN_TILES = (2, 6)  # how far past the map's edges (x, y) the view may scroll
WIDEST_OPENING_H = 1440  # a tall window opens on at least this much world, see below


def opening_zoom_index(view_h: int) -> int:
    """The zoom a battle opens at: 100%, or on a window taller than 1440 pixels (4K) the
    closest level that still shows as much battlefield as a 1440p window does (150% at
    2160), so a 4K screen does not open on a postage-stamp squad a third of its size."""
    best = DEFAULT_ZOOM_INDEX
    for index, zoom in enumerate(ZOOM_LEVELS):
        if zoom > ZOOM_LEVELS[best] and view_h / zoom >= WIDEST_OPENING_H:
            best = index
    return best


@dataclass
class Camera:
    map_w: int  # map size in world pixels
    map_h: int
    view_w: int = 1280  # viewport size in screen pixels
    view_h: int = 720
    x: float = 0.0  # world pixel at the top-left of the view
    y: float = 0.0
    zoom_index: int = DEFAULT_ZOOM_INDEX
    margin_tiles: tuple[int, int] = MARGIN_TILES  # (0, 0): never show past the map

    @property
    def zoom(self) -> float:
        return ZOOM_LEVELS[self.zoom_index]

    @property
    def tile_px(self) -> int:
        return round(TILE_PX * self.zoom)

    def origin(self) -> tuple[int, int]:
        """Screen position of world (0, 0), rounded once so everything drawn agrees."""
        return -round(self.x * self.zoom), -round(self.y * self.zoom)

    def world_to_screen(self, wx: float, wy: float) -> tuple[int, int]:
        # origin() inlined: this runs hundreds of times a frame (tracers, marks, labels)
        zoom = ZOOM_LEVELS[self.zoom_index]
        return round(wx * zoom) - round(self.x * zoom), round(wy * zoom) - round(self.y * zoom)

    def screen_to_world(self, sx: float, sy: float) -> tuple[float, float]:
        ox, oy = self.origin()
        return (sx - ox) / self.zoom, (sy - oy) / self.zoom

    def sub_to_screen(self, x: float, y: float) -> tuple[int, int]:
        zoom = ZOOM_LEVELS[self.zoom_index]
        return (round(x * PX_PER_SUB * zoom) - round(self.x * zoom),
                round(y * PX_PER_SUB * zoom) - round(self.y * zoom))

    def screen_to_tile(self, sx: float, sy: float) -> tuple[int, int]:
        wx, wy = self.screen_to_world(sx, sy)
        return int(wx // TILE_PX), int(wy // TILE_PX)

    def screen_to_sub(self, sx: float, sy: float) -> tuple[int, int]:
        wx, wy = self.screen_to_world(sx, sy)
        return int(wx / PX_PER_SUB), int(wy / PX_PER_SUB)

    def resize(self, view_w: int, view_h: int) -> None:
        self.view_w, self.view_h = view_w, view_h
        self.clamp()

    def pan(self, dx_screen: float, dy_screen: float) -> None:
        """Move by a distance in screen pixels, so panning feels the same at every zoom."""
        self.x += dx_screen / self.zoom
        self.y += dy_screen / self.zoom
        self.clamp()

    def centre_on(self, wx: float, wy: float) -> None:
        self.x = wx - self.view_w / (2 * self.zoom)
        self.y = wy - self.view_h / (2 * self.zoom)
        self.clamp()

    def open_on(self, wx: float, wy: float) -> None:
        """A mission's first view: centred on a point, showing no more border above or
        below the map than beside it (the extra scroll past the top and bottom edges is
        there for the player to use, not to open on)."""
        self.centre_on(wx, wy)
        margin = TILE_PX * self.margin_tiles[0]
        self.y = _clamp_axis(self.y, self.view_h / self.zoom, self.map_h, margin)

    def zoom_at(self, steps: int, sx: float, sy: float) -> bool:
        """Zoom by whole levels keeping the world point under (sx, sy) still."""
        new_index = max(0, min(len(ZOOM_LEVELS) - 1, self.zoom_index + steps))
        if new_index == self.zoom_index:
            return False
        wx, wy = self.screen_to_world(sx, sy)
        self.zoom_index = new_index
        self.x = wx - sx / self.zoom
        self.y = wy - sy / self.zoom
        self.clamp()
        return True

    def take_view(self, other: Camera) -> None:
        """Look where `other` looked (the same map reloaded), kept inside this map."""
        self.x, self.y, self.zoom_index = other.x, other.y, other.zoom_index
        self.clamp()

    def clamp(self) -> None:
        """Keep the map on screen; a map smaller than the view is centred.  The view may
        go further past the top and bottom edges than the sides: the radio log (top
        right) and the badges and minimap (bottom) would otherwise hide the map's first
        and last rows for good, and an extraction zone is often there."""
        view_ww, view_wh = self.view_w / self.zoom, self.view_h / self.zoom
        self.x = _clamp_axis(self.x, view_ww, self.map_w, TILE_PX * self.margin_tiles[0])
        self.y = _clamp_axis(self.y, view_wh, self.map_h, TILE_PX * self.margin_tiles[1])

    def visible_tiles(self) -> tuple[int, int, int, int]:
        """(tx0, ty0, tx1, ty1) of the tiles touching the view, x1/y1 exclusive, unclamped."""
        x0, y0 = self.screen_to_world(0, 0)
        x1, y1 = self.screen_to_world(self.view_w, self.view_h)
        return (
            int(x0 // TILE_PX), int(y0 // TILE_PX),
            int(x1 // TILE_PX) + 1, int(y1 // TILE_PX) + 1,
        )


def _clamp_axis(pos: float, view: float, size: float, margin: float) -> float:
    if view >= size + 2 * margin:
        return (size - view) / 2
    return max(-margin, min(size + margin - view, pos))
