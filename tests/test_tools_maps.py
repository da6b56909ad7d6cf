"""The generated tileset, the TMX writer and the shipped maps, read back through pytmx."""

from __future__ import annotations

import re
import struct
from collections import deque
from pathlib import Path

import numpy as np
import pytest

from game import ASSETS_DIR, MAPS_DIR, ROOT
from game.sim.geometry import TILE_PX
from game.tools import make_maps
from game.tools.map_checks import check_map
from game.tools.overwrite_guard import EditedSinceGenerated
from game.tools.tile_table import COLUMNS, RULE_PROPERTIES, TILES
from game.tools.tmx_writer import (
    MapObject,
    ObjectLayer,
    ObjectRef,
    TmxMap,
    layer_from_ascii,
    write_tmx,
)
from game.tools.tsx import read_tile_properties, tsx_xml

pytmx = pytest.importorskip("pytmx")

TSX = ASSETS_DIR / "tileset.tsx"
PNG = ASSETS_DIR / "tileset.png"
RULE_TYPES = {"name": str, "walkable": bool, "opaque": bool, "cover": str, "elevation": int,
              "destructible": bool, "door": bool, "locked": bool}


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from the PNG header: no image library needed."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def load(path: Path):
    return pytmx.TiledMap(str(path))  # the default loader reads no images: headless


def grids(tmap) -> tuple[np.ndarray, np.ndarray]:
    """walkable and elevation as the modding contract combines them (above layers skipped)."""
    walkable = np.ones((tmap.height, tmap.width), dtype=bool)
    filled = np.zeros_like(walkable)
    elevation = np.zeros((tmap.height, tmap.width), dtype=int)
    for layer in tmap.visible_tile_layers:
        layer = tmap.layers[layer]
        if layer.properties.get("above") or layer.name.lower() in ("above", "roof"):
            continue
        for x, y, gid in layer.iter_data():
            if gid:
                props = tmap.get_tile_properties_by_gid(gid)
                filled[y, x] = True
                walkable[y, x] &= props["walkable"]
                elevation[y, x] = max(elevation[y, x], props["elevation"])
    return walkable & filled, elevation


def tile_of(obj) -> tuple[int, int]:
    return int((obj.x + obj.width / 2) // TILE_PX), int((obj.y + obj.height / 2) // TILE_PX)


def bfs(walkable: np.ndarray, start: tuple[int, int]) -> np.ndarray:
    seen = np.zeros_like(walkable)
    seen[start[1], start[0]] = True
    queue = deque([start])
    while queue:
        x, y = queue.popleft()
        for nx, ny in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
            if (0 <= nx < walkable.shape[1] and 0 <= ny < walkable.shape[0]
                    and walkable[ny, nx] and not seen[ny, nx]):
                seen[ny, nx] = True
                queue.append((nx, ny))
    return seen


# ---------------------------------------------------------------- tileset


def test_tsx_carries_every_rule_property_with_its_type() -> None:
    props = read_tile_properties(TSX)
    assert sorted(props) == list(range(len(TILES)))
    for tile_id, tile_props in props.items():
        for name in RULE_PROPERTIES:
            assert name in tile_props, f"tile {tile_id} lacks {name}"
            assert isinstance(tile_props[name], RULE_TYPES[name]), (tile_id, name)
        assert tile_props["cover"] in ("none", "low", "high")
    names = [p["name"] for p in props.values()]
    assert len(names) == len(set(names))


def test_tsx_names_the_tiles_other_code_relies_on() -> None:
    props = {p["name"]: p for p in read_tile_properties(TSX).values()}
    assert props["rubble"]["walkable"] and props["rubble"]["cover"] == "low"
    assert props["rafters"]["walkable"] and props["rafters"]["elevation"] == 2
    assert props["ladder"]["walkable"] and props["ladder"]["elevation"] == 1
    assert props["door"]["door"] and props["door"]["opaque"] and props["door"]["walkable"]
    assert props["locked_door"]["locked"] and not props["locked_door"]["walkable"]
    assert not props["window"]["opaque"] and props["window"]["cover"] == "high"
    assert not props["crate_stack"]["opaque"] and props["crate_stack"]["cover"] == "high"
    assert props["brick_wall_destructible"]["destructible"]
    assert props["stone_wall"]["opaque"] and not props["stone_wall"]["destructible"]
    assert props["sandbags"]["cover"] == "low" and not props["sandbags"]["walkable"]


def test_committed_tileset_matches_the_table_and_the_image() -> None:
    assert TSX.read_text(encoding="utf-8") == tsx_xml(), "run python -m game.tools.make_tileset"
    rows = -(-len(TILES) // COLUMNS)
    assert png_size(PNG) == (COLUMNS * TILE_PX, rows * TILE_PX)


# ---------------------------------------------------------------- writer


def test_written_map_round_trips_through_pytmx(tmp_path: Path) -> None:
    ground = layer_from_ascii("Ground", ["....", ".##.", "...."],
                              {".": "floor", "#": "floor"})
    walls = layer_from_ascii("Structures", ["....", ".##.", "...."],
                             {".": None, "#": "stone_wall"})
    route = MapObject("", 16, 16, name="loop", points=[(0, 0), (96, 0), (96, 64)])
    guard = MapObject("Insurgent", 16, 80, name="Guard",
                      properties={"role": "sniper", "ambush": True, "facing": 180,
                                  "patrol": ObjectRef("loop")})
    exit_zone = MapObject("Extraction", 96, 0, name="Bravo", width=32, height=64)
    tmx = TmxMap(4, 3, [ground, walls, ObjectLayer("Objects", [route, guard, exit_zone])],
                 {"title": "Tiny", "briefing": "Line one.\nLine two.", "rescue_required": 2,
                  "insurgents_target_civilians": False})
    path = write_tmx(tmx, tmp_path / "sub" / "tiny.tmx", TSX)

    tmap = load(path)
    assert (tmap.width, tmap.height, tmap.tilewidth) == (4, 3, 32)
    assert [layer.name for layer in tmap.layers] == ["Ground", "Structures", "Objects"]
    assert tmap.properties["rescue_required"] == 2
    assert tmap.properties["briefing"] == "Line one.\nLine two."
    assert tmap.properties["insurgents_target_civilians"] is False
    gid = tmap.get_layer_by_name("Structures").data[1][2]
    assert tmap.get_tile_properties_by_gid(gid)["name"] == "stone_wall"
    assert tmap.get_layer_by_name("Structures").data[0][0] == 0
    by_name = {obj.name: obj for obj in tmap.objects}
    assert by_name["Guard"].type == "Insurgent"
    assert by_name["Guard"].properties == {"role": "sniper", "ambush": True, "facing": 180,
                                           "patrol": by_name["loop"].id}
    assert [tuple(p) for p in by_name["loop"].points] == [(16, 16), (112, 16), (112, 80)]
    assert (by_name["Bravo"].width, by_name["Bravo"].height) == (32, 64)
    assert '<tileset firstgid="1" source="../' in path.read_text()


def test_writer_refuses_unknown_tiles_and_ragged_rows(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="rows differ"):
        layer_from_ascii("Ground", ["...", ".."], {".": "floor"})
    bad = layer_from_ascii("Ground", ["."], {".": "lava"})
    with pytest.raises(KeyError, match="lava"):
        write_tmx(TmxMap(1, 1, [bad]), tmp_path / "bad.tmx", TSX)


def test_check_map_catches_a_spawn_in_a_wall() -> None:
    rows = ["#..", "..."]
    layers = make_maps.tile_layers(rows, make_maps.TINY_LEGEND)
    spawn = make_maps.point("SquadSpawn", 0, 0)
    problems = check_map(TmxMap(3, 2, [*layers, ObjectLayer("Objects", [spawn])]), TSX)
    assert any("not on a walkable tile" in p for p in problems)


# ---------------------------------------------------------------- shipped maps


def test_committed_test_maps_match_the_generator(tmp_path: Path) -> None:
    # tests/data maps are still generated; the shipped granary is edited in Tiled and
    # may differ from the generator's output (the generator refuses to overwrite it)
    def body(path: Path) -> str:  # the tileset source differs with the output folder
        return re.sub(r'<tileset firstgid="1" source="[^"]*"/>', "", path.read_text())

    make_maps.write_all(tmp_path / "maps", tmp_path / "data")
    for name in make_maps.TINY_MAPS:
        assert body(tmp_path / "data" / f"{name}.tmx") == \
            body(ROOT / "tests" / "data" / f"{name}.tmx"), name


def test_make_maps_refuses_to_overwrite_a_map_edited_since(tmp_path: Path) -> None:
    make_maps.write_all(tmp_path / "maps", tmp_path / "data")
    granary = tmp_path / "maps" / "granary.tmx"
    granary.write_text(granary.read_text() + "<!-- moved a crate in Tiled -->\n")
    corridor = tmp_path / "data" / "corridor.tmx"
    corridor.unlink()  # a missing target is simply written again
    with pytest.raises(EditedSinceGenerated, match="granary.tmx"):
        make_maps.write_all(tmp_path / "maps", tmp_path / "data")
    assert "moved a crate" in granary.read_text()
    assert not corridor.exists()  # refused before writing anything
    make_maps.write_all(tmp_path / "maps", tmp_path / "data", force=True)
    assert "moved a crate" not in granary.read_text() and corridor.exists()


def test_make_maps_refuses_a_file_it_never_wrote(tmp_path: Path) -> None:
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "granary.tmx").write_text("<map/>")  # somebody's own map
    with pytest.raises(EditedSinceGenerated):
        make_maps.write_all(tmp_path / "maps", tmp_path / "data")
    assert (tmp_path / "maps" / "granary.tmx").read_text() == "<map/>"


def test_granary_meets_the_mission_rules() -> None:
    tmap = load(MAPS_DIR / "granary.tmx")
    assert tmap.width >= 64 and tmap.height >= 44
    assert tmap.properties["title"] == "The Granary"
    assert tmap.properties["rescue_required"] == 6
    assert "Rahim" in tmap.properties["briefing"]
    walkable, elevation = grids(tmap)
    objects = list(tmap.objects)
    by_id = {obj.id: obj for obj in objects}
    for obj in objects:
        if obj.type in ("SquadSpawn", "Civilian", "Insurgent"):
            x, y = tile_of(obj)
            assert walkable[y, x], f"{obj.type} {obj.name} at ({x}, {y}) not walkable"
    insurgents = [o for o in objects if o.type == "Insurgent"]
    snipers = [o for o in insurgents if o.properties.get("role") == "sniper"]
    children = [o for o in objects if o.type == "Civilian"
                and o.properties.get("kind") == "child"]
    assert len(insurgents) >= 10 and len(snipers) >= 2 and len(children) >= 6
    assert all(o.properties.get("hidden") for o in children)
    for sniper in snipers:
        x, y = tile_of(sniper)
        assert elevation[y, x] > 0, f"sniper {sniper.name} not elevated"
    spawn = next(o for o in objects if o.type == "SquadSpawn")
    seen = bfs(walkable, tile_of(spawn))
    bravo = next(o for o in objects if o.type == "Extraction")
    assert bravo.name == "Bravo"
    x0, y0 = int(bravo.x // TILE_PX), int(bravo.y // TILE_PX)
    x1, y1 = int((bravo.x + bravo.width) // TILE_PX), int((bravo.y + bravo.height) // TILE_PX)
    assert seen[y0:y1, x0:x1].any()
    patrolling = [o for o in insurgents if "patrol" in o.properties]
    assert patrolling
    for guard in patrolling:
        route = by_id[guard.properties["patrol"]]
        for (ax, ay), (bx, by) in zip(route.points, route.points[1:], strict=False):
            for t in np.linspace(0.0, 1.0, 64):
                px, py = ax + (bx - ax) * t, ay + (by - ay) * t
                assert walkable[int(py // TILE_PX), int(px // TILE_PX)], guard.name
    triggers = {o.properties.get("group") for o in objects if o.type == "Trigger"}
    assert {"south", "rafters"} <= triggers


@pytest.mark.parametrize("name", sorted(make_maps.TINY_MAPS))
def test_tiny_maps_load_and_their_spawns_stand_on_floor(name: str) -> None:
    tmap = load(ROOT / "tests" / "data" / f"{name}.tmx")
    walkable, _ = grids(tmap)
    spawns = [o for o in tmap.objects if o.type == "SquadSpawn"]
    assert len(spawns) == 1
    for obj in tmap.objects:
        if obj.type in ("SquadSpawn", "Civilian", "Insurgent"):
            x, y = tile_of(obj)
            assert walkable[y, x], (name, obj.name)


def test_wall_duel_wall_has_no_gap_and_rescue_needs_one() -> None:
    walkable, _ = grids(load(ROOT / "tests" / "data" / "wall_duel.tmx"))
    assert not walkable[:, 8].any()
    rescue = load(ROOT / "tests" / "data" / "rescue.tmx")
    assert rescue.properties["rescue_required"] == 1
