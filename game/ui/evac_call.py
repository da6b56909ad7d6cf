"""The evac on screen (game/sim/evac.py): the HUD button that calls the vehicles, its
countdown, and the vehicles drawn at the zone's edge while they wait.

Only on maps whose evac is "call"; elsewhere nothing here draws or takes a click.
"""

from __future__ import annotations

import pygame

from game.render.camera import PX_PER_SUB, Camera
from game.sim.catalog import TICK_HZ
from game.sim.commands import CallEvac
from game.sim.evac import needs_call
from game.sim.geometry import SUB
from game.ui.widgets import hud_button

PANEL = (16, 20, 18, 210)
READY = (150, 220, 150)
WAITING = (235, 205, 110)
GONE = (150, 146, 140)
HULL = (92, 104, 78)
HULL_DARK = (54, 62, 46)
GLASS = (150, 180, 190)
WHEEL = (26, 26, 26)


def evac_label(world, queued: bool = False) -> tuple[str, tuple[int, int, int]]:
    """What the button says: the call (or that it goes out on resume, when given while
    paused), the ETA, the wait, or that they left."""
    evac = world.evac
    if evac.departed:
        return "EVAC  vehicles gone", GONE
    if evac.arrived:
        left = max(0.0, (evac.leave_tick - world.tick) / TICK_HZ)
        return f"EVAC AT ZONE  leaving in {left:4.1f}s", WAITING
    if evac.called_tick >= 0:
        eta = max(0.0, (evac.arrive_tick - world.tick) / TICK_HZ)
        return f"EVAC INBOUND  {eta:4.1f}s: hold the zone", WAITING
    if queued:
        return "EVAC CALL  sent on resume", WAITING
    return "[U] CALL EVAC", READY


class EvacButton:
    """The HUD button; `click(pos, world)` gives the orders a click means."""

    def __init__(self, text) -> None:
        self.text = text
        self.rect = pygame.Rect(0, 0, 0, 0)

    def draw(self, surface: pygame.Surface, world, topleft: tuple[int, int],
             pending: list | None = None, ui: float = 1.0) -> None:
        """`pending`: the orders held for the next tick (a call given while paused); ui:
        the UI scale."""
        if not needs_call(world):
            self.rect = pygame.Rect(0, 0, 0, 0)
            return
        queued = any(isinstance(cmd, CallEvac) for cmd in pending or ())
        label, colour = evac_label(world, queued)
        self.rect = hud_button(surface, self.text, label, colour, topleft, PANEL, ui=ui)

    def click(self, pos, world) -> list:
        if self.rect.collidepoint(pos) and needs_call(world):
            return call_orders(world)
        return []


def call_orders(world) -> list:
    """The call, once; the rules refuse (and say why) anything the player repeats."""
    return [CallEvac()] if needs_call(world) else []


def draw_vehicles(surface: pygame.Surface, camera: Camera, world) -> None:
    """Two trucks along the bottom edge of each zone while the vehicles wait there."""
    evac = world.evac
    if not needs_call(world) or not evac.arrived or evac.departed:
        return
    for zone in world.scenario.extractions:
        x0, _, x1, y1 = zone.rect
        mid = (x0 + x1) // 2
        for offset in (-SUB, SUB):
            _truck(surface, camera, mid + offset, y1 - SUB // 2)


def _truck(surface: pygame.Surface, camera: Camera, x: int, y: int) -> None:
    """A boxy truck (cab to the east) about 1.6 tiles long, centred on (x, y) sub units."""
    cx, cy = camera.world_to_screen(x * PX_PER_SUB, y * PX_PER_SUB)
    tile = camera.tile_px
    body = pygame.Rect(0, 0, int(tile * 1.6), int(tile * 0.8))
    body.center = (cx, cy)
    for wx in (body.x + tile // 4, body.right - tile // 4):
        for wy in (body.y, body.bottom):
            pygame.draw.circle(surface, WHEEL, (wx, wy), max(2, tile // 7))
    pygame.draw.rect(surface, HULL, body, border_radius=max(1, tile // 10))
    cab = pygame.Rect(body.right - tile // 2, body.y, tile // 2, body.height)
    pygame.draw.rect(surface, HULL_DARK, cab, border_radius=max(1, tile // 10))
    glass = cab.inflate(-max(2, tile // 6), -max(2, tile // 4))
    glass.width = max(2, glass.width // 2)
    glass.right = cab.right - 2
    pygame.draw.rect(surface, GLASS, glass)
    pygame.draw.rect(surface, HULL_DARK, body, 1, border_radius=max(1, tile // 10))
