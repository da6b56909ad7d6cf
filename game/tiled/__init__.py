"""Tiled maps -> Scenario: safety checks, a pytmx-based loader that fills its gaps, a validator.

Public API: load_scenario(path) -> Scenario (raises MapError), validate_map(path) ->
list[MapProblem], run(paths) -> exit code.  The loader (and so pytmx and numpy) is
imported on first use of `load_scenario` or `read_map`, not when the package is: the
title screen imports `game.tiled.errors` through the map loader and must start fast, and
the sim never sees pytmx.
"""

from __future__ import annotations

from typing import Any

from game.tiled.errors import MapError, MapProblem

__all__ = ["MapError", "MapProblem", "load_scenario", "read_map"]

_FROM_LOADER = ("load_scenario", "read_map")


def __getattr__(name: str) -> Any:
    """`from game.tiled import load_scenario` imports the loader then (PEP 562)."""
    if name in _FROM_LOADER:
        from game.tiled import loader

        return getattr(loader, name)
    raise AttributeError(f"module 'game.tiled' has no attribute {name!r}")
