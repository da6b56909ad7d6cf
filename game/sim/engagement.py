"""Rules of engagement and hold position: the orders that say when a squad member may
fire and whether it may walk, and the memory return fire needs (who fired on the squad).

The firing rule itself is queries.roe_allows (targets) and combat (hold fire never
fires); movement.move_units keeps a holding unit where it is.
"""

from __future__ import annotations

from game.sim import commands as c
from game.sim.facts import TickFacts
from game.sim.geometry import SUB
from game.sim.kinds import Roe, Side
from game.sim.queries import RETURN_FIRE_TICKS
from game.sim.units import Unit
from game.sim.world import World

NEAR_MISS_SUB2 = (2 * SUB) ** 2  # a round landing within two tiles counts as fired on


def _squad(world: World, ids: tuple[int, ...]) -> list[Unit]:
    units = [world.units.get(i) for i in ids]
    return [u for u in units if u is not None and u.side == Side.SQUAD and u.alive]


def set_roe(world: World, cmd: c.SetRoe) -> str:
    if cmd.roe not in Roe._value2member_map_:
        return f"no such rules of engagement: {cmd.roe[:40]}"
    units = _squad(world, cmd.unit_ids)
    if not units:
        return "no squad member to order"
    for unit in units:
        unit.squad.roe = Roe(cmd.roe)
        unit.squad.fired_on_by.clear()  # return fire answers fire from now on
        if unit.squad.roe == Roe.HOLD_FIRE:
            unit.target_id, unit.ground_target, unit.chasing = 0, None, False
    return ""


def hold_position(world: World, cmd: c.HoldPosition) -> str:
    units = [u for u in _squad(world, cmd.unit_ids) if u.active]
    if not units:
        return "no squad member to order"
    for unit in units:
        unit.squad.holding = cmd.hold
        if cmd.hold:
            unit.path.clear()
            unit.waypoints.clear()
            unit.chasing = False
    return ""


def note_incoming_fire(world: World, facts: TickFacts) -> None:
    """Squad members on return fire remember who fired on the squad this tick: a shot at
    one of them, or a round landing close to one. Only they keep this memory, so under
    the default orders nothing new enters the state."""
    listeners = [u for u in world.squad() if u.squad.roe == Roe.RETURN_FIRE and u.alive]
    if not listeners or not facts.shots:
        return
    squad = [u for u in world.squad() if u.alive]
    for shot in facts.shots:
        shooter = world.units.get(shot.shooter_id)
        if shooter is None or shooter.side != Side.INSURGENT:
            continue
        if not any(_fired_on(shot, u) for u in squad):
            continue
        for unit in listeners:
            unit.squad.fired_on_by[shooter.id] = world.tick
    for unit in listeners:  # forget old news, so the memory stays small
        stale = [k for k, t in unit.squad.fired_on_by.items() if world.tick - t > RETURN_FIRE_TICKS]
        for k in stale:
            del unit.squad.fired_on_by[k]


def _fired_on(shot, unit: Unit) -> bool:
    if shot.target_id == unit.id:
        return True
    ex, ey = shot.end
    return (ex - unit.x) ** 2 + (ey - unit.y) ** 2 <= NEAR_MISS_SUB2
