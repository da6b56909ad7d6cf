"""Games in bulk on every core: work on many items at once, one process each, the results
in the items' order (every game is independent and deterministic, so the rows are the
same on one process or many), and a progress line for a terminal.

Used by `sim --seeds` (autopilot_runs.seed_row per seed) and benchmarks/balance.py.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any, TextIO, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def default_jobs() -> int:
    """Every core this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(len(os.sched_getaffinity(0)), 1)
    return os.cpu_count() or 1


def in_parallel(
    work: Callable[[Item], Result], items: Sequence[Item], jobs: int,
    on_result: Callable[[Result], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Result]:
    """work(item) for every item on up to `jobs` processes (one: in this process).

    Results come back in the items' order; on_result sees each as soon as it and every
    one before it are done; progress(done, total) runs after each finishes. `work` must
    be picklable (a top-level function, or a functools.partial of one)."""
    jobs = max(1, min(jobs, len(items)))
    if jobs == 1:
        return _in_order(work, items, on_result, progress)
    pool = ProcessPoolExecutor(max_workers=jobs)
    try:
        futures = [pool.submit(work, item) for item in items]
        results = _collect(futures, on_result, progress)
    except BaseException as stop:
        # the rest never runs; on Ctrl-C the workers got the signal too, so do not wait
        # for them, but on any other stop (the reader of a pipe has gone) let the games
        # already running end: a worker killed by the exit mid-reply prints a traceback
        pool.shutdown(wait=not isinstance(stop, KeyboardInterrupt), cancel_futures=True)
        raise
    pool.shutdown()
    return results


def _in_order(work: Callable[[Item], Result], items: Sequence[Item],
              on_result: Callable[[Result], None] | None,
              progress: Callable[[int, int], None] | None) -> list[Result]:
    results = []
    for item in items:
        results.append(work(item))
        if on_result is not None:
            on_result(results[-1])
        if progress is not None:
            progress(len(results), len(items))
    return results


def _collect(futures: list[Future], on_result: Callable[[Any], None] | None,
             progress: Callable[[int, int], None] | None) -> list[Any]:
    """Wait for the futures, handing results on in order; re-raises a worker's error."""
    pending = set(futures)
    handed = 0
    while pending:
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            future.result()  # a worker's exception stops the run here
        if progress is not None:
            progress(len(futures) - len(pending), len(futures))
        while handed < len(futures) and futures[handed].done():
            if on_result is not None:
                on_result(futures[handed].result())
            handed += 1
    return [f.result() for f in futures]


class ProgressLine:
    """`done/total, rate, time left` rewritten in place on a terminal, once a run has
    lasted long enough to need it; nothing when the stream is not a terminal (logs,
    pipes)."""

    def __init__(self, stream: TextIO, what: str = "seeds", after_s: float = 1.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.what = what
        self.after_s = after_s
        self.clock = clock
        self.started = clock()
        self.shown = False
        self.width = 0  # of the longest line written, to clear it
        self.live = stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        elapsed = self.clock() - self.started
        if not self.live or elapsed < self.after_s:
            return
        rate = done / elapsed if elapsed > 0 else 0.0
        left = (total - done) / rate if rate > 0 else 0.0
        line = f"{done}/{total} {self.what}, {rate:.2f}/s, ~{left:.0f} s left"
        self.width = max(self.width, len(line))
        self.stream.write("\r" + line.ljust(self.width))
        self.shown = True
        if done == total:
            self.close()
        self.stream.flush()

    def close(self) -> None:
        """Clear the line so what follows starts clean."""
        if self.shown:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.shown = False
