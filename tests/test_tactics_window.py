"""The tactical query's per-window grids built from one pass over the allies mean what the
rule says, tile by tile."""

from __future__ import annotations

import types

import numpy as np

from game.ai import tactics
from game.sim.geometry import SUB, centre_of


def _ally(tile: tuple[int, int], goal: tuple[int, int] | None):
    return types.SimpleNamespace(x=centre_of(tile[0]), y=centre_of(tile[1]) + SUB // 4,
                                 path=[goal] if goal is not None else [])


def test_taken_and_crowding_are_the_allies_tiles_and_their_3x3_counts():
    rng = np.random.default_rng(3)
    for _ in range(30):
        x0, y0 = (int(v) for v in rng.integers(0, 6, size=2))
        x1, y1 = x0 + int(rng.integers(1, 9)), y0 + int(rng.integers(1, 9))
        allies = []
        for _ in range(int(rng.integers(0, 12))):
            tile = (int(rng.integers(x0 - 3, x1 + 3)), int(rng.integers(y0 - 3, y1 + 3)))
            goal = None if rng.random() < 0.4 else (
                int(rng.integers(x0 - 2, x1 + 2)), int(rng.integers(y0 - 2, y1 + 2)))
            allies.append(_ally(tile, goal))
        taken, crowd = tactics._allies_in_window(allies, x0, y0, x1, y1)
        for y in range(y0, y1):
            for x in range(x0, x1):
                spots = [((a.x // SUB, a.y // SUB), a.path[-1] if a.path else
                          (a.x // SUB, a.y // SUB)) for a in allies]
                assert taken[y - y0, x - x0] == any((x, y) in pair for pair in spots)
                assert crowd[y - y0, x - x0] == sum(
                    1 for _, (gx, gy) in spots if abs(gx - x) <= 1 and abs(gy - y) <= 1)
