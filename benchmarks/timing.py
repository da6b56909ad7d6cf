"""The few sums every benchmark here prints: median, 99th percentile, a timed repeat."""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable


def median_ms(samples: list[float], digits: int = 3) -> float:
    """The median of durations in seconds, in milliseconds."""
    return round(statistics.median(samples) * 1000.0, digits)


def p99_ms(samples: list[float], digits: int = 3) -> float:
    """The 99th percentile (nearest rank) of durations in seconds, in milliseconds."""
    ordered = sorted(samples)
    return round(ordered[max(0, math.ceil(len(ordered) * 0.99) - 1)] * 1000.0, digits)


def timed_median_ms(action: Callable[[], object], runs: int, digits: int = 3) -> float:
    """Run `action` `runs` times and give the median wall time in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return median_ms(times, digits)
