"""Survivors under fire: fright, running for cover, calming down, and stray rounds."""

from __future__ import annotations

import math

from game.sim.catalog import TICK_HZ, WEAPONS
from game.sim.events import (
    SurvivorCalmed,
    SurvivorPanicked,
)
from game.sim.facts import Shot, TickFacts
from game.sim.geometry import SUB, centre_of, nearest_on_segment, segment_coords
from game.sim.health import apply_damage
from game.sim.kinds import Side
from game.sim.pathing import path_grid
from game.sim.queries import cover_from
from game.sim.safe_routes import safe_course
from game.sim.smoke import clear_of_walls
from game.sim.units import ACTIVE, DOWNED, Unit
from game.sim.world import World

PANIC_TICKS = 5 * TICK_HZ
PANIC_TILES = 2.5
CALM_TILES = 2.0
CALM_RATE = 4
FLEE_TILES = 5
STRAY_TILES = 0.5
STRAY_REACH_TILES = 2.0
STRAY_HIT_CHANCE = 0.3


# -- panic --------------------------------------------------------------------------------
def frighten(world: World, civ: Unit, source: tuple[int, int], events: list) -> None:
    """Gunfire or a blast near a found survivor: it panics (again), fleeing or freezing."""
    if civ.side != Side.CIVILIAN or not civ.active or not civ.survivor.found or civ.carried_by:
        return
    first = civ.survivor.panic == 0
    civ.survivor.panic = PANIC_TICKS
    if not first:
        return
    h, w = world.terrain.walkable.shape
    threat = (min(max(source[0] // SUB, 0), w - 1), min(max(source[1] // SUB, 0), h - 1))
    refuge = _refuge(world, civ, threat)
    civ.waypoints.clear()
    civ.path.clear()
    if refuge is not None:
        safe_course(world, civ, refuge)
    if not civ.path:
        civ.activity = "cowering"
    events.append(SurvivorPanicked(civ.id, bool(civ.path)))


def frighten_near(world: World, x: int, y: int, radius_tiles: float, events: list,
                  end: tuple[int, int] | None = None) -> None:
    """Every found survivor within radius of (x, y), or of the line from there to `end`
    (sub units), panics, fleeing from the nearest point of it: for blasts and gun runs."""
    for uid in world.units:
        civ = world.units[uid]
        if civ.side != Side.CIVILIAN:
            continue
        source = (x, y) if end is None else nearest_on_segment(x, y, *end, civ.x, civ.y)
        if math.hypot(civ.x - source[0], civ.y - source[1]) <= radius_tiles * SUB:
            frighten(world, civ, source, events)


def panic_tick(world: World, civ: Unit, events: list) -> None:
    calm = any(
        m.active and math.hypot(m.x - civ.x, m.y - civ.y) <= CALM_TILES * SUB
        for m in world.squad()
    )
    civ.survivor.panic = max(0, civ.survivor.panic - 1 - (CALM_RATE if calm else 0))
    if civ.path:
        return  # still running for cover
    civ.activity = "cowering"
    if civ.survivor.panic == 0:
        civ.activity = "idle"
        events.append(SurvivorCalmed(civ.id))


def sheltered(world: World, tile: tuple[int, int], threat: tuple[int, int]) -> bool:
    """A tile the threat cannot see, or with cover against it (the cover rule: low cover
    does not shelter from a shooter higher up)."""
    if not clear_of_walls(world, threat[0], threat[1], tile[0], tile[1]):
        return True
    return cover_from(world.terrain, tile, threat) > 0


def _refuge(world: World, civ: Unit, threat: tuple[int, int]) -> tuple[int, int] | None:
    """The nearest sheltered tile within FLEE_TILES that is no nearer the threat, or None
    when the survivor should just drop where it is."""
    cx, cy = civ.tile
    if sheltered(world, (cx, cy), threat):
        return None
    here = math.hypot(cx - threat[0], cy - threat[1])
    walkable = path_grid(world.caches, world.terrain).walkable
    h, w = walkable.shape
    options = []
    for dy in range(-FLEE_TILES, FLEE_TILES + 1):
        for dx in range(-FLEE_TILES, FLEE_TILES + 1):
            x, y = cx + dx, cy + dy
            d = math.hypot(dx, dy)
            if not (0 <= x < w and 0 <= y < h) or d > FLEE_TILES or not walkable[y, x]:
                continue
            if math.hypot(x - threat[0], y - threat[1]) < here:
                continue
            options.append((d, dy, dx))
    options.sort()
    grid = path_grid(world.caches, world.terrain)
    for _, dy, dx in options:
        tile = (cx + dx, cy + dy)
        if sheltered(world, tile, threat):
            path = grid.find((cx, cy), tile)
            if path and len(path) <= FLEE_TILES * 2:
                return tile
    return None


_ALIVE = frozenset((ACTIVE, DOWNED))


# -- after the guns: stray rounds and fright ----------------------------------------------
def react_to_fire(world: World, events: list, facts: TickFacts) -> None:
    """Read this tick's blasts and shots: misses may hit a survivor in the way, and found
    survivors near a line of fire or a blast panic."""
    for blast in facts.blasts:
        x, y = centre_of(blast.x), centre_of(blast.y)
        end = None if blast.end is None else (centre_of(blast.end[0]), centre_of(blast.end[1]))
        frighten_near(world, x, y, blast.radius_sub / SUB + PANIC_TILES, events, end)
    for shot in facts.shots:
        _react_to_shot(world, shot, events, facts)


def _react_to_shot(world: World, shot: Shot, events: list, facts: TickFacts) -> None:
    # the line of fire runs from the muzzle to the aim (a miss ends up to a tile off it)
    aim = shot.aim
    x0, y0 = shot.muzzle
    if not shot.hit:
        _stray_round(world, shot, events, facts)
    shooter = world.units.get(shot.shooter_id)
    if shooter is not None and shooter.side == _SQUAD:
        return  # the squad's own fire does not send its survivors running
    for civ in world.civilians():
        uid = civ.id
        if not civ.survivor.found or civ.life != ACTIVE:
            continue
        if _off_segment(x0, y0, aim, civ) <= PANIC_TILES * SUB or uid == shot.target_id:
            frighten(world, civ, shot.muzzle, events)


def _off_segment(x0: int, y0: int, aim: tuple[int, int], unit: Unit) -> float:
    """How far a unit is from the stretch between a muzzle and its aim point (sub units)."""
    along, across, length = segment_coords(x0, y0, aim[0], aim[1], unit.x, unit.y)
    if along < 0:
        return math.hypot(unit.x - x0, unit.y - y0)
    if along > length:
        return math.hypot(unit.x - aim[0], unit.y - aim[1])
    return across


def _stray_round(world: World, shot: Shot, events: list, facts: TickFacts) -> None:
    """A miss flies on past its aim: the first survivor near that line may be hit."""
    (x0, y0), aim = shot.muzzle, shot.aim
    in_way = []
    for civ in world.civilians():
        uid = civ.id
        if civ.life not in _ALIVE or uid == shot.target_id:
            continue
        along, across, length = segment_coords(x0, y0, aim[0], aim[1], civ.x, civ.y)
        if SUB <= along <= length + STRAY_REACH_TILES * SUB and across <= STRAY_TILES * SUB:
            sx, sy = x0 // SUB, y0 // SUB
            if clear_of_walls(world, sx, sy, *civ.tile):
                in_way.append((along, uid))
    if not in_way:
        return
    _, uid = min(in_way)
    if world.rng.random() < STRAY_HIT_CHANCE:
        weapon = WEAPONS.get(shot.weapon)
        damage = weapon.damage if weapon else 15
        apply_damage(world, world.units[uid], damage, shot.shooter_id, events, facts,
                     bleed_chance=0.5)


_SQUAD = Side.SQUAD  # an enum's member, looked up once (slow to read off its class)
