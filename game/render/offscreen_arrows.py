"""Arrows at the screen's edge toward what matters but is out of view: the extraction,
the objectives, a downed squad member and new contacts.

edge_arrow is pure geometry (tested); draw_arrows draws a list of targets."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.render.text import panel_of

ARROW_MARGIN = 28  # pixels between the arrow's tip and the screen's edge
PLATE = (10, 12, 14, 170)  # behind a label


@dataclass(frozen=True)
class Pointer:
    x: float  # screen position of the target (may be far off the screen)
    y: float
    colour: tuple[int, int, int]
    label: str


def edge_arrow(view: pygame.Rect, target: tuple[float, float],
               margin: int = ARROW_MARGIN) -> tuple[tuple[int, int], float] | None:
    """Where on the edge of `view` (inset by margin) an arrow toward `target` goes, and the
    direction it points (degrees, 0 east, 90 south, as the sim's angles); None when the
    target is inside the view."""
    if view.collidepoint(target):
        return None
    inner = view.inflate(-2 * margin, -2 * margin)
    cx, cy = inner.centerx, inner.centery
    dx, dy = target[0] - cx, target[1] - cy
    if dx == 0 and dy == 0:
        return None
    half_w, half_h = max(1, inner.w / 2), max(1, inner.h / 2)
    scale = min(half_w / abs(dx) if dx else math.inf, half_h / abs(dy) if dy else math.inf)
    pos = (round(cx + dx * scale), round(cy + dy * scale))
    return pos, math.degrees(math.atan2(dy, dx)) % 360


def arrow_points(pos: tuple[int, int], angle: float, size: int) -> list[tuple[float, float]]:
    a = math.radians(angle)
    ux, uy = math.cos(a), math.sin(a)
    px, py = -uy, ux
    tip = (pos[0] + ux * size, pos[1] + uy * size)
    back = (pos[0] - ux * size * 0.6, pos[1] - uy * size * 0.6)
    return [tip, (back[0] + px * size * 0.7, back[1] + py * size * 0.7),
            (pos[0] - ux * size * 0.2, pos[1] - uy * size * 0.2),
            (back[0] - px * size * 0.7, back[1] - py * size * 0.7)]


def clear_of(placed: tuple[tuple[int, int], float], target: tuple[float, float],
             view: pygame.Rect, avoid: list[pygame.Rect],
             reach: int = 90) -> tuple[tuple[int, int], float]:
    """The arrow slid along the view's edge out from under the panels in `avoid` (the
    radio log, the HUD buttons: drawn over the map after the arrows), still pointing at
    the target: below a panel on a side edge, beside it on the top edge."""
    pos, angle = placed
    for rect in avoid:
        if rect.width and rect.inflate(2 * reach, 2 * reach // 3).collidepoint(pos):
            pos = _slid(pos, view, rect, reach)
    if pos == placed[0]:
        return placed
    x, y = pos
    return pos, math.degrees(math.atan2(target[1] - y, target[0] - x)) % 360


def _slid(pos: tuple[int, int], view: pygame.Rect, rect: pygame.Rect,
          reach: int) -> tuple[int, int]:
    x, y = pos
    inner = view.inflate(-2 * ARROW_MARGIN, -2 * ARROW_MARGIN)
    on_side = x <= inner.left or x >= inner.right
    if on_side or y > inner.top:
        return x, min(max(y, rect.bottom + reach // 3), inner.bottom)
    if x >= rect.centerx and rect.right + reach <= inner.right:
        return rect.right + reach, y
    return max(inner.left, rect.left - reach), y


def draw_arrows(surface, view: pygame.Rect, pointers: list[Pointer], text,
                avoid: list[pygame.Rect] | None = None, ui: float = 1.0) -> int:
    """One arrow per off-screen pointer, its label beside it, none under the panels in
    `avoid`, at UI scale ui (they are part of the HUD); returns how many were drawn."""
    drawn = 0
    margin = round(ARROW_MARGIN * ui)
    arrow, edge, label_size, gap = (round(v * ui) for v in (13, 16, 15, 22))
    for p in pointers:
        placed = edge_arrow(view, (p.x, p.y), margin)
        if placed is None:
            continue
        pos, angle = clear_of(placed, (p.x, p.y), view, avoid or [])
        pts = arrow_points(pos, angle, arrow)
        pygame.draw.polygon(surface, (10, 12, 14), arrow_points(pos, angle, edge))
        pygame.draw.polygon(surface, p.colour, pts)
        a = math.radians(angle)
        img = text.render(p.label, label_size, p.colour, True)
        # the label sits on the inner side of the arrow, clear of it whatever the angle
        reach = (gap + abs(math.cos(a)) * img.get_width() / 2
                 + abs(math.sin(a)) * img.get_height() / 2)
        rect = img.get_rect(center=(round(pos[0] - math.cos(a) * reach),
                                    round(pos[1] - math.sin(a) * reach)))
        rect.clamp_ip(view)
        back = rect.inflate(6, 2)
        surface.blit(panel_of(back.size, PLATE), back)
        surface.blit(img, rect)
        drawn += 1
    return drawn
