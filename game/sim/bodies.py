"""Units occupy space: one body per tile at rest, and bodies in the way of walkers.

Rules (movement.py applies them, in id order, so they are deterministic):
- A unit at rest is a standing, visible unit with no route: its tile is taken. Walking
  units do not block each other (two files pass in a corridor instead of locking).
- A walker about to enter a taken tile that ends its leg takes the nearest free walkable
  tile to it instead (the first to arrive keeps the tile; ties go to the lower id, which
  moves first). A walker about to enter a taken tile on the way waits: after
  YIELD_TICKS a friendly blocker that is idle side-steps off the walker's route, and a
  friend still in the way after SQUEEZE_TICKS is squeezed past (friends never lock each
  other in). Survivors squeeze past soldiers and one another at once: an escort
  walks as one group, and a file of children must not wall its own soldiers in a
  corridor. An enemy's body is never passed: every REROUTE_TICKS the walker plans again
  on a grid where taken tiles cost BODY_COST steps, so it goes round the body when there
  is a way and keeps waiting when there is none (a body in a 1-tile corridor or a door).
- A Move for several units gives each its own tile around the goal, nearest first, in id
  order, never a tile another unit rests on (orders.py).
Hidden units (unfound survivors, ambushers) neither block nor are blocked: nobody can
tell they are there. Inside an extraction zone bodies do not count: it is the pick-up
point everyone crowds into, and a small zone must still take the whole squad.
"""

from __future__ import annotations

import numpy as np

from game.sim.geometry import HALF, SUB
from game.sim.kinds import Side
from game.sim.pathing import PathGrid, path_grid
from game.sim.units import ACTIVE, Unit
from game.sim.world import World

YIELD_TICKS = 6
SQUEEZE_TICKS = 12
REROUTE_TICKS = 15
BODY_COST = 30  # a taken tile costs this many steps: a detour of up to ~30 tiles wins
FREE_RADIUS = 4  # how far from a taken goal the nearest free tile is looked for

Tile = tuple[int, int]


def at_rest(unit: Unit) -> bool:
    return (unit.life == ACTIVE and not unit.hidden and not unit.carried_by
            and not unit.path and not unit.waypoints)


def resting_tiles(world: World) -> dict[Tile, int]:
    """Tile -> id of the unit resting on it (the lowest id when several share one),
    outside the extraction zones."""
    rest: dict[Tile, int] = {}
    zones = zone_set(world)
    for unit in world.units.values():  # id order
        # at_rest, inline (asked of every unit once or twice a tick), walkers out first
        if (not unit.path and not unit.waypoints and unit.life == ACTIVE
                and not unit.hidden and not unit.carried_by):
            tile = (unit.x // SUB, unit.y // SUB)
            if tile not in rest and tile not in zones:
                rest[tile] = unit.id
    return rest


def settle(world: World, rest: dict[Tile, int], unit: Unit) -> None:
    """A walker that came to rest this tick takes its tile (outside the zones)."""
    if at_rest(unit):
        tile = (unit.x // SUB, unit.y // SUB)
        if tile not in rest and tile not in zone_set(world):
            rest[tile] = unit.id


def zone_tiles(world: World) -> np.ndarray:
    """Bool [y, x]: tiles inside an extraction zone (the map's zones never change)."""
    grid = world.caches.get("zone_tiles")
    if grid is None:
        h, w = world.terrain.walkable.shape
        xs, ys = np.arange(w) * SUB + HALF, np.arange(h) * SUB + HALF  # tile centres
        grid = np.zeros((h, w), bool)
        for zone in world.scenario.extractions:
            x0, y0, x1, y1 = zone.rect
            grid |= np.outer((ys >= y0) & (ys < y1), (xs >= x0) & (xs < x1))
        world.caches["zone_tiles"] = grid
    return grid


def zone_set(world: World) -> frozenset[Tile]:
    """zone_tiles as a set of (x, y): a lookup per unit, cheaper than a grid's."""
    kept = world.caches.get("zone_set")
    grid = zone_tiles(world)
    if kept is None or kept[0] is not grid:
        ys, xs = np.nonzero(grid)
        kept = world.caches["zone_set"] = (
            grid, frozenset(zip(xs.tolist(), ys.tolist(), strict=True)))
    return kept[1]


def rest_this_tick(world: World) -> dict[Tile, int]:
    """resting_tiles, computed once a tick for the orders (a stale entry within the tick
    is the same on every run, so it stays deterministic)."""
    cached = world.caches.get("rest_tiles")
    if cached is None or cached[0] != world.tick:
        cached = (world.tick, resting_tiles(world))
        world.caches["rest_tiles"] = cached
    return cached[1]


def open_ground(world: World, movers: set[int]) -> np.ndarray:
    """Walkable tiles not taken by a resting unit other than the movers."""
    walk = path_grid(world.caches, world.terrain).walkable.copy()
    for (x, y), uid in rest_this_tick(world).items():
        if uid not in movers:
            walk[y, x] = False
    return walk


def free_tile_near(world: World, rest: dict[Tile, int], goal: Tile, unit: Unit,
                   avoid: set[Tile] | frozenset = frozenset()) -> Tile | None:
    """The walkable tile nearest the goal that no other unit rests on, outside `avoid`;
    ties by row then column. None when there is none within FREE_RADIUS."""
    walk = path_grid(world.caches, world.terrain).walkable
    h, w = walk.shape
    gx, gy = goal
    best: tuple[int, int, int] | None = None
    for dy in range(-FREE_RADIUS, FREE_RADIUS + 1):
        for dx in range(-FREE_RADIUS, FREE_RADIUS + 1):
            x, y = gx + dx, gy + dy
            if not (0 <= x < w and 0 <= y < h) or not walk[y, x] or (x, y) in avoid:
                continue
            if rest.get((x, y), unit.id) != unit.id:
                continue
            key = (dx * dx + dy * dy, dy, dx)
            if best is None or key < best:
                best = key
    return None if best is None else (gx + best[2], gy + best[1])


def body_grid(world: World, rest: dict[Tile, int]) -> PathGrid:
    """Routes that go round resting bodies when they can: built at most once a tick."""
    cached = world.caches.get("body_grid")
    key = (world.tick, world.terrain.version)
    if cached is not None and cached[0] == key:
        return cached[1]
    cost = np.ones(world.terrain.walkable.shape, np.int16)
    for x, y in rest:
        cost[y, x] = BODY_COST
    grid = PathGrid(world.terrain, cost)
    world.caches["body_grid"] = (key, grid)
    return grid


def escort_pair(a: Unit, b: Unit) -> bool:
    """A survivor and a soldier or another survivor: they step past each other without
    waiting (a file of survivors keeps up with its leader round corners)."""
    sides = {a.side, b.side}
    return Side.CIVILIAN in sides and sides <= {Side.SQUAD, Side.CIVILIAN}


def friendly(a: Unit, b: Unit) -> bool:
    """Whether b steps aside for a: the same side, or the squad and the survivors."""
    return a.side == b.side or escort_pair(a, b)


def ask_to_yield(world: World, rest: dict[Tile, int], walker: Unit, blocker: Unit) -> None:
    """An idle friendly blocker steps to the nearest free tile off the walker's route."""
    busy = blocker.activity in ("healing", "working") or blocker.target_id
    if not friendly(walker, blocker) or busy or blocker.ground_target is not None:
        return
    avoid = set(walker.path) | {walker.tile, blocker.tile}
    spot = free_tile_near(world, rest, blocker.tile, blocker, avoid)
    if spot is not None:
        blocker.path = path_grid(world.caches, world.terrain).find(blocker.tile, spot)
