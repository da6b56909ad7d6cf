"""Autopilot step 7 while searching: the group moves together to the nearest unsearched
ground (closed doors first: hidden survivors show only at close range, and rooms hide
them), never to ground an insurgent seen lately could watch while other ground is left;
Maaz opens a locked door when crates are still unseen or nothing else is left; with
nothing left, or the objective met, everyone heads out (autopilot_extract)."""

from __future__ import annotations

import numpy as np

from game.ai.autopilot_extract import extract
from game.ai.autopilot_knowledge import UNREACHABLE, distances_from, search_gain, tile_dist
from game.ai.autopilot_pass import Think
from game.ai.autopilot_tactics import exposed_ground
from game.sim.catalog import TICK_HZ
from game.sim.commands import Interact
from game.sim.queries import cover_beside_door
from game.sim.units import Unit

GAIN_MIN = 8  # an exploration goal must reveal at least this many unsearched tiles
GOAL_REACHED_TILES = 2.0
GOAL_PATIENCE_TICKS = 40 * TICK_HZ  # give up on an exploration goal not reached by then
REGROUP_TILES = 7.0  # a member farther than this from the anchor walks back to it first
SHOOTER_MEMORY_TICKS = 45 * TICK_HZ  # ground a seen insurgent watched stays unsafe this long
DOOR_BONUS = 400  # a closed door leads into a room, where people hide: worth a detour
STRIKE_MARGIN_TILES = 2  # no goal this close to a marked strike zone
NEIGHBOURS = ((0, 1), (0, -1), (1, 0), (-1, 0))


def move_on(t: Think) -> None:
    if t.state.phase == "extract":
        extract(t)
        return
    # objective crates not yet seen are kept behind locks (the briefing says so): try
    # the known locked doors before searching further
    unseen = [c for c in t.world.crates.values()
              if c.required and c.id not in t.state.memory.crates_seen]
    lock = open_a_door(t) if unseen else None
    if lock is not None:
        wait_by_door(t, *lock)
        return
    goal = exploration_goal(t)
    if goal is None:
        lock = open_a_door(t)
        if lock is None:
            extract(t)  # nothing left to search: bring out who we have
            return
        wait_by_door(t, *lock)
        return
    move_group(t, goal)


def wait_by_door(t: Think, door: tuple[int, int], stand: tuple[int, int]) -> None:
    """While Maaz works the lock the others wait in cover beside it (queries'
    cover_beside_door, as the player's door order does), never on the tile he needs."""
    members = sorted(t.free(), key=lambda u: u.id)
    tiles = [tile for tile in cover_beside_door(t.world, door, stand, len(members) + 1)
             if tile != stand]
    for m, tile in zip(members, tiles, strict=False):
        t.move([m], tile)


def move_group(t: Think, goal: tuple[int, int]) -> None:
    """The free members to the goal together; stragglers first back to the anchor (the
    escort when free)."""
    members = t.free()
    if not members:
        return
    escort = t.escort()
    anchor = escort if escort in members else members[0]
    together: list[Unit] = []
    stragglers: list[Unit] = []
    for m in members:
        far = m is not anchor and tile_dist(m.tile, anchor.tile) > REGROUP_TILES
        (stragglers if far else together).append(m)
    t.move(together, goal)
    if stragglers:
        t.move(stragglers, anchor.tile)


# -- where to search next ----------------------------------------------------------------
def exploration_goal(t: Think) -> tuple[int, int] | None:
    """The goal kept from earlier thinks while still worth it, else a new one (None:
    nothing known is left to search)."""
    p, world = t.state, t.world
    anchor = t.escort()
    gain = search_gain(world, p.memory)
    drop_spent_goal(t, anchor, gain)
    exposed = exposed_ground(world, remembered_shooters(t))
    if p.goal is not None and exposed[p.goal[1], p.goal[0]]:
        p.goal = None  # the way there is watched by someone we saw: look elsewhere
    if p.goal is not None:
        return p.goal
    return new_goal(t, anchor, gain, exposed)


def drop_spent_goal(t: Think, anchor: Unit, gain: np.ndarray) -> None:
    """Forget the goal once reached (remembered as visited), after too long, or when
    little is left to see there."""
    p, world = t.state, t.world
    if p.goal is None:
        return
    gx, gy = p.goal
    terrain = world.terrain
    closed_door = bool(terrain.door[gy, gx] and terrain.opaque[gy, gx])
    # a door counts once it is open: standing beside a closed one reveals nothing
    reached = tile_dist(anchor.tile, p.goal) <= GOAL_REACHED_TILES and not closed_door
    stale = world.tick - p.goal_since > GOAL_PATIENCE_TICKS
    if reached or stale:
        p.memory.visited.append(p.goal)
        p.goal = None
    elif gain[gy, gx] < GAIN_MIN // 2:
        p.goal = None


def new_goal(t: Think, anchor: Unit, gain: np.ndarray,
             exposed: np.ndarray) -> tuple[int, int] | None:
    """The best known tile to search from, kept as the pilot's goal."""
    p, world = t.state, t.world
    dist = distances_from(world, t.walk, anchor.tile)
    ok, closed_doors = goal_candidates(t, dist, gain)
    if not ok.any():
        return None
    if (ok & ~exposed).any():
        ok &= ~exposed
    # nearest first; among equals the one that reveals most
    # dist counts 2 per straight step: a goal revealing 20 more tiles is worth 3 steps
    score = dist.astype(np.int64) * 10 - 3 * gain - DOOR_BONUS * closed_doors
    score = np.where(ok, score, np.iinfo(np.int64).max)
    idx = int(np.argmin(score))
    w = ok.shape[1]
    p.goal, p.goal_since = (idx % w, idx // w), world.tick
    return p.goal


def goal_candidates(t: Think, dist: np.ndarray,
                    gain: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Tiles worth walking to (reachable and revealing enough, or a closed door not yet
    visited; none near a visited goal or a strike zone), and the closed doors among
    them."""
    world, visited = t.world, t.state.memory.visited
    ok = t.walk & (dist < UNREACHABLE) & (gain >= GAIN_MIN)
    terrain = world.terrain
    closed_doors = ok & terrain.door & terrain.opaque  # stepping on one opens it
    for vx, vy in visited:
        ok[max(vy - 1, 0) : vy + 2, max(vx - 1, 0) : vx + 2] = False
    for vx, vy in visited:
        closed_doors[vy, vx] = False
    ok |= closed_doors
    for zx, zy, radius, _ in world.strike_zones:
        h, w = ok.shape
        ys, xs = np.ogrid[0:h, 0:w]
        ok &= (xs - zx) ** 2 + (ys - zy) ** 2 > (radius + STRIKE_MARGIN_TILES) ** 2
    return ok, closed_doors


def remembered_shooters(t: Think) -> list[tuple[int, int]]:
    """Where insurgents seen lately were last seen (the dead the squad saw fall are
    forgotten by the memory), and where unseen gunfire was heard from lately."""
    tick = t.world.tick
    memory = t.state.memory.sightings
    seen = [memory[uid].tile for uid in sorted(memory)
            if tick - memory[uid].tick <= SHOOTER_MEMORY_TICKS]
    return seen + t.heard(SHOOTER_MEMORY_TICKS)


# -- locked doors --------------------------------------------------------------------------
def open_a_door(t: Think) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Maaz to the nearest locked door the squad has seen. Returns the door and the
    tile beside it he works from, or None."""
    maaz = next((u for u in t.squad if u.utype.engineer), None)
    if maaz is None:
        return None
    nearest = nearest_lock(t, maaz)
    if nearest is None:
        return None
    door, stand = nearest
    if maaz.id not in t.busy:
        t.busy.add(maaz.id)
        if maaz.squad.work_tile != door:  # the lock job walks him to the near side itself
            t.orders.append(Interact(maaz.id, door[0], door[1]))
            t.state.ordered.pop(maaz.id, None)
    return door, stand


def nearest_lock(t: Think, maaz: Unit) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The seen locked door whose known walkable side is nearest Maaz (ties: the
    topmost, then leftmost door), and that side's tile."""
    world = t.world
    terrain = world.terrain
    locked = world.seen_ever & terrain.locked
    if not locked.any():
        return None
    dist = distances_from(world, t.walk, maaz.tile)
    best = None
    for y, x in zip(*np.nonzero(locked), strict=True):
        for dx, dy in NEIGHBOURS:
            nx, ny = int(x) + dx, int(y) + dy
            if terrain.in_bounds(nx, ny) and t.walk[ny, nx] and dist[ny, nx] < UNREACHABLE:
                key = (int(dist[ny, nx]), int(y), int(x))
                if best is None or key < best[0]:
                    best = (key, (int(x), int(y)), (nx, ny))
    if best is None:
        return None
    return best[1], best[2]
