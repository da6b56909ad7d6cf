"""The moving frame of bench_frames.py cut into its sections, each timed by this process's
CPU time, at each size: where a frame's time goes, and what grows with the screen.

    python benchmarks/bench_frames_sections.py [--frames 150] [--sizes 720,1080,1440]

Each section is a call the battle screen makes in a frame (a drawing function of
game.ui.battle's namespace or a method of one of the screen's parts), wrapped to add up
its CPU time; "rest" is the frame's time outside them.  The wrapping costs ~1 us a call,
so the sections add up to a little more than the frame costs unwrapped.  Prints one JSON
object: per size, the frame's mean CPU ms and each section's, largest first.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import bench_frames as frames  # noqa: E402

WARM_UP = 20  # frames that build the caches once, not timed
# drawing functions game.ui.battle calls by name in a frame
FUNCTIONS = ("draw_cones", "draw_follow_links", "draw_vehicles", "draw_units",
             "draw_extractions", "draw_known", "draw_threats", "per_tick")
# the screen's parts (attribute names) and the methods a frame calls on them
METHODS = {"fog": ("update", "draw", "dark_chunks", "open_tiles"),
           "terrain": ("draw_below", "draw_above"), "effects": ("draw",),
           "hud": ("draw",), "minimap": ("draw",), "feedback": ("draw_over_fog",),
           "strike_fx": ("draw_ground", "draw_air"), "grenade_fx": ("draw",),
           "stand_in": ("keep",)}


def timed(call, name: str, spent: Counter):
    def wrapper(*args, **kwargs):
        started = time.process_time()
        try:
            return call(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - started
    return wrapper


def wrap_sections(screen, spent: Counter) -> None:
    from game.ui import battle

    for name in FUNCTIONS:
        setattr(battle, name, timed(getattr(battle, name), name, spent))
    for part, names in METHODS.items():
        owner = getattr(screen, part)
        for name in names:
            setattr(owner, name, timed(getattr(owner, name), f"{part}.{name}", spent))


def measure(size_key: int, count: int) -> dict:
    from game.ui import battle

    saved = {name: getattr(battle, name) for name in FUNCTIONS}
    app, screen, session = frames.build_battle(frames.SIZES[size_key])
    spent: Counter = Counter()
    wrap_sections(screen, spent)
    total = 0.0
    try:
        for frame in range(count + WARM_UP):
            started = time.perf_counter()
            screen.order(frames.squad_orders(session, frame))
            screen.tick()
            screen.camera.pan(frames.pan_step(frame, 6.0), 0.0)
            if frame == WARM_UP:
                spent.clear()
                total = 0.0
            t0 = time.process_time()
            screen.update(1 / 30)
            screen.draw(app.surface, 0.5)
            total += time.process_time() - t0
            frames.give_spare_time(app, started)
    finally:
        for name, call in saved.items():  # the next size wraps the plain functions
            setattr(battle, name, call)
    spent["rest"] = max(0.0, total - sum(spent.values()))
    per_frame = {name: round(s / count * 1000.0, 3) for name, s in spent.most_common()}
    return {f"sections_{size_key}_frame_ms": round(total / count * 1000.0, 3),
            f"sections_{size_key}_ms": per_frame}


def main(argv: list[str] | None = None) -> int:
    return frames.run_per_size(measure, __doc__.splitlines()[0], 150, argv)


if __name__ == "__main__":
    raise SystemExit(main())
