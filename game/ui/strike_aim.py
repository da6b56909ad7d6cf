"""Aiming Falcon-2: the blast radius follows the mouse, the friendlies and survivors inside
it are ringed in red, a click calls the strike, and when anyone of ours is inside, a second
"DANGER CLOSE — confirm?" prompt must be answered before the call goes out.

Tab while aiming switches between the bomb and the gun run (game/sim/gun_run.py): in gun
run mode the player drags a line (press, drag, release); the line and its danger band are
drawn while dragging, clipped to the run's maximum length.

States: idle -> aiming (B or the HUD button) -> confirming (danger close) -> idle once the
call is sent. Esc or right-click steps back (confirming -> aiming -> idle). The sim makes
the final check: if it still refuses with "danger close" (someone walked in while the game
was running), the prompt comes back for that tile.

The battle screen owns one StrikeAim and calls, in order: handle_event (returns whether it
used the event and the commands to send), consume(events) after each tick, draw() over the
map, draw_hud() with the HUD, and draw_prompt() last (the aim's label, then the prompt).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pygame

from game.render.camera import Camera
from game.sim.airstrike import BLAST_RADIUS_TILES, friendlies_in_blast, friendlies_walking_in
from game.sim.catalog import TICK_HZ
from game.sim.commands import CallGunRun, CallStrike
from game.sim.events import CommandRefused, GunRunRequested, StrikeRequested
from game.sim.geometry import TILE_PX
from game.sim.gun_run import (
    BAND_TILES,
    DANGER_TILES,
    MIN_LENGTH_TILES,
    clip_line,
    friendlies_near_line,
    friendlies_walking_onto_line,
)
from game.ui.widgets import hud_button, scaled

IDLE, AIMING, CONFIRMING = "idle", "aiming", "confirming"
BOMB, GUN = "bomb", "gun"
Line = tuple[int, int, int, int]
SAFE = (255, 196, 70)
DANGER = (255, 70, 55)
PANEL = (18, 14, 12, 225)
TEXT = (236, 232, 224)


class StrikeAim:
    def __init__(self, text: Any) -> None:
        self.text = text  # game.render.text.TextCache
        self.state = IDLE
        self.tile: tuple[int, int] | None = None  # under the mouse
        self.confirm_tile: tuple[int, int] | None = None
        self.sent_tile: tuple[int, int] | None = None  # last call, for a late refusal
        self.button_rect = pygame.Rect(0, 0, 0, 0)  # the HUD button
        self.confirm_rect = pygame.Rect(0, 0, 0, 0)
        self.abort_rect = pygame.Rect(0, 0, 0, 0)
        self.notice = ""  # a short reason shown on the HUD button (no charges left...)
        self.mode = BOMB  # Tab while aiming: BOMB <-> GUN
        self.drag_start: tuple[int, int] | None = None  # gun run: where the press began
        self.confirm_line: Line | None = None  # gun run awaiting the danger-close answer
        self.sent_line: Line | None = None
        self.label: tuple[str, tuple[int, int], tuple[int, int, int]] | None = None

    @property
    def active(self) -> bool:
        return self.state != IDLE

    # -- state changes -------------------------------------------------------------------
    def toggle(self, world) -> None:
        if self.active:
            self.cancel()
        else:
            self.start(world)

    def start(self, world) -> bool:
        if world.strikes_left <= 0:
            self.notice = "no air support left"
            return False
        if world.strikes:
            self.notice = "Falcon-2 already inbound"
            return False
        self.state, self.notice, self.confirm_tile = AIMING, "", None
        return True

    def cancel(self) -> None:
        self.state, self.confirm_tile = IDLE, None
        self.confirm_line, self.drag_start = None, None

    def switch_mode(self) -> None:
        self.mode = GUN if self.mode == BOMB else BOMB
        self.drag_start = None

    def current_line(self) -> Line | None:
        """The gun run as aimed now (clipped): the prompt's line, or the drag in progress."""
        if self.state == CONFIRMING:
            return self.confirm_line
        if self.drag_start is None or self.tile is None:
            return None
        x0, y0 = self.drag_start
        return (x0, y0, *clip_line(x0, y0, *self.tile))

    def release(self, world, tile: tuple[int, int]) -> list:
        """The end of a drag in gun run mode: call it in, or ask about danger close."""
        start, self.drag_start = self.drag_start, None
        if start is None or not world.terrain.in_bounds(*tile):
            return []
        if (tile[0] - start[0]) ** 2 + (tile[1] - start[1]) ** 2 < MIN_LENGTH_TILES ** 2:
            self.notice = "drag a longer line for the gun run"
            return []
        line = (*start, *clip_line(*start, *tile))
        if gun_at_risk(world, line):
            self.state, self.confirm_line = CONFIRMING, line
            return []
        return self._send_line(line, False)

    def _send_line(self, line: Line, danger_close: bool) -> list:
        self.sent_line, self.sent_tile = line, None
        self.cancel()
        return [CallGunRun(*line, danger_close)]

    def at_risk(self, world) -> list:
        """Ours in danger from what is being aimed (or awaiting confirmation) now."""
        line = self.current_line()
        if self.mode == GUN or self.confirm_line is not None:
            return gun_at_risk(world, line) if line else []
        tile = self.confirm_tile if self.state == CONFIRMING else self.tile
        return bomb_at_risk(world, tile) if tile else []

    def back(self) -> None:
        """Esc / right-click: leave the prompt for aiming, or aiming altogether."""
        if self.state == CONFIRMING:
            self.state, self.confirm_tile, self.confirm_line = AIMING, None, None
        elif self.drag_start is not None:
            self.drag_start = None
        else:
            self.cancel()

    def click(self, world, tile: tuple[int, int]) -> list:
        """A left click on the map while aiming: call it in or ask about danger close."""
        if not world.terrain.in_bounds(*tile):
            return []
        if bomb_at_risk(world, tile):
            self.state, self.confirm_tile = CONFIRMING, tile
            return []
        return self._send(tile, False)

    def confirm(self) -> list:
        if self.state == CONFIRMING and self.confirm_line is not None:
            return self._send_line(self.confirm_line, True)
        if self.state != CONFIRMING or self.confirm_tile is None:
            return []
        return self._send(self.confirm_tile, True)

    def _send(self, tile: tuple[int, int], danger_close: bool) -> list:
        self.sent_tile, self.sent_line = tile, None
        self.cancel()
        return [CallStrike(tile[0], tile[1], danger_close)]

    # -- input -----------------------------------------------------------------------------
    def handle_event(self, event, world, camera: Camera) -> tuple[bool, list]:
        """(used, commands). Only while aiming or confirming does it use anything."""
        if event.type == pygame.MOUSEMOTION:
            self.tile = camera.screen_to_tile(*event.pos)
            return False, []
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and \
                self.button_rect.collidepoint(event.pos):
            self.toggle(world)
            return True, []
        if not self.active:
            return False, []
        if event.type == pygame.KEYDOWN:
            return self._key(event.key)
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and \
                self.state == AIMING and self.mode == GUN:
            self.tile = camera.screen_to_tile(*event.pos)
            return True, self.release(world, self.tile)
        handled = prompt_click(self, event)
        if handled is not None:
            return handled
        self.tile = camera.screen_to_tile(*event.pos)
        if self.mode == GUN:  # the press starts the drag; the release calls it in
            if world.terrain.in_bounds(*self.tile):
                self.drag_start = self.tile
            return True, []
        return True, self.click(world, self.tile)

    def _key(self, key: int) -> tuple[bool, list]:
        if key == pygame.K_ESCAPE:
            self.back()
            return True, []
        if key == pygame.K_TAB and self.state == AIMING:
            self.switch_mode()
            return True, []
        return prompt_key(self, key)

    def consume(self, events: list) -> None:
        """After a tick: a late "danger close" refusal reopens the prompt."""
        for event in events:
            if isinstance(event, (StrikeRequested, GunRunRequested)):
                self.notice = ""
            elif (isinstance(event, CommandRefused) and event.command == "CallGunRun"):
                if event.reason.startswith("danger close") and self.sent_line is not None:
                    self.state, self.confirm_line = CONFIRMING, self.sent_line
                else:
                    self.notice = event.reason
            elif (isinstance(event, CommandRefused) and event.command == "CallStrike"):
                if event.reason.startswith("danger close") and self.sent_tile is not None:
                    self.state, self.confirm_tile = CONFIRMING, self.sent_tile
                else:
                    self.notice = event.reason

    # -- drawing ---------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, camera: Camera, world) -> None:
        """The blast circle at the aimed tile and red rings on whoever it would hit; the
        words that go with it wait for draw_prompt, over the HUD."""
        self.label = None
        if self.active and (self.mode == GUN or self.confirm_line is not None):
            self._draw_gun(surface, camera, world)
            return
        tile = self.confirm_tile if self.state == CONFIRMING else self.tile
        if not self.active or tile is None:
            return
        at_risk = bomb_at_risk(world, tile)
        colour = DANGER if at_risk else SAFE
        centre = camera.world_to_screen((tile[0] + 0.5) * TILE_PX, (tile[1] + 0.5) * TILE_PX)
        r = round(BLAST_RADIUS_TILES * TILE_PX * camera.zoom)
        disc = pygame.Surface((2 * r + 2, 2 * r + 2), pygame.SRCALPHA)
        pygame.draw.circle(disc, (*colour, 46), (r + 1, r + 1), r)
        pygame.draw.circle(disc, (*colour, 80), (r + 1, r + 1), max(2, r // 2), 1)
        surface.blit(disc, (centre[0] - r - 1, centre[1] - r - 1))
        pygame.draw.circle(surface, colour, centre, r, 2)
        arm, (cx, cy) = max(6, r // 5), centre
        pygame.draw.line(surface, colour, (cx - arm, cy), (cx + arm, cy))
        pygame.draw.line(surface, colour, (cx, cy - arm), (cx, cy + arm))
        ring = max(8, round(0.6 * camera.tile_px))
        for unit in at_risk:
            pos = camera.sub_to_screen(unit.x, unit.y)
            pygame.draw.circle(surface, DANGER, pos, ring, 3)
        if at_risk:
            label = f"DANGER CLOSE: {len(at_risk)} of ours in the blast by impact"
        else:
            label = "FALCON-2: click to call the strike, Tab: gun run, Esc to cancel"
        self.label = (label, (centre[0], centre[1] - r - 6), colour)

    def _draw_gun(self, surface: pygame.Surface, camera: Camera, world) -> None:
        """The gun line with its damage band and wider danger band, or a start marker."""
        line = self.current_line()
        at_risk = self.at_risk(world)
        colour = DANGER if at_risk else SAFE
        if line is None:
            if self.tile is None:
                return
            pos = camera.world_to_screen((self.tile[0] + 0.5) * TILE_PX,
                                         (self.tile[1] + 0.5) * TILE_PX)
            pygame.draw.circle(surface, SAFE, pos, max(6, round(0.4 * camera.tile_px)), 2)
            self.label = ("GUN RUN: drag a line to strafe, Tab: bomb, Esc to cancel",
                          (pos[0], pos[1] - camera.tile_px), SAFE)
            return
        a = camera.world_to_screen((line[0] + 0.5) * TILE_PX, (line[1] + 0.5) * TILE_PX)
        b = camera.world_to_screen((line[2] + 0.5) * TILE_PX, (line[3] + 0.5) * TILE_PX)
        # the bands on a layer just round the line (a full-screen one was ~3 ms at 1440p)
        pad = max(2, round(2 * max(DANGER_TILES, BAND_TILES) * camera.tile_px)) + 2
        box = pygame.Rect(min(a[0], b[0]) - pad, min(a[1], b[1]) - pad,
                          abs(a[0] - b[0]) + 2 * pad, abs(a[1] - b[1]) + 2 * pad)
        layer = pygame.Surface(box.size, pygame.SRCALPHA)
        la, lb = (a[0] - box.x, a[1] - box.y), (b[0] - box.x, b[1] - box.y)
        for reach, alpha in ((DANGER_TILES, 34), (BAND_TILES, 60)):
            width = max(2, round(2 * reach * camera.tile_px))
            pygame.draw.line(layer, (*colour, alpha), la, lb, width)
            for end in (la, lb):
                pygame.draw.circle(layer, (*colour, alpha), end, width // 2)
        surface.blit(layer, box.topleft)
        pygame.draw.line(surface, colour, a, b, 2)
        for end in (a, b):
            pygame.draw.circle(surface, colour, end, 5, 2)
        ring = max(8, round(0.6 * camera.tile_px))
        for unit in at_risk:
            pygame.draw.circle(surface, DANGER, camera.sub_to_screen(unit.x, unit.y), ring, 3)
        label = (f"DANGER CLOSE: {len(at_risk)} of ours on the line" if at_risk
                 else "GUN RUN: release to call it in, Esc to cancel")
        top = (min(a[1], b[1]) - round(DANGER_TILES * camera.tile_px) - 4)
        self.label = (label, ((a[0] + b[0]) // 2, top), colour)

    def draw_hud(self, surface: pygame.Surface, world, topleft: tuple[int, int],
                 ui: float = 1.0) -> pygame.Rect:
        """The strike button at UI scale ui: charges, or the ETA countdown while a run is
        under way."""
        if world.strikes:
            eta = max(0.0, (world.strikes[0].impact_tick - world.tick) / TICK_HZ)
            what = "GUNS" if world.strikes[0].kind == "gun" else "INBOUND"
            label, colour = f"FALCON-2 {what}  impact {eta:4.1f}s", DANGER
        elif world.strikes_left <= 0:
            label, colour = "FALCON-2  no runs left", (150, 146, 140)
        elif self.active:
            mode = "gun run" if self.mode == GUN else "bomb"
            label, colour = f"FALCON-2  {mode} (Tab switch, Esc)", SAFE
        else:
            label, colour = f"[B] FALCON-2  x{world.strikes_left}", SAFE
        rect = hud_button(surface, self.text, label, colour, topleft, PANEL,
                          2 if self.active or world.strikes else 1, ui)
        if self.notice and not world.strikes:
            draw_notice(surface, self.text, self.notice, rect, ui)
        self.button_rect = rect
        return rect

    def draw_prompt(self, surface: pygame.Surface, world, top: int = 0,
                    ui: float = 1.0) -> None:
        """The aim's label (kept on screen below `top`, the HUD's top bar, near any
        edge), then the modal second confirmation in the middle of the screen; both at UI
        scale ui."""
        if self.label is not None and self.active:
            text, pos, colour = self.label
            area = surface.get_rect()
            area.top += top
            self.text.blit(surface, text, pos, scaled(20, ui), colour, bold=True,
                           anchor="midbottom", inside=area.inflate(-8, -8), plate=PANEL)
        if self.state != CONFIRMING or (self.confirm_tile is None and self.confirm_line is None):
            self.confirm_rect = self.abort_rect = pygame.Rect(0, 0, 0, 0)
            return
        if self.confirm_line is not None:
            lines = risk_lines("On the gun line", *_gun_risk(world, self.confirm_line))
        else:
            lines = risk_lines("Inside the blast", *_bomb_risk(world, self.confirm_tile))
        lines.append(("Falcon-2 will not hold back. Nobody inside is safe.", 18,
                      (200, 190, 180)))
        self.confirm_rect, self.abort_rect = draw_danger_prompt(
            surface, self.text, "DANGER CLOSE \u2014 confirm?", "CONFIRM  (Enter)", lines, ui)


def _bomb_risk(world, tile: tuple[int, int]) -> tuple[list, list]:
    """(ours inside a bomb's blast on tile now, ours walking into it by the time it lands)."""
    return friendlies_in_blast(world, *tile), friendlies_walking_in(world, *tile)


def _gun_risk(world, line: Line) -> tuple[list, list]:
    """(ours near a gun run's line now, ours walking onto it by the time it comes in)."""
    return friendlies_near_line(world, *line), friendlies_walking_onto_line(world, *line)


def bomb_at_risk(world, tile: tuple[int, int]) -> list:
    """Ours a bomb on tile would catch, now or by the time it lands, in id order."""
    inside, walking = _bomb_risk(world, tile)
    return sorted(inside + walking, key=lambda u: u.id)


def gun_at_risk(world, line: Line) -> list:
    """Ours a gun run along line would catch, now or by the time it comes in, in id order."""
    inside, walking = _gun_risk(world, line)
    return sorted(inside + walking, key=lambda u: u.id)


def _names(units: list) -> str:
    return ", ".join(u.name for u in units[:4]) + ("..." if len(units) > 4 else "")


def risk_lines(where: str, inside: Sequence, walking: Sequence = ()
               ) -> list[tuple[str, int, tuple[int, int, int]]]:
    """The danger-close box's lines: who is in the strike's reach, who is walking in."""
    lines = []
    if inside or not walking:
        lines.append((f"{where}: {_names(inside) or 'our people'}", 20, TEXT))
    if walking:
        lines.append((f"Walking into it: {_names(walking)}", 20, TEXT))
    return lines


def draw_danger_prompt(surface: pygame.Surface, text: Any, title: str, confirm: str,
                       lines: list[tuple[str, int, tuple[int, int, int]]], ui: float = 1.0
                       ) -> tuple[pygame.Rect, pygame.Rect]:
    """The modal danger-close box every aim shows (strike, gun run, grenade) at UI scale
    ui: a title, lines of (text, size at 100%, colour), and the confirm and abort buttons,
    whose rects it returns."""
    def s(value: float) -> int:
        return scaled(value, ui)

    w, h = surface.get_size()
    box = pygame.Rect(0, 0, min(s(520), w - 16), s(126) + s(22) * len(lines))
    box.center = (w // 2, h // 2 - s(60))
    panel = pygame.Surface(box.size, pygame.SRCALPHA)
    panel.fill(PANEL)
    surface.blit(panel, box)
    pygame.draw.rect(surface, DANGER, box, s(3))
    text.blit(surface, title, (box.centerx, box.y + s(16)), s(32), DANGER, bold=True,
              anchor="midtop")
    y = box.y + s(56)
    for line, size, colour in lines:
        text.blit(surface, line, (box.centerx, y), s(size), colour, anchor="midtop")
        y += s(24)
    inset = min(s(40), box.w // 13)  # a narrow window: the buttons shrink, never overlap
    button_w, button_h = min(s(200), (box.w - 3 * inset) // 2), s(38)
    confirm_rect = pygame.Rect(box.x + inset, box.bottom - s(54), button_w, button_h)
    abort_rect = pygame.Rect(box.right - inset - button_w, box.bottom - s(54), button_w,
                             button_h)
    for rect, label, colour in ((confirm_rect, confirm, DANGER),
                                (abort_rect, "ABORT  (Esc)", (190, 190, 185))):
        pygame.draw.rect(surface, (30, 24, 22), rect)
        pygame.draw.rect(surface, colour, rect, s(2))
        text.blit(surface, label, rect.center, s(22), colour, bold=True, anchor="center")
    return confirm_rect, abort_rect


def draw_notice(surface: pygame.Surface, text: Any, notice: str, button: pygame.Rect,
                ui: float = 1.0) -> None:
    """A button's last refusal (no grenades left, too far...) under it, at UI scale ui."""
    text.blit(surface, notice, (button.x, button.bottom + scaled(3, ui)), scaled(17, ui),
              (220, 200, 170))


def prompt_click(aim: Any, event: Any) -> tuple[bool, list] | None:
    """The clicks every aim (strike, gun run, grenade) treats alike: a right click steps
    back, other buttons pass, and while the confirmation is open it is modal (confirm,
    abort, or nothing).  None: a left click on the map, for the aim itself."""
    if event.type != pygame.MOUSEBUTTONDOWN:
        return False, []
    if event.button == 3:
        aim.back()
        return True, []
    if event.button != 1:
        return False, []
    if aim.state == CONFIRMING:
        if aim.confirm_rect.collidepoint(event.pos):
            return True, aim.confirm()
        if aim.abort_rect.collidepoint(event.pos):
            aim.back()
        return True, []
    return None


def prompt_key(aim: Any, key: int) -> tuple[bool, list]:
    """Keys while the confirmation is open: Enter or Y confirms, N steps back, and the
    prompt is modal, so no other key (Space, speed, orders) reaches the battle."""
    if aim.state == CONFIRMING and key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_y):
        return True, aim.confirm()
    if aim.state == CONFIRMING and key == pygame.K_n:
        aim.back()
        return True, []
    return aim.state == CONFIRMING, []
