"""Overlays above the battle: the victory/defeat panel and the Esc menu."""

from __future__ import annotations

import math

import pygame

from game.debrief import STAR_RULES, debrief
from game.ui.mission_figures import mission_stats
from game.ui.screen import Screen
from game.ui.widgets import scaled, ui_scale

VEIL = (0, 0, 0, 150)


def _veil(surface) -> None:
    veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    veil.fill(VEIL)
    surface.blit(veil, (0, 0))


def _panel(surface, size: tuple[int, int]) -> pygame.Rect:
    rect = pygame.Rect((0, 0), size)
    rect.center = surface.get_rect().center
    pygame.draw.rect(surface, (24, 26, 28), rect)
    pygame.draw.rect(surface, (90, 90, 86), rect, 2)
    return rect


class OutcomeScreen(Screen):
    name = "outcome"
    transparent = True

    def __init__(self, ctx, battle) -> None:
        super().__init__(ctx)
        self.battle = battle

    def handle_event(self, event) -> None:
        if event.type != pygame.KEYDOWN:
            return
        if event.key == pygame.K_r:
            self.ctx.pop()
            self.battle.restart()
        elif event.key in (pygame.K_ESCAPE, pygame.K_q):
            self.ctx.quit(0)

    def draw(self, surface, alpha: float) -> None:
        world = self.battle.world
        ui = ui_scale(self.ctx)

        def s(value: float) -> int:
            return scaled(value, ui)

        _veil(surface)
        rect = _panel(surface, (s(640), s(440)))
        won = world.outcome == "victory"
        text = self.ctx.text
        title = "MISSION ACCOMPLISHED" if won else "MISSION FAILED"
        text.blit(surface, title, (rect.centerx, rect.y + s(22)), s(40),
                  (120, 230, 130) if won else (240, 90, 80), bold=True, anchor="midtop")
        text.blit(surface, world.outcome_reason, (rect.centerx, rect.y + s(68)), s(22),
                  (230, 230, 225), anchor="midtop")
        y = rect.y + s(110)
        for line in mission_stats(world):
            text.blit(surface, line, (rect.x + s(50), y), s(21), (200, 200, 195))
            y += s(26)
        _draw_rating(surface, text, world, rect, y + s(4), ui)
        text.blit(surface, "R restart    Esc quit", (rect.centerx, rect.bottom - s(36)),
                  s(22), (250, 200, 90), anchor="midtop")


# -- the star rating (figures from game/debrief.py) -----------------------------------------
STAR_ON, STAR_OFF = (250, 200, 90), (70, 70, 66)


def _draw_rating(surface, text, world, rect: pygame.Rect, y: int, ui: float = 1.0) -> None:
    """Three stars, the earned ones lit, and the rule that earns them (at UI scale ui)."""
    stars = debrief(world).stars
    for i in range(3):
        colour = STAR_ON if i < stars else STAR_OFF
        _star(surface, (rect.centerx + (i - 1) * scaled(44, ui), y + scaled(18, ui)),
              scaled(17, ui), colour)
    y += scaled(44, ui)
    for line in STAR_RULES:
        text.blit(surface, line, (rect.x + scaled(30, ui), y), scaled(17, ui), (170, 170, 165))
        y += scaled(21, ui)


def _star(surface, centre: tuple[int, int], r: int, colour) -> None:
    cx, cy = centre
    points = []
    for k in range(10):
        radius = r if k % 2 == 0 else r * 0.45
        angle = -math.pi / 2 + k * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    pygame.draw.polygon(surface, colour, points)

