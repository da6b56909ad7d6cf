"""The fast forms of sight that perception and the AI use agree with the plain ones, and
pick up a change to the blockers (a door opened, smoke laid) as soon as they are made."""

from __future__ import annotations

import copy
import math

import numpy as np

from game.sim.combat import can_see, sees_unit
from game.sim.facts import Noise
from game.sim.geometry import SUB, centre_of
from game.sim.light import sight_tiles
from game.sim.noise import audible, wall_memo
from game.sim.perception import _any_in_sight_range
from game.sim.queries import Eyes, sees_tile
from game.sim.sight import blocked_between, clear_line, in_cone
from game.sim.smoke import add_smoke, sight_blockers
from game.sim.world import new_world
from tests.ascii_maps import ascii_scenario

ROWS = [
    "..................",
    "..####.......b....",
    "..#..D....c.......",
    "..####............",
    "........E.........",
    "...........#......",
    "...S.......#......",
    "..................",
]


def _plain_sees(world, viewer, tx: int, ty: int) -> bool:
    """sees_tile written out from its rules, walking every line afresh."""
    vx, vy = viewer.tile
    dist = math.hypot(vx - tx, vy - ty)
    if dist > sight_tiles(world, viewer):
        return False
    if not in_cone(viewer.facing, viewer.utype.cone_deg, tx - vx, ty - vy, dist):
        return False
    blockers = world.terrain.opaque | (world.smoke > 0)
    return clear_line(blockers, vx, vy, tx, ty)


def _every_tile(world):
    h, w = world.terrain.opaque.shape
    return [(x, y) for y in range(h) for x in range(w)]


def test_eyes_see_what_sees_tile_and_the_plain_rule_see_at_every_facing():
    world = new_world(ascii_scenario(ROWS), seed=1)
    viewer = world.insurgents()[0]
    for facing in range(0, 360, 45):
        viewer.facing = facing
        eyes = Eyes(world, viewer)
        for x, y in _every_tile(world):
            plain = _plain_sees(world, viewer, x, y)
            assert eyes.sees(x, y) == plain, (facing, x, y)
            assert sees_tile(world, viewer, (x, y)) == plain, (facing, x, y)


def test_fresh_eyes_see_through_a_door_opened_and_not_through_smoke_laid_this_tick():
    world = new_world(ascii_scenario(ROWS), seed=1)
    viewer = world.insurgents()[0]
    viewer.x, viewer.y, viewer.facing = centre_of(8), centre_of(2), 180  # west, at the door
    inside = (3, 2)
    assert not Eyes(world, viewer).sees(*inside)  # the closed door is in the way
    world.terrain.opaque[2, 5] = False  # as movement opens a door, with a version bump
    world.terrain.version += 1
    assert Eyes(world, viewer).sees(*inside)
    add_smoke(world, 6, 2, 0.4)  # the same tick: the blockers are built afresh
    assert sight_blockers(world)[2, 6]
    assert not Eyes(world, viewer).sees(*inside)
    assert not _plain_sees(world, viewer, *inside)


def test_sees_unit_is_can_see_for_every_pair():
    world = new_world(ascii_scenario(ROWS), seed=1)
    units = list(world.units.values())
    for viewer in units:
        for facing in (0, 135, 270):
            viewer.facing = facing
            eyes = Eyes(world, viewer)
            for target in units:
                assert sees_unit(eyes, target) == can_see(world, viewer, target)


def test_any_in_sight_range_is_the_distance_rule_at_the_edge_of_sight_and_by_night():
    world = new_world(ascii_scenario(ROWS), seed=1)
    viewer = world.insurgents()[0]
    enemies = world.squad()
    rng = np.random.default_rng(5)
    for light in (1.0, 0.75, 0.5):
        reach = viewer.utype.sight_tiles * light * SUB
        viewers = []
        for _ in range(300):
            enemy = enemies[int(rng.integers(len(enemies)))]
            angle = rng.random() * 2 * math.pi
            # on the edge of sight give or take a unit, or anywhere within twice the range
            dist = reach + int(rng.integers(-1, 2)) if rng.random() < 0.5 else \
                rng.random() * 2 * reach
            clone = copy.copy(viewer)
            clone.x = enemy.x + int(round(math.cos(angle) * dist))
            clone.y = enemy.y + int(round(math.sin(angle) * dist))
            viewers.append(clone)
        plain = [any((e.x - v.x) ** 2 + (e.y - v.y) ** 2 <= reach**2 for e in enemies)
                 for v in viewers]
        assert _any_in_sight_range(viewers, enemies, light) == plain
        assert 50 < sum(plain) < 250  # both answers well represented
    assert _any_in_sight_range([viewer], [], 1.0) == [False]


def test_kept_wall_counts_are_the_line_walk_and_drop_a_door_opened():
    world = new_world(ascii_scenario(ROWS), seed=1)
    h, w = world.terrain.opaque.shape
    walls = wall_memo(world)
    pairs = [((x0, y0), (x1, y1)) for x0, y0 in ((0, 2), (8, 2), (17, 7))
             for y1 in range(h) for x1 in range(w)]
    for (x0, y0), (x1, y1) in pairs * 2:  # the second time from the memo
        assert walls.blocked(x0, y0, x1, y1) == blocked_between(
            world.terrain.opaque, x0, y0, x1, y1)
    shot = Noise(8, 2, 16.0, 0, "shot")
    assert walls.blocked(8, 2, 1, 2) == 2  # the door, and the room's far wall
    assert not audible(world.terrain.opaque, shot, 1, 2, walls)  # 16 tiles, halved twice
    world.terrain.opaque[2, 5] = False  # the door opens, as movement opens it
    world.terrain.version += 1
    walls = wall_memo(world)
    assert walls.blocked(8, 2, 1, 2) == 1
    assert audible(world.terrain.opaque, shot, 1, 2, walls)  # halved once: 8 tiles, 7 off
