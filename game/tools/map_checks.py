"""Rule checks for generated maps, on the writer's in-memory TmxMap (numpy, no pygame).

The grids combine tile layers as the loader does (walkable = all, elevation = max, an
empty cell is not walkable); layers marked above=true or named Above/Roof are skipped.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path

import numpy as np

from game.sim.geometry import TILE_PX
from game.tiled.loader import ABOVE_NAMES
from game.tools.tmx_writer import MapObject, ObjectLayer, ObjectRef, TileLayer, TmxMap
from game.tools.tsx import read_tile_properties


def is_above(layer: TileLayer) -> bool:
    return bool(layer.properties.get("above")) or layer.name.lower() in ABOVE_NAMES


def rule_grids(tmx: TmxMap, tsx_path: str | Path) -> tuple[np.ndarray, np.ndarray]:
    """(walkable bool [y, x], elevation int [y, x]) from the map's rule layers."""
    by_name = {p["name"]: p for p in read_tile_properties(tsx_path).values()}
    walkable = np.ones((tmx.height, tmx.width), dtype=bool)
    filled = np.zeros_like(walkable)
    elevation = np.zeros((tmx.height, tmx.width), dtype=np.int8)
    for layer in tmx.layers:
        if not isinstance(layer, TileLayer) or is_above(layer):
            continue
        for y, row in enumerate(layer.cells):
            for x, name in enumerate(row):
                if name is None:
                    continue
                props = by_name[name]
                filled[y, x] = True
                walkable[y, x] &= bool(props["walkable"])
                elevation[y, x] = max(int(elevation[y, x]), int(props["elevation"]))
    return walkable & filled, elevation


def object_tile(obj: MapObject) -> tuple[int, int]:
    """The tile under a point object, or under a rectangle's centre."""
    return int((obj.x + obj.width / 2) // TILE_PX), int((obj.y + obj.height / 2) // TILE_PX)


def rect_tiles(obj: MapObject) -> tuple[int, int, int, int]:
    """Tiles a rectangle covers: x0, y0, x1, y1 exclusive."""
    return (int(obj.x // TILE_PX), int(obj.y // TILE_PX),
            int(-(-(obj.x + obj.width) // TILE_PX)), int(-(-(obj.y + obj.height) // TILE_PX)))


def reachable(walkable: np.ndarray, start: tuple[int, int]) -> np.ndarray:
    """Tiles reachable from start by 4-way steps over walkable tiles (stricter than 8-way)."""
    seen = np.zeros_like(walkable)
    if not walkable[start[1], start[0]]:
        return seen
    seen[start[1], start[0]] = True
    queue = deque([start])
    height, width = walkable.shape
    while queue:
        x, y = queue.popleft()
        for nx, ny in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
            if 0 <= nx < width and 0 <= ny < height and walkable[ny, nx] and not seen[ny, nx]:
                seen[ny, nx] = True
                queue.append((nx, ny))
    return seen


def segment_clear(walkable: np.ndarray, a: tuple[float, float], b: tuple[float, float]) -> bool:
    """True if every tile a straight line from a to b (pixels) passes over is walkable."""
    steps = max(2, int(np.hypot(b[0] - a[0], b[1] - a[1]) // 4) + 1)
    xs = np.linspace(a[0], b[0], steps) // TILE_PX
    ys = np.linspace(a[1], b[1], steps) // TILE_PX
    height, width = walkable.shape
    inside = (xs >= 0) & (xs < width) & (ys >= 0) & (ys < height)
    if not inside.all():
        return False
    return bool(walkable[ys.astype(int), xs.astype(int)].all())


def _objects(tmx: TmxMap) -> list[MapObject]:
    return [o for layer in tmx.layers if isinstance(layer, ObjectLayer) for o in layer.objects]


def check_map(tmx: TmxMap, tsx_path: str | Path) -> list[str]:
    """Every problem found, as readable lines; an empty list means the map is sound."""
    walkable, elevation = rule_grids(tmx, tsx_path)
    objects = _objects(tmx)
    by_key = {(o.key or o.name): o for o in objects if o.key or o.name}
    problems: list[str] = []
    for obj in objects:
        if obj.cls not in ("SquadSpawn", "Civilian", "Insurgent"):
            continue
        tx, ty = object_tile(obj)
        label = f"{obj.cls} {obj.name or ''} at tile ({tx}, {ty})"
        if not walkable[ty, tx]:
            problems.append(f"{label}: not on a walkable tile")
        if obj.properties.get("role") == "sniper" and elevation[ty, tx] <= 0:
            problems.append(f"{label}: a sniper must stand on an elevated tile")
        patrol = obj.properties.get("patrol")
        if isinstance(patrol, ObjectRef):
            route = by_key[patrol.key]
            points = [(route.x + px, route.y + py) for px, py in route.points]
            for a, b in zip(points, points[1:], strict=False):
                if not segment_clear(walkable, a, b):
                    problems.append(f"{label}: patrol {patrol.key} crosses a blocked tile "
                                    f"between {a} and {b}")
    spawns = [o for o in objects if o.cls == "SquadSpawn"]
    if not spawns:
        problems.append("no SquadSpawn")
    for spawn in spawns:
        seen = reachable(walkable, object_tile(spawn))
        for zone in (o for o in objects if o.cls == "Extraction"):
            x0, y0, x1, y1 = rect_tiles(zone)
            if not seen[y0:y1, x0:x1].any():
                problems.append(f"extraction {zone.name} is not reachable from the spawn")
    return problems
