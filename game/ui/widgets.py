"""Menu pieces shared by the title, campaign, pause, settings and debrief screens: a
vertical menu driven by arrows/Enter/Esc and the mouse, panels, wrapped text and stars."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.render.text import panel_of
from game.settings import UI_AUTO, auto_ui_scale, largest_ui_scale
from game.ui.text_wrap import wrap

GOLD = (250, 200, 90)
TEXT = (232, 232, 226)
DIM = (150, 150, 142)
DISABLED = (95, 95, 90)
PANEL_BG = (22, 24, 26, 225)
PANEL_EDGE = (90, 90, 84)
HIGHLIGHT = (60, 52, 30, 235)
CONFIRM_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)


def ui_scale(ctx) -> float:
    """The player's UI scale; "auto" (the default) follows the window's height, and a
    chosen scale too large for the window (200% in a 720p window) gives way to the
    largest that fits."""
    chosen = float(getattr(ctx.settings, "ui_scale", 1.0))
    surface = getattr(ctx, "surface", None)
    if surface is None:
        return 1.0 if chosen == UI_AUTO else chosen
    height = surface.get_height()
    if chosen == UI_AUTO:
        return auto_ui_scale(height)
    return min(chosen, largest_ui_scale(height))


def scaled(value: float, ui: float) -> int:
    """A UI size in pixels at UI scale ui (px() when the caller holds the scale, not ctx)."""
    return max(1, round(value * ui))


def px(ctx, value: float) -> int:
    """A UI size in pixels at the player's UI scale."""
    return scaled(value, ui_scale(ctx))


@dataclass
class Item:
    label: str
    action: Callable[[], None] | None = None
    enabled: bool = True
    value: str = ""  # shown on the right (a setting's current value)
    tooltip: str = ""  # shown under the menu while the item is highlighted
    adjust: Callable[[int], None] | None = None  # left/right change the value


class Menu:
    """A column of items.  Keyboard: Up/Down (W/S) move, Enter/Space choose, Left/Right
    adjust.  Mouse: hovering highlights, a click chooses (on a value: adjust)."""

    def __init__(self, items: list[Item], font_size: int = 30, width: int = 360) -> None:
        self.items = items
        self.font_size = font_size
        self.width = width
        self.index = next((i for i, it in enumerate(items) if it.enabled), 0)
        self.rects: list[pygame.Rect] = []

    @property
    def current(self) -> Item | None:
        return self.items[self.index] if self.items else None

    def move(self, step: int) -> None:
        n = len(self.items)
        for k in range(1, n + 1):
            i = (self.index + step * k) % n
            if self.items[i].enabled:
                self.index = i
                return

    def choose(self, index: int | None = None) -> None:
        if index is not None:
            self.index = index
        item = self.current
        if item is not None and item.enabled:
            if item.action is not None:
                item.action()
            elif item.adjust is not None:
                item.adjust(1)

    def handle_event(self, event) -> bool:
        """True when the event was the menu's."""
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_UP, pygame.K_w):
                self.move(-1)
            elif event.key in (pygame.K_DOWN, pygame.K_s, pygame.K_TAB):
                self.move(1)
            elif event.key in CONFIRM_KEYS:
                self.choose()
            elif event.key in (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_a, pygame.K_d):
                item = self.current
                if item is not None and item.enabled and item.adjust is not None:
                    item.adjust(1 if event.key in (pygame.K_RIGHT, pygame.K_d) else -1)
            else:
                return False
            return True
        if event.type == pygame.MOUSEMOTION:
            hit = self.hit(event.pos)
            if hit is not None:
                self.index = hit
            return hit is not None
        if event.type == pygame.MOUSEBUTTONDOWN and event.button in (1, 3):
            hit = self.hit(event.pos)
            if hit is None:
                return False
            item = self.items[hit]
            self.index = hit
            if item.adjust is not None and item.action is None:
                item.adjust(1 if event.button == 1 else -1)
            elif event.button == 1:
                self.choose(hit)
            return True
        return False

    def hit(self, pos) -> int | None:
        for i, rect in enumerate(self.rects):
            if rect.collidepoint(pos) and self.items[i].enabled:
                return i
        return None

    def draw(self, surface, ctx, topleft: tuple[int, int]) -> pygame.Rect:
        """Draw at topleft; returns the area used."""
        text = ctx.text
        size = px(ctx, self.font_size)
        row_h = round(size * 1.35)
        width = px(ctx, self.width)
        x, y = topleft
        self.rects = []
        for i, item in enumerate(self.items):
            rect = pygame.Rect(x, y + i * row_h, width, row_h - 4)
            self.rects.append(rect)
            chosen = i == self.index and item.enabled
            if chosen:
                fill(surface, rect, HIGHLIGHT)
                pygame.draw.rect(surface, GOLD, rect, 1)
            colour = GOLD if chosen else TEXT if item.enabled else DISABLED
            text.blit(surface, item.label, (rect.x + 12, rect.centery), size, colour,
                      bold=chosen, anchor="midleft")
            if item.value:
                text.blit(surface, item.value, (rect.right - 12, rect.centery), size,
                          colour, anchor="midright")
        area = pygame.Rect(x, y, width, row_h * len(self.items))
        item = self.current
        if item is not None and item.tooltip:
            text.blit(surface, item.tooltip, (x + 4, area.bottom + 6), px(ctx, 19), DIM)
        return area


def fill(surface, rect: pygame.Rect, rgba) -> None:
    """A translucent rectangle (nothing at all for an empty one: a tight layout at a large
    UI scale can ask for one)."""
    if rect.w <= 0 or rect.h <= 0:
        return
    if len(rgba) == 3 or rgba[3] == 255:
        surface.fill(rgba[:3], rect)
        return
    surface.blit(panel_of(rect.size, tuple(rgba)), rect)


def panel(surface, rect: pygame.Rect, rgba=PANEL_BG) -> pygame.Rect:
    rect = pygame.Rect(rect.x, rect.y, max(0, rect.w), max(0, rect.h))
    fill(surface, rect, rgba)
    if rect.w and rect.h:
        pygame.draw.rect(surface, PANEL_EDGE, rect, 1)
    return rect


def hud_button(surface, text, label: str, colour, topleft: tuple[int, int],
               panel_rgba, edge: int = 1, ui: float = 1.0) -> pygame.Rect:
    """A battle button (Falcon-2, grenades, the evac): its bold label on a translucent
    panel with a frame of `edge` pixels in the label's colour, at UI scale ui.  Returns
    its rect."""
    img = text.render(label, scaled(20, ui), colour, True)
    rect = img.get_rect().inflate(scaled(14, ui), scaled(10, ui))
    rect.topleft = topleft
    fill(surface, rect, panel_rgba)
    pygame.draw.rect(surface, colour, rect, edge)
    surface.blit(img, img.get_rect(center=rect.center))
    return rect


def veil(surface, alpha: int = 160) -> None:
    fill(surface, surface.get_rect(), (0, 0, 0, alpha))


def draw_wrapped(surface, ctx, body: str, rect: pygame.Rect, size: int,
                 colour=TEXT, line_gap: float = 1.25, min_size: int | None = None) -> int:
    """Word-wrapped text inside rect (clipped at its bottom); returns the y after it.
    With min_size the text shrinks, down to that size, until it all fits."""
    text = ctx.text
    if min_size is not None:
        size = fitting_size(ctx, body, rect, size, min_size, line_gap)
    font = text.font(size)
    y = rect.y
    step = round(size * line_gap * 0.8)
    for line in wrap(body, font, rect.w):
        if y + step > rect.bottom:
            break
        if line:
            text.blit(surface, line, (rect.x, y), size, colour)
        y += step
    return y


def fitting_size(ctx, body: str, rect: pygame.Rect, largest: int, smallest: int,
                 line_gap: float = 1.25) -> int:
    """The largest text size from `largest` down to `smallest` at which body fits rect."""
    for size in range(largest, smallest, -1):
        lines = wrap(body, ctx.text.font(size), rect.w)
        if len(lines) * round(size * line_gap * 0.8) <= rect.h:
            return size
    return smallest


def star_points(cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    pts = []
    for k in range(10):
        radius = r if k % 2 == 0 else r * 0.45
        a = -math.pi / 2 + k * math.pi / 5
        pts.append((cx + radius * math.cos(a), cy + radius * math.sin(a)))
    return pts


def draw_stars(surface, centre: tuple[int, int], count: int, r: int = 12,
               total: int = 3) -> None:
    """`count` gold stars out of `total`, the rest as outlines."""
    cx, cy = centre
    gap = r * 2.4
    x0 = cx - gap * (total - 1) / 2
    for i in range(total):
        pts = star_points(x0 + i * gap, cy, r)
        if i < count:
            pygame.draw.polygon(surface, GOLD, pts)
        pygame.draw.polygon(surface, (130, 110, 60) if i >= count else (255, 230, 150), pts, 1)

