"""The briefing: Colonel Rahim's orders (the map's `briefing` property), a small picture
of the map, and the objectives; Enter deploys.  Also how a mission is launched, from
the campaign or from the custom maps list."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pygame

from game.map_loader import MapLoadFailed
from game.progress import Mission
from game.sim.geometry import SUB
from game.ui.context import Context
from game.ui.profile import prepare
from game.ui.screen import MenuScreen
from game.ui.text_wrap import wrap
from game.ui.widgets import DIM, GOLD, TEXT, Item, Menu, draw_wrapped, fitting_size, panel, px

PREVIEW_TILE = 8  # pixels per tile when drawing the preview (then scaled to fit)
LINE_GAP = 1.25  # draw_wrapped's default spacing


def map_preview(scenario, box: tuple[int, int]) -> pygame.Surface:
    """The map drawn small from its tile art (rule colours if the art is missing), with
    extraction zones and the squad's start marked, scaled to fit box."""
    from game.render.terrain_cache import terrain_colours
    from game.render.tileset import TileAtlas

    tw, th = scenario.terrain.width, scenario.terrain.height
    size = PREVIEW_TILE
    rgb = terrain_colours(scenario.terrain)
    base = pygame.transform.scale(pygame.surfarray.make_surface(rgb.transpose(1, 0, 2)),
                                  (tw * size, th * size))
    try:
        atlas = TileAtlas(scenario.art)
        if atlas.available:
            for layer in scenario.art.layers:
                if layer.above_units or not layer.visible:
                    continue
                _draw_layer(base, atlas, layer, size)
    except (pygame.error, AttributeError, TypeError):
        pass  # the rule colours already drawn are a fine preview
    k = size / SUB
    for zone in scenario.extractions:
        x0, y0, x1, y1 = (round(v * k) for v in zone.rect)
        pygame.draw.rect(base, (90, 230, 120), (x0, y0, x1 - x0, y1 - y0), 3)
    for spawn in scenario.squad:
        pygame.draw.circle(base, (90, 200, 255), (round(spawn.x * k), round(spawn.y * k)),
                           max(4, size))
    scale = min(box[0] / base.get_width(), box[1] / base.get_height())
    out = (max(1, round(base.get_width() * scale)), max(1, round(base.get_height() * scale)))
    return pygame.transform.smoothscale(base, out)


def _draw_layer(surface, atlas, layer, size: int) -> None:
    ys, xs = np.nonzero(layer.gids)
    blits = []
    for y, x in zip(ys.tolist(), xs.tolist(), strict=True):
        flip = int(layer.flips[y, x]) if layer.flips is not None else 0
        tile = atlas.tile(int(layer.gids[y, x]), flip, size)
        if tile is not None:
            blits.append((tile, (x * size, y * size)))
    surface.fblits(blits)


def objectives(scenario) -> list[str]:
    rules = scenario.rules
    exits = ", ".join(sorted({z.name for z in scenario.extractions})) or "the extraction"
    lines = []
    if rules.rescue_required:
        lines.append(f"Bring at least {rules.rescue_required} survivors to extraction "
                     f"point {exits}.")
    crates = [c for c in scenario.crates if c.required]
    if crates:
        kinds = sorted({c.kind for c in crates})
        lines.append(f"Carry {len(crates)} {'/'.join(kinds)} crate"
                     f"{'s' if len(crates) != 1 else ''} to {exits}.")
    lines.append(f"Get the squad out at {exits}.")
    n = rules.air_strikes
    lines.append(f"Falcon-2 on call: {n} air strike{'s' if n != 1 else ''}." if n else
                 "No air support on this one.")
    if rules.time_limit_s:
        m, s = divmod(rules.time_limit_s, 60)
        lines.append(f"Time limit: {m}:{s:02d}.")
    return lines


def rahim_words(text: str) -> str:
    """The briefing without a leading "Colonel Rahim:" (the panel already says who)."""
    stripped = text.lstrip()
    for prefix in ("Colonel Rahim:", "Rahim:"):
        if stripped.startswith(prefix):
            return stripped[len(prefix):].lstrip()
    return text


def load_mission(ctx: Context, path: Path):
    """(scenario, None) or (None, the message the player sees)."""
    try:
        return ctx.load_map(str(path)), None
    except MapLoadFailed as exc:
        return None, str(exc)


def launch(ctx: Context, scenario, mission: Mission | None) -> None:
    """Start a mission on top of the stack (a fresh seed each deployment; Restart keeps
    it).  The debrief follows when it ends."""
    from game.session import Session

    prepare(ctx)
    seed = int(time.time() * 1000) % (2**31)
    session = Session(scenario, seed=seed, difficulty=ctx.settings.difficulty)
    ctx.clock.paused = False
    ctx.clock.accumulator = 0.0
    battle = ctx.make("battle", session)
    battle.mission = mission
    battle.finish_with = "debrief"
    ctx.push(battle)


class BriefingScreen(MenuScreen):
    name = "briefing"

    def __init__(self, ctx: Context, mission: Mission) -> None:
        super().__init__(ctx)
        prepare(ctx)
        self.mission = mission
        self.scenario, self.error = load_mission(ctx, mission.map)
        self._preview: pygame.Surface | None = None
        self._layout_key: tuple | None = None
        self._layout: tuple[int, list] = (12, [])
        items = [Item("Deploy", self.deploy, enabled=self.scenario is not None,
                      tooltip="Enter: start the mission"),
                 Item("Back", self.ctx.pop, tooltip="Esc: back to the missions")]
        self.menu = Menu(items, font_size=30, width=240)

    def deploy(self) -> None:
        if self.scenario is None:
            return
        self.ctx.pop()
        launch(self.ctx, self.scenario, self.mission)

    def draw(self, surface, alpha: float) -> None:
        surface.fill((16, 17, 19))
        ctx, text = self.ctx, self.ctx.text
        w, h = surface.get_size()
        margin = px(ctx, 40)
        title = self.scenario.rules.title if self.scenario else self.mission.title
        text.blit(surface, "BRIEFING", (margin, margin - 10), px(ctx, 24), DIM, bold=True)
        text.blit(surface, title, (margin, margin + px(ctx, 14)), px(ctx, 48), GOLD, bold=True)
        top = margin + px(ctx, 70)
        left_w = int(w * 0.52)
        if self.scenario is None:
            draw_wrapped(surface, ctx, f"This map cannot be played:\n{self.error}",
                         pygame.Rect(margin, top, w - 2 * margin, h // 2), px(ctx, 22),
                         (240, 110, 90))
            self.menu.draw(surface, ctx, (margin, h - px(ctx, 130)))
            return
        # laid out from the bottom up, so a large UI scale squeezes Rahim's words (clipped)
        # rather than piling the objectives onto the menu
        band = h - px(ctx, 130)  # the menu's band starts here
        goal_font = text.font(px(ctx, 21))
        goals = [part for line in objectives(self.scenario)
                 for part in wrap("-  " + line, goal_font, left_w - margin - 32)]
        obj_h = px(ctx, 52) + px(ctx, 25) * len(goals)
        obj_top = band - 10 - obj_h
        area = pygame.Rect(left_w + margin // 2, top, w - left_w - margin - margin // 2,
                           band - 10 - top)
        words_box = pygame.Rect(margin, top, left_w - margin, obj_top - 14 - top)
        # too little room left of the map for the colonel's words: they take the map's place
        with_map = words_box.h >= px(ctx, 140)
        self._draw_words(surface, words_box if with_map else area)
        # objectives
        obj = panel(surface, pygame.Rect(margin, obj_top, left_w - margin, obj_h))
        text.blit(surface, "Objectives", (obj.x + 16, obj.y + 10), px(ctx, 24), GOLD, bold=True)
        y = obj.y + px(ctx, 42)
        for line in goals:
            text.blit(surface, line, (obj.x + 16, y), px(ctx, 21), TEXT)
            y += px(ctx, 25)
        if with_map:
            self._draw_map(surface, area)
        self.menu.draw(surface, ctx, (margin, band + 10))
        text.blit(surface, f"Difficulty: {ctx.settings.difficulty}", (w - margin,
                  h - px(ctx, 40)), px(ctx, 20), DIM, anchor="topright")

    def _draw_words(self, surface, rect: pygame.Rect) -> None:
        ctx, text = self.ctx, self.ctx.text
        box = panel(surface, rect)
        text.blit(surface, "Colonel Rahim:", (box.x + 16, box.y + 12), px(ctx, 24), GOLD,
                  bold=True)
        words = rahim_words(self.scenario.rules.briefing or self.mission.summary or
                            "No words from the colonel on this one. Find them and bring "
                            "them home.")
        area = pygame.Rect(box.x + 16, box.y + px(ctx, 44), box.w - 32, box.h - px(ctx, 54))
        size, lines = self._words_layout(words, area, px(ctx, 22))
        y, step = area.y, round(size * LINE_GAP * 0.8)  # as draw_wrapped spaces lines
        for line in lines:
            if y + step > area.bottom:
                break
            if line:
                text.blit(surface, line, (area.x, y), size, TEXT)
            y += step

    def _words_layout(self, words: str, area: pygame.Rect, size: int) -> tuple[int, list]:
        """The text size that fits and the wrapped lines, worked out once per text and box:
        wrapping a long briefing every frame would stall the screen."""
        key = (words, area.size, size)
        if self._layout_key != key:
            fit = fitting_size(self.ctx, words, area, size, 12, LINE_GAP)
            self._layout = (fit, wrap(words, self.ctx.text.font(fit), area.w))
            self._layout_key = key
        return self._layout

    def _draw_map(self, surface, area: pygame.Rect) -> None:
        ctx, text = self.ctx, self.ctx.text
        panel(surface, area)
        inner = (area.w - 20, area.h - 50)
        if self._preview is None or self._preview.get_width() > inner[0] or \
                self._preview.get_height() > inner[1]:
            self._preview = map_preview(self.scenario, inner)
        rect = self._preview.get_rect(center=(area.centerx, area.centery - 12))
        surface.blit(self._preview, rect)
        text.blit(surface, "Blue: your squad    Green: extraction", (area.centerx,
                  area.bottom - 28), px(ctx, 19), DIM, anchor="midtop")
