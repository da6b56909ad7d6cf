"""The tileset's Wang sets: what Tiled's terrain brush paints with.  Pure data from the
tile table, written into the TSX by game.tools.tsx and checked by tests/test_wang_sets.py.

* "Walls", an edge set: colour 1 is stone wall, 2 is floor.  A tile's edge is wall where
  the wall runs on through that side into the neighbour, so painting the edges along a
  row of tiles makes a wall with every corner, T and end piece in place.  The tile with
  no wall edge is the plain floor.
* "Ground", a corner set: sand (1) meets road (2), rubble (3) and floor (4), each corner
  of a tile one ground; the 14 mixed pieces of each pair are drawn by the generator.
Wang ids are Tiled's eight numbers: top, top-right, right, bottom-right, bottom,
bottom-left, left, top-left.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.tools.tile_table import (
    BY_NAME,
    CORNER_MASKS,
    GROUND_BASE,
    GROUND_OTHERS,
    WALL_PIECES,
    WALL_SIDES,
)

WALL, FLOOR = 1, 2


@dataclass(frozen=True)
class WangColor:
    name: str
    color: str  # #rrggbb, how Tiled marks it
    tile: int  # the colour's icon: a tile entirely of it


@dataclass(frozen=True)
class WangSet:
    name: str
    type: str  # "edge" or "corner"
    colors: tuple[WangColor, ...]
    tiles: dict[int, tuple[int, ...]]  # tile id -> wang id (8 numbers)


def _edges(n: int, e: int, s: int, w: int) -> tuple[int, ...]:
    return (n, 0, e, 0, s, 0, w, 0)


def _corners(tl: int, tr: int, br: int, bl: int) -> tuple[int, ...]:
    return (0, tr, 0, br, 0, bl, 0, tl)


def walls() -> WangSet:
    tiles = {BY_NAME["floor"]: _edges(FLOOR, FLOOR, FLOOR, FLOOR)}
    for name in WALL_PIECES:
        sides = name.removeprefix("wall_")
        n, e, s, w = (WALL if side in sides else FLOOR for side in WALL_SIDES)
        tiles[BY_NAME[name]] = _edges(n, e, s, w)
    colors = (WangColor("Stone wall", "#8a7660", BY_NAME["wall_nesw"]),
              WangColor("Floor", "#c8c0b0", BY_NAME["floor"]))
    return WangSet("Walls", "edge", colors, tiles)


def ground() -> WangSet:
    base = 1
    colors = [WangColor("Sand", "#c4a876", BY_NAME[GROUND_BASE])]
    tiles = {BY_NAME[GROUND_BASE]: _corners(base, base, base, base)}
    shades = {"road": "#56524e", "rubble": "#8a6a50", "floor": "#948e82"}
    for index, other in enumerate(GROUND_OTHERS, start=2):
        colors.append(WangColor(other.capitalize(), shades[other], BY_NAME[other]))
        tiles[BY_NAME[other]] = _corners(index, index, index, index)
        for mask in CORNER_MASKS:
            tl, tr, br, bl = (index if bit == "1" else base for bit in mask)
            tiles[BY_NAME[f"{other}_{GROUND_BASE}_{mask}"]] = _corners(tl, tr, br, bl)
    return WangSet("Ground", "corner", tuple(colors), tiles)


def wang_sets() -> tuple[WangSet, ...]:
    return (walls(), ground())


def wangsets_xml() -> list[str]:
    """The <wangsets> element as TSX lines (Tiled 1.5+ format)."""
    lines = [" <wangsets>"]
    for ws in wang_sets():
        lines.append(f'  <wangset name="{ws.name}" type="{ws.type}" tile="{ws.colors[0].tile}">')
        for c in ws.colors:
            lines.append(f'   <wangcolor name="{c.name}" color="{c.color}" tile="{c.tile}" '
                         'probability="1"/>')
        for tile_id, wang_id in sorted(ws.tiles.items()):
            ids = ",".join(map(str, wang_id))
            lines.append(f'   <wangtile tileid="{tile_id}" wangid="{ids}"/>')
        lines.append("  </wangset>")
    lines.append(" </wangsets>")
    return lines
