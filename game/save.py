"""Quicksave and quickload: the whole World as JSON (never pickle), restored exactly.

The format and its checks live in game/save_codec.py (values, by the code's own types)
and game/save_checks.py (the rules' invariants).  A quicksave names no class: loading
decodes through an allowlist of the game's records, so a file can never make the game
build or call anything.  The Scenario is not saved: a quicksave belongs to its map, and
loading reattaches the map the session is playing.  The state hash is stored and checked
after loading.  Whatever is wrong with a file, quickload raises `SaveError` and leaves
the session as it was.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from game import userdata
from game.safe_files import UnsafeFileError, parse_json, read_text, write_atomically
from game.save_checks import check_world, grid_dtypes
from game.save_codec import Context, SaveError, decode_record, encode_record
from game.sim.layout import laid_out
from game.sim.records import RecordError
from game.sim.world import World, state_hash

__all__ = ["SaveError", "quickload", "quicksave", "world_from_dict", "world_to_dict"]

FORMAT = "danger-close-quicksave"
# 1 named classes in the file; 2 kept squad and survivor fields on every unit (now in
# Unit.squad_state / Unit.survivor_state). Neither is read any more.
VERSION = 3
# World fields a quicksave leaves out, each with why; every other field is saved, so every
# record it can hold must be in save_codec.RECORDS (tests/test_save_coverage.py)
NOT_SAVED: dict[str, str] = {
    "scenario": "the map: loading reattaches the one the session plays, laid out by the seed",
    "caches": "derived from the state (pathing grids, sight memos): rebuilt as needed",
}
MAX_BYTES = 32 * 1024 * 1024  # a 256x256 map with a long session is a few MB
MAX_DEPTH = 16  # world > units > pair > unit > path > tile is 7 levels


def world_to_dict(world: World, recorded: list | None = None,
                  ui: dict[str, Any] | None = None) -> dict:
    """The save file's content; `ui` carries the screen's own state (plain JSON)."""
    data = {"format": FORMAT, "version": VERSION, "map": str(world.scenario.path),
            "title": world.scenario.rules.title, "tick": world.tick,
            "state_hash": state_hash(world),
            "world": encode_record(world, frozenset(NOT_SAVED)),
            "recorded": recorded if recorded is not None else []}
    if ui:
        data["ui"] = ui
    return data


def world_from_dict(data: Any, scenario, check_hash: bool = True) -> tuple[World, list]:
    """The saved world on `scenario`, and the recorded commands; SaveError when the file
    is not a quicksave of this map or does not restore to the hash it was saved with.

    `check_hash=False` is for the fuzzers: a hostile file can carry a matching hash, so
    everything else must hold without it."""
    _check_header(data, scenario)
    ctx = Context(tuple(scenario.terrain.walkable.shape), grid_dtypes(scenario.terrain))
    world = decode_record(data["world"], World, "world", ctx,
                          given={"scenario": scenario, "caches": {}})
    # the map as this seed deployed it: a map with alternatives keeps only the options the
    # seed chose, and the saved trigger indices count in that list, not the whole map's
    world.scenario = laid_out(scenario, world.seed)
    check_world(world)
    if check_hash and state_hash(world) != data.get("state_hash"):
        raise SaveError("the quicksave does not restore to the state it was saved in")
    return world, _recorded(data.get("recorded"))


def _check_header(data: Any, scenario) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SaveError("not a Danger Close quicksave")
    if data.get("version") != VERSION:
        raise SaveError(f"quicksave version {str(data.get('version'))[:20]} is not supported "
                        "(made by another version of the game; quicksave again)")
    if str(data.get("map")) != str(scenario.path):
        raise SaveError(f"this quicksave belongs to another map ({str(data.get('title'))[:80]})")


def _recorded(raw: Any) -> list[dict[str, Any]]:
    """The player's orders so far, checked like a commands file (they become a replay)."""
    from game.sim.commands import command_line_from_dict

    if not isinstance(raw, list):
        raise SaveError("recorded: expected a list of orders")
    lines = []
    for index, line in enumerate(raw):
        try:
            lines.append(command_line_from_dict(line).as_dict())
        except RecordError as exc:
            raise SaveError(f"recorded[{index}]: {exc}") from None
    return lines


def ui_state(data: Any) -> dict[str, Any]:
    """The screen's state stored with a quicksave ({} when there is none)."""
    ui = data.get("ui") if isinstance(data, dict) else None
    return ui if isinstance(ui, dict) else {}


def quicksave_path(scenario) -> Path:
    stem = Path(str(scenario.path)).stem or "mission"
    return userdata.data_dir() / "quicksaves" / f"{stem}.json"


def quicksave(session, path: Path | None = None, ui: dict[str, Any] | None = None) -> Path:
    """Write the session's world; `ui` is the front end's own state (pause, camera, radio
    log), kept as plain JSON beside the world and never part of its hash."""
    path = path or quicksave_path(session.scenario)
    data = world_to_dict(session.world, list(session.recorded), ui)
    try:
        write_atomically(path, json.dumps(data, separators=(",", ":")))
    except (OSError, ValueError) as exc:
        raise SaveError(f"cannot write {path}: {exc}") from exc
    return path


def read_quicksave(path: Path) -> Any:
    """The parsed file, capped in size and depth; SaveError when it cannot be read."""
    try:
        return parse_json(read_text(path, MAX_BYTES), MAX_DEPTH)
    except UnsafeFileError as exc:
        if not Path(path).exists() and not Path(path).is_symlink():
            raise SaveError("no quicksave for this mission yet (F5 saves)") from None
        raise SaveError(f"cannot read {Path(path).name}: {exc}") from None


def quickload(session, path: Path | None = None) -> dict[str, Any]:
    """Replace the session's world with the quicksave's (the session is untouched when
    anything is wrong).  Returns the saved `ui` block ({} in older saves), unchecked
    beyond being a JSON object: the front end validates each field it reads."""
    path = path or quicksave_path(session.scenario)
    data = read_quicksave(path)
    try:
        world, recorded = world_from_dict(data, session.scenario)
    except SaveError:
        raise
    except (ArithmeticError, LookupError, TypeError, ValueError, RecursionError) as exc:
        # the checks are meant to leave nothing for here; if one slips, it is a refusal
        raise SaveError(f"the quicksave is damaged ({type(exc).__name__})") from None
    session.world = world
    session.recorded = list(recorded)
    return ui_state(data)
