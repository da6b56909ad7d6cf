"""Survivors once found: a loose file behind their leader, safe routes, panic, being carried.

Rules in numbers (tunable below):
- Followers of one leader take slots in id order; slot k waits once it is within
  FOLLOW_GAP_TILES + k * FILE_SPACING_TILES of the leader with a clear line to it, so a
  group trails out in a loose file and keeps walking around corners. A leader whose
  follower falls LAG_TILES further behind walks at that follower's speed (unit.squad.pace).
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

from game.sim.carrying import update_carriers
from game.sim.events import RadioMessage
from game.sim.geometry import SUB, centre_of, segment_coords
from game.sim.kinds import Side
from game.sim.mission import in_extraction
from game.sim.movement import unit_speed
from game.sim.panic import panic_tick
from game.sim.pathing import (
    nearby_open_tiles,
    path_grid,
)
from game.sim.safe_routes import safe_course, warm_fire_fields
from game.sim.smoke import clear_of_walls
from game.sim.units import ACTIVE, Unit
from game.sim.world import World

FOLLOW_GAP_TILES = 1.5
FILE_SPACING_TILES = 0.9
FOLLOW_REPLAN_TICKS = 15
LAG_TILES = 1.5
LINE_OF_FIRE_TILES = 1.0
BEHIND_TILES = 2


# -- once a tick, after orders ------------------------------------------------------------
def update_survivors(world: World, events: list) -> None:
    hold_fire_on_civilians(world)
    update_carriers(world, events)
    slots = _file_slots(world)
    _set_escort_pace(world, slots)
    _hand_over_from_the_fallen(world, events)
    treated = _being_treated(world)  # nothing below changes who is healing whom
    for civ in world.civilians():
        uid = civ.id
        if civ.life != ACTIVE or civ.carried_by:
            continue
        if civ.survivor.panic:
            panic_tick(world, civ, events)
        elif uid in treated:
            civ.path.clear()
        elif civ.survivor.leader_id:
            _follow(world, civ, slots.get(uid, 0))
    warm_fire_fields(world)  # for the next safe routes (a cache only: no rule reads it)


HANDOVER_TILES = 8.0


def _hand_over_from_the_fallen(world: World, events: list) -> None:
    """When a leader goes down, the nearest standing squad mate within reach takes their
    survivors on (one radio line); with nobody near they stay put until someone does."""
    orphans: dict[int, list[Unit]] = {}
    for civ in world.civilians():
        if civ.life != ACTIVE or not civ.survivor.leader_id:
            continue
        leader = world.units.get(civ.survivor.leader_id)
        if leader is None or not leader.active:
            orphans.setdefault(civ.survivor.leader_id, []).append(civ)
    for fallen_id, group in orphans.items():
        heir = _nearest_standing(world, group[0], HANDOVER_TILES)
        for civ in group:
            civ.survivor.leader_id = heir.id if heir is not None else 0
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
    units = world.units
    for unit in units.values():
        if not unit.target_id:
            continue
        target = units.get(unit.target_id)
        if target is None or target.side != _CIVILIAN:
            continue
        if unit.side == _INSURGENT and allowed:
            continue
        unit.target_id, unit.chasing, unit.aim_left = 0, False, 0


def _file_slots(world: World) -> dict[int, int]:
    counts: dict[int, int] = {}
    slots: dict[int, int] = {}
    for civ in world.civilians():  # id order
        uid = civ.id
        leader = civ.survivor.leader_id
        if leader and civ.life == ACTIVE and not civ.carried_by:
            slots[uid] = counts.get(leader, 0)
            counts[leader] = slots[uid] + 1
    return slots


def _set_escort_pace(world: World, slots: dict[int, int]) -> None:
    """A leader whose follower lags more than LAG_TILES beyond its place in the file slows
    to that follower's speed, so the group stays together."""
    for member in world.squad():
        member.squad.pace = 0
    for uid, slot in slots.items():
        civ = world.units[uid]
        leader = world.units.get(civ.survivor.leader_id)
        if leader is None or civ.survivor.panic:
            continue
        gap = math.hypot(leader.x - civ.x, leader.y - civ.y) / SUB
        if gap > FOLLOW_GAP_TILES + slot * FILE_SPACING_TILES + LAG_TILES:
            speed = unit_speed(world, civ)
            leader.squad.pace = min(leader.squad.pace, speed) if leader.squad.pace else speed


def _being_treated(world: World) -> set[int]:
    """Ids of the units a standing squad member is healing right now."""
    return {
        m.squad.work_target for m in world.squad()
        if m.life == ACTIVE and m.activity == "healing" and m.squad.work_target
    }


# -- following ----------------------------------------------------------------------------
def _follow(world: World, civ: Unit, slot: int) -> None:
    leader = world.units.get(civ.survivor.leader_id)
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
    along, across, length = segment_coords(shooter.x, shooter.y, aim[0], aim[1], unit.x, unit.y)
    return 0 < along <= length and across <= LINE_OF_FIRE_TILES * SUB


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


# enum members, looked up once (slow to read off their class)
_CIVILIAN, _INSURGENT = Side.CIVILIAN, Side.INSURGENT
