"""Where the moving battle's frame spikes come from: every frame from the first (no
warm-up) timed by process CPU time, with the caches each frame built beside it.

    python benchmarks/bench_hitches.py [--frames 300] [--size 720] [--zoom-at 150]

Prints, as one JSON object, the median and p99 of all frames, of the frames after the
first 20, and the frames over twice the median with what was built in each (terrain
chunks, cone sizes and angles, sprite poses, a fresh fog window).  --zoom-at N zooms in
at frame N, as a player does, so the caches of a new zoom level show up too.
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

from benchmarks import bench_frames as frames  # noqa: E402


def cache_counts(screen) -> dict:
    """How much each render cache holds (it only grows between clears)."""
    return {"chunks": screen.terrain.chunks_built,
            "cone_sizes": len(screen.cones._bases),
            "cone_angles": len(screen.cones._cache),
            "poses": len(screen.sprites._cache),
            "ahead": screen.ahead.pieces_built,  # of the above, built for the next zooms
            "fog": screen.fog._window_key}


def built(before: dict, after: dict) -> list[str]:
    names = []
    for key in ("chunks", "cone_sizes", "cone_angles", "poses", "ahead"):
        grown = after[key] - before[key]
        if grown > 0:
            names.append(f"{key}+{grown}")
    if after["fog"] != before["fog"]:
        names.append("fog")
    return names


def run(size_key: int, count: int, zoom_at: int) -> dict:
    app, screen, session = frames.build_battle(frames.SIZES[size_key])
    screen.selected = {u.id for u in session.world.squad()}  # their cones show, as in play
    surface = app.surface
    samples, notes = [], []
    for frame in range(count):
        started = time.perf_counter()
        screen.order(frames.squad_orders(session, frame))
        screen.tick()
        screen.camera.pan(frames.pan_step(frame, 6.0), 0.0)
        if frame == zoom_at:
            screen.camera.zoom_at(1, surface.get_width() / 2, surface.get_height() / 2)
        before = cache_counts(screen)
        t0 = time.process_time()
        screen.update(1 / 30)
        screen.draw(surface, 0.5)
        samples.append(time.process_time() - t0)
        notes.append(built(before, cache_counts(screen)))
        frames.give_spare_time(app, started)
    median = frames.median_ms(samples)
    spikes = [{"frame": i, "ms": round(s * 1000, 2), "built": notes[i]}
              for i, s in enumerate(samples) if s * 1000 > 2 * median]
    return {"size": size_key, "median_ms": median, "p99_ms": frames.p99_ms(samples),
            "after20_median_ms": frames.median_ms(samples[20:]),
            "after20_p99_ms": frames.p99_ms(samples[20:]),
            "max_ms": round(max(samples) * 1000, 2), "spikes": spikes}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=300)
    parser.add_argument("--size", type=int, default=720)
    parser.add_argument("--zoom-at", type=int, default=150)
    args = parser.parse_args(argv)
    from game.app import init_pygame

    init_pygame()
    print(json.dumps(run(args.size, args.frames, args.zoom_at), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
