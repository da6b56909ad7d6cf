"""The evac as an event: on a map whose `evac` is "call", the vehicles must be called.

Rules (the map sets the numbers: evac_eta, evac_wait, in seconds):
- CallEvac is accepted once, while a squad member stands; the vehicles reach the
  extraction zone evac_eta seconds later, then wait up to evac_wait seconds.
- Nobody is saved by walking into the zone: the vehicles leave with whoever is inside it
  (survivors walking or carried are saved, squad members are out). They leave early
  once everyone alive in the squad is aboard and the objective is met with those aboard.
- The departure decides the mission (mission.decide_outcome): victory if the objective
  is met and the whole living squad left aboard, defeat otherwise.
Maps whose evac is "walk" (the default) never reach this module's rules.
"""

from __future__ import annotations

from game.sim.catalog import TICK_HZ
from game.sim.commands import CallEvac
from game.sim.events import EvacArrived, EvacCalled, EvacDeparted, RadioMessage
from game.sim.geometry import SUB
from game.sim.kinds import Side
from game.sim.mission import in_extraction, objective_met, save_survivor
from game.sim.units import GONE, Unit
from game.sim.world import World

CALL = "call"
WALK = "walk"
EVAC_MODES = (WALK, CALL)
CONVOY = "Convoy"  # the radio callsign of the vehicles


def needs_call(world: World) -> bool:
    return world.scenario.rules.evac == CALL


def request_evac(world: World, cmd: CallEvac) -> str:
    """Accept a call for the vehicles, or say why not (a CommandRefused reason)."""
    if not needs_call(world):
        return "no vehicles on this mission: walk into the extraction zone"
    evac = world.evac
    if evac.departed:
        return "the vehicles have left"
    if evac.called_tick >= 0:
        return "the vehicles are already on their way"
    caller = _caller(world, cmd.caller_id)
    if caller is None:
        return "no one standing to make the call"
    rules = world.scenario.rules
    evac.called_tick = world.tick
    evac.caller_id = caller.id
    evac.arrive_tick = world.tick + rules.evac_eta_s * TICK_HZ
    return ""


def _caller(world: World, caller_id: int) -> Unit | None:
    chosen = world.units.get(caller_id) if caller_id else None
    if chosen is not None and chosen.side == Side.SQUAD and chosen.active:
        return chosen
    if caller_id:
        return None  # a named caller who cannot call
    return next((u for u in world.squad() if u.active), None)


def announce_call(world: World, events: list) -> None:
    """The radio exchange for a call accepted this tick (orders run before this)."""
    evac = world.evac
    caller = world.units[evac.caller_id]
    zone = world.scenario.extractions[0].name if world.scenario.extractions else "Bravo"
    seconds = world.scenario.rules.evac_eta_s
    events.append(EvacCalled(caller.id, evac.arrive_tick))
    events.append(RadioMessage(caller.name, f"{CONVOY}, we need the vehicles at {zone}."))
    events.append(RadioMessage(CONVOY, f"On our way to {zone}. {seconds} seconds. Hold it."))


def run_evac(world: World, events: list) -> None:
    """Announce a fresh call, bring the vehicles in when due, and send them off."""
    evac = world.evac
    if not needs_call(world) or evac.called_tick < 0 or evac.departed:
        return
    if evac.called_tick == world.tick:
        announce_call(world, events)
    if not evac.arrived:
        if world.tick < evac.arrive_tick:
            return
        _arrive(world, events)
    if world.tick >= evac.leave_tick or _all_aboard(world):
        _depart(world, events)


def _arrive(world: World, events: list) -> None:
    evac = world.evac
    evac.arrived = True
    evac.leave_tick = world.tick + world.scenario.rules.evac_wait_s * TICK_HZ
    x, y = zone_edge_tile(world)
    events.append(EvacArrived(x, y, evac.leave_tick))
    seconds = world.scenario.rules.evac_wait_s
    events.append(RadioMessage(CONVOY, f"Vehicles at the zone. Mount up: we roll in {seconds} "
                               "seconds."))


def zone_edge_tile(world: World) -> tuple[int, int]:
    """Where the vehicles stand: the middle of the first zone's bottom row (tiles)."""
    if not world.scenario.extractions:
        return 0, 0
    x0, y0, x1, y1 = world.scenario.extractions[0].rect
    return (x0 + x1) // 2 // SUB, max(y0, y1 - 1) // SUB


def aboard_survivors(world: World) -> list[Unit]:
    """Found survivors inside the zone, walking or carried: those who leave with the
    vehicles."""
    return [c for c in world.civilians()
            if c.survivor.found and c.alive and c.life != GONE and c.id not in world.rescued_ids
            and (c.active or c.carried_by) and in_extraction(world, c)]


def _all_aboard(world: World) -> bool:
    """Everyone alive in the squad in the zone, one standing, and the objective met with
    the survivors aboard: nothing is gained by waiting longer."""
    alive = [u for u in world.squad() if u.alive]
    if not any(u.active for u in alive) or not all(in_extraction(world, u) for u in alive):
        return False
    return objective_met(world, extra=len(aboard_survivors(world)))


def _depart(world: World, events: list) -> None:
    evac = world.evac
    aboard = aboard_survivors(world)
    for civ in aboard:
        save_survivor(world, civ, events)
    squad = sum(1 for u in world.squad() if u.alive and in_extraction(world, u))
    evac.departed = True
    events.append(EvacDeparted(len(aboard), squad))
    events.append(RadioMessage(CONVOY, "Rolling out."))
