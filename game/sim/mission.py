"""The mission's rules: followers, extraction, crates, victory and defeat."""

from __future__ import annotations

import math

from game.sim.catalog import TICK_HZ
from game.sim.events import CivilianRescued, MissionEnded, RadioMessage, SquadExtracted
from game.sim.geometry import SUB
from game.sim.movement import set_course
from game.sim.units import GONE, Unit
from game.sim.world import OUTCOME_DEFEAT, OUTCOME_UNDECIDED, OUTCOME_VICTORY, World

FOLLOW_GAP_TILES = 2.0
FOLLOW_REPLAN_TICKS = 15


def in_extraction(world: World, unit: Unit) -> bool:
    for zone in world.scenario.extractions:
        x0, y0, x1, y1 = zone.rect
        if x0 <= unit.x < x1 and y0 <= unit.y < y1:
            return True
    return False


def lead_followers(world: World) -> None:
    """Found survivors walk after their assigned squad member, keeping a small gap."""
    for uid in sorted(world.units):
        civ = world.units[uid]
        if civ.side != "civilian" or not civ.active or not civ.leader_id:
            continue
        leader = world.units.get(civ.leader_id)
        if leader is None or not leader.active:
            civ.leader_id = 0
            civ.path.clear()
            continue
        gap = math.hypot(leader.x - civ.x, leader.y - civ.y) / SUB
        if gap <= FOLLOW_GAP_TILES:
            civ.path.clear()
            continue
        if not civ.path or (world.tick + uid) % FOLLOW_REPLAN_TICKS == 0:
            set_course(world, civ, leader.tile)


def extract_units(world: World, events: list) -> None:
    for uid in sorted(world.units):
        unit = world.units[uid]
        if unit.side != "civilian" or not unit.active or not unit.found:
            continue
        if in_extraction(world, unit):
            unit.life = GONE
            unit.activity = "rescued"
            unit.path.clear()
            world.stats.rescued += 1
            events.append(CivilianRescued(unit.id))
            left = world.scenario.rules.rescue_required - world.stats.rescued
            line = "Survivor at Bravo." + (f" {left} still to bring out." if left > 0 else "")
            events.append(RadioMessage("Bravo", line))


def objective_met(world: World) -> bool:
    if world.stats.rescued < world.scenario.rules.rescue_required:
        return False
    return all(c.delivered for c in world.crates.values() if c.required)


def decide_outcome(world: World, events: list) -> None:
    if world.outcome != OUTCOME_UNDECIDED:
        return
    squad = world.squad()
    standing = [u for u in squad if u.active]
    if not standing:
        _end(world, OUTCOME_DEFEAT, "The squad is down.", events)
        return
    still_savable = sum(1 for c in world.civilians() if c.alive and c.life != GONE)
    if world.stats.rescued + still_savable < world.scenario.rules.rescue_required:
        _end(world, OUTCOME_DEFEAT, "Too few survivors remain alive to meet the goal.", events)
        return
    limit = world.scenario.rules.time_limit_s
    if limit and world.tick >= limit * TICK_HZ:
        _end(world, OUTCOME_DEFEAT, "Out of time.", events)
        return
    if objective_met(world) and all(in_extraction(world, u) for u in standing):
        for unit in standing:
            events.append(SquadExtracted(unit.id))
        _end(world, OUTCOME_VICTORY, "Objective met and the squad is out.", events)


def _end(world: World, outcome: str, reason: str, events: list) -> None:
    world.outcome = outcome
    world.outcome_reason = reason
    events.append(MissionEnded(outcome, reason))
