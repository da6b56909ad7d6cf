"""The debrief after a mission: the figures from game.debrief, the stars with the rule
that gives them, and the way on (next mission, retry, back to the missions)."""

from __future__ import annotations

import pygame

from game.progress import Mission
from game.ui.outcome import squad_counts
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
    pop_to,
    px,
    veil,
)

WON, LOST = (120, 230, 130), (240, 90, 80)


def next_mission(app, mission: Mission | None) -> Mission | None:
    """The story mission after this one in the campaign (None after the last, or for a
    custom map)."""
    campaign = list(getattr(app, "campaign", []) or [])
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


def in_campaign(app, mission: Mission | None) -> bool:
    return mission is not None and any(m.id == mission.id for m in app.campaign)


class DebriefScreen(Screen):
    transparent = True  # the battlefield stays visible, dimmed, behind the figures

    def __init__(self, app, battle, mission: Mission | None) -> None:
        super().__init__(app)
        prepare(app)
        from game.debrief import debrief

        self.battle, self.mission = battle, mission
        self.report = debrief(battle.world)
        self.won = self.report.outcome == "victory"
        self.improved = False
        if self.won and in_campaign(app, mission):
            self.improved = app.progress.record(mission.id, self.report.stars)
            save_profile_progress(app)
            from game.ui.campaign import CampaignScreen

            for screen in app.screens:
                if isinstance(screen, CampaignScreen):
                    screen.refresh()
        audio = getattr(app, "audio", None)
        if audio is not None:
            audio.ambient(False)
        self.menu = Menu(self._items(), font_size=28, width=300)

    @property
    def campaign_finished(self) -> bool:
        """The last story mission won: nothing comes next."""
        mission = self.mission
        return (self.won and in_campaign(self.app, mission) and not mission.training
                and next_mission(self.app, mission) is None)

    def _items(self) -> list[Item]:
        items = []
        nxt = next_mission(self.app, self.mission) if self.won else None
        if nxt is not None:
            items.append(Item(f"Next: {nxt.title}", lambda: self.go_next(nxt)))
        back = Item("Back to missions" if in_campaign(self.app, self.mission)
                    else "Back to the menu", self.leave)
        retry = Item("Retry", self.retry, tooltip="Play this mission again")
        # after the last mission, leaving is the natural next step, not playing it again
        items += [back, retry] if self.campaign_finished else [retry, back]
        return items

    def go_next(self, mission: Mission) -> None:
        from game.ui.briefing import BriefingScreen

        self._close_battle()
        self.app.push(BriefingScreen(self.app, mission))

    def retry(self) -> None:
        self.app.pop()
        self.battle.restart()
        audio = getattr(self.app, "audio", None)
        if audio is not None:
            audio.ambient(True)

    def leave(self) -> None:
        self._close_battle()
        if not self.app.screens:
            from game.ui.title import TitleScreen

            self.app.running = True
            self.app.push(TitleScreen(self.app))

    def _close_battle(self) -> None:
        """Take this screen and the battle off the stack, whatever lies above them."""
        screens = self.app.screens
        if self.battle in screens:
            del screens[screens.index(self.battle):]
        elif self in screens:
            del screens[screens.index(self):]

    def handle_event(self, event) -> None:
        if self.menu.handle_event(event):
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.leave()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_r:
            self.retry()

    def draw(self, surface, alpha: float) -> None:
        veil(surface, 190)
        app, text, r = self.app, self.app.text, self.report
        w, h = surface.get_size()
        row, rule_h = px(app, 28), px(app, 22)
        rules = r.star_rule.splitlines()
        menu_h = len(self.menu.items) * round(px(app, 28) * 1.35) + px(app, 34)
        content = px(app, 170) + 4 * row + px(app, 10) + rule_h * (len(rules) + 1) + \
            px(app, 20) + menu_h
        pw, ph = min(w - 40, px(app, 820)), min(h - 20, content)
        rect = panel(surface, pygame.Rect((w - pw) // 2, (h - ph) // 2, pw, ph))
        title = "MISSION ACCOMPLISHED" if self.won else "MISSION FAILED"
        text.blit(surface, "DEBRIEF  -  " + r.title, (rect.centerx, rect.y + 14),
                  px(app, 22), DIM, anchor="midtop")
        text.blit(surface, title, (rect.centerx, rect.y + px(app, 38)), px(app, 46),
                  WON if self.won else LOST, bold=True, anchor="midtop")
        reason = ("Campaign complete: every mission done. Colonel Rahim stands the squad "
                  "down." if self.campaign_finished else r.reason)
        text.blit(surface, reason, (rect.centerx, rect.y + px(app, 84)), px(app, 22),
                  TEXT, anchor="midtop")
        draw_stars(surface, (rect.centerx, rect.y + px(app, 130)), r.stars, px(app, 20))
        if self.improved:
            text.blit(surface, "New best!", (rect.centerx + px(app, 90),
                      rect.y + px(app, 122)), px(app, 20), GOLD)
        y = rect.y + px(app, 170)
        x1, x2 = rect.x + px(app, 40), rect.centerx + px(app, 20)
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
                text.blit(surface, label, (col_x, y + i * row), px(app, 22), DIM)
                text.blit(surface, value, (col_x + px(app, 170), y + i * row), px(app, 22),
                          TEXT)
        y += 4 * row + px(app, 10)
        text.blit(surface, "How stars are earned:", (x1, y), px(app, 19), GOLD)
        for i, line in enumerate(rules):
            text.blit(surface, line, (x1, y + rule_h * (i + 1)), px(app, 19), DIM)
        y += rule_h * (len(rules) + 1) + px(app, 20)
        self.menu.draw(surface, app, (rect.centerx - px(app, 150), y))


def quit_to_menu(app) -> None:
    """From a mission: back to the missions (campaign), else the title."""
    from game.ui.campaign import CampaignScreen
    from game.ui.title import TitleScreen

    audio = getattr(app, "audio", None)
    if audio is not None:
        audio.ambient(False)
    from game.ui.custom_maps import CustomMapsScreen

    if pop_to(app, CampaignScreen) or pop_to(app, CustomMapsScreen) or pop_to(app, TitleScreen):
        return
    app.screens.clear()
    app.push(TitleScreen(app))
