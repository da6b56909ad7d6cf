"""Each squad member's status in a word (firing, reloading, treating, carrying, pinned,
downed...), read from the unit's state every frame so it clears the moment it stops
being true; drawn over the unit and on its HUD card."""

from __future__ import annotations

import pygame

from game.render.camera import Camera
from game.render.sprites import interpolated
from game.render.text import panel_of
from game.sim.kinds import Roe

COLOURS = {
    "downed": (255, 90, 80), "firing": (255, 170, 70), "aiming": (255, 200, 120),
    "reloading": (250, 220, 90), "treating": (120, 230, 160), "opening lock": (140, 200, 255),
    "carrying": (200, 180, 255), "pinned": (255, 120, 120), "holding": (150, 200, 255),
}
PLATE = (10, 12, 14, 170)
ROE_SHORT = {Roe.FIRE_AT_WILL: "FREE FIRE", Roe.RETURN_FIRE: "RETURN FIRE",
             Roe.HOLD_FIRE: "HOLD FIRE"}
ROE_COLOURS = {Roe.FIRE_AT_WILL: (150, 220, 150), Roe.RETURN_FIRE: (250, 210, 90),
               Roe.HOLD_FIRE: (255, 120, 100)}


def unit_status(unit) -> list[str]:
    """The words true of the unit now, most pressing first (empty when idle or walking)."""
    if unit.life == "downed":
        return ["downed"]
    if unit.life != "active":
        return []
    words = []
    if unit.reload_left > 0:
        words.append("reloading")
    elif unit.activity in ("firing", "aiming"):
        words.append(unit.activity)
    if unit.activity == "healing":
        words.append("treating")
    elif unit.activity == "working":
        words.append("opening lock")
    if unit.carrying:
        words.append("carrying")
    if unit.suppressed > 0:
        words.append("pinned")
    if unit.squad_state is not None and unit.squad_state.holding:
        words.append("holding")
    return words


def card_status(unit) -> str:
    """The card's status line: the words now, or what the unit is doing (idle, moving)."""
    return card_words(unit, unit_status(unit))


def card_words(unit, words: list[str]) -> str:
    """card_status from the unit's unit_status words, when the caller has them."""
    return ", ".join(words) if words else unit.activity


def draw_status_tags(surface, camera: Camera, world, alpha: float, text,
                     ui: float = 1.0) -> list:
    """A small label over each squad member with something to say, at UI scale ui; a
    squad bunched up stacks its labels instead of printing them over one another.
    Returns the plates."""
    size, lift = round(13 * ui), round(8 * ui)
    placed: list[pygame.Rect] = []
    for unit in world.squad():
        words = unit_status(unit)
        if not words:
            continue
        sx, sy = camera.sub_to_screen(*interpolated(unit, alpha))
        word = words[0] if len(words) == 1 else f"{words[0]} +{len(words) - 1}"
        colour = COLOURS.get(words[0], (230, 230, 230))
        img = text.render(word.upper(), size, colour, True)
        rect = img.get_rect(midbottom=(sx, sy - camera.tile_px * 0.55 - lift))
        plate = stacked(rect.inflate(6, 2), placed)
        rect.center = plate.center
        placed.append(plate)
        surface.blit(panel_of(plate.size, PLATE), plate)
        surface.blit(img, rect)
    return placed


def stacked(plate: pygame.Rect, placed: list[pygame.Rect]) -> pygame.Rect:
    """`plate` moved up, a row at a time, until it overlaps none of `placed`."""
    plate = plate.copy()
    while plate.collidelist(placed) >= 0:
        plate.bottom = min(p.top for p in placed if p.colliderect(plate)) - 1
    return plate
