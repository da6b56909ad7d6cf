"""Tile images for the renderer: cut from the tileset PNGs, flipped and scaled on demand.

A missing or unreadable image is not an error here: `available` turns False and the
terrain cache falls back to flat colours drawn from the rule grids.
"""

from __future__ import annotations

import io
import struct
import sys

import pygame

from game.safe_files import UnsafeFileError, read_bytes
from game.sim.scenario import MapArt, TilesetArt
from game.tiled.limits import MAX_IMAGE_BYTES, MAX_IMAGE_PX

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

FLIP_H, FLIP_V, FLIP_D = 1, 2, 4


class TileAtlas:
    def __init__(self, art: MapArt) -> None:
        self.art = art
        self.images: dict[int, pygame.Surface] = {}  # firstgid -> sheet
        self._tiles: dict[tuple[int, int, int], pygame.Surface] = {}
        self.names: dict[str, int] = {}  # tile "name" property -> gid
        self.available = bool(art.tilesets)
        for tileset in art.tilesets:
            image = _load_image(tileset.image_path)
            if image is None:
                self.available = False
                continue
            self.images[tileset.firstgid] = image
            for name, local_id in _tile_names(tileset).items():
                self.names.setdefault(name, tileset.firstgid + local_id)

    def _tileset_for(self, gid: int) -> TilesetArt | None:
        best = None
        for tileset in self.art.tilesets:
            if tileset.firstgid <= gid < tileset.firstgid + tileset.tilecount and (
                best is None or tileset.firstgid > best.firstgid
            ):
                best = tileset
        return best

    def tile(self, gid: int, flips: int, size: int) -> pygame.Surface | None:
        """The tile image for gid at size x size pixels, or None if it cannot be had."""
        key = (gid, flips, size)
        surf = self._tiles.get(key)
        if surf is None and key not in self._tiles:
            surf = self._cut(gid, flips, size)
            self._tiles[key] = surf
        return surf

    def _cut(self, gid: int, flips: int, size: int) -> pygame.Surface | None:
        tileset = self._tileset_for(gid)
        if tileset is None or tileset.firstgid not in self.images:
            return None
        sheet = self.images[tileset.firstgid]
        local = gid - tileset.firstgid
        col, row = local % max(1, tileset.columns), local // max(1, tileset.columns)
        rect = pygame.Rect(
            tileset.margin + col * (tileset.tile_width + tileset.spacing),
            tileset.margin + row * (tileset.tile_height + tileset.spacing),
            tileset.tile_width,
            tileset.tile_height,
        )
        if not sheet.get_rect().contains(rect):
            return None
        surf = sheet.subsurface(rect).copy()
        if flips & FLIP_D:  # Tiled's diagonal flip is a transpose, applied before the others
            surf = pygame.transform.flip(pygame.transform.rotate(surf, -90), True, False)
        if flips & (FLIP_H | FLIP_V):
            surf = pygame.transform.flip(surf, bool(flips & FLIP_H), bool(flips & FLIP_V))
        if surf.get_size() != (size, size):
            surf = pygame.transform.scale(surf, (size, size))
        return surf


def _load_image(path: str) -> pygame.Surface | None:
    """The sheet, read only if it is a regular file of capped size holding a PNG of sane
    dimensions (a FIFO would hang the read, a small PNG can claim gigapixels)."""
    if not path:
        return None
    try:
        data = read_bytes(path, MAX_IMAGE_BYTES)
        size = png_size(data)
        if size is None:
            raise UnsafeFileError("is not a PNG image")
        if not (0 < size[0] <= MAX_IMAGE_PX and 0 < size[1] <= MAX_IMAGE_PX):
            raise UnsafeFileError(f"is {size[0]}x{size[1]} px; the limit is {MAX_IMAGE_PX}")
        image = pygame.image.load(io.BytesIO(data), "tileset.png")
    except (UnsafeFileError, pygame.error, ValueError) as exc:
        print(f"warning: tileset image {path}: {exc}; drawing flat colours", file=sys.stderr)
        return None
    return image.convert_alpha() if pygame.display.get_surface() else image


def png_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a PNG's header, or None if data is not a PNG."""
    if len(data) < 24 or not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _tile_names(tileset: TilesetArt) -> dict[str, int]:
    """The `name` property of each tile (the loader read it from the checked tileset)."""
    names: dict[str, int] = {}
    for name, local_id in tileset.tile_names:
        names.setdefault(name, local_id)
    return names
