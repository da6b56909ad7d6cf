"""Danger Close benchmark: prints one JSON object of figures measured in this run.

    python benchmarks/bench.py --json          # everything
    python benchmarks/bench.py --json --quick  # fewer repetitions

Figures (ms unless named otherwise):
  sim_tick_ms / sim_tick_p99_ms / sim_tick_worst_ms  the granary's whole tick (rules + AI)
  sim_units                       units in that run
  headless_speed_x                simulated seconds per wall second on the granary
  sim_tick_cpu_mean_ms, headless_speed_cpu_x  the same by the thread's CPU time (a
                                  shared machine's wall figures carry others' work)
  frame_{720,1080,1440}_ms        median battle frame while it moves (camera pans, units
                                  walk and shoot, fog rebuilds), 200 extra insurgents
  frame_{720,1080,1440}_p99_ms    its 99th percentile
  frame_{720,1080,1440}_cpu_ms    the same frames by CPU time (and _cpu_p99_ms)
  idle_{720,1080,1440}_ms         building ahead for a zoom in the spare time after each
                                  frame (at most 2 ms; not part of the frame)
  blit_{720,1080,1440}_ms         one cached full-screen blit at that size: the floor
  frame_still_{720,1080,1440}_ms  the same scene with nothing moving
  frame_ms, fullscreen_blit_ms    the moving 720p frame and its floor
  frame_vs_blit                   frame_ms / fullscreen_blit_ms (budget: ≤ 12)
  pyscroll_frame_ms               pyscroll drawing the same moving 720p view
  frame_vs_pyscroll               frame_ms / pyscroll_frame_ms
  map_load_ms                     load_scenario on the granary (parse + checks + grids)
  startup_ms                      a fresh interpreter to the first drawn title screen
  startup_cpu_ms                  the same, its CPU time (a busy machine inflates wall)
  startup_cold_ms                 the same with no cached bytecode (the first run ever)
  sim_tick_200_*                  the 200-insurgent tick (benchmarks/bench_ai.py): mean,
                                  p99, worst by wall and CPU; the full run repeats it 3
                                  times and `_min_` keys keep each tick's least CPU time
  granary_seeds_per_s_*           granary games under the autopilot per second, one
                                  process and every core (benchmarks/bench_throughput.py)
  strike_{720,1080,1440}_*        frames around Falcon-2's impact at the game's pace: the
                                  median, the impact's frame, the worst of the 2 s after
                                  and how many of those ran over 16.7 ms
                                  (benchmarks/bench_strike_frames.py)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import median_ms  # noqa: E402
from game import MAPS_DIR  # noqa: E402

GRANARY = MAPS_DIR / "granary.tmx"
SIZE = (1280, 720)
CROWD = 200




def measure_map_load(repeats: int) -> dict:
    from game.tiled.loader import load_scenario

    load_scenario(GRANARY)  # warm the imports and the file cache
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        load_scenario(GRANARY)
        samples.append(time.perf_counter() - t0)
    return {"map_load_ms": median_ms(samples, 4)}


def measure_sim(ticks: int) -> dict:
    from game.session import Session
    from game.sim.commands import Move
    from game.tiled.loader import load_scenario

    session = Session(load_scenario(GRANARY), seed=1)
    squad = tuple(u.id for u in session.world.squad())
    # walk the squad into the granary so the fight, the AI and the fog all do work
    plan = {1: [Move(squad, 30, 30)], 600: [Move(squad, 36, 20)], 1500: [Move(squad, 64, 4)]}
    samples = []
    cpu = 0.0  # thread CPU time: what the tick costs, whatever else the machine runs
    for tick in range(ticks):
        c0 = time.thread_time()
        t0 = time.perf_counter()
        session.advance(plan.get(tick, []))
        samples.append(time.perf_counter() - t0)
        cpu += time.thread_time() - c0
        if session.finished:
            break
    ordered = sorted(samples)
    total = sum(samples)
    return {
        "sim_tick_ms": median_ms(samples, 4),
        "sim_tick_mean_ms": round(total / len(samples) * 1000, 4),
        "sim_tick_p99_ms": round(ordered[int(len(ordered) * 0.99) - 1] * 1000, 4),
        "sim_tick_worst_ms": round(ordered[-1] * 1000, 4),
        "sim_ticks": len(samples),
        "sim_units": len(session.world.units),
        "headless_speed_x": round(len(samples) / 30.0 / total, 1),
        "sim_tick_cpu_mean_ms": round(cpu / len(samples) * 1000, 4),
        "headless_speed_cpu_x": round(len(samples) / 30.0 / cpu, 1),
    }


def measure_frames(frames: int) -> dict:
    """Moving frames at 720p, 1080p and 1440p beside their blit floors (bench_frames.py)."""
    from benchmarks.bench_frames import measure_all

    return measure_all(frames, [720, 1080, 1440])


def measure_startup(repeats: int) -> dict:
    """A fresh interpreter to the first drawn title screen (`--frames 1`, saved as a BMP:
    a PNG's compression alone took 0.5 s and is no part of starting).  Python's bytecode
    is cached as an installed game's is (in a scratch folder, after one warm-up run);
    `startup_cold_ms` is the first run, compiling every module.  Wall time and the
    child's CPU time (user + system), which a busy machine does not inflate."""
    import resource
    import subprocess
    import tempfile

    wall, cpu = [], []
    cold = None
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, DANGER_CLOSE_HOME=home,
                   PYTHONPYCACHEPREFIX=str(Path(home) / "pycache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        command = [sys.executable, "-m", "game", "--frames", "1",
                   "--screenshot", str(Path(home) / "title.bmp")]
        for run in range(repeats + 1):
            used = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run(command, env=env, cwd=str(Path(__file__).resolve().parent.parent),
                           capture_output=True, check=False)
            elapsed = time.perf_counter() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if run == 0:
                cold = elapsed
                continue
            wall.append(elapsed)
            cpu.append(after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime)
    return {"startup_ms": median_ms(wall, 4), "startup_cpu_ms": median_ms(cpu, 4),
            "startup_cold_ms": round(cold * 1000, 4)}


def measure_ai_extra(quick: bool) -> dict:
    """The 200-insurgent tick; the full run plays it three times so each tick's least
    CPU time tells a real spike from the machine's (the `_min_` keys)."""
    from benchmarks.bench_ai import measure_ai

    return measure_ai(ticks=1000 if quick else 3000, repeats=1 if quick else 3)


def measure_games(quick: bool) -> dict:
    """Granary games under the autopilot per second, one process and every core."""
    from benchmarks.bench_throughput import measure_throughput

    return measure_throughput(seed_count=2 if quick else 8)


def measure_strike() -> dict:
    """Frames around Falcon-2's impact at each size (bench_strike_frames.py)."""
    from benchmarks.bench_strike_frames import measure_strike_frames

    return measure_strike_frames()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args(argv)
    figures: dict = {}
    figures.update(measure_map_load(3 if args.quick else 10))
    figures.update(measure_sim(900 if args.quick else 4000))
    figures.update(measure_frames(60 if args.quick else 300))
    figures.update(measure_startup(3 if args.quick else 5))
    figures.update(measure_ai_extra(args.quick))
    figures.update(measure_games(args.quick))
    figures.update(measure_strike())
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:>24}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
