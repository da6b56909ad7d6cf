"""The whole tick (rules and insurgent AI) with 200 insurgents, 20 survivors and the squad.

A generated 128×128 map of walled compounds, sandbags and raised rafters; the squad
(made tough, so the fight lasts) sweeps across it while every insurgent group wakes, hunts
and fights.  `measure_ai()` returns the figures for benchmarks/bench.py; run this file to
print them as JSON:

    python benchmarks/bench_ai.py [--ticks 3000] [--seed 1] [--repeats 3] [--why 5]

Times are wall (perf_counter) and CPU (thread_time): on a shared machine the wall figures
carry other people's work, so the budgets are read off the CPU ones; `--repeats` tells a
tick that is slow every time (a real spike) from one the machine made slow once.
`--why N` runs the battle once more with each system of step() timed and names, for the N
slowest ticks, the systems that cost them (`sim_tick_200_why`); "gc" there is the garbage
collector's time in that tick: inside whichever system it interrupted, or the paced
collection after the tick (game/gc_pace.py).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import game.sim.step as step_module  # noqa: E402
from game.ai.insurgents import think  # noqa: E402
from game.gc_pace import collect_after_tick  # noqa: E402
from game.sim.commands import Move  # noqa: E402
from game.sim.geometry import centre_of  # noqa: E402
from game.sim.scenario import (  # noqa: E402
    CivilianSpawn,
    InsurgentSpawn,
    MissionRules,
    Scenario,
    SquadSpawn,
)
from game.sim.step import step  # noqa: E402
from game.sim.terrain import COVER_HIGH, COVER_LOW, Terrain  # noqa: E402
from game.sim.world import new_world  # noqa: E402

SIZE = 128
ROLES = ("rifleman", "rifleman", "rifleman", "gunner", "scout", "sniper")
SWEEP = ((64, 64), (100, 30), (100, 100), (30, 100), (30, 30), (64, 64))


def generated_scenario(seed: int = 1, insurgents: int = 200, survivors: int = 20) -> Scenario:
    rng = np.random.default_rng(seed)
    t = Terrain.empty(SIZE, SIZE)
    for _ in range(45):  # walled compounds with a door gap on each side
        w, h = rng.integers(6, 14, size=2)
        x, y = rng.integers(2, SIZE - 16, size=2)
        wall = np.zeros((SIZE, SIZE), dtype=bool)
        wall[y, x : x + w] = wall[y + h, x : x + w + 1] = True
        wall[y : y + h, x] = wall[y : y + h, x + w] = True
        wall[y, x + w // 2] = wall[y + h, x + w // 2] = False
        wall[y + h // 2, x] = wall[y + h // 2, x + w] = False
        t.walkable &= ~wall
        t.opaque |= wall
        t.cover[wall] = COVER_HIGH
    bags = (rng.random((SIZE, SIZE)) < 0.04) & t.walkable
    t.walkable &= ~bags
    t.cover[bags] = COVER_LOW
    crates = (rng.random((SIZE, SIZE)) < 0.01) & t.walkable
    t.walkable &= ~crates
    t.cover[crates] = COVER_HIGH
    for _ in range(8):  # rafters for the snipers
        x, y = rng.integers(4, SIZE - 8, size=2)
        t.elevation[y : y + 3, x : x + 6] = 2
    t.walkable[60:69, 60:69] = True
    t.opaque[60:69, 60:69] = False
    t.cover[60:69, 60:69] = 0
    sc = Scenario("generated", SIZE, SIZE, t, MissionRules(title="bench", rescue_required=1))
    sc.squad.append(SquadSpawn(centre_of(64), centre_of(64)))
    open_tiles = np.argwhere(t.walkable)
    picks = rng.choice(len(open_tiles), size=insurgents + survivors, replace=False)
    for n, index in enumerate(picks):
        y, x = (int(v) for v in open_tiles[index])
        if n < survivors:
            sc.civilians.append(CivilianSpawn(centre_of(x), centre_of(y), hidden=True))
            continue
        role = ROLES[n % len(ROLES)]
        if role == "sniper":
            t.elevation[y, x] = 2
        sc.insurgents.append(InsurgentSpawn(
            centre_of(x), centre_of(y), role=role, group=f"g{n // 8}",
            facing=int(rng.integers(0, 8)) * 45,
        ))
    return sc


def measure_ai(ticks: int = 3000, seed: int = 1, difficulty: str = "normal",
               repeats: int = 1, why: int = 0) -> dict:
    """Mean and worst whole-tick time and the AI's mean share, in milliseconds.

    With `repeats` > 1 the same battle (the same seed: the same work tick by tick) runs
    again and each tick keeps its least CPU time over the runs (the `_min_` figures): a
    tick slow in every run is a real spike, one slow in a single run was the machine."""
    figures, cpu = _run(ticks, seed, difficulty)
    runs = [cpu]
    for _ in range(repeats - 1):
        runs.append(_run(ticks, seed, difficulty)[1])
    if repeats > 1:
        least = np.min(np.array(runs), axis=0)
        figures.update({
            "sim_tick_200_min_cpu_ms": round(float(least.mean()) * 1000, 3),
            "sim_tick_200_min_p99_cpu_ms": round(float(np.percentile(least, 99)) * 1000, 3),
            "sim_tick_200_min_worst_cpu_ms": round(float(least.max()) * 1000, 3),
            "sim_tick_200_min_worst_tick": int(np.argmax(least)),
            "ai_repeats": repeats,
        })
    if why:
        least = np.min(np.array(runs), axis=0)
        figures["sim_tick_200_why"] = _why(ticks, seed, difficulty, least, why)
    return figures


def _why(ticks: int, seed: int, difficulty: str, cpu: np.ndarray, count: int) -> list[dict]:
    """For the `count` ticks slowest by `cpu` (seconds per tick), the four systems that
    cost each the most in a run with every system timed (the timing adds a little)."""
    by_system: list[dict[str, float]] = [{} for _ in range(ticks)]
    with _timed_systems(by_system):
        _run(ticks, seed, difficulty)
    out = []
    for tick in np.argsort(cpu)[::-1][:count].tolist():
        costs = sorted(by_system[tick].items(), key=lambda kv: -kv[1])[:4]
        out.append({"tick": tick, "cpu_ms": round(float(cpu[tick]) * 1000, 3),
                    "systems_ms": {name: round(t * 1000, 3) for name, t in costs}})
    return out


@contextlib.contextmanager
def _timed_systems(by_system: list[dict[str, float]]):
    """Wrap each system step() calls (the functions game/sim/step.py imports from the
    rules) and think, adding their CPU time to by_system[world tick] while it lasts."""
    global think
    current: dict[str, float] = {"start": 0.0, "tick": -1}  # the tick a system last ran in

    def gc_timed(phase: str, info: dict) -> None:
        if phase == "start":
            current["start"] = time.thread_time()
            return
        tick = int(current["tick"])
        if 0 <= tick < len(by_system):
            ticked = by_system[tick]
            ticked["gc"] = ticked.get("gc", 0.0) + time.thread_time() - current["start"]

    names = [name for name, value in vars(step_module).items() if callable(value)
             and getattr(value, "__module__", "").startswith("game.sim.")
             and name not in ("step", "World", "TickFacts")]
    originals = {name: getattr(step_module, name) for name in names}

    def timed(name: str, system):
        def run(world, *args):
            current["tick"] = world.tick
            start = time.thread_time()
            try:
                return system(world, *args)
            finally:
                if world.tick < len(by_system):
                    ticked = by_system[world.tick]
                    ticked[name] = ticked.get(name, 0.0) + time.thread_time() - start
        return run

    plain_think = think
    for name, system in originals.items():
        setattr(step_module, name, timed(name, system))
    think = timed("think", plain_think)
    gc.callbacks.append(gc_timed)
    try:
        yield
    finally:
        gc.callbacks.remove(gc_timed)
        for name, system in originals.items():
            setattr(step_module, name, system)
        think = plain_think


def _run(ticks: int, seed: int, difficulty: str) -> tuple[dict, list[float]]:
    """One battle: its figures and every tick's CPU time in seconds."""
    world = new_world(generated_scenario(seed), seed=seed, difficulty=difficulty)
    for member in world.squad() + world.civilians():
        member.hp = 1_000_000  # the fight must last the whole run: no one may end it
    ids = tuple(u.id for u in world.squad())
    leg = max(ticks // len(SWEEP), 1)
    gc.collect()
    gc.freeze()  # as the battle screen does once a mission is built (game/ui/battle.py)
    whole: list[float] = []
    ai: list[float] = []
    cpu: list[float] = []  # thread CPU time: tells a loaded machine from a real spike
    events = shots = 0
    for tick in range(ticks):
        orders = []
        if tick % leg == 0:
            x, y = SWEEP[min(tick // leg, len(SWEEP) - 1)]
            orders.append(Move(ids, x, y))
        c0 = time.thread_time()
        t0 = time.perf_counter()
        ai_orders = think(world)
        t1 = time.perf_counter()
        happened = step(world, orders + ai_orders)
        collect_after_tick(world.tick)  # as Session.advance does after every tick
        t2 = time.perf_counter()
        cpu.append(time.thread_time() - c0)
        events += len(happened)
        shots += sum(1 for e in happened if type(e).__name__ == "ShotFired")
        whole.append(t2 - t0)
        ai.append(t1 - t0)
    gc.unfreeze()
    alerted = sum(1 for u in world.insurgents() if u.mind.alert != "green")
    return {
        "sim_tick_200_ms": round(statistics.fmean(whole) * 1000, 3),
        "sim_tick_200_worst_ms": round(max(whole) * 1000, 3),
        "sim_tick_200_worst_cpu_ms": round(max(cpu) * 1000, 3),
        "sim_tick_200_cpu_ms": round(statistics.fmean(cpu) * 1000, 3),
        "sim_tick_200_p99_cpu_ms": round(float(np.percentile(cpu, 99)) * 1000, 3),
        "sim_tick_200_p99_ms": round(float(np.percentile(whole, 99)) * 1000, 3),
        "ai_tick_ms": round(statistics.fmean(ai) * 1000, 3),
        "ai_ticks": ticks,
        "ai_outcome": world.outcome,
        "ai_events": events,
        "ai_insurgents_alive": sum(1 for u in world.insurgents() if u.alive),
        "ai_insurgents_alerted": alerted,
        "ai_shots": shots,
    }, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ticks", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--difficulty", default="normal")
    parser.add_argument("--repeats", type=int, default=1,
                        help="run the battle this many times; each tick keeps its least CPU")
    parser.add_argument("--why", type=int, default=0, metavar="N",
                        help="name the systems that cost the N slowest ticks")
    args = parser.parse_args(argv)
    print(json.dumps(measure_ai(args.ticks, args.seed, args.difficulty, args.repeats,
                                args.why), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
