"""Lost contacts drawn over the fog: a faint ghost where the squad last saw each insurgent
it has lost sight of, with how long ago ("12s"). Only what the squad remembers
(queries.remembered_contacts), never where the insurgent really is now."""

from __future__ import annotations

import functools
import math

import pygame

from game.render.camera import Camera
from game.render.text import TextCache
from game.sim.geometry import TILE_PX
from game.sim.queries import remembered_contacts

GHOST = (255, 170, 70)
GHOST_DARK = (40, 24, 10)


def draw_remembered_contacts(surface: pygame.Surface, camera: Camera, world,
                             text: TextCache) -> int:
    """A dashed ring with a '?' on each remembered contact's last known tile and its age
    under it; a sniper's (a percher's) ring has cross-hair ticks. Returns how many were drawn."""
    clip = surface.get_clip()
    r = max(6, round(camera.tile_px * 0.42))
    drawn = 0
    for contact in remembered_contacts(world):
        cx, cy = camera.world_to_screen((contact.tile[0] + 0.5) * TILE_PX,
                                        (contact.tile[1] + 0.5) * TILE_PX)
        if not clip.collidepoint(cx, cy):
            continue
        disc = _disc(r)
        surface.blit(disc, disc.get_rect(center=(cx, cy)))
        _dashed_ring(surface, (cx, cy), r)
        if contact.utype.perch:
            for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                pygame.draw.line(surface, GHOST, (cx + dx * (r - 3), cy + dy * (r - 3)),
                                 (cx + dx * (r + 4), cy + dy * (r + 4)), 2)
        size = max(12, round(r * 1.3))
        text.blit(surface, "?", (cx, cy), size, GHOST, bold=True, anchor="center")
        age = text.render(f"{int(contact.age_s(world))}s", 13, GHOST, True)
        plate = age.get_rect(midtop=(cx, cy + r + 3)).inflate(6, 2)
        surface.blit(_plate(plate.size), plate)
        surface.blit(age, age.get_rect(center=plate.center))
        drawn += 1
    return drawn


@functools.lru_cache(maxsize=8)
def _disc(r: int) -> pygame.Surface:
    """A dark, half-clear disc under the ring: the '?' reads over bright sand too."""
    img = pygame.Surface((2 * r + 2, 2 * r + 2), pygame.SRCALPHA)
    pygame.draw.circle(img, (*GHOST_DARK, 150), (r + 1, r + 1), r)
    return img


@functools.lru_cache(maxsize=16)
def _plate(size: tuple[int, int]) -> pygame.Surface:
    img = pygame.Surface(size, pygame.SRCALPHA)
    img.fill((10, 12, 14, 190))
    return img


def _dashed_ring(surface: pygame.Surface, centre: tuple[int, int], r: int) -> None:
    """Eight arcs: a broken outline reads as 'was here', not 'is here'."""
    rect = pygame.Rect(0, 0, 2 * r, 2 * r)
    rect.center = centre
    for k in range(8):
        start = k * math.pi / 4
        pygame.draw.arc(surface, GHOST_DARK, rect.inflate(2, 2), start, start + 0.5, 4)
        pygame.draw.arc(surface, GHOST, rect, start, start + 0.5, 2)
