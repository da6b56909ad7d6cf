"""pygame-ce's GPU renderer (pygame._sdl2.video: Window, Renderer, Texture) beside the
software frame, on the moving battle of bench_frames.py, where this machine allows.

This machine has no GPU, so SDL's *software* renderer stands in: the figures say what the
renderer API costs when SDL does its work on the CPU (the fallback a GPU build would meet
on a machine like this one), not what a graphics card would do.  Per size:

  gpu_{n}_present_ms    the finished software frame uploaded to a streaming texture and
                        presented (how the renderer would show today's frame)
  gpu_{n}_compose_ms    the battle composed on the renderer from resident textures: the
                        terrain chunks in view, the unit pictures, the fog veil (uploaded
                        when the fog changed) and the HUD (uploaded each frame)
  soft_{n}_ms           the software frame (update + draw) of the same run
  gpu_{n}_driver        the renderer asked for ("software": accelerated=0)

    python benchmarks/bench_frames_gpu.py [--frames 120] [--sizes 720,1080,1440] [--cpu]
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
from benchmarks.timing import median_ms  # noqa: E402
from game.render.camera import PX_PER_SUB  # noqa: E402

WARM_UP = 20


class Textures:
    """A texture per source surface, made once (the GPU path keeps pictures resident)."""

    def __init__(self, renderer) -> None:
        from pygame._sdl2.video import Texture

        self.make = Texture.from_surface
        self.renderer = renderer
        self._by_id: dict[int, tuple] = {}

    def of(self, surface):
        kept = self._by_id.get(id(surface))
        if kept is None or kept[0] is not surface:
            kept = self._by_id[id(surface)] = (surface, self.make(self.renderer, surface))
        return kept[1]


def compose_on_renderer(renderer, textures: Textures, screen, fog_tex, hud_layer) -> None:
    """The battle drawn with renderer copies: terrain, units, fog, HUD (a subset of the
    software frame: no cones, tracers, marks or minimap, so it flatters the renderer)."""
    camera = screen.camera
    renderer.draw_color = (20, 20, 22, 255)
    renderer.clear()
    level = screen.terrain._levels.get(camera.tile_px, {})
    ox, oy = camera.origin()
    span = 16 * camera.tile_px
    w, h = camera.view_w, camera.view_h
    for (cx, cy), pieces in level.items():
        bx, by = ox + cx * span, oy + cy * span
        if bx > w or by > h or bx + span < 0 or by + span < 0:
            continue
        for img, (dx, dy) in pieces:
            textures.of(img).draw(dstrect=(bx + dx, by + dy))
    k = camera.zoom * PX_PER_SUB
    for unit in screen.world.units.values():
        shown = screen.sprites._shown.get(unit.id)
        if shown is None:
            continue
        img, hw, hh = shown[1]
        textures.of(img).draw(dstrect=(ox + round(unit.x * k) - hw, oy + round(unit.y * k) - hh))
    fog_tex.draw(dstrect=(0, 0))
    screen.hud.draw(hud_layer, screen.world, screen.selected, screen.log, False, 1.0, "")
    from pygame._sdl2.video import Texture

    Texture.from_surface(renderer, hud_layer).draw(dstrect=(0, 0))  # alpha-blended
    renderer.present()


def measure(size_key: int, count: int, clock) -> dict:
    import pygame
    from pygame._sdl2.video import Renderer, Texture, Window

    app, screen, session = frames.build_battle(frames.SIZES[size_key])
    size = app.surface.get_size()
    window = Window("bench", size=size, hidden=True)
    renderer = Renderer(window, accelerated=0)
    textures = Textures(renderer)
    stream = Texture(renderer, size, streaming=True)
    fog_layer = pygame.Surface(size, pygame.SRCALPHA)
    hud_layer = pygame.Surface(size, pygame.SRCALPHA)
    fog_tex, fog_rev = None, None
    soft, present, compose = [], [], []
    for frame in range(count + WARM_UP):
        screen.order(frames.squad_orders(session, frame))
        screen.tick()
        screen.camera.pan(frames.pan_step(frame, 6.0), 0.0)
        t0 = clock()
        screen.update(1 / 30)
        screen.draw(app.surface, 0.5)
        t1 = clock()
        stream.update(app.surface)
        renderer.clear()
        stream.draw()
        renderer.present()
        t2 = clock()
        if screen.fog.revision != fog_rev:  # the veil as a texture, uploaded on change
            fog_layer.fill((0, 0, 0, 0))
            screen.fog.draw(fog_layer, screen.camera)
            fog_tex, fog_rev = Texture.from_surface(renderer, fog_layer), screen.fog.revision
        hud_layer.fill((0, 0, 0, 0))
        compose_on_renderer(renderer, textures, screen, fog_tex, hud_layer)
        t3 = clock()
        if frame >= WARM_UP:
            soft.append(t1 - t0)
            present.append(t2 - t1)
            compose.append(t3 - t2)
    key = str(size_key)
    return {f"soft_{key}_ms": median_ms(soft), f"gpu_{key}_present_ms": median_ms(present),
            f"gpu_{key}_compose_ms": median_ms(compose),
            f"gpu_{key}_driver": "software"}  # accelerated=0 asks SDL for it


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=120)
    parser.add_argument("--sizes", default="720,1080,1440")
    parser.add_argument("--cpu", action="store_true", help="time by CPU, not the wall")
    args = parser.parse_args(argv)
    from game.app import init_pygame

    init_pygame()
    clock = time.process_time if args.cpu else time.perf_counter
    figures: dict = {"clock": "cpu" if args.cpu else "wall"}
    for size_key in (int(s) for s in args.sizes.split(",") if s):
        figures.update(measure(size_key, args.frames, clock))
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
