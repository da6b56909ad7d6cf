"""The title screen's demo: a shipped mission played by the autopilot behind the menu.

A fixed map and seed (so every start shows the same game), its own 30 Hz step driven by
the title's frame time, drawn dimmed with the battle's own renderer and no sound: the
events are dropped, not played. When a game ends the next seed starts after a pause.
Any trouble loading (a missing map, a bad file) leaves the title's painted backdrop.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game import MAPS_DIR
from game.ai.autopilot import Autopilot
from game.map_loader import MapLoadFailed
from game.render.camera import PX_PER_SUB, ZOOM_LEVELS, Camera
from game.render.sprites import SpriteCache, draw_units
from game.render.terrain_cache import TerrainCache
from game.render.tileset import TileAtlas
from game.sim.catalog import TICK_HZ
from game.sim.geometry import TILE_PX

DEMO_MAP = "granary.tmx"
DEMO_SEED = 2
DEMO_DIFFICULTY = "easy"
MAX_STEPS_PER_FRAME = 3
END_PAUSE_S = 4.0
DIM_ALPHA = 130  # the black veil over the game, so the menu reads
MENU_SHIFT = 0.2  # of the screen width: how far right of centre the squad is kept
MENU_COLUMN, MENU_EXTRA_ALPHA = 0.5, 90  # the darker band behind the menu
CAMERA_EASE = 0.04
DEMO_ZOOM = 0.75


def covering_zoom_index(map_w: int, map_h: int, view_w: int, view_h: int) -> int:
    """The demo's zoom, or the first larger one at which the map covers the whole view
    (at 2560x1440 the granary at 0.75 left dark bands round it); the largest if none."""
    start = ZOOM_LEVELS.index(DEMO_ZOOM)
    for index in range(start, len(ZOOM_LEVELS)):
        zoom = ZOOM_LEVELS[index]
        if map_w * zoom >= view_w and map_h * zoom >= view_h:
            return index
    return len(ZOOM_LEVELS) - 1


class Demo:
    """A Session with the autopilot, advanced and drawn on request."""

    def __init__(self, scenario, text) -> None:
        self.scenario = scenario
        self.sprites = SpriteCache(text)
        self.atlas = TileAtlas(scenario.art)
        self.seed = DEMO_SEED
        self.veil: pygame.Surface | None = None
        self._start()

    @staticmethod
    def load_scenario(load_map: Callable[..., Any]) -> Any | None:
        """The demo's map through the game's map loader; None on any trouble."""
        try:
            return load_map(MAPS_DIR / DEMO_MAP)
        except (MapLoadFailed, ValueError, pygame.error):
            return None

    @classmethod
    def build(cls, scenario, text) -> Demo | None:
        """The demo on a loaded map; None on any trouble (a bad tileset, say)."""
        try:
            return cls(scenario, text)
        except (ValueError, pygame.error):
            return None

    @classmethod
    def load(cls, text, load_map: Callable[..., Any]) -> Demo | None:
        """Load and build in one go (the title spreads the two over frames)."""
        scenario = cls.load_scenario(load_map)
        return None if scenario is None else cls.build(scenario, text)

    def _start(self) -> None:
        from game.session import Session

        self.session = Session(self.scenario, seed=self.seed, difficulty=DEMO_DIFFICULTY)
        self.pilot = Autopilot()
        world = self.session.world
        self.terrain = TerrainCache(world.terrain, self.scenario.terrain, self.atlas)
        self.camera: Camera | None = None
        self.acc = 0.0
        self.ended_for = 0.0

    def update(self, dt: float) -> None:
        if self.session.finished:
            self.ended_for += dt
            if self.ended_for >= END_PAUSE_S:
                self.seed += 1
                self._start()
            return
        self.acc = min(self.acc + dt, MAX_STEPS_PER_FRAME / TICK_HZ)
        while self.acc >= 1.0 / TICK_HZ and not self.session.finished:
            self.acc -= 1.0 / TICK_HZ
            self.session.advance(self.pilot.commands(self.session.world))  # events: silent

    def draw(self, surface: pygame.Surface) -> None:
        world = self.session.world
        w, h = surface.get_size()
        map_w, map_h = world.terrain.width * TILE_PX, world.terrain.height * TILE_PX
        if self.camera is None:
            self.camera = Camera(map_w, map_h, w, h, margin_tiles=(0, 0))
        # a backdrop shows no map edge: on a large window the map is zoomed to cover it
        self.camera.zoom_index = covering_zoom_index(map_w, map_h, w, h)
        self.camera.resize(w, h)
        self._follow_squad()
        surface.fill((12, 10, 10))
        self.terrain.draw_below(surface, self.camera)
        # a spectator's view: no fog (a dark map read badly behind the menu), every unit
        # that is out in the open
        shown = [u for u in world.units.values()
                 if not u.hidden and u.life in ("active", "downed", "dead")]
        draw_units(surface, self.camera, world, 1.0, self.sprites, set(), shown)
        self.terrain.draw_above(surface, self.camera)
        if self.veil is None or self.veil.get_size() != (w, h):
            self.veil = _veil((w, h))
        surface.blit(self.veil, (0, 0))

    def _follow_squad(self) -> None:
        squad = [u for u in self.session.world.squad() if u.alive]
        if not squad or self.camera is None:
            return
        w, h = self.camera.view_w, self.camera.view_h
        # keep the squad right of the middle: the menu covers the left of the screen
        cx = sum(u.x for u in squad) / len(squad) * PX_PER_SUB - w * MENU_SHIFT / self.camera.zoom
        cy = sum(u.y for u in squad) / len(squad) * PX_PER_SUB
        ox, oy = self.camera.screen_to_world(w / 2, h / 2)
        if abs(ox - cx) > w or abs(oy - cy) > h:
            self.camera.centre_on(cx, cy)  # first frame or a new game: jump
        else:
            self.camera.centre_on(ox + (cx - ox) * CAMERA_EASE, oy + (cy - oy) * CAMERA_EASE)


def _veil(size: tuple[int, int]) -> pygame.Surface:
    """A dark veil, darker still behind the menu column on the left so the menu reads."""
    w, h = size
    veil = pygame.Surface(size, pygame.SRCALPHA)
    veil.fill((0, 0, 0, DIM_ALPHA))
    column = int(w * MENU_COLUMN)
    for x in range(column):
        extra = int(MENU_EXTRA_ALPHA * (1 - x / column))
        veil.fill((0, 0, 0, min(255, DIM_ALPHA + extra)), pygame.Rect(x, 0, 1, h))
    return veil

