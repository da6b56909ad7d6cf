"""Tiled maps -> Scenario: safety checks, a pytmx-based loader that fills its gaps, a validator.

Public API: load_scenario(path) -> Scenario (raises MapError), validate_map(path) ->
list[MapProblem], run(paths) -> exit code.  Import pytmx lazily: the sim never sees it.
"""

from game.tiled.errors import MapError, MapProblem
from game.tiled.loader import load_scenario, read_map

__all__ = ["MapError", "MapProblem", "load_scenario", "read_map"]
