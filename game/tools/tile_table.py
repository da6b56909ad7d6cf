"""The tile types of the shared tileset: names and rule properties, as one table.

The order of TILES is the tile id order in assets/tileset.tsx (id = index), so adding a
tile at the end keeps every existing map valid.  No pygame here: the TMX writer and the
tests read this table without a display.
"""

from __future__ import annotations

from dataclasses import dataclass

COLUMNS = 8
RULE_PROPERTIES = (
    "name", "walkable", "opaque", "cover", "elevation", "destructible", "door", "locked",
)


@dataclass(frozen=True)
class TileType:
    name: str
    walkable: bool = True
    opaque: bool = False
    cover: str = "none"  # none | low | high
    elevation: int = 0
    destructible: bool = False
    door: bool = False
    locked: bool = False
    above: bool = False  # decoration meant for an "Above" layer; rules ignore that layer
    brush: bool = False  # drawn for Tiled's terrain brush (game/tools/wang_sets.py)

    def properties(self) -> dict[str, str | bool | int]:
        return {name: getattr(self, name) for name in RULE_PROPERTIES}


def _wall(name: str, destructible: bool = False) -> TileType:
    return TileType(name, walkable=False, opaque=True, cover="high", destructible=destructible)


TILES: tuple[TileType, ...] = (
    # ground, row 0
    TileType("floor"),
    TileType("floor_cracked"),
    TileType("dirt"),
    TileType("sand"),
    TileType("tiles"),
    TileType("scrub"),
    TileType("road"),
    TileType("road_line"),
    # ground and walkable clutter, row 1
    TileType("grain_floor"),
    TileType("planks_floor"),
    TileType("rubble", cover="low"),
    TileType("extraction_pad"),
    TileType("extraction_chevron"),
    TileType("rafters", elevation=2),
    TileType("ladder", elevation=1),
    TileType("door", opaque=True, door=True),
    # low and high cover, row 2
    TileType("sandbags", walkable=False, cover="low"),
    TileType("low_wall", walkable=False, cover="low"),
    TileType("grain_sacks", walkable=False, cover="low"),
    TileType("debris_pile", walkable=False, cover="low", destructible=True),
    TileType("barrels", walkable=False, cover="high"),
    TileType("crate_stack", walkable=False, cover="high"),
    TileType("window", walkable=False, cover="high"),
    TileType("rafter_rail", walkable=False, cover="low", elevation=2),
    # walls, row 3
    _wall("stone_wall"),
    _wall("stone_wall_cracked"),
    _wall("stone_wall_moss"),
    _wall("stone_pillar"),
    _wall("brick_wall_destructible", destructible=True),
    _wall("wood_wall", destructible=True),
    TileType("locked_door", walkable=False, opaque=True, door=True, locked=True),
    _wall("wood_pillar", destructible=True),
    # decoration for layers drawn above units, then outdoor props, row 4
    TileType("beam_overhead", above=True),
    TileType("roof_edge_n", above=True),
    TileType("roof_edge_s", above=True),
    TileType("shadow", above=True),
    TileType("well", walkable=False, cover="high"),
    TileType("dead_tree", walkable=False, cover="low"),
    TileType("wreck", walkable=False, cover="high", destructible=True),
    TileType("tarp"),
)

# Terrain-brush pieces, appended so no existing gid moves.  Walls (a Tiled edge set): a
# stone wall piece for every set of sides (n, e, s, w) it joins a neighbouring wall on.
WALL_SIDES = "nesw"
WALL_PIECES: tuple[str, ...] = tuple(
    "wall_" + "".join(side for side, bit in zip(WALL_SIDES, bits, strict=True) if bit)
    for bits in ((m >> 3 & 1, m >> 2 & 1, m >> 1 & 1, m & 1) for m in range(1, 16)))
# Ground (a Tiled corner set): sand meets road, rubble and floor.  A piece is named by its
# corners (top-left, top-right, bottom-right, bottom-left), 1 where the other ground is.
GROUND_BASE = "sand"
GROUND_OTHERS = ("road", "rubble", "floor")
CORNER_MASKS: tuple[str, ...] = tuple(f"{m:04b}" for m in range(1, 15))


def _ground_piece(other: str, mask: str) -> TileType:
    # rubble gives low cover only where it covers most of the tile
    cover = "low" if other == "rubble" and mask.count("1") >= 3 else "none"
    return TileType(f"{other}_{GROUND_BASE}_{mask}", cover=cover, brush=True)


TILES = TILES + tuple(
    TileType(name, walkable=False, opaque=True, cover="high", brush=True)
    for name in WALL_PIECES) + tuple(
    _ground_piece(other, mask) for other in GROUND_OTHERS for mask in CORNER_MASKS)

BY_NAME: dict[str, int] = {tile.name: index for index, tile in enumerate(TILES)}


def tile_id(name: str) -> int:
    """The local tile id of a named tile (raises KeyError with the unknown name)."""
    return BY_NAME[name]
