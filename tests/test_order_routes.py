"""Orders whose routes need the corner-safe search get at most
SQUEEZE_SEARCHES_PER_TICK of them a tick (game/sim/order_routes.py): the others are routed
on the following ticks, never round a clipped corner, and units whose routes need no
such search are routed at once.

tests/data/squeeze.tmx: two walls meet corner to corner between (7, 5) and (8, 6), so the
straight search from the north room to the south one squeezes between them; the real way
is the gap at x 13.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from game.sim import order_routes
from game.sim.commands import Move
from game.sim.geometry import centre_of
from game.sim.pathing import PathGrid, path_grid
from game.sim.step import step
from game.sim.world import new_world
from game.tiled.loader import load_scenario

DATA = Path(__file__).parent / "data"
SOUTH = [(2, 9), (3, 9), (4, 9), (5, 9), (6, 9)]  # across the squeeze from the squad


@pytest.fixture
def searches(monkeypatch):
    """Corner-safe searches made, by world tick (the tick being stepped)."""
    made: Counter = Counter()
    plain = PathGrid._find_on_graph
    ticks = {"now": -1}

    def counted(self, start, goal):
        made[ticks["now"]] += 1
        return plain(self, start, goal)

    monkeypatch.setattr(PathGrid, "_find_on_graph", counted)
    made.ticks = ticks  # type: ignore[attr-defined]
    return made


def _squeeze_world(extra: int = 1):
    world = new_world(load_scenario(DATA / "squeeze.tmx"), seed=1)
    for i in range(extra):
        world.add_unit("rafiq", centre_of(9 + i), centre_of(2))
    world.tick = 1
    return world


def _step(world, searches, commands=()) -> None:
    searches.ticks["now"] = world.tick
    step(world, list(commands))


def _clips_a_corner(walk, route) -> bool:
    for (ax, ay), (bx, by) in zip(route, route[1:], strict=False):
        if ax != bx and ay != by and not (walk[ay, bx] and walk[by, ax]):
            return True
    return False


def test_the_map_squeezes():
    world = _squeeze_world(0)
    grid = path_grid(world.caches, world.terrain)
    assert grid._straight((7, 3), (7, 9)) is None, "the straight search must squeeze here"
    assert (13, 5) in grid.find((7, 3), (7, 9))


def test_five_orders_in_one_tick_all_get_routes_within_five_ticks(searches):
    world = _squeeze_world(1)
    units = world.squad()
    assert len(units) == 5
    _step(world, searches, [Move((u.id,), *goal) for u, goal in zip(units, SOUTH, strict=True)])
    assert units[0].path, "the first order is routed on its own tick"
    routed_by = {units[0].id: 0}
    for n in range(1, 6):
        _step(world, searches)
        for unit in units:
            if (unit.path or unit.tile in SOUTH) and unit.id not in routed_by:
                routed_by[unit.id] = n
    assert len(routed_by) == 5, f"still waiting after five ticks: {routed_by}"
    assert max(routed_by.values()) <= 4
    assert order_routes.SQUEEZE_SEARCHES_PER_TICK == 1
    assert sorted(searches.values()) == [1] * 5, "one corner-safe search a tick"


def test_routes_planned_a_tick_late_never_clip_a_corner_and_arrive(searches):
    world = _squeeze_world(1)
    units = world.squad()
    walk = path_grid(world.caches, world.terrain).walkable
    _step(world, searches, [Move(tuple(u.id for u in units), 4, 9)])
    for _ in range(400):
        for unit in units:
            assert not _clips_a_corner(walk, [unit.tile, *unit.path]), unit.id
        if all(u.tile[1] >= 7 and not u.path and not u.waypoints for u in units):
            break
        _step(world, searches)
    else:
        raise AssertionError("the squad never got through")
    assert max(searches.values()) == 1


def test_a_route_without_a_squeeze_is_not_kept_waiting(searches):
    world = _squeeze_world(1)
    a, b, c = world.squad()[:3]
    _step(world, searches, [Move((a.id,), 3, 9), Move((b.id,), 4, 9), Move((c.id,), 12, 3)])
    assert a.path and not b.path and b.waypoints == [(4, 9)]
    assert c.path and c.path[-1] == (12, 3), "no squeeze on its way: routed at once"
    assert searches[1] == 1
    _step(world, searches)
    assert b.path and b.path[-1] == (4, 9) and not b.waypoints


def test_a_waiting_member_is_released_from_a_hold_at_once(searches):
    world = _squeeze_world(0)
    a, b = world.squad()[:2]
    b.squad_state.holding = True
    _step(world, searches, [Move((a.id,), 3, 9), Move((b.id,), 4, 9)])
    assert not b.squad_state.holding and b.waypoints == [(4, 9)]
