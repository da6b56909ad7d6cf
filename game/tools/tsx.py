"""Writes and reads the external tileset (.tsx) whose tile properties carry the rules.

Pure XML: the TMX writer and the tests use it without pygame.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from game.sim.geometry import TILE_PX
from game.tools.tile_table import COLUMNS, TILES, TileType
from game.tools.wang_sets import wangsets_xml

TSX_NAME = "danger_close"


def property_type(value: object) -> str:
    """The Tiled type attribute for a Python value (bool before int: bool is an int)."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    return "string"


def property_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def tsx_xml(tiles: tuple[TileType, ...] = TILES, image: str = "tileset.png") -> str:
    rows = -(-len(tiles) // COLUMNS)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<tileset version="1.8" tiledversion="1.8.2" name="{TSX_NAME}" '
        f'tilewidth="{TILE_PX}" tileheight="{TILE_PX}" tilecount="{len(tiles)}" '
        f'columns="{COLUMNS}">',
        f' <image source="{image}" width="{COLUMNS * TILE_PX}" height="{rows * TILE_PX}"/>',
    ]
    for index, tile in enumerate(tiles):
        lines.append(f' <tile id="{index}">')
        lines.append("  <properties>")
        props = tile.properties()
        if tile.above:
            props["above"] = True  # a hint for map makers: put this on an Above layer
        for name, value in props.items():
            kind = property_type(value)
            type_attr = "" if kind == "string" else f' type="{kind}"'
            lines.append(
                f'   <property name="{name}"{type_attr} value="{property_text(value)}"/>'
            )
        lines.append("  </properties>")
        lines.append(" </tile>")
    if tiles == TILES:  # the Wang sets name tiles of the shipped table by id
        lines += wangsets_xml()
    lines.append("</tileset>")
    return "\n".join(lines) + "\n"


def read_tile_names(tsx_path: str | Path) -> dict[str, int]:
    """name property -> local tile id, from a .tsx file."""
    root = ET.parse(tsx_path).getroot()
    names: dict[str, int] = {}
    for tile in root.findall("tile"):
        for prop in tile.iter("property"):
            if prop.get("name") == "name":
                names[prop.get("value", "")] = int(tile.get("id", "0"))
    return names


def read_tile_properties(tsx_path: str | Path) -> dict[int, dict[str, str | bool | int]]:
    """local tile id -> typed properties, from a .tsx file."""
    root = ET.parse(tsx_path).getroot()
    result: dict[int, dict[str, str | bool | int]] = {}
    for tile in root.findall("tile"):
        props: dict[str, str | bool | int] = {}
        for prop in tile.iter("property"):
            raw = prop.get("value", prop.text or "")
            kind = prop.get("type", "string")
            value: str | bool | int = raw
            if kind == "bool":
                value = raw == "true"
            elif kind == "int":
                value = int(raw)
            props[prop.get("name", "")] = value
        result[int(tile.get("id", "0"))] = props
    return result
