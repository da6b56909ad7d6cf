"""Checks a map file is safe and supported before anything else (pytmx included) reads it.

Maps are untrusted data.  Everything here is bounded: the file size is capped before it is
read, entity declarations are refused before the XML is parsed, the map size is capped
before anything is allocated, and every tile layer is inflated with a decompressor that
stops one byte past the size the map says it has, so a zlib bomb costs a few megabytes and
a few milliseconds, never gigabytes.  Files are read only if they are regular files
(a FIFO would hang the read), nesting is capped before anything recurses over the tree,
and tilesets are capped in total (pytmx walks every tile of every sheet) before any work.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import xml.etree.ElementTree as ET
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from game.safe_files import UnsafeFileError, read_bytes, regular_file_size
from game.sim.geometry import TILE_PX
from game.tiled.errors import WARNING, MapError, MapProblem
from game.tiled.formats import unsupported_format
from game.tiled.json_format import json_tree, looks_like_json
from game.tiled.limits import (
    MAX_CELLS,
    MAX_IMAGE_BYTES,
    MAX_IMAGE_PX,
    MAX_LAYERS,
    MAX_OBJECTS,
    MAX_TILESETS,
)

MAX_MAP_BYTES = 16 * 1024 * 1024
MAX_AUX_BYTES = 4 * 1024 * 1024  # external tilesets (.tsx) and templates (.tx)
MAX_SIDE = 1024  # tiles per side
MAX_TOTAL_CELLS = 16 * 1024 * 1024  # tiles over all layers: 64 MB of uint32 at most
MAX_TILESET_TILES = 65536
MAX_FIRSTGID = 1 << 20
MAX_TOTAL_TILES = 65536  # tiles over all of a map's tilesets, counted as pytmx walks them
MAX_TOTAL_IMAGE_PX = 16384 * 4096  # claimed pixels over all tileset images (256 MB drawn)
MAX_SPACING = 1024  # tileset margin and spacing, pixels
MAX_XML_DEPTH = 64  # Tiled nests a few groups; deeper trees would exhaust recursion later
_XML_CHUNK = 1 << 16
GID_FLAG_MASK = 0xF0000000  # horizontal, vertical, diagonal, hex-rotation flip bits
_DIGITS = re.compile(r"-?[0-9]{1,9}")
_CSV = re.compile(r"[0-9 \t\r\n,]*")
_OBJECT_TAG = re.compile(r"<object[\s/>]")
_ENTITY_TRICKS = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


@dataclass
class CheckedLayer:
    element: ET.Element  # the <layer>
    name: str
    gids: np.ndarray  # uint32 [h, w], flip bits still set, as in the file


@dataclass
class CheckedTileset:
    element: ET.Element  # the <tileset> node holding the tiles (the .tsx root if external)
    firstgid: int
    tilecount: int
    path: Path  # the file the tileset's paths are relative to (the .tsx, or the map)
    name: str
    tile_names: tuple[tuple[str, int], ...] = ()  # (tile `name` property, local id)
    image: Path | None = None  # the checked image, None if it cannot be drawn


@dataclass
class CheckedMap:
    path: Path
    root: ET.Element
    width: int
    height: int
    layers: list[CheckedLayer] = field(default_factory=list)  # tile layers in file order
    tilesets: list[CheckedTileset] = field(default_factory=list)
    warnings: list[MapProblem] = field(default_factory=list)


def read_xml(path: Path, limit: int = MAX_MAP_BYTES, file: str | None = None) -> ET.Element:
    """Parse a regular file after capping its size and refusing entity declarations.
    A Tiled JSON file (.tmj, .tsj, .tj) comes back as the tree its TMX twin would give."""
    file = file or str(path)
    return parse_tree_text(read_capped_text(path, limit, file), file)


def parse_tree_text(text: str, file: str) -> ET.Element:
    """XML as it is, or Tiled JSON rewritten as the same XML tree (checked on the way)."""
    if looks_like_json(text):
        return json_tree(text, file)
    return parse_xml_text(text, file)


def read_capped_text(path: Path, limit: int, file: str) -> str:
    """A regular file of at most `limit` bytes as UTF-8 text, or a MapError."""
    try:
        raw = read_bytes(path, limit)
    except UnsafeFileError as exc:
        raise MapError.single(file, f"cannot read file: {exc}") from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise MapError.single(file, "file is UTF-16 text (Tiled writes UTF-8)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MapError.single(file, "file is not UTF-8 text (Tiled writes UTF-8)") from None
    return text


def parse_xml_text(text: str, file: str) -> ET.Element:
    # Tiled never writes a DOCTYPE; any DTD here could only be an entity trick
    # (billion laughs, external entities), so refuse before the parser expands anything.
    if _ENTITY_TRICKS.search(text):
        raise MapError.single(file, "DOCTYPE/ENTITY declarations are not allowed in map files")
    # Fed in chunks so nesting is counted as it is parsed, and refused early.
    parser = ET.XMLPullParser(events=("start", "end"))
    depth = 0
    root = None
    try:
        for start in range(0, len(text), _XML_CHUNK):
            parser.feed(text[start:start + _XML_CHUNK])
            for event, el in parser.read_events():
                root = el if root is None else root
                depth += 1 if event == "start" else -1
                if depth > MAX_XML_DEPTH:
                    raise MapError.single(
                        file, f"elements are nested more than {MAX_XML_DEPTH} levels deep")
        parser.close()
    except ET.ParseError as exc:
        line, col = exc.position
        message = unsupported_format(file, text) or f"malformed XML at line {line}, column {col}"
        raise MapError.single(file, message) from None
    if root is None:
        raise MapError.single(file, "the file holds no XML element")
    return root


def int_attr(el: ET.Element, name: str, file: str, default: int | None = None, **where) -> int:
    raw = el.get(name)
    if raw is None:
        if default is None:
            raise MapError.single(file, f"missing attribute {name!r} on <{el.tag}>", **where)
        return default
    raw = raw.strip()
    if not _DIGITS.fullmatch(raw):
        raise MapError.single(file, f"attribute {name}={raw[:20]!r} is not a whole number",
                              **where)
    return int(raw)


def check_map(path: str | os.PathLike) -> CheckedMap:
    """Everything a loader may rely on: caps, features, tilesets and every layer's gids."""
    p = Path(path)
    file = str(path)
    text = read_capped_text(p, MAX_MAP_BYTES, file)
    # Counted in the text before parsing: 10 000 objects would cost seconds to parse.
    objects = len(_OBJECT_TAG.findall(text))
    if objects > MAX_OBJECTS:
        raise MapError.single(file, f"{objects} objects; the limit is {MAX_OBJECTS}")
    root = parse_tree_text(text, file)
    if root.tag != "map":
        raise MapError.single(file, f"not a Tiled map: root element is <{root.tag}>")
    _check_features(root, file)
    width = int_attr(root, "width", file)
    height = int_attr(root, "height", file)
    if not (1 <= width <= MAX_SIDE and 1 <= height <= MAX_SIDE) or width * height > MAX_CELLS:
        raise MapError.single(
            file, f"map is {width}x{height} tiles; the limit is {MAX_SIDE}x{MAX_SIDE}")
    checked = CheckedMap(p, root, width, height)
    _check_counts(root, file)
    cells = 0
    for el in root.iter("layer"):
        name = el.get("name", "")
        cells += width * height
        if cells > MAX_TOTAL_CELLS:
            raise MapError.single(file, f"too many tile layers (over {MAX_TOTAL_CELLS} tiles)")
        checked.layers.append(CheckedLayer(el, name, _layer_gids(el, width, height, file)))
    checked.tilesets = _check_tilesets(root, p, file, checked.warnings)
    return checked


def _check_features(root: ET.Element, file: str) -> None:
    orientation = root.get("orientation", "orthogonal")
    if orientation != "orthogonal":
        raise MapError.single(
            file, f"{orientation} maps are not supported; make an orthogonal map")
    if root.get("infinite", "0") not in ("0", ""):
        raise MapError.single(
            file, "infinite maps are not supported; untick Map > Map Properties > Infinite")
    tw = int_attr(root, "tilewidth", file)
    th = int_attr(root, "tileheight", file)
    if (tw, th) != (TILE_PX, TILE_PX):
        raise MapError.single(file, f"tiles are {tw}x{th} px; maps use {TILE_PX}x{TILE_PX} tiles")


def _check_counts(root: ET.Element, file: str) -> None:
    layers = sum(1 for el in root.iter() if el.tag in ("layer", "objectgroup", "group",
                                                        "imagelayer"))
    if layers > MAX_LAYERS:
        raise MapError.single(file, f"{layers} layers; the limit is {MAX_LAYERS}")
    objects = sum(1 for _ in root.iter("object"))
    if objects > MAX_OBJECTS:
        raise MapError.single(file, f"{objects} objects; the limit is {MAX_OBJECTS}")


def _layer_gids(el: ET.Element, width: int, height: int, file: str) -> np.ndarray:
    name = el.get("name", "")
    where = {"layer": name}
    lw = int_attr(el, "width", file, width, **where)
    lh = int_attr(el, "height", file, height, **where)
    if (lw, lh) != (width, height):
        raise MapError.single(file, f"layer is {lw}x{lh}, the map {width}x{height}", **where)
    data = el.find("data")
    if data is None:
        raise MapError.single(file, "tile layer has no <data>", **where)
    if data.find("chunk") is not None:
        raise MapError.single(file, "infinite map chunks are not supported", **where)
    encoding = data.get("encoding", "")
    expected = width * height
    if encoding == "csv":
        gids = _csv_gids(data.text or "", expected, file, name)
    elif encoding == "base64":
        raw = _base64_bytes(data, expected, file, name)
        if len(raw) != expected * 4:
            raise MapError.single(
                file, f"layer data holds {len(raw) // 4} tiles, the map needs {expected}",
                **where)
        gids = np.frombuffer(raw, dtype="<u4").astype(np.uint32)
    elif encoding == "":
        raise MapError.single(
            file, "XML tile layer format is not supported; save layers as CSV or Base64",
            **where)
    else:
        raise MapError.single(file, f"unknown layer encoding {encoding[:20]!r}", **where)
    return gids.reshape(height, width)


def _csv_gids(text: str, expected: int, file: str, layer: str) -> np.ndarray:
    # Counting separators first keeps a huge layer from being split into a huge list.
    count = text.count(",") + 1 if text.strip() else 0
    if count != expected:
        raise MapError.single(file, f"layer data holds {count} tiles, the map needs {expected}",
                              layer=layer)
    if not _CSV.fullmatch(text):
        raise MapError.single(file, "CSV layer data holds something other than numbers",
                              layer=layer)
    cells = [c.strip() for c in text.split(",")]
    # Tiled writes plain gids: at most 10 digits, no inner spaces, no padding zeros to
    # speak of ("4 4" or 5000 leading zeros would reach int() and pytmx as they are).
    bad = next((c for c in cells if not (0 < len(c) <= 10 and c.isdigit())), None)
    if bad is not None:
        shown = bad[:12] + ("..." if len(bad) > 12 else "")
        raise MapError.single(file, f"CSV layer cell {shown!r} is not a tile number",
                              layer=layer)
    gids = np.array([int(c) for c in cells], dtype=np.int64)
    if gids.max() > 0xFFFFFFFF:
        raise MapError.single(file, "CSV layer data has an out-of-range entry", layer=layer)
    return gids.astype(np.uint32)


def _base64_bytes(data: ET.Element, expected: int, file: str, layer: str) -> bytes:
    compression = data.get("compression", "")
    text = "".join((data.text or "").split())
    try:
        packed = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise MapError.single(file, "layer data is not valid base64", layer=layer) from None
    limit = expected * 4
    if compression == "":
        return packed
    if compression in ("zlib", "gzip"):
        # wbits 15 = zlib header, 31 = gzip header.  max_length bounds memory whatever
        # the stream claims; anything left over means the layer inflates past the map.
        inflater = zlib.decompressobj(15 if compression == "zlib" else 31)
        try:
            out = inflater.decompress(packed, limit + 1)
        except zlib.error:
            raise MapError.single(file, f"layer data is not valid {compression}",
                                  layer=layer) from None
        if len(out) > limit or inflater.unconsumed_tail:
            raise MapError.single(
                file, f"{compression} layer inflates past the map size ({limit} bytes)",
                layer=layer)
        if not inflater.eof:
            raise MapError.single(file, f"{compression} layer data is cut short", layer=layer)
        if inflater.unused_data:
            # pytmx would inflate a second gzip member too, unbounded: refuse it here
            raise MapError.single(
                file, f"{compression} layer data goes on past its end (several members?)",
                layer=layer)
        return out
    if compression == "zstd":
        return _zstd_bytes(packed, limit, file, layer)
    raise MapError.single(file, f"unknown layer compression {compression[:20]!r}", layer=layer)


def _zstd_bytes(packed: bytes, limit: int, file: str, layer: str) -> bytes:
    try:
        import zstandard  # optional; Tiled can write zstd but few Pythons can read it
    except ImportError:
        raise MapError.single(
            file, "zstd layer compression is not supported here (no zstd library); "
            "save layers as zlib, gzip, Base64 or CSV", layer=layer) from None
    try:
        reader = zstandard.ZstdDecompressor().stream_reader(packed)
        out = reader.read(limit + 1)
    except zstandard.ZstdError:
        raise MapError.single(file, "layer data is not valid zstd", layer=layer) from None
    if len(out) > limit:
        raise MapError.single(file, f"zstd layer inflates past the map size ({limit} bytes)",
                              layer=layer)
    return out


def safe_resolve(path: Path) -> Path:
    """`path` with symlinks resolved, or just made absolute if they cannot be (a loop,
    a name too long): the read that follows then says what is wrong."""
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return Path(os.path.abspath(path))


def exists(path: Path) -> bool:
    """True if anything (even a broken symlink or a FIFO) has that name."""
    return os.path.lexists(path)


def locate(base_dir: Path, source: str, shipped_dir: Path) -> tuple[Path, bool]:
    """A file a map refers to: beside the map as written, or else the game's own copy of
    that name (a map saved in the user folder still points at ../assets/tileset.tsx).
    Returns the path and whether the shipped copy stood in."""
    wanted = safe_resolve(base_dir / source)
    if exists(wanted):
        return wanted, False
    shipped = safe_resolve(shipped_dir / Path(source).name)
    if _is_regular(shipped):
        return shipped, True
    return wanted, False


def _is_regular(path: Path) -> bool:
    try:
        regular_file_size(path)
    except UnsafeFileError:
        return False
    return True


def is_under(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _check_tilesets(root: ET.Element, path: Path, file: str,
                    warnings: list[MapProblem]) -> list[CheckedTileset]:
    from game import ASSETS_DIR

    budget = _TilesetBudget(file)
    map_dir = safe_resolve(path).parent
    tilesets = []
    refs = root.findall("tileset")
    if len(refs) > MAX_TILESETS:
        raise MapError.single(file, f"{len(refs)} tilesets; the limit is {MAX_TILESETS}")
    read: dict[Path, ET.Element] = {}  # each .tsx parsed once, however often it is used
    for ref in refs:
        firstgid = int_attr(ref, "firstgid", file)
        source = ref.get("source")
        node, base = ref, path
        if source:
            base, shipped = locate(path.parent, source, ASSETS_DIR)
            if not exists(base):
                raise MapError.single(file, f"tileset file {source!r} not found (looked at {base})")
            if shipped:
                warnings.append(MapProblem(
                    file, f"tileset {source!r} is not beside the map; using the game's "
                    f"{base.name}", severity=WARNING))
            node = read[base] if base in read else read_xml(base, MAX_AUX_BYTES)
            read[base] = node
            if node.tag != "tileset":
                raise MapError.single(str(base), f"not a Tiled tileset: root is <{node.tag}>")
        tfile = str(base) if source else file
        checked = _check_tileset(node, firstgid, base, tfile, file, budget)
        # a pack keeps its tilesets in its own assets folder beside the maps' folders
        allowed = (map_dir, safe_resolve(base).parent, ASSETS_DIR)
        checked.image = _image_path(node, checked, allowed, warnings)
        tilesets.append(checked)
    return tilesets


class _TilesetBudget:
    """Tiles and pixels over all of a map's tilesets, refused as soon as they pass the caps
    (200 sheets of 16384 px each are fine alone, not together)."""

    def __init__(self, file: str) -> None:
        self.file, self.tiles, self.pixels = file, 0, 0

    def spend(self, tiles: int, pixels: int) -> None:
        self.tiles += tiles
        self.pixels += pixels
        if self.tiles > MAX_TOTAL_TILES:
            raise MapError.single(self.file, f"the map's tilesets hold over {MAX_TOTAL_TILES} "
                                  "tiles in all")
        if self.pixels > MAX_TOTAL_IMAGE_PX:
            raise MapError.single(self.file, "the map's tileset images are over "
                                  f"{MAX_TOTAL_IMAGE_PX // 1_000_000} megapixels in all")


def _check_tileset(node: ET.Element, firstgid: int, base: Path, tfile: str, file: str,
                   budget: _TilesetBudget) -> CheckedTileset:
    name = node.get("name", "")
    tw = int_attr(node, "tilewidth", tfile)
    th = int_attr(node, "tileheight", tfile)
    if (tw, th) != (TILE_PX, TILE_PX):
        raise MapError.single(tfile, f"tileset {name!r} has {tw}x{th} px tiles; "
                              f"maps use {TILE_PX}x{TILE_PX}")
    tilecount = int_attr(node, "tilecount", tfile, 0)
    margin = int_attr(node, "margin", tfile, 0)
    spacing = int_attr(node, "spacing", tfile, 0)
    if not (0 <= margin <= MAX_SPACING and 0 <= spacing <= MAX_SPACING):
        raise MapError.single(tfile, f"tileset {name!r} margin {margin} or spacing {spacing} "
                              f"is outside 0..{MAX_SPACING}")
    image = node.find("image")
    if image is None:
        raise MapError.single(
            tfile, f"tileset {name!r} has no single image (image collections are not "
            "supported)")
    iw = int_attr(image, "width", tfile, 0)
    ih = int_attr(image, "height", tfile, 0)
    if not (0 < iw <= MAX_IMAGE_PX and 0 < ih <= MAX_IMAGE_PX):
        raise MapError.single(tfile, f"tileset {name!r} image size {iw}x{ih} is missing "
                              f"or over {MAX_IMAGE_PX} px")
    if not (1 <= firstgid <= MAX_FIRSTGID and 0 <= tilecount <= MAX_TILESET_TILES):
        raise MapError.single(file, f"tileset {name!r} firstgid {firstgid} or tilecount "
                              f"{tilecount} is out of range")
    # the grid pytmx walks: every tile position on the sheet, whatever tilecount says
    grid = (len(range(margin, iw + margin - tw + 1, tw + spacing))
            * len(range(margin, ih + margin - th + 1, th + spacing)))
    budget.spend(max(grid, tilecount), iw * ih)
    tilecount = tilecount or grid
    names = _tile_names(node, max(tilecount, grid), tfile, name)
    return CheckedTileset(node, firstgid, tilecount, base, name, names)


def _tile_names(node: ET.Element, count: int, tfile: str, name: str) -> tuple:
    """Check every <tile> id and animation frame (pytmx adds them to firstgid unchecked)
    and collect the tiles' `name` properties: (name, local id) in file order."""
    names = []
    for tile in node.findall("tile"):
        tid = int_attr(tile, "id", tfile)
        if not 0 <= tid < count:
            raise MapError.single(tfile, f"tileset {name!r} has a tile id {tid} outside "
                                  f"0..{count - 1}")
        for frame in tile.iter("frame"):
            fid = int_attr(frame, "tileid", tfile)
            duration = int_attr(frame, "duration", tfile, 0)
            if not (0 <= fid < count and duration >= 0):
                raise MapError.single(tfile, f"tileset {name!r} tile {tid}: animation frame "
                                      f"tileid {fid} or duration {duration} is out of range")
        for prop in tile.iter("property"):
            if prop.get("name") == "name" and prop.get("value"):
                names.append((prop.get("value", ""), tid))
    return tuple(names)


def _image_path(node: ET.Element, ts: CheckedTileset, allowed: tuple[Path, ...],
                warnings: list[MapProblem]) -> Path | None:
    """The tileset image if it may be drawn: a regular file of sane size under the map's
    folder, the folder of the .tsx naming it, or the game's assets.  A missing image is a
    warning (the map plays with flat colours); one that is anything else would hang,
    exhaust or leak, and is an error."""
    tfile = str(ts.path)
    source = node.find("image").get("source", "")
    img = safe_resolve(ts.path.parent / source)
    if not exists(img):
        warnings.append(MapProblem(
            tfile, f"tileset {ts.name!r} image {source!r} not found; "
            "the map can be simulated but not drawn", severity=WARNING))
        return None
    if not any(is_under(img, safe_resolve(folder)) for folder in allowed):
        raise MapError.single(tfile, f"tileset {ts.name!r} image {source!r} is outside the "
                              "map's folder, its tileset's folder and the game's assets")
    try:
        size = regular_file_size(img)
    except UnsafeFileError as exc:
        raise MapError.single(tfile, f"tileset {ts.name!r} image {source!r}: {exc}") from None
    if size > MAX_IMAGE_BYTES:
        raise MapError.single(tfile, f"tileset {ts.name!r} image {source!r} is {size} bytes; "
                              f"the limit is {MAX_IMAGE_BYTES}")
    return img
