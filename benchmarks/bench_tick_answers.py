"""The renderer's once-a-tick questions, timed right after each tick on the bench battle.

bench_frames.py's crowded granary battle (200 extra insurgents, the squad walking its
loop) is ticked; after each tick, queries.remembered_contacts and queries.visible_units
are asked once, as the first frame after a tick asks them, and timed by this thread's CPU
time (the first 100 ticks left out while the fight builds up):

    python benchmarks/bench_tick_answers.py [--ticks 600]

Prints the mean and median of each in microseconds and how many each answered.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import bench_frames as frames  # noqa: E402

SETTLE_TICKS = 100


def measure(ticks: int) -> dict:
    from game.app import init_pygame
    from game.sim.queries import remembered_contacts, visible_units

    init_pygame()
    _app, screen, session = frames.build_battle(frames.SIZES[720])
    world = session.world
    took: dict[str, list[float]] = {"remembered_contacts": [], "visible_units": []}
    answered: dict[str, list[int]] = {"remembered_contacts": [], "visible_units": []}
    for tick in range(ticks):
        screen.order(frames.squad_orders(session, tick))
        screen.tick()
        for name, question in (("remembered_contacts", remembered_contacts),
                               ("visible_units", visible_units)):
            started = time.thread_time()
            answer = question(world)
            if tick >= SETTLE_TICKS:
                took[name].append(time.thread_time() - started)
                answered[name].append(len(answer))
    out: dict = {}
    for name, times in took.items():
        out[f"{name}_us"] = round(statistics.fmean(times) * 1e6, 1)
        out[f"{name}_median_us"] = round(statistics.median(times) * 1e6, 1)
        out[f"{name}_count"] = round(statistics.fmean(answered[name]), 1)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ticks", type=int, default=600)
    args = parser.parse_args(argv)
    print(json.dumps(measure(max(args.ticks, SETTLE_TICKS + 1)), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
