"""Presenting a finished frame (`display.flip`) in a real window, at the three desktop
sizes, as the game sets SDL up (`game.app.init_pygame`: SDL_FRAMEBUFFER_ACCELERATION=0).

Needs a real display: the dummy video driver's flip does nothing, so there the script
says so and prints no figures. On this machine run it inside a virtual screen:

    ../shared/tools/playtest --size 2560x1440 -- python benchmarks/bench_present.py ::: wait:20

Figures: present_{720,1080,1440}_ms (median) and _p90_ms, the window's size (the
1440p window is as tall as the screen allows), and the video driver. DESIGN.md's
budget for presenting is 1 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import median_ms  # noqa: E402

SIZES = {720: (1280, 720), 1080: (1920, 1080), 1440: (2560, 1440)}


def measure(pygame, size: tuple[int, int], frames: int) -> tuple[list[float], tuple[int, int]]:
    """Flip a window of `size` (shrunk to fit the screen) `frames` times, each after
    changing every pixel (as a panning battle does); returns the flip times."""
    desktop = pygame.display.get_desktop_sizes()[0]
    fitted = (min(size[0], desktop[0]), min(size[1], desktop[1]))
    surface = pygame.display.set_mode(fitted)
    times = []
    for i in range(frames + 10):
        pygame.event.pump()
        surface.fill((i % 200, 60, 90))
        started = time.perf_counter()
        pygame.display.flip()
        if i >= 10:  # the first flips map the window
            times.append(time.perf_counter() - started)
    return times, fitted


def p90_ms(samples: list[float]) -> float:
    ordered = sorted(samples)
    return round(ordered[int(len(ordered) * 0.9)] * 1000.0, 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=200)
    args = parser.parse_args(argv)
    from game.app import init_pygame

    if os.environ.get("SDL_VIDEODRIVER") == "dummy" or not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        print(json.dumps({"present_skipped": "no real display (run it under playtest)"}))
        return 0
    pygame = init_pygame()
    figures: dict[str, object] = {"present_driver": pygame.display.get_driver()}
    for key, size in SIZES.items():
        times, fitted = measure(pygame, size, args.frames)
        figures[f"present_{key}_ms"] = median_ms(times)
        figures[f"present_{key}_p90_ms"] = p90_ms(times)
        figures[f"present_{key}_window"] = f"{fitted[0]}x{fitted[1]}"
    print(json.dumps(figures, indent=2), flush=True)
    pygame.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
