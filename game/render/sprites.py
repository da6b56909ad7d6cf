"""Unit sprites drawn in code: a body with side colours, a gun barrel or facing notch,
cached per look, angle bucket and zoom so no frame rotates or redraws a body."""

from __future__ import annotations

import math

import pygame

from game.render.camera import PX_PER_SUB, Camera
from game.render.text import TextCache
from game.sim.geometry import TILE_PX
from game.sim.queries import visible_units
from game.sim.units import Unit

ANGLE_BUCKETS = 32
SQUAD_COLOURS = {
    "rafiq": (52, 120, 200),
    "hana": (40, 168, 160),
    "maaz": (70, 140, 110),
    "rima": (96, 110, 200),
}
SQUAD_INITIALS = {"rafiq": "R", "hana": "H", "maaz": "M", "rima": "Ri"}
INSURGENT_COLOUR = (150, 62, 44)
CIVILIAN_COLOUR = (228, 196, 64)
SIZE_BY_KIND = {"child": 0.24, "elder": 0.29, "adult": 0.3, "gunner": 0.36}
BARREL_BY_WEAPON = {  # (length in body radii, width in px at zoom 1)
    "sniper": (2.0, 2), "marksman": (1.9, 2), "lmg": (1.6, 4), "rifle": (1.6, 3),
}
SELECT_COLOUR = (120, 255, 140)


def body_colour(unit: Unit) -> tuple[int, int, int]:
    if unit.side == "squad":
        return SQUAD_COLOURS.get(unit.kind, (60, 130, 200))
    if unit.side == "insurgent":
        return INSURGENT_COLOUR
    return CIVILIAN_COLOUR


def interpolated(unit: Unit, alpha: float) -> tuple[float, float]:
    """Where to draw a unit between its last two ticks (sub units)."""
    return (unit.last_x + (unit.x - unit.last_x) * alpha,
            unit.last_y + (unit.y - unit.last_y) * alpha)


class SpriteCache:
    def __init__(self, text: TextCache) -> None:
        self.text = text
        self._cache: dict[tuple, tuple[pygame.Surface, int, int]] = {}
        self._radii: dict[tuple[str, int], int] = {}
        self._whole: dict[tuple, pygame.Surface] = {}

    def radius(self, unit: Unit, tile_px: int) -> int:
        key = (unit.kind, tile_px)
        r = self._radii.get(key)
        if r is None:
            r = self._radii[key] = max(3, round(tile_px * SIZE_BY_KIND.get(unit.kind, 0.33)))
        return r

    def sprite(self, unit: Unit, tile_px: int) -> pygame.Surface:
        """The unit's image with the unit at its centre (uncropped), for other renderers."""
        key = self._key(unit, tile_px)
        img = self._whole.get(key)
        if img is None:
            img = self._whole[key] = self._draw(unit, key[1], key[2], tile_px)
        return img

    def lookup(self, unit: Unit, tile_px: int) -> tuple[pygame.Surface, int, int]:
        """The unit's image cropped to its drawn pixels, and where the unit's centre is in
        it.  An alpha blit pays for every pixel it covers, empty or not, and the wasted
        area of a square sprite around a round body and one barrel is over half."""
        key = self._key(unit, tile_px)
        hit = self._cache.get(key)
        if hit is None:
            img = self._draw(unit, key[1], key[2], tile_px)
            used = img.get_bounding_rect()
            half_w, half_h = img.get_width() // 2, img.get_height() // 2
            hit = self._cache[key] = (img.subsurface(used).copy(), half_w - used.x,
                                      half_h - used.y)
        return hit

    @staticmethod
    def _key(unit: Unit, tile_px: int) -> tuple:
        life = unit.life
        if life == "dead" or life == "downed":  # lying still: one look, no facing
            return unit.kind, life, 0, tile_px
        bucket = round(unit.facing * ANGLE_BUCKETS / 360) % ANGLE_BUCKETS
        return unit.kind, "live", bucket, tile_px

    def _draw(self, unit: Unit, look: str, bucket: int, tile_px: int) -> pygame.Surface:
        r = self.radius(unit, tile_px)
        weapon = unit.weapon.name if unit.weapon else ""
        length, width = BARREL_BY_WEAPON.get(weapon, (1.45, 3))
        half = math.ceil(r * max(length, 1.2)) + 2
        surf = pygame.Surface((half * 2, half * 2), pygame.SRCALPHA)
        c = (half, half)
        colour = body_colour(unit)
        if look == "dead":
            dark = tuple(v // 3 for v in colour)
            pygame.draw.ellipse(surf, (*dark, 200), (half - r, half - r * 0.6, r * 2, r * 1.2))
            k = r * 0.5
            pygame.draw.line(surf, (40, 10, 10), (half - k, half - k), (half + k, half + k), 2)
            pygame.draw.line(surf, (40, 10, 10), (half - k, half + k), (half + k, half - k), 2)
            return surf
        if look == "downed":
            grey = tuple((v + 110) // 2 for v in colour)
            pygame.draw.circle(surf, grey, c, r)
            pygame.draw.circle(surf, (200, 40, 40), c, r, max(2, r // 4))
            k = r * 0.45
            pygame.draw.line(surf, (200, 40, 40), (half - k, half), (half + k, half), 3)
            pygame.draw.line(surf, (200, 40, 40), (half, half - k), (half, half + k), 3)
            return surf
        angle = math.radians(bucket * 360 / ANGLE_BUCKETS)
        dx, dy = math.cos(angle), math.sin(angle)
        if unit.weapon is not None:
            scale = max(1, round(width * tile_px / TILE_PX))
            start = (half + dx * r * 0.3, half + dy * r * 0.3)
            end = (half + dx * r * length, half + dy * r * length)
            pygame.draw.line(surf, (28, 28, 30), start, end, scale + 1)
        pygame.draw.circle(surf, colour, c, r)
        outline = tuple(max(0, v - 80) for v in colour)
        pygame.draw.circle(surf, outline, c, r, max(1, r // 6))
        if unit.weapon is None:  # survivors: a nose so their facing still reads
            nose = (half + dx * r * 0.95, half + dy * r * 0.95)
            pygame.draw.circle(surf, outline, nose, max(2, r // 3))
        initial = SQUAD_INITIALS.get(unit.kind, "")
        if initial and r >= 7:
            label = self.text.render(initial, max(10, round(r * 1.5)), (250, 250, 250), bold=True)
            surf.blit(label, label.get_rect(center=c))
        return surf


def draw_units(surface: pygame.Surface, camera: Camera, world, alpha: float,
               sprites: SpriteCache, selected: set[int],
               shown: list[Unit] | None = None) -> list[tuple[Unit, int, int]]:
    """Draw what the player may see: corpses first, then the living, then HP bars.

    shown: visible_units(world) when the caller already has it.
    Returns (unit, screen x, screen y) of what was drawn, for picking and labels.
    """
    size = camera.tile_px
    k = camera.zoom * PX_PER_SUB  # sub units -> screen px; the same product world_to_screen
    ox, oy = camera.origin()
    w, h = surface.get_size()
    lookup = sprites.lookup
    dead, live, living = [], [], []
    for unit in visible_units(world) if shown is None else shown:
        lx, ly = unit.last_x, unit.last_y
        sx = ox + round((lx + (unit.x - lx) * alpha) * k)
        sy = oy + round((ly + (unit.y - ly) * alpha) * k)
        if not (-size <= sx < w + size and -size <= sy < h + size):
            continue
        img, hw, hh = lookup(unit, size)
        if unit.life == "dead":
            dead.append((img, (sx - hw, sy - hh)))
        else:
            live.append((img, (sx - hw, sy - hh)))
            living.append((unit, sx, sy))
    for unit, sx, sy in living:
        if unit.id in selected:
            r = sprites.radius(unit, size) + max(3, size // 10)
            pygame.draw.circle(surface, SELECT_COLOUR, (sx, sy), r, 2)
    surface.fblits(dead + live)
    for unit, sx, sy in living:
        chosen = unit.id in selected
        if chosen or unit.side == "squad" or unit.hp < unit.utype.max_hp:
            _draw_hp(surface, unit, sx, sy, sprites.radius(unit, size))
    return living


def _draw_hp(surface, unit: Unit, sx: int, sy: int, r: int) -> None:
    """Shown for the squad, the selected and the hurt (the caller decides)."""
    max_hp = unit.utype.max_hp
    w = max(16, r * 2)
    x, y = sx - w // 2, sy - r - 7
    frac = max(0.0, min(1.0, unit.hp / max_hp))
    colour = (80, 210, 90) if frac > 0.6 else (230, 190, 60) if frac > 0.3 else (230, 60, 50)
    surface.fill((20, 20, 20), (x - 1, y - 1, w + 2, 5))
    surface.fill(colour, (x, y, round(w * frac), 3))
