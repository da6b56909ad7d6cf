"""Autopilot step 5 and the mission's state: found survivors follow the escort, whether
the objective can now be met (then everyone heads out), and whether the escort keeps
walking the survivors out while the others fight."""

from __future__ import annotations

from game.ai.autopilot_knowledge import found_survivors
from game.ai.autopilot_pass import Think
from game.sim.commands import Follow


def lead_survivors(t: Think) -> None:
    """Found survivors with nobody standing to follow are told to follow the escort."""
    escort = t.escort()
    loose = []
    for civ in found_survivors(t.world):
        leader = t.world.units.get(civ.survivor.leader_id)
        if civ.active and not civ.carried_by and (leader is None or not leader.active):
            loose.append(civ.id)
    if loose:
        t.orders.append(Follow(tuple(loose), escort.id))


def decide_phase(t: Think) -> None:
    """"extract" once the survivors saved or with us are enough and every required crate
    is delivered or carried; "search" until then."""
    world = t.world
    rules = world.scenario.rules
    saved = world.stats.rescued
    with_us = len(found_survivors(world))
    crates_ok = all(
        c.delivered or c.carrier_id for c in world.crates.values() if c.required
    )
    enough = saved + with_us >= rules.rescue_required and crates_ok
    t.state.phase = "extract" if enough else "search"


def leading_out(t: Think) -> int:
    """With enough survivors found, their escort keeps walking them out while the
    others fight: a leader who turns to fight walks the children into the fire. Returns
    the escort's id, or 0 when everyone fights."""
    world = t.world
    needed = world.scenario.rules.rescue_required > world.stats.rescued
    if t.state.phase != "extract" or len(t.squad) < 2 or not needed:
        return 0  # survivors not needed for the objective: everyone fights
    escort = t.escort()
    followers = [c for c in found_survivors(world) if c.survivor.leader_id == escort.id]
    return escort.id if followers else 0
