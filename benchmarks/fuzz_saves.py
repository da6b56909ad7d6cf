"""The long run of the quicksave and commands-file fuzzer: figures, not asserts.

    python -m benchmarks.fuzz_saves --saves 2000 --commands 500 --workers 2

Each worker is `python -m tests.save_fuzzing` with its own seed, an address-space limit
(RLIMIT_AS) and a per-case alarm; this prints the summed figures (cases, refused,
accepted and played, tracebacks, hangs, memory blow-ups) and the wall time."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIGURES = ("cases", "refused", "accepted", "tracebacks", "hangs", "memory")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=2000)
    parser.add_argument("--commands", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    start = time.perf_counter()
    workers = []
    for i in range(args.workers):
        share = [str(n // args.workers + (i < n % args.workers))
                 for n in (args.saves, args.commands)]
        cmd = [sys.executable, "-m", "tests.save_fuzzing", "--seed", str(args.seed + i),
               "--saves", share[0], "--commands", share[1]]
        workers.append(subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True))
    totals = {kind: dict.fromkeys(FIGURES, 0) for kind in ("saves", "commands")}
    findings, died = [], 0
    for worker in workers:
        out, err = worker.communicate()
        if worker.returncode != 0:
            died += 1
            findings.append(f"worker exit {worker.returncode}: {err[-2000:]}")
            continue
        result = json.loads(out.splitlines()[-1])
        for kind, figures in result.items():
            for name in FIGURES:
                totals[kind][name] += figures[name]
            findings += figures["findings"]
    seconds = time.perf_counter() - start
    for kind, figures in totals.items():
        print(f"{kind:>9}: " + "  ".join(f"{k} {v}" for k, v in figures.items()))
    print(f"  workers: {args.workers} (died: {died}); wall time {seconds:.1f} s")
    for finding in findings[:10]:
        print("---\n" + finding)
    return 1 if died or findings else 0


if __name__ == "__main__":
    sys.exit(main())
