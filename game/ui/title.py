"""The title screen: a ruined town at dusk, and the way into the game."""

from __future__ import annotations

import math

import pygame

from game.ui.backdrop import draw_backdrop
from game.ui.demo import Demo
from game.ui.profile import prepare, save_profile_progress
from game.ui.screen import Screen
from game.ui.widgets import DIM, GOLD, Item, Menu, px


class TitleScreen(Screen):
    name = "title"

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        prepare(ctx)
        self._backdrop: pygame.Surface | None = None
        self.time = 0.0
        self.menu = Menu(self._items(), font_size=32, width=340)
        self.demo = None  # demo mode (game/ui/demo.py), loaded on the first update
        self._demo_tried = False

    def _items(self) -> list[Item]:
        ctx = self.ctx
        started = bool(ctx.progress.stars)
        nxt = ctx.progress.next_mission(ctx.campaign)
        cont = f"Continue: {nxt.title}" if (started and nxt) else "Continue campaign"
        return [
            Item(cont, self.continue_campaign, enabled=started,
                 tooltip="Pick up where you left off"),
            Item("New campaign", self.new_campaign,
                 tooltip="Start from the first mission" + (" (erases your stars)"
                                                           if started else "")),
            Item("Custom maps", self.custom_maps, tooltip="Play a map made in Tiled"),
            Item("Settings", self.settings, tooltip="Sound, window, difficulty, keys"),
            Item("Quit", lambda: ctx.quit(0)),
        ]

    def refresh(self) -> None:
        index = self.menu.index
        self.menu = Menu(self._items(), font_size=32, width=340)
        if self.menu.items[index].enabled:
            self.menu.index = index

    def continue_campaign(self) -> None:
        self.ctx.go("campaign")

    def new_campaign(self) -> None:
        if self.ctx.progress.stars:
            def erase() -> None:
                self.ctx.progress.stars.clear()
                save_profile_progress(self.ctx)
                self.refresh()
                self.ctx.go("campaign")

            self.ctx.go("confirm", "Start a new campaign?",
                        "Your stars from the missions you won will be erased.", erase)
            return
        self.ctx.go("campaign")

    def ask_to_quit(self) -> None:
        """Esc is easy to press once too often on the way back: ask first ("No" is
        where the cursor starts, so Enter or Esc again stays)."""
        self.ctx.go("confirm", "Quit Danger Close?", "Your campaign progress is saved.",
                    lambda: self.ctx.quit(0), yes="Quit", no="Stay")

    def custom_maps(self) -> None:
        self.ctx.go("custom_maps")

    def settings(self) -> None:
        self.ctx.go("settings")

    def handle_event(self, event) -> None:
        if self.menu.handle_event(event):
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.ask_to_quit()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F1:
            self.ctx.go("help")

    def update(self, dt: float) -> None:
        self.time += dt
        # demo mode: the autopilot plays a mission behind the menu (silent, dimmed)
        if not self._demo_tried:
            self._demo_tried = True
            self.demo = Demo.load(self.ctx.text, self.ctx.load_map)
        elif self.demo is not None:
            self.demo.update(dt)

    def draw(self, surface, alpha: float) -> None:
        size = surface.get_size()
        if self._backdrop is None or self._backdrop.get_size() != size:
            self._backdrop = draw_backdrop(size)
        if self.demo is not None:
            self.demo.draw(surface)  # the painted backdrop stays for when no map loads
        else:
            surface.blit(self._backdrop, (0, 0))
        w, h = size
        text = self.ctx.text
        x = px(self.ctx, 70)
        y = int(h * 0.14)
        text.blit(surface, "DANGER CLOSE", (x, y), px(self.ctx, 84), GOLD, bold=True)
        text.blit(surface, "Four soldiers. A town in ruins. Everyone comes home.",
                  (x + 4, y + px(self.ctx, 74)), px(self.ctx, 24), (225, 210, 190))
        self.menu.draw(surface, self.ctx, (x, y + px(self.ctx, 140)))
        # the radio light by the menu blinks: Falcon-2 is listening
        on = math.sin(self.time * 3.0) > 0
        pygame.draw.circle(surface, (220, 60, 50) if on else (70, 30, 28),
                           (x - 24, y + px(self.ctx, 40)), 6)
        text.blit(surface, "F1 controls    Arrows / mouse to choose    Enter to select",
                  (x, h - px(self.ctx, 40)), px(self.ctx, 19), DIM)

