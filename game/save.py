"""Quicksave and quickload: the whole World as JSON (never pickle), restored exactly.

The encoding walks dataclass fields generically, so fields other modules add to World,
Unit and friends are saved without changes here:

    numpy array   {"$nd": base64, "dtype": "int16", "shape": [h, w]}
    numpy scalar  {"$np": "int64", "v": 3}
    Generator     {"$rng": "PCG64", "state": bit_generator.state}
    dataclass     {"$dc": "game.sim.units:Unit", "f": {field: value}}
    tuple / set   {"$t": [...]} / {"$set": [...]}
    dict          {"$map": [[key, value], ...]}  (any key type, insertion order kept:
                                                   iteration order is part of the rules)

Only dataclasses from game.sim are rebuilt on load, and they are rebuilt field by field
without running __init__/__post_init__, so nothing in the file is ever executed.  The
Scenario is not saved: a quicksave belongs to its map, and loading reattaches the map
the session is playing.  The state hash is stored and checked after loading.
"""

from __future__ import annotations

import base64
import dataclasses
import enum
import importlib
import json
from pathlib import Path
from typing import Any

import numpy as np

from game import userdata
from game.safe_files import write_atomically
from game.sim.world import World, state_hash

FORMAT = "danger-close-quicksave"
VERSION = 1
NOT_SAVED = {"scenario", "caches"}  # World fields: reattached / rebuilt on load
ALLOWED_MODULES = ("game.sim.",)


class SaveError(Exception):
    """A save that cannot be written or a file that is not a usable quicksave."""


# -- encoding ------------------------------------------------------------------------------
def encode(value: Any) -> Any:
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int | float) and not isinstance(value, np.generic):
        return value
    if isinstance(value, np.ndarray):
        data = np.ascontiguousarray(value)
        return {"$nd": base64.b64encode(data.tobytes()).decode("ascii"),
                "dtype": data.dtype.str, "shape": list(data.shape)}
    if isinstance(value, np.generic):
        return {"$np": value.dtype.str, "v": value.item()}
    if isinstance(value, np.random.Generator):
        bitgen = value.bit_generator
        return {"$rng": type(bitgen).__name__, "state": encode(bitgen.state)}
    if isinstance(value, enum.Enum):
        return {"$enum": _class_name(type(value)), "v": encode(value.value)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {"$dc": _class_name(type(value)),
                "f": {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, tuple):
        return {"$t": [encode(v) for v in value]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, set | frozenset):
        items = [encode(v) for v in value]
        items.sort(key=lambda v: json.dumps(v, sort_keys=True))  # a stable file
        return {"$set": items, "frozen": isinstance(value, frozenset)}
    if isinstance(value, dict):
        return {"$map": [[encode(k), encode(v)] for k, v in value.items()]}
    raise SaveError(f"cannot save a value of type {type(value).__name__}")


def _class_name(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


# -- decoding ------------------------------------------------------------------------------
def decode(value: Any) -> Any:
    if isinstance(value, list):
        return [decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "$nd" in value:
        raw = base64.b64decode(value["$nd"], validate=True)
        dtype = np.dtype(value["dtype"])
        if dtype.hasobject:
            raise SaveError("object arrays are not allowed")
        shape = tuple(int(n) for n in value["shape"])
        return np.frombuffer(raw, dtype=dtype).reshape(shape).copy()
    if "$np" in value:
        return np.dtype(value["$np"]).type(value["v"])
    if "$rng" in value:
        bitgen_cls = getattr(np.random, str(value["$rng"]), None)
        if not (isinstance(bitgen_cls, type)
                and issubclass(bitgen_cls, np.random.BitGenerator)):
            raise SaveError(f"unknown random generator {value['$rng']!r}")
        bitgen = bitgen_cls()
        bitgen.state = decode(value["state"])
        return np.random.Generator(bitgen)
    if "$enum" in value:
        return _allowed_class(value["$enum"])(decode(value["v"]))
    if "$dc" in value:
        return _rebuild(_allowed_class(value["$dc"]), value["f"])
    if "$t" in value:
        return tuple(decode(v) for v in value["$t"])
    if "$set" in value:
        items = [decode(v) for v in value["$set"]]
        return frozenset(items) if value.get("frozen") else set(items)
    if "$map" in value:
        return {_hashable(decode(k)): decode(v) for k, v in value["$map"]}
    raise SaveError(f"unknown entry {sorted(value)[:3]}")


def _hashable(key: Any) -> Any:
    return tuple(key) if isinstance(key, list) else key


def _allowed_class(name: str) -> type:
    module_name, _, qualname = str(name).partition(":")
    if not module_name.startswith(ALLOWED_MODULES) or not qualname:
        raise SaveError(f"class {name!r} is not allowed in a save")
    try:
        obj: Any = importlib.import_module(module_name)
        for part in qualname.split("."):
            obj = getattr(obj, part)
    except (ImportError, AttributeError) as exc:
        raise SaveError(f"unknown class {name!r}") from exc
    if not isinstance(obj, type):
        raise SaveError(f"{name!r} is not a class")
    return obj


def _rebuild(cls: type, raw_fields: dict, extra: dict | None = None) -> Any:
    """A dataclass instance from its saved fields, without running its constructor."""
    if not dataclasses.is_dataclass(cls):
        raise SaveError(f"{cls.__name__} is not a record type")
    obj = cls.__new__(cls)
    for f in dataclasses.fields(cls):
        if f.name in (extra or {}):
            value = extra[f.name]
        elif f.name in raw_fields:
            value = decode(raw_fields[f.name])
        elif f.default is not dataclasses.MISSING:
            value = f.default  # a field added since the save was written
        elif f.default_factory is not dataclasses.MISSING:
            value = f.default_factory()
        else:
            raise SaveError(f"{cls.__name__}.{f.name} is missing")
        object.__setattr__(obj, f.name, value)  # frozen records too
    return obj


# -- the world -------------------------------------------------------------------------------
def world_to_dict(world: World, recorded: list | None = None) -> dict:
    fields = {f.name: encode(getattr(world, f.name)) for f in dataclasses.fields(world)
              if f.name not in NOT_SAVED}
    return {"format": FORMAT, "version": VERSION, "map": str(world.scenario.path),
            "title": world.scenario.rules.title, "tick": world.tick,
            "state_hash": state_hash(world), "world": fields,
            "recorded": recorded if recorded is not None else []}


def world_from_dict(data: dict, scenario) -> tuple[World, list]:
    """The saved world on `scenario`, and the recorded commands; SaveError when the file
    is not a quicksave of this map or does not restore to the hash it was saved with."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SaveError("not a Danger Close quicksave")
    if data.get("version") != VERSION:
        raise SaveError(f"quicksave version {data.get('version')} is not supported")
    if str(data.get("map")) != str(scenario.path):
        raise SaveError(f"this quicksave belongs to another map ({data.get('title')})")
    try:
        world = _rebuild(World, data["world"], {"scenario": scenario, "caches": {}})
    except SaveError:
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise SaveError(f"the quicksave is damaged: {exc}") from exc
    if state_hash(world) != data.get("state_hash"):
        raise SaveError("the quicksave does not restore to the state it was saved in")
    recorded = data.get("recorded")
    return world, recorded if isinstance(recorded, list) else []


def quicksave_path(scenario) -> Path:
    stem = Path(str(scenario.path)).stem or "mission"
    return userdata.data_dir() / "quicksaves" / f"{stem}.json"


def quicksave(session, path: Path | None = None, ui: dict | None = None) -> Path:
    """Write the session's world; `ui` is the front end's own state (pause, camera, radio
    log), kept as plain JSON beside the world and never part of its hash."""
    path = path or quicksave_path(session.scenario)
    data = world_to_dict(session.world, list(session.recorded))
    if ui:
        data["ui"] = ui
    try:
        write_atomically(path, json.dumps(data, separators=(",", ":")))
    except OSError as exc:
        raise SaveError(f"cannot write {path}: {exc}") from exc
    return path


def quickload(session, path: Path | None = None) -> dict:
    """Replace the session's world with the quicksave's (the session is untouched when
    anything is wrong).  Returns the saved `ui` block ({} in older saves), unchecked:
    the front end validates each field it reads."""
    path = path or quicksave_path(session.scenario)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SaveError("no quicksave for this mission yet (F5 saves)") from exc
    except (OSError, ValueError) as exc:
        raise SaveError(f"cannot read {path.name}: {exc}") from exc
    world, recorded = world_from_dict(data, session.scenario)
    session.world = world
    session.recorded = list(recorded)
    ui = data.get("ui")
    return ui if isinstance(ui, dict) else {}
