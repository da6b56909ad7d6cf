"""Autopilot games in bulk: one row per run and a summary, for `sim --seeds` and the
balance benchmark, run on as many processes as asked (every game is independent and
deterministic, so the rows are the same on one process or many)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any, TextIO, TypeVar

from game.ai.autopilot import Autopilot
from game.sim.catalog import TICK_HZ
from game.sim.scenario import Scenario

DEFAULT_TICK_CAP = 20 * 60 * TICK_HZ  # 20 minutes of game time


def run_row(report: dict[str, Any], world: Any) -> dict[str, Any]:
    """The per-seed row: outcome, time, survivors saved, squad lost (dead or left down)."""
    lost = sum(1 for u in world.squad() if u.life in ("dead", "downed"))
    return {
        "seed": report["seed"],
        "outcome": report["outcome"],
        "reason": report["reason"],
        "time_s": report["time_s"],
        "survivors_saved": report["survivors_saved"],
        "rescue_required": report["rescue_required"],
        "squad_lost": lost,
        "squad_killed": report["squad_killed"],
        "crates_delivered": report["crates_delivered"],
        "strikes_used": report["strikes_used"],
        "stars": report["stars"],
    }


def play(
    scenario: Scenario, seed: int, difficulty: str = "normal", ticks: int = DEFAULT_TICK_CAP,
    commands: dict[int, list[Any]] | None = None,
):
    """One autopilot game; returns the headless RunReport."""
    from game.headless import run_headless  # game.headless pulls in the session and AI

    return run_headless(scenario, seed=seed, ticks=ticks, difficulty=difficulty,
                        commands=commands, extra_commands=Autopilot())


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Win rate, mean time of the wins, mean survivors saved, mean squad lost."""
    n = len(rows)
    if not n:
        return {"runs": 0}
    wins = [r for r in rows if r["outcome"] == "victory"]
    return {
        "runs": n,
        "wins": len(wins),
        "win_rate": round(len(wins) / n, 3),
        "defeats": sum(1 for r in rows if r["outcome"] == "defeat"),
        "undecided": sum(1 for r in rows if r["outcome"] == "undecided"),
        "mean_time_s": round(sum(r["time_s"] for r in rows) / n, 1),
        "mean_win_time_s": round(sum(r["time_s"] for r in wins) / len(wins), 1) if wins else None,
        "mean_saved": round(sum(r["survivors_saved"] for r in rows) / n, 2),
        "mean_squad_lost": round(sum(r["squad_lost"] for r in rows) / n, 2),
    }


def seed_row(seed: int, scenario: Scenario, difficulty: str, ticks: int,
             commands: dict[int, list[Any]] | None, autopilot: bool) -> dict[str, Any]:
    """One headless game (the autopilot playing, or only the given commands) as its
    row; a top-level function so a worker process can run it."""
    from game.headless import run_headless  # game.headless pulls in the session and AI

    pilot = Autopilot() if autopilot else None
    run = run_headless(scenario, seed=seed, ticks=ticks, difficulty=difficulty,
                       commands=commands, extra_commands=pilot)
    return run_row(run.as_dict(), run.session.world)


# -- on every core --------------------------------------------------------------------------
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
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)  # Ctrl-C: do not run the rest
        raise
    pool.shutdown()
    return results


def _in_order(work, items, on_result, progress) -> list:
    results = []
    for item in items:
        results.append(work(item))
        if on_result is not None:
            on_result(results[-1])
        if progress is not None:
            progress(len(results), len(items))
    return results


def _collect(futures: list[Future], on_result, progress) -> list:
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
