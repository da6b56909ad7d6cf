"""Object layers read with ElementTree: layer order, group offsets and visibility, templates.

pytmx returns templated objects with only x/y, ignores `class`, and regroups layers, so the
objects are read here from the same checked XML tree pytmx is given for the tiles.
"""

from __future__ import annotations

import difflib
import math
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field, replace
from pathlib import Path

from game.tiled.errors import WARNING, MapError, MapProblem
from game.tiled.limits import MAX_POINTS
from game.tiled.properties import RawProperty, read_properties
from game.tiled.safety import MAX_AUX_BYTES, locate, read_xml, safe_resolve

GID_LIMIT = 0xFFFFFFFF  # a gid with its flip bits

LAYER_TAGS = ("layer", "objectgroup", "imagelayer", "group")
SHAPE_TAGS = ("point", "ellipse", "polyline", "polygon", "text")
MAX_COORD = 10_000_000.0  # pixels; a map is at most 32768 px wide, so this is only nonsense
MAX_ID = 2**31 - 1
_WHOLE = re.compile(r"[0-9]{1,10}")
_NUM = re.compile(r"-?[0-9]{1,9}(\.[0-9]{1,12})?([eE][-+]?[0-9]{1,3})?")


@dataclass(frozen=True)
class LayerInfo:
    element: ET.Element
    name: str
    offset: tuple[float, float]  # pixels, summed over the enclosing groups
    visible: bool  # false if it or any enclosing group is hidden
    opacity: float


@dataclass
class MapObject:
    id: int
    name: str
    cls: str  # `type` (old Tiled, and what 1.8 writes) else `class` (Tiled 1.9+)
    x: float  # pixels as Tiled shows them (layer offsets not included)
    y: float
    width: float
    height: float
    shape: str  # rect, point, ellipse, polyline, polygon, text, tile
    gid: int
    layer: str
    offset: tuple[float, float]
    points: list[tuple[float, float]] = field(default_factory=list)  # absolute pixels
    props: dict[str, RawProperty] = field(default_factory=dict)

    def where(self) -> dict:
        return {"object_id": self.id, "object_name": self.name, "x": self.x, "y": self.y}

    def centre_px(self) -> tuple[float, float]:
        """The point the game uses: a point's own x/y, a box's centre, a tile's centre."""
        ox, oy = self.offset
        if self.shape == "tile":  # tile objects are anchored at their bottom-left corner
            return self.x + ox + self.width / 2, self.y + oy - self.height / 2
        if self.shape in ("rect", "ellipse"):
            return self.x + ox + self.width / 2, self.y + oy + self.height / 2
        return self.x + ox, self.y + oy


# Where a point class stands: a point's own x/y, or the centre of a tile, box or ellipse.
POINT_SHAPES = ("point", "tile", "rect", "ellipse")
_SHAPE_NAMES = {"rect": "a rectangle", "point": "a point", "ellipse": "an ellipse",
                "polyline": "a polyline", "polygon": "a polygon", "text": "a text object",
                "tile": "a tile object"}


def shape_problem(obj: MapObject, zone: bool) -> str | None:
    """Why this object's shape cannot be what its class means, or None.

    A zone (Trigger, Extraction) is a rectangle with a size.  Any other class is one
    spot on the map, so a line, polygon or text cannot be one: such an object is refused
    rather than ignored, so it never silently adds or drops a unit.
    """
    shape = _SHAPE_NAMES.get(obj.shape, obj.shape)
    if zone:
        if obj.shape != "rect":
            return f"{obj.cls} must be a rectangle, not {shape}"
        if obj.width <= 0 or obj.height <= 0:
            return (f"{obj.cls} must be a rectangle with a size (this one is "
                    f"{obj.width:g} x {obj.height:g} px)")
        return None
    if obj.shape in POINT_SHAPES:
        return None
    hint = ""
    if obj.shape in ("polyline", "polygon"):
        hint = ("; a patrol route needs no class: clear this one's class and pick the line "
                'in an Insurgent\'s "patrol" property')
    return (f"{obj.cls} must be a point (a tile object, rectangle or ellipse counts by its "
            f"centre), not {shape}{hint}")


def patrol_fault(route: MapObject | None) -> str:
    """What is wrong with the object an Insurgent's `patrol` names (for the message)."""
    if route is None:
        return "but no object on a visible object layer has that id"
    if route.shape in ("polyline", "polygon"):
        return f"but that {route.shape} has no points"
    return f"which is {_SHAPE_NAMES.get(route.shape, route.shape)}, not a polyline or polygon"


def classes_fitting(obj: MapObject, classes) -> list[str]:
    """The classes whose members include all of a classless object's properties: what
    Tiled 1.8 leaves of a Tiled 1.9 `class=` object is its properties and no class."""
    if not obj.props:
        return []
    return [c for c, members in classes.items() if set(obj.props) <= set(members)]


def closest_class(name: str, known) -> str | None:
    """The known class a misspelt one most likely meant ("Squadspawn" -> "SquadSpawn")."""
    by_lower = {k.lower(): k for k in known}
    match = difflib.get_close_matches(name.lower(), list(by_lower), n=1, cutoff=0.75)
    return by_lower[match[0]] if match else None


def num(el: ET.Element, name: str, default: float, file: str, **where) -> float:
    raw = el.get(name)
    if raw is None:
        return default
    if not _NUM.fullmatch(raw.strip()) or not math.isfinite(float(raw)):
        raise MapError.single(file, f"attribute {name}={raw[:20]!r} is not a number", **where)
    if abs(float(raw)) > MAX_COORD:  # 1e308 would overflow once scaled to sub-tile units
        raise MapError.single(file, f"attribute {name}={raw[:20]!r} is out of range", **where)
    return float(raw)


def whole(el: ET.Element, name: str, file: str, limit: int = MAX_ID, **where) -> int:
    """A non-negative whole-number attribute (an id or a gid), 0 when absent."""
    raw = (el.get(name) or "0").strip()
    if not _WHOLE.fullmatch(raw) or int(raw) > limit:
        raise MapError.single(file, f"attribute {name}={raw[:20]!r} is not a whole number "
                              f"from 0 to {limit}", **where)
    return int(raw)


def walk_layers(parent: ET.Element, file: str, offset=(0.0, 0.0), visible=True,
                opacity=1.0):
    """Every non-group layer in file order, with group offsets/visibility/opacity applied."""
    for el in parent:
        if el.tag not in LAYER_TAGS:
            continue
        where = {"layer": el.get("name", "")}
        off = (offset[0] + num(el, "offsetx", 0.0, file, **where),
               offset[1] + num(el, "offsety", 0.0, file, **where))
        vis = visible and el.get("visible", "1") != "0"
        opa = opacity * num(el, "opacity", 1.0, file, **where)
        if el.tag == "group":
            yield from walk_layers(el, file, off, vis, opa)
        else:
            yield LayerInfo(el, el.get("name", ""), off, vis, opa)


class TemplateCache:
    """Templates read once per load; each is checked like any untrusted file."""

    def __init__(self, map_path: Path) -> None:
        self.base = safe_resolve(map_path).parent
        self.cache: dict[Path, ET.Element] = {}
        self.map_tilesets: list[tuple[int, Path]] = []  # (firstgid, resolved .tsx path)
        self.file = str(map_path)
        # sources not found where the map says, for which the game's own copy stood in
        self.fallbacks: list[str] = []
        self.errors: list[MapProblem] = []  # objects read_objects had to leave out

    @property
    def warnings(self) -> list[MapProblem]:
        """One warning naming every template the game's own copy stood in for."""
        if not self.fallbacks:
            return []
        names = [repr(s) for s in self.fallbacks]
        if len(names) > 4:
            names = names[:3] + [f"{len(names) - 3} more"]
        which = (f"template {names[0]} is" if len(self.fallbacks) == 1
                 else f"templates {', '.join(names)} are")
        return [MapProblem(self.file, f"{which} not beside the map; using the game's own of "
                           "the same name (if one is a template you made, copy it along with "
                           "the map)", severity=WARNING)]

    def object_for(self, source: str, file: str, where: dict) -> tuple[ET.Element, Path]:
        from game import MAPS_DIR

        path, shipped = locate(self.base, source, MAPS_DIR / "templates")
        if path not in self.cache:
            if not os.path.lexists(path):
                raise MapError.single(file, f"template {source!r} not found (looked at {path})",
                                      **where)
            root = read_xml(path, MAX_AUX_BYTES)
            if root.tag != "template" or root.find("object") is None:
                raise MapError.single(str(path), "not a Tiled object template")
            self.cache[path] = root
            if shipped:
                self.fallbacks.append(source)
        return self.cache[path], path


def expand_template(el: ET.Element, templates: TemplateCache, file: str) -> ET.Element:
    """The instance merged over its template: attributes, properties and shape."""
    source = el.get("template")
    if not source:
        return el
    where = {"object_id": whole(el, "id", file), "object_name": el.get("name", ""),
             "x": num(el, "x", 0, file), "y": num(el, "y", 0, file)}
    root, path = templates.object_for(source, file, where)
    tobj = root.find("object")
    merged = ET.Element("object", {**tobj.attrib, **el.attrib})
    merged.attrib.pop("template", None)
    if "gid" in tobj.attrib and "gid" not in el.attrib:
        merged.set("gid", str(_template_gid(root, tobj, path, templates, file, where)))
    props = ET.SubElement(merged, "properties")
    for block in (tobj.find("properties"), el.find("properties")):
        for prop in [] if block is None else block.findall("property"):
            for old in props.findall(f"property[@name='{_xpath_safe(prop.get('name', ''))}']"):
                props.remove(old)
            props.append(prop)
    own_shape = [c for c in el if c.tag in SHAPE_TAGS]
    for child in own_shape or [c for c in tobj if c.tag in SHAPE_TAGS]:
        merged.append(child)
    return merged


def _xpath_safe(name: str) -> str:
    return name.replace("'", "")


def _template_gid(root, tobj, path, templates, file, where) -> int:
    # A template's gid is relative to the template's own tileset reference; the map must
    # use the same tileset file, and the gid is rebased onto the map's firstgid for it.
    ref = root.find("tileset")
    if ref is None or not ref.get("source"):
        raise MapError.single(file, "template tile object has no tileset", **where)
    tpath = safe_resolve(path.parent / ref.get("source"))
    gid = whole(tobj, "gid", str(path), GID_LIMIT, **where)
    first = whole(ref, "firstgid", str(path), **where) if ref.get("firstgid") else 1
    if not 1 <= first <= gid:
        raise MapError.single(str(path), f"template gid {gid} is not in its tileset "
                              f"(firstgid {first})", **where)
    for mts in templates.map_tilesets:
        if mts[1] == tpath:
            return gid - first + mts[0]
    raise MapError.single(file, f"template uses tileset {ref.get('source')!r}, which the map "
                          "does not", **where)


def read_objects(layers: list[LayerInfo], templates: TemplateCache, file: str) -> list[MapObject]:
    """Every object on a visible object layer, templates expanded.  An object that cannot
    be read (a missing template, a bad number) is left out and its problem kept in
    `templates.errors`, one per cause naming every object it stopped, so a modder sees
    every missing template and the rest of the map is still checked."""
    objects = []
    failures: dict[str, list[MapError]] = {}
    for info in layers:
        if info.element.tag != "objectgroup" or not info.visible:
            continue
        for el in info.element.findall("object"):
            try:
                objects.append(_read_object(expand_template(el, templates, file), info, file))
            except MapError as exc:
                failures.setdefault(str(exc.problems[0].message), []).append(exc)
    templates.errors = [_merged(errs) for errs in failures.values()]
    return objects


def _merged(errors: list[MapError]) -> MapProblem:
    """One problem for every object that failed the same way, placed at the first."""
    first = errors[0].problems[0]
    ids = [e.problems[0].object_id for e in errors[1:] if e.problems[0].object_id is not None]
    if not ids:
        return first
    shown = ", ".join(str(i) for i in ids[:8]) + (", ..." if len(ids) > 8 else "")
    return replace(first, message=f"{first.message} (also objects {shown})")


def _read_object(el: ET.Element, info: LayerInfo, file: str) -> MapObject:
    oid = whole(el, "id", file)
    where = {"object_id": oid, "object_name": el.get("name", ""),
             "x": num(el, "x", 0, file), "y": num(el, "y", 0, file)}
    x, y = where["x"], where["y"]
    gid = whole(el, "gid", file, GID_LIMIT, **where)
    shape = "tile" if gid else "rect"
    points: list[tuple[float, float]] = []
    for child in el:
        if child.tag in SHAPE_TAGS:
            shape = child.tag
            if child.tag in ("polyline", "polygon"):
                points = _points(child.get("points", ""), x + info.offset[0],
                                 y + info.offset[1], file, where)
    return MapObject(
        id=oid, name=el.get("name", ""), cls=el.get("type") or el.get("class") or "",
        x=x, y=y, width=num(el, "width", 0, file, **where),
        height=num(el, "height", 0, file, **where), shape=shape, gid=gid, layer=info.name,
        offset=info.offset, points=points, props=read_properties(el))


def _points(text: str, ox: float, oy: float, file: str, where: dict) -> list[tuple[float, float]]:
    pairs = text.split()
    if len(pairs) > MAX_POINTS:
        raise MapError.single(file, f"polyline has over {MAX_POINTS} points", **where)
    out = []
    for pair in pairs:
        parts = pair.split(",")
        if len(parts) != 2 or not all(_NUM.fullmatch(p) and abs(float(p)) <= MAX_COORD
                                      for p in parts):
            raise MapError.single(file, f"bad polyline point {pair[:30]!r}", **where)
        out.append((ox + float(parts[0]), oy + float(parts[1])))
    return out
