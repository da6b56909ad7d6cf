"""JSON round trip for frozen dataclass records (commands and events).

A record is written as {"type": ClassName, **fields}; lists come back as tuples so a
decoded record compares equal to the original.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

T = TypeVar("T")


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

    def from_dict(self, data: dict[str, Any]) -> Any:
        """Decode one record; raises ValueError with a readable reason when malformed."""
        if not isinstance(data, dict):
            raise ValueError(f"{self.kind} must be a JSON object, got {type(data).__name__}")
        name = data.get("type")
        cls = self.types.get(name) if isinstance(name, str) else None
        if cls is None:
            known = ", ".join(sorted(self.types))
            raise ValueError(f"unknown {self.kind} type {name!r} (known: {known})")
        kwargs = {}
        for f in dataclasses.fields(cls):
            if f.name in data:
                kwargs[f.name] = _tuples(data[f.name])
        try:
            return cls(**kwargs)
        except TypeError as exc:
            raise ValueError(f"bad {self.kind} {name}: {exc}") from None


def _plain(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def _tuples(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_tuples(v) for v in value)
    return value
