"""The one way a map file is opened for play: the loader's problems (and any read error
it let through) become one exception whose text is the message the player sees.

The command line prints each problem as `error: FILE: MESSAGE`; the game shows the same
lines on its message screen, the briefing and the hot-reload toast.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from game.tiled.errors import MapError, MapProblem

if TYPE_CHECKING:  # numpy and the sim: only once a map is opened (start-up budget)
    from game.sim.scenario import Scenario


class MapLoadFailed(Exception):
    """A map that cannot be played: every problem found, one per line in str()."""

    def __init__(self, problems: list[MapProblem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def load_map(path: str | os.PathLike) -> Scenario:
    """The scenario in `path`, or MapLoadFailed saying why not."""
    from game.tiled.loader import load_scenario  # pytmx: only when a map is opened

    try:
        return load_scenario(path)
    except MapError as exc:
        raise MapLoadFailed(exc.problems) from exc
    except OSError as exc:
        problem = MapProblem(str(path), f"cannot read the map: {exc.strerror or exc}")
        raise MapLoadFailed([problem]) from exc
