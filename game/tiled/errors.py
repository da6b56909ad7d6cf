"""Problems found in a map file, as values a validator lists and a loader raises.

A problem names the file and, where it can, the object or layer, so a modder can find it in
Tiled: `file: object N "name" (x, y): message`, `file: layer "name": message`, `file: message`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
MAX_SHOWN_CHARS = 200  # a name or layer from the file is cut to this in a message
# Line breaks, other control characters and bidi overrides: text from a file could forge a
# second `error:` line in the validator's output or reorder what the modder reads.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def clean(text: object, limit: int | None = None) -> str:
    """Text from a file made safe to print on one line: control characters escaped."""
    s = str(text)
    if limit is not None and len(s) > limit:
        s = s[:limit] + "..."
    return _UNSAFE.sub(lambda m: repr(m.group())[1:-1], s)  # "\n" -> "\\n", "\x1b" -> "\\x1b"


def _fmt_num(v: float) -> str:
    # Tiled shows whole pixels without a decimal point; keep messages matching the editor.
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


@dataclass(frozen=True)
class MapProblem:
    file: str
    message: str
    severity: str = ERROR  # ERROR or WARNING
    object_id: int | None = None
    object_name: str = ""
    x: float | None = None  # pixels, as Tiled shows them
    y: float | None = None
    layer: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        """One line whatever the file held: `file: [where: ]message`."""
        file, message = clean(self.file), clean(self.message)
        if self.object_id is not None:
            where = f'object {self.object_id} "{clean(self.object_name, MAX_SHOWN_CHARS)}"'
            if self.x is not None and self.y is not None:
                where += f" ({_fmt_num(self.x)}, {_fmt_num(self.y)})"
            return f"{file}: {where}: {message}"
        if self.layer is not None:
            return f'{file}: layer "{clean(self.layer, MAX_SHOWN_CHARS)}": {message}'
        return f"{file}: {message}"


class MapError(Exception):
    """A map that cannot be played; carries every problem found (at least one)."""

    def __init__(self, problems: list[MapProblem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, file: str, message: str, **where: object) -> MapError:
        return cls([MapProblem(file, message, **where)])
