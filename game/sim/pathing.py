"""8-way paths that never cut a wall corner, on tcod's C pathfinder.

The graph is rebuilt only when the walkable tiles change (a door unlocked, a wall turned
to rubble), so a tick pays only for the search itself.
"""

from __future__ import annotations

from itertools import islice

import numpy as np
import tcod.path

from game.sim.terrain import Terrain

CARDINAL_COST, DIAGONAL_COST = 2, 3
_CARDINALS = ((0, 1), (1, 0), (0, -1), (-1, 0))
_DIAGONALS = ((1, 1), (1, -1), (-1, 1), (-1, -1))
# routes kept per grid: a route is a tuple of (x, y) tuples of small ints, which the gc
# stops tracking after one look, so a thousand cost its full collections next to nothing
ROUTE_MEMO_LIMIT = 1024
_UNREACHED = np.iinfo(np.int32).max  # tcod.path.Pathfinder's distance to a node not reached
# tcod's own call for emptying a Pathfinder's frontier (what its clear() uses), if present
_FRONTIER_CLEAR = getattr(getattr(tcod.path, "lib", None), "TCOD_frontier_clear", None)


def _shifted(grid: np.ndarray, di: int, dj: int) -> np.ndarray:
    """out[i, j] = grid[i + di, j + dj], False past the edge."""
    out = np.zeros_like(grid)
    h, w = grid.shape
    src = grid[max(di, 0) : h + min(di, 0), max(dj, 0) : w + min(dj, 0)]
    out[max(-di, 0) : h + min(-di, 0), max(-dj, 0) : w + min(-dj, 0)] = src
    return out


class PathGrid:
    """Shortest walkable routes on one walking grid (kept across terrain versions that
    leave it the same: path_grid).

    libtcod's A* is reused for every search (a fresh Pathfinder costs ~0.1 ms even for a
    three-tile walk) but it lets a diagonal step clip a wall corner; such steps are mended
    by walking round the corner, and the rare squeeze between two diagonal walls falls back
    to a graph that forbids corner cuts outright.
    """

    def __init__(self, terrain: Terrain, step_cost: np.ndarray | None = None) -> None:
        self.version = terrain.version
        self.walkable = terrain.walkable & ~terrain.locked
        base = np.ones(self.walkable.shape, np.int16) if step_cost is None else step_cost
        self.cost = np.where(self.walkable, base, 0).astype(np.int16)
        self.astar = tcod.path.AStar(self.cost, diagonal=DIAGONAL_COST / CARDINAL_COST)
        self._graph: tcod.path.CustomGraph | None = None
        self._graph_finder: tcod.path.Pathfinder | None = None
        # routes already found on this grid: the AI checks a far goal is reachable and the
        # rules then walk the same route, and several units share starts and goals. Keyed
        # by one int and built of the grid's one tuple per tile (_tiles): every new tuple
        # kept is one the gc must look at once, and a thousand routes of fresh (x, y)
        # tuples made a young collection cost 2-3 ms in one tick
        self._routes: dict[int, tuple[tuple[int, int], ...]] = {}
        self._tiles: dict[tuple[int, int], tuple[int, int]] = {}

    @property
    def graph(self) -> tcod.path.CustomGraph:
        """The corner-safe graph, built on first need."""
        if self._graph is None:
            # a closed border of one tile: libtcod loops on one-tile-high grids otherwise
            padded = np.pad(self.walkable, 1, constant_values=False)
            cost = np.pad(self.cost, 1, constant_values=0)
            graph = tcod.path.CustomGraph(cost.shape)
            for edge in _CARDINALS:
                graph.add_edge(edge, CARDINAL_COST, cost=cost)
            for di, dj in _DIAGONALS:
                # a diagonal step needs both orthogonal neighbours open, or it clips a corner
                both_open = _shifted(padded, di, 0) & _shifted(padded, 0, dj)
                graph.add_edge((di, dj), DIAGONAL_COST, cost=cost, condition=both_open)
            graph.set_heuristic(cardinal=CARDINAL_COST, diagonal=DIAGONAL_COST)
            self._graph = graph
        return self._graph

    def find(self, start: tuple[int, int], goal: tuple[int, int]) -> list[tuple[int, int]]:
        """Tiles (x, y) from the step after start to goal; [] when there is no route."""
        key = self._key(start, goal)
        if key is None:
            return []
        route = self._routes.get(key)
        if route is None:
            route = self._keep(key, self._search(start, goal))
        return list(route)

    def _key(self, start: tuple[int, int], goal: tuple[int, int]) -> int | None:
        """One int for a start and goal on the map; None when either is off it."""
        (sx, sy), (gx, gy) = start, goal
        h, w = self.walkable.shape
        if not (0 <= gx < w and 0 <= gy < h and 0 <= sx < w and 0 <= sy < h):
            return None
        return int((sy * w + sx) * (w * h) + gy * w + gx)

    def _keep(self, key: int, found: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
        if len(self._routes) >= ROUTE_MEMO_LIMIT:
            # the oldest quarter goes: clearing them all made the next routes asked for
            # (the same walkers' again) be searched anew, a third of all searches
            for old in list(islice(self._routes, ROUTE_MEMO_LIMIT // 4)):
                del self._routes[old]
        route = self._routes[key] = tuple(found)
        return route

    def _search(self, start: tuple[int, int], goal: tuple[int, int]) -> list[tuple[int, int]]:
        """find's search: start and goal on the map."""
        straight = self._straight(start, goal)
        return straight if straight is not None else self._find_on_graph(start, goal)

    def _straight(
        self, start: tuple[int, int], goal: tuple[int, int]
    ) -> list[tuple[int, int]] | None:
        """libtcod's A* route with its corner cuts mended; None when it squeezes between
        two diagonal walls (only the corner-safe search can answer then)."""
        (sx, sy), (gx, gy) = start, goal
        if not self.walkable[gy, gx] or (sx, sy) == (gx, gy):
            return []
        route = self.astar.get_path(sy, sx, gy, gx)
        if not route:
            return []
        return self._mend_corners((sx, sy), self._interned([(j, i) for i, j in route]))

    def _interned(self, steps: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The steps as the grid's own tuples: the same tile is the same tuple in every
        route kept, so a route kept adds one new tuple for the gc to look at, not one a step."""
        keep = self._tiles.setdefault
        return [keep(step, step) for step in steps]

    def _mend_corners(
        self, start: tuple[int, int], route: list[tuple[int, int]]
    ) -> list[tuple[int, int]] | None:
        """Replace corner-clipping diagonal steps by two straight ones; None on a squeeze."""
        walk = self.walkable
        keep = self._tiles.setdefault
        out: list[tuple[int, int]] = []
        px, py = start
        for step in route:
            x, y = step
            if x != px and y != py:
                side_a, side_b = walk[py, x], walk[y, px]
                if not (side_a and side_b):
                    if not (side_a or side_b):
                        return None
                    corner = (x, py) if side_a else (px, y)
                    out.append(keep(corner, corner))
            out.append(step)  # the grid's own tuple (_interned), not a copy
            px, py = x, y
        return out

    def _find_on_graph(
        self, start: tuple[int, int], goal: tuple[int, int]
    ) -> list[tuple[int, int]]:
        (sx, sy), (gx, gy) = start, goal
        root, end = (sy + 1, sx + 1), (gy + 1, gx + 1)
        pathfinder = self._fresh_finder()
        pathfinder.add_root(root)
        route = pathfinder.path_to(end)
        if len(route) < 2 or pathfinder.distance[end] == _UNREACHED:
            # not reachable from here: the route read off the traversal is a past search's
            # (_fresh_finder), so the goal's distance tells, not where the route starts
            return []
        return self._interned([(j - 1, i - 1) for i, j in route[1:].tolist()])

    def _fresh_finder(self) -> tcod.path.Pathfinder:
        """The one reused corner-safe search, reset as a new one starts (a new one costs
        ~0.1 ms to set up). Only the distances are reset: a node's traversal is read only
        when it was reached in this search (_find_on_graph looks at the goal's distance
        first), and a reached node's was written as it was reached, so the traversal
        needs no resetting. The frontier is emptied directly when tcod lets us: its
        rebuild_frontier scans every distance for roots, of which there are none."""
        pathfinder = self._graph_finder
        if pathfinder is None:
            pathfinder = self._graph_finder = tcod.path.Pathfinder(self.graph)
            return pathfinder
        pathfinder.distance[...] = _UNREACHED
        frontier = getattr(pathfinder, "_frontier_p", None)
        if _FRONTIER_CLEAR is None or frontier is None:
            pathfinder.rebuild_frontier()
        else:
            _FRONTIER_CLEAR(frontier)
        return pathfinder

    def reachable_from(self, start: tuple[int, int]) -> np.ndarray:
        """Bool grid of the tiles a walker on start can reach."""
        pathfinder = tcod.path.Pathfinder(self.graph)
        pathfinder.add_root((start[1] + 1, start[0] + 1))
        pathfinder.resolve()
        dist = pathfinder.distance[1:-1, 1:-1]
        return dist < np.iinfo(dist.dtype).max


def path_grid(world_caches: dict, terrain: Terrain) -> PathGrid:
    """The walking grid for the terrain's version. A new version whose walkable tiles are
    the same (a door opened: only the opacity changed) keeps the grid, with its routes and
    its corner-safe search: building those again cost the next squeeze ~1 ms."""
    grid = world_caches.get("path_grid")
    if grid is None or grid.version != terrain.version:
        if grid is not None and np.array_equal(grid.walkable, terrain.walkable & ~terrain.locked):
            grid.version = terrain.version
        else:
            grid = PathGrid(terrain)
            world_caches["path_grid"] = grid
    return grid


def nearby_open_tiles(
    walkable: np.ndarray, goal: tuple[int, int], count: int, radius: int = 4
) -> list[tuple[int, int]]:
    """Up to `count` walkable tiles nearest the goal, the goal first, for spreading a group."""
    gx, gy = goal
    h, w = walkable.shape
    if count == 1 and 0 <= gx < w and 0 <= gy < h and walkable[gy, gx]:
        return [(gx, gy)]  # the goal itself is nearest: no need to list the rest
    found: list[tuple[int, int, int]] = []
    for dy in range(-radius, radius + 1):
        for dx in range(-radius, radius + 1):
            x, y = gx + dx, gy + dy
            if 0 <= x < w and 0 <= y < h and walkable[y, x]:
                found.append((dx * dx + dy * dy, dy, dx))
    found.sort()
    return [(gx + dx, gy + dy) for _, dy, dx in found[:count]]
