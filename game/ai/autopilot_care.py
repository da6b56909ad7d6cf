"""Autopilot step 3: Hana to the worst wounded (downed first, then bleeding, then badly
hurt), the patient waiting for her; with Hana down, the nearest member stops her
bleeding."""

from __future__ import annotations

from game.ai.autopilot_knowledge import found_survivors, tile_dist
from game.ai.autopilot_pass import Think
from game.sim.commands import Heal, Move
from game.sim.health import BLEED_OUT_TICKS
from game.sim.queries import care_helps, gives_full_treatment
from game.sim.sight import clear_line
from game.sim.units import Unit

HURT_SHARE = 0.5  # heal with a kit below this share of max HP when no enemy is in sight
UNDER_FIRE_TILES = 12  # a threat this close with a line on a patient keeps Hana back
WAIT_FOR_MEDIC_TILES = 6.0  # a patient farther than this from her keeps up with the group


def tend_wounded(t: Think) -> None:
    medic = next((u for u in t.squad if gives_full_treatment(u)), None)
    if medic is None:
        stabilise_medic(t)
        return
    patients = find_patients(t, medic)
    if not patients:
        return
    medic_tile = medic.tile
    patients = [u for u in patients if safe_to_reach(t, u)]
    if not patients:
        return
    patient = min(patients, key=lambda u: (urgency(u), tile_dist(u.tile, medic_tile)))
    t.busy.add(medic.id)
    if medic.squad.work_target != patient.id:
        t.orders.append(Heal(medic.id, patient.id))
        t.state.ordered.pop(medic.id, None)
    hold_patient(t, patient, medic)


def hold_patient(t: Think, patient: Unit, medic: Unit) -> None:
    """A squad member being treated waits for the medic instead of walking on."""
    if patient.side != "squad" or not patient.active or patient.id == medic.id:
        return
    if tile_dist(patient.tile, medic.tile) > WAIT_FOR_MEDIC_TILES and not t.enemies:
        return  # she is on her way; keep up with the group meanwhile
    t.busy.add(patient.id)
    if patient.path and medic.activity == "healing":
        t.orders.append(Move((patient.id,), *patient.tile))
        t.state.ordered[patient.id] = (patient.tile, t.world.tick)


def find_patients(t: Think, medic: Unit) -> list[Unit]:
    """Our people and found survivors the medic's care would help (queries.care_helps):
    the downed, the bleeding, and with no enemy in sight the badly hurt."""
    world = t.world
    people = [u for u in world.squad() if u.alive and u.life != "gone"]
    people += found_survivors(world)
    calm = not t.enemies
    out = []
    for u in people:
        if not care_helps(world, medic, u):
            continue
        hurt = calm and u.hp < u.utype.max_hp * HURT_SHARE
        if u.life == "downed" or u.bleed or hurt:
            out.append(u)
    return out


def safe_to_reach(t: Think, patient: Unit) -> bool:
    """Not into the open under fire: wait while an enemy in sight has a line on the
    patient, unless a downed patient is close to bleeding out."""
    if patient.life == "downed" and patient.downed_ticks >= BLEED_OUT_TICKS // 2:
        return True
    opaque = t.world.terrain.opaque
    px, py = patient.tile
    for ex, ey in t.threats():
        near = tile_dist((ex, ey), (px, py)) <= UNDER_FIRE_TILES
        if near and clear_line(opaque, ex, ey, px, py):
            return False
    return True


def urgency(u: Unit) -> int:
    """Downed first, then bleeding, then hurt."""
    if u.life == "downed":
        return 0
    return 1 if u.bleed else 2


def stabilise_medic(t: Think) -> None:
    """Hana is down: whoever is nearest stops her bleeding (anyone can stabilise)."""
    medic = next((u for u in t.world.squad() if gives_full_treatment(u) and u.alive), None)
    if medic is None or not medic.bleed or not t.free():
        return
    if not safe_to_reach(t, medic):
        return
    helper = min(t.free(), key=lambda u: tile_dist(u.tile, medic.tile))
    t.busy.add(helper.id)
    if helper.squad.work_target != medic.id:
        t.orders.append(Heal(helper.id, medic.id))
        t.state.ordered.pop(helper.id, None)
