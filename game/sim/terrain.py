"""Terrain as numpy grids indexed [y, x]; the tile properties of the map fill them."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

COVER_NONE, COVER_LOW, COVER_HIGH = 0, 1, 2
COVER_NAMES = {"none": COVER_NONE, "low": COVER_LOW, "high": COVER_HIGH}


@dataclass
class Terrain:
    walkable: np.ndarray  # bool
    opaque: np.ndarray  # bool
    cover: np.ndarray  # int8, COVER_*
    elevation: np.ndarray  # int8, 0 ground, 1+ raised (rafters, roofs)
    destructible: np.ndarray  # bool
    door: np.ndarray  # bool
    locked: np.ndarray  # bool
    rubble: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=bool))  # bool,
    # tiles destroyed during play: none when the map is made (sized in __post_init__)
    version: int = 0  # bumped whenever a grid changes, so caches know to rebuild

    def __post_init__(self) -> None:
        if self.rubble.shape != self.walkable.shape:
            self.rubble = np.zeros(self.walkable.shape, dtype=bool)

    @property
    def height(self) -> int:
        return int(self.walkable.shape[0])

    @property
    def width(self) -> int:
        return int(self.walkable.shape[1])

    @classmethod
    def empty(cls, width: int, height: int) -> Terrain:
        shape = (height, width)
        return cls(
            walkable=np.ones(shape, dtype=bool),
            opaque=np.zeros(shape, dtype=bool),
            cover=np.zeros(shape, dtype=np.int8),
            elevation=np.zeros(shape, dtype=np.int8),
            destructible=np.zeros(shape, dtype=bool),
            door=np.zeros(shape, dtype=bool),
            locked=np.zeros(shape, dtype=bool),
        )

    def in_bounds(self, x: int, y: int) -> bool:
        return 0 <= x < self.width and 0 <= y < self.height

    def copy(self) -> Terrain:
        return Terrain(
            **{name: getattr(self, name).copy() for name in GRID_NAMES}, version=self.version
        )

    def destroy(self, mask: np.ndarray) -> int:
        """Turn destructible tiles under mask into rubble: walkable, see-through, low cover."""
        hit = mask & self.destructible & ~self.rubble
        count = int(hit.sum())
        if count:
            self.rubble |= hit
            self.walkable |= hit
            self.opaque &= ~hit
            self.door &= ~hit
            self.locked &= ~hit
            self.cover[hit] = COVER_LOW
            self.version += 1
        return count


GRID_NAMES = (
    "walkable", "opaque", "cover", "elevation", "destructible", "door", "locked", "rubble"
)
