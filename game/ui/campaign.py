"""The campaign screen: the missions in order, locked until the one before is won, with
the stars earned; Enter opens the briefing."""

from __future__ import annotations

import pygame

from game.progress import Mission
from game.ui.profile import prepare
from game.ui.screen import MenuScreen
from game.ui.title import draw_backdrop
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
    def __init__(self, app) -> None:
        super().__init__(app)
        prepare(app)
        self._backdrop: pygame.Surface | None = None
        self.refresh()

    def refresh(self) -> None:
        """Rebuild after a mission (stars and locks change)."""
        app = self.app
        self.missions: list[Mission] = list(app.campaign)
        self.open = app.progress.unlocked(self.missions)
        items = []
        for mission, is_open in zip(self.missions, self.open, strict=True):
            label = mission.title
            if mission.training and not label.lower().startswith("training"):
                label = "Training: " + label
            items.append(Item(label, (lambda m=mission: self.brief(m)), enabled=is_open,
                              value="" if is_open else "locked"))
        items.append(Item("Back", self.app.pop))
        self.menu = Menu(items, font_size=28, width=460)
        nxt = app.progress.next_mission(self.missions)
        if nxt is not None:
            self.menu.index = self.missions.index(nxt)

    def brief(self, mission: Mission) -> None:
        from game.ui.briefing import BriefingScreen

        self.app.push(BriefingScreen(self.app, mission))

    def draw(self, surface, alpha: float) -> None:
        size = surface.get_size()
        if self._backdrop is None or self._backdrop.get_size() != size:
            self._backdrop = draw_backdrop(size)
        surface.blit(self._backdrop, (0, 0))
        veil(surface, 110)
        app, text = self.app, self.app.text
        w, h = size
        x, y = px(app, 60), px(app, 40)
        text.blit(surface, "CAMPAIGN", (x, y), px(app, 54), GOLD, bold=True)
        text.blit(surface, "Colonel Rahim's operations, in order. Win one to open the next.",
                  (x, y + px(app, 52)), px(app, 22), DIM)
        top = y + px(app, 100)
        if not self.missions:
            text.blit(surface, "No mission maps were found in the maps folder.", (x, top),
                      px(app, 24), (240, 110, 90))
        area = self.menu.draw(surface, app, (x, top))
        for i, mission in enumerate(self.missions):
            rect = self.menu.rects[i]
            stars = app.progress.stars.get(mission.id, 0)
            if self.open[i] and not mission.training:
                draw_stars(surface, (rect.right + px(app, 60), rect.centery), stars,
                           px(app, 10))
            elif self.open[i] and app.progress.won(mission.id):
                text.blit(surface, "done", (rect.right + px(app, 30), rect.centery),
                          px(app, 20), DIM, anchor="midleft")
        self._draw_detail(surface, area)

    def _draw_detail(self, surface, area: pygame.Rect) -> None:
        app = self.app
        item_i = self.menu.index
        if item_i >= len(self.missions):
            return
        mission = self.missions[item_i]
        w, h = surface.get_size()
        left = area.right + px(app, 150)
        rect = pygame.Rect(left, area.y, max(200, w - left - px(app, 60)), px(app, 230))
        panel(surface, rect)
        text = app.text
        text.blit(surface, mission.title, (rect.x + 16, rect.y + 14), px(app, 30), GOLD,
                  bold=True)
        draw_wrapped(surface, app, mission.summary or "", pygame.Rect(
            rect.x + 16, rect.y + px(app, 56), rect.w - 32, rect.h - px(app, 100)),
            px(app, 22), TEXT)
        best = app.progress.stars.get(mission.id, 0)
        if not self.open[item_i]:
            status = "Locked: win the mission before it first."
        elif best:
            status = f"Won, best rating {best} of 3 stars. Enter to play again."
        else:
            status = "Enter: briefing"
        text.blit(surface, status, (rect.x + 16, rect.bottom - px(app, 34)), px(app, 21), DIM)
