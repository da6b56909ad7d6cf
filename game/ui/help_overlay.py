"""F1: the controls, with the player's own key bindings."""

from __future__ import annotations

import pygame

from game.ui.keymap import ACTIONS
from game.ui.profile import keymap
from game.ui.screen import Screen
from game.ui.widgets import DIM, GOLD, TEXT, panel, px, veil

MOUSE = (
    ("Left click / drag", "select a member / box-select"),
    ("Shift + click", "add to the selection"),
    ("Right click", "move; on an enemy: attack"),
    ("Shift + right click", "queue a waypoint"),
    ("Survivor + RMB member", "the survivor follows"),
    ("RMB a crate / locked door", "carry it / Maaz opens, others cover"),
    ("Middle drag / wheel", "pan / zoom the camera"),
    ("Click the minimap", "jump there"),
    ("Double-tap 1-4", "select and centre"),
    ("Esc", "pause menu"),
    ("F3", "frame times"),
    ("F11", "fullscreen / window"),
    ("F12", "screenshot"),
    ("Tab", "next training prompt"),
)


def fitted_row(top: int, bottom: int, rows: int, most: int) -> int:
    """The row height that fits `rows` rows between top and bottom, at most `most`."""
    return max(10, min(most, (bottom - top) // max(1, rows)))


class HelpOverlay(Screen):
    name = "help"
    transparent = True

    def handle_event(self, event) -> None:
        if event.type == pygame.KEYDOWN or (event.type == pygame.MOUSEBUTTONDOWN
                                            and event.button in (1, 3)):
            self.ctx.pop()

    def draw(self, surface, alpha: float) -> None:
        veil(surface, 180)
        ctx, text = self.ctx, self.ctx.text
        sw, sh = surface.get_size()
        w, h = min(sw - 20, px(ctx, 1100)), min(sh - 20, px(ctx, 640))
        rect = panel(surface, pygame.Rect((sw - w) // 2, (sh - h) // 2, w, h))
        text.blit(surface, "CONTROLS", (rect.centerx, rect.y + 12), px(ctx, 38), GOLD,
                  bold=True, anchor="midtop")
        km = keymap(ctx)
        x, y0 = rect.x + px(ctx, 24), rect.y + px(ctx, 60)
        # every key row above the closing line, however many actions the table holds
        row = fitted_row(y0, rect.bottom - px(ctx, 34), len(ACTIONS) + 1, px(ctx, 24))
        size = min(px(ctx, 20), row - 2)
        text.blit(surface, "Keys (change them in Settings)", (x, y0), size, GOLD)
        for i, (action, label, _) in enumerate(ACTIONS):
            y = y0 + (i + 1) * row
            text.blit(surface, km.describe(action), (x, y), size, TEXT, bold=True)
            text.blit(surface, label, (x + px(ctx, 170), y), size, DIM)
        x2 = rect.centerx + px(ctx, 10)
        text.blit(surface, "Mouse and fixed keys", (x2, y0), size, GOLD)
        for i, (what, does) in enumerate(MOUSE):
            y = y0 + (i + 1) * row
            text.blit(surface, what, (x2, y), size, TEXT, bold=True)
            text.blit(surface, does, (x2 + px(ctx, 240), y), size, DIM)
        tips = ("Space pauses; orders given while paused run when you resume.",
                "Hana heals: with her selected, right-click a wounded person.",
                "Falcon-2 spares nobody: a strike near friends asks you to confirm.")
        y = y0 + (len(MOUSE) + 2) * row
        for tip in tips:
            text.blit(surface, tip, (x2, y), px(ctx, 18), (200, 190, 160))
            y += px(ctx, 22)
        text.blit(surface, "Any key or click to close", (rect.centerx, rect.bottom - px(ctx, 28)),
                  px(ctx, 19), DIM, anchor="midtop")
