"""The modding contract as a table: object classes, their members, enums and map properties.

maps/danger-close.tiled-project declares the same types for the Tiled editor; the loader
reads that file when it sits next to (or above) a map, and falls back on this table, so a
map loads the same with or without the project.  A test keeps the two in agreement.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from game.tiled.errors import MapError

ENUMS: dict[str, tuple[str, ...]] = {
    # "all" means the whole squad spawns around the point (a Tiled enum cannot offer "").
    "SquadMember": ("all", "rafiq", "hana", "maaz", "rima"),
    "CivilianKind": ("child", "adult", "elder"),
    "InsurgentRole": ("rifleman", "sniper", "gunner", "scout"),
    "Cover": ("none", "low", "high"),
}
# Values accepted besides the enum's own: "" is the contract's original "whole squad".
ENUM_ALIASES: dict[str, tuple[str, ...]] = {"SquadMember": ("",)}


@dataclass(frozen=True)
class Member:
    name: str
    type: str  # Tiled property type: string, int, float, bool, object
    default: object
    enum: str = ""  # the propertyType name when the member is an enum


def _m(name: str, type_: str, default: object, enum: str = "") -> Member:
    return Member(name, type_, default, enum)


CLASSES: dict[str, tuple[Member, ...]] = {
    "SquadSpawn": (_m("member", "string", "all", "SquadMember"),),
    "Civilian": (
        _m("kind", "string", "adult", "CivilianKind"),
        _m("hidden", "bool", True),
        _m("wounded", "bool", False),
        _m("group", "string", ""),
    ),
    "Insurgent": (
        _m("role", "string", "rifleman", "InsurgentRole"),
        _m("group", "string", ""),
        _m("patrol", "object", 0),
        _m("ambush", "bool", False),
        _m("reinforcement", "bool", False),
        _m("facing", "int", 90),
    ),
    "Trigger": (_m("group", "string", ""), _m("radio", "string", ""), _m("once", "bool", True)),
    "Extraction": (_m("name", "string", "Bravo"),),
    "Crate": (_m("kind", "string", "vaccine"), _m("required", "bool", True)),
}

COLORS = {
    "SquadSpawn": "#ff3c8cff",
    "Civilian": "#ffffd23c",
    "Insurgent": "#ffe0402c",
    "Trigger": "#ffc050ff",
    "Extraction": "#ff3cdc64",
    "Crate": "#ffb4783c",
}

MAP_PROPERTIES: tuple[Member, ...] = (
    _m("title", "string", "Untitled"),
    _m("briefing", "string", ""),
    _m("rescue_required", "int", 0),
    _m("air_strikes", "int", 1),
    _m("time_limit", "int", 0),
    _m("insurgents_target_civilians", "bool", False),
    _m("medkits", "int", 4),
    _m("tutorial", "string", ""),
    _m("evac", "string", "walk"),
    _m("evac_eta", "int", 45),
    _m("evac_wait", "int", 30),
    _m("ambience", "string", "fighting"),
    _m("time_of_day", "string", "day"),
)

MAX_PROJECT_BYTES = 1024 * 1024


@dataclass(frozen=True)
class Schema:
    classes: dict[str, dict[str, Member]]
    enums: dict[str, tuple[str, ...]]
    source: str = "built-in"


def builtin_schema() -> Schema:
    return Schema({c: {m.name: m for m in ms} for c, ms in CLASSES.items()}, dict(ENUMS))


def find_project(map_path: Path) -> Path | None:
    """The nearest *.tiled-project in the map's folder or a parent folder, as Tiled does."""
    for folder in [map_path.resolve().parent, *map_path.resolve().parents]:
        found = sorted(folder.glob("*.tiled-project"))
        if found:
            return found[0]
    return None


def load_schema(map_path: Path) -> Schema:
    """The built-in schema with the defaults the project file gives for known members.

    The game's meaning of each class is fixed in code, so the project file may change a
    default or an enum's values but never invents a class the game cannot play.
    """
    schema = builtin_schema()
    project = find_project(map_path)
    if project is None:
        return schema
    try:
        if project.stat().st_size > MAX_PROJECT_BYTES:
            raise MapError.single(str(project), "project file is too large")
        data = json.loads(project.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MapError.single(str(project), f"cannot read project file: {exc}") from None
    types = data.get("propertyTypes", []) if isinstance(data, dict) else []
    for entry in types if isinstance(types, list) else []:
        _merge_type(schema, entry)
    return Schema(schema.classes, schema.enums, str(project))


def _merge_type(schema: Schema, entry: object) -> None:
    if not isinstance(entry, dict):
        return
    name = entry.get("name")
    if entry.get("type") == "enum" and name in schema.enums:
        values = entry.get("values")
        if isinstance(values, list) and all(isinstance(v, str) for v in values):
            schema.enums[name] = tuple(values)
    elif entry.get("type") == "class" and name in schema.classes:
        members = schema.classes[name]
        for raw in entry.get("members", []) or []:
            known = members.get(raw.get("name")) if isinstance(raw, dict) else None
            if known is not None and _same_kind(known.default, raw.get("value")):
                members[known.name] = Member(known.name, known.type, raw["value"], known.enum)


def _same_kind(a: object, b: object) -> bool:
    # bool is an int in Python; keep a project default only when its JSON type matches ours.
    return type(a) is type(b)


def project_json() -> dict:
    """The Tiled project file content for this schema (used to write and to check it)."""
    types: list[dict] = []
    next_id = 1
    for name, values in ENUMS.items():
        types.append({"id": next_id, "name": name, "type": "enum", "storageType": "string",
                      "values": list(values), "valuesAsFlags": False})
        next_id += 1
    for name, members in CLASSES.items():
        types.append({
            "id": next_id, "name": name, "type": "class", "useAs": ["object"],
            "color": COLORS[name], "drawFill": True,
            "members": [_member_json(m) for m in members],
        })
        next_id += 1
    return {
        "automappingRulesFile": "",
        "commands": [],
        "compatibilityVersion": 1080,
        "extensionsPath": "extensions",
        "folders": ["."],
        "propertyTypes": types,
    }


def _member_json(m: Member) -> dict:
    out: dict = {"name": m.name, "type": m.type, "value": m.default}
    if m.enum:
        out["propertyType"] = m.enum
    return out
