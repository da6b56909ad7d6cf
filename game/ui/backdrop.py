"""The painted title picture: a ruined town at dusk (Mavrah's skyline, the granary's
silos), behind the title and the campaign menus."""

from __future__ import annotations

import numpy as np
import pygame

SKY_TOP, SKY_LOW = (18, 22, 44), (196, 104, 52)
GROUND = (16, 13, 12)


def _gradient(size: tuple[int, int], horizon: int) -> pygame.Surface:
    w, h = size
    t = np.clip(np.arange(h) / max(1, horizon), 0.0, 1.0) ** 1.6
    top, low = np.array(SKY_TOP, float), np.array(SKY_LOW, float)
    rows = (top[None, :] * (1 - t[:, None]) + low[None, :] * t[:, None]).astype(np.uint8)
    rgb = np.broadcast_to(rows[None, :, :], (w, h, 3)).copy()
    return pygame.surfarray.make_surface(rgb)


def _skyline(surface: pygame.Surface, horizon: int, rng: np.random.Generator) -> None:
    """Broken buildings, a dome and minaret (Mavrah), silos (the granary)."""
    w, h = surface.get_size()
    far, near = (52, 36, 38), (24, 19, 20)
    for colour, base, scale in ((far, horizon, 0.6), (near, horizon + h // 40, 1.0)):
        x = -20
        while x < w:
            bw = int(rng.integers(40, 130) * scale)
            bh = int(rng.integers(40, 170) * scale * h / 720)
            top = base - bh
            pts = [(x, base), (x, top)]
            # a broken roof line: jagged steps where a shell took the corner
            if rng.random() < 0.6:
                for k in range(1, 4):
                    pts.append((x + bw * k // 4, top + int(rng.integers(0, bh // 3 + 1))))
            pts += [(x + bw, top + int(rng.integers(0, bh // 4 + 1))), (x + bw, base)]
            pygame.draw.polygon(surface, colour, pts)
            for _ in range(int(rng.integers(0, 4))):  # empty windows
                wx = x + int(rng.integers(4, max(5, bw - 10)))
                wy = top + int(rng.integers(8, max(9, bh - 10)))
                surface.fill((200, 120, 60) if rng.random() < 0.15 else (10, 8, 8),
                             (wx, wy, 5, 8))
            x += bw + int(rng.integers(-10, 20))
    # the mosque's dome and minaret, and the granary's silos
    gx = int(w * 0.68)
    dome_r = h // 14
    pygame.draw.circle(surface, near, (gx, horizon - h // 12), dome_r)
    surface.fill(near, (gx - dome_r, horizon - h // 12, dome_r * 2, h // 12 + 4))
    surface.fill(near, (gx + dome_r + 14, horizon - h // 4, 12, h // 4))
    pygame.draw.polygon(surface, near, [(gx + dome_r + 12, horizon - h // 4),
                                        (gx + dome_r + 20, horizon - h // 4 - 22),
                                        (gx + dome_r + 28, horizon - h // 4)])
    sx = int(w * 0.14)
    for i in range(3):
        cx = sx + i * (h // 16)
        surface.fill(near, (cx, horizon - h // 5, h // 18, h // 5))
        pygame.draw.circle(surface, near, (cx + h // 36, horizon - h // 5), h // 36)


def _smoke(surface: pygame.Surface, origin: tuple[int, int], rng) -> None:
    layer = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    x, y = origin
    for i in range(26):
        r = 10 + i * 3
        pygame.draw.circle(layer, (40, 34, 36, max(0, 70 - i * 2)),
                           (int(x + i * 7 + rng.integers(-6, 7)), int(y - i * 14)), r)
    surface.blit(layer, (0, 0))


def draw_backdrop(size: tuple[int, int]) -> pygame.Surface:
    """The title picture at this size (deterministic; cached by the screen)."""
    w, h = size
    horizon = int(h * 0.72)
    rng = np.random.default_rng(7)
    surf = _gradient(size, horizon)
    pygame.draw.circle(surf, (236, 150, 80), (int(w * 0.4), horizon - h // 7), h // 18)
    _smoke(surf, (int(w * 0.52), horizon - h // 10), rng)
    _skyline(surf, horizon, rng)
    surf.fill(GROUND, (0, horizon + h // 40, w, h))
    # darken the menu side, fading out toward the middle so the text reads on the sky
    fade = np.clip(1.0 - np.arange(w) / (w * 0.55), 0.0, 1.0) ** 0.7
    alpha = np.broadcast_to((150 * fade)[:, None], (w, h)).astype(np.uint8)
    shade = pygame.Surface((w, h), pygame.SRCALPHA)
    shade.fill((0, 0, 0, 255))
    pygame.surfarray.pixels_alpha(shade)[:] = alpha
    surf.blit(shade, (0, 0))
    return surf
