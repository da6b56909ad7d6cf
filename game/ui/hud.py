"""The heads-up display: squad badges, mission status, radio log, hints."""

from __future__ import annotations

import pygame

from game.render.text import TextCache
from game.sim.catalog import SQUAD_ORDER
from game.ui.radio_log import RadioLog

BADGE_W, BADGE_H, GAP = 200, 62, 6
TOP_H = 28
LOG_LINES = 7
LOG_W = 440
PANEL = (12, 14, 16, 185)
TEXT = (232, 232, 226)
DIM = (160, 160, 150)
SELECTED_EDGE = (120, 255, 140)
STATE_WORDS = {
    "downed": ("DOWN", (240, 90, 80)), "dead": ("KIA", (240, 90, 80)),
    "gone": ("EXTRACTED", (120, 230, 130)),
}


class Panels:
    """Translucent panel surfaces reused by size (an alpha fill per frame costs more)."""

    def __init__(self) -> None:
        self._cache: dict[tuple[int, int, tuple], pygame.Surface] = {}

    def draw(self, surface, rect: pygame.Rect, colour=PANEL) -> None:
        key = (rect.w, rect.h, colour)
        panel = self._cache.get(key)
        if panel is None:
            panel = self._cache[key] = pygame.Surface(rect.size, pygame.SRCALPHA)
            panel.fill(colour)
        surface.blit(panel, rect)


def squad_in_order(world) -> list:
    by_kind = {u.kind: u for u in world.squad()}
    return [by_kind[k] for k in SQUAD_ORDER if k in by_kind]


def _mmss(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 60:02d}:{s % 60:02d}"


class Hud:
    def __init__(self, text: TextCache) -> None:
        self.text = text
        self.panels = Panels()
        self.badge_rects: list[tuple[pygame.Rect, int]] = []  # (rect, unit id) for clicks

    def draw(self, surface, world, selected: set[int], log: RadioLog, paused: bool,
             scale: float, hint: str = "") -> None:
        self._top_bar(surface, world, paused, scale)
        self._badges(surface, world, selected)
        self._log(surface, world, log)
        if hint:
            h = surface.get_height()
            img = self.text.render(hint, 16, DIM)
            rect = img.get_rect(bottomleft=(8, h - BADGE_H - 12))
            self.panels.draw(surface, rect.inflate(8, 4))
            surface.blit(img, rect)

    def hit_badge(self, pos) -> int:
        for rect, uid in self.badge_rects:
            if rect.collidepoint(pos):
                return uid
        return 0

    def over_hud(self, pos) -> bool:
        return pos[1] < TOP_H or any(rect.collidepoint(pos) for rect, _ in self.badge_rects)

    def _top_bar(self, surface, world, paused: bool, scale: float) -> None:
        w = surface.get_width()
        self.panels.draw(surface, pygame.Rect(0, 0, w, TOP_H))
        rules = world.scenario.rules
        t = self.text
        t.blit(surface, rules.title, (10, TOP_H // 2), 20, TEXT, bold=True, anchor="midleft")
        needed = rules.rescue_required
        total = len(world.civilians())
        status = (f"{_mmss(world.time_s)}    Survivors saved {world.stats.rescued}/{needed}"
                  f" (of {total})    Falcon-2 strikes: {world.strikes_left}")
        if rules.time_limit_s:
            status += f"    Time left {_mmss(max(0, rules.time_limit_s - world.time_s))}"
        t.blit(surface, status, (w // 2, TOP_H // 2), 20, TEXT, anchor="center")
        if paused:
            t.blit(surface, "PAUSED", (w - 10, TOP_H // 2), 22, (250, 200, 90), bold=True,
                   anchor="midright")
        else:
            label = f"x{scale:g}"
            colour = TEXT if scale == 1 else (250, 200, 90)
            t.blit(surface, label, (w - 10, TOP_H // 2), 20, colour, anchor="midright")

    def _badges(self, surface, world, selected: set[int]) -> None:
        h = surface.get_height()
        self.badge_rects = []
        for index, unit in enumerate(squad_in_order(world)):
            rect = pygame.Rect(8 + index * (BADGE_W + GAP), h - BADGE_H - 8, BADGE_W, BADGE_H)
            self.badge_rects.append((rect, unit.id))
            self._badge(surface, rect, index, unit, unit.id in selected)

    def _badge(self, surface, rect: pygame.Rect, index: int, unit, selected: bool) -> None:
        from game.render.sprites import body_colour

        self.panels.draw(surface, rect)
        pygame.draw.rect(surface, SELECTED_EDGE if selected else (70, 70, 70), rect, 2 if
                         selected else 1)
        surface.fill(body_colour(unit), (rect.x + 2, rect.y + 2, 5, rect.h - 4))
        t = self.text
        t.blit(surface, f"{index + 1}  {unit.name}", (rect.x + 12, rect.y + 5), 19, TEXT,
               bold=True)
        frac = max(0.0, min(1.0, unit.hp / unit.utype.max_hp))
        bar = pygame.Rect(rect.x + 12, rect.y + 25, rect.w - 24, 8)
        surface.fill((40, 40, 40), bar)
        colour = (80, 210, 90) if frac > 0.6 else (230, 190, 60) if frac > 0.3 else (230, 60, 50)
        surface.fill(colour, (bar.x, bar.y, round(bar.w * frac), bar.h))
        word, wcol = STATE_WORDS.get(unit.life, (unit.activity, TEXT))
        t.blit(surface, word, (rect.x + 12, rect.y + 40), 18, wcol)
        weapon = unit.weapon
        if weapon is not None:
            ammo = "reloading" if unit.activity == "reloading" else f"{unit.ammo}/{weapon.magazine}"
            t.blit(surface, f"{weapon.name} {ammo}", (rect.right - 10, rect.y + 40), 18, DIM,
                   anchor="topright")

    def _log(self, surface, world, log: RadioLog) -> None:
        lines = log.last(LOG_LINES)
        if not lines:
            return
        w = surface.get_width()
        rect = pygame.Rect(w - LOG_W - 8, TOP_H + 6, LOG_W, 10 + 19 * len(lines))
        self.panels.draw(surface, rect)
        y = rect.y + 6
        for line in lines:
            stamp = _mmss(line.time_s)
            self.text.blit(surface, stamp, (rect.x + 8, y), 17, DIM)
            text = line.text if len(line.text) <= 58 else line.text[:56] + "..."
            self.text.blit(surface, text, (rect.x + 52, y), 17, line.colour)
            y += 19
