"""JSON round trip for frozen dataclass records (commands and events).

A record is written as {"type": ClassName, **fields}; lists come back as tuples so a
decoded record compares equal to the original.  Decoding checks every field against
the record's annotation (whole numbers in range, true/false, short texts, lists of
whole numbers), so a record read from a file is either exactly what the code could
have made or a `RecordError` saying which field is wrong.  The type name is looked up
in the registry's own table; nothing else from the data names anything.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, TypeVar

T = TypeVar("T")

INT_RANGE = (-(2**31), 2**31 - 1)  # tiles, ids, angles and ticks all fit in 32 bits
MAX_TEXT = 200
MAX_ITEMS = 1000  # unit ids in one order


class RecordError(ValueError):
    """A record that is not one the game could have written, with the reason."""


class Registry:
    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.types: dict[str, type] = {}

    def register(self, cls: type[T]) -> type[T]:
        self.types[cls.__name__] = cls
        return cls

    def to_dict(self, record: Any) -> dict[str, Any]:
        out: dict[str, Any] = {"type": type(record).__name__}
        for f in dataclasses.fields(record):
            out[f.name] = _plain(getattr(record, f.name))
        return out

    def from_dict(self, data: Any) -> Any:
        """Decode one record; raises RecordError with a readable reason when malformed."""
        if not isinstance(data, dict):
            raise RecordError(f"{self.kind} must be a JSON object, got {type(data).__name__}")
        name = data.get("type")
        cls = self.types.get(name) if isinstance(name, str) else None
        if cls is None:
            known = ", ".join(sorted(self.types))
            raise RecordError(f"unknown {self.kind} type {str(name)[:40]!r} (known: {known})")
        hints = typing.get_type_hints(cls)
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(str(k)[:40] for k in data if k != "type" and k not in names)
        if unknown:
            raise RecordError(f"bad {self.kind} {name}: unknown field {unknown[0]!r}")
        kwargs = {}
        for f in dataclasses.fields(cls):
            if f.name in data:
                kwargs[f.name] = _checked(data[f.name], hints[f.name], f"{name}.{f.name}")
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise RecordError(f"bad {self.kind} {name}: missing field {f.name!r}")
        return cls(**kwargs)


def _checked(value: Any, hint: Any, where: str) -> Any:
    """`value` as the annotation `hint` wants it, or RecordError."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union) and type(None) in args:
        inner = next(a for a in args if a is not type(None))
        return None if value is None else _checked(value, inner, where)
    if hint is bool:
        if not isinstance(value, bool):
            raise RecordError(f"{where} must be true or false, not {_shown(value)}")
        return value
    if hint is int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise RecordError(f"{where} must be a whole number, not {_shown(value)}")
        if not INT_RANGE[0] <= value <= INT_RANGE[1]:
            raise RecordError(f"{where} is out of range ({_shown(value)})")
        return value
    if hint is str:
        if not isinstance(value, str) or len(value) > MAX_TEXT:
            raise RecordError(f"{where} must be a text of at most {MAX_TEXT} characters")
        return value
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        if not isinstance(value, list) or len(value) > MAX_ITEMS:
            raise RecordError(f"{where} must be a list (at most {MAX_ITEMS} items), "
                              f"not {_shown(value)}")
        return tuple(_checked(v, args[0], f"{where}[{i}]") for i, v in enumerate(value))
    raise RecordError(f"{where}: no rule to read a {hint!r}")


def _shown(value: Any) -> str:
    """A short description of a bad value for a message (never the whole of it)."""
    if isinstance(value, int) and value.bit_length() > 128:
        return "a very large number"
    if isinstance(value, dict | list):
        return f"a {'JSON object' if isinstance(value, dict) else 'list'}"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _plain(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value
