"""Tiny Tiled maps written on the fly for the tiled tests, in any encoding Tiled writes."""

from __future__ import annotations

import base64
import gzip
import shutil
import struct
import zlib
from pathlib import Path

FIXTURES = Path(__file__).parent / "data" / "tiled"
# gids in tests/data/tiled/rules.tsx (firstgid 1)
FLOOR, WALL, RAFTERS, LADDER, LOW_WALL, LOCKED, BEAM, RUBBLE = range(1, 9)
# legend for grids drawn as text
LEGEND = {".": FLOOR, "#": WALL, "R": RAFTERS, "H": LADDER, "l": LOW_WALL, "D": LOCKED,
          " ": 0, "r": RUBBLE}

OPEN_ROOM = [
    "##########",
    "#........#",
    "#........#",
    "#........#",
    "##########",
]


def gids_of(rows: list[str]) -> list[int]:
    return [LEGEND[c] for row in rows for c in row]


def layer_data(gids: list[int], width: int, encoding: str) -> str:
    if encoding == "csv":
        lines = [",".join(str(g) for g in gids[i:i + width]) for i in range(0, len(gids), width)]
        return '<data encoding="csv">\n' + ",\n".join(lines) + "\n</data>"
    raw = struct.pack(f"<{len(gids)}I", *gids)
    if encoding == "zlib":
        raw = zlib.compress(raw)
    elif encoding == "gzip":
        raw = gzip.compress(raw)
    comp = f' compression="{encoding}"' if encoding in ("zlib", "gzip") else ""
    return f'<data encoding="base64"{comp}>{base64.b64encode(raw).decode()}</data>'


def tile_layer(name: str, rows: list[str] | list[int], width: int, height: int,
               encoding: str = "csv", attrs: str = "", props: str = "") -> str:
    gids = gids_of(rows) if rows and isinstance(rows[0], str) else rows
    return (f'<layer id="1" name="{name}" width="{width}" height="{height}"{attrs}>{props}'
            f"{layer_data(gids, width, encoding)}</layer>")


def obj(oid: int, cls: str, x: float, y: float, props: str = "", name: str = "", extra: str = "",
        attr: str = "type", body: str = "") -> str:
    p = f"<properties>{props}</properties>" if props else ""
    c = f' {attr}="{cls}"' if cls else ""
    return f'<object id="{oid}" name="{name}"{c} x="{x}" y="{y}"{extra}>{p}{body}</object>'


def prop(name: str, value, type_: str = "") -> str:
    t = f' type="{type_}"' if type_ else ""
    if isinstance(value, bool):
        value, t = ("true" if value else "false"), ' type="bool"'
    elif isinstance(value, int) and not type_:
        t = ' type="int"'
    return f'<property name="{name}"{t} value="{value}"/>'


def basic_objects() -> list[str]:
    """A spawn, an extraction, one civilian, one insurgent: a map that validates."""
    return [
        obj(1, "SquadSpawn", 48, 48, extra="", body="<point/>"),
        obj(2, "Extraction", 224, 32, extra=' width="32" height="64"'),
        obj(3, "Civilian", 144, 80, prop("kind", "child", "string"), body="<point/>"),
        obj(4, "Insurgent", 176, 48, body="<point/>"),
    ]


def write_map(folder: Path, rows: list[str] | None = None, objects: list[str] | None = None,
              encoding: str = "csv", map_props: str = "", layers: list[str] | None = None,
              tileset: str | None = None, name: str = "map.tmx", head: str = "",
              size: tuple[int, int] | None = None) -> Path:
    """Write a map (and the rules tileset beside it) and return its path."""
    rows = OPEN_ROOM if rows is None else rows
    width, height = size or (len(rows[0]), len(rows))
    folder.mkdir(parents=True, exist_ok=True)
    for f in ("rules.tsx", "rules.png"):
        if not (folder / f).exists():
            shutil.copy(FIXTURES / f, folder / f)
    if tileset is None:
        tileset = '<tileset firstgid="1" source="rules.tsx"/>'
    if layers is None:
        layers = [tile_layer("Ground", rows, width, height, encoding)]
    objects = basic_objects() if objects is None else objects
    mp = f"<properties>{map_props}</properties>" if map_props else ""
    text = (
        f'<?xml version="1.0" encoding="UTF-8"?>{head}\n'
        f'<map version="1.10" orientation="orthogonal" renderorder="right-down" '
        f'width="{width}" height="{height}" tilewidth="32" tileheight="32" infinite="0" '
        f'nextlayerid="9" nextobjectid="99">{mp}{tileset}'
        + "".join(layers)
        + '<objectgroup id="5" name="Objects">' + "".join(objects) + "</objectgroup></map>"
    )
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
