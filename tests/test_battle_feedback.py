"""The battle's feedback layer (issue 15): off-screen arrows, plans and pending orders over
the fog, status words, the keys for rules of engagement, hold and the alert jump."""

from __future__ import annotations

import math

import pygame

from game.render.offscreen_arrows import edge_arrow
from game.render.plans import PENDING_COLOUR, pending_marks, tile_centre
from game.render.status_tags import card_status, unit_status
from game.sim import commands as c
from game.sim.events import EnemySpotted, UnitDowned
from game.sim.kinds import Roe
from game.sim.queries import hit_chance
from game.ui.attention import AlertFeed
from game.ui.cover_preview import shot_label
from tests.battle_helpers import battle_screen
from tests.survivor_helpers import member

VIEW = pygame.Rect(0, 0, 800, 600)


def _points_at(pos, angle, target) -> bool:
    want = math.degrees(math.atan2(target[1] - pos[1], target[0] - pos[0])) % 360
    return abs((want - angle + 180) % 360 - 180) < 1.0


def test_arrows_point_the_right_way_from_the_edge():
    cases = {(2000, 300): "right", (400, -900): "top", (-50, 700): "left-bottom",
             (1600, 1500): "bottom-right"}
    for target in cases:
        pos, angle = edge_arrow(VIEW, target)
        assert _points_at(pos, angle, target), cases[target]
        assert VIEW.collidepoint(pos)
    pos, angle = edge_arrow(VIEW, (2000, 300))
    assert pos[0] > 700 and abs(angle) < 1e-6  # on the right edge, pointing east
    pos, angle = edge_arrow(VIEW, (400, -900))
    assert pos[1] < 100 and round(angle) == 270  # on the top edge, pointing north


def test_no_arrow_for_a_target_on_screen():
    assert edge_arrow(VIEW, (400, 300)) is None
    assert edge_arrow(VIEW, (799, 1)) is None


def test_pending_orders_are_marked_while_paused_even_in_unexplored_ground():
    app, battle = battle_screen(size=(640, 360))
    app.clock.paused = True
    world = battle.world
    goal = (9, 3)
    world.seen_ever[:] = False  # all of it unexplored: the fog covers everything
    world.seen_now[:] = False
    battle.camera.centre_on((goal[0] + 0.5) * 32, (goal[1] + 0.5) * 32)
    surface = app.surface
    battle.draw(surface, 1.0)
    at = tile_centre(battle.camera, *goal)
    assert tuple(surface.get_at(at))[:3] != PENDING_COLOUR
    ids = tuple(u.id for u in world.squad())
    battle.order([c.Move(ids, *goal)])
    battle.draw(surface, 1.0)
    assert tuple(surface.get_at(at))[:3] == PENDING_COLOUR
    assert world.tick == 0, "the paused battle ran a tick"


def test_pending_marks_cover_moves_strikes_and_gun_runs():
    marks = pending_marks([c.Move((1, 2), 3, 4, True), c.CallStrike(5, 6),
                           c.CallGunRun(1, 1, 4, 4), c.ThrowGrenade(1, 7, 8), c.Stop((1,))])
    assert marks == [("move", (3, 4, True, (1, 2))), ("strike", (5, 6)),
                     ("gun", (1, 1, 4, 4)), ("grenade", (7, 8))]


def test_status_words_clear_the_moment_they_stop_being_true():
    app, battle = battle_screen()
    rafiq = member(battle.world, "rafiq")
    assert unit_status(rafiq) == []
    rafiq.activity = "firing"
    assert unit_status(rafiq) == ["firing"]
    rafiq.activity = "idle"
    rafiq.reload_left = 20
    assert unit_status(rafiq) == ["reloading"]
    rafiq.reload_left = 0
    rafiq.suppressed = 10
    rafiq.carrying = 99
    assert unit_status(rafiq) == ["carrying", "pinned"]
    rafiq.suppressed, rafiq.carrying = 0, 0
    rafiq.activity = "healing"
    assert unit_status(rafiq) == ["treating"]
    rafiq.activity = "idle"
    assert unit_status(rafiq) == [] and card_status(rafiq) == "idle"
    rafiq.life = "downed"
    assert unit_status(rafiq) == ["downed"]


def test_roe_key_cycles_and_hold_key_toggles_through_sim_commands():
    app, battle = battle_screen()
    world = battle.world
    rafiq = member(world, "rafiq")
    battle.selected = {rafiq.id}
    for want in (Roe.RETURN_FIRE, Roe.HOLD_FIRE, Roe.FIRE_AT_WILL):
        battle.feedback.do_action(battle, "roe")
        battle.tick()
        assert rafiq.squad.roe == want
    battle.feedback.do_action(battle, "hold")
    battle.tick()
    assert rafiq.squad.holding
    battle.feedback.do_action(battle, "hold")
    battle.tick()
    assert not rafiq.squad.holding


def test_the_card_shows_each_soldiers_roe():
    app, battle = battle_screen()
    world = battle.world
    rafiq = member(world, "rafiq")
    rafiq.squad.roe = Roe.HOLD_FIRE
    badges = battle.hud._badges(world, set())
    assert any(b[-2] and b[-2][0] == "HOLD FIRE" for b in badges)
    assert sum(1 for b in badges if b[-2] and b[-2][0] == "FREE FIRE") == 3


def test_alert_jump_goes_to_the_newest_then_back_through_older_ones():
    app, battle = battle_screen()
    world = battle.world
    sniper = world.insurgents()[0]
    rafiq = member(world, "rafiq")
    feed = AlertFeed()
    feed.consume([EnemySpotted(sniper.id, rafiq.id)], world, 1.0)
    rafiq.life = "downed"
    feed.consume([UnitDowned(rafiq.id)], world, 2.0)
    first, second, third = (feed.next_jump(world) for _ in range(3))
    scale = 32 / 256
    assert first == (rafiq.x * scale, rafiq.y * scale)
    assert second == (sniper.x * scale, sniper.y * scale)
    assert third == first


def test_hover_label_is_the_rules_hit_chance():
    app, battle = battle_screen(rows=["S.......E......"])
    world = battle.world
    rafiq, enemy = member(world, "rafiq"), world.insurgents()[0]
    world.seen_now[:] = True
    label = shot_label(world, rafiq, enemy)
    assert label == f"{round(hit_chance(world, rafiq, enemy) * 100)}%"
    rafiq.squad.roe = Roe.HOLD_FIRE
    assert "holding fire" in shot_label(world, rafiq, enemy)


def test_feedback_draws_with_exposure_and_hover_on():
    app, battle = battle_screen(rows=["S.......E......", "..............."])
    world = battle.world
    world.seen_now[:] = True
    world.seen_ever[:] = True
    battle.feedback.preview.exposure_on = True
    battle.feedback.mouse = tile_centre(battle.camera, 4, 1)
    battle.selected = {member(world, "rafiq").id}
    battle.draw(app.surface, 1.0)
    battle.hover_id = world.insurgents()[0].id
    battle.draw(app.surface, 1.0)


def test_training_prompt_moves_off_a_survivor_it_would_cover():
    from game.ui.tutorial import Tutorial

    pygame.font.init()
    from game.render.text import TextCache

    surface = pygame.Surface((1280, 720))
    tutorial = Tutorial(["Search the houses to find the survivors."])
    text = TextCache()
    tutorial.draw(surface, text, 50, bottom=560)
    top_rect = tutorial.drawn_at
    assert top_rect.top == 50
    tutorial.draw(surface, text, 50, avoid=[top_rect.center], bottom=560)
    moved = tutorial.drawn_at
    assert moved.bottom == 560 and not moved.inflate(48, 48).collidepoint(top_rect.center)
    tutorial.draw(surface, text, 50, avoid=[(5, 700)], bottom=560)
    assert tutorial.drawn_at.top == 50, "moved for a survivor it did not cover"


def test_a_bunched_squad_stacks_its_status_tags_instead_of_overprinting():
    """Played on the granary: four pinned members in a doorway printed "FIRING +1 RING +1"
    and "PINNED NNED" over one another."""
    from game.render.camera import Camera
    from game.render.status_tags import draw_status_tags
    from game.render.text import TextCache
    from game.sim.geometry import TILE_PX
    from game.sim.world import new_world
    from tests.ascii_maps import ascii_scenario

    pygame.init()
    world = new_world(ascii_scenario(["S" + "." * 9, "." * 10]), seed=1)
    for unit in world.squad():
        unit.suppressed = 30
    camera = Camera(10 * TILE_PX, 2 * TILE_PX, 320, 64)
    plates = draw_status_tags(pygame.Surface((320, 64)), camera, world, 1.0, TextCache())
    assert len(plates) == 4
    for i, a in enumerate(plates):
        assert all(not a.colliderect(b) for b in plates[i + 1:])


def test_an_arrow_never_hides_under_the_radio_log():
    """Played on the granary: the EXTRACT arrow sat under the radio log panel."""
    from game.render.offscreen_arrows import clear_of

    log = pygame.Rect(560, 10, 230, 140)  # top right of VIEW
    target = (2000, -600)
    placed = edge_arrow(VIEW, target)
    assert log.collidepoint(placed[0]), "the case the fix is for"
    pos, angle = clear_of(placed, target, VIEW, [log])
    assert not log.inflate(180, 60).collidepoint(pos) and VIEW.collidepoint(pos)
    assert _points_at(pos, angle, target)
    far = edge_arrow(VIEW, (-500, 300))
    assert clear_of(far, (-500, 300), VIEW, [log]) == far, "arrows elsewhere stay put"
    # Qasr al-Hanif: the EXTRACT arrow in the top-left corner sat among the HUD buttons
    buttons = pygame.Rect(8, 40, 280, 70)
    corner = edge_arrow(VIEW, (-300, -600))
    assert buttons.inflate(180, 60).collidepoint(corner[0])
    pos, angle = clear_of(corner, (-300, -600), VIEW, [log, buttons])
    assert not buttons.inflate(180, 60).collidepoint(pos) and VIEW.collidepoint(pos)
    assert _points_at(pos, angle, (-300, -600))


def test_the_controls_list_fits_its_panel():
    """Played on the granary: at 1280x720 the F1 list ran past its panel (F5 and F9 over
    "Any key or click to close" and off the panel)."""
    from game.ui.help_overlay import fitted_row
    from game.ui.keymap import ACTIONS

    top, bottom = 100, 100 + 640 - 60 - 34  # the panel at 1280x720, as the overlay lays it
    row = fitted_row(top, bottom, len(ACTIONS) + 1, 24)
    assert top + (len(ACTIONS) + 1) * row <= bottom
    assert fitted_row(0, 1000, 5, 24) == 24, "room to spare keeps the full row"


def test_battle_toasts_stack_above_the_key_hint_not_over_the_middle():
    app, screen = battle_screen(size=(1280, 720))
    app.step_frame(1 / 30)  # lays the HUD out
    screen.ctx.toast("Exposure overlay off")
    first = app.screens[-1].toast_top(720)
    screen.ctx.toast("Quicksaved")
    assert 720 // 2 < first < screen.hud.hint_top
    assert app.screens[-1].toast_top(720) < first, "a second toast stacks upward"


def test_m_hides_the_minimap_for_this_and_later_battles():
    from game.settings import Settings, load_settings

    app, screen = battle_screen(size=(1280, 720), settings=Settings())
    app.step_frame(1 / 30)
    where = screen.minimap.rect.center
    assert screen.minimap.world_at(where) is not None
    screen.handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_m, mod=0,
                                           unicode="m"))
    assert not screen.ctx.settings.show_minimap and screen.minimap.world_at(where) is None
    assert load_settings()[0].show_minimap is False, "the choice is saved"
    assert Settings.from_dict({"show_minimap": "no"}).show_minimap is True  # a bad value
    app2, later = battle_screen(size=(1280, 720), settings=screen.ctx.settings)
    app2.step_frame(1 / 30)
    assert later.minimap.world_at(where) is None
    later.handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_m, mod=0, unicode="m"))
    app2.step_frame(1 / 30)
    assert later.minimap.world_at(where) is not None


def test_each_battle_button_explains_itself_on_hover():
    from game.ui.battle_extras import tooltip_text

    app, screen = battle_screen(size=(1280, 720))
    app.step_frame(1 / 30)  # lays the buttons out
    buttons = {"Falcon-2": screen.strike_aim.button_rect,
               "grenade": screen.grenade_aim.button_rect}
    for word, rect in buttons.items():
        assert rect.w and word in tooltip_text(screen, rect.center)
