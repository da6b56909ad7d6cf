"""Cosmetic effects made from events: tracers, muzzle flashes, hit puffs, and the light
a shot or a blast throws on its surroundings for a moment.

They live in screen-independent world coordinates, age with game time (so they freeze
when paused) and never touch the world.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pygame

from game.render.camera import PX_PER_SUB, Camera
from game.render.light import Glows, glow_strength
from game.sim.events import ShotFired, StrikeImpact
from game.sim.geometry import TILE_PX

TRACER_S = 0.16
FLASH_S = 0.07
PUFF_S = 0.3
MAX_EFFECTS = 400
SHOT_LIGHT_S = 0.12  # a muzzle flash lights the ground this long
SHOT_LIGHT_TILES = 2.2  # and this far
BLAST_LIGHT_S = 0.7
MAX_LIGHTS = 8  # the newest lights drawn in a frame (each is one added blit)


HEAD = (255, 240, 160)  # a tracer's bright head
FLASH = (255, 200, 80)
FLASH_CORE = (255, 250, 220)
HIT_PUFF = (200, 40, 40)
MISS_PUFF = (170, 160, 140)


@dataclass
class Tracer:
    x0: float  # world pixels
    y0: float
    x1: float
    y1: float
    hit: bool
    age: float = 0.0
    # the shot's direction, for its muzzle flash (set once, not per frame)
    cos: float = field(init=False, default=1.0)
    sin: float = field(init=False, default=0.0)

    def __post_init__(self) -> None:
        ang = math.atan2(self.y1 - self.y0, self.x1 - self.x0)
        self.cos, self.sin = math.cos(ang), math.sin(ang)


BLAST_S = 1.2


def blast_light_radius(radius_px: float, zoom: float) -> int:
    """Screen pixels a blast of radius_px (world pixels) lights around it."""
    return max(8, round(radius_px * zoom * 1.8))


@dataclass
class Blast:
    x: float  # world pixels, centre
    y: float
    radius: float  # world pixels
    age: float = 0.0


class Effects:
    def __init__(self, time_of_day: str = "day") -> None:
        self.tracers: list[Tracer] = []
        self.blasts: list[Blast] = []
        self.light = glow_strength(time_of_day)  # how much a flash stands out
        self.glows = Glows()

    def consume(self, events: list) -> None:
        for event in events:
            if isinstance(event, ShotFired):
                self.tracers.append(Tracer(
                    event.x0 * PX_PER_SUB, event.y0 * PX_PER_SUB,
                    event.x1 * PX_PER_SUB, event.y1 * PX_PER_SUB, event.hit,
                ))
            elif isinstance(event, StrikeImpact):
                self.blasts.append(Blast((event.x + 0.5) * TILE_PX, (event.y + 0.5) * TILE_PX,
                                         event.radius_sub * PX_PER_SUB))
        if len(self.tracers) > MAX_EFFECTS:
            del self.tracers[: len(self.tracers) - MAX_EFFECTS]

    def update(self, game_dt: float) -> None:
        for tracer in self.tracers:
            tracer.age += game_dt
        self.tracers = [t for t in self.tracers if t.age < PUFF_S]
        for blast in self.blasts:
            blast.age += game_dt
        self.blasts = [b for b in self.blasts if b.age < BLAST_S]

    def clear(self) -> None:
        self.tracers.clear()
        self.blasts.clear()

    def lights(self, camera: Camera) -> list[tuple[int, int, int, float]]:
        """(screen x, screen y, radius px, strength) of the flashes and blasts lighting
        their surroundings now, newest first, at most MAX_LIGHTS."""
        zoom = camera.zoom
        out = []
        for b in reversed(self.blasts):
            if b.age < BLAST_LIGHT_S:
                x, y = camera.world_to_screen(b.x, b.y)
                k = 1.0 - b.age / BLAST_LIGHT_S
                out.append((x, y, blast_light_radius(b.radius, zoom),
                            min(1.0, self.light + 0.35) * k))
        reach = max(8, round(SHOT_LIGHT_TILES * 32 * zoom))
        near = (reach * 0.7) ** 2
        for t in reversed(self.tracers):
            if len(out) >= MAX_LIGHTS:
                break
            if t.age >= SHOT_LIGHT_S:
                continue
            x, y = camera.world_to_screen(t.x0, t.y0)
            # one light for shooters side by side: a squad's volley does not stack up
            # into a white blot
            if any((x - lx) ** 2 + (y - ly) ** 2 < near for lx, ly, _, _ in out):
                continue
            out.append((x, y, reach, self.light * (1.0 - t.age / SHOT_LIGHT_S)))
        return out[:MAX_LIGHTS]

    def warm_blasts(self, bombs: list, zoom: float) -> None:
        """In spare time while bombs are inbound, one picture of the glows their blasts
        will light, at this zoom (after a zoom the new size is built the same way)."""
        for bomb in bombs:
            if not self.glows.warm(blast_light_radius(bomb.radius * TILE_PX, zoom)):
                return

    def draw(self, surface: pygame.Surface, camera: Camera) -> None:
        zoom = camera.zoom
        self.glows.draw(surface, self.lights(camera))
        for b in self.blasts:
            k = b.age / BLAST_S
            centre = camera.world_to_screen(b.x, b.y)
            r = max(2, round(b.radius * zoom * min(1.0, 0.3 + k * 1.5)))
            heat = (255, round(230 - 150 * k), round(120 - 110 * k))
            if k < 0.35:
                pygame.draw.circle(surface, heat, centre, round(r * 0.8))
            pygame.draw.circle(surface, heat, centre, r, max(1, round(6 * (1 - k))))
        ox, oy = camera.origin()  # world_to_screen inlined: a firefight has ~60 tracers
        line, circle = pygame.draw.line, pygame.draw.circle
        # a tracer, its flash (within 17 zoomed px of its start) and its puff (7) all
        # beyond one side of the clip draw nothing: skipped before the arithmetic
        clip, reach = surface.get_clip(), 4 + round(20 * zoom)
        left, top = clip.left - reach, clip.top - reach
        right, bottom = clip.right + reach, clip.bottom + reach
        for t in self.tracers:
            age = t.age
            b = bx, by = (ox + round(t.x1 * zoom), oy + round(t.y1 * zoom))
            if age < TRACER_S:  # FLASH_S is shorter: the flash needs the line's start too
                ax, ay = ox + round(t.x0 * zoom), oy + round(t.y0 * zoom)
                if (ax < left and bx < left or ax >= right and bx >= right
                        or ay < top and by < top or ay >= bottom and by >= bottom):
                    continue  # off the screen: no puff either (it lies at b)
                fade = 1.0 - age / TRACER_S
                # the bright head runs along the line, leaving a dimmer streak behind it
                head = min(1.0, age / TRACER_S * 2.5)
                hx, hy = ax + (bx - ax) * head, ay + (by - ay) * head
                tail = max(0.0, head - 0.45)
                line(surface, (round(150 * fade + 60), round(120 * fade + 40), 40), (ax, ay),
                     (hx, hy), 1)
                line(surface, HEAD, (ax + (bx - ax) * tail, ay + (by - ay) * tail), (hx, hy), 2)
                if age < FLASH_S:
                    r = max(2, round(6 * zoom * (1.0 - age / FLASH_S)))
                    fx, fy = ax + t.cos * r * 1.8, ay + t.sin * r * 1.8
                    circle(surface, FLASH, (fx, fy), r)
                    circle(surface, FLASH_CORE, (fx, fy), max(1, r // 2))
            if age >= TRACER_S * 0.5 and left <= bx < right and top <= by < bottom:
                k = (age - TRACER_S * 0.5) / (PUFF_S - TRACER_S * 0.5)
                circle(surface, HIT_PUFF if t.hit else MISS_PUFF, b,
                       max(1, round((2 + 5 * k) * zoom)), 1 if k > 0.5 else 0)
