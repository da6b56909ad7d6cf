"""Sound costs: synthesising the whole bank (it runs off the main thread at start-up, the
short battle sounds first), and the per-tick cost of choosing, placing and thinning the
cues, the tension and the beds, on the granary with the autopilot playing (silent bank: no
device needed).  Prints JSON:

    python benchmarks/bench_sound.py [--runs 5] [--ticks 2000]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game import MAPS_DIR  # noqa: E402
from game.ai.autopilot import Autopilot  # noqa: E402
from game.audio.bank import SoundBank  # noqa: E402
from game.audio.director import Audio  # noqa: E402
from game.audio.registry import all_synths  # noqa: E402
from game.audio.soundlog import SoundLog  # noqa: E402
from game.session import Session  # noqa: E402
from game.tiled.loader import load_scenario  # noqa: E402

LONG = ("wind", "distant_fire", "tension", "explosion", "jet", "cannon")  # built after the
# battle's effects (game/audio/registry.py): "effects ready" is the time until the first
# of them starts.


def measure_bank(runs: int) -> dict:
    totals, first = [], []
    synths = all_synths()
    for _ in range(runs):
        bank = SoundBank(None)
        start = time.perf_counter()
        ready = None
        for name, make in synths.items():
            if ready is None and name in LONG:
                ready = time.perf_counter() - start
            bank.add(name, make(bank.rate))
        totals.append(time.perf_counter() - start)
        first.append(ready or totals[-1])
    audio_s = sum(len(s) for s in bank.samples.values()) / bank.rate
    return {"sounds": len(bank.samples), "audio_s": round(audio_s, 1),
            "bank_ms_min": round(1000 * min(totals), 1),
            "bank_ms_median": round(1000 * statistics.median(totals), 1),
            "effects_ready_ms_min": round(1000 * min(first), 1),
            "effects_ready_ms_median": round(1000 * statistics.median(first), 1)}


def measure_ticks(ticks: int) -> dict:
    session = Session(load_scenario(MAPS_DIR / "granary.tmx"), seed=1)
    audio = Audio(log=SoundLog(enabled=False))
    audio.bank = SoundBank(None)  # no device: everything up to the mixer is measured
    audio.ambient(True)
    pilot = Autopilot()
    costs = []
    for _ in range(ticks):
        if session.finished:
            break
        events = session.advance(pilot.commands(session.world))
        squad = session.world.squad()
        cx = sum(u.x for u in squad) / len(squad) / 256
        cy = sum(u.y for u in squad) / len(squad) / 256
        start = time.perf_counter()
        audio.on_tick(events, session.world, (cx, cy, 20.0, 11.25))
        costs.append(time.perf_counter() - start)
    first, costs = costs[0], sorted(costs[1:])  # the first tick imports and maps the ground
    return {"ticks": len(costs), "first_tick_ms": round(1e3 * first, 1),
            "tick_us_mean": round(1e6 * statistics.mean(costs), 1),
            "tick_us_p99": round(1e6 * costs[int(0.99 * (len(costs) - 1))], 1),
            "tick_us_max": round(1e6 * costs[-1], 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--ticks", type=int, default=2000)
    args = parser.parse_args()
    print(json.dumps({"bank": measure_bank(args.runs), "battle": measure_ticks(args.ticks)}))


if __name__ == "__main__":
    main()
