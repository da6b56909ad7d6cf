"""apply_commands: turn orders into unit intentions, or refuse them with a reason."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from game.sim import commands as c
from game.sim.airstrike import request_strike
from game.sim.bodies import open_ground, rest_this_tick
from game.sim.carrying import put_down
from game.sim.engagement import hold_position, set_roe
from game.sim.evac import request_evac
from game.sim.events import CommandRefused
from game.sim.geometry import SUB
from game.sim.grenades import request_throw
from game.sim.gun_run import request_gun_run
from game.sim.interactions import start_interaction
from game.sim.kinds import Life, Roe, Side
from game.sim.movement import set_course
from game.sim.pathing import nearby_open_tiles, path_grid
from game.sim.queries import (
    GATHER_RADIUS_TILES,
    can_be_carried,
    gives_full_treatment,
    in_squad_sight,
    needs_care,
    survivors_to_gather,
)
from game.sim.units import Unit
from game.sim.world import World


def apply_commands(world: World, commands: list[Any], events: list) -> None:
    for command in commands:
        handler = _HANDLERS.get(type(command))
        if handler in _EVENTFUL:  # handlers whose effect is itself an event
            reason = handler(world, command, events)
        else:
            reason = handler(world, command) if handler else "unknown command"
        if reason:
            unit_id = _first_unit(command)
            events.append(CommandRefused(type(command).__name__, reason, unit_id))


def _first_unit(command: Any) -> int:
    ids = getattr(command, "unit_ids", None)
    if ids:
        return int(ids[0])
    return int(getattr(command, "unit_id", 0) or getattr(command, "leader_id", 0)
               or getattr(command, "medic_id", 0) or getattr(command, "caller_id", 0))


def _movable(world: World, ids: tuple[int, ...]) -> list[Unit]:
    units = [world.units.get(i) for i in ids]
    return [u for u in units if u is not None and u.active and u.side != Side.CIVILIAN]


def _move(world: World, cmd: c.Move) -> str:
    units = _movable(world, cmd.unit_ids)
    if not units:
        return "no unit that can move"
    if not world.terrain.in_bounds(cmd.x, cmd.y):
        return "outside the map"
    # each its own tile round the goal, nearest first, none where another unit rests
    goals = _open_goal(world, units[0], (cmd.x, cmd.y)) if len(units) == 1 else []
    if not goals:
        ground = open_ground(world, {u.id for u in units})
        goals = nearby_open_tiles(ground, (cmd.x, cmd.y), len(units))
    if not goals:
        return "no open ground there"
    moved = 0
    for unit, goal in zip(units, goals * len(units), strict=False):
        _clear_job(unit)
        if unit.squad_state is not None:
            unit.squad_state.holding = False  # a move is a new order: it ends a hold
        if not cmd.queue:
            unit.target_id, unit.chasing, unit.ground_target = 0, False, None
        moved += set_course(world, unit, goal, queue=cmd.queue)
    return "" if moved else "no route there"


def _open_goal(world: World, unit: Unit, goal: tuple[int, int]) -> list[tuple[int, int]]:
    """[goal] when one unit may have the goal itself (open ground there: what
    nearby_open_tiles on open_ground answers first), without copying the grid for it;
    [] when the nearest other tile must be looked for."""
    x, y = goal
    if not path_grid(world.caches, world.terrain).walkable[y, x]:
        return []
    resting = rest_this_tick(world).get(goal)
    return [goal] if resting is None or resting == unit.id else []


def _stop(world: World, cmd: c.Stop) -> str:
    for unit in _movable(world, cmd.unit_ids):
        unit.path.clear()
        unit.waypoints.clear()
        unit.target_id, unit.chasing, unit.ground_target = 0, False, None
        _clear_job(unit)
        unit.activity = "idle"
    return ""


def _attack(world: World, cmd: c.Attack) -> str:
    target = world.units.get(cmd.target_id)
    if target is None or not target.alive or target.life == Life.GONE:
        return "no such target"
    attackers = [u for u in _movable(world, cmd.unit_ids) if u.weapon is not None]
    if not attackers:
        return "no unit that can fire"
    for unit in attackers:
        if unit.side == Side.SQUAD and unit.squad.roe == Roe.HOLD_FIRE:
            return "holding fire: change the rules of engagement first"
        if unit.side == Side.SQUAD and not in_squad_sight(world, target):
            return "target not in sight"
        if unit.side == target.side:
            return "will not fire on a friend"
        _clear_job(unit)
        unit.target_id, unit.ground_target = target.id, None
        unit.chasing = unit.side == Side.SQUAD
        unit.waypoints.clear()
        unit.path.clear()
    return ""


def _attack_ground(world: World, cmd: c.AttackGround) -> str:
    if not world.terrain.in_bounds(cmd.x, cmd.y):
        return "outside the map"
    for unit in _movable(world, cmd.unit_ids):
        if unit.side == Side.SQUAD and unit.squad.roe == Roe.HOLD_FIRE:
            continue
        if unit.weapon is not None:
            unit.ground_target, unit.target_id, unit.chasing = (cmd.x, cmd.y), 0, False
    return ""


def _face(world: World, cmd: c.Face) -> str:
    for unit in _movable(world, cmd.unit_ids):
        unit.facing = cmd.angle % 360
        unit.path.clear()
        unit.waypoints.clear()
    return ""


def _standing_member(world: World, unit_id: int):
    unit = world.units.get(unit_id)
    return unit if unit is not None and unit.side == Side.SQUAD and unit.active else None


NO_LEADER = "the leader must be a standing squad member"


def _follow(world: World, cmd: c.Follow) -> str:
    leader = _standing_member(world, cmd.leader_id)
    if leader is None:
        return NO_LEADER
    followers = [world.units.get(i) for i in cmd.unit_ids]
    ready = [
        u for u in followers
        if u and u.side == Side.CIVILIAN and u.survivor.found and u.active and not u.carried_by
    ]
    if not ready:
        return "no found survivor to lead"
    for civ in ready:
        civ.survivor.leader_id = leader.id  # also hands a survivor over from another member
        civ.path.clear()
    return ""


def _gather(world: World, cmd: c.Gather) -> str:
    leader = _standing_member(world, cmd.leader_id)
    if leader is None:
        return NO_LEADER
    near = [u.id for u in survivors_to_gather(world, leader)]
    if not near:
        # the whole squad told to gather: the first member took everyone near, and the
        # rest have nothing left to do, which is no refusal
        return "" if _led_nearby(world, leader) else "no found survivor nearby"
    return _follow(world, c.Follow(tuple(near), leader.id))


def _led_nearby(world: World, leader: Unit) -> bool:
    """A found survivor near `leader` already follows a squad member."""
    return any(u.survivor.found and u.active and u.survivor.leader_id
               and math.hypot(u.x - leader.x, u.y - leader.y) / SUB <= GATHER_RADIUS_TILES
               for u in world.civilians())


def _heal(world: World, cmd: c.Heal) -> str:
    medic = world.units.get(cmd.medic_id)
    patient = world.units.get(cmd.target_id)
    if medic is None or medic.side != Side.SQUAD or not medic.active:
        return "no one able to give aid"
    if patient is None or not patient.alive or patient.side == Side.INSURGENT:
        return "no one to treat there"
    if patient.life == Life.GONE:
        return "already out"
    if patient.id == medic.id and not gives_full_treatment(medic):
        return "only the medic can treat herself"
    if not needs_care(patient):
        return "not hurt"
    if not gives_full_treatment(medic) and not patient.bleed:
        return "only Hana can treat that: nothing to stabilise"
    _clear_job(medic)
    medic.squad.work_target = patient.id
    medic.target_id, medic.chasing = 0, False
    set_course(world, medic, patient.tile)
    return ""


def _interact(world: World, cmd: c.Interact, events: list) -> str:
    unit = world.units.get(cmd.unit_id)
    if unit is None or unit.side != Side.SQUAD or not unit.active:
        return "no one able to do that"
    return start_interaction(world, unit, (cmd.x, cmd.y), events)


def _carry(world: World, cmd: c.Carry, events: list) -> str:
    """Walk over to a found survivor or a downed member and lift them; target 0 sets
    down whoever is carried."""
    unit = world.units.get(cmd.unit_id)
    if unit is None or unit.side != Side.SQUAD or not unit.active:
        return "no one able to carry"
    if not cmd.target_id:
        if unit.carrying not in world.units:
            return "not carrying anyone"
        put_down(world, unit, events)
        return ""
    target = world.units.get(cmd.target_id)
    if target is None or target.id == unit.id or not can_be_carried(target):
        return "no one to carry there"
    if unit.carrying:
        return "hands full"
    _clear_job(unit)
    unit.target_id, unit.chasing, unit.ground_target = 0, False, None
    unit.squad.carry_target = target.id
    set_course(world, unit, target.tile)
    return ""


def _clear_job(unit: Unit) -> None:
    job = unit.squad_state  # insurgents take moves and targets too, but never jobs
    if job is not None:
        job.work_left, job.work_target, job.work_tile = 0, 0, None
        job.carry_target, job.aid_kit = 0, False
    if unit.activity in ("healing", "working"):
        unit.activity = "idle"


_HANDLERS: dict[type, Callable[..., str]] = {
    c.Move: _move,
    c.Stop: _stop,
    c.Attack: _attack,
    c.AttackGround: _attack_ground,
    c.Face: _face,
    c.Follow: _follow,
    c.Gather: _gather,
    c.Heal: _heal,
    c.Interact: _interact,
    c.CallStrike: request_strike,
    c.CallGunRun: request_gun_run,
    c.Carry: _carry,
    c.CallEvac: request_evac,
    c.SetRoe: set_roe,
    c.HoldPosition: hold_position,
    c.ThrowGrenade: request_throw,
}
_EVENTFUL = (_interact, _carry, request_throw)
