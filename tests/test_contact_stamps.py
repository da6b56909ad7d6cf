"""The lost-contact markers drawn from cached stamps (game/render/contacts.py) look as
they did drawn piece by piece, and nothing kept goes stale: the age label follows the
clock, a sniper's ring keeps its ticks, a contact found again leaves the screen.  And the
per-tick answers (game/render/tick_memo.py) are asked again when the world moves on."""

from __future__ import annotations

import numpy as np
import pygame

from game.render import contacts
from game.render.camera import Camera
from game.render.contacts import GHOST, GHOST_DARK, draw_remembered_contacts
from game.render.text import TextCache
from game.render.tick_memo import per_tick
from game.sim.catalog import TICK_HZ
from game.sim.geometry import TILE_PX
from tests.test_contacts import _seen_then_lost

W, H = 640, 160
SAND = (186, 160, 120)


def _draw(world, text: TextCache | None = None) -> np.ndarray:
    surface = pygame.Surface((W, H))
    surface.fill(SAND)
    camera = Camera(world.terrain.width * TILE_PX, world.terrain.height * TILE_PX, W, H)
    draw_remembered_contacts(surface, camera, world, text or TextCache())
    return pygame.surfarray.array3d(surface).astype(int)


def _reference(centre: tuple[int, int], r: int, age: str, text: TextCache,
               perch: bool = False) -> np.ndarray:
    """The marker as it was drawn before the stamps: disc, arcs, ticks, '?', plate, age."""
    surface = pygame.Surface((W, H))
    surface.fill(SAND)
    cx, cy = centre
    disc = pygame.Surface((2 * r + 2, 2 * r + 2), pygame.SRCALPHA)
    pygame.draw.circle(disc, (*GHOST_DARK, 150), (r + 1, r + 1), r)
    surface.blit(disc, disc.get_rect(center=centre))
    contacts._dashed_ring(surface, centre, r)
    if perch:
        for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            pygame.draw.line(surface, GHOST, (cx + dx * (r - 3), cy + dy * (r - 3)),
                             (cx + dx * (r + 4), cy + dy * (r + 4)), 2)
    text.blit(surface, "?", centre, max(12, round(r * 1.3)), GHOST, bold=True,
              anchor="center")
    img = text.render(age, 13, GHOST, True)
    plate = img.get_rect(midtop=(cx, cy + r + 3)).inflate(6, 2)
    back = pygame.Surface(plate.size, pygame.SRCALPHA)
    back.fill((10, 12, 14, 190))
    surface.blit(back, plate)
    surface.blit(img, img.get_rect(center=plate.center))
    return pygame.surfarray.array3d(surface).astype(int)


def _centre(world, camera_size=(W, H)) -> tuple[tuple[int, int], int]:
    camera = Camera(world.terrain.width * TILE_PX, world.terrain.height * TILE_PX,
                    *camera_size)
    (contact,) = contacts.remembered_contacts(world)
    centre = camera.world_to_screen((contact.tile[0] + 0.5) * TILE_PX,
                                    (contact.tile[1] + 0.5) * TILE_PX)
    return centre, max(6, round(camera.tile_px * 0.42))


def test_the_stamped_marker_looks_as_the_one_drawn_piece_by_piece():
    pygame.init()
    world, _enemy = _seen_then_lost()
    text = TextCache()
    centre, r = _centre(world)
    for perch in (False, True):
        expected = _reference(centre, r, "0s", text, perch)
        if perch:  # the map's insurgent is a rifleman: lay a sniper's stamps as drawn
            stamps = contacts._Stamps.get(text)
            surface = pygame.Surface((W, H))
            surface.fill(SAND)
            plate, offset = stamps.label("0s")
            surface.fblits([(stamps.ring(r, True), (centre[0] - r - contacts.TICK_OUT,
                                                    centre[1] - r - contacts.TICK_OUT)),
                            (plate, (centre[0] + offset, centre[1] + r + 2))],
                           pygame.BLEND_PREMULTIPLIED)
            got = pygame.surfarray.array3d(surface).astype(int)
        else:
            got = _draw(world, text)
        assert (expected != SAND[0]).any()
        # premultiplying rounds each channel by a step or two, no more
        assert np.abs(got - expected).max() <= 3, f"perch={perch}"
        assert (np.abs(got - expected).max(axis=2) > 0).sum() < 0.5 * (2 * r + 12) ** 2


def test_the_age_label_follows_the_clock_and_a_fresh_cache_draws_the_same():
    pygame.init()
    world, _enemy = _seen_then_lost()
    text = TextCache()
    now = _draw(world, text)
    world.tick += 5 * TICK_HZ  # five seconds later, without a sight change
    later = _draw(world, text)
    assert (now != later).any(), "the age label must move on from the cached one"
    assert (later == _draw(world, TextCache())).all(), "kept stamps draw as new ones"
    centre, r = _centre(world)
    assert np.abs(later - _reference(centre, r, "5s", text)).max() <= 3


def test_a_sniper_contact_is_drawn_with_the_sniper_ring_and_its_own_age():
    """The drawer reads the perch and the seen tick from its kept spots: a sniper's mark
    shows the ticked ring, and two contacts seen at different ticks show their own ages."""
    pygame.init()
    world, enemy = _seen_then_lost()
    enemy.kind = "sniper"  # before the contact is made: the memory's kind is read then
    world.tick += 3 * TICK_HZ
    text = TextCache()
    got = _draw(world, text)
    centre, r = _centre(world)
    stamps = contacts._Stamps.get(text)
    expected = pygame.Surface((W, H))
    expected.fill(SAND)
    plate, offset = stamps.label("3s")
    corner = r + contacts.TICK_OUT
    expected.fblits([(stamps.ring(r, True), (centre[0] - corner, centre[1] - corner)),
                     (plate, (centre[0] + offset, centre[1] + r + 2))],
                    pygame.BLEND_PREMULTIPLIED)
    assert (got == pygame.surfarray.array3d(expected)).all()
    assert (got != _reference(centre, r, "3s", text, False)).any(), "not the plain ring"


def test_a_contact_seen_again_leaves_the_screen_on_the_next_tick():
    pygame.init()
    world, enemy = _seen_then_lost()
    assert (_draw(world) != SAND).any()
    world.contacts.clear()  # an edit outside a tick: the contact count is the memo's token
    assert (_draw(world) == SAND).all()


def test_a_per_tick_answer_is_asked_again_when_the_tick_world_or_token_moves():
    asked = []

    def question(world):
        asked.append(world.tick)
        return list(asked)

    class World:
        tick = 0

    a, b = World(), World()
    first = per_tick(a, question)
    assert per_tick(a, question) is first, "the same tick: kept"
    a.tick = 1
    assert per_tick(a, question) is not first
    assert per_tick(b, question)[-1] == 0, "another world is asked about itself"
    kept = per_tick(b, question, token=1)
    assert per_tick(b, question, token=2) is not kept
    assert len(asked) == 5  # a: ticks 0 and 1; b: no token, token 1, token 2


def test_a_kept_answer_does_not_keep_a_closed_battles_world_alive():
    import gc
    import weakref

    class World:
        tick = 0

    world = World()
    per_tick(world, lambda w: [w.tick])
    gone = weakref.ref(world)
    del world
    gc.collect()
    assert gone() is None
