"""The frames around Falcon-2's impact: the granary, a bomb called near the squad two
seconds in, frames paced as the game paces them (60 FPS, a tick every second frame, the
spare time after each frame handed to the screen), through the impact and the 2 s after.

    python benchmarks/bench_strike_frames.py [--sizes 720,1080,1440]

Per size: strike_{n}_median_ms (every frame of the run), strike_{n}_impact_ms (the frame
that shows the impact), strike_{n}_worst_after_ms (the worst of the 2 s from the impact
on) and strike_{n}_over_frame (frames in those 2 s over 16.7 ms: a visible hitch). Wall
time of the whole frame (tick, draw); the dummy video driver presents nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game import MAPS_DIR  # noqa: E402

SIZES = {720: (1280, 720), 1080: (1920, 1080), 1440: (2560, 1440)}
FRAME_S = 1 / 60
CALL_AT_FRAMES = 120  # 2 s in
AFTER_FRAMES = 120  # the impact and the 2 s after it


def run(size: tuple[int, int]) -> dict:
    from game.app import App
    from game.session import Session
    from game.sim.geometry import SUB

    app = App(size)
    app.fixed_dt = None
    battle = app.ctx.go("battle", Session(app.ctx.load_map(MAPS_DIR / "granary.tmx"), seed=1))
    times: list[float] = []
    impact_frame = None
    frame = 0
    while impact_frame is None or frame < impact_frame + AFTER_FRAMES:
        if frame == CALL_AT_FRAMES:
            lead = battle.world.squad()[0]
            aim = battle.strike_aim
            orders = aim.click(battle.world, (lead.x // SUB + 8, lead.y // SUB + 6))
            battle.order(orders or aim.confirm())
        used = battle.world.stats.strikes_used
        started = time.perf_counter()
        app.step_frame(FRAME_S)
        took = time.perf_counter() - started
        times.append(took)
        if impact_frame is None and battle.strike_fx.flash > 0 and used:
            impact_frame = frame
        app.give_idle(FRAME_S - took)
        frame += 1
        if frame > CALL_AT_FRAMES + 60 * 20:
            raise RuntimeError("the strike never landed")
    after = times[impact_frame:]
    return {"median_ms": round(statistics.median(times) * 1000, 2),
            "impact_ms": round(times[impact_frame] * 1000, 2),
            "worst_after_ms": round(max(after) * 1000, 2),
            "over_frame": sum(1 for t in after if t > FRAME_S)}


def measure_strike_frames(sizes: tuple[int, ...] = tuple(SIZES)) -> dict:
    figures = {}
    with tempfile.TemporaryDirectory() as home:
        before = os.environ.get("DANGER_CLOSE_HOME")
        os.environ["DANGER_CLOSE_HOME"] = home  # the player's own settings stay untouched
        try:
            for key in sizes:
                for name, value in run(SIZES[key]).items():
                    figures[f"strike_{key}_{name}"] = value
        finally:
            if before is None:
                del os.environ["DANGER_CLOSE_HOME"]
            else:
                os.environ["DANGER_CLOSE_HOME"] = before
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="720,1080,1440")
    args = parser.parse_args(argv)
    sizes = tuple(int(k) for k in args.sizes.split(","))
    print(json.dumps(measure_strike_frames(sizes), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
