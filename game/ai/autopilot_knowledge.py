"""What the autopilot may know: the squad's eyes, ears and memory, never the hidden truth.

Everything here reads only what a player at the screen has: the fog (world.seen_now,
world.seen_ever), terrain on tiles the squad has seen, insurgents standing on tiles in
sight and not hidden, where gunfire from shooters out of sight was heard from
(world.heard_shots: a spot, never who or how many), survivors once found, crates once
their tile was in sight, the squad's own state, extraction zones and the mission's
public rules.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import tcod.path

from game.sim.catalog import TICK_HZ
from game.sim.geometry import SUB
from game.sim.queries import enemies_in_sight
from game.sim.units import Unit
from game.sim.world import World

SEARCH_TILES = 4.5  # hidden survivors show only to someone this close (vision: 5 tiles)
STRUCTURE_WINDOW = 3  # half-width of the box that decides whether a tile is "indoors"
GAIN_WINDOW = 4  # half-width of the box whose unsearched tiles a visit would reveal
UNREACHABLE = np.iinfo(np.int32).max
HEARD_MERGE_TILES = 3.0  # heard shots this close together count as one spot
HEARD_MEMORY_TICKS = 45 * TICK_HZ  # a spot gunfire was heard from is remembered this long


@dataclass
class Sighting:
    """The last place the squad saw one insurgent, and since when it has sat there."""

    tile: tuple[int, int]
    tick: int  # last seen
    still_since: int  # first seen on (about) this tile: a dug-in enemy sits still
    role: str


@dataclass
class Memory:
    """The autopilot's own record; deterministic because it is a function of what it saw."""

    searched: np.ndarray | None = None  # bool [y, x]: looked at from close enough
    sightings: dict[int, Sighting] = field(default_factory=dict)
    crates_seen: set[int] = field(default_factory=set)
    visited: list[tuple[int, int]] = field(default_factory=list)  # exploration goals reached
    heard: dict[tuple[int, int], int] = field(default_factory=dict)  # spot -> last heard
    heard_upto: int = 0  # world.heard_shots before this tick are in `heard` already


def visible_enemies(world: World) -> list[Unit]:
    """Insurgents the squad sees right now: the rules' own answer (queries.py)."""
    return enemies_in_sight(world)


def heard_contacts(world: World, memory: Memory, within_ticks: int) -> list[tuple[int, int]]:
    """Spots the squad heard unseen gunfire from (Memory.heard) in the last
    `within_ticks`, newest first, leaving out spots where it has seen an insurgent since
    (it knows who that was). A heard spot says which way to face and take cover, never
    who or how many."""
    tick = world.tick
    out = []
    for spot, last in sorted(memory.heard.items(), key=lambda kv: (-kv[1], kv[0])):
        if tick - last > within_ticks:
            continue
        if any(s.tick >= last and tile_dist(spot, s.tile) <= HEARD_MERGE_TILES
               for s in memory.sightings.values()):
            continue
        out.append(spot)
    return out


def remember_heard(world: World, memory: Memory) -> None:
    """Fold the gunfire heard since the last look (world.heard_shots) into Memory.heard:
    a shot near a spot already heard refreshes it, others start a new spot."""
    for shot in world.heard_shots:
        if shot.tick < memory.heard_upto:
            continue
        spot = (shot.x, shot.y)
        near = [k for k in memory.heard if tile_dist(k, spot) <= HEARD_MERGE_TILES]
        if near:
            spot = min(near, key=lambda k: (tile_dist(k, spot), k))
        memory.heard[spot] = shot.tick
    memory.heard_upto = world.tick
    stale = [k for k, last in memory.heard.items() if world.tick - last > HEARD_MEMORY_TICKS]
    for k in stale:
        del memory.heard[k]


def found_survivors(world: World) -> list[Unit]:
    """Survivors the squad has found, still alive and not yet out."""
    return [c for c in world.civilians() if c.survivor.found and c.alive and c.life != "gone"]


def standing_squad(world: World) -> list[Unit]:
    return [u for u in world.squad() if u.active]


def observe(world: World, memory: Memory) -> None:
    """Update the memory from this tick's view: cheap enough to run every tick."""
    if memory.searched is None:
        memory.searched = np.zeros(world.seen_now.shape, dtype=bool)
    h, w = world.seen_now.shape
    r = int(math.ceil(SEARCH_TILES))
    for member in standing_squad(world):
        tx, ty = member.tile
        x0, y0, x1, y1 = max(tx - r, 0), max(ty - r, 0), min(tx + r + 1, w), min(ty + r + 1, h)
        ys, xs = np.ogrid[y0 - ty : y1 - ty, x0 - tx : x1 - tx]
        near = xs * xs + ys * ys <= SEARCH_TILES * SEARCH_TILES
        memory.searched[y0:y1, x0:x1] |= near & world.seen_now[y0:y1, x0:x1]
    for enemy in visible_enemies(world):
        old = memory.sightings.get(enemy.id)
        tile = enemy.tile
        moved = old is None or max(abs(old.tile[0] - tile[0]), abs(old.tile[1] - tile[1])) > 1
        since = old.still_since if old is not None and not moved else world.tick
        memory.sightings[enemy.id] = Sighting(tile, world.tick, since, enemy.kind)
    for uid in sorted(memory.sightings):
        unit = world.units.get(uid)
        # a body the squad can see is a known fact; forget the dead it has seen fall
        if unit is not None and not unit.alive:
            tx, ty = unit.tile
            if world.seen_now[ty, tx]:
                del memory.sightings[uid]
    remember_heard(world, memory)
    for cid in sorted(world.crates):
        crate = world.crates[cid]
        cx, cy = crate.x // SUB, crate.y // SUB
        if world.seen_now[cy, cx] or crate.carrier_id:
            memory.crates_seen.add(cid)


def known_walkable(world: World) -> np.ndarray:
    """Tiles the squad has seen and knows it can walk (a locked door is not)."""
    t = world.terrain
    return world.seen_ever & t.walkable & ~t.locked


def distances_from(world: World, walk: np.ndarray, start: tuple[int, int]) -> np.ndarray:
    """Walking distance (2 per straight step, 3 per diagonal) over known ground."""
    cost = walk.astype(np.int32)
    dist = tcod.path.maxarray(walk.shape, dtype=np.int32)
    sx, sy = start
    dist[sy, sx] = 0
    tcod.path.dijkstra2d(dist, cost, 2, 3, out=dist)
    return dist


def box_sum(grid: np.ndarray, r: int) -> np.ndarray:
    """Sum of grid over the (2r+1)² box around every tile (edges clipped)."""
    h, w = grid.shape
    s = np.zeros((h + 1, w + 1), dtype=np.int32)
    s[1:, 1:] = np.cumsum(np.cumsum(grid.astype(np.int32), axis=0), axis=1)
    ys = np.arange(h)
    xs = np.arange(w)
    y0 = np.clip(ys - r, 0, h)[:, None]
    y1 = np.clip(ys + r + 1, 0, h)[:, None]
    x0 = np.clip(xs - r, 0, w)[None, :]
    x1 = np.clip(xs + r + 1, 0, w)[None, :]
    return s[y1, x1] - s[y0, x1] - s[y1, x0] + s[y0, x0]


def search_interest(world: World, memory: Memory) -> np.ndarray:
    """Tiles still worth a close look: unseen ground, and seen ground near walls or cover
    (where people hide) that nobody has looked at from close by."""
    t = world.terrain
    seen = world.seen_ever
    structure = seen & (t.opaque | (t.cover > 0))
    indoors = box_sum(structure, STRUCTURE_WINDOW) >= 4
    hideout = seen & t.walkable & indoors
    # unseen ground next to walls the squad has seen is likely a room: worth twice as much
    near_walls = ~seen & (box_sum(structure, STRUCTURE_WINDOW) >= 2)
    searched = memory.searched if memory.searched is not None else np.zeros_like(seen)
    fresh = ~searched  # (observe fills the memory before any think reads it)
    return (fresh & (~seen | hideout)).astype(np.int32) + (fresh & (hideout | near_walls))


def search_gain(world: World, memory: Memory) -> np.ndarray:
    return box_sum(search_interest(world, memory), GAIN_WINDOW)


def tile_dist(a: tuple[int, int], b: tuple[int, int]) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])
