"""Routes for orders with at most SQUEEZE_SEARCHES_PER_TICK corner-safe searches a tick.

Most routes are libtcod's A* with its corner cuts mended (~0.1 ms); one that squeezes
between two diagonal walls needs PathGrid's corner-safe search (~0.4 ms on a 128-tile
map), and a Move for a whole squad on a walled map could need one per member in one tick.
So a Move (and the next leg of a walker's waypoints) makes at most that many a tick: a
unit whose route needs another keeps its goal as its next waypoint, stands, and is routed
on a following tick, one such unit a tick (33 ms each: a squad of four is all on its way
within 0.1 s). Units whose routes need no such search are routed at once, as before.
"""

from __future__ import annotations

from game.sim.pathing import path_grid
from game.sim.world import World

SQUEEZE_SEARCHES_PER_TICK = 1


def route_this_tick(
    world: World, start: tuple[int, int], goal: tuple[int, int]
) -> list[tuple[int, int]] | None:
    """The route from start to goal (PathGrid.find's answer), or None when it needs a
    corner-safe search and this tick's are spent: ask again next tick."""
    grid = path_grid(world.caches, world.terrain)
    route = grid.find_unless_squeezed(start, goal)
    if route is not None:
        return route
    # the count of this tick's searches lives with the caches: it is stamped with the
    # tick, so it is 0 again at each tick's start (and after a load, which starts one)
    spent = world.caches.get("squeeze_searches")
    used = spent[1] if spent is not None and spent[0] == world.tick else 0
    if used >= SQUEEZE_SEARCHES_PER_TICK:
        return None
    world.caches["squeeze_searches"] = (world.tick, used + 1)
    return grid.find(start, goal)
