"""Units occupy space (game/sim/bodies.py, movement.py, orders.py) on tiny maps:
tests/data/small_room.tmx (a bare 10x6 room) and tests/data/body_corridor.tmx (two
1-tile corridors, rows 2 and 4, between a west and an east end)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np

from game.sim.bodies import REROUTE_TICKS, at_rest, zone_tiles
from game.sim.commands import Move
from game.sim.facts import TickFacts
from game.sim.geometry import centre_of
from game.sim.movement import move_units, set_course
from game.sim.step import step
from game.sim.world import new_world
from game.tiled.loader import load_scenario
from tests.survivor_helpers import member, park_squad

DATA = Path(__file__).parent / "data"


def _room(extra: int = 4):
    """The squad and `extra` more soldiers in the small room (rules only: no enemies)."""
    world = new_world(load_scenario(DATA / "small_room.tmx"), seed=3)
    for i in range(extra):
        world.add_unit(("rafiq", "hana", "maaz", "rima")[i % 4], centre_of(2 + i), centre_of(5))
    world.tick = 1
    return world


def _settle(world, limit: int = 600) -> None:
    for _ in range(limit):
        if all(at_rest(u) for u in world.squad()) or world.outcome != "undecided":
            return
        step(world, [])
    raise AssertionError("units still walking after the limit")


def _shared_tiles(world) -> list:
    """Tiles two units rest on, outside the extraction zone (where the rule stops: it is
    the pick-up point everyone crowds into)."""
    zone = zone_tiles(world)
    tiles = Counter(u.tile for u in world.squad() if at_rest(u) and not zone[u.tile[1], u.tile[0]])
    return [t for t, n in tiles.items() if n > 1]


def test_many_random_moves_never_end_with_two_units_on_one_tile():
    world = _room()
    rng = np.random.default_rng(7)
    ids = [u.id for u in world.squad()]
    assert len(ids) == 8
    for _ in range(25):
        orders = []
        for _ in range(int(rng.integers(1, 4))):  # a few orders at once, some for groups
            who = tuple(sorted(rng.choice(ids, size=int(rng.integers(1, 5)), replace=False)))
            orders.append(Move(tuple(int(i) for i in who), int(rng.integers(1, 11)),
                               int(rng.integers(1, 7))))
        step(world, orders)
        _settle(world)
        assert _shared_tiles(world) == []
    assert world.outcome == "undecided", "the moves ran to the end (nobody won by chance)"


def test_single_orders_to_one_tile_spread_out_in_id_order():
    world = _room(extra=0)
    squad = world.squad()
    step(world, [Move((u.id,), 8, 3) for u in squad])  # four orders, one tile
    _settle(world)
    assert _shared_tiles(world) == []
    assert all(abs(u.tile[0] - 8) <= 2 and abs(u.tile[1] - 3) <= 2 for u in squad)


def test_a_group_move_takes_a_compact_formation_round_the_goal():
    world = _room(extra=0)
    squad = world.squad()
    step(world, [Move(tuple(u.id for u in squad), 7, 3)])
    goals = [u.path[-1] for u in squad]
    assert goals[0] == (7, 3), "the first in id order takes the goal itself"
    assert len(set(goals)) == 4
    assert all(max(abs(x - 7), abs(y - 3)) <= 1 for x, y in goals)


def test_a_group_move_never_picks_a_tile_someone_rests_on():
    world = _room(extra=0)
    rafiq, hana, maaz, rima = world.squad()
    rafiq.x, rafiq.y = centre_of(7), centre_of(3)  # resting on the goal
    step(world, [Move((hana.id, maaz.id, rima.id), 7, 3)])
    assert all(u.path and u.path[-1] != (7, 3) for u in (hana, maaz, rima))


# -- a body in a corridor ------------------------------------------------------------------
def _corridor_walker():
    world = new_world(load_scenario(DATA / "body_corridor.tmx"), seed=1)
    park_squad(world, "rafiq")
    rafiq = member(world, "rafiq")
    rafiq.x, rafiq.y = centre_of(2), centre_of(2)
    return world, rafiq


def _walk(world, ticks: int, watch) -> list:
    """Run only the movement rule (no fire), recording the watched unit's tiles."""
    seen = []
    for _ in range(ticks):
        move_units(world, [], TickFacts())
        world.tick += 1
        seen.append(watch.tile)
    return seen


def test_an_enemy_body_in_a_one_tile_corridor_holds_the_walker_up_until_it_goes():
    world, rafiq = _corridor_walker()
    # bodies in both corridors: there is no way round
    bodies = [world.add_unit("rifleman", centre_of(7), centre_of(2)),
              world.add_unit("rifleman", centre_of(7), centre_of(4))]
    assert set_course(world, rafiq, (12, 2))
    seen = _walk(world, 5 * REROUTE_TICKS, rafiq)
    assert (7, 2) not in seen and (7, 4) not in seen, "nobody walks through a body"
    assert rafiq.path and rafiq.tile[0] < 7, "it waits, still meaning to go"
    bodies[0].x = centre_of(12)  # the one in row 2 walks off
    bodies[0].y = centre_of(1)
    _walk(world, 120, rafiq)
    assert rafiq.tile == (12, 2)


def test_a_walker_goes_round_a_body_when_there_is_another_way():
    world, rafiq = _corridor_walker()
    world.add_unit("rifleman", centre_of(7), centre_of(2))
    assert set_course(world, rafiq, (12, 2))
    seen = _walk(world, 400, rafiq)
    assert (7, 2) not in seen
    assert any(y == 4 for _, y in seen), "it took the other corridor"
    assert rafiq.tile == (12, 2)


def test_a_friend_in_the_corridor_steps_aside_or_is_squeezed_past():
    world, rafiq = _corridor_walker()
    hana = member(world, "hana")
    hana.life = "active"
    hana.x, hana.y = centre_of(7), centre_of(2)  # idle in the corridor
    assert set_course(world, rafiq, (12, 2))
    _walk(world, 200, rafiq)
    assert rafiq.tile == (12, 2), "friends never lock each other in"


def test_the_extraction_zone_takes_the_whole_squad_whatever_its_size():
    world = _room(extra=0)  # the zone is 2x2 tiles at (9, 5)
    squad = world.squad()
    step(world, [Move((u.id,), 9, 5) for u in squad])
    _settle(world)
    assert all(zone_tiles(world)[u.tile[1], u.tile[0]] for u in squad)
