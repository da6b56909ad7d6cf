"""Insurgents close the net (game/ai/net.py): a group that knows where the squad is holds
the squad's route to the extraction zone with part of its members, on a tiny map."""

from __future__ import annotations

from pathlib import Path

from game.ai.insurgents import think
from game.sim.kinds import Alert
from game.sim.pathing import path_grid
from game.sim.step import step
from game.sim.world import new_world
from game.tiled.loader import load_scenario

DATA = Path(__file__).parent / "data"
AHEAD = 4  # a blocker stands farther along the route than this from the squad


def _route(world, start):
    zone = world.scenario.extractions[0].rect
    goal = ((zone[0] + zone[2]) // 2 // 256, (zone[1] + zone[3]) // 2 // 256)
    return [start, *path_grid(world.caches, world.terrain).find(start, goal)]


def _play(seed: int, ticks: int = 25 * 30, closest: dict | None = None):
    """The group is told each tick where Rafiq stands (a spotter's shout); the squad,
    sealed in its room but for one way out, holds still. `closest` collects each
    insurgent's nearest approach to Rafiq, in tiles."""
    world = new_world(load_scenario(DATA / "net_route.tmx"), seed=seed)
    rafiq = next(u for u in world.squad() if u.kind == "rafiq")
    for unit in world.insurgents():
        unit.mind.alert = Alert.RED
    for _ in range(ticks):
        world.blackboard["net"] = {rafiq.id: [*rafiq.tile, world.tick]}
        step(world, think(world))
        for unit in world.insurgents() if closest is not None else ():
            d = max(abs(unit.tile[0] - rafiq.tile[0]), abs(unit.tile[1] - rafiq.tile[1]))
            closest[unit.id] = min(closest.get(unit.id, 99), d)
    return world, _route(world, rafiq.tile)


def test_a_group_that_knows_the_squad_holds_its_route_out():
    world, route = _play(seed=1)
    ahead = set(route[AHEAD + 1:])
    holders = [u for u in world.insurgents() if u.alive and u.tile in ahead]
    assert holders, [(u.tile, u.life) for u in world.insurgents()]


def test_only_part_of_the_group_holds_the_rest_presses():
    closest: dict[int, int] = {}
    world, route = _play(seed=2, ticks=15 * 30, closest=closest)
    ahead = set(route[AHEAD + 1:])
    holders = [u for u in world.insurgents() if u.alive and u.tile in ahead]
    assert len(holders) == 1
    pressers = [u for u in world.insurgents() if u is not holders[0]]
    assert all(closest[u.id] <= 4 for u in pressers)  # came right up to the squad's room


def test_closing_the_net_is_deterministic():
    a, _ = _play(seed=4, ticks=10 * 30)
    b, _ = _play(seed=4, ticks=10 * 30)
    assert [(u.x, u.y, u.life) for u in a.units.values()] == \
        [(u.x, u.y, u.life) for u in b.units.values()]
