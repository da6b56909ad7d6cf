"""Frame cost of a battle that moves, at three window sizes, beside its blit floor.

The scene: the granary with 200 extra insurgents around the hall, awake and fighting the
squad, which walks a loop through the building so its sight (and so the fog) changes
every tick; the camera pans back and forth across the hall; effects (tracers, flashes)
play from the fight's own events.  Each frame runs one simulation tick (not timed: the
tick has its own benchmark) and then the battle screen's `update` and `draw` (timed).

Figures per size (720, 1080, 1440):
  frame_{n}_ms / frame_{n}_p99_ms    median and 99th percentile of the moving frame
  frame_{n}_cpu_ms / _cpu_p99_ms     the same frames by this process's CPU time (on a
                                     shared machine, wall p99 counts other processes' turns)
  blit_{n}_ms                        one cached full-screen blit at that size (the floor)
  frame_{n}_vs_blit                  median / floor (budget: <= 12)
  frame_{n}_p99_vs_median            p99 / median (budget: <= 2)
  frame_still_{n}_ms                 the same scene with nothing moving (the old figure)
  frame_{n}_tick2_ms / _tick2_p99_ms the moving frame at the game's pace, a tick every
                                     second frame (the figures above tick every frame)
and, at 720p, pyscroll drawing the same moving view (map + sprites) under our fog and HUD.

    python benchmarks/bench_frames.py [--frames 300] [--sizes 720,1080,1440]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import median_ms, p99_ms  # noqa: E402
from game import MAPS_DIR  # noqa: E402

GRANARY = MAPS_DIR / "granary.tmx"
SIZES = {720: (1280, 720), 1080: (1920, 1080), 1440: (2560, 1440)}
CROWD = 200
HALL = (36, 24)  # tile at the middle of the granary's hall
LOOP = ((30, 30), (36, 20), (44, 26), (36, 32), (28, 24))  # the squad's walk, in tiles
PAN_PERIOD_FRAMES = 240  # one sweep left-right-left of the camera






def build_battle(size: tuple[int, int]):
    """An App and a battle screen on the granary with the crowd placed and awake."""
    from game.app import App
    from game.session import Session
    from game.sim.geometry import SUB
    from game.tiled.loader import load_scenario
    from game.ui.battle import BattleScreen

    app = App(size)
    app.fixed_dt = 1 / 30
    session = Session(load_scenario(GRANARY), seed=1)
    world = session.world
    screen = BattleScreen(app.ctx, session)
    app.push(screen)
    walkable = world.terrain.walkable
    placed = 0
    i = 0
    while placed < CROWD and i < CROWD * 20:
        angle = i * 2.399963  # golden-angle spiral: an even spread
        radius = 0.75 * math.sqrt(i)
        tx = int(HALL[0] + radius * math.cos(angle))
        ty = int(HALL[1] + radius * math.sin(angle))
        i += 1
        if 0 <= ty < walkable.shape[0] and 0 <= tx < walkable.shape[1] and walkable[ty, tx]:
            world.add_unit("rifleman", tx * SUB + SUB // 2, ty * SUB + SUB // 2,
                           facing=(i * 37) % 360)
            placed += 1
    # the squad starts in the hall, so from the first timed frame the view holds the
    # fight: lit ground, sight edges, the crowd, shots (from the map's spawn it would walk
    # 30 tiles of open ground first, under a camera showing never-seen dark)
    start = LOOP[0]
    for k, member in enumerate(world.squad()):
        tx, ty = start[0] + k % 2, start[1] + k // 2
        member.x = member.last_x = tx * SUB + SUB // 2
        member.y = member.last_y = ty * SUB + SUB // 2
        member.hp = 1_000_000  # the fight must last the whole run
    screen.camera.centre_on(HALL[0] * 32, HALL[1] * 32)
    return app, screen, session


def squad_orders(session, frame: int) -> list:
    from game.sim.commands import Move

    if frame % 90:
        return []
    ids = tuple(u.id for u in session.world.squad())
    x, y = LOOP[(frame // 90) % len(LOOP)]
    return [Move(ids, x, y)]


def pan_step(frame: int, speed_px: float) -> float:
    """Screen pixels to pan this frame: a steady sweep that turns round every half period."""
    return speed_px if (frame // (PAN_PERIOD_FRAMES // 2)) % 2 == 0 else -speed_px


def measure_moving(size_key: int, frames: int) -> dict:
    size = SIZES[size_key]
    app, screen, session = build_battle(size)
    surface = app.surface
    draws: list[float] = []
    cpu: list[float] = []  # the same frames by CPU time: another process's turn not counted
    idles: list[float] = []  # building ahead in the spare time after each frame
    fog_changes = 0
    last_seen = session.world.seen_now.copy()
    dt = 1 / 30
    shots = [0]
    count_shots_into(session, shots)
    for frame in range(frames + 20):
        started = time.perf_counter()
        screen.order(squad_orders(session, frame))
        screen.tick()
        screen.camera.pan(pan_step(frame, 6.0), 0.0)
        t0, c0 = time.perf_counter(), time.process_time()
        screen.update(dt)
        screen.draw(surface, 0.5)
        elapsed, used = time.perf_counter() - t0, time.process_time() - c0
        t1 = time.perf_counter()
        give_spare_time(app, started)
        idle = time.perf_counter() - t1
        if frame >= 20:  # the first frames build the caches once
            draws.append(elapsed)
            cpu.append(used)
            idles.append(idle)
            seen = session.world.seen_now
            if not (seen == last_seen).all():
                fog_changes += 1
                last_seen = seen.copy()
    paced = measure_game_pace(app, screen, session, surface, frames)
    blit = measure_blit(surface, frames)
    still = measure_still(screen, surface, frames)
    key = str(size_key)
    figures = {
        f"frame_{key}_ms": median_ms(draws),
        f"frame_{key}_p99_ms": p99_ms(draws),
        f"frame_{key}_cpu_ms": median_ms(cpu),
        f"frame_{key}_cpu_p99_ms": p99_ms(cpu),
        f"idle_{key}_ms": median_ms(idles),  # after the frame is shown, not in it
        f"blit_{key}_ms": blit,
        f"frame_still_{key}_ms": still,
        f"frame_{key}_tick2_ms": median_ms(paced),
        f"frame_{key}_tick2_p99_ms": p99_ms(paced),
        f"frame_{key}_fog_changes": fog_changes,
        f"frame_{key}_shots": shots[0],
    }
    figures[f"frame_{key}_vs_blit"] = round(figures[f"frame_{key}_ms"] / max(blit, 1e-6), 2)
    figures[f"frame_{key}_p99_vs_median"] = round(
        figures[f"frame_{key}_p99_ms"] / max(figures[f"frame_{key}_ms"], 1e-6), 2)
    if size_key == 720:
        figures.update(measure_pyscroll_moving(app, screen, session, frames))
    return figures


def give_spare_time(app, frame_started: float) -> None:
    """What the app hands the screen after a frame: the rest of a frame at the 60 FPS cap
    counted from frame_started, tick included (nothing when the frame ran over), so a
    heavy frame meets the same in-frame building ahead as in the game."""
    from game.app import FRAME_S

    app.give_idle(FRAME_S - (time.perf_counter() - frame_started))


def measure_game_pace(app, screen, session, surface, frames: int) -> list[float]:
    """The same battle, carrying on, drawn at the game's own pace: at the 60 FPS cap with
    30 ticks a second a tick comes every second frame (drawn at alpha 0, then 0.5), so
    what is kept once a tick is used twice; the frames above tick every frame."""
    draws = []
    for frame in range(frames):
        started = time.perf_counter()
        if frame % 2 == 0:
            screen.order(squad_orders(session, frame // 2))
            screen.tick()
        screen.camera.pan(pan_step(frame, 6.0), 0.0)
        t0 = time.perf_counter()
        screen.update(1 / 60)
        screen.draw(surface, (frame % 2) / 2)
        draws.append(time.perf_counter() - t0)
        give_spare_time(app, started)
    return draws


def count_shots_into(session, tally: list[int]) -> None:
    """Wrap `session.advance` so the benchmark can say the fight really happened."""
    advance = session.advance

    def counted(commands):
        events = advance(commands)
        tally[0] += sum(1 for e in events if type(e).__name__ == "ShotFired")
        return events

    session.advance = counted


def measure_blit(surface, frames: int) -> float:
    cached = surface.copy()
    samples = []
    for _ in range(frames):
        t0 = time.perf_counter()
        surface.blit(cached, (0, 0))
        samples.append(time.perf_counter() - t0)
    return median_ms(samples)


def measure_still(screen, surface, frames: int) -> float:
    samples = []
    for i in range(frames):
        t0 = time.perf_counter()
        screen.draw(surface, (i % 10) / 10)
        samples.append(time.perf_counter() - t0)
    return median_ms(samples)


def measure_pyscroll_moving(app, screen, session, frames: int) -> dict:
    """pyscroll draws the map and sprites of the same moving view; fog and HUD are ours."""
    try:
        import pygame
        import pyscroll
        import pytmx.util_pygame
    except ImportError:
        return {"pyscroll_frame_ms": None, "pyscroll_note": "pip install -e '.[bench]'"}
    size = app.surface.get_size()
    tmx = pytmx.util_pygame.load_pygame(str(GRANARY))
    renderer = pyscroll.BufferedRenderer(pyscroll.TiledMapData(tmx), size)
    group = pyscroll.PyscrollGroup(map_layer=renderer)
    sprites = {}
    for unit in session.world.units.values():
        sprite = pygame.sprite.Sprite()
        sprite.image = screen.sprites.sprite(unit, 32)
        sprite.rect = sprite.image.get_rect()
        sprites[unit.id] = sprite
        group.add(sprite)
    surface = app.surface
    camera = screen.camera
    world = session.world
    samples = []
    for frame in range(frames + 20):
        screen.order(squad_orders(session, frame))
        screen.tick()
        camera.pan(pan_step(frame, 6.0), 0.0)
        t0 = time.perf_counter()
        for unit_id, sprite in sprites.items():
            unit = world.units.get(unit_id)
            if unit is not None:
                sprite.rect.center = (unit.x / 8, unit.y / 8)
        group.center((camera.x + camera.view_w / 2, camera.y + camera.view_h / 2))
        group.draw(surface)
        screen.fog.update(world.seen_now, world.seen_ever)
        screen.fog.draw(surface, camera)
        clock = app.clock
        screen.hud.draw(surface, world, screen.selected, screen.log, clock.paused,
                        clock.scale, "")
        if frame >= 20:
            samples.append(time.perf_counter() - t0)
    return {"pyscroll_frame_ms": median_ms(samples), "pyscroll_frame_p99_ms": p99_ms(samples)}


def measure_all(frames: int, sizes: list[int]) -> dict:
    from game.app import init_pygame

    init_pygame()
    figures: dict = {}
    for size_key in sizes:
        figures.update(measure_moving(size_key, frames))
    if 720 in sizes:  # the historical keys mean the moving 720p frame
        figures["frame_ms"] = figures["frame_720_ms"]
        figures["fullscreen_blit_ms"] = figures["blit_720_ms"]
        figures["frame_vs_blit"] = figures["frame_720_vs_blit"]
        if figures.get("pyscroll_frame_ms"):
            figures["frame_vs_pyscroll"] = round(
                figures["frame_ms"] / figures["pyscroll_frame_ms"], 3)
    return figures


def run_per_size(measure, description: str, default_frames: int,
                 argv: list[str] | None = None) -> int:
    """The command line the per-size frame benchmarks share: --frames and --sizes, SDL
    started as the game starts it, and measure(size_key, frames)'s figures printed as one
    JSON object."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--frames", type=int, default=default_frames)
    parser.add_argument("--sizes", default="720,1080,1440")
    args = parser.parse_args(argv)
    from game.app import init_pygame

    init_pygame()
    figures: dict = {}
    for size_key in (int(s) for s in args.sizes.split(",") if s):
        figures.update(measure(size_key, args.frames))
    print(json.dumps(figures, indent=2))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=300)
    parser.add_argument("--sizes", default="720,1080,1440")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    print(json.dumps(measure_all(args.frames, sizes), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
