"""The squad's plans drawn over the fog: routes, waypoints, orders given while paused
(not yet in the world) and strikes called while paused.

Everything here is the player's own intent, so it shows into unexplored ground and on
top of the fog; each route is outlined dark under its colour so it reads on any ground.
"""

from __future__ import annotations

import math

import pygame

from game.render.camera import Camera
from game.render.overlays import PathCache, dashed
from game.render.sprites import interpolated
from game.sim import commands as c
from game.sim.airstrike import BLAST_RADIUS_TILES
from game.sim.geometry import TILE_PX
from game.sim.grenades import RADIUS_TILES as GRENADE_RADIUS_TILES

PATH_COLOUR = (120, 255, 140)
QUEUED_COLOUR = (250, 220, 90)
PENDING_COLOUR = (120, 220, 255)  # an order given while paused: goes out on resume
STRIKE_COLOUR = (255, 120, 60)
SHADOW = (10, 14, 10)
DIM_FACTOR = 0.55  # a member not selected: their plan shows, quieter


def tile_centre(camera: Camera, tx: int, ty: int) -> tuple[int, int]:
    return camera.world_to_screen((tx + 0.5) * TILE_PX, (ty + 0.5) * TILE_PX)


def _dim(colour, on: bool):
    return colour if on else tuple(int(v * DIM_FACTOR) for v in colour)


def draw_plans(surface, camera: Camera, world, alpha: float, selected: set[int],
               pending: list, cache: PathCache, text=None) -> None:
    """Every squad member's route and waypoints (the selected ones bright), then the
    markers of orders and strike calls still pending."""
    for unit in world.squad():
        if unit.life != "active" or not (unit.path or unit.waypoints):
            continue
        on = unit.id in selected
        start = camera.sub_to_screen(*interpolated(unit, alpha))
        if unit.path:
            pts = [start, *cache.centres(camera, unit.path)]
            _line(surface, _dim(PATH_COLOUR, on), pts, 2 if on else 1)
            start = pts[-1]
            waypoint(surface, start, _dim(PATH_COLOUR, on), camera.tile_px, 1)
        if unit.waypoints:
            pts = [start, *cache.centres(camera, unit.waypoints)]
            dashed(surface, _dim(QUEUED_COLOUR, on), pts, width=2 if on else 1)
            for n, p in enumerate(pts[1:], start=2):
                waypoint(surface, p, _dim(QUEUED_COLOUR, on), camera.tile_px, n)
    draw_pending_orders(surface, camera, world, pending, text)


def _line(surface, colour, pts, width: int) -> None:
    if len(pts) > 1:
        pygame.draw.lines(surface, SHADOW, False, pts, width + 2)
        pygame.draw.lines(surface, colour, False, pts, width)


def waypoint(surface, p, colour, tile_px: int, number: int = 0) -> None:
    """A ringed dot on a goal tile: visible on dark fog and on bright ground alike."""
    r = max(4, tile_px // 5)
    pygame.draw.circle(surface, SHADOW, p, r + 2)
    pygame.draw.circle(surface, colour, p, r, 2)
    pygame.draw.circle(surface, colour, p, max(1, r // 3))


def pending_marks(pending: list) -> list[tuple[str, tuple]]:
    """What each order waiting for the next tick marks on the map: ("move", (x, y, queued,
    unit ids)), ("strike", (x, y)) or ("gun", (x0, y0, x1, y1)). Pure, for tests."""
    marks: list[tuple[str, tuple]] = []
    for cmd in pending:
        if isinstance(cmd, c.Move):
            marks.append(("move", (cmd.x, cmd.y, cmd.queue, cmd.unit_ids)))
        elif isinstance(cmd, c.Interact):
            marks.append(("move", (cmd.x, cmd.y, False, (cmd.unit_id,))))
        elif isinstance(cmd, c.CallStrike):
            marks.append(("strike", (cmd.x, cmd.y)))
        elif isinstance(cmd, c.CallGunRun):
            marks.append(("gun", (cmd.x0, cmd.y0, cmd.x1, cmd.y1)))
        elif isinstance(cmd, c.ThrowGrenade):
            marks.append(("grenade", (cmd.x, cmd.y)))
    return marks


def draw_pending_orders(surface, camera: Camera, world, pending: list, text=None) -> int:
    """Markers for the orders given while paused; returns how many were drawn."""
    drawn = 0
    last: dict[int, tuple[int, int]] = {}  # each unit's latest pending goal, on screen
    for kind, args in pending_marks(pending):
        if kind == "move":
            x, y, queued, ids = args
            goal = tile_centre(camera, x, y)
            for uid in ids:  # a dashed line from where each one's plan will end
                unit = world.units.get(uid)
                if unit is not None and unit.active:
                    start = last[uid] if queued and uid in last else _plan_end(camera, unit,
                                                                             queued)
                    dashed(surface, PENDING_COLOUR, [start, goal], dash=5, width=2)
                    last[uid] = goal
            waypoint(surface, goal, PENDING_COLOUR, camera.tile_px)
        elif kind == "strike":
            _strike_ring(surface, camera, args, text, BLAST_RADIUS_TILES, "FALCON-2")
        elif kind == "grenade":
            _strike_ring(surface, camera, args, text, GRENADE_RADIUS_TILES, "GRENADE")
        else:
            a, b = tile_centre(camera, *args[:2]), tile_centre(camera, *args[2:])
            dashed(surface, STRIKE_COLOUR, [a, b], dash=10, width=3)
        drawn += 1
    return drawn


def _plan_end(camera: Camera, unit, queued: bool) -> tuple[int, int]:
    """Where a new order for `unit` starts from: the end of its plan when queued, else
    where it stands."""
    if queued and (unit.waypoints or unit.path):
        return tile_centre(camera, *(unit.waypoints or unit.path)[-1])
    return camera.sub_to_screen(unit.x, unit.y)


def _strike_ring(surface, camera: Camera, tile, text, radius: float, name: str) -> None:
    centre = tile_centre(camera, *tile)
    r = round(radius * camera.tile_px)
    steps = 24
    for i in range(0, steps, 2):
        a0, a1 = 2 * math.pi * i / steps, 2 * math.pi * (i + 1) / steps
        pygame.draw.arc(surface, STRIKE_COLOUR, (centre[0] - r, centre[1] - r, 2 * r, 2 * r),
                        a0, a1, 2)
    pygame.draw.circle(surface, STRIKE_COLOUR, centre, 4)
    if text is not None:
        text.blit(surface, f"{name} (on resume)", (centre[0], centre[1] - r - 4), 16,
                  STRIKE_COLOUR, bold=True, anchor="midbottom")
