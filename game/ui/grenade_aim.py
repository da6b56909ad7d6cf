"""Aiming a hand grenade, as the strike is aimed (strike_aim.py): T or the HUD button
picks the thrower (the first selected member with a grenade, else the first standing one
with a grenade), the grenade's ring follows the mouse with the thrower's reach drawn
around them, our people inside the ring are ringed in red, a click throws, and with
anyone of ours inside a "DANGER CLOSE" prompt must be confirmed first.

States: idle -> aiming -> confirming -> idle once the throw is sent. Esc or right-click
steps back. The sim makes the final check; a late "danger close" refusal reopens the
prompt, any other refusal shows on the button.

The battle screen owns one GrenadeAim and calls handle_event, consume(events) after each
tick, draw() over the map, draw_hud() with the HUD and draw_prompt() last.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.render.camera import Camera
from game.sim.commands import ThrowGrenade
from game.sim.events import CommandRefused, GrenadeThrown
from game.sim.geometry import TILE_PX, centre_of
from game.sim.grenades import (
    RADIUS_TILES,
    THROW_RANGE_TILES,
    friendlies_in_ring,
    throw_distance,
    within_throw,
)
from game.ui.strike_aim import (
    DANGER,
    PANEL,
    SAFE,
    draw_danger_prompt,
    draw_notice,
    prompt_click,
    prompt_key,
    risk_lines,
)
from game.ui.widgets import hud_button

IDLE, AIMING, CONFIRMING = "idle", "aiming", "confirming"
FAR = (150, 146, 140)


def thrower_for(world, selected: set[int]):
    """Who throws: the first selected standing member with a grenade ready to hand, else
    the first standing member with one; None when nobody has any."""
    able = [u for u in world.squad() if u.active and world.grenades_left.get(u.id, 0) > 0]
    chosen = [u for u in able if u.id in selected]
    return (chosen or able or [None])[0]


class GrenadeAim:
    def __init__(self, text: Any) -> None:
        self.text = text  # game.render.text.TextCache
        self.state = IDLE
        self.thrower_id = 0
        self.tile: tuple[int, int] | None = None  # under the mouse
        self.confirm_tile: tuple[int, int] | None = None
        self.sent_tile: tuple[int, int] | None = None
        self.notice = ""
        self.button_rect = pygame.Rect(0, 0, 0, 0)
        self.confirm_rect = pygame.Rect(0, 0, 0, 0)
        self.abort_rect = pygame.Rect(0, 0, 0, 0)

    @property
    def active(self) -> bool:
        return self.state != IDLE

    def toggle(self, world, selected: set[int]) -> None:
        if self.active:
            self.cancel()
            return
        thrower = thrower_for(world, selected)
        if thrower is None:
            self.notice = "no grenades left"
            return
        self.state, self.thrower_id, self.notice = AIMING, thrower.id, ""

    def cancel(self) -> None:
        self.state, self.confirm_tile = IDLE, None

    def back(self) -> None:
        if self.state == CONFIRMING:
            self.state, self.confirm_tile = AIMING, None
        else:
            self.cancel()

    def at_risk(self, world, tile: tuple[int, int] | None) -> list:
        if tile is None:
            return []
        return friendlies_in_ring(world, centre_of(tile[0]), centre_of(tile[1]))

    def click(self, world, tile: tuple[int, int]) -> list:
        if not world.terrain.in_bounds(*tile):
            return []
        thrower = world.units.get(self.thrower_id)
        if thrower is not None and not within_throw(thrower, tile):
            # refused here, still aiming: the player picks a nearer tile or Esc
            self.notice = (f"too far to throw: {throw_distance(thrower, tile):.0f} tiles, "
                           f"{thrower.name} reaches {THROW_RANGE_TILES:.0f}")
            return []
        self.notice = ""
        if self.at_risk(world, tile):
            self.state, self.confirm_tile = CONFIRMING, tile
            return []
        return self._send(tile, False)

    def confirm(self) -> list:
        if self.state != CONFIRMING or self.confirm_tile is None:
            return []
        return self._send(self.confirm_tile, True)

    def _send(self, tile: tuple[int, int], danger_close: bool) -> list:
        self.sent_tile = tile
        self.cancel()
        return [ThrowGrenade(self.thrower_id, tile[0], tile[1], danger_close)]

    # -- input -----------------------------------------------------------------------------
    def handle_event(self, event, world, camera: Camera, selected: set[int]) -> tuple[bool, list]:
        """(used, commands). Only the button, or anything while aiming, is used here."""
        if event.type == pygame.MOUSEMOTION:
            self.tile = camera.screen_to_tile(*event.pos)
            return False, []
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and \
                self.button_rect.collidepoint(event.pos):
            self.toggle(world, selected)
            return True, []
        if not self.active:
            return False, []
        if event.type == pygame.KEYDOWN:
            return self._key(event.key)
        handled = prompt_click(self, event)
        if handled is not None:
            return handled
        return True, self.click(world, camera.screen_to_tile(*event.pos))

    def _key(self, key: int) -> tuple[bool, list]:
        if key == pygame.K_ESCAPE:
            self.back()
            return True, []
        return prompt_key(self, key)

    def consume(self, events: list) -> None:
        for event in events:
            if isinstance(event, GrenadeThrown):
                self.notice = ""
            elif isinstance(event, CommandRefused) and event.command == "ThrowGrenade" and \
                    event.unit_id == self.thrower_id:
                if event.reason.startswith("danger close") and self.sent_tile is not None:
                    self.state, self.confirm_tile = CONFIRMING, self.sent_tile
                else:
                    self.notice = event.reason

    # -- drawing ---------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, camera: Camera, world) -> None:
        """The thrower's reach, the ring at the aimed tile, red rings on ours inside."""
        thrower = world.units.get(self.thrower_id)
        tile = self.confirm_tile if self.state == CONFIRMING else self.tile
        if not self.active or thrower is None or tile is None:
            return
        scale = TILE_PX * camera.zoom
        pygame.draw.circle(surface, FAR, camera.sub_to_screen(thrower.x, thrower.y),
                           round(THROW_RANGE_TILES * scale), 1)
        at_risk = self.at_risk(world, tile)
        in_reach = within_throw(thrower, tile)
        colour = DANGER if at_risk else SAFE if in_reach else FAR
        centre = camera.world_to_screen((tile[0] + 0.5) * TILE_PX, (tile[1] + 0.5) * TILE_PX)
        r = round(RADIUS_TILES * scale)
        disc = pygame.Surface((2 * r + 2, 2 * r + 2), pygame.SRCALPHA)
        pygame.draw.circle(disc, (*colour, 50), (r + 1, r + 1), r)
        surface.blit(disc, (centre[0] - r - 1, centre[1] - r - 1))
        pygame.draw.circle(surface, colour, centre, r, 2)
        ring = max(8, round(0.6 * camera.tile_px))
        for unit in at_risk:
            pygame.draw.circle(surface, DANGER, camera.sub_to_screen(unit.x, unit.y), ring, 3)
        if not in_reach:
            self.text.blit(surface, "TOO FAR", (centre[0] + r + 4, centre[1] - 9), 17, FAR,
                           inside=surface.get_rect())

    def draw_hud(self, surface: pygame.Surface, world, topleft: tuple[int, int],
                 ui: float = 1.0) -> pygame.Rect:
        """The grenade button at UI scale ui: the thrower's count, or what is being aimed."""
        thrower = world.units.get(self.thrower_id)
        if self.active and thrower is not None:
            label, colour = f"GRENADE  {thrower.name} (Esc)", SAFE
        else:
            total = sum(world.grenades_left.get(u.id, 0) for u in world.squad() if u.active)
            label, colour = (f"[T] GRENADES  x{total}", SAFE) if total else \
                ("GRENADES  none left", FAR)
        rect = hud_button(surface, self.text, label, colour, topleft, PANEL,
                          2 if self.active else 1, ui)
        if self.notice:
            draw_notice(surface, self.text, self.notice, rect, ui)
        self.button_rect = rect
        return rect

    def draw_prompt(self, surface: pygame.Surface, world, ui: float = 1.0) -> None:
        """The modal danger-close confirmation, as for the strike (at UI scale ui)."""
        if self.state != CONFIRMING or self.confirm_tile is None:
            self.confirm_rect = self.abort_rect = pygame.Rect(0, 0, 0, 0)
            return
        self.confirm_rect, self.abort_rect = draw_danger_prompt(
            surface, self.text, "DANGER CLOSE \u2014 throw anyway?", "THROW  (Enter)",
            risk_lines("Inside the ring", self.at_risk(world, self.confirm_tile)), ui)
