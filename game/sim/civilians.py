"""Survivors once found: a loose file behind their leader, safe routes, panic, being carried.

Rules in numbers (tunable below):
- Followers of one leader take slots in id order; slot k waits once it is within
  FOLLOW_GAP_TILES + k * FILE_SPACING_TILES of the leader with a clear line to it, so a
  group trails out in a loose file and keeps walking around corners. A leader whose
  follower falls LAG_TILES further behind walks at that follower's speed (unit.pace).
- A follower standing in front of its leader's weapon (within a tile of the line from the
  leader to what it fires at) steps round behind the leader.
- Survivors route on a grid where tiles an insurgent could shoot into cost DANGER_COST
  times as much: a safe detour of similar length always wins over crossing a line of fire.
- An insurgent's shot passing within PANIC_TILES of a found survivor (the squad's own
  fire does not count), a hit on it, or a blast nearby
  makes it panic for PANIC_TICKS: it runs to the nearest tile out of the shooter's sight
  or behind cover (within FLEE_TILES, not towards the threat), or drops where it stands
  if there is none. A squad member within CALM_TILES calms it CALM_RATE times faster.
- Stray fire: a missed shot passes on past its target; the first survivor within
  STRAY_TILES of that line is hit with chance STRAY_HIT_CHANCE (one roll per miss,
  drawn only when someone is in the way, so quiet fights consume no randomness).
- Nobody aims at survivors, except insurgents on maps with insurgents_target_civilians.
- A squad member carrying someone (unit.carrying holds a unit id; crates and units share
  one id sequence) is slowed like any carrier and cannot shoot.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from game.sim.catalog import TICK_HZ, WEAPONS
from game.sim.events import (
    RadioMessage,
    SurvivorCalmed,
    SurvivorPanicked,
    UnitCarried,
    UnitPutDown,
)
from game.sim.geometry import SUB, centre_of
from game.sim.health import apply_damage
from game.sim.mission import in_extraction
from game.sim.movement import set_course, unit_speed
from game.sim.pathing import (
    PathGrid,
    nearby_open_tiles,
    path_grid,
)
from game.sim.sight import view_mask
from game.sim.smoke import clear_of_walls
from game.sim.units import ACTIVE, DOWNED, Unit
from game.sim.world import World

FOLLOW_GAP_TILES = 1.5
FILE_SPACING_TILES = 0.9
FOLLOW_REPLAN_TICKS = 15
LAG_TILES = 1.5
LINE_OF_FIRE_TILES = 1.0
BEHIND_TILES = 2
PANIC_TICKS = 5 * TICK_HZ
PANIC_TILES = 2.5
CALM_TILES = 2.0
CALM_RATE = 4
FLEE_TILES = 5
DANGER_EVERY = 10  # ticks between rebuilds of the insurgents' lines of fire
DANGER_COST = 4
STRAY_TILES = 0.5
STRAY_REACH_TILES = 2.0
STRAY_HIT_CHANCE = 0.3
PICKUP_TILES = 1.5


# -- once a tick, after orders ------------------------------------------------------------
def update_survivors(world: World, events: list) -> None:
    hold_fire_on_civilians(world)
    _update_carriers(world, events)
    slots = _file_slots(world)
    _set_escort_pace(world, slots)
    _hand_over_from_the_fallen(world, events)
    treated = _being_treated(world)  # nothing below changes who is healing whom
    for civ in world.civilians():
        uid = civ.id
        if civ.life != ACTIVE or civ.carried_by:
            continue
        if civ.panic:
            _panic_tick(world, civ, events)
        elif uid in treated:
            civ.path.clear()
        elif civ.leader_id:
            _follow(world, civ, slots.get(uid, 0))


HANDOVER_TILES = 8.0


def _hand_over_from_the_fallen(world: World, events: list) -> None:
    """When a leader goes down, the nearest standing squad mate within reach takes their
    survivors on (one radio line); with nobody near they stay put until someone does."""
    orphans: dict[int, list[Unit]] = {}
    for civ in world.civilians():
        if civ.life != ACTIVE or not civ.leader_id:
            continue
        leader = world.units.get(civ.leader_id)
        if leader is None or not leader.active:
            orphans.setdefault(civ.leader_id, []).append(civ)
    for fallen_id, group in orphans.items():
        heir = _nearest_standing(world, group[0], HANDOVER_TILES)
        for civ in group:
            civ.leader_id = heir.id if heir is not None else 0
            civ.path.clear()
        fallen = world.units.get(fallen_id)
        who = fallen.name if fallen is not None else "Their escort"
        line = (f"{who} is down. I've got the survivors." if heir is not None
                else f"{who} is down. The survivors are on their own: someone get to them!")
        events.append(RadioMessage(heir.name if heir is not None else "Radio", line))


def _nearest_standing(world: World, civ: Unit, reach_tiles: float) -> Unit | None:
    best, best_d = None, reach_tiles * SUB
    for member in world.squad():
        if not member.active or member.carrying:
            continue
        d = math.hypot(member.x - civ.x, member.y - civ.y)
        if d <= best_d:
            best, best_d = member, d
    return best


def hold_fire_on_civilians(world: World) -> None:
    """Drop any aim at a survivor: the squad never fires on them, insurgents only when the
    map says so."""
    allowed = world.scenario.rules.insurgents_target_civilians
    for uid in world.units:
        unit = world.units[uid]
        target = world.units.get(unit.target_id) if unit.target_id else None
        if target is None or target.side != "civilian":
            continue
        if unit.side == "insurgent" and allowed:
            continue
        unit.target_id, unit.chasing, unit.aim_left = 0, False, 0


def _file_slots(world: World) -> dict[int, int]:
    counts: dict[int, int] = {}
    slots: dict[int, int] = {}
    for uid in world.units:
        civ = world.units[uid]
        if civ.side == "civilian" and civ.active and civ.leader_id and not civ.carried_by:
            slots[uid] = counts.get(civ.leader_id, 0)
            counts[civ.leader_id] = slots[uid] + 1
    return slots


def _set_escort_pace(world: World, slots: dict[int, int]) -> None:
    """A leader whose follower lags more than LAG_TILES beyond its place in the file slows
    to that follower's speed, so the group stays together."""
    for member in world.squad():
        member.pace = 0
    for uid, slot in slots.items():
        civ = world.units[uid]
        leader = world.units.get(civ.leader_id)
        if leader is None or civ.panic:
            continue
        gap = math.hypot(leader.x - civ.x, leader.y - civ.y) / SUB
        if gap > FOLLOW_GAP_TILES + slot * FILE_SPACING_TILES + LAG_TILES:
            speed = unit_speed(world, civ)
            leader.pace = min(leader.pace, speed) if leader.pace else speed


def _being_treated(world: World) -> set[int]:
    """Ids of the units a standing squad member is healing right now."""
    return {
        m.work_target for m in world.squad()
        if m.life == ACTIVE and m.activity == "healing" and m.work_target
    }


# -- following ----------------------------------------------------------------------------
def _follow(world: World, civ: Unit, slot: int) -> None:
    leader = world.units.get(civ.leader_id)
    if leader is None or not leader.active:
        return  # handed over (or left waiting) at the start of the tick
    aim = aim_point(world, leader)
    if aim is not None and in_line_of_fire(leader, aim, civ):
        goal = _behind(world, leader, aim)
        if goal is not None and goal != civ.tile:
            safe_course(world, civ, goal)
            return
    if in_extraction(world, leader):
        # at the pick-up point there is no gap to keep: everyone in
        if not civ.path or (world.tick + civ.id) % FOLLOW_REPLAN_TICKS == 0:
            safe_course(world, civ, leader.tile)
        return
    gap = math.hypot(leader.x - civ.x, leader.y - civ.y) / SUB
    near = gap <= FOLLOW_GAP_TILES + slot * FILE_SPACING_TILES
    if near and clear_of_walls(world, *civ.tile, *leader.tile):
        civ.path.clear()
        return
    if not civ.path or (world.tick + civ.id) % FOLLOW_REPLAN_TICKS == 0:
        safe_course(world, civ, leader.tile)


def aim_point(world: World, unit: Unit) -> tuple[int, int] | None:
    """Where a unit is shooting (sub units), or None when it is not."""
    if unit.target_id:
        target = world.units.get(unit.target_id)
        if target is not None and target.alive:
            return target.x, target.y
    if unit.ground_target is not None:
        return centre_of(unit.ground_target[0]), centre_of(unit.ground_target[1])
    return None


def in_line_of_fire(shooter: Unit, aim: tuple[int, int], unit: Unit) -> bool:
    along, across, length = _segment_coords(shooter.x, shooter.y, aim[0], aim[1], unit.x, unit.y)
    return 0 < along <= length and across <= LINE_OF_FIRE_TILES * SUB


def _segment_coords(
    ax: int, ay: int, bx: int, by: int, px: int, py: int
) -> tuple[float, float, float]:
    """Distance of p along the line a->b, its distance off that line, and the line's length."""
    dx, dy = bx - ax, by - ay
    length = math.hypot(dx, dy)
    if length == 0:
        return 0.0, math.hypot(px - ax, py - ay), 0.0
    along = ((px - ax) * dx + (py - ay) * dy) / length
    across = abs((px - ax) * dy - (py - ay) * dx) / length
    return along, across, length


def _behind(world: World, leader: Unit, aim: tuple[int, int]) -> tuple[int, int] | None:
    dx, dy = aim[0] - leader.x, aim[1] - leader.y
    length = math.hypot(dx, dy) or 1.0
    bx = int(leader.x - dx / length * BEHIND_TILES * SUB) // SUB
    by = int(leader.y - dy / length * BEHIND_TILES * SUB) // SUB
    grid = path_grid(world.caches, world.terrain)
    h, w = grid.walkable.shape
    bx, by = min(max(bx, 0), w - 1), min(max(by, 0), h - 1)
    spots = nearby_open_tiles(grid.walkable, (bx, by), 1, radius=2)
    return spots[0] if spots else None


# -- safe routes --------------------------------------------------------------------------
class SafeGrid(PathGrid):
    """Routes that treat tiles inside an insurgent's line of fire as DANGER_COST times as
    long, so a survivor crosses one only when no safe way of similar length exists."""

    def __init__(self, terrain: Any, danger: np.ndarray) -> None:
        super().__init__(terrain, np.where(danger, DANGER_COST, 1).astype(np.int16))
        self.danger = danger


def danger_map(world: World) -> np.ndarray:
    """Bool [y, x]: tiles some standing, visible insurgent could put a round into, whichever
    way it faces."""
    terrain = world.terrain
    danger = np.zeros(terrain.walkable.shape, dtype=bool)
    for unit in world.insurgents():
        weapon = unit.weapon
        if not unit.active or unit.hidden or weapon is None:
            continue
        tx, ty = unit.tile
        mask, (x0, y0) = view_mask(terrain, tx, ty, 0, weapon.range_tiles, 360)
        h, w = mask.shape
        danger[y0 : y0 + h, x0 : x0 + w] |= mask
    return danger


def safe_grid(world: World) -> SafeGrid:
    """The survivors' routing grid, rebuilt every DANGER_EVERY ticks (a function of the
    tick, so a replay rebuilds it at the same moments) and only when something changed."""
    key = (world.terrain.version, world.tick // DANGER_EVERY)
    cached = world.caches.get("safe_grid")
    if cached is not None and cached[0] == key:
        return cached[1]
    danger = danger_map(world)
    grid = cached[1] if cached is not None else None
    if grid is None or grid.version != world.terrain.version or not np.array_equal(
        grid.danger, danger
    ):
        grid = SafeGrid(world.terrain, danger)
    world.caches["safe_grid"] = (key, grid)
    return grid


def safe_course(world: World, civ: Unit, goal: tuple[int, int]) -> bool:
    path = safe_grid(world).find(civ.tile, goal)
    if not path and goal != civ.tile:
        return False
    civ.path = path
    civ.waypoints = []
    return True


# -- panic --------------------------------------------------------------------------------
def frighten(world: World, civ: Unit, source: tuple[int, int], events: list) -> None:
    """Gunfire or a blast near a found survivor: it panics (again), fleeing or freezing."""
    if civ.side != "civilian" or not civ.active or not civ.found or civ.carried_by:
        return
    first = civ.panic == 0
    civ.panic = PANIC_TICKS
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


def frighten_near(world: World, x: int, y: int, radius_tiles: float, events: list) -> None:
    """Every found survivor within radius of (x, y) (sub units) panics: for blasts."""
    for uid in world.units:
        civ = world.units[uid]
        if civ.side == "civilian" and math.hypot(civ.x - x, civ.y - y) <= radius_tiles * SUB:
            frighten(world, civ, (x, y), events)


def _panic_tick(world: World, civ: Unit, events: list) -> None:
    calm = any(
        m.active and math.hypot(m.x - civ.x, m.y - civ.y) <= CALM_TILES * SUB
        for m in world.squad()
    )
    civ.panic = max(0, civ.panic - 1 - (CALM_RATE if calm else 0))
    if civ.path:
        return  # still running for cover
    civ.activity = "cowering"
    if civ.panic == 0:
        civ.activity = "idle"
        events.append(SurvivorCalmed(civ.id))


def sheltered(world: World, tile: tuple[int, int], threat: tuple[int, int]) -> bool:
    """A tile the threat cannot see, or with cover on the threat's side."""
    tx, ty = tile
    sx, sy = threat
    if not clear_of_walls(world, sx, sy, tx, ty):
        return True
    if max(abs(tx - sx), abs(ty - sy)) <= 1:
        return False
    dx, dy = (sx > tx) - (sx < tx), (sy > ty) - (sy < ty)
    cover = world.terrain.cover
    for cx, cy in {(tx + dx, ty), (tx, ty + dy), (tx + dx, ty + dy)}:
        if (cx, cy) != (tx, ty) and world.terrain.in_bounds(cx, cy) and cover[cy, cx] > 0:
            return True
    return False


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
def react_to_fire(world: World, events: list) -> None:
    """Read this tick's shots and blasts: misses may hit a survivor in the way, and found
    survivors near a line of fire or a blast panic."""
    for event in list(events):
        kind = type(event).__name__
        if kind == "ShotFired":
            _react_to_shot(world, event, events)
        elif kind == "StrikeImpact":
            x, y = centre_of(event.x), centre_of(event.y)
            frighten_near(world, x, y, event.radius_sub / SUB + PANIC_TILES, events)


def _react_to_shot(world: World, shot: Any, events: list) -> None:
    target = world.units.get(shot.target_id) if shot.target_id else None
    # a miss's drawn end point comes from the cosmetic generator: rules use the aim instead
    aim = (target.x, target.y) if target is not None else (shot.x1, shot.y1)
    if not shot.hit:
        _stray_round(world, shot, aim, events)
    shooter = world.units.get(shot.shooter_id)
    if shooter is not None and shooter.side == "squad":
        return  # the squad's own fire does not send its survivors running
    for civ in world.civilians():
        uid = civ.id
        if not civ.found or civ.life != ACTIVE:
            continue
        if _off_segment(shot.x0, shot.y0, aim, civ) <= PANIC_TILES * SUB or uid == shot.target_id:
            frighten(world, civ, (shot.x0, shot.y0), events)


def _off_segment(x0: int, y0: int, aim: tuple[int, int], unit: Unit) -> float:
    """How far a unit is from the stretch between a muzzle and its aim point (sub units)."""
    along, across, length = _segment_coords(x0, y0, aim[0], aim[1], unit.x, unit.y)
    if along < 0:
        return math.hypot(unit.x - x0, unit.y - y0)
    if along > length:
        return math.hypot(unit.x - aim[0], unit.y - aim[1])
    return across


def _stray_round(world: World, shot: Any, aim: tuple[int, int], events: list) -> None:
    in_way = []
    for civ in world.civilians():
        uid = civ.id
        if civ.life not in _ALIVE or uid == shot.target_id:
            continue
        along, across, length = _segment_coords(shot.x0, shot.y0, aim[0], aim[1], civ.x, civ.y)
        if SUB <= along <= length + STRAY_REACH_TILES * SUB and across <= STRAY_TILES * SUB:
            sx, sy = shot.x0 // SUB, shot.y0 // SUB
            if clear_of_walls(world, sx, sy, *civ.tile):
                in_way.append((along, uid))
    if not in_way:
        return
    _, uid = min(in_way)
    if world.rng.random() < STRAY_HIT_CHANCE:
        weapon = WEAPONS.get(shot.weapon)
        damage = weapon.damage if weapon else 15
        apply_damage(world, world.units[uid], damage, shot.shooter_id, events, bleed_chance=0.5)


# -- carrying -----------------------------------------------------------------------------
def can_be_carried(unit: Unit) -> bool:
    if unit.carried_by or not unit.alive or unit.life == "gone":
        return False
    if unit.side == "civilian":
        return unit.found
    return unit.side == "squad" and unit.life == "downed"


def _update_carriers(world: World, events: list) -> None:
    for uid in world.units:
        unit = world.units[uid]
        if unit.side != "squad":
            continue
        carried = world.units.get(unit.carrying) if unit.carrying else None
        if carried is not None:
            if not unit.active:
                put_down(world, unit, events)
            else:
                # hands full: no aimed fire while carrying someone
                unit.target_id, unit.chasing, unit.ground_target = 0, False, None
        elif unit.carry_target:
            _approach_pickup(world, unit, events)


def _approach_pickup(world: World, unit: Unit, events: list) -> None:
    target = world.units.get(unit.carry_target)
    if not unit.active or target is None or not can_be_carried(target) or unit.carrying:
        unit.carry_target = 0
        return
    if math.hypot(target.x - unit.x, target.y - unit.y) <= PICKUP_TILES * SUB:
        unit.carry_target = 0
        unit.path.clear()
        pick_up(world, unit, target, events)
    elif not unit.path and (world.tick + unit.id) % FOLLOW_REPLAN_TICKS == 0:
        set_course(world, unit, target.tile)


def pick_up(world: World, carrier: Unit, unit: Unit, events: list) -> None:
    carrier.carrying = unit.id
    unit.carried_by = carrier.id
    unit.leader_id = 0
    unit.panic = 0
    unit.path.clear()
    unit.waypoints.clear()
    unit.x, unit.y = carrier.x, carrier.y
    if unit.active:
        unit.activity = "carried"
    events.append(UnitCarried(carrier.id, unit.id))


def put_down(world: World, carrier: Unit, events: list) -> None:
    unit = world.units.get(carrier.carrying)
    carrier.carrying = 0
    if unit is None:
        return
    unit.carried_by = 0
    if unit.active:
        unit.activity = "idle"
    events.append(UnitPutDown(carrier.id, unit.id))


def carry_along(world: World) -> None:
    """Carried people move with their carriers (after movement)."""
    for uid in world.units:
        carrier = world.units[uid]
        if carrier.carrying and carrier.carrying in world.units:
            unit = world.units[carrier.carrying]
            unit.x, unit.y = carrier.x, carrier.y
            unit.facing = carrier.facing
