"""What the player knows and must not lose in the fog: the extraction zones (drawn by
overlays.draw_extractions) and the survivors already found, marked over the fog where
the squad no longer sees them, with the crates still to carry."""

from __future__ import annotations

import pygame

from game.render.camera import Camera
from game.render.sprites import interpolated
from game.sim.geometry import SUB

SURVIVOR_MARK = (255, 226, 90)
CRATE_MARK = (236, 176, 96)


_CIVILIANS: dict = {"key": None, "units": []}


def _civilians(world) -> list:
    """The world's civilians, found again only when units are added (a crowded battle
    has hundreds of insurgents to skip every frame)."""
    key = (id(world), len(world.units))
    if _CIVILIANS["key"] != key:
        _CIVILIANS["key"] = key
        _CIVILIANS["units"] = [u for u in world.units.values() if u.side == "civilian"]
    return _CIVILIANS["units"]


def seen_now_at(world, thing) -> bool:
    """The squad sees the tile under thing (a unit or a crate) this tick."""
    tx, ty = thing.x // SUB, thing.y // SUB
    h, w = world.seen_now.shape
    return 0 <= tx < w and 0 <= ty < h and bool(world.seen_now[ty, tx])


def draw_known(surface: pygame.Surface, camera: Camera, world, alpha: float) -> int:
    """Marks over the fog for found survivors out of sight and crates not yet carried.
    Returns how many marks were drawn (for tests)."""
    r = max(5, round(camera.tile_px * 0.42))
    clip = surface.get_clip()
    drawn = 0
    for unit in _civilians(world):
        if not unit.survivor.found or unit.carried_by:
            continue
        if unit.life not in ("active", "downed") or seen_now_at(world, unit):
            continue
        sx, sy = camera.sub_to_screen(*interpolated(unit, alpha))
        if not clip.collidepoint(sx, sy):
            continue
        pygame.draw.circle(surface, (30, 26, 10), (sx, sy), r + 1, 3)
        pygame.draw.circle(surface, SURVIVOR_MARK, (sx, sy), r, 2)
        pygame.draw.circle(surface, SURVIVOR_MARK, (sx, sy - r // 3), max(2, r // 4))
        drawn += 1
    for crate in getattr(world, "crates", {}).values():
        if crate.carrier_id or crate.delivered or not crate.required:
            continue
        if seen_now_at(world, crate):
            continue  # in sight the crate itself shows
        sx, sy = camera.sub_to_screen(crate.x, crate.y)
        if not clip.collidepoint(sx, sy):
            continue
        pygame.draw.rect(surface, CRATE_MARK, (sx - r + 2, sy - r + 2, 2 * r - 4, 2 * r - 4), 2)
        drawn += 1
    return drawn
