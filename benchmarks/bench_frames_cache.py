"""The same battle frame drawn with the CPU caches warm and after they were swept, to
tell what the frame's own work costs from what its memory traffic costs on a machine
whose caches a tick (200 insurgents) and other processes keep flushing.

The scene is bench_frames.py's (the granary's crowded hall, the squad walking, the
camera panning), run 100 frames to warm the picture caches; then, at each size:
  hot_{n}_ms          one redraw of the same tick, repeated back to back (best of 7 x 30)
  fresh_tick_{n}_ms   the same, with the once-a-tick answers dropped before each redraw
                      (the unit keys, visible units, contacts, minimap dots, HUD texts)
  swept_{n}_ms        one redraw after ~40 MB of other memory was read and written (the
                      median of 30): what a frame meets after a tick
  blit_{n}_ms         the full-screen blit floor, as bench_frames.py measures it (hot)
All by this thread's CPU time.  swept / hot is the share memory traffic adds.

    python benchmarks/bench_frames_cache.py [--sizes 720,1080,1440]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import timeit
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import bench_frames as frames  # noqa: E402

WARM_UP = 100
SWEEP_BYTES = 40_000_000


def _best_ms(fn, number: int = 30, repeat: int = 7) -> float:
    return round(min(timeit.repeat(fn, number=number, repeat=repeat, timer=time.thread_time))
                 / number * 1000.0, 3)


def _drop_tick_answers(screen) -> None:
    """Forget what the screen keeps once a tick, as a new tick would."""
    from game.render import contacts, tick_memo

    tick_memo.forget()
    screen.sprites._tick_of_keys = ()
    screen.minimap._dotted_key = None
    screen.hud._said = None
    for stamps in list(contacts._Stamps._by_text.values()):
        stamps._spots_of = None


def measure(size_key: int) -> dict:
    import numpy as np

    app, screen, session = frames.build_battle(frames.SIZES[size_key])
    surface = app.surface
    for frame in range(WARM_UP):
        screen.order(frames.squad_orders(session, frame))
        screen.tick()
        screen.camera.pan(frames.pan_step(frame, 6.0), 0.0)
        screen.update(1 / 30)
        screen.draw(surface, 0.5)
        app.give_idle(0.03)  # the pictures built ahead, as a quiet machine would
    hot = _best_ms(lambda: screen.draw(surface, 0.5))

    def fresh() -> None:
        _drop_tick_answers(screen)
        screen.draw(surface, 0.5)

    fresh_tick = _best_ms(fresh, number=10)
    other = np.ones(SWEEP_BYTES // 8)
    swept = []
    for _ in range(30):
        other[::8] += other.sum() * 0.0  # read all of it, write a line in eight
        started = time.thread_time()
        screen.draw(surface, 0.5)
        swept.append(time.thread_time() - started)
    copy = surface.copy()
    key = str(size_key)
    return {f"hot_{key}_ms": hot, f"fresh_tick_{key}_ms": fresh_tick,
            f"swept_{key}_ms": frames.median_ms(swept),
            f"blit_{key}_ms": frames.median_ms(
                [timeit.timeit(lambda: surface.blit(copy, (0, 0)), number=1)
                 for _ in range(200)])}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="720,1080,1440")
    args = parser.parse_args(argv)
    from game.app import init_pygame

    init_pygame()
    figures: dict = {}
    for size_key in (int(s) for s in args.sizes.split(",") if s):
        figures.update(measure(size_key))
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
