"""The squad's memory of lost contacts (game/sim/contacts.py) and the exposure queries
that count them (game/sim/queries.py): a contact seen then lost still watches from its
last known tile; an insurgent never seen never does, and nothing leaks where it is now."""

from __future__ import annotations

import pygame

from game.render.camera import Camera
from game.render.contacts import draw_remembered_contacts
from game.render.text import TextCache
from game.save import world_from_dict, world_to_dict
from game.sim.catalog import TICK_HZ
from game.sim.contacts import CONTACT_MEMORY_S, remember_contacts
from game.sim.facts import Shot, TickFacts
from game.sim.geometry import TILE_PX, centre_of
from game.sim.kinds import Roe
from game.sim.queries import (
    exposure_grid,
    exposure_layers,
    remembered_contacts,
    remembered_watchers_of,
    watchers_of,
)
from game.sim.world import new_world, state_hash
from game.ui.cover_preview import CoverPreview, watch_label
from tests.ascii_maps import ascii_scenario
from tests.survivor_helpers import member, park_squad, run

FIELD = [
    "................#...",
    "S.......E.......#...",
    "................#...",
    "....................",
]
BEHIND = (18, 0)  # out of the squad's sight, behind the wall
WALLED = [
    "S.......#...",
    "........#E..",
    "........#...",
]


def _world(rows):
    world = new_world(ascii_scenario(rows), seed=2)
    park_squad(world, "rafiq")
    member(world, "rafiq").squad.roe = Roe.HOLD_FIRE  # nobody dies while the test looks
    return world


def _teleport(unit, tile) -> None:
    unit.x = unit.last_x = centre_of(tile[0])
    unit.y = unit.last_y = centre_of(tile[1])
    unit.path = []


def _seen_then_lost():
    world = _world(FIELD)
    enemy = world.insurgents()[0]
    run(world, 2)
    assert world.contacts.get(enemy.id, [None])[:2] == [8, 1], "the squad saw it"
    _teleport(enemy, BEHIND)
    run(world, 1)
    return world, enemy


def test_a_contact_seen_then_lost_is_remembered_where_it_was_seen():
    world, enemy = _seen_then_lost()
    contacts = remembered_contacts(world)
    assert [(c.unit_id, c.tile) for c in contacts] == [(enemy.id, (8, 1))]
    assert contacts[0].tile != enemy.tile, "the memory never follows the unseen insurgent"


def test_a_lost_contact_still_makes_the_tiles_it_watched_exposed():
    world, enemy = _seen_then_lost()
    assert watchers_of(world, (4, 1)) == [], "nobody is in sight now"
    assert [c.unit_id for c in remembered_watchers_of(world, (4, 1))] == [enemy.id]
    grid = exposure_grid(world)
    assert grid[1, 4] and grid[3, 10]
    assert not grid[1, BEHIND[0]], "the wall hides the far side from the remembered tile"
    live, remembered = exposure_layers(world)
    assert not live.any() and (remembered == grid).all()


def test_an_insurgent_never_seen_never_makes_a_tile_exposed():
    world = _world(WALLED)
    run(world, 60)
    assert world.contacts == {}
    assert remembered_contacts(world) == []
    assert not exposure_grid(world).any()
    assert remembered_watchers_of(world, (3, 1)) == []


def test_checking_the_spot_forgets_the_contact():
    world, enemy = _seen_then_lost()
    _teleport(member(world, "rafiq"), (7, 1))
    run(world, 1)
    assert enemy.id not in world.contacts
    assert not exposure_grid(world).any()


def test_seeing_the_body_forgets_the_contact():
    world = _world(FIELD)
    enemy = world.insurgents()[0]
    run(world, 2)
    enemy.life = "dead"
    run(world, 1)
    assert enemy.id not in world.contacts


def test_an_old_contact_is_forgotten():
    world, enemy = _seen_then_lost()
    world.contacts[enemy.id][2] = world.tick - CONTACT_MEMORY_S * TICK_HZ - 1
    run(world, 1)
    assert enemy.id not in world.contacts


def test_the_memory_is_saved_and_left_out_of_the_hash():
    world, enemy = _seen_then_lost()
    before = state_hash(world)
    restored, _ = world_from_dict(world_to_dict(world), world.scenario)
    assert restored.contacts == world.contacts
    world.contacts.clear()
    assert state_hash(world) == before, "the rules never read the memory"


def test_the_overlay_and_the_marker_show_a_lost_contact_apart():
    pygame.init()
    world, enemy = _seen_then_lost()
    preview = CoverPreview()
    grid = preview.exposure(world)
    assert grid[1, 4] == 1, "watched only from a remembered tile"
    assert watch_label(0, 1)[0] == "WATCHED? 1 LAST SEEN"
    assert watch_label(1, 0)[0] == "SEEN BY 1"
    surface = pygame.Surface((800, 200))
    camera = Camera(world.terrain.width * TILE_PX, world.terrain.height * TILE_PX, 800, 200)
    assert draw_remembered_contacts(surface, camera, world, TextCache()) == 1
    world.contacts.clear()
    assert draw_remembered_contacts(surface, camera, world, TextCache()) == 0


def _squad_shot(world, shooter, target) -> TickFacts:
    at = (target.x, target.y)
    return TickFacts(shots=[Shot(shooter.id, target.id, (shooter.x, shooter.y), at, at, True,
                                 "rifle")])


def test_a_contact_the_squad_shoots_down_is_forgotten_and_one_dying_unseen_is_not():
    world, enemy = _seen_then_lost()
    enemy.life = "dead"  # out of the squad's sight: nobody knows
    remember_contacts(world, TickFacts())
    assert enemy.id in world.contacts, "a death the squad did not see leaks nothing"
    remember_contacts(world, _squad_shot(world, member(world, "rafiq"), enemy))
    assert enemy.id not in world.contacts, "the shooter saw it fall"


def test_a_squad_shot_tells_where_the_target_stands():
    world, enemy = _seen_then_lost()
    remember_contacts(world, _squad_shot(world, member(world, "rafiq"), enemy))
    assert world.contacts[enemy.id][:2] == list(BEHIND)



def test_an_ambusher_sprung_in_sight_is_remembered_that_tick_with_its_group():
    """remember_contacts takes vision's list of who is in sight (facts.in_sight): the list
    must be drawn after the springs, or a revealed ambush group is missed on its first tick."""
    world = _world(["S.......#.EE", "........#..."])
    ambushers = world.insurgents()
    for unit in ambushers:
        unit.hidden, unit.group = True, "ambush"
    run(world, 1)  # the first tick looks twice: spring them on a later one
    for unit, x in zip(ambushers, (3, 5), strict=True):
        _teleport(unit, (x, 0))
    run(world, 1)
    assert not any(unit.hidden for unit in ambushers), "the close one sprang its group"
    assert set(world.contacts) == {unit.id for unit in ambushers}
