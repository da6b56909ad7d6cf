"""What keeps a tick free of spikes without changing any rule: routes kept by a walking
grid share one tuple per tile (game/sim/pathing.py), the garbage collector runs a little
after every tick instead of a lot after many (game/gc_pace.py), and the AI works out a
threat's cover field once for every mode that asks (game/ai/tactics.py)."""

from __future__ import annotations

import gc

import numpy as np

from game.ai import tactics
from game.gc_pace import OLDER_EVERY, collect_after_tick
from game.session import Session
from game.sim import pathing
from game.sim.pathing import PathGrid
from game.sim.smoke import sight_blockers
from game.sim.terrain import COVER_HIGH, COVER_LOW, Terrain
from game.sim.world import new_world
from tests.ascii_maps import ascii_scenario


def _walled(size: int = 20, seed: int = 2) -> Terrain:
    rng = np.random.default_rng(seed)
    terrain = Terrain.empty(size, size)
    walls = rng.random((size, size)) < 0.2
    walls[1, 1] = walls[size - 2, size - 2] = walls[1, size - 2] = False
    terrain.walkable &= ~walls
    terrain.opaque |= walls
    return terrain


def test_kept_routes_over_the_same_tiles_hold_the_same_tuples():
    """Each tile of each kept route is the grid's one tuple for that tile, so a route kept
    leaves the gc one new tuple to look at, not one per step; the answers are unchanged."""
    terrain = _walled()
    grid = PathGrid(terrain)
    a = grid.find((1, 1), (18, 18))
    halfway = a[len(a) // 2]
    b = grid.find(halfway, (18, 18))  # another search, over much the same tiles
    assert a and b and a[-1] == b[-1] == (18, 18)
    assert a[-1] is b[-1]
    shared = set(a) & set(b)
    assert len(shared) > 1
    first = {tile: tile for tile in a}
    assert all(first[tile] is tile for tile in b if tile in shared)
    fresh = PathGrid(terrain)
    assert fresh.find((1, 1), (18, 18)) == a and fresh.find(halfway, (18, 18)) == b


def test_routes_off_the_map_are_none_and_not_kept():
    grid = PathGrid(_walled())
    for start, goal in (((-1, 3), (5, 5)), ((3, 3), (20, 5)), ((3, 70000), (3, 3))):
        assert grid.find(start, goal) == []
    assert not grid._routes
    assert grid.find((1, 1), (18, 18))  # on the map: searched and kept
    assert len(grid._routes) == 1


def test_the_young_generation_is_collected_after_every_tick():
    """Session.advance collects the youngest generation after each tick and the middle one
    after every OLDER_EVERY-th, so neither piles up for one tick to pay."""
    session = Session(ascii_scenario(["S....", ".....", "....E"]), seed=1)
    seen: list[int] = []

    def note(phase: str, info: dict) -> None:
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(note)
    try:
        oldest = {}
        for _ in range(2 * OLDER_EVERY):
            seen.clear()
            session.advance()
            oldest[session.world.tick] = max(seen, default=-1)
    finally:
        gc.callbacks.remove(note)
    assert min(oldest.values()) >= 0, "a tick went without a collection"
    assert [t for t, g in oldest.items() if g == 1] == [OLDER_EVERY, 2 * OLDER_EVERY]
    assert max(oldest.values()) == 1  # never the whole heap


def test_no_collection_is_forced_while_the_gc_is_off():
    seen: list[int] = []

    def note(phase: str, info: dict) -> None:
        seen.append(info["generation"])

    gc.disable()
    gc.callbacks.append(note)
    try:
        collect_after_tick(OLDER_EVERY)
    finally:
        gc.callbacks.remove(note)
        gc.enable()
    assert seen == []


def test_a_threats_cover_field_is_worked_out_once_for_every_mode(monkeypatch):
    """Queries in different modes weigh a threat's exposure differently; the cover each
    tile has against that threat (the costly part) is worked out once for all of them,
    and each mode's field is still exposure × seen × EXPOSURE[cover] × fade."""
    rows = ["S" + "." * 19] + ["." * 20] * 19
    world = new_world(ascii_scenario(rows), seed=1)
    terrain = world.terrain
    terrain.cover[5:15, 9] = COVER_LOW
    terrain.cover[12, 3:8] = COVER_HIGH
    calls = []
    plain = tactics.window_cover_against

    def counted(*args):
        calls.append(args[-1])
        return plain(*args)

    monkeypatch.setattr(tactics, "window_cover_against", counted)
    blockers = sight_blockers(world)
    fields = {e: tactics._exposure_window(world, blockers, e, 14, 10, 0, 0, 20, 20)
              for e in (4.0, 1.5, 2.0, 5.0)}
    assert calls == [(14, 10)]
    padded = tactics.padded_cover(terrain.cover, 0, 0, 20, 20)
    cover = plain(terrain, padded, 0, 0, (14, 10))
    seen = tactics._seen_from(world, blockers, 14, 10, 0, 0, 20, 20)
    ys, xs = np.arange(20)[:, None], np.arange(20)[None, :]
    fade = 1.0 - 0.5 * np.minimum(np.hypot(xs - 14, ys - 10) / tactics.THREAT_SIGHT, 1.0)
    for exposure, field in fields.items():
        assert np.array_equal(field, exposure * seen * tactics.EXPOSURE[cover] * fade)
    assert fields[5.0].max() > fields[1.5].max() > 0


def test_the_reused_corner_safe_search_without_tcods_frontier_clear(monkeypatch):
    """Where tcod has no TCOD_frontier_clear the reused search empties its frontier with
    rebuild_frontier; either way each route (or none, for a walled-off goal) is the one a
    new grid finds, whatever the searches before it left in the traversal."""
    monkeypatch.setattr(pathing, "_FRONTIER_CLEAR", None)
    terrain = _walled(24, seed=4)
    walls = ~terrain.walkable
    walls[10, :] = True  # a wall across: half the goals are out of reach from each side
    terrain.walkable &= ~walls
    kept = PathGrid(terrain)
    rng = np.random.default_rng(4)
    open_tiles = [(int(x), int(y)) for y, x in np.argwhere(terrain.walkable)]
    unreachable = 0
    for _ in range(60):
        a, b = rng.choice(len(open_tiles), size=2, replace=False)
        route = kept._find_on_graph(open_tiles[a], open_tiles[b])
        assert route == PathGrid(terrain)._find_on_graph(open_tiles[a], open_tiles[b])
        unreachable += not route
    assert unreachable
