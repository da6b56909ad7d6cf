"""Falcon-2's danger-close check counts ours walking into the blast, not only those
standing in it, and a move order into a marked zone says so (seen in play: the squad,
sent across the yard before the call, walked on into the bomb it had called there)."""

from __future__ import annotations

import pygame
import pytest

from game.render.camera import Camera
from game.render.text import TextCache
from game.sim.airstrike import BLAST_RADIUS_TILES, friendlies_walking_in
from game.sim.commands import CallStrike, Move
from game.sim.geometry import TILE_PX
from game.sim.step import step
from game.sim.world import new_world
from game.ui.orders import strike_zone_warning
from game.ui.strike_aim import CONFIRMING, StrikeAim, bomb_at_risk
from tests.ascii_maps import ascii_scenario

# the squad in the west of a long open lane; one member is sent east, the rest stay
LANE = ["S" + "." * 45] + ["." * 46] * 4
TARGET = (20, 2)  # reached in about 7 s at a soldier's pace: inside when the bomb lands


pytestmark = pytest.mark.usefixtures("display")  # conftest's: the aim draws text


def _world():
    world = new_world(ascii_scenario(LANE), seed=2)
    member = world.squad()[0]
    return world, member


def _walk(world, member, goal) -> None:
    step(world, [Move((member.id,), *goal)])
    assert member.path  # the order gave it a route


def test_standing_clear_of_the_blast_nobody_is_at_risk():
    world, _ = _world()
    assert friendlies_walking_in(world, *TARGET) == []
    assert bomb_at_risk(world, TARGET) == []


def test_a_member_whose_route_ends_inside_the_blast_is_walking_in():
    world, member = _world()
    _walk(world, member, TARGET)
    assert friendlies_walking_in(world, *TARGET) == [member]
    assert bomb_at_risk(world, TARGET) == [member]


def test_a_member_who_crosses_the_zone_long_before_impact_is_not_counted():
    world, member = _world()
    _walk(world, member, (45, 2))  # through a zone at x 6..14 in the first 5 s
    assert friendlies_walking_in(world, 10, 2) == []
    # but one whose walk passes the zone as the bomb lands is
    assert friendlies_walking_in(world, 22, 2) == [member]
    # and one that lies beyond where the walk gets to by then is not
    assert friendlies_walking_in(world, 38, 2) == []


def test_a_member_standing_inside_is_counted_once():
    world, member = _world()
    _walk(world, member, (member.tile[0] + 2, member.tile[1]))
    near = (member.tile[0] + 1, member.tile[1])
    at_risk = bomb_at_risk(world, near)
    assert at_risk.count(member) == 1 and len(at_risk) == len(world.squad())
    assert friendlies_walking_in(world, *near) == []  # already inside, not walking in


def test_a_click_on_a_zone_ours_are_walking_into_asks_for_danger_close():
    world, member = _world()
    _walk(world, member, TARGET)
    camera = Camera(world.terrain.width * TILE_PX, world.terrain.height * TILE_PX, 1500, 300)
    aim = StrikeAim(TextCache())
    aim.start(world)
    assert aim.click(world, TARGET) == []
    assert aim.state == CONFIRMING
    assert aim.confirm() == [CallStrike(TARGET[0], TARGET[1], True)]
    surface = pygame.Surface((1500, 300))
    aim.start(world)
    aim.click(world, TARGET)
    aim.draw(surface, camera, world)
    aim.draw_prompt(surface, world)  # the box names who walks in; it draws without error
    assert aim.confirm_rect.w > 0


def test_a_move_order_into_a_marked_zone_is_warned_about():
    world, member = _world()
    events = step(world, [CallStrike(*TARGET, False)])
    assert world.strikes, events
    assert strike_zone_warning(world, [Move((member.id,), 5, 2)]) == ""
    inside = (TARGET[0] + int(BLAST_RADIUS_TILES) - 1, TARGET[1])
    warning = strike_zone_warning(world, [Move((member.id,), *inside)])
    assert "Falcon-2" in warning and "impact in 8 s" in warning


def test_a_member_walking_onto_a_gun_run_line_is_counted():
    from game.sim.gun_run import friendlies_walking_onto_line
    from game.ui.strike_aim import gun_at_risk

    world, member = _world()
    _walk(world, member, (14, 2))  # on the line's middle when the run comes in (5 s)
    line = (14, 0, 14, 4)
    assert friendlies_walking_onto_line(world, *line) == [member]
    assert gun_at_risk(world, line) == [member]
    assert friendlies_walking_onto_line(world, 40, 0, 40, 4) == []


def _gun_bands_full_screen(surface, camera, line, colour):
    """The gun run's bands as drawn before, on a full-screen layer, for comparing."""
    from game.ui.strike_aim import BAND_TILES, DANGER_TILES

    a = camera.world_to_screen((line[0] + 0.5) * TILE_PX, (line[1] + 0.5) * TILE_PX)
    b = camera.world_to_screen((line[2] + 0.5) * TILE_PX, (line[3] + 0.5) * TILE_PX)
    layer = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    for reach, alpha in ((DANGER_TILES, 34), (BAND_TILES, 60)):
        width = max(2, round(2 * reach * camera.tile_px))
        pygame.draw.line(layer, (*colour, alpha), a, b, width)
        for end in (a, b):
            pygame.draw.circle(layer, (*colour, alpha), end, width // 2)
    surface.blit(layer, (0, 0))


@pytest.mark.parametrize("line", [(5, 1, 16, 3), (16, 4, 5, 0), (3, 2, 3, 2), (40, 0, 45, 4)])
def test_the_gun_run_bands_drawn_round_the_line_are_the_full_screen_ones(line):
    from game.ui.strike_aim import GUN, SAFE

    world, _ = _world()
    camera = Camera(world.terrain.width * TILE_PX, world.terrain.height * TILE_PX, 700, 200)
    aim = StrikeAim(TextCache())
    aim.start(world)
    aim.mode, aim.state, aim.confirm_line = GUN, CONFIRMING, line
    drawn, expected = pygame.Surface((700, 200)), pygame.Surface((700, 200))
    drawn.fill((60, 50, 40))
    expected.fill((60, 50, 40))
    aim.draw(drawn, camera, world)
    colour = (255, 70, 55) if aim.at_risk(world) else SAFE
    _gun_bands_full_screen(expected, camera, line, colour)
    # the rest of the aim over the bands: the line, its ends, the rings round ours
    a = camera.world_to_screen((line[0] + 0.5) * TILE_PX, (line[1] + 0.5) * TILE_PX)
    b = camera.world_to_screen((line[2] + 0.5) * TILE_PX, (line[3] + 0.5) * TILE_PX)
    pygame.draw.line(expected, colour, a, b, 2)
    for end in (a, b):
        pygame.draw.circle(expected, colour, end, 5, 2)
    ring = max(8, round(0.6 * camera.tile_px))
    for unit in aim.at_risk(world):
        pygame.draw.circle(expected, (255, 70, 55), camera.sub_to_screen(unit.x, unit.y), ring, 3)
    assert drawn.get_view("2").raw == expected.get_view("2").raw
