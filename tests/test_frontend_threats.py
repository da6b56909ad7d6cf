"""A sniper taking aim shows a laser the player can see, even from inside the fog."""

from __future__ import annotations

from tests.battle_helpers import battle_screen


def _laser_midpoint(screen, sniper, target):
    return screen.camera.sub_to_screen((sniper.x + target.x) / 2, (sniper.y + target.y) / 2)


def test_an_aiming_sniper_draws_a_red_line_to_its_target():
    app, screen = battle_screen()
    world = screen.world
    sniper = world.insurgents()[0]
    target = world.squad()[0]
    screen.camera.centre_on(7 * 32, 2.5 * 32)
    screen.draw(app.surface, 1.0)
    mid = _laser_midpoint(screen, sniper, target)
    before = app.surface.get_at(mid)
    sniper.activity, sniper.aim_target, sniper.aim_left = "aiming", target.id, 5
    screen.draw(app.surface, 1.0)
    after = app.surface.get_at(mid)
    assert after.r > after.g + 60 and after.r > after.b + 60, (before, after)


def test_no_laser_when_the_sniper_is_not_aiming():
    app, screen = battle_screen()
    world = screen.world
    sniper = world.insurgents()[0]
    target = world.squad()[0]
    screen.camera.centre_on(7 * 32, 2.5 * 32)
    sniper.activity, sniper.aim_target = "idle", target.id
    screen.draw(app.surface, 1.0)
    colour = app.surface.get_at(_laser_midpoint(screen, sniper, target))
    assert not (colour.r > colour.g + 60 and colour.r > colour.b + 60)
