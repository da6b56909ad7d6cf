"""The tables of MODDING.md, generated from the tables the game reads, so the guide stays true.

    python -m game.tools.doc_tables            # print every table
    python -m game.tools.doc_tables --write    # rewrite the marked blocks in the guides
    python -m game.tools.doc_tables --check    # exit 1 if a guide is out of date

The guides are MODDING.md and README.md (its CLI section).

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
from game.tiled.loader import MAX_UNITS
from game.tiled.properties import MAX_TEXT_CHARS
from game.tiled.schema import CLASSES, ENUMS, MAP_PROPERTIES
from game.tools.tile_table import TILES

GUIDE = ROOT / "MODDING.md"
README = ROOT / "README.md"  # its CLI section carries the sim's JSON fields too

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
    "title": "the mission's name: shown in the Custom maps list (the file name if there is "
    "none) and on the briefing",
    "briefing": "Colonel Rahim's briefing text (multi-line is fine)",
    "rescue_required": "survivors to extract for victory (0 = none needed)",
    "air_strikes": "Falcon-2 strikes the player may call",
    "time_limit": "seconds; 0 = no limit",
    "insurgents_target_civilians": "insurgents shoot at survivors too",
    "medkits": "Hana's kits: full treatments; anyone can still stop bleeding without one",
    "tutorial": "training prompts, one a line, shown on screen in order",
    "evac": "`walk`: the squad and survivors are out once they walk into the Extraction "
    "zone; `call`: the vehicles must be called (key U or the HUD's Call evac button), "
    "arrive `evac_eta` seconds later, wait `evac_wait` seconds and leave with whoever is "
    "inside the zone: only that departure wins the mission",
    "evac_eta": "seconds from the call to the vehicles at the zone (1 to 600; with "
    "`evac` = `call`)",
    "evac_wait": "seconds the vehicles wait at the zone before they leave (1 to 600; they "
    "leave at once when the whole squad and enough survivors are aboard)",
    "grenades": "hand grenades each squad member carries; -1 = the unit table's count (2)",
    "ambience": "the sound under the mission: `fighting` (wind and distant gunfire), `wind` or "
                "`quiet` (a faint wind); anything else plays `fighting`",
    "time_of_day": "`day`, `dusk` or `night`: the light, and how far everyone sees "
    "(dusk 3/4 of the day's range, night 1/2: game/sim/light.py)",
}
ALTERNATIVE_MEANING = ('`"set:option"`: the object exists only when the seed picks that '
                       "option of that set (see Alternatives); empty = always there")
MEANINGS.update({f"{cls}.alternative": ALTERNATIVE_MEANING for cls in
                 ("SquadSpawn", "Civilian", "Insurgent", "Trigger", "Extraction", "Crate")})
# What each field of `danger-close sim MAP --json` means (tests check these are exactly
# the report's keys, so a new field cannot go undocumented).
SIM_FIELDS: dict[str, str] = {
    "map": "the map file played (absolute path)",
    "seed": "the seed of the rules' random numbers (`--seed`)",
    "difficulty": "`easy`, `normal` or `hard`",
    "outcome": "`victory`, `defeat`, or `undecided` when `--ticks` ran out first",
    "reason": "why it ended, as the game says it: `Objective met and the squad is out.`, "
    "`The squad is down.` (nobody left standing), `Too few survivors remain alive to meet "
    "the goal.`, `Out of time.`; empty while undecided",
    "ticks": "ticks simulated (30 a second)",
    "time_s": "mission time in seconds",
    "rescued": "survivors brought out (the older name of `survivors_saved`)",
    "survivors_total": "survivors placed on the map",
    "survivors_found": "survivors the squad has seen",
    "survivors_lost": "survivors killed",
    "survivors_saved": "survivors brought to the extraction zone",
    "squad_killed": "squad members dead. A member who is down (hit hard, alive, needs "
    "Hana) is not killed: `The squad is down.` with `squad_killed` 0 means everyone is "
    "down and nobody dead: see `squad_downed`",
    "squad_downed": "squad members down but alive at the end",
    "squad_standing": "squad members on their feet at the end (0 = the squad is down)",
    "squad_alive": "squad members not dead: `squad_standing` + `squad_downed`",
    "medkits_used": "Hana's medkits used",
    "crates_delivered": "crates carried into the extraction zone",
    "stars": "the debrief's rating, 0 to 3 (0 unless victory)",
    "rescue_required": "the map's `rescue_required`",
    "insurgents_alive": "insurgents on the map and not dead (reinforcements not yet called "
    "are not counted)",
    "shots": "shots the squad fired",
    "hits": "squad shots that hit",
    "strikes_used": "air strikes and gun runs called",
    "strike_casualties": "people (any side) downed or killed by strikes and gun runs",
    "grenades_thrown": "hand grenades the squad threw",
    "grenades_thrown_at_us": "hand grenades the insurgents threw",
    "state_hash": "a hash of the final state: the same map, seed, difficulty and commands "
    "always give the same hash",
    "start_layout": "a short hash of the deployment: the alternatives the seed chose and "
    "every spawn position (the same seed gives the same layout; maps with alternatives "
    "differ across seeds)",
    "events": "how many of each event happened (`ShotFired`, `UnitDowned`, ...)",
}
# `sim MAP --seeds A..B --json`: one row per seed, then a summary.
SEEDS_FIELDS: dict[str, str] = {
    "runs[].seed, outcome, reason, time_s, survivors_saved, rescue_required, squad_killed, "
    "crates_delivered, strikes_used, grenades_thrown, grenades_thrown_at_us, stars":
    "as in one run",
    "runs[].squad_lost": "squad members dead or down at the end",
    "runs[].survivors_lost, start_layout": "as in one run",
    "runs[].danger_close": "strikes confirmed with friendlies or survivors in the blast",
    "runs[].strike_hits": "people (any side) Falcon-2's bombs and gun runs downed or killed",
    "summary.mean_survivors_lost": "mean of `survivors_lost`",
    "summary.strikes, danger_close, grenades": "totals of `strikes_used`, `danger_close`, "
    "and grenades thrown by both sides",
    "summary.wins_with_strike": "wins in which a strike or gun run was called",
    "summary.strike_hits": "total of `strike_hits`",
    "summary.runs, wins, defeats, undecided": "counts of runs by outcome",
    "summary.win_rate": "wins / runs",
    "summary.mean_time_s, mean_win_time_s": "mean mission time of all runs, of the wins "
    "(null without a win)",
    "summary.mean_saved, mean_squad_lost": "means of `survivors_saved` and `squad_lost`",
    "summary.mean_grenades_thrown, mean_grenades_thrown_at_us": "means of the grenades "
    "thrown by the squad and at it",
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
        if t.brush:
            continue
        note = "decoration for an Above/Roof layer" if t.above else ""
        rows.append(f"| {i} | {i + 1} | `{t.name}` | {_yes(t.walkable)} | {_yes(t.opaque)} | "
                    f"{t.cover if t.cover != 'none' else ''} | {t.elevation or ''} | "
                    f"{_yes(t.destructible)} | {_yes(t.door)} | {_yes(t.locked)} | {note} |")
    return head + "\n" + "\n".join(rows + _brush_rows())


def _brush_rows() -> list[str]:
    """The terrain-brush pieces, one row per kind: they are many and alike."""
    walls = [i for i, t in enumerate(TILES) if t.brush and t.name.startswith("wall_")]
    ground = [i for i, t in enumerate(TILES) if t.brush and i not in walls]
    return [
        f"| {walls[0]}-{walls[-1]} | {walls[0] + 1}-{walls[-1] + 1} | `wall_n` ... `wall_nesw` "
        "| | yes | high | | | | | stone wall pieces of the Walls terrain brush |",
        f"| {ground[0]}-{ground[-1]} | {ground[0] + 1}-{ground[-1] + 1} | `road_sand_0001` ... "
        "`floor_sand_1110` | yes | | low where mostly rubble | | | | | sand-to-road, rubble "
        "and floor pieces of the Ground terrain brush |",
    ]


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
        f"| map file size (.tmx, .tmj) | {s.MAX_MAP_BYTES // (1024 * 1024)} MB |",
        "| tileset (.tsx, .tsj) or template (.tx, .tj) file size | "
        f"{s.MAX_AUX_BYTES // (1024 * 1024)} MB |",
        f"| map width or height | {s.MAX_SIDE} tiles |",
        f"| tiles per layer | {s.MAX_CELLS} |",
        f"| tiles over all tile layers | {s.MAX_TOTAL_CELLS} |",
        f"| layers (including groups) | {s.MAX_LAYERS} |",
        f"| objects | {s.MAX_OBJECTS} |",
        f"| tiles per tileset | {s.MAX_TILESET_TILES} |",
        f"| tileset image width or height | {s.MAX_IMAGE_PX} px |",
        f"| tile size | {s.TILE_PX} x {s.TILE_PX} px |",
        f"| tilesets in a map | {s.MAX_TILESETS} |",
        f"| tiles over all of a map's tilesets | {s.MAX_TOTAL_TILES} |",
        f"| tileset image pixels over all tilesets | {s.MAX_TOTAL_IMAGE_PX // 1_000_000} "
        "megapixels |",
        f"| tileset image file size | {s.MAX_IMAGE_BYTES // (1024 * 1024)} MB |",
        f"| XML nesting | {s.MAX_XML_DEPTH} levels |",
        f"| civilians and insurgents | {MAX_UNITS} |",
        f"| text of one property (a briefing, say) | {MAX_TEXT_CHARS} characters |",
    ]
    return "\n".join(rows)


def _fields_table(fields: dict[str, str]) -> str:
    rows = ["| field | meaning |", "|---|---|"]
    rows += [f"| `{name}` | {meaning} |" for name, meaning in fields.items()]
    return "\n".join(rows)


def sim_json_table() -> str:
    return _fields_table(SIM_FIELDS)


def seeds_json_table() -> str:
    return _fields_table(SEEDS_FIELDS)


TABLES: dict[str, Callable[[], str]] = {
    "tiles": tiles_table, "classes": classes_table, "enums": enums_table,
    "map": map_table, "limits": limits_table, "sim_json": sim_json_table,
    "seeds_json": seeds_json_table,
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
    parser.add_argument("--write", action="store_true", help="update the guides in place")
    parser.add_argument("--check", action="store_true", help="exit 1 if a guide is stale")
    parser.add_argument("--guide", type=Path, action="append",
                        help="a guide to render (default: MODDING.md and README.md)")
    args = parser.parse_args(argv)
    if not (args.write or args.check):
        for name, make in TABLES.items():
            print(f"<!-- BEGIN {name} -->\n{make()}\n<!-- END {name} -->\n")
        return 0
    stale = 0
    for guide in args.guide or [GUIDE, README]:
        text = guide.read_text(encoding="utf-8")
        new = render(text)
        if new == text:
            continue
        if args.check:
            print(f"{guide} is out of date: run python -m game.tools.doc_tables --write",
                  file=sys.stderr)
            stale = 1
        else:
            guide.write_text(new, encoding="utf-8")
    return stale


if __name__ == "__main__":
    sys.exit(main())
