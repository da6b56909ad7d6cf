"""Tiled's JSON formats (.tmj/.json maps, .tsj tilesets, .tj templates) as the TMX tree.

A JSON file is parsed with the shared capped reader (depth cap, no NaN or huge numbers),
every field the game uses is type-checked, and the document is rewritten as the element
tree Tiled would have saved as TMX.  That tree then goes through the same checks and the
same loader as a .tmx, so every cap and rule is written once.  Counts are capped here as
the tree is built (objects, layers, tiles, points), so a hostile file never makes a huge
tree; the TMX checks then apply again to the result.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from game.safe_files import UnsafeFileError, parse_json
from game.tiled.errors import MapError
from game.tiled.limits import MAX_CELLS, MAX_LAYERS, MAX_OBJECTS, MAX_POINTS, MAX_TILESETS

MAX_TILES_LISTED = 65536  # <tile> entries in one tileset
MAX_PROPERTIES = 1000  # on one map, layer, object or tile
MAX_GID = 0xFFFFFFFF
KINDS = ("map", "tileset", "template")


def looks_like_json(text: str) -> bool:
    """Tiled's JSON starts with '{'; its XML with '<'."""
    return text.lstrip("\ufeff \t\r\n").startswith("{")


def json_tree(text: str, file: str) -> ET.Element:
    """The TMX/TSX/TX element tree equivalent to a Tiled JSON document, or a MapError."""
    try:
        doc = parse_json(text)
    except UnsafeFileError as exc:
        raise MapError.single(file, f"JSON file {exc}") from None
    if not isinstance(doc, dict):
        raise MapError.single(file, "not a Tiled JSON file: the top level is not an object")
    kind = doc.get("type", "map")
    if kind not in KINDS:
        raise MapError.single(file, f"not a Tiled JSON map, tileset or template: "
                              f"\"type\" is {str(kind)[:20]!r}")
    conv = _Converter(file)
    if kind == "map":
        return conv.map(doc)
    if kind == "tileset":
        return conv.tileset(doc, with_firstgid=False)
    return conv.template(doc)


class _Converter:
    """Builds elements while counting what a hostile file could inflate."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.objects = 0
        self.layers = 0

    # ------------------------------------------------------------ typed fields

    def fail(self, message: str, **where: object) -> MapError:
        return MapError.single(self.file, message, **where)

    def field(self, d: dict, key: str, kinds: tuple[type, ...], what: str,
              where: dict) -> Any:
        value = d.get(key)
        if value is None:
            return None
        # bool is an int in Python; JSON true is never a number or a string here
        if isinstance(value, bool) and bool not in kinds or not isinstance(value, kinds):
            raise self.fail(f"JSON field {key!r} must be {what}, not "
                            f"{_kind_of(value)}", **where)
        return value

    def text(self, d: dict, key: str, where: dict) -> str | None:
        return self.field(d, key, (str,), "text", where)

    def number(self, d: dict, key: str, where: dict) -> str | None:
        value = self.field(d, key, (int, float), "a number", where)
        return None if value is None else _num_text(value)

    def whole(self, d: dict, key: str, where: dict) -> str | None:
        value = self.field(d, key, (int,), "a whole number", where)
        if value is not None and not 0 <= value <= MAX_GID:
            raise self.fail(f"JSON field {key!r} = {value} is out of range", **where)
        return None if value is None else str(value)

    def flag(self, d: dict, key: str, where: dict) -> bool | None:
        return self.field(d, key, (bool,), "true or false", where)

    def items(self, d: dict, key: str, where: dict, cap: int) -> list:
        value = self.field(d, key, (list,), "a list", where) or []
        if len(value) > cap:
            raise self.fail(f"JSON field {key!r} holds {len(value)} entries; the limit is "
                            f"{cap}", **where)
        return value

    def obj(self, value: Any, what: str, where: dict) -> dict:
        if not isinstance(value, dict):
            raise self.fail(f"{what} must be a JSON object, not {_kind_of(value)}", **where)
        return value

    def copy(self, d: dict, el: ET.Element, where: dict, texts=(), numbers=(), wholes=(),
             flags=()) -> None:
        """Set the attributes TMX would have for these JSON fields, each type-checked."""
        for keys, read in ((texts, self.text), (numbers, self.number), (wholes, self.whole)):
            for key in keys:
                value = read(d, key, where)
                if value is not None:
                    el.set(key, value)
        for key in flags:
            value = self.flag(d, key, where)
            if value is not None:
                el.set(key, "1" if value else "0")

    # ------------------------------------------------------------ properties

    def properties(self, d: dict, el: ET.Element, where: dict) -> None:
        props = self.items(d, "properties", where, MAX_PROPERTIES)
        if not props:
            return
        block = ET.SubElement(el, "properties")
        for raw in props:
            raw = self.obj(raw, "a property", where)
            prop = ET.SubElement(block, "property")
            self.copy(raw, prop, where, texts=("name", "type", "propertytype"))
            value = raw.get("value")
            if isinstance(value, bool):
                prop.set("value", "true" if value else "false")
            elif isinstance(value, (int, float)):
                prop.set("value", _num_text(value))
            elif isinstance(value, str):
                prop.set("value", value)
            elif isinstance(value, dict) and raw.get("type") == "class":
                # a class property's members, as TMX nests them
                self.properties({"properties": _members(value)}, prop, where)
            elif value is not None:
                raise self.fail(f"property {str(raw.get('name', ''))[:40]!r} has a value "
                                f"of the wrong kind ({_kind_of(value)})", **where)

    # ------------------------------------------------------------ maps and layers

    def map(self, doc: dict) -> ET.Element:
        root = ET.Element("map")
        where: dict = {}
        self.copy(doc, root, where, texts=("version", "tiledversion", "orientation",
                                           "renderorder", "backgroundcolor", "class"),
                  wholes=("width", "height", "tilewidth", "tileheight", "nextlayerid",
                          "nextobjectid"), flags=("infinite",))
        version = doc.get("version")
        if isinstance(version, (int, float)) and not isinstance(version, bool):
            root.set("version", _num_text(version))  # Tiled before 1.6 wrote a number
        self.properties(doc, root, where)
        for ts in self.items(doc, "tilesets", where, MAX_TILESETS):
            root.append(self.tileset(self.obj(ts, "a tileset", where), with_firstgid=True))
        self.layer_list(doc, root)
        return root

    def layer_list(self, d: dict, parent: ET.Element) -> None:
        for raw in self.items(d, "layers", {}, MAX_LAYERS):
            layer = self.obj(raw, "a layer", {})
            self.layers += 1
            if self.layers > MAX_LAYERS:
                raise self.fail(f"over {MAX_LAYERS} layers; the limit is {MAX_LAYERS}")
            parent.append(self.layer(layer))

    def layer(self, d: dict) -> ET.Element:
        name = d.get("name", "")
        where = {"layer": name if isinstance(name, str) else ""}
        kind = self.text(d, "type", where)
        tags = {"tilelayer": "layer", "objectgroup": "objectgroup", "imagelayer": "imagelayer",
                "group": "group"}
        if kind not in tags:
            raise self.fail(f"unknown layer type {str(kind)[:20]!r}", **where)
        el = ET.Element(tags[kind])
        self.copy(d, el, where, texts=("name", "class", "tintcolor", "draworder"),
                  numbers=("opacity", "offsetx", "offsety", "parallaxx", "parallaxy"),
                  wholes=("id",), flags=("visible", "locked"))
        self.properties(d, el, where)
        if kind == "tilelayer":
            self.copy(d, el, where, wholes=("width", "height"))
            el.append(self.layer_data(d, where))
        elif kind == "objectgroup":
            for raw in self.items(d, "objects", where, MAX_OBJECTS):
                el.append(self.object(self.obj(raw, "an object", where), where))
        elif kind == "imagelayer":
            image = self.text(d, "image", where)
            if image:
                ET.SubElement(el, "image", {"source": image})
        else:
            self.layer_list(d, el)
        return el

    def layer_data(self, d: dict, where: dict) -> ET.Element:
        if d.get("chunks") is not None:
            raise self.fail("infinite map chunks are not supported", **where)
        data = d.get("data")
        encoding = self.text(d, "encoding", where) or "csv"
        compression = self.text(d, "compression", where) or ""
        if isinstance(data, list) and encoding == "csv":
            if len(data) > MAX_CELLS:
                raise self.fail(f"layer data holds {len(data)} tiles; the limit is "
                                f"{MAX_CELLS}", **where)
            bad = next((v for v in data if type(v) is not int or not 0 <= v <= MAX_GID),
                       None)
            if bad is not None:
                raise self.fail(f"layer data entry {str(bad)[:20]!r} is not a tile number",
                                **where)
            out = ET.Element("data", {"encoding": "csv"})
            out.text = ",".join(map(str, data))
            return out
        if isinstance(data, str) and encoding == "base64":
            out = ET.Element("data", {"encoding": "base64"})
            if compression:
                out.set("compression", compression)
            out.text = data  # decoded and inflated (bounded) by the TMX checks
            return out
        raise self.fail(f"tile layer data must be a list of numbers (CSV) or base64 text, "
                        f"not {_kind_of(data)} with encoding {encoding[:20]!r}", **where)

    # ------------------------------------------------------------ objects

    def object(self, d: dict, where: dict) -> ET.Element:
        self.objects += 1
        if self.objects > MAX_OBJECTS:
            raise self.fail(f"over {MAX_OBJECTS} objects; the limit is {MAX_OBJECTS}")
        el = ET.Element("object")
        self.copy(d, el, where, wholes=("id",))
        oid = d.get("id")
        where = {"object_id": oid if isinstance(oid, int) else None,
                 "object_name": str(d.get("name", ""))[:200]}
        self.copy(d, el, where, texts=("name", "type", "class", "template"),
                  numbers=("x", "y", "width", "height", "rotation"), wholes=("gid",),
                  flags=("visible",))
        self.properties(d, el, where)
        for shape in ("point", "ellipse"):
            if self.flag(d, shape, where):
                ET.SubElement(el, shape)
        for shape in ("polyline", "polygon"):
            points = self.items(d, shape, where, MAX_POINTS)
            if shape in d:
                ET.SubElement(el, shape, {"points": " ".join(
                    self.point(p, where) for p in points)})
        if d.get("text") is not None:
            text = self.obj(d["text"], "an object's text", where)
            ET.SubElement(el, "text").text = self.text(text, "text", where) or ""
        return el

    def point(self, p: Any, where: dict) -> str:
        p = self.obj(p, "a polyline point", where)
        x, y = self.number(p, "x", where), self.number(p, "y", where)
        if x is None or y is None:
            raise self.fail("a polyline point lacks x or y", **where)
        return f"{x},{y}"

    def template(self, doc: dict) -> ET.Element:
        root = ET.Element("template")
        where: dict = {}
        if doc.get("tileset") is not None:
            root.append(self.tileset(self.obj(doc["tileset"], "the template's tileset",
                                              where), with_firstgid=True))
        if doc.get("object") is not None:
            root.append(self.object(self.obj(doc["object"], "the template's object", where),
                                    where))
        return root

    # ------------------------------------------------------------ tilesets

    def tileset(self, d: dict, with_firstgid: bool) -> ET.Element:
        el = ET.Element("tileset")
        where: dict = {}
        if with_firstgid:
            self.copy(d, el, where, wholes=("firstgid",))
        if d.get("source") is not None:  # an external tileset: the reference is all
            self.copy(d, el, where, texts=("source",))
            return el
        self.copy(d, el, where, texts=("name", "class", "version", "tiledversion"),
                  wholes=("tilewidth", "tileheight", "tilecount", "columns", "spacing",
                          "margin"))
        self.properties(d, el, where)
        image = self.text(d, "image", where)
        if image is not None:
            img = ET.SubElement(el, "image", {"source": image})
            self.copy({"width": d.get("imagewidth"), "height": d.get("imageheight")}, img,
                      where, wholes=("width", "height"))
        for raw in self.items(d, "tiles", where, MAX_TILES_LISTED):
            el.append(self.tile(self.obj(raw, "a tileset tile", where), where))
        return el

    def tile(self, d: dict, where: dict) -> ET.Element:
        el = ET.Element("tile")
        self.copy(d, el, where, texts=("type", "class"), wholes=("id",),
                  numbers=("probability",))
        self.properties(d, el, where)
        frames = self.items(d, "animation", where, MAX_TILES_LISTED)
        if frames:
            anim = ET.SubElement(el, "animation")
            for raw in frames:
                frame = ET.SubElement(anim, "frame")
                self.copy(self.obj(raw, "an animation frame", where), frame, where,
                          wholes=("tileid", "duration"))
        return el


def _members(value: dict) -> list[dict]:
    """A class property's value {name: value} as the list a properties block holds."""
    out = []
    for name, member in value.items():
        kind = ("bool" if isinstance(member, bool) else "int" if isinstance(member, int)
                else "float" if isinstance(member, float)
                else "class" if isinstance(member, dict) else "string")
        out.append({"name": name, "type": kind, "value": member})
    return out


def _num_text(value: int | float) -> str:
    # TMX writes whole numbers without ".0" (the checks' regex takes either)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, float) and not value.is_integer():
        return "a number with a fraction"
    return {dict: "an object", list: "a list", str: "text", int: "a number",
            float: "a number", type(None): "null"}.get(type(value), type(value).__name__)
