"""How many units the sim runs in real time: ticks per second against civilians plus
insurgents on a shipped map (the figure behind the loader's MAX_UNITS).

    python -m benchmarks.map_units [--map maps/granary.tmx] [--counts 50,200,...]
"""

from __future__ import annotations

import argparse
import dataclasses
import time

import numpy as np

from game.headless import run_headless
from game.sim.catalog import TICK_HZ
from game.sim.geometry import centre_of
from game.tiled.loader import MAX_UNITS, load_scenario


def crowded(scenario, count: int, seed: int = 1):
    """The scenario with `count` insurgents and civilians (half each) on walkable tiles."""
    rng = np.random.default_rng(seed)
    ys, xs = np.nonzero(scenario.terrain.walkable)
    picks = rng.choice(len(xs), size=count)
    ins, civ = scenario.insurgents[0], scenario.civilians[0]
    insurgents, civilians = [], []
    for k, i in enumerate(picks.tolist()):
        x, y = centre_of(int(xs[i])), centre_of(int(ys[i]))
        if k % 2:
            civilians.append(dataclasses.replace(civ, x=x, y=y))
        else:
            insurgents.append(dataclasses.replace(ins, x=x, y=y, patrol=(), ambush=False,
                                                  reinforcement=False))
    return dataclasses.replace(scenario, insurgents=insurgents, civilians=civilians)


def ticks_per_second(scenario, ticks: int) -> float:
    start = time.perf_counter()
    report = run_headless(scenario, seed=1, ticks=ticks)
    return report.session.world.tick / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--map", default="maps/granary.tmx")
    parser.add_argument("--counts", default="50,200,500,1000,2000,5000")
    parser.add_argument("--ticks", type=int, default=150)
    args = parser.parse_args()
    base = load_scenario(args.map)
    print(f"map {args.map}, {args.ticks} ticks each; real time is {TICK_HZ} ticks/s; "
          f"the loader's cap is {MAX_UNITS} units")
    for count in (int(c) for c in args.counts.split(",")):
        rate = ticks_per_second(crowded(base, count), args.ticks)
        print(f"{count:6d} units: {rate:8.1f} ticks/s ({rate / TICK_HZ:5.2f}x real time)")


if __name__ == "__main__":
    main()
