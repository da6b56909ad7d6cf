"""The tables of MODDING.md, generated from the tables the game reads, so the guide stays true.

    python -m game.tools.doc_tables            # print every table
    python -m game.tools.doc_tables --write    # rewrite the marked blocks in MODDING.md
    python -m game.tools.doc_tables --check    # exit 1 if MODDING.md is out of date

A block in the guide sits between `<!-- BEGIN name -->` and `<!-- END name -->`; the text
between is replaced by TABLES[name](). A test runs the check.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

from game import ROOT
from game.tiled import safety
from game.tiled.schema import CLASSES, ENUMS, MAP_PROPERTIES
from game.tools.tile_table import TILES

GUIDE = ROOT / "MODDING.md"

# What each class and property means to the game; the types and defaults come from schema.py.
MEANINGS: dict[str, str] = {
    "SquadSpawn.member": "who starts here: `all` (or empty) = the whole squad around this "
    "point; `rafiq`, `hana`, `maaz`, `rima` = only that member",
    "Civilian.kind": "`child`, `adult` or `elder` (elders walk slowest)",
    "Civilian.hidden": "hides until a squad member sees them",
    "Civilian.wounded": "starts bleeding: Hana (medic) must treat them before they bleed out",
    "Civilian.group": "a name a Trigger can use (optional)",
    "Insurgent.role": "`rifleman`, `sniper` (put on elevated ground), `gunner`, `scout`",
    "Insurgent.group": "the group a Trigger wakes",
    "Insurgent.patrol": "a polyline or polygon object to walk (pick it with the object picker); "
    "0 = stand guard",
    "Insurgent.ambush": "waits hidden and silent until a Trigger wakes its group",
    "Insurgent.reinforcement": "absent until a Trigger wakes its group, or a scout of its "
    "group that saw the squad runs to it and raises the alarm",
    "Insurgent.facing": "degrees: 0 east, 90 south, 180 west, 270 north",
    "Trigger.group": "the group it wakes when a squad member steps inside (must match "
    "someone's group); empty = a prompt that only says its radio line",
    "Trigger.radio": "a radio line shown when it fires",
    "Trigger.once": "fires only the first time",
    "Extraction.name": "the name on the map and in the radio log",
    "Crate.kind": "what it holds, named on the radio when picked up",
    "Crate.required": "must be carried out for victory",
    "title": "shown on the mission list and the briefing",
    "briefing": "Colonel Rahim's briefing text (multi-line is fine)",
    "rescue_required": "survivors to extract for victory (0 = none needed)",
    "air_strikes": "Falcon-2 strikes the player may call",
    "time_limit": "seconds; 0 = no limit",
    "insurgents_target_civilians": "insurgents shoot at survivors too",
    "medkits": "Hana's kits: full treatments; anyone can still stop bleeding without one",
    "tutorial": "training prompts, one a line, shown on screen in order",
}
SHAPES = {
    "SquadSpawn": "point", "Civilian": "point", "Insurgent": "point", "Crate": "point",
    "Trigger": "rectangle", "Extraction": "rectangle",
}


def _yes(value: bool) -> str:
    return "yes" if value else ""


def tiles_table() -> str:
    head = ("| id | gid | name | walkable | opaque | cover | elevation | destructible | door "
            "| locked | note |\n|---:|---:|---|:-:|:-:|:-:|:-:|:-:|:-:|:-:|---|")
    rows = []
    for i, t in enumerate(TILES):
        note = "decoration for an Above/Roof layer" if t.above else ""
        rows.append(f"| {i} | {i + 1} | `{t.name}` | {_yes(t.walkable)} | {_yes(t.opaque)} | "
                    f"{t.cover if t.cover != 'none' else ''} | {t.elevation or ''} | "
                    f"{_yes(t.destructible)} | {_yes(t.door)} | {_yes(t.locked)} | {note} |")
    return head + "\n" + "\n".join(rows)


def _default(value: object) -> str:
    if isinstance(value, bool):
        return "`true`" if value else "`false`"
    if value == "":
        return '`""`'
    return f"`{value}`"


def classes_table() -> str:
    out = []
    for cls, members in CLASSES.items():
        out.append(f"**{cls}** ({SHAPES[cls]}; template `maps/templates/"
                   f"{_snake(cls)}.tx`)\n")
        out.append("| property | type | default | meaning |\n|---|---|---|---|")
        for m in members:
            kind = f"{m.type} (enum {m.enum})" if m.enum else m.type
            out.append(f"| `{m.name}` | {kind} | {_default(m.default)} | "
                       f"{MEANINGS[f'{cls}.{m.name}']} |")
        out.append("")
    return "\n".join(out).rstrip()


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()


def map_table() -> str:
    rows = ["| property | type | default | meaning |", "|---|---|---|---|"]
    for m in MAP_PROPERTIES:
        rows.append(f"| `{m.name}` | {m.type} | {_default(m.default)} | {MEANINGS[m.name]} |")
    return "\n".join(rows)


def enums_table() -> str:
    rows = ["| enum | values |", "|---|---|"]
    for name, values in ENUMS.items():
        rows.append(f"| {name} | " + ", ".join(f"`{v}`" for v in values) + " |")
    return "\n".join(rows)


def limits_table() -> str:
    s = safety
    rows = [
        "| limit | value |", "|---|---|",
        f"| map file size | {s.MAX_MAP_BYTES // (1024 * 1024)} MB |",
        f"| tileset (.tsx) or template (.tx) file size | {s.MAX_AUX_BYTES // (1024 * 1024)} MB |",
        f"| map width or height | {s.MAX_SIDE} tiles |",
        f"| tiles per layer | {s.MAX_CELLS} |",
        f"| tiles over all tile layers | {s.MAX_TOTAL_CELLS} |",
        f"| layers (including groups) | {s.MAX_LAYERS} |",
        f"| objects | {s.MAX_OBJECTS} |",
        f"| tiles per tileset | {s.MAX_TILESET_TILES} |",
        f"| tileset image width or height | {s.MAX_IMAGE_PX} px |",
        f"| tile size | {s.TILE_PX} x {s.TILE_PX} px |",
    ]
    return "\n".join(rows)


TABLES: dict[str, Callable[[], str]] = {
    "tiles": tiles_table, "classes": classes_table, "enums": enums_table,
    "map": map_table, "limits": limits_table,
}
_BLOCK = re.compile(r"(<!-- BEGIN (\w+) -->\n)(.*?)(<!-- END \2 -->)", re.S)


def render(text: str) -> str:
    """The guide with every marked block replaced by its generated table."""
    def fill(m: re.Match) -> str:
        make = TABLES.get(m.group(2))
        return m.group(0) if make is None else f"{m.group(1)}{make()}\n{m.group(4)}"
    return _BLOCK.sub(fill, text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update the guide in place")
    parser.add_argument("--check", action="store_true", help="exit 1 if the guide is stale")
    parser.add_argument("--guide", type=Path, default=GUIDE)
    args = parser.parse_args(argv)
    if not (args.write or args.check):
        for name, make in TABLES.items():
            print(f"<!-- BEGIN {name} -->\n{make()}\n<!-- END {name} -->\n")
        return 0
    text = args.guide.read_text(encoding="utf-8")
    new = render(text)
    if args.check:
        if new != text:
            print(f"{args.guide} is out of date: run python -m game.tools.doc_tables --write",
                  file=sys.stderr)
            return 1
        return 0
    args.guide.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
