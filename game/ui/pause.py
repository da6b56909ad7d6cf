"""The pause menu (Esc in a mission): the mission stops underneath while it is open."""

from __future__ import annotations

import pygame

from game.ui.battle_extras import quickload, quicksave
from game.ui.menus import quit_to_menu
from game.ui.screen import Screen
from game.ui.widgets import DIM, GOLD, Item, Menu, panel, px, veil


class PauseScreen(Screen):
    name = "pause"
    transparent = True

    def __init__(self, ctx, battle) -> None:
        super().__init__(ctx)
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
        self.ctx.pop()

    def restart(self) -> None:
        self.ctx.pop()
        self.battle.restart()

    def quicksave(self) -> None:
        self.ctx.pop()
        quicksave(self.battle)

    def quickload(self) -> None:
        self.ctx.pop()
        quickload(self.battle)

    def settings(self) -> None:
        self.ctx.go("settings")

    def help(self) -> None:
        self.ctx.go("help")

    def quit_to_menu(self) -> None:
        quit_to_menu(self.ctx)

    def handle_event(self, event) -> None:
        if self.menu.handle_event(event):
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.resume()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F1:
            self.help()

    def draw(self, surface, alpha: float) -> None:
        veil(surface)
        ctx = self.ctx
        w, h = px(ctx, 380), px(ctx, 400)
        rect = panel(surface, pygame.Rect((surface.get_width() - w) // 2,
                                          (surface.get_height() - h) // 2, w, h))
        ctx.text.blit(surface, "PAUSED", (rect.centerx, rect.y + 16), px(ctx, 42), GOLD,
                      bold=True, anchor="midtop")
        title = self.battle.world.scenario.rules.title
        ctx.text.blit(surface, title, (rect.centerx, rect.y + px(ctx, 56)), px(ctx, 20), DIM,
                      anchor="midtop")
        self.menu.draw(surface, ctx, (rect.x + (w - px(ctx, 320)) // 2, rect.y + px(ctx, 88)))
