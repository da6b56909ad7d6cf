"""The enemy's tells, drawn over the fog: a sniper's laser and glint while it aims (fair
warning, as the design asks), and alert marks over insurgents the squad can see."""

from __future__ import annotations

import math

import pygame

from game.render.camera import Camera
from game.render.sprites import interpolated
from game.render.text import TextCache

LASER = (255, 40, 30)
LASER_DIM = (110, 20, 15)
GLINT = (255, 250, 220)
ALERT_MARKS = {"yellow": ("?", (240, 210, 80)), "red": ("!", (240, 90, 60)),
               "black": ("!", (255, 40, 30))}


def draw_threats(surface: pygame.Surface, camera: Camera, world, alpha: float,
                 text: TextCache, frame: int, placed: list) -> None:
    """Lasers first, then the alert marks on top so a laser never hides a '!'.
    placed: the (unit, screen x, screen y) draw_units returned this frame, which holds
    every unit on screen whose mark can show (a mark lies within a tile of its unit)."""
    for unit in world.insurgents():
        if unit.activity == "aiming" and unit.aim_target and unit.active and not unit.hidden:
            _draw_aim(surface, camera, world, unit, alpha, frame)
    _draw_placed_alerts(surface, camera, placed, text)


def _draw_aim(surface, camera: Camera, world, unit, alpha: float, frame: int) -> None:
    """A thin laser to the target, brightening as the shot nears; a glint at the muzzle
    even in the fog, so the player can react."""
    target = world.units.get(unit.aim_target)
    if target is None or target.side == "insurgent":
        return
    sx, sy = camera.sub_to_screen(*interpolated(unit, alpha))
    tx, ty = camera.sub_to_screen(*interpolated(target, alpha))
    weapon = unit.weapon
    total = max(1, weapon.aim_time if weapon else 1)
    ready = 1.0 - min(1.0, unit.aim_left / total)
    colour = tuple(int(d + (b - d) * ready) for d, b in zip(LASER_DIM, LASER, strict=True))
    pygame.draw.line(surface, colour, (sx, sy), (tx, ty), 1 if ready < 0.7 else 2)
    pulse = 0.5 + 0.5 * math.sin(frame * 0.5)
    radius = max(2, int(camera.tile_px * (0.12 + 0.12 * pulse)))
    pygame.draw.circle(surface, GLINT, (sx, sy), radius)
    pygame.draw.line(surface, GLINT, (sx - radius * 2, sy), (sx + radius * 2, sy), 1)
    pygame.draw.line(surface, GLINT, (sx, sy - radius * 2), (sx, sy + radius * 2), 1)


def _draw_placed_alerts(surface, camera: Camera, placed: list, text: TextCache) -> None:
    """A mark over each alerted insurgent draw_units placed, at the spot it placed it,
    in one batch: a crowd in a firefight has a hundred of them."""
    size = max(14, int(camera.tile_px * 0.6))
    lift = int(camera.tile_px * 0.55)
    marks = {}  # alert -> (image, offset of its mid-bottom)
    blits = []
    for unit, sx, sy in placed:
        if unit.side != "insurgent" or unit.life != "active":
            continue
        alert = unit.mind.alert
        mark = marks.get(alert)
        if mark is None:
            if alert not in ALERT_MARKS:
                continue
            char, colour = ALERT_MARKS[alert]
            img = text.render(char, size, colour, bold=True)
            mark = marks[alert] = (img, img.get_width() // 2, img.get_height() + lift)
        blits.append((mark[0], (sx - mark[1], sy - mark[2])))
    surface.fblits(blits)
