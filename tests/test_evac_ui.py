"""The evac on screen (game/ui/evac_call.py): U and the HUD button call the vehicles on a
map that needs them, nothing on a walk-in map; the vehicles are drawn while they wait."""

from __future__ import annotations

import pygame

from game.sim import commands as c
from game.ui.evac_call import evac_label
from tests.battle_helpers import battle_screen

ROWS = [
    "S.........XX",
    "..........XX",
    "A...........",
]


def _press_u(app):
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_u, mod=0))
    app.step_frame(1 / 30)


def _screen(evac: str):
    from game.app import App
    from game.session import Session
    from game.ui.battle import BattleScreen
    from tests.ascii_maps import ascii_scenario

    app = App((960, 600))
    screen = BattleScreen(app.ctx, Session(ascii_scenario(ROWS, 1, evac=evac, evac_eta_s=2),
                                           seed=1))
    app.push(screen)
    app.clock.paused = True
    return app, screen


def test_u_calls_the_vehicles_on_a_map_that_needs_them():
    app, battle = _screen("call")
    _press_u(app)
    assert battle.pending == [c.CallEvac()]


def test_a_call_given_while_paused_shows_on_the_button():
    """Played on the granary: U while paused changed nothing on screen until resumed."""
    app, battle = _screen("call")
    assert evac_label(battle.world, queued=True)[0] == "EVAC CALL  sent on resume"
    _press_u(app)
    app.step_frame(1 / 30)
    assert battle.pending == [c.CallEvac()]
    assert evac_label(battle.world, queued=True) != evac_label(battle.world)


def test_u_orders_nothing_on_a_walk_in_map_and_no_button_shows():
    app, battle = _screen("walk")
    _press_u(app)
    assert battle.pending == []
    assert battle.evac_button.rect.width == 0


def test_the_button_calls_and_then_counts_down(tmp_path):
    app, battle = _screen("call")
    app.step_frame(1 / 30)  # one frame draws the HUD and lays the button out
    button = battle.evac_button.rect
    assert button.width > 0
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=button.center))
    app.step_frame(1 / 30)
    assert battle.pending == [c.CallEvac()]
    app.clock.paused = False
    for _ in range(3 * 30):  # past the two-second ETA: the vehicles wait at the zone
        battle.tick()
    assert battle.world.evac.arrived
    assert evac_label(battle.world)[0].startswith("EVAC AT ZONE")
    surface = pygame.display.get_surface()
    battle.draw(surface, 1.0)  # the trucks draw without error on the zone's edge


def test_the_label_follows_the_evac():
    _, battle = battle_screen()
    world = battle.world
    assert evac_label(world)[0] == "[U] CALL EVAC"
    world.evac.called_tick, world.evac.arrive_tick = 0, 300
    assert "INBOUND" in evac_label(world)[0]
    world.evac.departed = True
    assert "gone" in evac_label(world)[0]
