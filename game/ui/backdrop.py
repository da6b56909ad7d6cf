"""The painted title picture: a ruined town at dusk (Mavrah's skyline, the granary's
silos), behind the title and the campaign menus.

Drawn with pygame and the standard library only: the title is the first picture and
numpy's import alone is a fifth of the start-up budget."""

from __future__ import annotations

import random

import pygame

SKY_TOP, SKY_LOW = (18, 22, 44), (196, 104, 52)
GROUND = (16, 13, 12)


def _gradient(size: tuple[int, int], horizon: int) -> pygame.Surface:
    """The dusk sky, one colour a row: drawn as a column one pixel wide, then widened."""
    w, h = size
    column = pygame.Surface((1, h))
    for y in range(h):
        t = min(1.0, y / max(1, horizon)) ** 1.6
        column.set_at((0, y), [int(a * (1 - t) + b * t) for a, b in zip(SKY_TOP, SKY_LOW,
                                                                        strict=True)])
    return pygame.transform.scale(column, (w, h))


def _skyline(surface: pygame.Surface, horizon: int, rng: random.Random) -> None:
    """Broken buildings, a dome and minaret (Mavrah), silos (the granary)."""
    w, h = surface.get_size()
    far, near = (52, 36, 38), (24, 19, 20)
    for colour, base, scale in ((far, horizon, 0.6), (near, horizon + h // 40, 1.0)):
        x = -20
        while x < w:
            bw = int(rng.randrange(40, 130) * scale)
            bh = int(rng.randrange(40, 170) * scale * h / 720)
            top = base - bh
            pts = [(x, base), (x, top)]
            # a broken roof line: jagged steps where a shell took the corner
            if rng.random() < 0.6:
                for k in range(1, 4):
                    pts.append((x + bw * k // 4, top + int(rng.randrange(0, bh // 3 + 1))))
            pts += [(x + bw, top + int(rng.randrange(0, bh // 4 + 1))), (x + bw, base)]
            pygame.draw.polygon(surface, colour, pts)
            for _ in range(int(rng.randrange(0, 4))):  # empty windows
                wx = x + int(rng.randrange(4, max(5, bw - 10)))
                wy = top + int(rng.randrange(8, max(9, bh - 10)))
                surface.fill((200, 120, 60) if rng.random() < 0.15 else (10, 8, 8),
                             (wx, wy, 5, 8))
            x += bw + int(rng.randrange(-10, 20))
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


def _smoke(surface: pygame.Surface, origin: tuple[int, int], rng: random.Random) -> None:
    layer = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    x, y = origin
    for i in range(26):
        r = 10 + i * 3
        pygame.draw.circle(layer, (40, 34, 36, max(0, 70 - i * 2)),
                           (int(x + i * 7 + rng.randrange(-6, 7)), int(y - i * 14)), r)
    surface.blit(layer, (0, 0))


def draw_backdrop(size: tuple[int, int]) -> pygame.Surface:
    """The title picture at this size (deterministic; cached by the screen)."""
    w, h = size
    horizon = int(h * 0.72)
    rng = random.Random(7)
    surf = _gradient(size, horizon)
    pygame.draw.circle(surf, (236, 150, 80), (int(w * 0.4), horizon - h // 7), h // 18)
    _smoke(surf, (int(w * 0.52), horizon - h // 10), rng)
    _skyline(surf, horizon, rng)
    surf.fill(GROUND, (0, horizon + h // 40, w, h))
    # darken the menu side, fading out toward the middle so the text reads on the sky
    surf.blit(_menu_shade(size), (0, 0))
    return surf


def _menu_shade(size: tuple[int, int]) -> pygame.Surface:
    """Black, 150 alpha at the left edge fading to none past 55 % of the width: drawn as
    a row one pixel high, then made tall."""
    w, h = size
    row = pygame.Surface((w, 1), pygame.SRCALPHA)
    for x in range(w):
        fade = max(0.0, 1.0 - x / (w * 0.55)) ** 0.7
        row.set_at((x, 0), (0, 0, 0, int(150 * fade)))
    return pygame.transform.scale(row, (w, h))
