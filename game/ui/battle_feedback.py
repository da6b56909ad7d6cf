"""What issue 15 adds over the fog of the battle screen, kept out of battle.py (which only
calls in): the squad's plans and pending orders (game/render/plans.py), the cover and
exposure feedback (cover_preview.py), status tags over the squad, off-screen arrows and
the alert feed with its camera jump (attention.py), and the keys for rules of engagement,
hold position, the exposure overlay and the jump."""

from __future__ import annotations

import pygame

from game.render.contacts import draw_remembered_contacts
from game.render.offscreen_arrows import draw_arrows
from game.render.overlays import PathCache
from game.render.plans import draw_plans
from game.render.sprites import interpolated
from game.render.status_tags import draw_status_tags
from game.sim import commands as c
from game.sim.kinds import Roe
from game.sim.queries import player_sees
from game.ui.attention import AlertFeed, pointers
from game.ui.cover_preview import CoverPreview
from game.ui.widgets import scaled, ui_scale

ACTIONS = ("roe", "hold", "exposure", "alert_jump")
ROE_CYCLE = (Roe.FIRE_AT_WILL, Roe.RETURN_FIRE, Roe.HOLD_FIRE)
ROE_WORDS = {Roe.FIRE_AT_WILL: "fire at will", Roe.RETURN_FIRE: "return fire only",
             Roe.HOLD_FIRE: "hold fire"}
ARROW_BOTTOM_CLEAR = 150  # pixels at the bottom the cards, hint and minimap use


class BattleFeedback:
    def __init__(self) -> None:
        self.preview = CoverPreview()
        self.feed = AlertFeed()
        self.routes = PathCache()
        self.mouse: tuple[int, int] | None = None

    def consume(self, events: list, world, now_s: float) -> None:
        self.feed.consume(events, world, now_s)

    def handle_event(self, event) -> None:
        if event.type == pygame.MOUSEMOTION:
            self.mouse = event.pos
        elif event.type == pygame.WINDOWLEAVE:
            self.mouse = None

    # -- drawing -----------------------------------------------------------------------------
    def draw_over_fog(self, battle, surface, alpha: float) -> None:
        world, camera, text = battle.world, battle.camera, battle.text
        draw_plans(surface, camera, world, alpha, battle.selected, battle.pending,
                   self.routes, text)
        draw_remembered_contacts(surface, camera, world, text)  # where lost contacts were
        hover = world.units.get(battle.hover_id)
        if hover is not None and not player_sees(world, hover):
            hover = None
        mouse = self.mouse
        if mouse is not None and (battle.hud.over_hud(mouse)
                                  or battle.minimap.rect.collidepoint(mouse)):
            mouse = None
        self.preview.draw(surface, camera, world, alpha, battle.selected, hover, mouse, text)
        ui = ui_scale(battle.ctx)
        draw_status_tags(surface, camera, world, alpha, text, ui)
        w, h = surface.get_size()
        top = battle.hud.top_h
        view = pygame.Rect(0, top, w, max(1, h - top - scaled(ARROW_BOTTOM_CLEAR, ui)))
        draw_arrows(surface, view, pointers(world, camera, self.feed, battle.clock_s), text,
                    hud_panels(battle), ui)

    def prompt_clearance(self, battle, surface, alpha: float) -> tuple[list, int]:
        """(points a training prompt must not cover, the lowest y it may reach): the
        survivors on screen, and the space above the cards and key hint."""
        camera = battle.camera
        points = [camera.sub_to_screen(*interpolated(u, alpha)) for u in battle.world.civilians()
                  if player_sees(battle.world, u)]
        return points, surface.get_height() - scaled(ARROW_BOTTOM_CLEAR + 20,
                                                     ui_scale(battle.ctx))

    # -- keys --------------------------------------------------------------------------------
    def do_action(self, battle, action: str) -> None:
        if action == "exposure":
            on = self.preview.toggle_exposure()
            battle.ctx.toast("Exposure: red seen by enemies in sight, amber by lost contacts"
                             if on else "Exposure overlay off")
        elif action == "roe":
            battle.order(roe_orders(battle.world, battle.selected))
        elif action == "hold":
            battle.order(hold_orders(battle.world, battle.selected))
        elif action == "alert_jump":
            spot = self.feed.next_jump(battle.world)
            if spot is not None:
                battle.camera.centre_on(*spot)


def hud_panels(battle) -> list[pygame.Rect]:
    """The panels drawn over the map's top corners, as last laid out: the radio log, and
    the strike, evac and grenade buttons as one block."""
    buttons = [r for r in (battle.strike_aim.button_rect, battle.evac_button.rect,
                           battle.grenade_aim.button_rect) if r.width]
    block = buttons[0].unionall(buttons[1:]) if buttons else pygame.Rect(0, 0, 0, 0)
    return [battle.hud.log_rect, block]


def _squad_selected(world, selected: set[int]) -> list:
    return [world.units[i] for i in sorted(selected) if i in world.units
            and world.units[i].side == "squad" and world.units[i].alive]


def roe_orders(world, selected: set[int]) -> list:
    """The next rules of engagement for the selected members, after the first one's."""
    squad = _squad_selected(world, selected)
    if not squad:
        return []
    now = ROE_CYCLE.index(squad[0].squad.roe)
    roe = ROE_CYCLE[(now + 1) % len(ROE_CYCLE)]
    return [c.SetRoe(tuple(u.id for u in squad), str(roe))]


def hold_orders(world, selected: set[int]) -> list:
    """Hold where they stand; pressed again when all of them hold, release them."""
    squad = [u for u in _squad_selected(world, selected) if u.active]
    if not squad:
        return []
    hold = not all(u.squad.holding for u in squad)
    return [c.HoldPosition(tuple(u.id for u in squad), hold)]
