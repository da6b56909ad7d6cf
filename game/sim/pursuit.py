"""pursue_targets: a unit told to attack walks until it has a shot, then stops to fire."""

from __future__ import annotations

from game.sim.combat import can_shoot
from game.sim.facts import TickFacts
from game.sim.movement import set_course
from game.sim.queries import enemies_in_sight, roe_allows
from game.sim.world import World

REPLAN_TICKS = 20


def pursue_targets(world: World) -> None:
    for unit in world.squad():  # only the squad chases: an insurgent's moves are the AI's
        uid = unit.id
        if not unit.active or not unit.chasing or not unit.target_id or unit.squad.holding:
            continue
        target = world.units.get(unit.target_id)
        if target is None or not target.alive:
            unit.chasing = False
            continue
        if can_shoot(world, unit, target):
            unit.path.clear()
        elif not unit.path or (world.tick + uid) % REPLAN_TICKS == 0:
            set_course(world, unit, target.tile)


ACQUIRE_EVERY = 5


def acquire_targets(world: World, facts: TickFacts | None = None) -> None:
    """Squad members fire at will: with no order to attack, they take the nearest enemy
    they can hit and their rules of engagement allow (queries.roe_allows), and drop a
    target that is down or out of reach. `facts`: this tick's, with vision's list of
    the insurgents in sight."""
    in_sight = facts.in_sight if facts is not None else None
    for unit in world.squad():
        uid = unit.id
        if not unit.active or unit.weapon is None:
            continue
        if unit.squad.work_target or unit.squad.work_tile is not None or unit.carrying:
            continue
        if unit.target_id and not unit.chasing:
            target = world.units.get(unit.target_id)
            if target is None or not target.active or not can_shoot(world, unit, target):
                unit.target_id = 0
        if unit.target_id or (world.tick + uid) % ACQUIRE_EVERY:
            continue
        best, best_d = None, 0
        if in_sight is None:
            in_sight = enemies_in_sight(world)  # the world stands still while they choose
        for enemy in in_sight:
            if not can_shoot(world, unit, enemy) or not roe_allows(world, unit, enemy):
                continue
            d = (enemy.x - unit.x) ** 2 + (enemy.y - unit.y) ** 2
            if best is None or d < best_d:
                best, best_d = enemy, d
        if best is not None:
            unit.target_id = best.id
