"""The battle frame with issue 15's feedback at its heaviest: the exposure overlay on and
the mouse hovering a tile (shields and watchers), against the same frame with both off,
on the crowded granary of bench_frames.py. Prints one JSON object (ms).

    python benchmarks/bench_feedback.py [--frames 200] [--sizes 720,1080]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from benchmarks.bench_frames import (  # noqa: E402
    SIZES,
    build_battle,
    pan_step,
    squad_orders,
)
from benchmarks.timing import median_ms, p99_ms  # noqa: E402


def measure(size_key: int, frames: int, feedback: bool) -> list[float]:
    app, screen, session = build_battle(SIZES[size_key])
    w, h = app.surface.get_size()
    if feedback:
        screen.feedback.preview.exposure_on = True
        screen.feedback.mouse = (w // 2 + 40, h // 2 + 40)
    draws = []
    for frame in range(frames + 20):
        screen.order(squad_orders(session, frame))
        screen.tick()
        screen.camera.pan(pan_step(frame, 6.0), 0.0)
        t0 = time.perf_counter()
        screen.update(1 / 30)
        screen.draw(app.surface, 0.5)
        if frame >= 20:
            draws.append(time.perf_counter() - t0)
    return draws


def main(argv: list[str] | None = None) -> int:
    from game.app import init_pygame

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=200)
    parser.add_argument("--sizes", default="720,1080")
    args = parser.parse_args(argv)
    init_pygame()
    out = {}
    for size_key in (int(s) for s in args.sizes.split(",") if s):
        for on in (False, True):
            draws = measure(size_key, args.frames, on)
            tag = "feedback_on" if on else "feedback_off"
            out[f"frame_{size_key}_{tag}_ms"] = median_ms(draws)
            out[f"frame_{size_key}_{tag}_p99_ms"] = p99_ms(draws)
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
