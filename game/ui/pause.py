"""The pause menu (Esc in a mission): the mission stops underneath while it is open."""

from __future__ import annotations

import pygame

from game.ui.screen import Screen
from game.ui.widgets import DIM, GOLD, Item, Menu, panel, px, veil


class PauseScreen(Screen):
    transparent = True

    def __init__(self, app, battle) -> None:
        super().__init__(app)
        self.battle = battle
        self.menu = Menu([
            Item("Resume", self.resume, tooltip="Esc: back to the mission"),
            Item("Restart mission", self.restart, tooltip="Start this mission again"),
            Item("Quicksave (F5)", self.quicksave, tooltip="Save the mission as it stands"),
            Item("Quickload (F9)", self.quickload, tooltip="Back to the last quicksave"),
            Item("Settings", self.settings, tooltip="Sound, window, keys"),
            Item("Controls (F1)", self.help),
            Item("Quit to menu", self.quit_to_menu, tooltip="Leave the mission"),
        ], font_size=28, width=320)

    def resume(self) -> None:
        self.app.pop()

    def restart(self) -> None:
        self.app.pop()
        self.battle.restart()

    def quicksave(self) -> None:
        self.app.pop()
        from game.ui.battle_extras import quicksave

        quicksave(self.battle)

    def quickload(self) -> None:
        self.app.pop()
        from game.ui.battle_extras import quickload

        quickload(self.battle)

    def settings(self) -> None:
        from game.ui.settings_screen import SettingsScreen

        self.app.push(SettingsScreen(self.app))

    def help(self) -> None:
        from game.ui.help_overlay import HelpOverlay

        self.app.push(HelpOverlay(self.app))

    def quit_to_menu(self) -> None:
        from game.ui.debrief import quit_to_menu

        quit_to_menu(self.app)

    def handle_event(self, event) -> None:
        if self.menu.handle_event(event):
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.resume()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F1:
            self.help()

    def draw(self, surface, alpha: float) -> None:
        veil(surface)
        app = self.app
        w, h = px(app, 380), px(app, 400)
        rect = panel(surface, pygame.Rect((surface.get_width() - w) // 2,
                                          (surface.get_height() - h) // 2, w, h))
        app.text.blit(surface, "PAUSED", (rect.centerx, rect.y + 16), px(app, 42), GOLD,
                      bold=True, anchor="midtop")
        title = self.battle.world.scenario.rules.title
        app.text.blit(surface, title, (rect.centerx, rect.y + px(app, 56)), px(app, 20), DIM,
                      anchor="midtop")
        self.menu.draw(surface, app, (rect.x + (w - px(app, 320)) // 2, rect.y + px(app, 88)))
