"""Tile layers and tilesets through pytmx (headless), turned into rule tables and MapArt.

pytmx is handed a copy of the already checked tree with the object layers and custom
properties taken out: it parses tilesets (embedded or external), tile properties and layer
data, which it does well; objects and properties, which it does not, are read elsewhere.
The default pytmx image loader loads no images, so nothing here needs a display.
"""

from __future__ import annotations

import logging
import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import numpy as np

from game.sim.scenario import TilesetArt
from game.sim.terrain import COVER_NAMES
from game.tiled.errors import MapError, MapProblem
from game.tiled.safety import CheckedMap, CheckedTileset

RULE_DEFAULTS = {"walkable": True, "opaque": False, "cover": "none", "elevation": 0,
                 "destructible": False, "door": False, "locked": False}
BOOL_RULES = ("walkable", "opaque", "destructible", "door", "locked")


@dataclass
class TileData:
    layers: list[tuple[np.ndarray, np.ndarray]]  # per tile layer in file order: gids, flips
    tilesets: list[TilesetArt]
    names: dict[int, str]  # gid -> tile name property, for messages
    luts: dict[str, np.ndarray]  # rule name -> array indexed by gid; "known" marks held gids


def parse_tiles(checked: CheckedMap, problems: list[MapProblem]) -> TileData:
    # pytmx imports pygame when it can; keep its banner out of CLI output.
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pytmx  # here, not at import time: game.tiled must stay cheap to import

    file = str(checked.path)
    root = _tiles_only(checked)
    tm = pytmx.TiledMap(allow_duplicate_names=True)
    tm.filename = str(checked.path)
    logging.getLogger("pytmx").setLevel(logging.CRITICAL)
    try:
        tm.parse_xml(root)
    except Exception as exc:  # pytmx raises bare Exception/ValueError/KeyError alike
        raise MapError.single(file, f"pytmx could not read the tiles: {exc}") from None
    tile_layers = [la for la in tm.layers if isinstance(la, pytmx.TiledTileLayer)]
    if len(tile_layers) != len(checked.layers):
        raise MapError.single(file, "pytmx found a different number of tile layers")
    to_tiled, to_flip = _gid_tables(tm)
    layers = []
    for layer in tile_layers:
        data = np.asarray(layer.data, dtype=np.int64)
        layers.append((to_tiled[data], to_flip[data]))
    by_firstgid = {t.firstgid: t for t in checked.tilesets}
    tilesets = [_tileset_art(ts, by_firstgid.get(int(ts.firstgid))) for ts in tm.tilesets]
    luts, names = _rule_tables(tm, tilesets, file, problems)
    return TileData(layers, tilesets, names, luts)


def _tiles_only(checked: CheckedMap) -> ET.Element:
    """A copy of the map for pytmx: no objects or custom properties, and every external
    tileset replaced by the already checked copy of its file, so pytmx opens no file."""
    root = _copy_without_objects(checked.root)
    refs = root.findall("tileset")
    for ref, ts in zip(refs, checked.tilesets, strict=True):
        if ref.get("source"):
            # children shared, not copied: pytmx only reads them
            attrib = {k: v for k, v in ts.element.attrib.items() if k != "source"}
            embedded = ET.Element("tileset", {**attrib, "firstgid": str(ts.firstgid)})
            embedded.extend(list(ts.element))
            root.insert(list(root).index(ref), embedded)
            root.remove(ref)
    return root


def _copy_without_objects(el: ET.Element) -> ET.Element:
    # Copied element by element (the tree is at most MAX_XML_DEPTH deep), leaving out the
    # objects rather than copying thousands of them only to remove them.
    out = ET.Element(el.tag, el.attrib)
    out.text, out.tail = el.text, el.tail
    for child in el:
        if child.tag in ("objectgroup", "imagelayer") or (
                child.tag == "properties" and el.tag in ("map", "layer", "group")):
            continue
        out.append(_copy_without_objects(child))
    return out


def _gid_tables(tm) -> tuple[np.ndarray, np.ndarray]:
    """pytmx renumbers gids per (gid, flips); map its numbers back to Tiled's and flip bits."""
    size = max(tm.maxgid, 1)
    to_tiled = np.zeros(size, dtype=np.uint32)
    to_flip = np.zeros(size, dtype=np.uint8)
    for (tiled_gid, flags), entry in tm.imagemap.items():
        pgid = entry[0] if isinstance(entry, tuple) else entry
        if pgid:
            to_tiled[pgid] = tiled_gid
            h, v, d = (bool(f) for f in flags) if flags else (False, False, False)
            to_flip[pgid] = h * 1 + v * 2 + d * 4
    return to_tiled, to_flip


def _tileset_art(ts, checked: CheckedTileset | None) -> TilesetArt:
    # The image path is the one the safety checks vetted ("" if it cannot be drawn).
    image = str(checked.image) if checked is not None and checked.image is not None else ""
    columns = int(getattr(ts, "columns", 0) or 0) or max(1, int(ts.width) // int(ts.tilewidth))
    tilecount = int(getattr(ts, "tilecount", 0) or 0)
    if not tilecount:
        tilecount = columns * max(1, int(ts.height) // int(ts.tileheight))
    return TilesetArt(firstgid=int(ts.firstgid), image_path=image,
                      tile_width=int(ts.tilewidth), tile_height=int(ts.tileheight),
                      columns=columns, tilecount=tilecount, margin=int(ts.margin or 0),
                      spacing=int(ts.spacing or 0),
                      tile_names=checked.tile_names if checked is not None else ())


def _rule_tables(tm, tilesets: list[TilesetArt], file: str, problems: list[MapProblem]):
    size = max((t.firstgid + t.tilecount for t in tilesets), default=1)
    luts = {
        "known": np.zeros(size, dtype=bool),
        "walkable": np.ones(size, dtype=bool),
        "opaque": np.zeros(size, dtype=bool),
        "cover": np.zeros(size, dtype=np.int8),
        "elevation": np.zeros(size, dtype=np.int8),
        "destructible": np.zeros(size, dtype=bool),
        "door": np.zeros(size, dtype=bool),
        "locked": np.zeros(size, dtype=bool),
    }
    for t in tilesets:
        luts["known"][t.firstgid:t.firstgid + t.tilecount] = True
    names: dict[int, str] = {}
    seen: set[int] = set()
    for pgid, props in tm.tile_properties.items():
        gid = tm.tiledgidmap.get(pgid)
        if gid is None or gid in seen or not (0 < gid < size):
            continue
        seen.add(gid)
        names[gid] = str(props.get("name", ""))
        for rule, value in _tile_rules(props, gid, file, problems).items():
            luts[rule][gid] = value
    return luts, names


def _tile_rules(props: dict, gid: int, file: str, problems: list[MapProblem]) -> dict:
    out = {}
    for rule, default in RULE_DEFAULTS.items():
        value = props.get(rule, default)
        if rule in BOOL_RULES:
            ok = isinstance(value, bool)
        elif rule == "cover":
            ok = value in COVER_NAMES
            value = COVER_NAMES.get(value, 0)
        else:
            ok = isinstance(value, int) and not isinstance(value, bool) and -128 <= value < 128
        if not ok:
            problems.append(MapProblem(
                file, f"tile gid {gid} ({props.get('name', '')}): property {rule}="
                f"{str(value)[:20]!r} has the wrong type or value"))
            continue
        out[rule] = value
    return out
