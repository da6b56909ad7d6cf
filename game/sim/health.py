"""Wounds: damage, bleeding, being downed, bleeding out, and the medic's care.

Care comes in two kinds. Hana with a kit (world.medkits, from the map's `medkits`
property, 4 by default) gives a full treatment in HEAL_TICKS: HP comes back in steps
while she works, then the bleeding stops and a downed patient stands up again. Anyone
else, or Hana with no kits left, can only stabilise, in STABILISE_TICKS: the bleeding
stops (so a downed member no longer bleeds out) but HP does not return and the downed
stay down, to be carried or treated by Hana later.
"""

from __future__ import annotations

from game.sim.catalog import TICK_HZ
from game.sim.events import (
    UnitDamaged,
    UnitDowned,
    UnitHealed,
    UnitKilled,
    UnitPutDown,
    UnitRevived,
    UnitStabilised,
)
from game.sim.facts import TickFacts, Wound
from game.sim.kinds import Life, Side
from game.sim.queries import gives_full_treatment
from game.sim.units import DEAD, DOWNED, Unit
from game.sim.world import World

BLEED_OUT_TICKS = 45 * TICK_HZ  # a downed member dies unless stabilised within this
HEAL_TICKS = 3 * TICK_HZ
STABILISE_TICKS = 3 * HEAL_TICKS
HEAL_HP = 45
HEAL_STEPS = 9  # HP returns in this many steps over the treatment
REVIVE_HP = 30


def apply_damage(
    world: World, unit: Unit, amount: int, source_id: int, events: list, facts: TickFacts,
    bleed_chance: float = 0.0,
) -> None:
    if not unit.alive or amount <= 0:
        return
    if unit.life == DOWNED:
        _kill(world, unit, source_id, events)
        return
    unit.hp = max(0, unit.hp - amount)
    events.append(UnitDamaged(unit.id, amount, unit.hp, source_id))
    facts.wounds.append(Wound(unit.id, source_id, amount))
    if bleed_chance and unit.side != Side.INSURGENT and world.rng.random() < bleed_chance:
        unit.bleed = max(unit.bleed, 1)
    if unit.hp > 0:
        return
    if unit.side == Side.INSURGENT:
        _kill(world, unit, source_id, events)
    else:
        _down(world, unit, events)


def _down(world: World, unit: Unit, events: list) -> None:
    _drop_load(world, unit, events)
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
    _drop_load(world, unit, events)
    if unit.side == Side.INSURGENT:
        world.stats.kills += 1
    elif unit.side == Side.SQUAD:
        world.stats.squad_lost += 1
    else:
        world.stats.civilians_lost += 1
    events.append(UnitKilled(unit.id, source_id))


def bleed_units(world: World, events: list) -> None:
    """Once a second the bleeding lose HP; the downed run down their clock."""
    for unit in world.squad() + world.civilians():  # insurgents never bleed: they fall dead
        uid = unit.id
        if unit.life == DOWNED:
            if unit.bleed:
                unit.downed_ticks += 1
                if unit.downed_ticks >= BLEED_OUT_TICKS:
                    _kill(world, unit, 0, events)
            continue
        if unit.side == _CIVILIAN and not unit.survivor.found:
            continue  # a survivor in hiding has held on this long; the clock starts when found
        if unit.active and unit.bleed and (world.tick + uid) % TICK_HZ == 0:
            unit.hp = max(0, unit.hp - unit.bleed)
            if unit.hp == 0:
                _down(world, unit, events)


def _drop_load(world: World, unit: Unit, events: list) -> None:
    """A downed or dead carrier lets go of the crate or person it carried."""
    if not unit.carrying:
        return
    crate = world.crates.get(unit.carrying)
    if crate is not None:
        crate.carrier_id = 0
        crate.x, crate.y = unit.x, unit.y
    carried = world.units.get(unit.carrying)
    if carried is not None:
        carried.carried_by = 0
        if carried.active:
            carried.activity = "idle"
        events.append(UnitPutDown(unit.id, carried.id))
    unit.carrying = 0


def begin_care(world: World, medic: Unit) -> int:
    """Start a treatment: Hana opens a kit when she has one. Returns its length in ticks."""
    medic.squad.aid_kit = gives_full_treatment(medic) and world.medkits > 0
    if medic.squad.aid_kit:
        world.medkits -= 1
        world.stats.medkits_used += 1
        return HEAL_TICKS
    return STABILISE_TICKS


def care_tick(medic: Unit, patient: Unit) -> None:
    """One tick of a kit treatment: HP returns in HEAL_STEPS steps."""
    step = HEAL_TICKS // HEAL_STEPS
    if medic.squad.aid_kit and medic.squad.work_left % step == 0:
        patient.hp = min(patient.utype.max_hp, patient.hp + HEAL_HP // HEAL_STEPS)


def finish_heal(world: World, medic: Unit, patient: Unit, events: list) -> None:
    """The end of a completed treatment: bleeding stopped; with a kit, the downed back up."""
    patient.bleed = 0
    patient.downed_ticks = 0
    if not medic.squad.aid_kit:
        events.append(UnitStabilised(patient.id, medic.id))
        return
    medic.squad.aid_kit = False
    events.append(UnitHealed(patient.id, medic.id, world.medkits))
    if patient.life == DOWNED:
        carrier = world.units.get(patient.carried_by)
        if carrier is not None:
            _drop_load(world, carrier, events)  # back on their feet: set them down
        patient.life = Life.ACTIVE
        patient.activity = "idle"
        patient.hp = max(patient.hp, REVIVE_HP)
        events.append(UnitRevived(patient.id))


_CIVILIAN = Side.CIVILIAN  # an enum's member, looked up once (slow to read off its class)
