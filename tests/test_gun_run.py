"""Falcon-2's gun run: damage falls off from the line, charges are shared with the bomb,
danger close needs confirmation, clipping, no rubble, and determinism."""

from __future__ import annotations

from game.headless import run_headless
from game.session import Session
from game.sim.airstrike import ETA_TICKS as BOMB_ETA_TICKS
from game.sim.commands import CallGunRun, CallStrike, Move, command_from_dict, command_to_dict
from game.sim.events import (
    CommandRefused,
    DangerCloseWarning,
    GunRunImpact,
    GunRunRequested,
    StrikeInbound,
)
from game.sim.geometry import centre_of
from game.sim.gun_run import (
    BAND_TILES,
    ETA_TICKS,
    MAX_LENGTH_TILES,
    PEAK_DAMAGE,
    clip_line,
    gun_damage,
)
from game.sim.step import step
from game.sim.world import new_world, state_hash
from tests.ascii_maps import ascii_scenario
from tests.strike_helpers import OPEN, damage_to, put, run_until, world_from


def run_until_impact(world, command):
    return run_until(world, command, GunRunImpact, ETA_TICKS)


def test_damage_falls_off_from_the_line_and_stops_at_the_band():
    world = world_from(OPEN)
    on_line = put(world, "gunner", 10, 5)
    half_off = world.add_unit("gunner", centre_of(14), centre_of(5) + 128)  # half a tile
    outside = put(world, "gunner", 12, 7)  # two tiles off
    events = run_until_impact(world, CallGunRun(6, 5, 20, 5))
    assert any(isinstance(e, GunRunImpact) for e in events)
    hit_on, hit_half = damage_to(events, on_line), damage_to(events, half_off)
    assert hit_on == PEAK_DAMAGE
    assert 0 < hit_half < hit_on
    assert damage_to(events, outside) == 0
    assert outside.suppressed > 0  # near enough to keep their heads down
    assert gun_damage(BAND_TILES) == 0 and gun_damage(0.25) > gun_damage(0.75) > 0


def test_walls_on_the_line_shelter_nobody_and_do_not_fall():
    rows = [r for r in OPEN]
    rows[5] = "..........w.............."
    world = world_from(rows)
    wall = world.terrain.opaque[5, 10]
    behind = put(world, "gunner", 11, 5)
    events = run_until_impact(world, CallGunRun(6, 5, 16, 5))
    assert damage_to(events, behind) == PEAK_DAMAGE
    assert world.terrain.opaque[5, 10] == wall and not world.terrain.rubble.any()
    assert world.smoke[5, 8] > 0  # a little dust on the line


def test_charges_are_shared_with_the_bomb():
    world = world_from(OPEN, air_strikes=2)
    run_until_impact(world, CallGunRun(6, 5, 20, 5))
    assert world.strikes_left == 1
    events = step(world, [CallStrike(15, 6)])
    assert not any(isinstance(e, CommandRefused) for e in events)
    assert world.strikes_left == 0
    # one run at a time, and none left afterwards
    events = step(world, [CallGunRun(6, 5, 20, 5)])
    assert any(isinstance(e, CommandRefused) for e in events)
    for _ in range(BOMB_ETA_TICKS + 1):
        step(world, [])
    events = step(world, [CallGunRun(6, 5, 20, 5)])
    refused = [e for e in events if isinstance(e, CommandRefused)]
    assert refused and refused[0].reason == "no air support left"


def test_danger_close_needs_a_second_confirmation():
    world = world_from(["S" + "." * 23, "." * 24, "." * 24])
    rafiq = min(world.squad(), key=lambda u: u.id)
    tx, ty = rafiq.tile
    line = (tx, ty + 1, tx + 12, ty + 1)  # one tile beside Rafiq
    events = step(world, [CallGunRun(*line)])
    refused = [e for e in events if isinstance(e, CommandRefused)]
    assert refused and refused[0].command == "CallGunRun"
    assert refused[0].reason.startswith("danger close")
    assert world.strikes_left == 1 and not world.strikes
    events = step(world, [CallGunRun(*line, confirm_danger_close=True)])
    requested = next(e for e in events if isinstance(e, GunRunRequested))
    assert requested.danger_close
    warning = next(e for e in events if isinstance(e, DangerCloseWarning))
    assert rafiq.id in warning.unit_ids
    assert world.strikes_left == 0


def test_the_line_is_clipped_and_short_lines_refused():
    assert clip_line(0, 0, 30, 0) == (int(MAX_LENGTH_TILES), 0)
    assert clip_line(2, 2, 5, 6) == (5, 6)
    world = world_from(OPEN)
    events = step(world, [CallGunRun(6, 5, 24, 5)])
    assert world.strikes[0].x1 == 6 + int(MAX_LENGTH_TILES)
    assert any(isinstance(e, GunRunRequested) and e.x1 == 18 for e in events)
    other = world_from(OPEN)
    events = step(other, [CallGunRun(6, 5, 7, 5)])
    assert any(isinstance(e, CommandRefused) and "short" in e.reason for e in events)


def test_the_jet_flies_along_the_line_and_the_command_round_trips():
    world = world_from(OPEN)
    events = run_until_impact(world, CallGunRun(6, 5, 6, 15 - 7))
    inbound = next(e for e in events if isinstance(e, StrikeInbound))
    assert inbound.heading == 90 and (inbound.x, inbound.y) == (6, 6)
    cmd = CallGunRun(1, 2, 3, 4, True)
    assert command_from_dict(command_to_dict(cmd)) == cmd


def test_the_same_seed_and_orders_give_the_same_result():
    rows = [
        "S.#.................E...",
        "..#.....................",
        "###......w...E..........",
        ".........w..........E...",
        "....A....w....E.........",
        "........................",
    ]
    scenario = ascii_scenario(rows)
    orders = {0: [CallGunRun(8, 3, 20, 3)], 40: [Move((1,), 5, 4)]}
    runs = [run_headless(scenario, seed=11, ticks=400, commands=orders) for _ in range(2)]
    first, second = (r.as_dict() for r in runs)
    assert first == second
    assert first["strikes_used"] == 1
    assert first["strike_casualties"] >= 1
    other = Session(scenario, seed=11)
    for tick in range(400):
        other.advance(orders.get(tick, []))
    assert state_hash(other.world) == first["state_hash"]


# -- the aiming overlay and the effects (headless) ----------------------------------------
def _ui_setup():
    import pygame

    from game.render.camera import Camera
    from game.render.text import TextCache
    from game.sim.geometry import TILE_PX
    from game.ui.strike_aim import StrikeAim

    pygame.display.init()
    pygame.font.init()
    world = new_world(ascii_scenario(["S" + "." * 27] + ["." * 28] * 5), seed=2)
    camera = Camera(world.terrain.width * TILE_PX, world.terrain.height * TILE_PX, 900, 300)
    camera.x = camera.y = 0.0
    camera.clamp()
    return world, camera, StrikeAim(TextCache())


def _mouse(camera, kind, tile):
    import pygame

    from game.sim.geometry import TILE_PX

    pos = camera.world_to_screen((tile[0] + 0.5) * TILE_PX, (tile[1] + 0.5) * TILE_PX)
    if kind == pygame.MOUSEMOTION:
        return pygame.event.Event(kind, pos=pos, rel=(0, 0), buttons=(1, 0, 0))
    return pygame.event.Event(kind, button=1, pos=pos)


def test_tab_while_aiming_switches_to_a_dragged_gun_run():
    import pygame

    from game.ui.strike_aim import CONFIRMING, GUN, IDLE

    world, camera, aim = _ui_setup()
    aim.start(world)
    assert aim.handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_TAB, mod=0),
                            world, camera) == (True, [])
    assert aim.mode == GUN
    assert aim.handle_event(_mouse(camera, pygame.MOUSEBUTTONDOWN, (8, 4)), world, camera) \
        == (True, [])
    aim.handle_event(_mouse(camera, pygame.MOUSEMOTION, (26, 4)), world, camera)
    assert aim.current_line() == (8, 4, 8 + int(MAX_LENGTH_TILES), 4)  # clipped
    surface = pygame.Surface((900, 300))
    aim.draw(surface, camera, world)
    used, commands = aim.handle_event(_mouse(camera, pygame.MOUSEBUTTONUP, (26, 4)),
                                      world, camera)
    assert used and commands == [CallGunRun(8, 4, 20, 4, False)] and aim.state == IDLE
    # across Rafiq's room: the danger-close prompt, then the confirmed call
    aim.start(world)
    aim.handle_event(_mouse(camera, pygame.MOUSEBUTTONDOWN, (0, 1)), world, camera)
    _, commands = aim.handle_event(_mouse(camera, pygame.MOUSEBUTTONUP, (9, 1)), world, camera)
    assert commands == [] and aim.state == CONFIRMING
    aim.draw_prompt(surface, world)
    _, commands = aim.handle_event(
        pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0), world, camera)
    assert commands == [CallGunRun(0, 1, 9, 1, True)]


def test_the_strafe_walks_along_the_line():
    from game.render.strike_fx import STRAFE_WALK_S, StrikeFx

    fx = StrikeFx(1)
    fx.consume([GunRunImpact(1, 2, 2, 12, 2, 0)])
    assert fx.hits and not fx.particles
    fx.update(STRAFE_WALK_S / 3)
    first_third = max(p.x for p in fx.particles)
    assert fx.hits and first_third < (12 * 32)  # only the start of the line has been hit
    fx.update(STRAFE_WALK_S)
    assert not fx.hits and max(p.x for p in fx.particles) > first_third
