"""Draws every tile of the shared tileset in code: pygame.draw shapes over seeded noise.

Each painter gets a 32x32 SRCALPHA surface and its own numpy Generator (seeded from the
tile id), so the PNG is the same on every run.  The look: a dusty desert ruin at dusk,
warm sand and stone, dark mortar, a little green only in the scrub.  Ground tiles are
flat and low contrast; anything that blocks has a lit top edge and a dark lower lip so it
reads as standing up; everything the squad can climb on is wood.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pygame

from game.sim.geometry import TILE_PX
from game.tools.tile_table import (
    COLUMNS,
    CORNER_MASKS,
    GROUND_BASE,
    GROUND_OTHERS,
    TILES,
    WALL_PIECES,
)

Color = tuple[int, int, int]
Painter = Callable[[pygame.Surface, np.random.Generator], None]
T = TILE_PX

SAND: Color = (196, 168, 118)
DIRT: Color = (146, 114, 80)
CONCRETE: Color = (148, 142, 130)
STONE: Color = (134, 118, 96)
MORTAR: Color = (70, 60, 50)
BRICK: Color = (152, 84, 60)
WOOD: Color = (126, 88, 52)
WOOD_LIGHT: Color = (168, 124, 74)
BURLAP: Color = (186, 156, 102)
ASPHALT: Color = (86, 82, 78)
PAINT: Color = (230, 186, 46)
OLIVE: Color = (112, 116, 58)
SHADE: Color = (38, 30, 24)


def shade(color: Color, factor: float) -> Color:
    return tuple(max(0, min(255, int(c * factor))) for c in color)  # type: ignore[return-value]


def noise_fill(surf: pygame.Surface, rng: np.random.Generator, base: Color, amp: float,
               rect: pygame.Rect | None = None, grain: int = 1) -> None:
    """Fill rect with base colour plus per-pixel brightness noise (grain > 1 gives blotches)."""
    rect = rect or surf.get_rect()
    w, h = rect.width, rect.height
    small = rng.normal(0.0, amp, size=(max(1, w // grain) + 1, max(1, h // grain) + 1))
    field = np.repeat(np.repeat(small, grain, axis=0), grain, axis=1)[:w, :h]
    fine = rng.normal(0.0, amp * 0.5, size=(w, h))
    rgb = np.clip(np.array(base, dtype=float)[None, None, :] + (field + fine)[:, :, None], 0, 255)
    block = pygame.Surface((w, h))
    pygame.surfarray.blit_array(block, rgb.astype(np.uint8))
    surf.blit(block, rect.topleft)


def speckle(surf: pygame.Surface, rng: np.random.Generator, color: Color, count: int,
            size: int = 1, area: pygame.Rect | None = None) -> None:
    area = area or surf.get_rect()
    for _ in range(count):
        x = int(rng.integers(area.left, area.right - size + 1))
        y = int(rng.integers(area.top, area.bottom - size + 1))
        surf.fill(color, (x, y, size, size))


def raised_edges(surf: pygame.Surface, rect: pygame.Rect, color: Color, lip: int = 3) -> None:
    """A lit top edge and a dark lower lip: the cue that a tile stands up from the ground."""
    pygame.draw.line(surf, shade(color, 1.3), rect.topleft, (rect.right - 1, rect.top))
    surf.fill(shade(color, 0.55), (rect.left, rect.bottom - lip, rect.width, lip))


# ---------------------------------------------------------------- ground


def paint_floor(surf: pygame.Surface, rng: np.random.Generator) -> None:
    noise_fill(surf, rng, CONCRETE, 5, grain=4)
    pygame.draw.line(surf, shade(CONCRETE, 0.8), (0, 0), (T - 1, 0))
    pygame.draw.line(surf, shade(CONCRETE, 0.8), (0, 0), (0, T - 1))
    speckle(surf, rng, shade(CONCRETE, 0.75), 10)


def paint_floor_cracked(surf: pygame.Surface, rng: np.random.Generator) -> None:
    paint_floor(surf, rng)
    points = [(int(rng.integers(2, 8)), int(rng.integers(4, 12)))]
    for step in range(4):
        x, y = points[-1]
        points.append((x + int(rng.integers(4, 9)), y + int(rng.integers(-3, 6)) + step))
    pygame.draw.lines(surf, shade(CONCRETE, 0.5), False, points)
    pygame.draw.line(surf, shade(CONCRETE, 0.5), points[2], (points[2][0] - 3, T - 4))


def paint_dirt(surf: pygame.Surface, rng: np.random.Generator) -> None:
    noise_fill(surf, rng, DIRT, 9, grain=3)
    speckle(surf, rng, shade(DIRT, 0.7), 14, 2)
    speckle(surf, rng, shade(DIRT, 1.25), 8)


def paint_sand(surf: pygame.Surface, rng: np.random.Generator) -> None:
    noise_fill(surf, rng, SAND, 6, grain=4)
    for _ in range(3):
        y = int(rng.integers(4, T - 4))
        x = int(rng.integers(0, 12))
        pygame.draw.arc(surf, shade(SAND, 0.88), (x, y, 20, 6), 0.3, 2.8)
    speckle(surf, rng, shade(SAND, 0.8), 8)


def paint_tiles(surf: pygame.Surface, rng: np.random.Generator) -> None:
    for i in range(2):
        for j in range(2):
            tint = (182, 160, 132) if (i + j) % 2 == 0 else (160, 124, 96)
            noise_fill(surf, rng, tint, 4, pygame.Rect(i * 16, j * 16, 16, 16))
    for k in (0, 16):
        pygame.draw.line(surf, (110, 96, 80), (k, 0), (k, T - 1))
        pygame.draw.line(surf, (110, 96, 80), (0, k), (T - 1, k))
    speckle(surf, rng, (120, 104, 84), 6)


def paint_scrub(surf: pygame.Surface, rng: np.random.Generator) -> None:
    paint_sand(surf, rng)
    for _ in range(4):
        cx, cy = int(rng.integers(4, T - 4)), int(rng.integers(6, T - 3))
        for _ in range(6):
            dx, dy = int(rng.integers(-5, 6)), int(rng.integers(-7, -1))
            color = shade(OLIVE, float(rng.uniform(0.75, 1.25)))
            pygame.draw.line(surf, color, (cx, cy), (cx + dx, cy + dy))


def paint_road(surf: pygame.Surface, rng: np.random.Generator) -> None:
    noise_fill(surf, rng, ASPHALT, 6, grain=2)
    speckle(surf, rng, shade(SAND, 0.9), 16)
    speckle(surf, rng, shade(ASPHALT, 0.7), 6, 2)


def paint_road_line(surf: pygame.Surface, rng: np.random.Generator) -> None:
    paint_road(surf, rng)
    surf.fill(shade(PAINT, 0.85), (8, 15, 16, 3))
    speckle(surf, rng, ASPHALT, 6, 1, pygame.Rect(8, 15, 16, 3))


def paint_grain_floor(surf: pygame.Surface, rng: np.random.Generator) -> None:
    paint_floor(surf, rng)
    speckle(surf, rng, (214, 184, 112), 26)
    speckle(surf, rng, (170, 140, 80), 10)


def paint_planks_floor(surf: pygame.Surface, rng: np.random.Generator) -> None:
    for i in range(4):
        noise_fill(surf, rng, shade(WOOD, float(rng.uniform(0.9, 1.1))), 5,
                   pygame.Rect(0, i * 8, T, 8))
        pygame.draw.line(surf, shade(WOOD, 0.55), (0, i * 8), (T - 1, i * 8))
        seam = int(rng.integers(6, T - 6))
        pygame.draw.line(surf, shade(WOOD, 0.6), (seam, i * 8), (seam, i * 8 + 7))


def paint_rubble(surf: pygame.Surface, rng: np.random.Generator) -> None:
    noise_fill(surf, rng, shade(DIRT, 1.05), 8, grain=3)
    for _ in range(11):
        x, y = int(rng.integers(0, T - 6)), int(rng.integers(0, T - 6))
        size = int(rng.integers(3, 8))
        tone = shade(STONE, float(rng.uniform(0.8, 1.25)))
        poly = [(x, y + size), (x + size // 2, y), (x + size, y + size // 2 + 1),
                (x + size - 1, y + size)]
        pygame.draw.polygon(surf, shade(tone, 0.5), [(px + 1, py + 1) for px, py in poly])
        pygame.draw.polygon(surf, tone, poly)
    speckle(surf, rng, shade(BRICK, 0.9), 5, 2)


def paint_extraction_pad(surf: pygame.Surface, rng: np.random.Generator) -> None:
    paint_floor(surf, rng)
    pygame.draw.rect(surf, PAINT, (1, 1, T - 2, T - 2), 2)
    pygame.draw.rect(surf, PAINT, (9, 7, 3, 18))
    pygame.draw.rect(surf, PAINT, (20, 7, 3, 18))
    pygame.draw.rect(surf, PAINT, (9, 14, 14, 3))
    speckle(surf, rng, CONCRETE, 10)


def paint_extraction_chevron(surf: pygame.Surface, rng: np.random.Generator) -> None:
    paint_floor(surf, rng)
    for y in (5, 17):
        pygame.draw.polygon(surf, PAINT, [(6, y + 8), (16, y), (26, y + 8), (26, y + 12),
                                          (16, y + 4), (6, y + 12)])
    speckle(surf, rng, CONCRETE, 10)


def paint_rafters(surf: pygame.Surface, rng: np.random.Generator) -> None:
    """Wide light planks over a dark gap: a walkway seen from above, visibly raised."""
    surf.fill(SHADE)
    for i in range(4):
        plank = pygame.Rect(1, i * 8 + 1, T - 2, 6)
        noise_fill(surf, rng, shade(WOOD_LIGHT, float(rng.uniform(0.9, 1.08))), 6, plank)
        pygame.draw.line(surf, shade(WOOD_LIGHT, 1.2), plank.topleft, (plank.right - 1, plank.top))
        for nx in (4, T - 6):
            surf.fill((60, 54, 50), (nx, plank.top + 2, 2, 2))
    surf.fill(shade(WOOD, 0.8), (0, 0, 3, T))
    surf.fill(shade(WOOD, 0.8), (T - 3, 0, 3, T))


def paint_ladder(surf: pygame.Surface, rng: np.random.Generator) -> None:
    noise_fill(surf, rng, shade(CONCRETE, 0.6), 5)
    for x in (7, 22):
        noise_fill(surf, rng, WOOD_LIGHT, 5, pygame.Rect(x, 0, 4, T))
        pygame.draw.line(surf, shade(WOOD, 0.5), (x + 4, 0), (x + 4, T - 1))
    for y in range(3, T, 7):
        surf.fill(WOOD_LIGHT, (11, y, 11, 3))
        pygame.draw.line(surf, shade(WOOD, 0.5), (11, y + 3), (21, y + 3))


def paint_door(surf: pygame.Surface, rng: np.random.Generator) -> None:
    noise_fill(surf, rng, STONE, 6)
    panel = pygame.Rect(4, 2, 24, 28)
    noise_fill(surf, rng, WOOD, 6, panel)
    for x in (10, 16, 22):
        pygame.draw.line(surf, shade(WOOD, 0.6), (x, panel.top), (x, panel.bottom - 1))
    pygame.draw.rect(surf, shade(WOOD, 0.45), panel, 1)
    surf.fill((212, 190, 120), (23, 15, 3, 3))


def paint_tarp(surf: pygame.Surface, rng: np.random.Generator) -> None:
    """A blanket on the floor, where somebody has been sleeping: red weave, pale stripes."""
    cloth = pygame.Rect(4, 5, 24, 22)
    pygame.draw.rect(surf, (0, 0, 0, 90), cloth.move(1, 2))
    noise_fill(surf, rng, (146, 58, 48), 6, cloth)
    for y in (9, 21):
        surf.fill((204, 178, 120), (cloth.left, y, cloth.width, 2))
    pygame.draw.line(surf, (104, 40, 34), (6, 16), (26, 14))
    pygame.draw.rect(surf, (96, 36, 30), cloth, 1)


# ---------------------------------------------------------------- cover


def paint_sandbags(surf: pygame.Surface, rng: np.random.Generator) -> None:
    bag = shade(BURLAP, 0.92)
    for row, y in enumerate((3, 12, 21)):
        offset = -8 if row % 2 else 0
        for x in range(offset, T, 16):
            rect = pygame.Rect(x + 1, y, 15, 9)
            pygame.draw.ellipse(surf, shade(bag, 0.5), rect.move(0, 1))
            pygame.draw.ellipse(surf, shade(bag, float(rng.uniform(0.92, 1.08))), rect)
            pygame.draw.line(surf, shade(bag, 1.15), (rect.left + 3, y + 2),
                             (rect.right - 4, y + 2))


def paint_low_wall(surf: pygame.Surface, rng: np.random.Generator) -> None:
    wall = pygame.Rect(0, 8, T, 16)
    noise_fill(surf, rng, shade(STONE, 1.15), 7, wall, grain=2)
    for x in (0, 11, 22):
        pygame.draw.line(surf, MORTAR, (x, wall.top), (x, wall.bottom - 1))
    pygame.draw.line(surf, MORTAR, (0, 16), (T - 1, 16))
    raised_edges(surf, wall, shade(STONE, 1.15), lip=4)


def paint_grain_sacks(surf: pygame.Surface, rng: np.random.Generator) -> None:
    for cx, cy in ((9, 10), (23, 11), (15, 22), (27, 24)):
        rect = pygame.Rect(cx - 7, cy - 6, 14, 12)
        tone = shade(BURLAP, float(rng.uniform(0.9, 1.1)))
        pygame.draw.ellipse(surf, SHADE, rect.move(1, 2))
        pygame.draw.ellipse(surf, tone, rect)
        pygame.draw.ellipse(surf, shade(tone, 0.7), rect, 1)
        surf.fill((110, 80, 50), (cx - 1, rect.top - 1, 3, 3))
        pygame.draw.line(surf, shade(tone, 0.75), (cx - 4, cy + 1), (cx + 4, cy + 1))


def paint_debris_pile(surf: pygame.Surface, rng: np.random.Generator) -> None:
    paint_rubble(surf, rng)
    for _ in range(5):
        x0, y0 = int(rng.integers(2, 16)), int(rng.integers(4, 28))
        x1, y1 = x0 + int(rng.integers(10, 16)), y0 + int(rng.integers(-8, 8))
        pygame.draw.line(surf, SHADE, (x0 + 1, y0 + 2), (x1 + 1, y1 + 2), 3)
        pygame.draw.line(surf, shade(WOOD, float(rng.uniform(0.8, 1.3))), (x0, y0), (x1, y1), 3)
    surf.fill((100, 100, 104), (14, 12, 8, 5))


def paint_barrels(surf: pygame.Surface, rng: np.random.Generator) -> None:
    for (cx, cy), tone in (((10, 11), (74, 98, 86)), ((22, 21), (124, 70, 44))):
        pygame.draw.circle(surf, SHADE, (cx + 1, cy + 2), 9)
        pygame.draw.circle(surf, tone, (cx, cy), 9)
        pygame.draw.circle(surf, shade(tone, 0.6), (cx, cy), 9, 1)
        pygame.draw.circle(surf, shade(tone, 0.75), (cx, cy), 5, 1)
        speckle(surf, rng, (150, 84, 40), 4, 1, pygame.Rect(cx - 5, cy - 5, 10, 10))


def paint_crate_stack(surf: pygame.Surface, rng: np.random.Generator) -> None:
    surf.fill(SHADE)
    for rect in (pygame.Rect(1, 1, 15, 15), pygame.Rect(16, 1, 15, 15),
                 pygame.Rect(1, 16, 15, 15), pygame.Rect(16, 16, 15, 15)):
        tone = shade(WOOD_LIGHT, float(rng.uniform(0.85, 1.05)))
        noise_fill(surf, rng, tone, 6, rect)
        pygame.draw.rect(surf, shade(tone, 0.55), rect, 2)
        pygame.draw.line(surf, shade(tone, 0.6), rect.topleft, (rect.right - 1, rect.bottom - 1), 2)
    surf.fill((60, 100, 70), (19, 20, 8, 4))  # a stencilled mark on one crate


def paint_window(surf: pygame.Surface, rng: np.random.Generator) -> None:
    paint_stone_wall(surf, rng)
    gap = pygame.Rect(3, 9, 26, 14)
    noise_fill(surf, rng, (52, 58, 66), 5, gap)
    for x in (10, 16, 22):
        pygame.draw.line(surf, (40, 40, 44), (x, gap.top), (x, gap.bottom - 1))
    pygame.draw.rect(surf, shade(STONE, 1.3), (2, 22, 28, 3))  # the sill


def paint_rafter_rail(surf: pygame.Surface, rng: np.random.Generator) -> None:
    """The edge of the walkway: planks with a balustrade post and rail on top."""
    paint_rafters(surf, rng)
    surf.fill(SHADE, (12, 0, 10, T))
    noise_fill(surf, rng, WOOD, 5, pygame.Rect(14, 0, 6, T))
    pygame.draw.line(surf, shade(WOOD, 1.4), (14, 0), (14, T - 1))
    for y in (2, 18):
        pygame.draw.rect(surf, shade(WOOD, 0.6), (11, y, 12, 10))
        pygame.draw.rect(surf, shade(WOOD, 1.1), (12, y + 1, 10, 8))


# ---------------------------------------------------------------- walls


def masonry(surf: pygame.Surface, rng: np.random.Generator, base: Color, rows: int,
            block: int, amp: float) -> None:
    height = T // rows
    for r in range(rows):
        offset = (block // 2) * (r % 2)
        for x in range(-offset, T, block):
            rect = pygame.Rect(x, r * height, block, height)
            tone = shade(base, float(rng.uniform(0.86, 1.12)))
            noise_fill(surf, rng, tone, amp, rect.clip(surf.get_rect()))
            pygame.draw.rect(surf, MORTAR, rect, 1)
            pygame.draw.line(surf, shade(tone, 1.2), (rect.left + 1, rect.top + 1),
                             (rect.right - 2, rect.top + 1))


def paint_stone_wall(surf: pygame.Surface, rng: np.random.Generator) -> None:
    masonry(surf, rng, STONE, 3, 16, 5)
    raised_edges(surf, surf.get_rect(), STONE, lip=3)


def paint_stone_wall_cracked(surf: pygame.Surface, rng: np.random.Generator) -> None:
    paint_stone_wall(surf, rng)
    pygame.draw.lines(surf, SHADE, False, [(6, 0), (10, 8), (8, 15), (15, 22), (13, 31)], 2)
    speckle(surf, rng, SHADE, 8, 2)


def paint_stone_wall_moss(surf: pygame.Surface, rng: np.random.Generator) -> None:
    paint_stone_wall(surf, rng)
    for _ in range(14):
        x, y = int(rng.integers(0, T - 4)), int(rng.integers(T // 2, T - 4))
        surf.fill(shade(OLIVE, float(rng.uniform(0.7, 1.1))), (x, y, 3, 3))


def paint_stone_pillar(surf: pygame.Surface, rng: np.random.Generator) -> None:
    surf.fill(SHADE, (8, 8, 22, 22))
    column = pygame.Rect(4, 4, 22, 22)
    noise_fill(surf, rng, shade(STONE, 1.1), 6, column, grain=2)
    pygame.draw.rect(surf, MORTAR, column, 2)
    pygame.draw.line(surf, shade(STONE, 1.45), (5, 5), (24, 5), 2)


def paint_brick_wall(surf: pygame.Surface, rng: np.random.Generator) -> None:
    masonry(surf, rng, BRICK, 4, 11, 7)
    raised_edges(surf, surf.get_rect(), BRICK, lip=3)
    speckle(surf, rng, shade(BRICK, 0.6), 6, 2)  # chipped: it can be blown through


def paint_wood_wall(surf: pygame.Surface, rng: np.random.Generator) -> None:
    """Dark vertical boards between two cross rails: darker than any wooden floor."""
    board = shade(WOOD, 0.72)
    for i in range(5):
        rect = pygame.Rect(i * 7 - 2, 0, 7, T)
        noise_fill(surf, rng, shade(board, float(rng.uniform(0.85, 1.1))), 6,
                   rect.clip(surf.get_rect()))
        pygame.draw.line(surf, shade(board, 0.45), (rect.left, 0), (rect.left, T - 1))
    for y in (5, 22):
        surf.fill(shade(board, 1.25), (0, y, T, 4))
        pygame.draw.line(surf, shade(board, 0.4), (0, y + 4), (T - 1, y + 4))
    pygame.draw.rect(surf, SHADE, surf.get_rect(), 1)
    raised_edges(surf, surf.get_rect(), board, lip=3)


def paint_locked_door(surf: pygame.Surface, rng: np.random.Generator) -> None:
    noise_fill(surf, rng, STONE, 6)
    panel = pygame.Rect(4, 2, 24, 28)
    noise_fill(surf, rng, (92, 98, 104), 5, panel)
    for y in (8, 16, 24):
        pygame.draw.line(surf, (62, 66, 70), (panel.left, y), (panel.right - 1, y))
    pygame.draw.rect(surf, (50, 52, 56), panel, 2)
    pygame.draw.rect(surf, PAINT, (18, 12, 7, 7))  # the padlock
    pygame.draw.circle(surf, PAINT, (21, 12), 3, 1)
    surf.fill(SHADE, (21, 15, 1, 2))


def paint_wood_pillar(surf: pygame.Surface, rng: np.random.Generator) -> None:
    pygame.draw.circle(surf, SHADE, (18, 18), 11)
    pygame.draw.circle(surf, shade(WOOD, 0.9), (16, 16), 11)
    for radius in (8, 5, 2):
        pygame.draw.circle(surf, shade(WOOD, 1.25), (16, 16), radius, 1)


# ---------------------------------------------------------------- above units


def paint_beam_overhead(surf: pygame.Surface, rng: np.random.Generator) -> None:
    beam = pygame.Surface((T, 10))
    noise_fill(beam, rng, shade(WOOD, 0.8), 5)
    pygame.draw.line(beam, shade(WOOD, 1.2), (0, 0), (T - 1, 0))
    beam.set_alpha(210)
    surf.fill((0, 0, 0, 70), (0, 16, T, 6))  # its shadow on the floor below
    surf.blit(beam, (0, 10))


def paint_roof_edge(surf: pygame.Surface, rng: np.random.Generator, north: bool) -> None:
    strip = pygame.Surface((T, 10))
    noise_fill(strip, rng, (120, 70, 50), 6)
    for x in range(0, T, 6):
        pygame.draw.line(strip, (90, 50, 36), (x, 0), (x, 9))
    strip.set_alpha(235)
    y = 0 if north else T - 10
    surf.blit(strip, (0, y))
    surf.fill((0, 0, 0, 60), (0, 10 if north else T - 16, T, 6))


def paint_shadow(surf: pygame.Surface, rng: np.random.Generator) -> None:
    surf.fill((10, 6, 4, 90))


# ---------------------------------------------------------------- outdoor props


def paint_well(surf: pygame.Surface, rng: np.random.Generator) -> None:
    pygame.draw.circle(surf, SHADE, (17, 17), 13)
    pygame.draw.circle(surf, shade(STONE, 1.1), (16, 16), 13)
    pygame.draw.circle(surf, (26, 30, 34), (16, 16), 8)
    pygame.draw.circle(surf, MORTAR, (16, 16), 13, 1)


def paint_dead_tree(surf: pygame.Surface, rng: np.random.Generator) -> None:
    trunk = (84, 64, 46)
    for _ in range(7):
        angle = float(rng.uniform(0, 2 * np.pi))
        length = float(rng.uniform(8, 14))
        end = (16 + int(np.cos(angle) * length), 16 + int(np.sin(angle) * length))
        pygame.draw.line(surf, SHADE, (17, 18), (end[0] + 1, end[1] + 2), 2)
        pygame.draw.line(surf, trunk, (16, 16), end, 2)
    pygame.draw.circle(surf, shade(trunk, 0.9), (16, 16), 4)


def paint_wreck(surf: pygame.Surface, rng: np.random.Generator) -> None:
    body = pygame.Rect(3, 6, 26, 21)
    pygame.draw.rect(surf, SHADE, body.move(2, 2), border_radius=4)
    noise_fill(surf, rng, (70, 62, 56), 9, body, grain=3)
    pygame.draw.rect(surf, (44, 40, 38), body, 2, border_radius=4)
    surf.fill((34, 32, 32), (7, 10, 18, 6))  # burnt-out windscreen
    speckle(surf, rng, (150, 80, 40), 14, 2, body)


PAINTERS: dict[str, Painter] = {
    "floor": paint_floor,
    "floor_cracked": paint_floor_cracked,
    "dirt": paint_dirt,
    "sand": paint_sand,
    "tiles": paint_tiles,
    "scrub": paint_scrub,
    "road": paint_road,
    "road_line": paint_road_line,
    "grain_floor": paint_grain_floor,
    "planks_floor": paint_planks_floor,
    "rubble": paint_rubble,
    "extraction_pad": paint_extraction_pad,
    "extraction_chevron": paint_extraction_chevron,
    "rafters": paint_rafters,
    "ladder": paint_ladder,
    "door": paint_door,
    "sandbags": paint_sandbags,
    "low_wall": paint_low_wall,
    "grain_sacks": paint_grain_sacks,
    "debris_pile": paint_debris_pile,
    "barrels": paint_barrels,
    "crate_stack": paint_crate_stack,
    "window": paint_window,
    "rafter_rail": paint_rafter_rail,
    "stone_wall": paint_stone_wall,
    "stone_wall_cracked": paint_stone_wall_cracked,
    "stone_wall_moss": paint_stone_wall_moss,
    "stone_pillar": paint_stone_pillar,
    "brick_wall_destructible": paint_brick_wall,
    "wood_wall": paint_wood_wall,
    "locked_door": paint_locked_door,
    "wood_pillar": paint_wood_pillar,
    "beam_overhead": paint_beam_overhead,
    "roof_edge_n": lambda surf, rng: paint_roof_edge(surf, rng, north=True),
    "roof_edge_s": lambda surf, rng: paint_roof_edge(surf, rng, north=False),
    "shadow": paint_shadow,
    "well": paint_well,
    "dead_tree": paint_dead_tree,
    "wreck": paint_wreck,
    "tarp": paint_tarp,
}


# ---------------------------------------------------------------- terrain-brush pieces


def paint_wall_piece(surf: pygame.Surface, rng: np.random.Generator, joins: str) -> None:
    """Stone wall that runs on through the sides in `joins` (n, e, s, w): a lit top edge
    only where nothing stands north of it, the dark lip only where floor is south, and a
    shaded face on an open east or west side, so corners and ends read as such."""
    surf.fill(MORTAR)  # three courses of 10 px leave 2 px at the bottom
    masonry(surf, rng, STONE, 3, 16, 5)
    if "n" not in joins:
        pygame.draw.line(surf, shade(STONE, 1.3), (0, 0), (T - 1, 0))
    if "s" not in joins:
        surf.fill(shade(STONE, 0.55), (0, T - 3, T, 3))
    if "w" not in joins:
        surf.fill(shade(STONE, 1.15), (0, 0, 2, T))
    if "e" not in joins:
        surf.fill(shade(STONE, 0.7), (T - 2, 0, 2, T))


def paint_ground_piece(surf: pygame.Surface, rng: np.random.Generator, other: str,
                       mask: str) -> None:
    """Sand with `other` ground in the corners marked 1 (tl, tr, br, bl): the two painted
    whole, then cut along a ragged curve through the tile, with a thin shadow line."""
    base = pygame.Surface((T, T), pygame.SRCALPHA)
    top = pygame.Surface((T, T), pygame.SRCALPHA)
    PAINTERS[GROUND_BASE](base, rng)
    PAINTERS[other](top, rng)
    tl, tr, br, bl = (float(bit) for bit in mask)
    u = (np.arange(T) + 0.5) / T  # across (x), then down (y)
    weight = (np.outer(1 - u, 1 - u) * tl + np.outer(u, 1 - u) * tr +
              np.outer(u, u) * br + np.outer(1 - u, u) * bl)  # indexed [x, y]
    weight += rng.normal(0.0, 0.035, size=weight.shape)
    inside = weight > 0.5
    edge = inside & ~(np.roll(inside, 1, 0) & np.roll(inside, -1, 0) &
                      np.roll(inside, 1, 1) & np.roll(inside, -1, 1))
    rgb = pygame.surfarray.array3d(base)
    rgb[inside] = pygame.surfarray.array3d(top)[inside]
    rgb[edge] = (rgb[edge] * 0.7).astype(rgb.dtype)
    pygame.surfarray.blit_array(surf, rgb)
    alpha = pygame.surfarray.pixels_alpha(surf)
    alpha[:] = 255
    del alpha


for _name in WALL_PIECES:
    PAINTERS[_name] = (lambda joins: lambda surf, rng: paint_wall_piece(surf, rng, joins))(
        _name.removeprefix("wall_"))
for _other in GROUND_OTHERS:
    for _mask in CORNER_MASKS:
        PAINTERS[f"{_other}_{GROUND_BASE}_{_mask}"] = (
            lambda o, m: lambda surf, rng: paint_ground_piece(surf, rng, o, m))(_other, _mask)


def render_tileset(seed: int = 1999) -> pygame.Surface:
    """The whole sheet, COLUMNS wide, one tile per TILES entry in id order."""
    rows = -(-len(TILES) // COLUMNS)
    sheet = pygame.Surface((COLUMNS * T, rows * T), pygame.SRCALPHA)
    for index, tile in enumerate(TILES):
        cell = pygame.Surface((T, T), pygame.SRCALPHA)
        PAINTERS[tile.name](cell, np.random.default_rng([seed, index]))
        sheet.blit(cell, ((index % COLUMNS) * T, (index // COLUMNS) * T))
    return sheet
