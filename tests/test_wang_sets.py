"""The shipped tileset's Wang sets (Tiled's terrain brush) are well-formed and complete:
every colour has the pieces a brush needs, and painting a room with the Walls set gives
wall tiles on the outline and floor inside, with the rules the game reads."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET

from game import ASSETS_DIR
from game.tiled import load_scenario
from game.tiled.validate import validate_map
from game.tools.tile_table import TILES
from game.tools.tmx_writer import MapObject, ObjectLayer, TileLayer, TmxMap, write_tmx
from game.tools.tsx import read_tile_properties

TSX = ASSETS_DIR / "tileset.tsx"


def _sets() -> dict[str, tuple[ET.Element, dict[tuple[int, ...], int]]]:
    root = ET.parse(TSX).getroot()
    found = {}
    for ws in root.iter("wangset"):
        by_id = {}
        for wt in ws.iter("wangtile"):
            wid = tuple(int(v) for v in wt.get("wangid").split(","))
            assert wid not in by_id, f"{ws.get('name')}: two tiles for {wid}"
            by_id[wid] = int(wt.get("tileid"))
        found[ws.get("name")] = (ws, by_id)
    return found


def test_every_wangtile_is_well_formed() -> None:
    count = int(ET.parse(TSX).getroot().get("tilecount"))
    for name, (ws, by_id) in _sets().items():
        colours = len(ws.findall("wangcolor"))
        edge = ws.get("type") == "edge"
        for wid, tile in by_id.items():
            assert 0 <= tile < count, (name, tile)
            assert len(wid) == 8 and all(0 <= c <= colours for c in wid), (name, wid)
            sides, corners = wid[0::2], wid[1::2]
            used, unused = (sides, corners) if edge else (corners, sides)
            assert all(used) and not any(unused), (name, wid)
        for colour in ws.findall("wangcolor"):
            assert 0 <= int(colour.get("tile")) < count


def test_walls_have_every_piece_and_ground_every_transition() -> None:
    sets = _sets()
    assert {"Walls", "Ground"} <= set(sets)
    _, walls = sets["Walls"]
    for n, e, s, w in itertools.product((1, 2), repeat=4):
        assert (n, 0, e, 0, s, 0, w, 0) in walls
    ground_set, ground = sets["Ground"]
    colours = len(ground_set.findall("wangcolor"))
    assert colours == 4  # sand, road, rubble, floor
    for other in range(2, colours + 1):
        for tl, tr, br, bl in itertools.product((1, other), repeat=4):
            assert (0, tr, 0, br, 0, bl, 0, tl) in ground, (other, tl, tr, br, bl)


def test_the_brush_pieces_carry_the_rules() -> None:
    props = read_tile_properties(TSX)
    _, walls = _sets()["Walls"]
    for wid, tile in walls.items():
        is_wall = 1 in wid
        assert props[tile]["walkable"] is (not is_wall)
        assert props[tile]["opaque"] is is_wall
    _, ground = _sets()["Ground"]
    assert all(props[t]["walkable"] for t in ground.values())


def _paint_room() -> dict[tuple[int, int], str]:
    # What Tiled's edge brush does when a map maker drags round a 6x5 room: every tile
    # edge the outline runs through is wall, the rest floor; each tile then takes the
    # piece whose four edges match.  The outline must come out as walls all round
    # (corners, straights) and the inside and outside as floor.
    _, walls = _sets()["Walls"]
    props = read_tile_properties(TSX)
    width, height = 8, 7
    outline = {(x, y) for x in range(1, 7) for y in range(1, 6)
               if x in (1, 6) or y in (1, 5)}

    def wall_edge(a, b) -> int:
        return 1 if a in outline and b in outline else 2

    grid = {}
    for x, y in itertools.product(range(width), range(height)):
        if (x, y) not in outline:
            grid[x, y] = walls[(2, 0, 2, 0, 2, 0, 2, 0)]
            continue
        n, e, s, w = (wall_edge((x, y), (x + dx, y + dy))
                      for dx, dy in ((0, -1), (1, 0), (0, 1), (-1, 0)))
        grid[x, y] = walls[(n, 0, e, 0, s, 0, w, 0)]
    for (x, y), tile in grid.items():
        assert props[tile]["walkable"] is ((x, y) not in outline), (x, y)
    return {pos: TILES[tile].name for pos, tile in grid.items()}


def test_painting_a_room_with_the_walls_brush() -> None:
    names = _paint_room()
    assert names[1, 1] == "wall_es" and names[6, 5] == "wall_nw"  # the corners
    assert names[3, 1] == "wall_ew" and names[1, 3] == "wall_ns"  # the straights
    assert names[3, 3] == "floor"


def test_a_brush_painted_room_loads_with_its_walls(tmp_path) -> None:
    # the painted room written as a map against the shipped tileset: the game reads the
    # new pieces' rules (walls block, the ground pieces are walkable) and the map validates
    names = _paint_room()
    width, height = 8, 7
    ground = [["sand" if y == 0 else "road_sand_1100" if y == 6 else "floor"
               for x in range(width)] for y in range(height)]
    structures = [[names[x, y] if names[x, y] != "floor" else None for x in range(width)]
                  for y in range(height)]
    structures[5][3] = None  # a doorway cleared in the south wall
    objects = [MapObject("SquadSpawn", 3 * 32 + 16, 3 * 32 + 16, name="Squad"),
               MapObject("Extraction", 0, 6 * 32, name="Bravo", width=64, height=32)]
    tmx = TmxMap(width, height, [TileLayer("Ground", ground), TileLayer("Structures", structures),
                                 ObjectLayer("Objects", objects)],
                 {"title": "Brush room", "rescue_required": 0})
    path = write_tmx(tmx, tmp_path / "room.tmx", TSX)
    assert [str(p) for p in validate_map(str(path)) if p.is_error] == []
    walkable = load_scenario(str(path)).terrain.walkable
    for (x, y), name in names.items():
        assert walkable[y, x] == (name == "floor" or (x, y) == (3, 5)), (x, y, name)


def test_the_model_matches_what_tiled_182_painted() -> None:
    # tests/data/tiled/brush_room_painted.tmx was painted with the real brush (see
    # RESAVED.md): its walls are the model's room, its top row sand with road corners
    path = ASSETS_DIR.parent / "tests" / "data" / "tiled" / "brush_room_painted.tmx"
    root = ET.parse(path).getroot()
    ground = next(layer for layer in root.iter("layer") if layer.get("name") == "Ground")
    rows = [[int(v) - 1 for v in line.strip().rstrip(",").split(",")]
            for line in ground.find("data").text.strip().splitlines()]
    painted = {(x, y): TILES[tile].name
               for y, row in enumerate(rows) for x, tile in enumerate(row)}
    model = _paint_room()
    for (x, y), name in model.items():
        if name != "floor":
            assert painted[x, y] == name, (x, y)
    assert {painted[x, 0] for x in range(8)} == {"road_sand_1100"}
