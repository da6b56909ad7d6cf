"""The frame-time meter (F3): what the game's own frames cost on the player's machine.

A player who says "it stutters" and a modder checking a crowded map both need numbers,
not a feeling: frames per second, the work of a frame (events, ticks, drawing) with its
99th percentile, the simulation tick with its worst, and the time to present the frame.
The shown figures are refreshed twice a second over the last two seconds of frames, so
they can be read and a single slow frame shows up in p99/max instead of flickering by.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pygame

SAMPLES = 120  # two seconds of frames at the 60 FPS cap
REFRESH_S = 0.5
FRAME_BUDGET_MS = 1000 / 60  # a frame's work must fit the cap's frame to hold 60 FPS
GOOD = (140, 220, 140)
SLOW = (245, 190, 90)


@dataclass(frozen=True)
class MeterFigures:
    fps: float
    work_ms: float
    work_p99_ms: float
    tick_ms: float
    tick_worst_ms: float
    present_ms: float

    def lines(self) -> tuple[str, str]:
        return (f"{self.fps:.0f} FPS   frame {self.work_ms:.1f} ms  (p99 {self.work_p99_ms:.1f})",
                f"tick {self.tick_ms:.1f} ms  (max {self.tick_worst_ms:.1f})   "
                f"present {self.present_ms:.1f} ms")

    @property
    def smooth(self) -> bool:
        return self.work_p99_ms <= FRAME_BUDGET_MS


def percentile(samples: list[float], fraction: float) -> float:
    """The value below which `fraction` of the samples lie (nearest rank)."""
    if not samples:
        return 0.0
    ordered = sorted(samples)
    rank = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[rank]


class FrameMeter:
    """Collects a frame's timings from the loop and keeps the figures to show."""

    def __init__(self, samples: int = SAMPLES) -> None:
        self.intervals: deque[float] = deque(maxlen=samples)  # start to start, seconds
        self.work: deque[float] = deque(maxlen=samples)
        self.present: deque[float] = deque(maxlen=samples)
        self.ticks: deque[float] = deque(maxlen=samples)
        self.shown: MeterFigures | None = None
        self._since_refresh = REFRESH_S  # the first frame after F3 shows figures at once

    def record_tick(self, seconds: float) -> None:
        self.ticks.append(seconds)

    def record_frame(self, interval_s: float, work_s: float, present_s: float) -> None:
        self.intervals.append(interval_s)
        self.work.append(work_s)
        self.present.append(present_s)
        self._since_refresh += interval_s
        if self._since_refresh >= REFRESH_S:
            self._since_refresh = 0.0
            self.shown = self.figures()

    def figures(self) -> MeterFigures:
        intervals = list(self.intervals)
        mean_interval = sum(intervals) / len(intervals) if intervals else 0.0
        work = [s * 1000 for s in self.work]
        ticks = [s * 1000 for s in self.ticks]
        return MeterFigures(
            fps=1.0 / mean_interval if mean_interval > 0 else 0.0,
            work_ms=percentile(work, 0.5),
            work_p99_ms=percentile(work, 0.99),
            tick_ms=sum(ticks) / len(ticks) if ticks else 0.0,
            tick_worst_ms=max(ticks, default=0.0),
            present_ms=percentile([s * 1000 for s in self.present], 0.5))

    def draw(self, surface: pygame.Surface, text, top: int,
             size: int = 16) -> pygame.Rect | None:
        """The figures on a dark plate, centred at `top`; nothing before the first refresh."""
        if self.shown is None:
            return None
        colour = GOOD if self.shown.smooth else SLOW
        first, second = self.shown.lines()
        upper = text.blit(surface, first, (surface.get_width() // 2, top), size, colour,
                          anchor="midtop", plate=(8, 9, 10, 200))
        lower = text.blit(surface, second, (upper.centerx, upper.bottom + 4), size, colour,
                          anchor="midtop", plate=(8, 9, 10, 200))
        return upper.union(lower)
