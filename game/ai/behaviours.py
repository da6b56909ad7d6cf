"""What one insurgent does at its turn to think, by alert level and role.

Every behaviour returns the same commands a player gives (Move, Attack, AttackGround,
Face).  Moving while keeping a target is an Attack followed by a queued Move, so an
insurgent returns fire on its way to cover.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from game.ai.knowledge import (
    GroupStrength,
    group_losing,
    known_positions,
    roll,
    threat_tiles,
    tile_dist,
    visible_target,
)
from game.ai.tactics import Choice, Standing, choose_tile, standing_insurgents
from game.sim.catalog import TICK_HZ
from game.sim.combat import can_shoot
from game.sim.commands import Attack, AttackGround, Face, Move
from game.sim.difficulty import Difficulty
from game.sim.geometry import angle_deg, angle_diff
from game.sim.kinds import HUNTING, Alert
from game.sim.pathing import path_grid
from game.sim.queries import cover_between, cover_from
from game.sim.smoke import clear_of_walls
from game.sim.units import Unit
from game.sim.world import World

STUCK_TICKS = int(2.5 * TICK_HZ)  # standing idle this long while alert forces a move
UNDER_FIRE_TICKS = TICK_HZ  # "under fire" means a round came close within this
MOVE_MARGIN = 1.0  # a new tile must beat standing still by this much
SEARCH_RADIUS = 4


@dataclass
class Mind:
    """One tick's thinking: the world, the difficulty and a budget of tile queries."""

    world: World
    level: Difficulty
    queries_left: int
    moves_left: int  # new routes this tick: each costs the rules a path search
    enemies: list[Unit] = field(default_factory=list)  # whom insurgents hunt, this tick
    _strength: GroupStrength | None = None
    _known: dict[int, list[tuple[int, int, int]]] = field(default_factory=dict)
    memo: dict[str, Any] = field(default_factory=dict)  # other per-tick sums (scouts.py)

    @property
    def strength(self) -> GroupStrength:
        """group -> (members, lost), each group counted once a tick and only if asked."""
        if self._strength is None:
            self._strength = GroupStrength(self.world)
        return self._strength

    @property
    def standing(self) -> Standing:
        """standing_insurgents, gathered once a tick when first asked."""
        standing = self.memo.get("standing")
        if standing is None:
            standing = self.memo["standing"] = standing_insurgents(self.world)
        return standing

    def known(self, unit: Unit) -> list[tuple[int, int, int]]:
        """known_positions for this unit (the world stands still while the AI thinks)."""
        if unit.id not in self._known:
            self._known[unit.id] = known_positions(self.world, unit)
        return self._known[unit.id]

    def query(
        self, unit: Unit, mode: str, threats: list, target, radius: int, leave: bool = False,
        only: Any = None,
    ) -> Choice | None:
        if self.queries_left <= 0:
            return None
        self.queries_left -= 1
        return choose_tile(self.world, unit, mode, threats, target, radius, leave, only,
                           self.standing)


def decide(mind: Mind, unit: Unit) -> list[Any]:
    if unit.utype.perch:
        return sniper(mind, unit)
    alert = unit.mind.alert
    if alert in HUNTING:
        return engage(mind, unit)
    if alert == _YELLOW:
        return investigate(mind, unit)
    return patrol(mind, unit)


# -- calm and curious ---------------------------------------------------------------------
def patrol(mind: Mind, unit: Unit) -> list[Any]:
    """Walk the route, or hold the post and look about now and then."""
    world = mind.world
    if unit.path or unit.waypoints:
        return []
    here = unit.tile
    own = unit.mind
    if own.patrol:
        route = own.patrol
        nearest = min(range(len(route)), key=lambda i: (tile_dist(route[i], here), i))
        goal = route[(nearest + 1) % len(route)] if tile_dist(route[nearest], here) <= 1 else \
            route[nearest]
        return go(mind, unit, goal)
    if own.home and tile_dist(own.home, here) > 1.5:
        return go(mind, unit, own.home)
    if roll(world, unit.id, world.tick) < 0.15:
        return [Face((unit.id,), (unit.facing + int(roll(world, unit.id, -world.tick) * 180) - 90)
                     % 360)]
    return []


def investigate(mind: Mind, unit: Unit) -> list[Any]:
    """Go and look where the noise was; once there, search around it."""
    world = mind.world
    if unit.mind.interest is None:
        return patrol(mind, unit)
    here = unit.tile
    if world.tick - unit.under_fire_tick < UNDER_FIRE_TICKS:
        # shot at by someone unseen: get out of the open, facing where the fire came from
        exposed = cover_from(world.terrain, here, unit.mind.interest) == 0
        stuck = unit.mind.still_ticks >= STUCK_TICKS
        if not unit.path or stuck:
            interest = unit.mind.interest
            choice = mind.query(unit, "cover", [interest], interest, 6, leave=stuck)
            if _worth_moving(choice, exposed or stuck):
                return go(mind, unit, choice.tile)
        angle = angle_deg(unit.mind.interest[0] - here[0], unit.mind.interest[1] - here[1])
        if not unit.path and abs(angle_diff(angle, unit.facing)) > 20:
            return [Face((unit.id,), angle)]
        return []
    if unit.path:
        return []
    if tile_dist(unit.mind.interest, here) > 1.5:
        return go(mind, unit, unit.mind.interest) or search(mind, unit, unit.mind.interest)
    return search(mind, unit, unit.mind.interest)


def search(mind: Mind, unit: Unit, around: tuple[int, int]) -> list[Any]:
    """Walk to a reachable tile near `around`, chosen by the unit's dice."""
    world = mind.world
    grid = path_grid(world.caches, world.terrain)
    for attempt in range(4):
        r = roll(world, unit.id, world.tick * 7 + attempt)
        angle = r * 2 * math.pi
        dist = 1 + SEARCH_RADIUS * roll(world, unit.id, world.tick * 11 + attempt)
        x = int(round(around[0] + math.cos(angle) * dist))
        y = int(round(around[1] + math.sin(angle) * dist))
        if world.terrain.in_bounds(x, y) and grid.walkable[y, x] and (x, y) != unit.tile:
            orders = go(mind, unit, (x, y))
            if orders:
                return orders
    return []


# -- fighting -----------------------------------------------------------------------------
def engage(mind: Mind, unit: Unit) -> list[Any]:
    world = mind.world
    target = visible_target(world, unit, mind.enemies)
    threats = threat_tiles(world, unit, target, mind.known(unit))
    if not threats:
        return search(mind, unit, unit.mind.interest or unit.tile)
    stuck = unit.mind.still_ticks >= STUCK_TICKS
    hurt = unit.hp < unit.utype.max_hp * mind.level.fallback_hp
    if hurt or group_losing(world, unit, mind.strength):
        return fall_back(mind, unit, target, threats)
    if target is None:
        return hunt(mind, unit, threats, stuck)
    if not can_shoot(world, unit, target):
        return approach(mind, unit, target.tile, threats, keep=target) or hunt(
            mind, unit, threats, True)
    return fight(mind, unit, target, threats, stuck)


def fight(mind: Mind, unit: Unit, target: Unit, threats: list, stuck: bool) -> list[Any]:
    """It has a shot: fire (or pin), get into cover, or work round the target's cover."""
    world = mind.world
    orders: list[Any] = []
    target_covered = cover_between(world, unit, target) > 0
    if unit.utype.suppressor and target_covered:
        if unit.ground_target != target.tile:
            orders.append(AttackGround((unit.id,), *target.tile))
    elif unit.target_id != target.id:
        orders.append(Attack((unit.id,), target.id))
    if unit.path and not stuck:
        return orders
    exposed = cover_between(world, target, unit) == 0
    pinned = unit.suppressed > 0 or world.tick - unit.under_fire_tick < UNDER_FIRE_TICKS
    if exposed and (pinned or stuck or unit.mind.still_ticks > TICK_HZ // 2):
        choice = mind.query(unit, "cover", threats, target.tile, 6, leave=stuck)
        if _worth_moving(choice, stuck or pinned):
            return orders + go(mind, unit, choice.tile, keep=target)
    flanker = roll(world, unit.id, 1) < mind.level.aggression
    if target_covered and flanker and not unit.utype.suppressor:
        choice = mind.query(unit, "flank", threats, target.tile, 8)
        if _worth_moving(choice, True):
            return orders + go(mind, unit, choice.tile, keep=target)
    if stuck and not orders and unit.activity not in ("firing", "aiming", "reloading"):
        return orders + search(mind, unit, unit.tile)
    return orders


def hunt(mind: Mind, unit: Unit, threats: list, stuck: bool) -> list[Any]:
    """No one in sight: pin the last known position, or move to see it, or search it."""
    world = mind.world
    known = mind.known(unit)
    x, y, age = known[0] if known else (*threats[0], 0)
    here = unit.tile
    weapon = unit.weapon
    can_pin = (
        weapon is not None and age < 3 * TICK_HZ and tile_dist(here, (x, y)) <= weapon.range_tiles
        and clear_of_walls(world, here[0], here[1], x, y)
    )
    if can_pin and unit.utype.suppressor and unit.ground_target != (x, y):
        return [AttackGround((unit.id,), x, y)]
    if unit.path and not stuck:
        return []
    if tile_dist(here, (x, y)) <= 1.5:
        return search(mind, unit, (x, y))
    return approach(mind, unit, (x, y), threats) or go(mind, unit, (x, y)) or search(
        mind, unit, (x, y))


def approach(
    mind: Mind, unit: Unit, spot: tuple[int, int], threats: list, keep: Unit | None = None
) -> list[Any]:
    """Move to a tile with a line of fire on `spot`, in cover where it can."""
    if unit.path and unit.mind.still_ticks < STUCK_TICKS:
        return []
    choice = mind.query(unit, "approach", threats, spot, 8,
                        leave=unit.mind.still_ticks >= STUCK_TICKS)
    if choice is None or not choice.moved:
        return []
    return go(mind, unit, choice.tile, keep=keep)


def fall_back(mind: Mind, unit: Unit, target: Unit | None, threats: list) -> list[Any]:
    """Hurt or losing: back off to a hidden tile, shooting back while it goes."""
    orders: list[Any] = []
    if target is not None and can_shoot(mind.world, unit, target) and unit.target_id != target.id:
        orders.append(Attack((unit.id,), target.id))
    if unit.path and unit.mind.still_ticks < STUCK_TICKS:
        return orders
    choice = mind.query(unit, "fallback", threats, None, 10,
                        leave=unit.mind.still_ticks >= STUCK_TICKS)
    if _worth_moving(choice, unit.mind.still_ticks >= STUCK_TICKS):
        return orders + go(mind, unit, choice.tile, keep=target)
    return orders


# -- snipers ------------------------------------------------------------------------------
def sniper(mind: Mind, unit: Unit) -> list[Any]:
    """Keep to a perch; fire from it with the aiming delay; shift along it, never down."""
    world = mind.world
    here = unit.tile
    perched = world.terrain.elevation[here[1], here[0]] > 0
    target = visible_target(world, unit, mind.enemies) if unit.mind.alert in HUNTING else None
    threats = threat_tiles(world, unit, target, mind.known(unit))
    if not perched:
        if unit.path:
            return []
        choice = mind.query(unit, "perch", threats, threats[0] if threats else None, 12)
        if choice is not None and choice.moved:
            return go(mind, unit, choice.tile)
        return engage(mind, unit) if unit.mind.alert in HUNTING else patrol(mind, unit)
    if target is not None and can_shoot(world, unit, target):
        return [] if unit.target_id == target.id else [Attack((unit.id,), target.id)]
    if unit.mind.alert not in HUNTING or not threats or unit.path:
        return _watch(mind, unit)
    spot = threats[0]
    if unit.mind.still_ticks >= STUCK_TICKS:
        choice = mind.query(unit, "perch", threats, spot, 6, leave=True)
        if choice is not None and choice.moved:
            return go(mind, unit, choice.tile)
    angle = angle_deg(spot[0] - here[0], spot[1] - here[1])
    if abs(angle_diff(angle, unit.facing)) > 10:
        return [Face((unit.id,), angle)]
    return []


def _watch(mind: Mind, unit: Unit) -> list[Any]:
    """A calm sniper sweeps its narrow cone across its field now and then."""
    world = mind.world
    interest = unit.mind.interest
    if interest is not None and unit.mind.alert == Alert.YELLOW:
        angle = angle_deg(interest[0] - unit.tile[0], interest[1] - unit.tile[1])
        if abs(angle_diff(angle, unit.facing)) > 10:
            return [Face((unit.id,), angle)]
        return []
    if roll(world, unit.id, world.tick) < 0.2:
        swing = int(roll(world, unit.id, world.tick + 1) * 120) - 60
        return [Face((unit.id,), (unit.facing + swing) % 360)]
    return []


# -- moving -------------------------------------------------------------------------------
def go(mind: Mind, unit: Unit, tile: tuple[int, int], keep: Unit | None = None) -> list[Any]:
    """Orders to walk to `tile`, keeping a target under fire if given; [] if no route."""
    world = mind.world
    if unit.path and unit.path[-1] == tile:
        return []
    if tile == unit.tile:
        return []
    if mind.moves_left <= 0:
        return []  # the tick's share of new routes is spent: move at the next turn
    grid = path_grid(world.caches, world.terrain)
    x, y = tile
    if not (world.terrain.in_bounds(x, y) and grid.walkable[y, x]):
        return []
    if tile_dist(tile, unit.tile) > 10 and not grid.find(unit.tile, tile):
        return []  # the far goal cannot be reached: the caller picks another
    mind.moves_left -= 1
    if keep is not None and can_shoot(world, unit, keep):
        return [Attack((unit.id,), keep.id), Move((unit.id,), x, y, queue=True)]
    return [Move((unit.id,), x, y)]


def _worth_moving(choice: Choice | None, forced: bool) -> TypeGuard[Choice]:
    if choice is None or not choice.moved:
        return False
    return forced or choice.score > choice.here + MOVE_MARGIN


_YELLOW = Alert.YELLOW  # an enum's member, looked up once (slow to read off its class)
