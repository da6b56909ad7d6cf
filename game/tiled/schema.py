"""The modding contract as a table: object classes, their members, enums and map properties.

maps/danger-close.tiled-project declares the same types for the Tiled editor; the loader
reads the project beside a map (else the game's own in maps/), checked like a map, and
falls back on this table, so a map loads the same with or without the project.  A test
keeps the two in agreement.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from game.safe_files import UnsafeFileError, load_json
from game.tiled.errors import MapError, MapProblem

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
    _m("grenades", "int", -1),
    _m("ambience", "string", "fighting"),
    _m("time_of_day", "string", "day"),
)

MAX_PROJECT_BYTES = 1024 * 1024
MAX_DEFAULT_CHARS = 8000  # as a property's text


@dataclass(frozen=True)
class Schema:
    classes: dict[str, dict[str, Member]]
    enums: dict[str, tuple[str, ...]]
    source: str = "built-in"


def builtin_schema() -> Schema:
    return Schema({c: {m.name: m for m in ms} for c, ms in CLASSES.items()}, dict(ENUMS))


def find_project(map_path: Path) -> Path | None:
    """The *.tiled-project in the map's own folder, else the game's in maps/.

    Only where a map maker keeps one: Tiled looks in every parent folder, but a stray
    project in the home or temporary folder must not change how every map below it loads.
    """
    from game import MAPS_DIR

    for folder in (map_path.absolute().parent, MAPS_DIR):
        try:
            found = sorted(folder.glob("*.tiled-project"))
        except OSError:
            continue
        if found:
            return found[0]
    return None


def load_schema(map_path: Path) -> Schema:
    """The built-in schema with the defaults the project file gives for known members.

    The game's meaning of each class is fixed in code, so the project file may change a
    default or narrow an enum's values, but never adds a value or a class the game cannot
    play: such a project is refused with every problem listed, as a map would be.
    """
    schema = builtin_schema()
    project = find_project(map_path)
    if project is None:
        return schema
    file = str(project)
    try:
        data = load_json(project, MAX_PROJECT_BYTES)
    except UnsafeFileError as exc:
        raise MapError.single(file, f"cannot read project file: {exc}") from None
    problems: list[MapProblem] = []
    types = data.get("propertyTypes", []) if isinstance(data, dict) else None
    if not isinstance(types, list):
        raise MapError.single(file, "project file has no list of propertyTypes")
    entries = [e for e in types if isinstance(e, dict) and e.get("name") in KNOWN_TYPES]
    for index, entry in enumerate(types):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            problems.append(MapProblem(file, f"propertyTypes entry {index} is not a type "
                                       "with a name"))
    for entry in entries:  # enums first: a class default is checked against them
        if entry.get("type") == "enum" and entry["name"] in ENUMS:
            _merge_enum(schema, entry, file, problems)
    for entry in entries:
        if entry.get("type") == "class" and entry["name"] in CLASSES:
            _merge_class(schema, entry, file, problems)
    if problems:
        raise MapError(problems)
    return Schema(schema.classes, schema.enums, file)


KNOWN_TYPES = (*ENUMS, *CLASSES)


def _merge_enum(schema: Schema, entry: dict, file: str, problems: list[MapProblem]) -> None:
    name = entry["name"]
    values = entry.get("values")
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        problems.append(MapProblem(file, f"enum {name}: values must be a list of text"))
        return
    unknown = [v for v in values if v not in ENUMS[name]]
    if unknown:
        shown = ", ".join(repr(v[:40]) for v in unknown[:5])
        problems.append(MapProblem(
            file, f"enum {name}: the game does not know {shown} (it knows "
            f"{', '.join(ENUMS[name])})"))
        return
    schema.enums[name] = tuple(values)


def _merge_class(schema: Schema, entry: dict, file: str, problems: list[MapProblem]) -> None:
    name = entry["name"]
    members = schema.classes[name]
    raws = entry.get("members", [])
    if not isinstance(raws, list):
        problems.append(MapProblem(file, f"class {name}: members must be a list"))
        return
    for raw in raws:
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
            problems.append(MapProblem(file, f"class {name}: a member is not an object "
                                       "with a text name"))
            continue
        known = members.get(raw["name"])
        if known is None or "value" not in raw:
            continue  # a member the game does not use changes nothing
        message = _default_problem(known, raw["value"], schema.enums)
        if message:
            problems.append(MapProblem(file, f"class {name}: member {known.name}: {message}"))
        else:
            members[known.name] = Member(known.name, known.type, raw["value"], known.enum)


def _default_problem(member: Member, value: object, enums: dict) -> str:
    if not _same_kind(member.default, value):
        return f"default must be {member.type}, not {json.dumps(value)[:40]}"
    if member.enum and value not in enums.get(member.enum, ()) + ENUM_ALIASES.get(
            member.enum, ()):
        return (f"default {str(value)[:40]!r} is not in {member.enum} "
                f"({', '.join(enums.get(member.enum, ()))})")
    if isinstance(value, str) and len(value) > MAX_DEFAULT_CHARS:
        return f"default is over {MAX_DEFAULT_CHARS} characters"
    return ""


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
