"""Scouts run for help rather than fight.

A scout that knows of the squad breaks contact while its group still has reserves waiting
(units with life "reserve"): it runs for the nearest of their posts, where the rules
(game/sim/alarm.py) spring the group.  With no reserves it runs only while outnumbered,
toward the nearest insurgent of another group, or simply away from the squad.  It fires
only when cornered: an enemy within a few tiles, or nowhere left to run.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from game.ai.behaviours import STUCK_TICKS, Mind, go
from game.ai.knowledge import threat_tiles, tile_dist, visible_target
from game.sim.alarm import REACH_TILES, reserve_posts
from game.sim.catalog import TICK_HZ
from game.sim.combat import can_shoot
from game.sim.commands import Attack
from game.sim.geometry import SUB
from game.sim.kinds import HUNTING
from game.sim.units import Unit

CORNERED_TILES = 2.5  # an enemy this close is fought off on the way
ALLY_TILES = 8.0  # allies this near count against the squad's numbers
RECENT_TICKS = 10 * TICK_HZ  # enemies known this recently are counted


def run_for_help(mind: Mind, unit: Unit) -> list[Any] | None:
    """The scout's orders while it runs; None when it should fight like anyone else."""
    goal = _goal(mind, unit)
    if goal is None:
        return None
    if goal == unit.tile:
        return []  # no query to spare this tick: run at its next turn
    world = mind.world
    target = visible_target(world, unit, mind.enemies)
    cornered = target is not None and tile_dist(target.tile, unit.tile) <= CORNERED_TILES
    keep = target if cornered else None
    stuck = unit.mind.still_ticks >= STUCK_TICKS
    if mind.moves_left <= 0 or (unit.path and unit.path[-1] == goal and not stuck):
        return _fire_back(mind, unit, keep)  # on its way (or no route to spare this tick)
    orders = [] if stuck else go(mind, unit, goal, keep)
    if orders:
        return orders
    # no route to the goal, or walking it got stuck: get away from the squad instead
    threats = threat_tiles(world, unit, target, mind.known(unit))
    choice = mind.query(unit, "fallback", threats, None, 10, leave=stuck) if threats else None
    if choice is not None and choice.moved:
        orders = go(mind, unit, choice.tile, keep)
        if orders:
            return orders
    return _fire_back(mind, unit, target)  # nowhere left to run: cornered


def _fire_back(mind: Mind, unit: Unit, target: Unit | None) -> list[Any]:
    if target is None or unit.target_id == target.id or not can_shoot(mind.world, unit, target):
        return []
    return [Attack((unit.id,), target.id)]


def _goal(mind: Mind, unit: Unit) -> tuple[int, int] | None:
    """Where the scout runs to, or None when it has no reason to run."""
    world = mind.world
    if unit.mind.alert not in HUNTING:
        return None
    here = unit.tile
    if unit.group and unit.group not in world.sprung_groups:
        posts = reserve_posts(world, unit.group)
        if posts:
            return min(posts, key=lambda p: (tile_dist(p, here), p))
    if not _outnumbered(mind, unit):
        return None
    friend = _nearest_other_group(mind, unit)
    if friend is None:
        return _away(mind, unit)
    if tile_dist(friend.tile, here) <= REACH_TILES:
        return None  # among friends: stand with them
    return friend.tile


def _outnumbered(mind: Mind, unit: Unit) -> bool:
    enemies = sum(1 for _, _, age in mind.known(unit) if age <= RECENT_TICKS)
    if enemies <= 1:
        return False
    units, xs, ys = _standing(mind)
    reach = (ALLY_TILES * SUB) ** 2
    allies = int(np.count_nonzero((xs - unit.x) ** 2 + (ys - unit.y) ** 2 <= reach))
    return enemies > allies  # allies: itself included


def _nearest_other_group(mind: Mind, unit: Unit) -> Unit | None:
    units, xs, ys = _standing(mind)
    d2 = (xs - unit.x) ** 2 + (ys - unit.y) ** 2
    groups = mind.memo.get("standing_groups")
    if groups is None:
        groups = mind.memo["standing_groups"] = np.array([a.group for a in units], dtype=object)
    others = groups != unit.group if unit.group else np.ones(len(units), dtype=bool)
    others &= d2 > 0  # not itself (nor anyone on its very spot)
    if not others.any():
        return None
    d2 = np.where(others, d2, np.iinfo(np.int64).max)
    return units[int(np.argmin(d2))]  # the first in id order on a tie


def _standing(mind: Mind) -> tuple[list[Unit], np.ndarray, np.ndarray]:
    """Active, visible insurgents and their positions, gathered once a tick when asked."""
    return mind.standing


def _away(mind: Mind, unit: Unit) -> tuple[int, int] | None:
    """A tile away from the squad's known positions, by the retreating tile query."""
    if unit.path:
        return unit.path[-1]  # already running: keep going
    threats = threat_tiles(mind.world, unit, None, mind.known(unit))
    if not threats:
        return None
    choice = mind.query(unit, "fallback", threats, None, 10)
    if choice is None:
        return unit.tile  # no query to spare this tick: run at its next turn
    return choice.tile if choice.moved else None
