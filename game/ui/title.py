"""The title screen: a ruined town at dusk, and the way into the game."""

from __future__ import annotations

import importlib
import math
from collections.abc import Iterator

import pygame

from game.ui.backdrop import draw_backdrop
from game.ui.profile import prepare, save_profile_progress, start_audio
from game.ui.screen import Screen
from game.ui.widgets import DIM, GOLD, Item, Menu, px

DEMO_FADE_S = 0.8  # the painted backdrop dissolves into the demo once it is built
# the demo's imports one a frame, each module after those it imports (each takes what
# the last left): a frame importing game.session whole took 0.2 s of CPU, tcod 0.15 s
DEMO_IMPORTS = ("pycparser", "cffi", "tcod", "tcod.path", "game.sim.events",
                "game.sim.combat", "game.sim.world", "game.ai.knowledge", "game.ai.behaviours",
                "game.ai.insurgents", "game.session", "game.ai.autopilot", "game.ui.demo")


def warm_up_steps(ctx) -> Iterator[object | None]:
    """What the title starts once it is first drawn, one piece per frame: the sound's
    mixer and the demo (the sounds come after, a sound a frame: TitleScreen.update).
    The demo's imports (the sim, the AI, tcod) and the map's load would otherwise hold
    the first picture back past the start-up budget.  Yields None between pieces, then
    the Demo (or None when it cannot load: the painted backdrop stays)."""
    if ctx.audio is None:  # no screen has started the sound yet
        importlib.import_module("numpy")  # under the sound and the sim: ~0.1 s, one piece
        yield None
        start_audio(ctx, stepwise=True)  # the sound's modules
        yield None
        ctx.audio.step()  # the mixer: the sounds follow once the demo is up
        yield None
    for name in DEMO_IMPORTS:  # a third of a second of imports at once stalled the menu
        importlib.import_module(name)
        yield None
    demo_module = importlib.import_module("game.ui.demo")
    scenario = demo_module.Demo.load_scenario(ctx.load_map)
    yield None
    yield None if scenario is None else demo_module.Demo.build(scenario, ctx.text)


class TitleScreen(Screen):
    name = "title"

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        prepare(ctx, audio=False)  # the sound starts once the title is on screen
        self._backdrop: pygame.Surface | None = None
        self.time = 0.0
        self.menu = Menu(self._items(), font_size=32, width=340)
        self.demo = None  # demo mode (game/ui/demo.py), built over the first frames
        self._demo_steps: Iterator[object | None] | None = None
        self._drawn = False
        self._demo_age = 0.0

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
        if self.demo is not None:
            self._demo_age += dt
            self.demo.update(dt)
            if self.ctx.audio is not None:
                self.ctx.audio.step()  # the next sound of the bank, if it is still building
        elif self._drawn:  # the first picture is up: start the rest a piece a frame
            self._warm_up()

    def _warm_up(self) -> None:
        if self._demo_steps is None:
            self._demo_steps = warm_up_steps(self.ctx)
        self.demo = next(self._demo_steps, None)

    def draw(self, surface, alpha: float) -> None:
        size = surface.get_size()
        if self._backdrop is None or self._backdrop.get_size() != size:
            self._backdrop = draw_backdrop(size)
        self._draw_background(surface)
        self._drawn = True
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

    def _draw_background(self, surface) -> None:
        """The painted backdrop until the demo is built (it stays when no map loads),
        then the demo, with the backdrop fading out over it at first."""
        backdrop = self._backdrop
        if self.demo is None:
            surface.blit(backdrop, (0, 0))
            return
        self.demo.draw(surface)
        fade = 1.0 - self._demo_age / DEMO_FADE_S
        if fade > 0:
            backdrop.set_alpha(round(255 * fade))
            surface.blit(backdrop, (0, 0))
            backdrop.set_alpha(None)

