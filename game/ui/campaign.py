"""The campaign screen: the missions in order, locked until the one before is won, with
the stars earned; Enter opens the briefing."""

from __future__ import annotations

import pygame

from game.progress import Mission
from game.ui.backdrop import draw_backdrop
from game.ui.profile import prepare
from game.ui.screen import MenuScreen
from game.ui.widgets import (
    DIM,
    GOLD,
    TEXT,
    Item,
    Menu,
    draw_stars,
    draw_wrapped,
    panel,
    px,
    veil,
)


class CampaignScreen(MenuScreen):
    name = "campaign"

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        prepare(ctx)
        self._backdrop: pygame.Surface | None = None
        self.refresh()

    def progress_changed(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Rebuild after a mission (stars and locks change)."""
        ctx = self.ctx
        self.missions: list[Mission] = list(ctx.campaign)
        self.open = ctx.progress.unlocked(self.missions)
        items = []
        for mission, is_open in zip(self.missions, self.open, strict=True):
            label = mission.title
            if mission.training and not label.lower().startswith("training"):
                label = "Training: " + label
            items.append(Item(label, (lambda m=mission: self.brief(m)), enabled=is_open,
                              value="" if is_open else "locked"))
        items.append(Item("Back", self.ctx.pop))
        self.menu = Menu(items, font_size=28, width=460)
        nxt = ctx.progress.next_mission(self.missions)
        if nxt is not None:
            self.menu.index = self.missions.index(nxt)

    def brief(self, mission: Mission) -> None:
        self.ctx.go("briefing", mission)

    def draw(self, surface, alpha: float) -> None:
        size = surface.get_size()
        if self._backdrop is None or self._backdrop.get_size() != size:
            self._backdrop = draw_backdrop(size)
        surface.blit(self._backdrop, (0, 0))
        veil(surface, 110)
        ctx, text = self.ctx, self.ctx.text
        w, h = size
        x, y = px(ctx, 60), px(ctx, 40)
        text.blit(surface, "CAMPAIGN", (x, y), px(ctx, 54), GOLD, bold=True)
        text.blit(surface, "Colonel Rahim's operations, in order. Win one to open the next.",
                  (x, y + px(ctx, 52)), px(ctx, 22), DIM)
        top = y + px(ctx, 100)
        if not self.missions:
            text.blit(surface, "No mission maps were found in the maps folder.", (x, top),
                      px(ctx, 24), (240, 110, 90))
        area = self.menu.draw(surface, ctx, (x, top))
        for i, mission in enumerate(self.missions):
            rect = self.menu.rects[i]
            stars = ctx.progress.stars.get(mission.id, 0)
            if self.open[i] and not mission.training:
                draw_stars(surface, (rect.right + px(ctx, 60), rect.centery), stars,
                           px(ctx, 10))
            elif self.open[i] and ctx.progress.won(mission.id):
                text.blit(surface, "done", (rect.right + px(ctx, 30), rect.centery),
                          px(ctx, 20), DIM, anchor="midleft")
        self._draw_detail(surface, area)

    def _draw_detail(self, surface, area: pygame.Rect) -> None:
        ctx = self.ctx
        item_i = self.menu.index
        if item_i >= len(self.missions):
            return
        mission = self.missions[item_i]
        w, h = surface.get_size()
        left = area.right + px(ctx, 150)
        rect = pygame.Rect(left, area.y, max(200, w - left - px(ctx, 60)), px(ctx, 230))
        panel(surface, rect)
        text = ctx.text
        text.blit(surface, mission.title, (rect.x + 16, rect.y + 14), px(ctx, 30), GOLD,
                  bold=True)
        draw_wrapped(surface, ctx, mission.summary or "", pygame.Rect(
            rect.x + 16, rect.y + px(ctx, 56), rect.w - 32, rect.h - px(ctx, 100)),
            px(ctx, 22), TEXT)
        best = ctx.progress.stars.get(mission.id, 0)
        if not self.open[item_i]:
            status = "Locked: win the mission before it first."
        elif best:
            status = f"Won, best rating {best} of 3 stars. Enter to play again."
        else:
            status = "Enter: briefing"
        text.blit(surface, status, (rect.x + 16, rect.bottom - px(ctx, 34)), px(ctx, 21), DIM)
