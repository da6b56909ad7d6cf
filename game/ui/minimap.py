"""The minimap: terrain under the fog, unit dots, the camera's view; click to jump."""

from __future__ import annotations

import numpy as np
import pygame

from game.render.camera import PX_PER_SUB, Camera
from game.render.terrain_cache import terrain_colours
from game.render.visibility import visible_units
from game.sim.geometry import TILE_PX
from game.ui.widgets import ui_scale

MAX_W, MAX_H = 240, 170
MARGIN = 8
REBUILD_EVERY = 10  # frames between base rebuilds while the fog keeps changing
DOT = {"squad": (90, 200, 255), "insurgent": (240, 70, 50), "civilian": (250, 220, 70)}


def reserved_width(ui: float) -> int:
    """Screen pixels from the right edge the minimap (frame included) may take at UI
    scale ui, whatever the map's shape: the HUD keeps its badges left of it."""
    return round(MAX_W * ui) + MARGIN + 2


class Minimap:
    """ctx (optional) gives the player's UI scale, read every frame so a change in the
    settings applies at once."""

    def __init__(self, width: int, height: int, ctx=None) -> None:
        self.map_w, self.map_h = width, height
        self.ctx = ctx
        self.ui = 0.0
        self.rect = pygame.Rect(0, 0, 1, 1)
        self._base: pygame.Surface | None = None
        self._size_for(1.0)
        self._key: tuple = ()
        self._age = REBUILD_EVERY
        self._dots = {side: _dot(colour) for side, colour in DOT.items()}
        self._colours: np.ndarray | None = None  # terrain colours, uint16 [y, x, 3]
        self._colours_of = None  # the Terrain they were read from, at _colours_version
        self._colours_version = -1
        self._dotted: list = []  # this tick's unit dots and their spots on the screen
        self._dotted_key: tuple = ()
        self._dotted_world = None
        self.visible = True

    def _size_for(self, ui: float) -> None:
        """The map's pixels per tile and the minimap's size at UI scale ui."""
        width, height = self.map_w, self.map_h
        self.ui = ui
        self.scale = min(MAX_W * ui / width, MAX_H * ui / height)
        self.size = (max(1, round(width * self.scale)), max(1, round(height * self.scale)))
        self.rect.size = self.size
        self._base = None  # drawn again at the new size

    def show(self, visible: bool) -> None:
        """Hidden, the minimap draws nothing and takes no clicks (the player wants the
        corner of the battlefield under it)."""
        self.visible = visible
        if visible:
            self._size_for(self.ui)
        else:
            self.rect.size = (0, 0)

    def place(self, screen_size: tuple[int, int]) -> None:
        ui = ui_scale(self.ctx) if self.ctx is not None else 1.0
        if ui != self.ui:
            self._size_for(ui)
        w, h = screen_size
        self.rect.bottomright = (w - MARGIN, h - MARGIN)

    def _rebuild(self, terrain, fog_levels: np.ndarray) -> None:
        # the map changes far less often than the fog
        if terrain is not self._colours_of or terrain.version != self._colours_version:
            self._colours = terrain_colours(terrain).astype(np.uint16)
            self._colours_of, self._colours_version = terrain, terrain.version
        rgb = self._colours
        rgb = (rgb * fog_levels[..., None].astype(np.uint16) // 255).astype(np.uint8)
        # dark-but-visible for never-seen ground, so the map's outline still reads
        rgb = np.maximum(rgb, 16)
        small = pygame.surfarray.make_surface(rgb.transpose(1, 0, 2))
        base = pygame.transform.smoothscale(small, self.size) if min(
            small.get_size()) > 1 else pygame.transform.scale(small, self.size)
        # the map inside its dark frame, ready for one blit a frame
        self._base = pygame.Surface((self.size[0] + 4, self.size[1] + 4))
        self._base.fill((10, 10, 10))
        self._base.blit(base, (2, 2))

    def draw(self, surface, world, fog, camera: Camera, shown: list | None = None) -> None:
        """shown: visible_units(world) when the caller already has it."""
        if not self.visible:
            return
        self.place(surface.get_size())
        key = (world.terrain.version, fog.revision, id(world))
        self._age += 1
        if self._base is None or (key != self._key and self._age >= REBUILD_EVERY):
            self._rebuild(world.terrain, fog.levels)
            self._key, self._age = key, 0
        mx, my = self.rect.topleft
        shown = visible_units(world) if shown is None else shown
        surface.blit(self._base, (mx - 2, my - 2))
        surface.fblits(self._dots_at(world, shown, mx, my))
        k = self.scale / TILE_PX
        for zone in world.scenario.extractions:
            x0, y0, x1, y1 = (v * PX_PER_SUB * k for v in zone.rect)
            pygame.draw.rect(surface, (90, 230, 120),
                             (self.rect.x + x0, self.rect.y + y0, max(2, x1 - x0),
                              max(2, y1 - y0)), 1)
        vx, vy = camera.screen_to_world(0, 0)
        vw, vh = camera.view_w / camera.zoom, camera.view_h / camera.zoom
        view = pygame.Rect(self.rect.x + vx * k, self.rect.y + vy * k, vw * k, vh * k)
        pygame.draw.rect(surface, (240, 240, 240), view.clip(self.rect.inflate(2, 2)), 1)

    def _dots_at(self, world, shown: list, mx: int, my: int) -> list:
        """A dot per unit shown, where it goes on the screen over the framed map.  Units
        move only on a tick, so the spots are worked out again when the tick, the fog
        picture or the set of units changes, not every frame; the dots are laid straight
        on the screen (opaque, inside the frame: as if laid on the map first), so a tick
        no longer copies the framed map to draw them on."""
        key = (self._base, world.tick, len(shown), mx, my)
        if self._dotted_world is world and key == self._dotted_key:
            return self._dotted
        kk = PX_PER_SUB * self.scale / TILE_PX
        dots = self._dots
        # the dot's spot on the framed map is round(mx + x * kk) - mx + 1, and the framed
        # map lies at (mx - 2, my - 2)
        self._dotted = [(dots[unit.side], (round(mx + unit.x * kk) - 1,
                                           round(my + unit.y * kk) - 1))
                        for unit in shown if unit.life != "dead"]
        self._dotted_key, self._dotted_world = key, world
        return self._dotted

    def world_at(self, pos) -> tuple[float, float] | None:
        """World pixels under a click on the minimap, or None when outside it."""
        if not self.rect.collidepoint(pos):
            return None
        k = self.scale / TILE_PX
        return (pos[0] - self.rect.x) / k, (pos[1] - self.rect.y) / k


def _dot(colour) -> pygame.Surface:
    dot = pygame.Surface((3, 3))
    dot.fill(colour)
    return dot

