"""The battle HUD follows the UI scale: at 1.5 the squad badges stay on screen and clear
of the minimap, and a long radio line is wrapped onto a second row, not cut."""

from __future__ import annotations

import pytest

from game.settings import Settings
from tests.battle_helpers import battle_screen

LONG = ("Rahim: Falcon-2 is inbound on the granary, keep your heads down and hold the "
        "courtyard until the dust settles over the silos")


def _battle(size, ui: float):
    return battle_screen(size, settings=Settings(ui_scale=ui))


@pytest.mark.parametrize("size", [(1280, 720), (1024, 640)])
def test_badges_stay_on_screen_and_clear_of_the_minimap_at_scale_1_5(size):
    app, screen = _battle(size, 1.5)
    screen.draw(app.surface, 1.0)
    bounds = app.surface.get_rect()
    rects = [rect for rect, _ in screen.hud.badge_rects]
    assert len(rects) == 4
    frame = screen.minimap.rect.inflate(4, 4)  # the minimap with its dark frame
    for i, rect in enumerate(rects):
        assert bounds.contains(rect)
        assert not rect.colliderect(frame)
        assert not any(rect.colliderect(other) for other in rects[i + 1:])
    # the HUD really is bigger than at 1.0
    app.ctx.settings.ui_scale = 1.0
    screen.draw(app.surface, 1.0)
    assert screen.hud.badge_rects[0][0].h < rects[0].h
    assert screen.minimap.rect.w < frame.w - 4


def test_a_long_radio_line_is_wrapped_not_cut():
    from game.ui.hud import LOG_LINES

    app, screen = _battle((1280, 720), 1.5)
    for i in range(8):
        screen.log.add(float(i), f"Rima: Contact! Scout {i} spotted.")
    screen.log.add(9.0, LONG)
    screen.draw(app.surface, 1.0)
    rows = screen.hud.log_rows
    assert rows[-1].split()[-1] == "silos"  # the last word shows, on a row of its own
    assert " ".join(rows[-2:]) == LONG and not any("..." in row for row in rows)
    assert len(rows) == LOG_LINES  # the panel keeps its height: older lines give way
    assert rows[0] != screen.log.lines[0].text


def test_radio_lines_kept_wrapped_are_wrapped_again_at_a_new_scale():
    """The log keeps each line's rows between layouts (a new line shifts the log); they
    are the rows a fresh HUD wraps, and a new UI scale wraps them afresh."""
    def rows_of(ui: float, screen=None, app=None) -> list[str]:
        if screen is None:
            app, screen = _battle((1280, 720), ui)
        app.ctx.settings.ui_scale = ui
        for i in range(3):
            screen.log.add(float(i), f"Rima: Contact! Scout {i} spotted.")
        screen.log.add(5.0, LONG)
        screen.draw(app.surface, 1.0)
        return screen.hud.log_rows

    app, screen = _battle((1280, 720), 1.0)
    assert rows_of(1.0, screen, app) == rows_of(1.0)
    _sizes, wrapped = screen.hud._wrapped
    wrapped[LONG] = ["kept rows"]  # what a stale cache would show
    screen.log.add(6.0, "Hana: Moving.")  # a new line: the others' rows are kept
    screen.draw(app.surface, 1.0)
    assert screen.hud.log_rows[-2:] == ["kept rows", "Hana: Moving."]
    again = rows_of(1.5, screen, app)
    assert "kept rows" not in again
    assert again[-2:] == rows_of(1.5)[-2:], "wrapped afresh at the new scale"


def test_the_hud_lays_out_again_when_the_scale_changes():
    app, screen = _battle((1280, 720), 1.0)
    screen.draw(app.surface, 1.0)
    before = screen.hud.badge_rects[0][0].copy()
    layout = screen.hud._layout
    screen.draw(app.surface, 1.0)
    assert screen.hud._layout is layout  # nothing changed: the layout is reused
    app.ctx.settings.ui_scale = 1.25
    screen.draw(app.surface, 1.0)
    assert screen.hud._layout is not layout
    assert screen.hud.badge_rects[0][0].h == round(before.h * 1.25)
    assert screen.hud.top_h == 35


def _button_heights(ui: float) -> tuple[int, int]:
    app, screen = _battle((1280, 720), ui)
    screen.draw(app.surface, 1.0)
    return screen.strike_aim.button_rect.h, screen.grenade_aim.button_rect.h


def test_the_battle_buttons_follow_the_scale():
    strike, grenade = _button_heights(1.0)
    big_strike, big_grenade = _button_heights(1.5)
    assert big_strike >= round(strike * 1.4) and big_grenade >= round(grenade * 1.4)


def test_the_grenade_button_sits_below_the_strike_button_and_its_notice():
    app, screen = _battle((1280, 720), 1.5)
    screen.strike_aim.notice = "no runs left"
    screen.draw(app.surface, 1.0)
    strike, grenade = screen.strike_aim.button_rect, screen.grenade_aim.button_rect
    notice_h = app.ctx.text.font(round(17 * 1.5)).get_linesize()
    assert grenade.top >= strike.bottom + notice_h


def test_the_danger_close_prompt_follows_the_scale():
    import pygame

    from game.render.text import TextCache
    from game.ui.strike_aim import draw_danger_prompt

    surface, text = pygame.Surface((2560, 1440)), TextCache()
    boxes = {ui: draw_danger_prompt(surface, text, "DANGER CLOSE", "CONFIRM",
                                    [("Inside the blast: Rafiq", 20, (255, 255, 255))], ui)
             for ui in (1.0, 1.5)}
    (confirm, abort), (big_confirm, big_abort) = boxes[1.0], boxes[1.5]
    assert big_confirm.size == (300, 57) and confirm.size == (200, 38)
    assert big_abort.right - big_confirm.left == round((abort.right - confirm.left) * 1.5)
    small = draw_danger_prompt(pygame.Surface((400, 300)), text, "DANGER CLOSE", "OK",
                               [("x", 20, (255, 255, 255))], 1.5)
    assert pygame.Rect(0, 0, 400, 300).contains(small[0].union(small[1]))
    assert not small[0].colliderect(small[1])


def test_the_training_card_follows_the_scale():
    import pygame

    from game.render.text import TextCache
    from game.ui.tutorial import Tutorial

    text = TextCache()
    cards = {}
    for ui in (1.0, 1.5):
        tutorial = Tutorial(["Right-click the ground to move the selected soldiers."])
        tutorial.draw(pygame.Surface((2560, 1440)), text, 40, ui=ui)
        cards[ui] = tutorial.drawn_at
    assert cards[1.5].w == round(cards[1.0].w * 1.5)
    assert cards[1.5].h > cards[1.0].h * 1.3


def _drawn_box(surface) -> tuple[int, int]:
    """Width and height of what was drawn on a black surface."""
    import numpy as np
    import pygame

    lit = np.argwhere(pygame.surfarray.array3d(surface).any(axis=2))
    (x0, y0), (x1, y1) = lit.min(axis=0), lit.max(axis=0)
    return x1 - x0 + 1, y1 - y0 + 1


def test_the_off_screen_arrows_follow_the_scale():
    import pygame

    from game.render.offscreen_arrows import Pointer, draw_arrows
    from game.render.text import TextCache

    text, boxes = TextCache(), {}
    for ui in (1.0, 1.5):
        surface = pygame.Surface((1280, 720))
        drawn = draw_arrows(surface, surface.get_rect(),
                            [Pointer(5000.0, 360.0, (90, 230, 120), "EXTRACT")], text, ui=ui)
        assert drawn == 1
        boxes[ui] = _drawn_box(surface)
    assert boxes[1.5][1] >= boxes[1.0][1] * 1.4  # arrow and label both taller
    assert boxes[1.5][0] >= boxes[1.0][0] * 1.3


def test_the_squad_status_tags_follow_the_scale():
    from game.render.status_tags import draw_status_tags

    heights = {}
    for ui in (1.0, 1.5):
        app, screen = _battle((1280, 720), ui)
        member = screen.world.squad()[0]
        member.suppressed = 30  # "pinned"
        plates = draw_status_tags(app.surface, screen.camera, screen.world, 1.0,
                                  screen.text, ui)
        heights[ui] = plates[0].h
    assert heights[1.5] >= heights[1.0] * 1.4


def test_toasts_follow_the_scale():
    from game.app import App

    heights = {}
    for ui in (1.0, 1.5):
        app = App((1280, 720))
        app.ctx.settings = Settings(ui_scale=ui)
        app.surface.fill((0, 0, 0))
        app.ctx.toast("That is Falcon-2's marked zone: impact in 7 s")
        app._draw_toasts()
        heights[ui] = _drawn_box(app.surface)[1]
    assert heights[1.5] >= heights[1.0] * 1.4
