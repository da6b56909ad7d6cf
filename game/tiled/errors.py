"""Problems found in a map file, as values a validator lists and a loader raises.

A problem names the file and, where it can, the object or layer, so a modder can find it in
Tiled: `file: object N "name" (x, y): message`, `file: layer "name": message`, `file: message`.
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


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
        if self.object_id is not None:
            where = f'object {self.object_id} "{self.object_name}"'
            if self.x is not None and self.y is not None:
                where += f" ({_fmt_num(self.x)}, {_fmt_num(self.y)})"
            return f"{self.file}: {where}: {self.message}"
        if self.layer is not None:
            return f'{self.file}: layer "{self.layer}": {self.message}'
        return f"{self.file}: {self.message}"


class MapError(Exception):
    """A map that cannot be played; carries every problem found (at least one)."""

    def __init__(self, problems: list[MapProblem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, file: str, message: str, **where: object) -> MapError:
        return cls([MapProblem(file, message, **where)])
