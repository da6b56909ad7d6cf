"""The title screen: a ruined town at dusk, and the way into the game."""

from __future__ import annotations

import math

import numpy as np
import pygame

from game.ui.profile import prepare, save_profile_progress
from game.ui.screen import Screen
from game.ui.widgets import DIM, GOLD, Item, Menu, px

SKY_TOP, SKY_LOW = (18, 22, 44), (196, 104, 52)
GROUND = (16, 13, 12)


def _gradient(size: tuple[int, int], horizon: int) -> pygame.Surface:
    w, h = size
    t = np.clip(np.arange(h) / max(1, horizon), 0.0, 1.0) ** 1.6
    top, low = np.array(SKY_TOP, float), np.array(SKY_LOW, float)
    rows = (top[None, :] * (1 - t[:, None]) + low[None, :] * t[:, None]).astype(np.uint8)
    rgb = np.broadcast_to(rows[None, :, :], (w, h, 3)).copy()
    return pygame.surfarray.make_surface(rgb)


def _skyline(surface: pygame.Surface, horizon: int, rng: np.random.Generator) -> None:
    """Broken buildings, a dome and minaret (Mavrah), silos (the granary)."""
    w, h = surface.get_size()
    far, near = (52, 36, 38), (24, 19, 20)
    for colour, base, scale in ((far, horizon, 0.6), (near, horizon + h // 40, 1.0)):
        x = -20
        while x < w:
            bw = int(rng.integers(40, 130) * scale)
            bh = int(rng.integers(40, 170) * scale * h / 720)
            top = base - bh
            pts = [(x, base), (x, top)]
            # a broken roof line: jagged steps where a shell took the corner
            if rng.random() < 0.6:
                for k in range(1, 4):
                    pts.append((x + bw * k // 4, top + int(rng.integers(0, bh // 3 + 1))))
            pts += [(x + bw, top + int(rng.integers(0, bh // 4 + 1))), (x + bw, base)]
            pygame.draw.polygon(surface, colour, pts)
            for _ in range(int(rng.integers(0, 4))):  # empty windows
                wx = x + int(rng.integers(4, max(5, bw - 10)))
                wy = top + int(rng.integers(8, max(9, bh - 10)))
                surface.fill((200, 120, 60) if rng.random() < 0.15 else (10, 8, 8),
                             (wx, wy, 5, 8))
            x += bw + int(rng.integers(-10, 20))
    # the mosque's dome and minaret, and the granary's silos
    gx = int(w * 0.68)
    dome_r = h // 14
    pygame.draw.circle(surface, near, (gx, horizon - h // 12), dome_r)
    surface.fill(near, (gx - dome_r, horizon - h // 12, dome_r * 2, h // 12 + 4))
    surface.fill(near, (gx + dome_r + 14, horizon - h // 4, 12, h // 4))
    pygame.draw.polygon(surface, near, [(gx + dome_r + 12, horizon - h // 4),
                                        (gx + dome_r + 20, horizon - h // 4 - 22),
                                        (gx + dome_r + 28, horizon - h // 4)])
    sx = int(w * 0.14)
    for i in range(3):
        cx = sx + i * (h // 16)
        surface.fill(near, (cx, horizon - h // 5, h // 18, h // 5))
        pygame.draw.circle(surface, near, (cx + h // 36, horizon - h // 5), h // 36)


def _smoke(surface: pygame.Surface, origin: tuple[int, int], rng) -> None:
    layer = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    x, y = origin
    for i in range(26):
        r = 10 + i * 3
        pygame.draw.circle(layer, (40, 34, 36, max(0, 70 - i * 2)),
                           (int(x + i * 7 + rng.integers(-6, 7)), int(y - i * 14)), r)
    surface.blit(layer, (0, 0))


def draw_backdrop(size: tuple[int, int]) -> pygame.Surface:
    """The title picture at this size (deterministic; cached by the screen)."""
    w, h = size
    horizon = int(h * 0.72)
    rng = np.random.default_rng(7)
    surf = _gradient(size, horizon)
    pygame.draw.circle(surf, (236, 150, 80), (int(w * 0.4), horizon - h // 7), h // 18)
    _smoke(surf, (int(w * 0.52), horizon - h // 10), rng)
    _skyline(surf, horizon, rng)
    surf.fill(GROUND, (0, horizon + h // 40, w, h))
    # darken the menu side, fading out toward the middle so the text reads on the sky
    fade = np.clip(1.0 - np.arange(w) / (w * 0.55), 0.0, 1.0) ** 0.7
    alpha = np.broadcast_to((150 * fade)[:, None], (w, h)).astype(np.uint8)
    shade = pygame.Surface((w, h), pygame.SRCALPHA)
    shade.fill((0, 0, 0, 255))
    pygame.surfarray.pixels_alpha(shade)[:] = alpha
    surf.blit(shade, (0, 0))
    return surf


class TitleScreen(Screen):
    def __init__(self, app) -> None:
        super().__init__(app)
        prepare(app)
        self._backdrop: pygame.Surface | None = None
        self.time = 0.0
        self.menu = Menu(self._items(), font_size=32, width=340)
        self.demo = None  # demo mode (game/ui/demo.py), loaded on the first update
        self._demo_tried = False

    def _items(self) -> list[Item]:
        app = self.app
        started = bool(app.progress.stars)
        nxt = app.progress.next_mission(app.campaign)
        cont = f"Continue: {nxt.title}" if (started and nxt) else "Continue campaign"
        return [
            Item(cont, self.continue_campaign, enabled=started,
                 tooltip="Pick up where you left off"),
            Item("New campaign", self.new_campaign,
                 tooltip="Start from the first mission" + (" (erases your stars)"
                                                           if started else "")),
            Item("Custom maps", self.custom_maps, tooltip="Play a map made in Tiled"),
            Item("Settings", self.settings, tooltip="Sound, window, difficulty, keys"),
            Item("Quit", lambda: app.quit(0)),
        ]

    def refresh(self) -> None:
        index = self.menu.index
        self.menu = Menu(self._items(), font_size=32, width=340)
        if self.menu.items[index].enabled:
            self.menu.index = index

    def continue_campaign(self) -> None:
        from game.ui.campaign import CampaignScreen

        self.app.push(CampaignScreen(self.app))

    def new_campaign(self) -> None:
        from game.ui.campaign import CampaignScreen

        if self.app.progress.stars:
            from game.ui.confirm import ConfirmScreen

            def erase() -> None:
                self.app.progress.stars.clear()
                save_profile_progress(self.app)
                self.refresh()
                self.app.push(CampaignScreen(self.app))

            self.app.push(ConfirmScreen(self.app, "Start a new campaign?",
                                        "Your stars from the missions you won will be erased.",
                                        erase))
            return
        self.app.push(CampaignScreen(self.app))

    def ask_to_quit(self) -> None:
        """Esc is easy to press once too often on the way back: ask first ("No" is
        where the cursor starts, so Enter or Esc again stays)."""
        from game.ui.confirm import ConfirmScreen

        self.app.push(ConfirmScreen(self.app, "Quit Danger Close?",
                                    "Your campaign progress is saved.",
                                    lambda: self.app.quit(0), yes="Quit", no="Stay"))

    def custom_maps(self) -> None:
        from game.ui.custom_maps import CustomMapsScreen

        self.app.push(CustomMapsScreen(self.app))

    def settings(self) -> None:
        from game.ui.settings_screen import SettingsScreen

        self.app.push(SettingsScreen(self.app))

    def handle_event(self, event) -> None:
        if self.menu.handle_event(event):
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.ask_to_quit()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F1:
            from game.ui.help_overlay import HelpOverlay

            self.app.push(HelpOverlay(self.app))

    def update(self, dt: float) -> None:
        self.time += dt
        # demo mode: the autopilot plays a mission behind the menu (silent, dimmed)
        if not self._demo_tried:
            from game.ui.demo import Demo

            self._demo_tried = True
            self.demo = Demo.load(self.app.text)
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
        text = self.app.text
        x = px(self.app, 70)
        y = int(h * 0.14)
        text.blit(surface, "DANGER CLOSE", (x, y), px(self.app, 84), GOLD, bold=True)
        text.blit(surface, "Four soldiers. A town in ruins. Everyone comes home.",
                  (x + 4, y + px(self.app, 74)), px(self.app, 24), (225, 210, 190))
        self.menu.draw(surface, self.app, (x, y + px(self.app, 140)))
        # the radio light by the menu blinks: Falcon-2 is listening
        on = math.sin(self.time * 3.0) > 0
        pygame.draw.circle(surface, (220, 60, 50) if on else (70, 30, 28),
                           (x - 24, y + px(self.app, 40)), 6)
        text.blit(surface, "F1 controls    Arrows / mouse to choose    Enter to select",
                  (x, h - px(self.app, 40)), px(self.app, 19), DIM)


def run_title(frames: int | None = None, screenshot: str | None = None) -> int:
    """The game from its title screen.  With `frames`, draw that many frames and return
    (headless under SDL_VIDEODRIVER=dummy), saving `screenshot` if given."""
    from game.app import App

    app = App(headless=frames is not None)
    prepare(app, audio=frames is None)  # a headless picture needs no sound
    app.push(TitleScreen(app))
    code = app.run(frames)
    if screenshot:
        app.save_screenshot(screenshot)
    app.pg.display.quit()
    return code
