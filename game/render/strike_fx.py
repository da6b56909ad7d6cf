"""The air strike's show: the marked target with its countdown, the jet's shadow and streak
crossing the map, then the flash, the shake, fire, smoke and debris, and a scorch mark.

StrikeFx reads strike events and the world; it never changes the world and keeps its own
random generator, so the rules' dice are untouched. Times are game seconds (effects freeze
when paused). Drawing comes in layers the battle screen calls in order:

    fx.draw_ground(surface, camera, world)   after the terrain: scorch decals
    fx.draw_air(surface, camera, world)      after units and fog: smoke, fire, debris, jet,
                                             and the marked target with its countdown
    fx.apply_shake(surface)                  after the map, before the HUD
    fx.draw_flash(surface)                   last before the HUD

A gun run (GunRunImpact) is a line of impacts walking from its start to its end over
STRAFE_WALK_S: each a spray of sparks and a dust puff, with a light shake; while it is
inbound its marker is a dashed line with the countdown.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pygame

from game.render.camera import Camera
from game.sim.catalog import TICK_HZ
from game.sim.events import GunRunImpact, StrikeImpact, StrikeInbound
from game.sim.geometry import SUB, TILE_PX
from game.sim.strikes import PASS_TICKS

JET_SPEED = 38 * TILE_PX  # world px per second
JET_LEAD_S = 0.35  # the jet is over the target this long before the bombs land
AFTER_PASS_S = 1.5
FLASH_S = 0.35
SHAKE_S = 0.9
SHAKE_PX = 14
MAX_PARTICLES = 900
MARKER = (255, 110, 60)
SMOKE_GREY = (70, 68, 64)
STRAFE_WALK_S = 0.7  # the shells walk the whole line in this time
STRAFE_STEP_PX = TILE_PX // 2  # one impact every half tile


@dataclass
class Particle:
    x: float  # world px
    y: float
    vx: float
    vy: float
    life: float  # seconds it lasts
    size: float  # px at zoom 1
    kind: str  # "fire" | "smoke" | "debris" | "spark"
    age: float = 0.0
    grow: float = 0.0  # px per second


@dataclass
class JetPass:
    tx: float  # target, world px
    ty: float
    heading: int
    age: float = 0.0  # seconds since StrikeInbound

    @property
    def until_impact(self) -> float:
        return PASS_TICKS / TICK_HZ - self.age

    def position(self) -> tuple[float, float]:
        """Where the jet is now: over the target JET_LEAD_S before impact."""
        travelled = (JET_LEAD_S - self.until_impact) * JET_SPEED
        rad = math.radians(self.heading)
        return self.tx + math.cos(rad) * travelled, self.ty + math.sin(rad) * travelled


@dataclass
class Scorch:
    x: float
    y: float
    radius: float  # world px


class StrikeFx:
    def __init__(self, seed: int = 0) -> None:
        self.rng = np.random.default_rng(seed)
        self.particles: list[Particle] = []
        self.jets: list[JetPass] = []
        self.hits: list[list[float]] = []  # gun run impacts still to land: [delay s, x, y]
        self.scorches: list[Scorch] = []
        self.flash = 0.0  # seconds of flash left
        self.shake = 0.0  # seconds of shake left
        self.clock = 0.0
        self._puffs: dict[tuple, pygame.Surface] = {}
        self._veil: pygame.Surface | None = None  # the flash's full-screen colour
        self._smoke_layer: tuple[int, pygame.Surface] | None = None
        self._font: pygame.font.Font | None = None

    # -- events and time -----------------------------------------------------------------
    def consume(self, events: list) -> None:
        for event in events:
            if isinstance(event, StrikeInbound):
                self.jets.append(JetPass(*_tile_centre_px(event.x, event.y), event.heading))
            elif isinstance(event, StrikeImpact):
                self._explode(event)
            elif isinstance(event, GunRunImpact):
                self._strafe(event)

    def update(self, game_dt: float) -> None:
        if game_dt <= 0:
            return
        self.clock += game_dt
        self.flash = max(0.0, self.flash - game_dt)
        self.shake = max(0.0, self.shake - game_dt)
        for jet in self.jets:
            jet.age += game_dt
        self._land_hits(game_dt)
        self.jets = [j for j in self.jets if j.until_impact > -AFTER_PASS_S]
        for p in self.particles:
            p.age += game_dt
            p.x += p.vx * game_dt
            p.y += p.vy * game_dt
            p.size += p.grow * game_dt
            drag = 0.25 if p.kind == "debris" else 0.6
            p.vx *= drag**game_dt
            p.vy *= drag**game_dt
        self.particles = [p for p in self.particles if p.age < p.life]

    def clear(self) -> None:
        self.particles.clear()
        self.jets.clear()
        self.hits.clear()
        self.scorches.clear()
        self.flash = self.shake = 0.0

    @property
    def busy(self) -> bool:
        return bool(self.particles or self.jets or self.hits or self.flash or self.shake)

    def _strafe(self, event: GunRunImpact) -> None:
        """Queue the impacts along the line, a little scattered either side of it."""
        ax, ay = _tile_centre_px(event.x0, event.y0)
        bx, by = _tile_centre_px(event.x1, event.y1)
        length = math.hypot(bx - ax, by - ay)
        count = max(2, int(length // STRAFE_STEP_PX) + 1)
        nx, ny = (-(by - ay) / length, (bx - ax) / length) if length else (0.0, 0.0)
        for i in range(count):
            t = i / (count - 1)
            side = float(self.rng.normal(0, TILE_PX * 0.3))
            self.hits.append([t * STRAFE_WALK_S, ax + (bx - ax) * t + nx * side,
                              ay + (by - ay) * t + ny * side])
        self.shake = max(self.shake, STRAFE_WALK_S)

    def _land_hits(self, game_dt: float) -> None:
        for hit in self.hits:
            hit[0] -= game_dt
            if hit[0] <= 0:
                x, y = hit[1], hit[2]
                self._burst(x, y, 3, 10, "spark", (0.15, 0.45), (1, 2), speed=(120, 420))
                self._burst(x, y, 5, 3, "smoke", (0.8, 1.8), (5, 10), speed=(5, 30), grow=12)
                self._burst(x, y, 2, 3, "debris", (0.3, 0.8), (1, 2), speed=(60, 200))
                self.scorches.append(Scorch(x, y, TILE_PX * 0.18))
        self.hits = [h for h in self.hits if h[0] > 0]
        if len(self.particles) > MAX_PARTICLES:
            del self.particles[: len(self.particles) - MAX_PARTICLES]

    def _explode(self, event: StrikeImpact) -> None:
        cx, cy = _tile_centre_px(event.x, event.y)
        radius = event.radius_sub * TILE_PX / SUB
        self.flash = FLASH_S
        self.shake = SHAKE_S
        self.scorches.append(Scorch(cx, cy, radius * 0.75))
        rng = self.rng
        self._burst(cx, cy, radius, 90, "fire", (0.4, 1.4), (6, 16), speed=(20, 140), grow=10)
        self._burst(cx, cy, radius, 110, "smoke", (3.0, 7.0), (10, 22), speed=(5, 60), grow=14)
        self._burst(cx, cy, radius * 0.3, 70, "debris", (0.6, 1.6), (1.5, 3.5),
                    speed=(120, 420))
        self._burst(cx, cy, radius * 0.1, 40, "spark", (0.2, 0.6), (1, 2), speed=(200, 600))
        for _ in range(6):  # fires that keep burning where the bombs fell
            fx = cx + float(rng.normal(0, radius * 0.35))
            fy = cy + float(rng.normal(0, radius * 0.35))
            self._burst(fx, fy, 6, 14, "fire", (2.0, 5.0), (4, 9), speed=(2, 18), grow=2)
        if len(self.particles) > MAX_PARTICLES:
            del self.particles[: len(self.particles) - MAX_PARTICLES]

    def _burst(self, cx: float, cy: float, spread: float, count: int, kind: str,
               life: tuple[float, float], size: tuple[float, float],
               speed: tuple[float, float], grow: float = 0.0) -> None:
        rng = self.rng
        angles = rng.uniform(0, 2 * math.pi, count)
        dists = rng.uniform(0, spread, count)
        speeds = rng.uniform(*speed, count)
        lives = rng.uniform(*life, count)
        sizes = rng.uniform(*size, count)
        for a, d, s, lf, sz in zip(angles, dists, speeds, lives, sizes, strict=True):
            ca, sa = math.cos(a), math.sin(a)
            self.particles.append(Particle(cx + ca * d, cy + sa * d, ca * s, sa * s,
                                           float(lf), float(sz), kind, grow=grow))

    # -- drawing -------------------------------------------------------------------------
    def draw_ground(self, surface: pygame.Surface, camera: Camera, world) -> None:
        """Scorch marks where bombs fell (under the units, so the fog covers them)."""
        zoom = camera.zoom
        for s in self.scorches:
            centre = camera.world_to_screen(s.x, s.y)
            r = max(2, round(s.radius * zoom))
            surface.blit(self._puff(r, (22, 18, 15), 150), (centre[0] - r, centre[1] - r))
            surface.blit(self._puff(max(1, r // 2), (8, 6, 5), 200),
                         (centre[0] - r // 2, centre[1] - r // 2))

    def _draw_marker(self, surface, camera: Camera, world, strike) -> None:
        if getattr(strike, "kind", "bomb") == "gun":
            self._draw_gun_marker(surface, camera, world, strike)
            return
        cx, cy = _tile_centre_px(strike.x, strike.y)
        centre = camera.world_to_screen(cx, cy)
        r = round(strike.radius * TILE_PX * camera.zoom)
        pulse = 0.5 + 0.5 * math.sin(self.clock * 8)
        _dashed_circle(surface, MARKER, centre, r, 24, 2)
        pygame.draw.circle(surface, MARKER, centre, max(3, round(r * 0.12 * (0.6 + pulse))), 2)
        eta = max(0.0, (strike.impact_tick - world.tick) / TICK_HZ)
        if self._font is None:
            self._font = pygame.font.Font(None, 24)
        label = self._font.render(f"IMPACT {eta:4.1f}", True, MARKER)
        surface.blit(label, label.get_rect(midbottom=(centre[0], centre[1] - r - 4)))

    def _draw_gun_marker(self, surface, camera: Camera, world, strike) -> None:
        a = camera.world_to_screen(*_tile_centre_px(strike.x, strike.y))
        b = camera.world_to_screen(*_tile_centre_px(strike.x1, strike.y1))
        length = math.hypot(b[0] - a[0], b[1] - a[1])
        dashes = max(2, int(length // 12))
        for i in range(0, dashes, 2):  # every other piece of the line: a dashed line
            p = (a[0] + (b[0] - a[0]) * i / dashes, a[1] + (b[1] - a[1]) * i / dashes)
            q = (a[0] + (b[0] - a[0]) * (i + 1) / dashes, a[1] + (b[1] - a[1]) * (i + 1) / dashes)
            pygame.draw.line(surface, MARKER, p, q, 3)
        pulse = 0.5 + 0.5 * math.sin(self.clock * 8)
        for end in (a, b):
            pygame.draw.circle(surface, MARKER, end, round(4 + 3 * pulse), 2)
        eta = max(0.0, (strike.impact_tick - world.tick) / TICK_HZ)
        if self._font is None:
            self._font = pygame.font.Font(None, 24)
        label = self._font.render(f"GUNS {eta:4.1f}", True, MARKER)
        surface.blit(label, label.get_rect(midbottom=(a[0], a[1] - 10)))

    def draw_air(self, surface: pygame.Surface, camera: Camera, world=None) -> None:
        """What hangs in the air (smoke the rules track, particles, the jet) and the marked
        target with its blast ring and countdown, drawn over the fog since everyone sees it."""
        if world is not None:
            self._draw_smoke_grid(surface, camera, world)
        zoom = camera.zoom
        puffs: list = []  # a run of puffs goes in one fblits, in the particles' order
        for p in self.particles:
            t = p.age / p.life
            pos = camera.world_to_screen(p.x, p.y)
            r = max(1, round(p.size * zoom))
            corner = (pos[0] - r, pos[1] - r)
            if p.kind == "smoke":
                puffs.append((self._puff(r, SMOKE_GREY, int(150 * (1 - t))), corner))
                continue
            if p.kind == "fire":
                puffs.append((self._puff(r, _fire_colour(t), int(230 * (1 - t))), corner))
                continue
            if puffs:
                surface.fblits(puffs)
                puffs = []
            if p.kind == "spark":
                pygame.draw.circle(surface, (255, 240, 180), pos, max(1, r // 2))
            else:
                pygame.draw.rect(surface, (52, 46, 40), (pos[0], pos[1], r + 1, r + 1))
        if puffs:
            surface.fblits(puffs)
        for jet in self.jets:
            self._draw_jet(surface, camera, jet)
        for strike in getattr(world, "strikes", ()):
            self._draw_marker(surface, camera, world, strike)

    def _draw_smoke_grid(self, surface, camera: Camera, world) -> None:
        """The sight-blocking smoke as a soft grey layer, rebuilt only when it changes."""
        smoke = getattr(world, "smoke", None)
        if smoke is None or not smoke.any():
            self._smoke_layer = None
            return
        if self._smoke_layer is None or self._smoke_layer[0] != world.tick:
            alpha = np.clip(smoke.astype(np.int32) * 190 // (6 * TICK_HZ), 0, 190)
            small = pygame.Surface((smoke.shape[1], smoke.shape[0]), pygame.SRCALPHA)
            small.fill((*SMOKE_GREY, 0))
            pygame.surfarray.pixels_alpha(small)[:] = alpha.T.astype(np.uint8)
            self._smoke_layer = (world.tick, small)
        small = self._smoke_layer[1]
        ys, xs = np.nonzero(smoke)
        x0, x1, y0, y1 = xs.min(), xs.max() + 1, ys.min(), ys.max() + 1
        tile = camera.tile_px
        piece = small.subsurface((x0, y0, x1 - x0, y1 - y0))
        scaled = pygame.transform.smoothscale(piece, ((x1 - x0) * tile, (y1 - y0) * tile))
        surface.blit(scaled, camera.world_to_screen(x0 * TILE_PX, y0 * TILE_PX))

    def _draw_jet(self, surface, camera: Camera, jet: JetPass) -> None:
        x, y = jet.position()
        rad = math.radians(jet.heading)
        fx, fy = math.cos(rad), math.sin(rad)
        zoom = camera.zoom
        # the streak: a long bright line behind the jet, fading
        for i, (length, width, shade) in enumerate(((900, 5, 60), (500, 3, 140), (200, 2, 230))):
            tail = camera.world_to_screen(x - fx * length, y - fy * length)
            head = camera.world_to_screen(x, y)
            colour = (shade, shade, min(255, shade + 20))
            pygame.draw.line(surface, colour, tail, head, max(1, round(width * zoom)) + i % 2)
        # the shadow: an arrowhead on the ground, offset as if the sun were high and west
        size = 26 * zoom
        sx, sy = camera.world_to_screen(x + 30, y + 40)
        px, py = -fy, fx
        points = [
            (sx + fx * size, sy + fy * size),
            (sx - fx * size * 0.6 + px * size * 0.8, sy - fy * size * 0.6 + py * size * 0.8),
            (sx - fx * size * 0.2, sy - fy * size * 0.2),
            (sx - fx * size * 0.6 - px * size * 0.8, sy - fy * size * 0.6 - py * size * 0.8),
        ]
        left = int(min(p[0] for p in points)) - 1
        top = int(min(p[1] for p in points)) - 1
        w = int(max(p[0] for p in points)) - left + 2
        h = int(max(p[1] for p in points)) - top + 2
        if not surface.get_rect().colliderect((left, top, w, h)):
            return
        shadow = pygame.Surface((w, h), pygame.SRCALPHA)
        pygame.draw.polygon(shadow, (0, 0, 0, 110), [(x - left, y - top) for x, y in points])
        surface.blit(shadow, (left, top))

    def apply_shake(self, surface: pygame.Surface) -> None:
        """Shift what is drawn so far by a decaying random offset."""
        if self.shake <= 0:
            return
        amp = SHAKE_PX * (self.shake / SHAKE_S) ** 2
        dx, dy = (int(v) for v in self.rng.uniform(-amp, amp, 2))
        if dx or dy:
            surface.scroll(dx, dy)

    def prepare_flash(self, size: tuple[int, int]) -> pygame.Surface:
        """The flash's full-screen colour at this window size, made once (a new one a
        frame cost ~2 ms at 1440p on top of the blend; the battle makes it while a bomb
        is inbound, so the impact's frame does not)."""
        veil = self._veil
        if veil is None or veil.get_size() != size:
            veil = self._veil = pygame.Surface(size)
            veil.fill((255, 244, 220))
        return veil

    def draw_flash(self, surface: pygame.Surface) -> None:
        if self.flash <= 0:
            return
        veil = self.prepare_flash(surface.get_size())
        veil.set_alpha(int(230 * (self.flash / FLASH_S) ** 1.5))
        surface.blit(veil, (0, 0))

    def _puff(self, r: int, colour: tuple[int, int, int], alpha: int) -> pygame.Surface:
        """A soft disc, cached by size, colour and a coarse alpha step."""
        alpha = max(0, min(255, alpha)) // 16 * 16
        key = (r, colour, alpha)
        surf = self._puffs.get(key)
        if surf is None:
            if len(self._puffs) > 600:
                self._puffs.clear()
            surf = pygame.Surface((2 * r + 1, 2 * r + 1), pygame.SRCALPHA)
            for step in range(3):
                rr = max(1, round(r * (1 - step * 0.3)))
                pygame.draw.circle(surf, (*colour, alpha // 3), (r, r), rr)
            self._puffs[key] = surf
        return surf


def _tile_centre_px(tx: int, ty: int) -> tuple[float, float]:
    return (tx + 0.5) * TILE_PX, (ty + 0.5) * TILE_PX


def _fire_colour(t: float) -> tuple[int, int, int]:
    """White-yellow at birth through orange to a dull red."""
    if t < 0.2:
        return 255, 236, 170
    if t < 0.5:
        return 255, 160, 50
    return 190, 70, 30


def _dashed_circle(surface, colour, centre, r: int, dashes: int, width: int) -> None:
    if r < 3:
        return
    rect = pygame.Rect(0, 0, 2 * r, 2 * r)
    rect.center = centre
    step = 2 * math.pi / dashes
    for i in range(dashes):
        pygame.draw.arc(surface, colour, rect, i * step, i * step + step * 0.6, width)
