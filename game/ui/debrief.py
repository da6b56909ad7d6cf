"""The debrief after a mission: the figures from game.debrief, the stars with the rule
that gives them, and the way on (next mission, retry, back to the missions)."""

from __future__ import annotations

import pygame

from game.progress import Mission
from game.ui.mission_figures import squad_counts
from game.ui.profile import prepare, save_profile_progress
from game.ui.screen import Screen
from game.ui.widgets import (
    DIM,
    GOLD,
    TEXT,
    Item,
    Menu,
    draw_stars,
    panel,
    px,
    veil,
)

WON, LOST = (120, 230, 130), (240, 90, 80)


def next_mission(ctx, mission: Mission | None) -> Mission | None:
    """The story mission after this one in the campaign (None after the last, or for a
    custom map)."""
    campaign = list(ctx.campaign or [])
    ids = [m.id for m in campaign]
    if mission is None or mission.id not in ids:
        return None
    for m in campaign[ids.index(mission.id) + 1:]:
        if not m.training:
            return m
    return None


def casualties(world, report) -> str:
    """Killed, down (not standing: the defeat says the squad is down) and hurt."""
    _, down, killed, _ = squad_counts(world)
    hurt = max(0, report.squad_wounded - down)  # the report counts the downed as wounded
    return f"{killed} killed, {down} down, {hurt} wounded"


def in_campaign(ctx, mission: Mission | None) -> bool:
    return mission is not None and any(m.id == mission.id for m in ctx.campaign)


class DebriefScreen(Screen):
    name = "debrief"
    transparent = True  # the battlefield stays visible, dimmed, behind the figures

    def __init__(self, ctx, battle, mission: Mission | None) -> None:
        super().__init__(ctx)
        prepare(ctx)
        from game.debrief import debrief

        self.battle, self.mission = battle, mission
        self.report = debrief(battle.world)
        self.won = self.report.outcome == "victory"
        self.improved = False
        if self.won and in_campaign(ctx, mission):
            self.improved = ctx.progress.record(mission.id, self.report.stars)
            save_profile_progress(ctx)
            for screen in ctx.screens:
                screen.progress_changed()
        if ctx.audio is not None:
            ctx.audio.ambient(False)
        self.menu = Menu(self._items(), font_size=28, width=300)

    @property
    def campaign_finished(self) -> bool:
        """The last story mission won: nothing comes next."""
        mission = self.mission
        return (self.won and in_campaign(self.ctx, mission) and not mission.training
                and next_mission(self.ctx, mission) is None)

    def _items(self) -> list[Item]:
        items = []
        nxt = next_mission(self.ctx, self.mission) if self.won else None
        if nxt is not None:
            items.append(Item(f"Next: {nxt.title}", lambda: self.go_next(nxt)))
        back = Item("Back to missions" if in_campaign(self.ctx, self.mission)
                    else "Back to the menu", self.leave)
        retry = Item("Retry", self.retry, tooltip="Play this mission again")
        # after the last mission, leaving is the natural next step, not playing it again
        items += [back, retry] if self.campaign_finished else [retry, back]
        return items

    def go_next(self, mission: Mission) -> None:
        self._close_battle()
        self.ctx.go("briefing", mission)

    def retry(self) -> None:
        self.ctx.pop()
        self.battle.restart()
        if self.ctx.audio is not None:
            self.ctx.audio.ambient(True)

    def leave(self) -> None:
        self._close_battle()
        if not self.ctx.screens:
            self.ctx.stack.running = True
            self.ctx.go("title")

    def _close_battle(self) -> None:
        """Take this screen and the battle off the stack, whatever lies above them."""
        screens = self.ctx.stack
        screens.close_from(self.battle if self.battle in screens.screens else self)

    def handle_event(self, event) -> None:
        if self.menu.handle_event(event):
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.leave()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_r:
            self.retry()

    def draw(self, surface, alpha: float) -> None:
        veil(surface, 190)
        ctx, text, r = self.ctx, self.ctx.text, self.report
        w, h = surface.get_size()
        row, rule_h = px(ctx, 28), px(ctx, 22)
        rules = r.star_rule.splitlines()
        menu_h = len(self.menu.items) * round(px(ctx, 28) * 1.35) + px(ctx, 34)
        content = px(ctx, 170) + 4 * row + px(ctx, 10) + rule_h * (len(rules) + 1) + \
            px(ctx, 20) + menu_h
        pw, ph = min(w - 40, px(ctx, 820)), min(h - 20, content)
        rect = panel(surface, pygame.Rect((w - pw) // 2, (h - ph) // 2, pw, ph))
        title = "MISSION ACCOMPLISHED" if self.won else "MISSION FAILED"
        text.blit(surface, "DEBRIEF  -  " + r.title, (rect.centerx, rect.y + 14),
                  px(ctx, 22), DIM, anchor="midtop")
        text.blit(surface, title, (rect.centerx, rect.y + px(ctx, 38)), px(ctx, 46),
                  WON if self.won else LOST, bold=True, anchor="midtop")
        reason = ("Campaign complete: every mission done. Colonel Rahim stands the squad "
                  "down." if self.campaign_finished else r.reason)
        text.blit(surface, reason, (rect.centerx, rect.y + px(ctx, 84)), px(ctx, 22),
                  TEXT, anchor="midtop")
        draw_stars(surface, (rect.centerx, rect.y + px(ctx, 130)), r.stars, px(ctx, 20))
        if self.improved:
            text.blit(surface, "New best!", (rect.centerx + px(ctx, 90),
                      rect.y + px(ctx, 122)), px(ctx, 20), GOLD)
        y = rect.y + px(ctx, 170)
        x1, x2 = rect.x + px(ctx, 40), rect.centerx + px(ctx, 20)
        minutes, seconds = divmod(int(r.time_s), 60)
        left = [
            ("Survivors saved", f"{r.rescued} of {r.survivors_total} (needed "
                                f"{r.rescue_required})"),
            ("Survivors lost", str(r.survivors_lost)),
            ("Squad casualties", casualties(self.battle.world, r)),
            ("Time", f"{minutes}:{seconds:02d}"),
        ]
        right = [
            ("Shots / hits", f"{r.shots} / {r.hits}"),
            ("Accuracy", f"{round(r.accuracy * 100)}%" if r.shots else "-"),
            ("Air strikes used", str(r.strikes_used)),
            ("Insurgents down", str(r.insurgents_killed)),
        ]
        for col_x, rows in ((x1, left), (x2, right)):
            for i, (label, value) in enumerate(rows):
                text.blit(surface, label, (col_x, y + i * row), px(ctx, 22), DIM)
                text.blit(surface, value, (col_x + px(ctx, 170), y + i * row), px(ctx, 22),
                          TEXT)
        y += 4 * row + px(ctx, 10)
        text.blit(surface, "How stars are earned:", (x1, y), px(ctx, 19), GOLD)
        for i, line in enumerate(rules):
            text.blit(surface, line, (x1, y + rule_h * (i + 1)), px(ctx, 19), DIM)
        y += rule_h * (len(rules) + 1) + px(ctx, 20)
        self.menu.draw(surface, ctx, (rect.centerx - px(ctx, 150), y))

