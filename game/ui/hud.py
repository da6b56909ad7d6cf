"""The heads-up display: squad badges, mission status, radio log, hints."""

from __future__ import annotations

import pygame

from game.render.status_tags import COLOURS as STATUS_COLOURS
from game.render.status_tags import ROE_COLOURS, ROE_SHORT, card_words, unit_status
from game.render.text import TextCache, panel_of
from game.sim.catalog import SQUAD_ORDER
from game.ui.minimap import reserved_width
from game.ui.radio_log import RadioLog, fit_rows
from game.ui.widgets import scaled, ui_scale

BADGE_W, BADGE_H, GAP = 200, 62, 6
TOP_H = 28
LOG_LINES = 7  # rows of the radio log panel; a wrapped line takes two of them
LOG_W = 440
MAX_WRAPPED = 256  # radio lines' wrapped rows kept (the log shows the last LOG_LINES)
PANEL = (12, 14, 16, 185)
TEXT = (232, 232, 226)
DIM = (160, 160, 150)
SELECTED_EDGE = (120, 255, 140)
STATE_WORDS = {
    "downed": ("DOWN", (240, 90, 80)), "dead": ("KIA", (240, 90, 80)),
    "gone": ("EXTRACTED", (120, 230, 130)),
}


class Panels:
    """Translucent panel surfaces reused by size (text.panel_of: an alpha fill per frame
    costs more)."""

    def draw(self, surface, rect: pygame.Rect, colour=PANEL) -> None:
        surface.blit(*self.blit(rect, colour))

    def blit(self, rect: pygame.Rect, colour=PANEL) -> tuple[pygame.Surface, tuple[int, int]]:
        """(panel image, where) for a batch of blits."""
        return panel_of(rect.size, colour), rect.topleft


def squad_in_order(world) -> list:
    by_kind = {u.kind: u for u in world.squad()}
    return [by_kind[k] for k in SQUAD_ORDER if k in by_kind]


def survivors_status(saved: int, needed: int, total: int) -> str:
    """The rescue count for the top bar; more saved than needed reads as a met goal,
    never as "7/6"."""
    on_map = f" ({total} on the map)" if total != needed else ""
    if not needed:
        return f"Survivors saved {saved} of {total}"
    if saved >= needed:
        return f"Survivors saved {saved}: goal of {needed} met" + on_map
    return f"Survivors saved {saved} of {needed} needed" + on_map


def _mmss(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 60:02d}:{s % 60:02d}"


class Hud:
    """Each frame reads what the HUD says into plain values; only when they change are
    the panels, bars and texts laid out again.  Drawing is then panels first, then bars
    and outlines, then every text in one batch (texts never overlap a bar or an edge)."""

    def __init__(self, text: TextCache, ctx=None) -> None:
        self.text = text
        self.ctx = ctx  # for the player's UI scale, read every frame
        self.top_h = TOP_H  # the top bar's height at the current UI scale
        self.log_left = 0  # where the radio log panel starts (x), for overlays to keep clear
        self.log_rect = pygame.Rect(0, 0, 0, 0)  # the radio log panel (the arrows keep off)
        self.log_rows: list[str] = []  # the radio log's rows as laid out (wrapped)
        self.hint_top = 0  # where the key hint above the badges starts (y): toasts go above
        self.panels = Panels()
        self.badge_rects: list[tuple[pygame.Rect, int]] = []  # (rect, unit id) for clicks
        self._said: tuple | None = None
        self._layout: tuple = ([], [], [], [], [])
        self._parts: dict = {}  # part name -> (what it says, its laid-out pieces)
        self._wrapped: tuple[tuple, dict[str, list[str]]] = ((), {})  # see _wrapped_at

    def draw(self, surface, world, selected: set[int], log: RadioLog, paused: bool,
             scale: float, hint: str = "") -> None:
        ui = ui_scale(self.ctx) if self.ctx is not None else 1.0
        said = (surface.get_size(), ui, *self._top_bar(world, paused, scale),
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
        return pos[1] < self.top_h or any(rect.collidepoint(pos) for rect, _ in self.badge_rects)

    # -- what the HUD says --------------------------------------------------------------
    @staticmethod
    def _top_bar(world, paused: bool, scale: float) -> tuple[str, str, tuple]:
        rules = world.scenario.rules
        parts = [_mmss(world.time_s)]
        total = len(world.civilians())
        if total or rules.rescue_required:
            parts.append(survivors_status(world.stats.rescued, rules.rescue_required, total))
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
                ammo = ("reloading" if unit.reload_left > 0
                        else f"{unit.ammo}/{weapon.magazine}")
                ammo = f"{weapon.name} {ammo}"
            frac = max(0.0, min(1.0, unit.hp / unit.utype.max_hp))
            words = unit_status(unit)  # once: card_status and the colour read the same
            state = STATE_WORDS.get(unit.life)
            word, wcol = state if state is not None else (card_words(unit, words), TEXT)
            if unit.life == "active" and words:
                wcol = STATUS_COLOURS.get(words[0], TEXT)
            roe = (ROE_SHORT[unit.squad.roe], ROE_COLOURS[unit.squad.roe]) if unit.alive else None
            said.append((unit.id, unit.name, unit.id in selected, body_colour(unit), frac,
                         word, wcol, roe, ammo))
        return tuple(said)

    @staticmethod
    def _log(log: RadioLog) -> tuple:
        # the last lines that could show (a wrapped line takes more rows); which of them
        # fit is decided by the layout, with the fonts at hand
        return tuple(log.last(LOG_LINES))


    # -- where it goes --------------------------------------------------------------------
    def _lay_out(self, size, ui, title, status, corner, badges, log, hint) -> tuple:
        """Each part (the top bar, every badge, the log, the hint) is laid out again only
        when what it says changed: in a firefight a badge's rounds change most ticks,
        and measuring and fitting every text of the HUD for it cost a millisecond."""
        w, h = size
        self.top_h = scaled(TOP_H, ui)
        parts = [self._part("top", (w, ui, title, status, corner), self._lay_top_bar,
                            w, ui, title, status, corner)]
        # the badges share the bottom row left of the minimap, narrower when it is short
        gap, margin, badge_h = scaled(GAP, ui), scaled(8, ui), scaled(BADGE_H, ui)
        right = w - reserved_width(ui) - gap
        count = max(1, len(badges))
        badge_w = max(1, min(scaled(BADGE_W, ui), (right - margin - gap * (count - 1)) // count))
        rects = []
        for index, badge in enumerate(badges):
            rect = pygame.Rect(margin + index * (badge_w + gap), h - badge_h - margin,
                               badge_w, badge_h)
            rects.append((rect, badge[0]))
            parts.append(self._part(("badge", index), (tuple(rect), ui, badge),
                                    self._lay_badge, rect, ui, index, badge))
        self.log_rows, self.log_left, self.log_rect = [], 0, pygame.Rect(0, 0, 0, 0)
        if log:
            laid = self._part("log", (w, ui, log), self._lay_log, w, ui, log)
            self.log_rect, self.log_rows = laid[4]
            self.log_left = self.log_rect.x
            parts.append(laid)
        self.hint_top = h - badge_h - scaled(12, ui)
        if hint:
            laid = self._part("hint", (ui, hint, self.hint_top, right - margin),
                              self._lay_hint, ui, hint, self.hint_top, right - margin)
            self.hint_top = laid[4]
            parts.append(laid)
        panels, outlines, fills, texts = ([item for part in parts for item in part[i]]
                                          for i in range(4))
        return panels, outlines, fills, texts, rects

    def _part(self, name, key: tuple, lay, *args) -> tuple:
        """(panels, outlines, fills, texts, extra) of one part of the HUD, kept by what it
        says; `lay` appends to the four lists it is given and returns the extra."""
        kept = self._parts.get(name)
        if kept is not None and kept[0] == key:
            return kept[1]
        panels, outlines, fills, texts = [], [], [], []
        extra = lay(*args, panels, outlines, fills, texts)
        laid = (panels, outlines, fills, texts, extra)
        self._parts[name] = (key, laid)
        return laid

    def _lay_top_bar(self, w: int, ui: float, title, status, corner, panels, _outlines,
                     _fills, texts) -> None:
        top_h, pad = self.top_h, scaled(10, ui)
        panels.append(self.panels.blit(pygame.Rect(0, 0, w, top_h)))
        first = self._text(title, (pad, top_h // 2), scaled(20, ui), TEXT, True, "midleft")
        label, size, colour, bold = corner
        last = self._text(label, (w - pad, top_h // 2), scaled(size, ui), colour, bold, "midright")
        # the status is centred unless that would run into the title or the corner
        left, right = first[1][0] + first[0].get_width() + pad, last[1][0] - pad
        size = scaled(20, ui)
        while size > 10 and self.text.font(size).size(status)[0] > right - left:
            size -= 1
        img = self.text.render(status, size, TEXT)
        x = min(max(w // 2 - img.get_width() // 2, left), right - img.get_width())
        texts += [first, (img, (x, top_h // 2 - img.get_height() // 2)), last]

    def _lay_badge(self, rect: pygame.Rect, ui: float, index: int, badge, panels, outlines,
                   fills, texts) -> None:
        _, name, selected, body, frac, word, wcol, roe, ammo = badge
        pad, inner = scaled(12, ui), rect.w - scaled(22, ui)
        panels.append(self.panels.blit(rect))
        outlines.append((SELECTED_EDGE if selected else (70, 70, 70), rect, 2 if selected else 1))
        fills.append((body, (rect.x + 2, rect.y + 2, scaled(5, ui), rect.h - 4)))
        label, size = f"{index + 1}  {name}", scaled(19, ui)
        name_inner = inner
        if roe is not None:  # the rules of engagement, top right of the card
            tag = self._text(roe[0], (rect.right - scaled(10, ui), rect.y + scaled(7, ui)),
                             scaled(13, ui), roe[1], True, "topright")
            texts.append(tag)
            name_inner -= tag[0].get_width() + scaled(6, ui)
        while size > scaled(15, ui) and self.text.font(size, True).size(label)[0] > name_inner:
            size -= 1  # a narrow badge first shrinks the name a little, then cuts it
        label = self._fitted(label, size, True, name_inner)
        texts.append(self._text(label, (rect.x + pad, rect.y + scaled(5, ui)), size, TEXT, True))
        bar = pygame.Rect(rect.x + pad, rect.y + scaled(25, ui), rect.w - 2 * pad, scaled(8, ui))
        fills.append(((40, 40, 40), bar))
        colour = (80, 210, 90) if frac > 0.6 else (230, 190, 60) if frac > 0.3 else (230, 60, 50)
        fills.append((colour, (bar.x, bar.y, round(bar.w * frac), bar.h)))
        size, y = scaled(18, ui), rect.y + scaled(40, ui)
        word_w = self.text.font(size).size(word)[0]
        if ammo is not None:
            # a narrow badge shows the rounds without the weapon's name
            if word_w + scaled(4, ui) + self.text.font(size).size(ammo)[0] > inner:
                ammo = ammo.rsplit(" ", 1)[-1]
            ammo_w = self.text.font(size).size(ammo)[0]
            texts.append(self._text(ammo, (rect.right - scaled(10, ui), y), size, DIM,
                                    anchor="topright"))
            word = self._fitted(word, size, False, inner - ammo_w - scaled(8, ui))
        texts.append(self._text(word, (rect.x + pad, y), size, wcol))

    def _lay_log(self, w: int, ui: float, log, panels, _outlines, _fills,
                 texts) -> tuple[pygame.Rect, list[str]]:
        """The radio log, top right: newest lines last; a long line goes on in an indented
        second row, and then fewer lines fit in the panel's LOG_LINES rows.  Returns
        (the panel's rectangle, the rows as laid out)."""
        margin, row_h, size = scaled(8, ui), scaled(19, ui), scaled(17, ui)
        width = min(scaled(LOG_W, ui), w - 2 * margin)
        column, indent = scaled(52, ui), scaled(14, ui)
        font = self.text.font(size)

        def fits(text: str, row: int) -> bool:
            return font.size(text)[0] <= width - column - margin - (indent if row else 0)

        rows = fit_rows(log, fits, LOG_LINES, wrapped=self._wrapped_at(size, width, column,
                                                                      indent, margin))
        rect = pygame.Rect(w - width - margin, self.top_h + scaled(6, ui), width,
                           scaled(10, ui) + row_h * len(rows))
        panels.append(self.panels.blit(rect))
        y = rect.y + scaled(6, ui)
        for line, row, part in rows:
            if row == 0:
                texts.append(self._text(_mmss(line.time_s), (rect.x + margin, y), size, DIM))
            x = rect.x + column + (indent if row else 0)
            texts.append(self._text(part, (x, y), size, line.colour))
            y += row_h
        return rect, [part for _, _, part in rows]

    def _wrapped_at(self, *sizes: int) -> dict[str, list[str]]:
        """The radio lines' rows as wrapped at these sizes (font, widths), kept for the
        next layout of the log; a new size (the window, the UI scale) starts afresh."""
        kept_sizes, wrapped = self._wrapped
        if kept_sizes != sizes or len(wrapped) > MAX_WRAPPED:
            wrapped = {}
            self._wrapped = (sizes, wrapped)
        return wrapped

    def _lay_hint(self, ui: float, hint: str, bottom: int, width: int, panels, _outlines,
                  _fills, texts) -> int:
        """The key hint above the badges, in as many rows as it needs to stay left of
        the minimap (its parts are separated by two spaces).  Returns its top (y)."""
        size, margin = scaled(16, ui), scaled(8, ui)
        font = self.text.font(size)
        rows: list[str] = []
        for part in hint.split("  "):
            trial = f"{rows[-1]}  {part}" if rows else part
            if rows and font.size(trial)[0] + 8 <= width:
                rows[-1] = trial
            else:
                rows.append(part)
        for text in reversed(rows):
            img = self.text.render(text, size, DIM)
            rect = img.get_rect(bottomleft=(margin, bottom))
            panels.append(self.panels.blit(rect.inflate(8, 4)))
            texts.append((img, rect.topleft))
            bottom = rect.top - 4
        return bottom

    def _fitted(self, text: str, size: int, bold: bool, width: int) -> str:
        """text, cut with "..." when it is wider than width at this font size."""
        font = self.text.font(size, bold)
        if font.size(text)[0] <= width:
            return text
        while text and font.size(text + "...")[0] > width:
            text = text[:-1]
        return text.rstrip() + "..."

    def _text(self, text: str, pos, size: int, colour, bold: bool = False,
              anchor: str = "topleft") -> tuple[pygame.Surface, tuple[int, int]]:
        img = self.text.render(text, size, colour, bold)
        return img, img.get_rect(**{anchor: pos}).topleft
