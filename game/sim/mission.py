"""The mission's rules: extraction, objective items, victory and defeat.

Victory holds exactly when the objective is met (rescue_required survivors saved and every
required crate delivered) and every squad member still alive is inside the extraction
zone, at least one of them on their feet (a downed member counts once carried in).
Defeat comes exactly when victory can no longer happen: nobody in the squad is standing,
too few survivors remain alive to reach rescue_required, or the time limit ran out.
On a map whose evac is "call" (evac.py) survivors are saved only by leaving with the
vehicles, so victory can come only on the departure tick, and a departure that does not
bring victory is a defeat: the vehicles do not come back.
"""

from __future__ import annotations

from game.sim.catalog import TICK_HZ
from game.sim.events import (
    CivilianRescued,
    CrateDelivered,
    MissionEnded,
    ObjectiveComplete,
    RadioMessage,
    SquadExtracted,
)
from game.sim.kinds import Side
from game.sim.units import ACTIVE, GONE, Unit
from game.sim.world import OUTCOME_DEFEAT, OUTCOME_UNDECIDED, OUTCOME_VICTORY, World


def in_extraction(world: World, unit: Unit) -> bool:
    return point_in_extraction(world, unit.x, unit.y)


def point_in_extraction(world: World, x: int, y: int) -> bool:
    for zone in world.scenario.extractions:
        x0, y0, x1, y1 = zone.rect
        if x0 <= x < x1 and y0 <= y < y1:
            return True
    return False


def _by_id(unit: Unit) -> int:
    return unit.id


def extract_units(world: World, events: list) -> None:
    """Found survivors who reach the zone (walking or carried) are saved, once each;
    crates carried into the zone are delivered."""
    crates = world.crates
    # id order; insurgents neither are saved nor carry crates: the two other sides only
    for unit in sorted(world.squad() + world.civilians(), key=_by_id):
        side = unit.side
        if side == _CIVILIAN:
            if unit.survivor.found and unit.id not in world.rescued_ids:  # its first test
                _extract_survivor(world, unit, events)
        elif side == _SQUAD and unit.carrying and unit.life == ACTIVE and unit.carrying in crates:
            _deliver_crate(world, unit, events)
    has_goal = world.scenario.rules.rescue_required > 0 or any(
        c.required for c in world.crates.values()
    )
    if has_goal and not world.objective_announced and objective_met(world):
        world.objective_announced = True
        events.append(ObjectiveComplete(world.stats.rescued))
        events.append(RadioMessage("Colonel Rahim", "That's the objective. All units, Bravo, now."))


_CIVILIAN, _SQUAD = Side.CIVILIAN, Side.SQUAD  # enum members are slow to look up


def evac_called_for(world: World) -> bool:
    """The map's vehicles must be called (evac.py): nobody is saved by walking in."""
    return world.scenario.rules.evac == "call"


def _extract_survivor(world: World, unit: Unit, events: list) -> None:
    if not unit.survivor.found or unit.life == GONE or unit.id in world.rescued_ids:
        return
    if not (unit.active or unit.carried_by) or not in_extraction(world, unit):
        return
    if evac_called_for(world):
        return  # they wait in the zone for the vehicles
    save_survivor(world, unit, events)


def save_survivor(world: World, unit: Unit, events: list) -> None:
    """A survivor out of the fight for good: counted once, off the map."""
    carrier = world.units.get(unit.carried_by)
    if carrier is not None and carrier.carrying == unit.id:
        carrier.carrying = 0
    unit.carried_by = 0
    unit.life = GONE
    unit.activity = "rescued"
    unit.path.clear()
    unit.survivor.leader_id = 0
    unit.bleed = 0
    world.rescued_ids.add(unit.id)
    world.stats.rescued = len(world.rescued_ids)
    events.append(CivilianRescued(unit.id))
    left = world.scenario.rules.rescue_required - world.stats.rescued
    line = "Survivor at Bravo." + (f" {left} still to bring out." if left > 0 else "")
    events.append(RadioMessage("Bravo", line))


def _deliver_crate(world: World, unit: Unit, events: list) -> None:
    if not in_extraction(world, unit):
        return
    crate = world.crates[unit.carrying]
    unit.carrying = 0
    crate.carrier_id = 0
    crate.delivered = True
    world.stats.crates_delivered += 1
    events.append(CrateDelivered(crate.id, unit.id, crate.kind))
    events.append(RadioMessage("Bravo", f"The {crate.kind} crate is aboard."))


def objective_met(world: World, extra: int = 0) -> bool:
    """The goal reached, counting `extra` survivors about to be saved (evac.py)."""
    if world.stats.rescued + extra < world.scenario.rules.rescue_required:
        return False
    return all(c.delivered for c in world.crates.values() if c.required)


def still_savable(world: World) -> int:
    """Survivors who could yet be saved: alive and not yet out (found or not)."""
    return sum(1 for c in world.civilians() if c.alive and c.id not in world.rescued_ids)


def victory_holds(world: World) -> bool:
    alive = [u for u in world.squad() if u.alive]
    if not any(u.active for u in alive) or not objective_met(world):
        return False
    if evac_called_for(world) and not world.evac.departed:
        return False  # only the vehicles take anyone out
    return all(in_extraction(world, u) for u in alive)


def defeat_reason(world: World) -> str:
    """Why the mission can no longer be won, or "" while it still can."""
    if not any(u.active for u in world.squad()):
        return "The squad is down."
    if evac_called_for(world) and world.evac.departed:
        return _departed_reason(world)
    if world.stats.rescued + still_savable(world) < world.scenario.rules.rescue_required:
        return "Too few survivors remain alive to meet the goal."
    limit = world.scenario.rules.time_limit_s
    if limit and world.tick + 1 >= limit * TICK_HZ:  # this step ends at tick + 1
        return "Out of time."
    return ""


def _departed_reason(world: World) -> str:
    """What the vehicles leaving cost: too few survivors aboard, or someone of the squad
    left behind (the squad that rode out with some survivors was told it left without
    them)."""
    needed = world.scenario.rules.rescue_required
    if world.stats.rescued < needed:
        return f"The vehicles left with {world.stats.rescued} of the {needed} survivors needed."
    return "The vehicles left without the whole squad aboard."


def decide_outcome(world: World, events: list) -> None:
    if world.outcome != OUTCOME_UNDECIDED:
        return
    if victory_holds(world):
        for unit in world.squad():
            if unit.alive:
                events.append(SquadExtracted(unit.id))
        _end(world, OUTCOME_VICTORY, "Objective met and the squad is out.", events)
        return
    reason = defeat_reason(world)
    if reason:
        _end(world, OUTCOME_DEFEAT, reason, events)


def _end(world: World, outcome: str, reason: str, events: list) -> None:
    world.outcome = outcome
    world.outcome_reason = reason
    events.append(MissionEnded(outcome, reason))
