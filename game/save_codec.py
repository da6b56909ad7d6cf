"""The quicksave codec: game records to plain JSON and back, driven by the code's types.

A quicksave names nothing.  What a JSON value becomes on load is decided by the field's
annotation in the game's own dataclasses (`RECORDS`, an allowlist built here in code),
never by text in the file: a key like `"$enum"` or `"$dc"` naming a class is refused,
and no name read from a file is ever looked up.  Every value is checked against its
annotation as it is decoded (whole numbers within range, finite floats, short strings,
arrays of the expected dtype and shape), so a hostile file is a `SaveError`, nothing
else.  Records are rebuilt field by field without running their constructors.

    dataclass        {field: value}          (fields added later take their defaults)
    tuple/list/set   [...]
    dict             [[key, value], ...]      (insertion order is part of the rules)
    numpy array      {"dtype": "|b1", "shape": [h, w], "data": base64}
    Generator        {"bit_generator": "PCG64", "state": hex, "inc": hex,
                      "has_uint32": 0|1, "uinteger": n}
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import functools
import math
import types
import typing
from dataclasses import dataclass
from typing import Any

import numpy as np

from game.sim.kinds import Alert, Life, Roe, Side, StrikeKind
from game.sim.records import INT_RANGE  # the rules' whole numbers fit in 32 bits
from game.sim.terrain import Terrain
from game.sim.units import Crate, InsurgentMind, SquadState, SurvivorState, Unit
from game.sim.world import EvacState, Grenade, HeardShot, Stats, StrikeCall, World

# the allowlist: the only record types a quicksave can contain.  Every record reachable
# from World's saved fields must be here (tests/test_save_coverage.py walks them), or the
# first save holding one fails with "cannot save a ..."
RECORDS: dict[str, type] = {cls.__name__: cls for cls in (World, Terrain, Unit, InsurgentMind,
                                                          SquadState, SurvivorState,
                                                          Crate, Stats, StrikeCall,
                                                          EvacState, Grenade, HeardShot)}
# the only enums: saved as their word, read back only as one of their own members
ENUMS: frozenset[type] = frozenset((Alert, Life, Roe, Side, StrikeKind))
WIDE_INTS = {"World.seed": (0, 2**63 - 1)}  # the exceptions, by record.field
FLOAT_LIMIT = 1e9
MAX_STRING = 200
BIT_GENERATOR = "PCG64"
_U128 = 2**128


class SaveError(Exception):
    """A save that cannot be written or a file that is not a usable quicksave."""


@dataclass(frozen=True)
class Context:
    """What the file cannot be trusted to say: the grid shape and each array's dtype."""

    shape: tuple[int, int]
    dtypes: dict[str, np.dtype]  # "Record.field" -> dtype


@functools.cache
def hints(cls: type) -> dict[str, Any]:
    """Field name -> annotation of an allowlisted record (resolved from the code)."""
    return typing.get_type_hints(cls)


# -- encoding ------------------------------------------------------------------------------
def encode_record(value: Any, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    cls = type(value)
    if RECORDS.get(cls.__name__) is not cls:
        raise SaveError(f"cannot save a {cls.__name__}: not a record a quicksave holds")
    types_ = hints(cls)
    return {f.name: encode(getattr(value, f.name), types_[f.name], f"{cls.__name__}.{f.name}")
            for f in dataclasses.fields(cls) if f.name not in skip}


def encode(value: Any, hint: Any, where: str) -> Any:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if _is_optional(origin, args):
        return None if value is None else encode(value, _inner(args), where)
    if hint is int and isinstance(value, int | np.integer) and not isinstance(value, bool):
        return int(value)
    if hint is float and isinstance(value, int | float) and not isinstance(value, bool):
        return value  # an int stays an int: the state hash tells 3 from 3.0
    if hint in (bool, str) and isinstance(value, hint):
        return value
    if hint in (int, float, bool, str):
        raise SaveError(f"{where}: cannot save {type(value).__name__} as {hint.__name__}")
    if hint in ENUMS:
        return hint(value).value  # a plain string equal to a member counts as that member
    if hint is np.ndarray:
        data = np.ascontiguousarray(value)
        return {"dtype": data.dtype.str, "shape": list(data.shape),
                "data": base64.b64encode(data.tobytes()).decode("ascii")}
    if hint is np.random.Generator:
        return _encode_rng(value, where)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return encode_record(value)
    if origin in (list, tuple, set, frozenset):
        items = [encode(v, _item_hint(origin, args, i), f"{where}[{i}]")
                 for i, v in enumerate(sorted(value) if origin in (set, frozenset) else value)]
        return items
    if origin is dict:
        return [[encode(k, args[0], where), encode(v, args[1], f"{where}[{k!r}]")]
                for k, v in value.items()]
    raise SaveError(f"{where}: no save rule for {hint!r}")


def _encode_rng(rng: np.random.Generator, where: str) -> dict[str, Any]:
    state = rng.bit_generator.state
    if state.get("bit_generator") != BIT_GENERATOR:
        raise SaveError(f"{where}: only {BIT_GENERATOR} generators are saved")
    return {"bit_generator": BIT_GENERATOR, "state": f"{state['state']['state']:x}",
            "inc": f"{state['state']['inc']:x}", "has_uint32": int(state["has_uint32"]),
            "uinteger": int(state["uinteger"])}


# -- decoding ------------------------------------------------------------------------------
def decode_record(raw: Any, cls: type, where: str, ctx: Context,
                  given: dict[str, Any] | None = None) -> Any:
    """An allowlisted record from its saved fields; `given` supplies fields not saved."""
    if not isinstance(raw, dict):
        raise SaveError(f"{where}: expected a {cls.__name__} record")
    given = given or {}
    names = {f.name for f in dataclasses.fields(cls)}
    for key in raw:
        if not isinstance(key, str) or key.startswith("$"):
            raise SaveError(f"{where}: {str(key)[:40]!r} names a type; a quicksave names "
                            "none, so this file was not written by the game")
        if key not in names or key in given:
            raise SaveError(f"{where}: unknown field {key[:40]!r}")
    obj = cls.__new__(cls)
    types_ = hints(cls)
    for f in dataclasses.fields(cls):
        field_where = f"{where}.{f.name}"
        if f.name in given:
            value = given[f.name]
        elif f.name in raw:
            value = decode(raw[f.name], types_[f.name], field_where, ctx,
                           f"{cls.__name__}.{f.name}")
        else:
            value = _default(f, types_[f.name], field_where)
        object.__setattr__(obj, f.name, value)  # frozen records too; no __init__ runs
    return obj


def _default(f: dataclasses.Field, hint: Any, where: str) -> Any:
    """A field added since the save was written takes its default, if it has a real one."""
    if f.default is not dataclasses.MISSING:
        if f.default is None and not _is_optional(typing.get_origin(hint),
                                                  typing.get_args(hint)):
            raise SaveError(f"{where} is missing")
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    raise SaveError(f"{where} is missing")


def decode(raw: Any, hint: Any, where: str, ctx: Context, field_key: str = "") -> Any:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if _is_optional(origin, args):
        return None if raw is None else decode(raw, _inner(args), where, ctx, field_key)
    if hint is int:
        return _whole_number(raw, where, WIDE_INTS.get(field_key, INT_RANGE))
    if hint is bool:
        if not isinstance(raw, bool):
            raise SaveError(f"{where}: expected true or false")
        return raw
    if hint is float:
        return _float(raw, where)
    if hint is str:
        if not isinstance(raw, str) or len(raw) > MAX_STRING:
            raise SaveError(f"{where}: expected a text of at most {MAX_STRING} characters")
        return raw
    if hint in ENUMS:
        return _enum_member(raw, hint, where)
    if hint is np.ndarray:
        return _decode_array(raw, where, ctx, field_key)
    if hint is np.random.Generator:
        return _decode_rng(raw, where)
    if isinstance(hint, type) and RECORDS.get(hint.__name__) is hint:
        return decode_record(raw, hint, where, ctx)
    if origin in (list, tuple, set, frozenset):
        return _decode_sequence(raw, origin, args, where, ctx)
    if origin is dict:
        return _decode_dict(raw, args, where, ctx)
    raise SaveError(f"{where}: no load rule for {hint!r}")


def _enum_member(raw: Any, enum: Any, where: str) -> Any:
    if not isinstance(raw, str) or raw not in enum._value2member_map_:
        raise SaveError(f"{where}: {str(raw)[:40]!r} is not one of "
                        f"{', '.join(m.value for m in enum)}")
    return enum(raw)


def _whole_number(raw: Any, where: str, bounds: tuple[int, int]) -> int:
    if not isinstance(raw, int) or isinstance(raw, bool):
        raise SaveError(f"{where}: expected a whole number")
    if not bounds[0] <= raw <= bounds[1]:
        raise SaveError(f"{where}: {raw} is out of range")
    return raw


def _float(raw: Any, where: str) -> float | int:
    if not isinstance(raw, int | float) or isinstance(raw, bool):
        raise SaveError(f"{where}: expected a number")
    if (isinstance(raw, float) and not math.isfinite(raw)) or abs(raw) > FLOAT_LIMIT:
        raise SaveError(f"{where}: {raw} is out of range")
    return raw  # as saved: an int stays an int


def _decode_sequence(raw: Any, origin: Any, args: tuple, where: str, ctx: Context) -> Any:
    if not isinstance(raw, list):
        raise SaveError(f"{where}: expected a list")
    if origin is tuple and args and args[-1] is not Ellipsis and len(raw) != len(args):
        raise SaveError(f"{where}: expected {len(args)} items, found {len(raw)}")
    items = [decode(v, _item_hint(origin, args, i), f"{where}[{i}]", ctx)
             for i, v in enumerate(raw)]
    if origin is list:
        return items
    return origin(items)


def _decode_dict(raw: Any, args: tuple, where: str, ctx: Context) -> dict:
    if not isinstance(raw, list):
        raise SaveError(f"{where}: expected a list of [key, value] pairs")
    out: dict = {}
    for i, pair in enumerate(raw):
        if not isinstance(pair, list) or len(pair) != 2:
            raise SaveError(f"{where}[{i}]: expected a [key, value] pair")
        key = decode(pair[0], args[0], f"{where}[{i}] key", ctx)
        if key in out:
            raise SaveError(f"{where}: the key {key!r} appears twice")
        out[key] = decode(pair[1], args[1], f"{where}[{key!r}]", ctx)
    return out


def _decode_array(raw: Any, where: str, ctx: Context, field_key: str) -> np.ndarray:
    dtype = ctx.dtypes.get(field_key)
    if dtype is None:
        raise SaveError(f"{where}: no load rule for this array")
    if not isinstance(raw, dict) or set(raw) != {"dtype", "shape", "data"}:
        raise SaveError(f"{where}: expected an array record")
    if raw["dtype"] != dtype.str:
        raise SaveError(f"{where}: expected dtype {dtype.str}, found {str(raw['dtype'])[:20]!r}")
    if raw["shape"] != list(ctx.shape):
        raise SaveError(f"{where}: expected shape {list(ctx.shape)} (this map's grid), found "
                        f"{str(raw['shape'])[:40]}")
    size = ctx.shape[0] * ctx.shape[1] * dtype.itemsize
    data = raw["data"]
    if not isinstance(data, str) or len(data) != 4 * ((size + 2) // 3):
        raise SaveError(f"{where}: the array data has the wrong length")
    try:
        buffer = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raise SaveError(f"{where}: the array data is not base64") from None
    if len(buffer) != size:
        raise SaveError(f"{where}: the array data has the wrong length")
    return np.frombuffer(buffer, dtype=dtype).reshape(ctx.shape).copy()


def _decode_rng(raw: Any, where: str) -> np.random.Generator:
    keys = {"bit_generator", "state", "inc", "has_uint32", "uinteger"}
    if not isinstance(raw, dict) or set(raw) != keys:
        raise SaveError(f"{where}: expected a random generator record")
    if raw["bit_generator"] != BIT_GENERATOR:
        raise SaveError(f"{where}: only {BIT_GENERATOR} generators are loaded")
    state, inc = _hex128(raw["state"], where), _hex128(raw["inc"], where)
    if inc % 2 == 0:
        raise SaveError(f"{where}: not a state the generator can be in")
    if raw["has_uint32"] not in (0, 1) or isinstance(raw["has_uint32"], bool):
        raise SaveError(f"{where}.has_uint32: expected 0 or 1")
    uinteger = _whole_number(raw["uinteger"], f"{where}.uinteger", (0, 2**32 - 1))
    bitgen = np.random.PCG64()
    bitgen.state = {"bit_generator": BIT_GENERATOR, "state": {"state": state, "inc": inc},
                    "has_uint32": raw["has_uint32"], "uinteger": uinteger}
    return np.random.Generator(bitgen)


def _hex128(raw: Any, where: str) -> int:
    if not isinstance(raw, str) or not 0 < len(raw) <= 32:
        raise SaveError(f"{where}: expected a generator state")
    try:
        value = int(raw, 16)
    except ValueError:
        raise SaveError(f"{where}: expected a generator state") from None
    if not 0 <= value < _U128 or not raw.isalnum():
        raise SaveError(f"{where}: expected a generator state")
    return value


# -- annotations ---------------------------------------------------------------------------
LEAF_TYPES = (int, float, bool, str, np.ndarray, np.random.Generator)  # saved by a rule


def reachable_types(root: type, skip: frozenset[str] = frozenset()) -> set[Any]:
    """Every type a save of `root` can hold, found as the codec finds them: through each
    field's annotation (`skip` names root fields that are not saved), into optionals,
    containers and nested records.  Records and enums come back as their classes; any
    other leaf as its annotation, so a type the codec has no rule for shows up too."""
    found: set[Any] = set()
    pending: list[Any] = [hints(root)[f.name] for f in dataclasses.fields(root)
                          if f.name not in skip]
    found.add(root)
    while pending:
        hint = pending.pop()
        args = typing.get_args(hint)
        if args:  # Optional, list, tuple, set, dict: what they hold
            pending.extend(a for a in args if a is not Ellipsis and a is not type(None))
            continue
        if hint in found:
            continue
        found.add(hint)
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            pending.extend(hints(hint)[f.name] for f in dataclasses.fields(hint))
    return found


def _is_optional(origin: Any, args: tuple) -> bool:
    return (origin in (types.UnionType, typing.Union) and len(args) == 2
            and type(None) in args)


def _inner(args: tuple) -> Any:
    return args[0] if args[1] is type(None) else args[1]


def _item_hint(origin: Any, args: tuple, index: int) -> Any:
    if origin is tuple and args and args[-1] is not Ellipsis:
        return args[index]
    return args[0]
