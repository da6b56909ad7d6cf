"""Custom properties read as data: typed by what the file says and checked against the schema.

Values are only ever compared and converted with int()/== on checked text, never evaluated.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from game.tiled.schema import ENUM_ALIASES, Member

MAX_TEXT_CHARS = 8000  # the longest shipped briefing is about 1000
_INT = re.compile(r"-?[0-9]{1,9}")
_FLOAT = re.compile(r"-?[0-9]{1,9}(\.[0-9]{1,12})?([eE][-+]?[0-9]{1,3})?")


@dataclass(frozen=True)
class RawProperty:
    name: str
    type: str  # as written: string (also when absent), int, float, bool, object, class, ...
    value: str
    propertytype: str = ""


def read_properties(el: ET.Element) -> dict[str, RawProperty]:
    """The <properties> of an element, in file order; later duplicates win."""
    out: dict[str, RawProperty] = {}
    block = el.find("properties")
    if block is None:
        return out
    for prop in block.findall("property"):
        name = prop.get("name", "")
        # Multi-line strings are written as element text instead of a value attribute.
        value = prop.get("value")
        if value is None:
            value = prop.text or ""
        out[name] = RawProperty(name, prop.get("type", "string"), value,
                                prop.get("propertytype", ""))
    return out


# What each Tiled property type holds, as a modder reads it in a message.
KIND = {"int": "int (a whole number)", "float": "float (a number)",
        "bool": "bool (true or false)", "object": "object (a reference to an object)",
        "string": "string (text)"}
# Properties whose unit a modder may guess wrong ("north" for a facing).
UNITS = {"facing": "degrees: 0 east, 90 south, 180 west, 270 north"}


def convert(raw: RawProperty, member: Member, enums: dict[str, tuple[str, ...]]):
    """(value, None) or (None, message) for a property the schema declares."""
    want = member.type
    got = raw.type or "string"
    if got != want:
        return None, _wrong_type(raw, want, got)
    if want == "bool":
        if raw.value not in ("true", "false"):
            return None, _bad_value(raw, want)
        return raw.value == "true", None
    if want in ("int", "object"):
        if not _INT.fullmatch(raw.value.strip()):
            return None, _bad_value(raw, want)
        return int(raw.value.strip()), None
    if want == "float":
        if not _FLOAT.fullmatch(raw.value.strip()) or not math.isfinite(float(raw.value)):
            return None, _bad_value(raw, want)
        return float(raw.value), None
    if len(raw.value) > MAX_TEXT_CHARS:  # a megabyte briefing would be wrapped for ever
        return None, (f'property "{raw.name}" is {len(raw.value)} characters long; the limit '
                      f"is {MAX_TEXT_CHARS}")
    if member.enum:
        values = enums.get(member.enum, ())
        if raw.value not in values + ENUM_ALIASES.get(member.enum, ()):
            return None, (f'property "{raw.name}" is "{_shown(raw.value)}"; expected one of '
                          + ", ".join(v or '""' for v in values))
    return raw.value, None


def _shown(value: str) -> str:
    return value if len(value) <= 40 else value[:37] + "..."


def _wrong_type(raw: RawProperty, want: str, got: str) -> str:
    # The property was added with another type in Tiled: say both types, and how to fix it
    # (Tiled cannot change a property's type in place).
    article = "an" if got[:1] in "aeiou" else "a"
    return (f'property "{raw.name}" must be {KIND.get(want, want)}, but it is {article} {got} '
            f'property "{_shown(raw.value)}" (remove it and add it again as {want}'
            f'{_unit(raw.name, "; ")})')


def _bad_value(raw: RawProperty, want: str) -> str:
    # The type is right but the text is not (a hand-edited file, or a value Tiled let through).
    unit = _unit(raw.name, "")
    return (f'property "{raw.name}" must be {KIND.get(want, want)}; '
            f'"{_shown(raw.value)}" is not one' + (f" ({unit})" if unit else ""))


def _unit(name: str, lead: str) -> str:
    return lead + UNITS[name] if name in UNITS else ""
