"""Light on the battlefield: the map's time of day and short bursts of light.

The time of day is a colour multiplied into what is cached (terrain chunks, unit
sprites) when it is built, so a dusk or night scene costs no extra pass per frame.
Muzzle flashes and blasts add a soft glow around them for a moment; the glow is one
cached radial picture per size, added onto the frame, brighter the darker the scene.
"""

from __future__ import annotations

import numpy as np
import pygame

TIME_OF_DAY = {  # multiplier per channel (255 = unchanged), glow strength 0..1
    "day": ((255, 255, 255), 0.35),
    "dusk": ((250, 206, 172), 0.75),
    "night": ((140, 156, 205), 1.0),
}
WHITE = (255, 255, 255)
GLOW_COLOUR = (130, 92, 46)  # at full strength: a few overlapping stay short of white
GLOW_STEPS = 6  # cached strengths per size: a fading glow picks the nearest


def time_of_day(world_or_rules) -> str:
    rules = getattr(getattr(world_or_rules, "scenario", None), "rules", world_or_rules)
    value = str(getattr(rules, "time_of_day", "day") or "day").lower()
    return value if value in TIME_OF_DAY else "day"


def scene_tint(name: str) -> tuple[int, int, int]:
    return TIME_OF_DAY.get(name, TIME_OF_DAY["day"])[0]


def glow_strength(name: str) -> float:
    return TIME_OF_DAY.get(name, TIME_OF_DAY["day"])[1]


def apply_tint(surface: pygame.Surface, tint: tuple[int, int, int]) -> None:
    """Multiply the surface's colours by the tint, in place (alpha untouched)."""
    if tint != WHITE:
        surface.fill(tint, special_flags=pygame.BLEND_RGB_MULT)


class Glows:
    """Radial glows cached by (radius px, strength step). A bomb's glow at 1440p is ~500
    px across and fades through every step in 0.7 s: each picture built in a frame cost
    ~8 ms there, so they are built ahead (`warm`) while the strike is inbound."""

    def __init__(self) -> None:
        self._cache: dict[tuple[int, int], pygame.Surface] = {}
        self._falloffs: dict[int, np.ndarray] = {}  # the shape shared by a size's steps

    def image(self, radius: int, strength: float) -> pygame.Surface:
        step = max(1, min(GLOW_STEPS, round(strength * GLOW_STEPS)))
        key = (radius, step)
        img = self._cache.get(key)
        if img is None:
            if len(self._cache) > 256:
                self._cache.clear()
                self._falloffs.clear()
            img = self._cache[key] = _radial(self._falloff(radius), step / GLOW_STEPS)
        return img

    def warm(self, radius: int) -> bool:
        """Build one picture of radius not built yet (~3 ms at 500 px across); True when
        every strength step was built already."""
        for step in range(GLOW_STEPS, 0, -1):  # a blast starts at its brightest
            if (radius, step) not in self._cache:
                self.image(radius, step / GLOW_STEPS)
                return False
        return True

    def _falloff(self, radius: int) -> np.ndarray:
        falloff = self._falloffs.get(radius)
        if falloff is None:
            falloff = self._falloffs[radius] = _falloff(radius)
        return falloff

    def draw(self, surface: pygame.Surface, lights: list[tuple[int, int, int, float]]) -> None:
        """lights: (screen x, screen y, radius px, strength 0..1), added onto surface."""
        blits = []
        for x, y, r, k in lights:
            if k <= 0.02 or r < 2:
                continue
            blits.append((self.image(r, k), (x - r, y - r)))
        if blits:
            surface.fblits(blits, pygame.BLEND_RGB_ADD)


def _falloff(radius: int) -> np.ndarray:
    """1 at the centre of a 2r x 2r square, 0 from its inscribed circle out, quadratic."""
    size = radius * 2
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32) + 0.5
    d = np.hypot(xx - radius, yy - radius) / radius
    return np.clip(1.0 - d, 0.0, 1.0) ** 2


def _radial(falloff: np.ndarray, strength: float) -> pygame.Surface:
    """An opaque picture, black at its rim, warm and bright at its centre: added onto the
    frame it lights a disc that fades smoothly to nothing."""
    size = falloff.shape[0]
    k = falloff * strength
    rgb = (np.array(GLOW_COLOUR, dtype=np.float32)[None, None, :] * k[:, :, None])
    surf = pygame.Surface((size, size))
    pygame.surfarray.blit_array(surf, rgb.astype(np.uint8).transpose(1, 0, 2))
    return surf
