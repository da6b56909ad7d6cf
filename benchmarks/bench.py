"""Danger Close benchmark: prints one JSON object of figures measured in this run.

    python benchmarks/bench.py --json          # everything
    python benchmarks/bench.py --json --quick  # fewer repetitions

Figures (ms unless named otherwise):
  sim_tick_ms / sim_tick_p99_ms / sim_tick_worst_ms  the granary's whole tick (rules + AI)
  sim_units                       units in that run
  headless_speed_x                simulated seconds per wall second on the granary
  frame_ms                        median 1280×720 battle frame: map, fog, 200 units, HUD
  fullscreen_blit_ms              one cached 1280×720 blit: the floor no frame beats
  frame_vs_blit                   frame_ms / fullscreen_blit_ms (budget: ≤ 12)
  pyscroll_frame_ms               the same view and sprites through pyscroll's renderer
  frame_vs_pyscroll               frame_ms / pyscroll_frame_ms
  map_load_ms                     load_scenario on the granary (parse + checks + grids)
  plus the AI benchmark's figures (benchmarks/bench_ai.py) when it is present.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game import MAPS_DIR  # noqa: E402

GRANARY = MAPS_DIR / "granary.tmx"
SIZE = (1280, 720)
CROWD = 200


def _median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000.0, 4)


def measure_map_load(repeats: int) -> dict:
    from game.tiled.loader import load_scenario

    load_scenario(GRANARY)  # warm the imports and the file cache
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        load_scenario(GRANARY)
        samples.append(time.perf_counter() - t0)
    return {"map_load_ms": _median_ms(samples)}


def measure_sim(ticks: int) -> dict:
    from game.session import Session
    from game.sim.commands import Move
    from game.tiled.loader import load_scenario

    session = Session(load_scenario(GRANARY), seed=1)
    squad = tuple(u.id for u in session.world.squad())
    # walk the squad into the granary so the fight, the AI and the fog all do work
    plan = {1: [Move(squad, 30, 30)], 600: [Move(squad, 36, 20)], 1500: [Move(squad, 64, 4)]}
    samples = []
    for tick in range(ticks):
        t0 = time.perf_counter()
        session.advance(plan.get(tick, []))
        samples.append(time.perf_counter() - t0)
        if session.finished:
            break
    ordered = sorted(samples)
    total = sum(samples)
    return {
        "sim_tick_ms": _median_ms(samples),
        "sim_tick_mean_ms": round(total / len(samples) * 1000, 4),
        "sim_tick_p99_ms": round(ordered[int(len(ordered) * 0.99) - 1] * 1000, 4),
        "sim_tick_worst_ms": round(ordered[-1] * 1000, 4),
        "sim_ticks": len(samples),
        "sim_units": len(session.world.units),
        "headless_speed_x": round(len(samples) / 30.0 / total, 1),
    }


def _crowded_battle(pygame):
    """The battle screen on the granary with 200 extra insurgents in view and some fog."""
    from game.app import App
    from game.session import Session
    from game.sim.geometry import SUB
    from game.tiled.loader import load_scenario
    from game.ui.battle import BattleScreen

    app = App(SIZE)
    session = Session(load_scenario(GRANARY), seed=1)
    world = session.world
    screen = BattleScreen(app, session)
    app.push(screen)
    centre_x, centre_y = 36 * SUB, 24 * SUB
    for i in range(CROWD):
        angle = i * 2.399963  # golden-angle spiral: an even spread of sprites
        radius = 0.7 * math.sqrt(i) * SUB
        x = int(centre_x + radius * math.cos(angle))
        y = int(centre_y + radius * math.sin(angle))
        world.add_unit("rifleman", x, y, facing=(i * 37) % 360)
    # the squad's eyes: a disc of clear sight in a map of remembered and unknown ground
    ys, xs = (world.terrain.walkable.shape[0], world.terrain.walkable.shape[1])
    import numpy as np

    yy, xx = np.ogrid[:ys, :xs]
    world.seen_now[:] = (xx - 36) ** 2 + (yy - 24) ** 2 <= 14**2
    world.seen_ever[:] = (xx - 36) ** 2 + (yy - 24) ** 2 <= 22**2
    screen.camera.centre_on(36 * 32, 24 * 32)
    return app, screen, world


def measure_frames(frames: int) -> dict:
    from game.app import init_pygame

    pygame = init_pygame()
    app, screen, world = _crowded_battle(pygame)
    surface = app.surface
    for _ in range(10):
        screen.draw(surface, 0.5)
    samples = []
    for i in range(frames):
        t0 = time.perf_counter()
        screen.draw(surface, (i % 10) / 10)
        samples.append(time.perf_counter() - t0)
    cached = surface.copy()
    blits = []
    for _ in range(frames):
        t0 = time.perf_counter()
        surface.blit(cached, (0, 0))
        blits.append(time.perf_counter() - t0)
    figures = {"frame_ms": _median_ms(samples), "fullscreen_blit_ms": _median_ms(blits)}
    figures["frame_vs_blit"] = round(figures["frame_ms"] / max(figures["fullscreen_blit_ms"],
                                                                1e-6), 2)
    figures.update(measure_pyscroll(pygame, app, screen, world, frames))
    if "pyscroll_frame_ms" in figures:
        figures["frame_vs_pyscroll"] = round(figures["frame_ms"] / figures["pyscroll_frame_ms"], 3)
    return figures


def measure_pyscroll(pygame, app, screen, world, frames: int) -> dict:
    """pyscroll draws the map and the sprites; fog and HUD are ours, so only the part a
    developer would swap for pyscroll differs."""
    try:
        import pyscroll
        import pytmx.util_pygame
    except ImportError:
        return {"pyscroll_frame_ms": None, "pyscroll_note": "pip install -e '.[bench]'"}
    tmx = pytmx.util_pygame.load_pygame(str(GRANARY))
    renderer = pyscroll.BufferedRenderer(pyscroll.TiledMapData(tmx), SIZE)
    group = pyscroll.PyscrollGroup(map_layer=renderer)
    for unit in world.units.values():
        sprite = pygame.sprite.Sprite()
        sprite.image = screen.sprites.sprite(unit, 32)
        sprite.rect = sprite.image.get_rect(center=(unit.x / 8, unit.y / 8))
        group.add(sprite)
    group.center((36 * 32, 24 * 32))
    surface = app.surface
    clock = app.clock
    samples = []
    for _ in range(frames + 10):
        t0 = time.perf_counter()
        group.draw(surface)
        screen.fog.draw(surface, screen.camera)
        screen.hud.draw(surface, world, screen.selected, screen.log, clock.paused, clock.scale, "")
        samples.append(time.perf_counter() - t0)
    return {"pyscroll_frame_ms": _median_ms(samples[10:])}


def measure_ai_extra(quick: bool) -> dict:
    try:
        from benchmarks.bench_ai import measure_ai
    except ImportError:
        return {}
    return measure_ai(ticks=1000 if quick else 3000)


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
    figures.update(measure_ai_extra(args.quick))
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:>24}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
