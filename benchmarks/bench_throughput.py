"""Headless throughput for balance work: granary games under the autopilot per second, on
one process and on every core, through the same pool as `danger-close sim --seeds` and
benchmarks/balance.py.

    python benchmarks/bench_throughput.py [--seeds 8] [--jobs N]

Figures (one JSON object):
  granary_seeds                      games played in each configuration (seeds 1..N)
  granary_seeds_per_s_1_job          games per second on one process
  granary_seeds_per_s_all_jobs       games per second on `jobs_all` processes
  jobs_all                           the processes used (default: every core)
  parallel_speedup                   all jobs / one job (the ideal is jobs_all)
  granary_rows_identical             the rows are the same whatever the number of jobs
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game import MAPS_DIR  # noqa: E402
from game.ai.autopilot_pool import default_jobs, in_parallel  # noqa: E402
from game.ai.autopilot_runs import seed_row  # noqa: E402
from game.sim.catalog import TICK_HZ  # noqa: E402
from game.tiled.loader import load_scenario  # noqa: E402

GRANARY = MAPS_DIR / "granary.tmx"
GAME_TICKS = TICK_HZ * 60 * 10  # as `sim` plays a seed: at most ten minutes


def games_per_second(seeds: list[int], jobs: int) -> tuple[float, list[dict]]:
    work = partial(seed_row, scenario=load_scenario(GRANARY), difficulty="normal",
                   ticks=GAME_TICKS, commands=None, autopilot=True)
    started = time.perf_counter()
    rows = in_parallel(work, seeds, jobs)
    return len(seeds) / (time.perf_counter() - started), rows


def measure_throughput(seed_count: int = 8, jobs: int | None = None) -> dict:
    seeds = list(range(1, seed_count + 1))
    jobs = jobs or default_jobs()
    one, rows_one = games_per_second(seeds, 1)
    many, rows_many = games_per_second(seeds, jobs)
    return {
        "granary_seeds": seed_count,
        "granary_seeds_per_s_1_job": round(one, 3),
        "granary_seeds_per_s_all_jobs": round(many, 3),
        "jobs_all": jobs,
        "parallel_speedup": round(many / one, 2),
        "granary_rows_identical": rows_one == rows_many,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=8)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args(argv)
    print(json.dumps(measure_throughput(args.seeds, args.jobs), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
