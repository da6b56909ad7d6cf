"""A small TMX writer: ASCII rows + a legend + objects -> a Tiled 1.8 map file.

Pure Python (no pygame, no pytmx).  Tile names resolve to gids through the external
tileset's `name` properties, so maps are written against the same table the game reads.
Output follows what Tiled 1.8 itself writes: CSV tile data, an external tileset `source`
relative to the map, `type=` on objects (Tiled 1.9+ reads it too), typed properties,
multi-line strings as element text, and correct nextlayerid/nextobjectid.

    layer = layer_from_ascii("Ground", ["...", "..."], {".": "floor"})
    spawn = MapObject("SquadSpawn", x=48, y=48)
    write_tmx(TmxMap(3, 2, [layer, ObjectLayer("Objects", [spawn])]), path, tsx_path)
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from game.sim.geometry import TILE_PX
from game.tools.tsx import property_text, property_type, read_tile_names

PropValue = str | bool | int | float


@dataclass(frozen=True)
class ObjectRef:
    """A property pointing at another object by its `key` (written as an object id)."""

    key: str


@dataclass
class MapObject:
    cls: str  # the object class, written as type= (Tiled 1.8) for SquadSpawn, Insurgent, ...
    x: float  # pixels
    y: float
    name: str = ""
    width: float = 0.0  # 0 x 0 with no points = a point object
    height: float = 0.0
    points: Sequence[tuple[float, float]] = ()  # polyline, relative to (x, y)
    properties: Mapping[str, PropValue | ObjectRef] = field(default_factory=dict)
    key: str = ""  # what ObjectRef names; defaults to the object name


@dataclass
class TileLayer:
    name: str
    cells: list[list[str | None]]  # [y][x] tile names, None = empty
    properties: Mapping[str, PropValue] = field(default_factory=dict)


@dataclass
class ObjectLayer:
    name: str
    objects: list[MapObject] = field(default_factory=list)
    properties: Mapping[str, PropValue] = field(default_factory=dict)


@dataclass
class TmxMap:
    width: int
    height: int
    layers: list[TileLayer | ObjectLayer]
    properties: Mapping[str, PropValue] = field(default_factory=dict)
    background: str = ""  # "#rrggbb" or ""


def layer_from_ascii(name: str, rows: Sequence[str], legend: Mapping[str, str | None],
                     properties: Mapping[str, PropValue] | None = None) -> TileLayer:
    """One tile layer from equal-length ASCII rows; legend maps a char to a tile name or None."""
    widths = {len(row) for row in rows}
    if len(widths) != 1:
        bad = [i for i, row in enumerate(rows) if len(row) != len(rows[0])]
        raise ValueError(f"layer {name}: rows differ in length (first bad row {bad[0]})")
    cells: list[list[str | None]] = []
    for y, row in enumerate(rows):
        missing = [ch for ch in row if ch not in legend]
        if missing:
            raise ValueError(f"layer {name}: row {y} uses {missing[0]!r}, not in the legend")
        cells.append([legend[ch] for ch in row])
    return TileLayer(name, cells, dict(properties or {}))


def tile_centre(tx: int, ty: int) -> tuple[float, float]:
    """Pixel centre of a tile: where point objects go so every reader finds the same tile."""
    return (tx * TILE_PX + TILE_PX / 2, ty * TILE_PX + TILE_PX / 2)


def _properties_xml(props: Mapping[str, PropValue | ObjectRef], ids: Mapping[str, int],
                    indent: str) -> list[str]:
    if not props:
        return []
    lines = [f"{indent}<properties>"]
    for name, value in props.items():
        if isinstance(value, ObjectRef):
            if value.key not in ids:
                raise KeyError(f"property {name}: no object with key {value.key!r}")
            kind, text = "object", str(ids[value.key])
        else:
            kind = "float" if isinstance(value, float) else property_type(value)
            text = property_text(value)
        type_attr = "" if kind == "string" else f' type="{kind}"'
        if "\n" in text:  # Tiled stores multi-line strings as element text
            lines.append(f"{indent} <property name={quoteattr(name)}>{escape(text)}</property>")
        else:
            lines.append(f"{indent} <property name={quoteattr(name)}{type_attr} "
                         f"value={quoteattr(text)}/>")
    lines.append(f"{indent}</properties>")
    return lines


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _tile_layer_xml(layer: TileLayer, layer_id: int, tmx: TmxMap,
                    gids: Mapping[str, int]) -> list[str]:
    if len(layer.cells) != tmx.height or any(len(row) != tmx.width for row in layer.cells):
        raise ValueError(f"layer {layer.name}: not {tmx.width}x{tmx.height}")
    lines = [f' <layer id="{layer_id}" name={quoteattr(layer.name)} '
             f'width="{tmx.width}" height="{tmx.height}">']
    lines += _properties_xml(layer.properties, {}, "  ")
    lines.append('  <data encoding="csv">')
    rows = []
    for row in layer.cells:
        try:
            rows.append(",".join("0" if name is None else str(gids[name]) for name in row))
        except KeyError as missing:
            raise KeyError(f"layer {layer.name}: unknown tile name {missing}") from None
    lines.append(",\n".join(rows))
    lines.append("</data>")
    lines.append(" </layer>")
    return lines


def _object_xml(obj: MapObject, obj_id: int, ids: Mapping[str, int]) -> list[str]:
    attrs = f'id="{obj_id}"'
    if obj.name:
        attrs += f" name={quoteattr(obj.name)}"
    if obj.cls:
        attrs += f" type={quoteattr(obj.cls)}"
    attrs += f' x="{_number(obj.x)}" y="{_number(obj.y)}"'
    if obj.width or obj.height:
        attrs += f' width="{_number(obj.width)}" height="{_number(obj.height)}"'
    children = _properties_xml(obj.properties, ids, "   ")
    if obj.points:
        pts = " ".join(f"{_number(px)},{_number(py)}" for px, py in obj.points)
        children.append(f'   <polyline points="{pts}"/>')
    elif not (obj.width or obj.height):
        children.append("   <point/>")
    return [f"  <object {attrs}>", *children, "  </object>"]


def tmx_xml(tmx: TmxMap, tileset_source: str, gids: Mapping[str, int]) -> str:
    """The TMX text; gids maps tile name -> gid (firstgid already added)."""
    objects = [obj for layer in tmx.layers if isinstance(layer, ObjectLayer)
               for obj in layer.objects]
    ids: dict[str, int] = {}
    for number, obj in enumerate(objects, start=1):
        key = obj.key or obj.name
        if key:
            if key in ids:
                raise ValueError(f"two objects share the key {key!r}")
            ids[key] = number
    bg = f' backgroundcolor="{tmx.background}"' if tmx.background else ""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<map version="1.8" tiledversion="1.8.2" orientation="orthogonal" '
        f'renderorder="right-down" width="{tmx.width}" height="{tmx.height}" '
        f'tilewidth="{TILE_PX}" tileheight="{TILE_PX}" infinite="0"{bg} '
        f'nextlayerid="{len(tmx.layers) + 1}" nextobjectid="{len(objects) + 1}">',
    ]
    lines += _properties_xml(tmx.properties, ids, " ")
    lines.append(f' <tileset firstgid="1" source={quoteattr(tileset_source)}/>')
    next_object = 1
    for layer_id, layer in enumerate(tmx.layers, start=1):
        if isinstance(layer, TileLayer):
            lines += _tile_layer_xml(layer, layer_id, tmx, gids)
            continue
        lines.append(f' <objectgroup id="{layer_id}" name={quoteattr(layer.name)}>')
        lines += _properties_xml(layer.properties, ids, "  ")
        for obj in layer.objects:
            lines += _object_xml(obj, next_object, ids)
            next_object += 1
        lines.append(" </objectgroup>")
    lines.append("</map>")
    return "\n".join(lines) + "\n"


def write_tmx(tmx: TmxMap, path: str | Path, tsx_path: str | Path) -> Path:
    """Write the map to path, referring to the external tileset at tsx_path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    names = read_tile_names(tsx_path)
    gids = {name: tile_id + 1 for name, tile_id in names.items()}
    source = Path(os.path.relpath(Path(tsx_path).resolve(), path.parent.resolve())).as_posix()
    path.write_text(tmx_xml(tmx, source, gids), encoding="utf-8")
    return path
