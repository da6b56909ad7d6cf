"""The long map fuzz run: `python -m benchmarks.fuzz_maps --count 5000 [--seed 1] [--jobs 2]`.

Mutants of the shipped maps, the test maps, their tilesets, templates and the project file
(tests/map_fuzz.py), each through the validator and, if it validates, the loader, the tile
atlas and 300 sim ticks, in workers limited to 1.5 GB of address space and 10 s a mutant.
Prints the outcome counts, the time taken, and every traceback, hang or memory blow-up.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.map_fuzz import MEMORY_LIMIT, SIM_TICKS, TIMEOUT_S, run_campaign


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=1, help="worker processes side by side")
    parser.add_argument("--timeout", type=float, default=TIMEOUT_S)
    parser.add_argument("--ticks", type=int, default=SIM_TICKS)
    args = parser.parse_args()
    share = -(-args.count // args.jobs)
    started = time.time()
    with (tempfile.TemporaryDirectory(prefix="fuzz_maps_") as work,
          ThreadPoolExecutor(args.jobs) as pool):
        runs = [pool.submit(run_campaign, min(share, args.count - k * share),
                            args.seed + k * share, Path(work) / f"job{k}", args.timeout,
                            args.ticks, sys.stdout)
                for k in range(args.jobs)]
        tallies = [r.result() for r in runs]
    counts: Counter = sum((t.counts for t in tallies), Counter())
    failures = [f for t in tallies for f in t.failures]
    print(f"\n{sum(counts.values())} mutants from seed {args.seed} in "
          f"{time.time() - started:.0f} s (limits: {MEMORY_LIMIT >> 20} MB address space, "
          f"{args.timeout:g} s, {args.ticks} sim ticks)")
    for status in ("ok", "refused", "traceback", "bad_message", "hang", "memory"):
        print(f"{status:>12}: {counts.get(status, 0)}")
    print(f"peak worker RSS: {max(t.peak_rss_kb for t in tallies) // 1024} MB")
    for seed, note, status, detail in failures:
        print(f"\n[{seed}] {status}: {note}\n{detail}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
