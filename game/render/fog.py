"""Fog of war: one grey level per tile multiplied over the map.

Black where the squad has never looked, dim where it has looked before, clear where it
sees now.  The per-tile image is rebuilt only when the sight grids change; the visible
window of it is scaled once per fog or camera change and multiplied onto the frame, so
no frame walks the tiles in Python.
"""

from __future__ import annotations

import numpy as np
import pygame

from game.render.camera import Camera

NEVER, BEFORE, NOW = 0, 92, 255  # multiplier per tile (255 = unchanged)


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
        self.tile_surface = pygame.Surface((width, height))  # one pixel per tile
        self._scaled: pygame.Surface | None = None
        self._scaled_key: tuple = ()
        self.revision = 0  # bumps when the fog changes, for the minimap

    def update(self, seen_now: np.ndarray, seen_ever: np.ndarray) -> None:
        levels = fog_levels(seen_now, seen_ever)
        if np.array_equal(levels, self.levels):
            return
        self.levels = levels
        grey = np.repeat(levels.T[:, :, None], 3, axis=2)
        pygame.surfarray.blit_array(self.tile_surface, grey)
        self.revision += 1

    def draw(self, surface: pygame.Surface, camera: Camera) -> None:
        tx0, ty0, tx1, ty1 = camera.visible_tiles()
        # one tile of margin so the smoothing at the view's edge comes from real tiles
        tx0, ty0 = max(0, tx0 - 1), max(0, ty0 - 1)
        tx1, ty1 = min(self.width, tx1 + 1), min(self.height, ty1 + 1)
        if tx1 <= tx0 or ty1 <= ty0:
            return
        size = camera.tile_px
        key = (self.revision, tx0, ty0, tx1, ty1, size)
        if key != self._scaled_key:
            window = self.tile_surface.subsurface((tx0, ty0, tx1 - tx0, ty1 - ty0))
            target = ((tx1 - tx0) * size, (ty1 - ty0) * size)
            # smoothscale softens the edge of sight; it needs a few pixels to work with
            if window.get_width() >= 2 and window.get_height() >= 2:
                self._scaled = _centred_smoothscale(window, size)
            else:
                self._scaled = pygame.transform.scale(window, target)
            self._scaled_key = key
        ox, oy = camera.origin()
        surface.blit(
            self._scaled, (ox + tx0 * size, oy + ty0 * size), special_flags=pygame.BLEND_RGB_MULT
        )


def _centred_smoothscale(window: pygame.Surface, size: int) -> pygame.Surface:
    """Scale so each tile's value sits on its tile centre and blends only at tile edges.

    Plain smoothscale blends whole tiles into each other; scaling a 2x nearest copy keeps
    the middle of every tile at its own level and softens just the borders.
    """
    w, h = window.get_size()
    doubled = pygame.transform.scale(window, (w * 2, h * 2))
    return pygame.transform.smoothscale(doubled, (w * size, h * size))
