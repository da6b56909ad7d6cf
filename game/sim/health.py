"""Wounds: damage, bleeding, being downed, bleeding out, and the medic's care."""

from __future__ import annotations

from game.sim.catalog import TICK_HZ
from game.sim.events import UnitDamaged, UnitDowned, UnitKilled, UnitRevived
from game.sim.units import DEAD, DOWNED, Unit
from game.sim.world import World

BLEED_OUT_TICKS = 45 * TICK_HZ  # a downed member dies unless stabilised within this
HEAL_TICKS = 3 * TICK_HZ
HEAL_HP = 45
REVIVE_HP = 30


def apply_damage(
    world: World, unit: Unit, amount: int, source_id: int, events: list, bleed_chance: float = 0.0
) -> None:
    if not unit.alive or amount <= 0:
        return
    if unit.life == DOWNED:
        _kill(world, unit, source_id, events)
        return
    unit.hp = max(0, unit.hp - amount)
    events.append(UnitDamaged(unit.id, amount, unit.hp, source_id))
    if bleed_chance and unit.side != "insurgent" and world.rng.random() < bleed_chance:
        unit.bleed = max(unit.bleed, 1)
    if unit.hp > 0:
        return
    if unit.side == "insurgent":
        _kill(world, unit, source_id, events)
    else:
        _down(unit, events)


def _down(unit: Unit, events: list) -> None:
    unit.life = DOWNED
    unit.activity = "downed"
    unit.path.clear()
    unit.waypoints.clear()
    unit.target_id = 0
    unit.downed_ticks = 0
    unit.bleed = max(unit.bleed, 1)
    events.append(UnitDowned(unit.id))


def _kill(world: World, unit: Unit, source_id: int, events: list) -> None:
    unit.life = DEAD
    unit.hp = 0
    unit.activity = "dead"
    unit.path.clear()
    unit.waypoints.clear()
    unit.target_id = 0
    unit.bleed = 0
    if unit.side == "insurgent":
        world.stats.kills += 1
    elif unit.side == "squad":
        world.stats.squad_lost += 1
    else:
        world.stats.civilians_lost += 1
    events.append(UnitKilled(unit.id, source_id))


def bleed_units(world: World, events: list) -> None:
    """Once a second the bleeding lose HP; the downed run down their clock."""
    for uid in sorted(world.units):
        unit = world.units[uid]
        if unit.life == DOWNED:
            if unit.bleed:
                unit.downed_ticks += 1
                if unit.downed_ticks >= BLEED_OUT_TICKS:
                    _kill(world, unit, 0, events)
            continue
        if unit.active and unit.bleed and (world.tick + uid) % TICK_HZ == 0:
            unit.hp = max(0, unit.hp - unit.bleed)
            if unit.hp == 0:
                _down(unit, events)


def finish_heal(world: World, medic: Unit, patient: Unit, events: list) -> None:
    """The end of a completed treatment: bleeding stopped, HP restored, the downed back up."""
    patient.bleed = 0
    if patient.life == DOWNED:
        patient.life = "active"
        patient.activity = "idle"
        patient.hp = max(patient.hp, REVIVE_HP)
        events.append(UnitRevived(patient.id))
    else:
        patient.hp = min(patient.utype.max_hp, patient.hp + HEAL_HP)
