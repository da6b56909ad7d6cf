"""Tile images for the renderer: cut from the tileset PNGs, flipped and scaled on demand.

A missing or unreadable image is not an error here: `available` turns False and the
terrain cache falls back to flat colours drawn from the rule grids.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pygame

from game.sim.scenario import MapArt, TilesetArt

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
    try:
        image = pygame.image.load(path)
    except (pygame.error, FileNotFoundError, OSError) as exc:
        print(f"warning: tileset image {path}: {exc}; drawing flat colours", file=sys.stderr)
        return None
    return image.convert_alpha() if pygame.display.get_surface() else image


def _tile_names(tileset: TilesetArt) -> dict[str, int]:
    """The `name` property of each tile, read from the TSX that uses this image.

    MapArt carries no tile properties, so look beside the image for the external tileset
    that points at it.  Only names are read; nothing is evaluated.
    """
    image = Path(tileset.image_path)
    names: dict[str, int] = {}
    if not image.parent.is_dir():
        return names
    for tsx in sorted(image.parent.glob("*.tsx")):
        try:
            root = ET.parse(tsx).getroot()
        except (ET.ParseError, OSError):
            continue
        img = root.find("image")
        if img is None or (tsx.parent / img.get("source", "")).resolve() != image.resolve():
            continue
        for tile in root.iter("tile"):
            for prop in tile.iter("property"):
                if prop.get("name") == "name" and prop.get("value"):
                    names.setdefault(prop.get("value", ""), int(tile.get("id", "0")))
        break
    return names
