"""Hand grenades on the map: the arc of one in the air, the danger ring of one on the
ground with its fuse running down, and the flash of the burst.

Only what the squad knows is drawn: a grenade in the air whose throw it saw (or its own),
the rings of queries.known_grenades, and bursts on ground it sees. The ring is drawn
over the fog, so a ring the squad saw land stays on the map until it goes off.
"""

from __future__ import annotations

import math

import pygame

from game.render.camera import Camera
from game.sim.catalog import TICK_HZ
from game.sim.events import GrenadeExploded
from game.sim.queries import known_grenades

RING = (255, 90, 60)
SHELL = (40, 44, 36)
FLASH_TICKS = TICK_HZ // 2
ARC_HEIGHT_TILES = 1.2  # how high the drawn arc rises at its middle


class GrenadeFx:
    def __init__(self, text) -> None:
        self.text = text  # game.render.text.TextCache
        self.bursts: list[tuple[int, int, int, int]] = []  # x, y (sub), radius_sub, tick

    def consume(self, events: list, tick: int) -> None:
        for event in events:
            if isinstance(event, GrenadeExploded):
                self.bursts.append((event.x, event.y, event.radius_sub, tick))

    def draw(self, surface: pygame.Surface, camera: Camera, world, alpha: float) -> None:
        now = world.tick + alpha
        for grenade in world.grenades:
            if not grenade.landed and grenade.seen:
                self._arc(surface, camera, grenade, now)
        for grenade in known_grenades(world):
            self._ring(surface, camera, grenade, now)
        self.bursts = [b for b in self.bursts if world.tick - b[3] < FLASH_TICKS]
        for x, y, radius_sub, tick in self.bursts:
            k = (now - tick) / FLASH_TICKS
            centre = camera.sub_to_screen(x, y)
            r = max(2, round(radius_sub / 256 * camera.tile_px * min(1.0, 0.4 + k)))
            heat = (255, max(0, round(220 - 140 * k)), max(0, round(110 - 100 * k)))
            pygame.draw.circle(surface, heat, centre, r, max(1, round(5 * (1 - k))))

    def _arc(self, surface: pygame.Surface, camera: Camera, g, now: float) -> None:
        span = max(1, g.land_tick - g.thrown_tick)
        p = min(1.0, max(0.0, (now - g.thrown_tick) / span))
        x, y = g.x0 + (g.x - g.x0) * p, g.y0 + (g.y - g.y0) * p
        ground = camera.sub_to_screen(x, y)
        lift = round(math.sin(math.pi * p) * ARC_HEIGHT_TILES * camera.tile_px)
        pygame.draw.circle(surface, (0, 0, 0), ground, max(2, camera.tile_px // 8))  # shadow
        pygame.draw.circle(surface, SHELL, (ground[0], ground[1] - lift),
                           max(3, camera.tile_px // 6))

    def _ring(self, surface: pygame.Surface, camera: Camera, g, now: float) -> None:
        left = max(0.0, (g.burst_tick - now) / TICK_HZ)
        centre = camera.sub_to_screen(g.x, g.y)
        r = round(g.radius * camera.tile_px)
        pulse = 0.5 + 0.5 * math.sin(now * 0.6)
        disc = pygame.Surface((2 * r + 2, 2 * r + 2), pygame.SRCALPHA)
        pygame.draw.circle(disc, (*RING, round(40 + 40 * pulse)), (r + 1, r + 1), r)
        surface.blit(disc, (centre[0] - r - 1, centre[1] - r - 1))
        pygame.draw.circle(surface, RING, centre, r, 2)
        pygame.draw.circle(surface, SHELL, centre, max(3, camera.tile_px // 6))
        self.text.blit(surface, f"{left:.1f}", (centre[0], centre[1] - 6), 18, RING,
                       bold=True, anchor="midbottom")
