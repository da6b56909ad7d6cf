"""Custom properties read as data: typed by what the file says and checked against the schema.

Values are only ever compared and converted with int()/== on checked text, never evaluated.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from game.tiled.schema import ENUM_ALIASES, Member

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


def convert(raw: RawProperty, member: Member, enums: dict[str, tuple[str, ...]]):
    """(value, None) or (None, message) for a property the schema declares."""
    want = member.type
    got = raw.type or "string"
    shown = raw.value if len(raw.value) <= 40 else raw.value[:37] + "..."
    wrong = f'property "{raw.name}" must be {want}, not {got} "{shown}"'
    if got != want:
        return None, wrong
    if want == "bool":
        if raw.value not in ("true", "false"):
            return None, wrong
        return raw.value == "true", None
    if want in ("int", "object"):
        if not _INT.fullmatch(raw.value.strip()):
            return None, wrong
        return int(raw.value.strip()), None
    if want == "float":
        if not _FLOAT.fullmatch(raw.value.strip()) or not math.isfinite(float(raw.value)):
            return None, wrong
        return float(raw.value), None
    if member.enum:
        values = enums.get(member.enum, ())
        if raw.value not in values + ENUM_ALIASES.get(member.enum, ()):
            return None, (f'property "{raw.name}" is "{shown}"; expected one of '
                          + ", ".join(v or '""' for v in values))
    return raw.value, None
