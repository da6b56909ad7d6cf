"""The step clock: frame time -> whole simulation ticks, with time scale and pause.

It belongs to the loop (game/app.py advances it) and the screens steer it (pause,
faster, slower), so it sits here where both reach it without reaching each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.sim.catalog import TICK_HZ

STEP_S = 1.0 / TICK_HZ
MAX_CATCH_UP = 5  # ticks per frame; a slower machine runs slow rather than spiral
TIME_SCALES = (0.5, 1.0, 2.0, 4.0)


@dataclass
class StepClock:
    """Turns frame time into simulation ticks: accumulator, time scale, pause."""

    paused: bool = False
    scale_index: int = 1
    accumulator: float = 0.0

    @property
    def scale(self) -> float:
        return TIME_SCALES[self.scale_index]

    def faster(self) -> None:
        self.scale_index = min(len(TIME_SCALES) - 1, self.scale_index + 1)

    def slower(self) -> None:
        self.scale_index = max(0, self.scale_index - 1)

    def advance(self, dt: float) -> tuple[int, float]:
        """(ticks to run now, interpolation alpha for drawing)."""
        if self.paused:
            return 0, self.accumulator / STEP_S
        self.accumulator += dt * self.scale
        ticks = int(self.accumulator / STEP_S)
        if ticks > MAX_CATCH_UP:
            ticks = MAX_CATCH_UP
            self.accumulator = 0.0  # drop the backlog: better slow than stuck catching up
        else:
            self.accumulator -= ticks * STEP_S
        return ticks, min(1.0, self.accumulator / STEP_S)

    def game_dt(self, dt: float) -> float:
        return 0.0 if self.paused else dt * self.scale
