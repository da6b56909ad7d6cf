"""What the ground is made of, for footsteps: read from the names the tileset gives its
tiles (the `name` tile property), once per map, plus the rubble the sim makes during play.

A tile's name is matched against a few words ("sand", "road", "rubble", "planks", ...);
the top ground layer whose tile names a surface wins, so a door or a crate drawn over a
floor keeps the floor's sound.  Names no word matches, and maps without names, sound
like stone.  A corner-set (Wang) piece named `OTHER_BASE_CORNERS` ("rubble_sand_0111":
the corners top-left, top-right, bottom-right, bottom-left, 1 where OTHER lies) sounds
like whichever ground covers at least half of it.
"""

from __future__ import annotations

import re

import numpy as np

from game.audio.foley import SURFACES

STONE, GRAVEL, SAND, WOOD = (SURFACES.index(s) for s in ("stone", "gravel", "sand", "wood"))
# checked in order: "planks_floor" is wood before it is a floor
WORDS: tuple[tuple[str, int], ...] = (
    ("rubble", GRAVEL), ("debris", GRAVEL), ("gravel", GRAVEL), ("wreck", GRAVEL),
    ("plank", WOOD), ("wood", WOOD), ("rafter", WOOD), ("ladder", WOOD), ("beam", WOOD),
    ("sand", SAND), ("dirt", SAND), ("road", SAND), ("scrub", SAND), ("grass", SAND),
    ("floor", STONE), ("tile", STONE), ("stone", STONE), ("pad", STONE), ("chevron", STONE),
)


CORNER_PIECE = re.compile(r"^(.+)_(.+)_([01]{4})$")


def surface_of_name(name: str) -> int | None:
    """The surface a tile named `name` sounds like, or None if the name does not say."""
    lower = name.lower()
    piece = CORNER_PIECE.match(lower)
    if piece:
        other, base, corners = piece.groups()
        return surface_of_name(other if corners.count("1") >= 2 else base)
    for word, surface in WORDS:
        if word in lower:
            return surface
    return None


def surface_grid(scenario) -> np.ndarray:
    """int8 [y, x]: index into SURFACES of every tile, as the map was drawn."""
    grid = np.full((scenario.height, scenario.width), STONE, dtype=np.int8)
    art = scenario.art
    names = getattr(art, "tile_names", {}) or {}
    if not names:
        return grid
    lut = np.full(max(names) + 1, -1, dtype=np.int8)
    for gid, name in names.items():
        surface = surface_of_name(name)
        if surface is not None:
            lut[gid] = surface
    for layer in art.layers:
        if not layer.visible or layer.above_units or layer.gids.shape != grid.shape:
            continue
        gids = layer.gids.astype(np.intp)
        codes = np.where(gids < lut.size, lut[np.minimum(gids, lut.size - 1)], -1)
        grid = np.where(codes >= 0, codes, grid).astype(np.int8)
    return grid


def surface_at(grid: np.ndarray, terrain, x: int, y: int) -> str:
    """The surface under tile (x, y) now: rubble made during play crunches like gravel."""
    h, w = grid.shape
    if not (0 <= x < w and 0 <= y < h):
        return SURFACES[STONE]
    if terrain is not None and terrain.rubble[y, x]:
        return SURFACES[GRAVEL]
    return SURFACES[int(grid[y, x])]
