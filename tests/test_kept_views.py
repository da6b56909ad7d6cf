"""The tick keeps fields of view, fields of fire, threat exposure and walking costs between
ticks (game/sim/vision.py, safe_routes.py, game/ai/tactics.py): each kept answer must be
the answer a fresh computation gives, after the viewer turns or moves and after the walls
change."""

from __future__ import annotations

import numpy as np
import pytest

from game.ai import tactics
from game.sim import pathing, safe_routes
from game.sim.geometry import SUB, centre_of
from game.sim.movement import BLOCKED, DOOR, OPEN, step_kinds
from game.sim.pathing import PathGrid, path_grid
from game.sim.safe_routes import danger_map, warm_fire_fields
from game.sim.sight import view_mask
from game.sim.smoke import sight_blockers
from game.sim.terrain import COVER_HIGH, COVER_LOW, Terrain
from game.sim.vision import squad_view
from game.sim.world import new_world
from tests.ascii_maps import ascii_scenario

ROOM = [
    "##############",
    "#............#",
    "#..S....#....#",
    "#.......D..E.#",
    "#....b..#....#",
    "#.E.....#..E.#",
    "##############",
]


def _fresh_view(world, unit):
    reach = unit.utype.sight_tiles  # by day
    tx, ty = unit.tile
    return view_mask(world.terrain, tx, ty, unit.facing, reach, unit.utype.cone_deg,
                     sight_blockers(world))


def _same_view(a, b) -> bool:
    return a[1] == b[1] and np.array_equal(a[0], b[0])


def _open_door(world, x: int, y: int) -> None:
    world.terrain.opaque[y, x] = False
    world.terrain.version += 1


def test_a_kept_squad_view_follows_a_turn_a_step_and_an_opened_door():
    world = new_world(ascii_scenario(ROOM), seed=1)
    member = world.squad()[0]
    member.facing = 0  # east, toward the door
    first = squad_view(world, member)
    assert _same_view(first, _fresh_view(world, member))
    member.facing = 180
    assert _same_view(squad_view(world, member), _fresh_view(world, member))
    member.facing = 0
    member.x += SUB  # a tile nearer the door
    assert _same_view(squad_view(world, member), _fresh_view(world, member))
    closed = squad_view(world, member)[0].copy()
    _open_door(world, 8, 3)
    opened = squad_view(world, member)
    assert _same_view(opened, _fresh_view(world, member))
    assert opened[0].sum() > closed.sum()  # the room beyond the door came into view


def _fresh_danger(world) -> np.ndarray:
    danger = np.zeros(world.terrain.walkable.shape, dtype=bool)
    for unit in world.insurgents():
        weapon = unit.weapon
        if unit.active and not unit.hidden and weapon is not None:
            tx, ty = unit.tile
            mask, (x0, y0) = view_mask(world.terrain, tx, ty, 0, weapon.range_tiles, 360)
            danger[y0 : y0 + mask.shape[0], x0 : x0 + mask.shape[1]] |= mask
    return danger


EAST_ONLY = [
    "##############",
    "#............#",
    "#..S....#..E.#",
    "#.......D....#",
    "#....b..#....#",
    "#.......#..E.#",
    "##############",
]


def test_kept_fields_of_fire_follow_the_insurgents_and_the_walls():
    world = new_world(ascii_scenario(EAST_ONLY), seed=1)
    assert np.array_equal(danger_map(world), _fresh_danger(world))
    mover = world.insurgents()[0]
    mover.x, mover.y = centre_of(10), centre_of(3)
    assert np.array_equal(danger_map(world), _fresh_danger(world))
    before = danger_map(world)
    _open_door(world, 8, 3)
    after = danger_map(world)
    assert np.array_equal(after, _fresh_danger(world))
    assert after.sum() > before.sum()  # fire now reaches through the doorway


def _random_terrain(seed: int, size: int = 40) -> Terrain:
    rng = np.random.default_rng(seed)
    t = Terrain.empty(size, size)
    t.cover[rng.random((size, size)) < 0.08] = COVER_LOW
    walls = rng.random((size, size)) < 0.06
    t.cover[walls] = COVER_HIGH
    t.opaque |= walls
    t.walkable &= ~walls
    t.elevation[rng.random((size, size)) < 0.05] = 2
    return t


def _window_sum(world, exposure, px, py, x0, y0, x1, y1) -> np.ndarray:
    """The exposure term as choose_tile summed it over its own window before the fields
    were kept."""
    terrain = world.terrain
    ys, xs = np.arange(y0, y1)[:, None], np.arange(x0, x1)[None, :]
    padded = tactics.padded_cover(terrain.cover, x0, y0, x1, y1)
    seen = tactics._seen_from(world, sight_blockers(world), px, py, x0, y0, x1, y1)
    cover = tactics.window_cover_against(terrain, padded, x0, y0, (px, py))
    d = np.hypot(xs - px, ys - py)
    fade = 1.0 - 0.5 * np.minimum(d / tactics.THREAT_SIGHT, 1.0)
    return exposure * seen * tactics.EXPOSURE[cover] * fade


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_kept_threat_field_cut_to_a_window_is_the_windows_own_sum(seed):
    scenario = ascii_scenario(["S" + "." * 39] + ["." * 40] * 39)
    scenario.terrain = _random_terrain(seed)
    world = new_world(scenario, seed=seed)
    rng = np.random.default_rng(seed)
    for _ in range(40):
        px, py = (int(v) for v in rng.integers(0, 40, size=2))
        ux, uy = (int(v) for v in rng.integers(0, 40, size=2))
        r = int(rng.integers(3, 13))
        x0, y0, x1, y1 = max(ux - r, 0), max(uy - r, 0), min(ux + r + 1, 40), min(uy + r + 1, 40)
        for exposure in (4.0, 1.5, 5.0):
            kept = tactics._exposure_window(world, sight_blockers(world), exposure, px, py,
                                            x0, y0, x1, y1)
            assert np.array_equal(kept, _window_sum(world, exposure, px, py, x0, y0, x1, y1))


def test_kept_walking_costs_are_dropped_when_a_door_is_unlocked():
    rows = [
        "#########",
        "#S..L...#",
        "#########",
    ]
    world = new_world(ascii_scenario(rows), seed=1)
    grid = path_grid(world.caches, world.terrain)
    walk = grid.walkable[0:3, 0:9]
    before = tactics._travel_from(world, grid, walk, 1, 1, 8)
    assert before[1, 6] >= tactics.UNREACHABLE  # behind the locked door
    world.terrain.locked[1, 4] = False
    world.terrain.walkable[1, 4] = True
    world.terrain.version += 1
    grid = path_grid(world.caches, world.terrain)
    after = tactics._travel_from(world, grid, grid.walkable[0:3, 0:9], 1, 1, 8)
    assert np.array_equal(after, tactics._travel(grid.walkable[0:3, 0:9], 1, 1))
    assert after[1, 6] < tactics.UNREACHABLE


def test_allies_near_from_the_ticks_standing_list_is_the_plain_scan():
    world = new_world(ascii_scenario(ROOM), seed=1)
    unit = world.insurgents()[0]
    world.insurgents()[1].hidden = True
    standing = tactics.standing_insurgents(world)
    for box in ((0, 0, 14, 7), (5, 0, 14, 7), (0, 0, 3, 3)):
        plain = [a for a in world.insurgents()
                 if (box[0] - 2) * SUB <= a.x < (box[2] + 2) * SUB
                 and (box[1] - 2) * SUB <= a.y < (box[3] + 2) * SUB
                 and a is not unit and a.active and not a.hidden]
        assert tactics._allies_near(world, unit, *box, standing) == plain


WITH_SURVIVOR = [EAST_ONLY[0], "#S...........#", "#..A....#..E.#"] + EAST_ONLY[3:]


def test_fields_drawn_ahead_leave_the_danger_map_as_it_was():
    world = new_world(ascii_scenario(WITH_SURVIVOR), seed=1)
    assert world.civilians(), "warming is for maps with survivors"
    survivor = world.civilians()[0]
    survivor.survivor.found = False
    assert "fire_fields" not in world.caches
    for _ in range(3):
        warm_fire_fields(world)
        world.tick += 1
    kept = world.caches["fire_fields"][2]
    assert {(u.tile[0], u.tile[1], u.weapon.range_tiles) for u in world.insurgents()} <= set(kept)
    assert np.array_equal(danger_map(world), _fresh_danger(world))
    walker = world.insurgents()[0]
    walker.path = [(10, 3)]
    walker.x = centre_of(9)
    warm_fire_fields(world)
    key = (9, walker.tile[1], walker.weapon.range_tiles)
    assert key not in kept  # nobody found needs a safe route yet: a walker is left
    survivor.survivor.found = True
    for member in world.squad():
        member.x += 20 * SUB  # far off (off the map's edge: only the distance counts)
    warm_fire_fields(world)
    assert key not in kept  # found, but away from the squad and its fight: still left
    for member in world.squad():
        member.x -= 20 * SUB
    warm_fire_fields(world)
    assert key in kept  # a found survivor by the squad may panic or follow: drawn ahead
    assert np.array_equal(danger_map(world), _fresh_danger(world))


def test_fields_drawn_ahead_for_walkers_are_redrawn_after_a_wall_is_blown():
    world = new_world(ascii_scenario(WITH_SURVIVOR), seed=1)
    walker = world.insurgents()[0]
    walker.path = [(9, 3)]
    walker.x, walker.y = centre_of(10), centre_of(3)
    warm_fire_fields(world)
    assert (10, 3, walker.weapon.range_tiles) in world.caches["fire_fields"][2]
    before = danger_map(world)
    world.terrain.opaque[2, 8] = False  # the wall by the door comes down
    world.terrain.walkable[2, 8] = True
    world.terrain.version += 1
    warm_fire_fields(world)
    after = danger_map(world)
    assert np.array_equal(after, _fresh_danger(world))
    assert after.sum() > before.sum()  # fire now reaches through the gap


def test_a_full_store_of_fields_drops_the_oldest_and_keeps_the_standing(monkeypatch):
    monkeypatch.setattr(safe_routes, "FIRE_FIELDS_KEPT", 8)
    world = new_world(ascii_scenario(WITH_SURVIVOR), seed=1)
    standing, walker = world.insurgents()
    warm_fire_fields(world)
    walker.path = [(10, 1)]
    for x in range(1, 13):  # the walker crosses a dozen tiles, one a tick
        walker.x, walker.y = centre_of(x), centre_of(1)
        warm_fire_fields(world)
        world.tick += 1
        assert np.array_equal(danger_map(world), _fresh_danger(world))
    kept = world.caches["fire_fields"][2]
    assert len(kept) <= 8
    assert (*standing.tile, standing.weapon.range_tiles) in kept
    assert (1, 1, walker.weapon.range_tiles) not in kept  # the oldest went first


def test_the_reused_corner_safe_search_answers_as_a_new_one():
    """PathGrid resets its one corner-safe search by hand (pathing._fresh_finder): after
    any sequence of searches, reachable or not, each route is the one a new grid finds."""
    rng = np.random.default_rng(3)
    terrain = Terrain.empty(24, 24)
    walls = rng.random((24, 24)) < 0.3
    terrain.walkable &= ~walls
    terrain.opaque |= walls
    kept = path_grid({}, terrain)
    open_tiles = [(int(x), int(y)) for y, x in np.argwhere(terrain.walkable)]
    unreachable = 0
    for _ in range(80):
        a, b = rng.choice(len(open_tiles), size=2, replace=False)
        start, goal = open_tiles[a], open_tiles[b]
        route = kept._find_on_graph(start, goal)
        assert route == path_grid({}, terrain)._find_on_graph(start, goal)
        unreachable += not route
    assert unreachable, "some goals must be walled off, or a stale route would go unseen"


def test_the_kept_step_kinds_follow_the_walls_and_locks():
    """movement.step_kinds keeps the walkers' grid as lists per terrain version: a wall
    blown to rubble and a lock opened must show at once."""
    world = new_world(ascii_scenario(["S.w.L.D.E"]), seed=1)
    assert step_kinds(world)[0][2:7] == [BLOCKED, OPEN, BLOCKED, OPEN, DOOR]
    mask = np.zeros_like(world.terrain.walkable)
    mask[0, 2] = True
    world.terrain.destroy(mask)
    world.terrain.locked[0, 4] = False
    world.terrain.walkable[0, 4] = True
    world.terrain.version += 1
    assert step_kinds(world)[0][2:7] == [OPEN, OPEN, DOOR, OPEN, DOOR]


def test_the_walking_grid_outlives_a_door_opening_and_not_a_lock_opening():
    """pathing.path_grid keeps its grid (routes, corner-safe search) through a new terrain
    version that leaves the walkable tiles as they were, and builds anew when they change."""
    world = new_world(ascii_scenario(["S..D..L..E"]), seed=1)
    terrain = world.terrain
    grid = path_grid(world.caches, terrain)
    assert grid.find((0, 0), (8, 0)) == [], "the locked door bars the way"
    terrain.opaque[0, 3] = False  # a door opened: sight changes, walking does not
    terrain.version += 1
    assert path_grid(world.caches, terrain) is grid
    assert grid.version == terrain.version
    terrain.locked[0, 6] = False  # the lock picked (as interactions.py does): walking changes
    terrain.walkable[0, 6] = True
    terrain.version += 1
    fresh = path_grid(world.caches, terrain)
    assert fresh is not grid and fresh.find((0, 0), (8, 0))[-1] == (8, 0)


def test_kept_routes_past_the_memo_limit_and_after_a_wall_is_blown(monkeypatch):
    """PathGrid keeps routes by start and goal, dropping the oldest when full: each answer,
    kept or searched again, is the one a new grid gives; a blown wall brings a new grid."""
    monkeypatch.setattr(pathing, "ROUTE_MEMO_LIMIT", 8)
    rng = np.random.default_rng(5)
    terrain = Terrain.empty(24, 24)
    walls = rng.random((24, 24)) < 0.25
    walls[12, :] = True  # a wall across the map, to blow a gap in
    terrain.walkable &= ~walls
    terrain.opaque |= walls
    world_caches: dict = {}
    grid = path_grid(world_caches, terrain)
    open_tiles = [(int(x), int(y)) for y, x in np.argwhere(terrain.walkable)]
    pairs = [tuple(open_tiles[i] for i in rng.choice(len(open_tiles), 2, replace=False))
             for _ in range(12)]
    for start, goal in pairs * 3:  # asked again after others pushed them out, or not
        assert grid.find(start, goal) == PathGrid(terrain).find(start, goal)
        assert len(grid._routes) <= 8
        assert len(grid._routes) >= min(6, len(set(pairs[: pairs.index((start, goal)) + 1])))
        # an overflow drops the oldest quarter, not the lot: the walkers asking again find
        # most of their routes kept
    north = next(t for t in open_tiles if t[1] < 12)
    south = next(t for t in open_tiles if t[1] > 12)
    assert grid.find(north, south) == []
    terrain.opaque[12, :] = False  # blown: rubble to walk over
    terrain.walkable[12, :] = True
    terrain.version += 1
    fresh = path_grid(world_caches, terrain)
    assert fresh is not grid and fresh.find(north, south)[-1] == south
