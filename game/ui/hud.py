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
        surface.blit(*self.blit(rect, colour))

    def blit(self, rect: pygame.Rect, colour=PANEL) -> tuple[pygame.Surface, tuple[int, int]]:
        """(panel image, where) for a batch of blits."""
        key = (rect.w, rect.h, colour)
        panel = self._cache.get(key)
        if panel is None:
            panel = self._cache[key] = pygame.Surface(rect.size, pygame.SRCALPHA)
            panel.fill(colour)
        return panel, rect.topleft


def squad_in_order(world) -> list:
    by_kind = {u.kind: u for u in world.squad()}
    return [by_kind[k] for k in SQUAD_ORDER if k in by_kind]


def _mmss(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 60:02d}:{s % 60:02d}"


class Hud:
    """Each frame reads what the HUD says into plain values; only when they change are
    the panels, bars and texts laid out again.  Drawing is then panels first, then bars
    and outlines, then every text in one batch (texts never overlap a bar or an edge)."""

    def __init__(self, text: TextCache) -> None:
        self.text = text
        self.panels = Panels()
        self.badge_rects: list[tuple[pygame.Rect, int]] = []  # (rect, unit id) for clicks
        self._said: tuple | None = None
        self._layout: tuple = ([], [], [], [], [])

    def draw(self, surface, world, selected: set[int], log: RadioLog, paused: bool,
             scale: float, hint: str = "") -> None:
        said = (surface.get_size(), *self._top_bar(world, paused, scale),
                self._badges(world, selected), self._log(log), hint)
        if said != self._said:
            self._said, self._layout = said, self._lay_out(*said)
        panels, outlines, fills, texts, self.badge_rects = self._layout
        surface.fblits(panels)
        for colour, rect, width in outlines:
            pygame.draw.rect(surface, colour, rect, width)
        for colour, rect in fills:
            surface.fill(colour, rect)
        surface.fblits(texts)

    def hit_badge(self, pos) -> int:
        for rect, uid in self.badge_rects:
            if rect.collidepoint(pos):
                return uid
        return 0

    def over_hud(self, pos) -> bool:
        return pos[1] < TOP_H or any(rect.collidepoint(pos) for rect, _ in self.badge_rects)

    # -- what the HUD says --------------------------------------------------------------
    @staticmethod
    def _top_bar(world, paused: bool, scale: float) -> tuple[str, str, tuple]:
        rules = world.scenario.rules
        parts = [_mmss(world.time_s)]
        total = len(world.civilians())
        if total or rules.rescue_required:
            parts.append(f"Survivors saved {world.stats.rescued}/{rules.rescue_required}"
                         f" (of {total})")
        crates = [c for c in world.crates.values() if c.required]
        if crates:
            parts.append(f"Crates out {sum(c.delivered for c in crates)}/{len(crates)}")
        parts.append(f"Falcon-2 strikes: {world.strikes_left}")
        status = "    ".join(parts)
        if rules.time_limit_s:
            status += f"    Time left {_mmss(max(0, rules.time_limit_s - world.time_s))}"
        if paused:
            corner = ("PAUSED", 22, (250, 200, 90), True)
        else:
            corner = (f"x{scale:g}", 20, TEXT if scale == 1 else (250, 200, 90), False)
        return rules.title, status, corner

    @staticmethod
    def _badges(world, selected: set[int]) -> tuple:
        from game.render.sprites import body_colour

        said = []
        for unit in squad_in_order(world):
            weapon = unit.weapon
            ammo = None
            if weapon is not None:
                ammo = ("reloading" if unit.activity == "reloading"
                        else f"{unit.ammo}/{weapon.magazine}")
                ammo = f"{weapon.name} {ammo}"
            frac = max(0.0, min(1.0, unit.hp / unit.utype.max_hp))
            word, wcol = STATE_WORDS.get(unit.life, (unit.activity, TEXT))
            said.append((unit.id, unit.name, unit.id in selected, body_colour(unit), frac,
                         word, wcol, ammo))
        return tuple(said)

    @staticmethod
    def _log(log: RadioLog) -> tuple:
        return tuple((_mmss(line.time_s),
                      line.text if len(line.text) <= 58 else line.text[:56] + "...",
                      line.colour) for line in log.last(LOG_LINES))

    # -- where it goes --------------------------------------------------------------------
    def _lay_out(self, size, title, status, corner, badges, log, hint) -> tuple:
        w, h = size
        panels, outlines, fills, texts, rects = [], [], [], [], []
        self._lay_top_bar(w, title, status, corner, panels, texts)
        for index, badge in enumerate(badges):
            rect = pygame.Rect(8 + index * (BADGE_W + GAP), h - BADGE_H - 8, BADGE_W, BADGE_H)
            rects.append((rect, badge[0]))
            self._lay_badge(rect, index, badge, panels, outlines, fills, texts)
        if log:
            rect = pygame.Rect(w - LOG_W - 8, TOP_H + 6, LOG_W, 10 + 19 * len(log))
            panels.append(self.panels.blit(rect))
            y = rect.y + 6
            for stamp, line, colour in log:
                texts.append(self._text(stamp, (rect.x + 8, y), 17, DIM))
                texts.append(self._text(line, (rect.x + 52, y), 17, colour))
                y += 19
        if hint:
            img = self.text.render(hint, 16, DIM)
            rect = img.get_rect(bottomleft=(8, h - BADGE_H - 12))
            panels.append(self.panels.blit(rect.inflate(8, 4)))
            texts.append((img, rect.topleft))
        return panels, outlines, fills, texts, rects

    def _lay_top_bar(self, w: int, title, status, corner, panels, texts) -> None:
        panels.append(self.panels.blit(pygame.Rect(0, 0, w, TOP_H)))
        texts.append(self._text(title, (10, TOP_H // 2), 20, TEXT, True, "midleft"))
        texts.append(self._text(status, (w // 2, TOP_H // 2), 20, TEXT, anchor="center"))
        label, size, colour, bold = corner
        texts.append(self._text(label, (w - 10, TOP_H // 2), size, colour, bold, "midright"))

    def _lay_badge(self, rect: pygame.Rect, index: int, badge, panels, outlines, fills,
                   texts) -> None:
        _, name, selected, body, frac, word, wcol, ammo = badge
        panels.append(self.panels.blit(rect))
        outlines.append((SELECTED_EDGE if selected else (70, 70, 70), rect, 2 if selected else 1))
        fills.append((body, (rect.x + 2, rect.y + 2, 5, rect.h - 4)))
        texts.append(self._text(f"{index + 1}  {name}", (rect.x + 12, rect.y + 5), 19, TEXT,
                                True))
        bar = pygame.Rect(rect.x + 12, rect.y + 25, rect.w - 24, 8)
        fills.append(((40, 40, 40), bar))
        colour = (80, 210, 90) if frac > 0.6 else (230, 190, 60) if frac > 0.3 else (230, 60, 50)
        fills.append((colour, (bar.x, bar.y, round(bar.w * frac), bar.h)))
        texts.append(self._text(word, (rect.x + 12, rect.y + 40), 18, wcol))
        if ammo is not None:
            texts.append(self._text(ammo, (rect.right - 10, rect.y + 40), 18, DIM,
                                    anchor="topright"))

    def _text(self, text: str, pos, size: int, colour, bold: bool = False,
              anchor: str = "topleft") -> tuple[pygame.Surface, tuple[int, int]]:
        img = self.text.render(text, size, colour, bold)
        return img, img.get_rect(**{anchor: pos}).topleft
