"""The moving-frame benchmark of bench_frames.py timed by this process's CPU time
(time.process_time) instead of the wall clock, for comparing two builds on a shared,
loaded machine: another process taking the core does not count against the frame.

    python benchmarks/bench_frames_cpu.py [--frames 200] [--sizes 720,1080,1440]

Prints cpu_{n}_median_ms, cpu_{n}_p99_ms and cpu_{n}_mean_ms per size, as one JSON object.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import bench_frames as frames  # noqa: E402

WARM_UP = 20  # frames that build the caches once, not timed


def measure(size_key: int, count: int) -> dict:
    app, screen, session = frames.build_battle(frames.SIZES[size_key])
    surface = app.surface
    samples: list[float] = []
    for frame in range(count + WARM_UP):
        started = time.perf_counter()
        screen.order(frames.squad_orders(session, frame))
        screen.tick()
        screen.camera.pan(frames.pan_step(frame, 6.0), 0.0)
        t0 = time.process_time()
        screen.update(1 / 30)
        screen.draw(surface, 0.5)
        if frame >= WARM_UP:
            samples.append(time.process_time() - t0)
        frames.give_spare_time(app, started)
    return {f"cpu_{size_key}_median_ms": frames.median_ms(samples),
            f"cpu_{size_key}_p99_ms": frames.p99_ms(samples),
            f"cpu_{size_key}_mean_ms": round(statistics.mean(samples) * 1000.0, 3)}


def main(argv: list[str] | None = None) -> int:
    return frames.run_per_size(measure, __doc__.splitlines()[0], 200, argv)


if __name__ == "__main__":
    raise SystemExit(main())
