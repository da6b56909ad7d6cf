"""step(world, commands) -> events: the only way the world changes.

Every system of a tick is named here, in the order it runs. What an earlier system did
this tick reaches the later ones as typed facts (game/sim/facts.py); the events are the
record for the front end, replays and stats, and no rule reads them back.
"""

from __future__ import annotations

from typing import Any

from game.sim.air_support import run_strikes
from game.sim.alarm import raise_alarms
from game.sim.civilians import update_survivors
from game.sim.combat import fire_weapons
from game.sim.contacts import remember_contacts
from game.sim.engagement import note_incoming_fire
from game.sim.evac import run_evac
from game.sim.facts import TickFacts
from game.sim.grenades import run_grenades
from game.sim.health import bleed_units
from game.sim.in_view import forget_in_view
from game.sim.interactions import progress_jobs
from game.sim.mission import decide_outcome, extract_units
from game.sim.movement import move_units
from game.sim.noise import squad_hears
from game.sim.orders import apply_commands
from game.sim.panic import react_to_fire
from game.sim.perception import perceive
from game.sim.pursuit import acquire_targets, pursue_targets
from game.sim.smoke import decay_smoke
from game.sim.suppression import pin_units, wear_off_pins
from game.sim.vision import update_vision
from game.sim.world import OUTCOME_UNDECIDED, World


def step(world: World, commands: list[Any]) -> list[Any]:
    events: list[Any] = []
    if world.outcome != OUTCOME_UNDECIDED:
        return events
    facts = TickFacts()
    if world.tick == 0:
        update_vision(world, events, facts)  # the squad sees before its first orders
    forget_in_view(world)  # units move from here until vision runs again
    apply_commands(world, commands, events)
    decay_smoke(world)  # smoke and dust thin
    wear_off_pins(world)  # last tick's pins run down
    run_strikes(world, events, facts)  # calls go out, jets pass, bombs land: blasts
    run_grenades(world, events, facts)  # grenades land (rings live) and burst: blasts
    update_survivors(world, events)  # carrying, escorts, panic runs
    pursue_targets(world)
    move_units(world, events, facts)  # doors opened on the way: noises
    progress_jobs(world, events, facts)  # aid, crates, locks opened: noises
    update_vision(world, events, facts)  # the squad's fog; ambushes sprung
    acquire_targets(world, facts)
    fire_weapons(world, events, facts)  # shots, wounds, noises
    note_incoming_fire(world, facts)  # return fire remembers who fired on the squad
    remember_contacts(world, facts)  # where the squad last saw each insurgent
    squad_hears(world, facts)  # gunfire from shooters out of the squad's sight
    react_to_fire(world, events, facts)  # stray rounds (wounds) and panic
    pin_units(world, events, facts)  # rounds landing close pin people down
    perceive(world, events, facts)  # insurgents feel wounds, hear, see, raise the alert
    raise_alarms(world, events, facts)  # a scout that reached its reserves springs its group
    bleed_units(world, events)
    run_evac(world, events)  # a call answered, the vehicles arrive, leave with those aboard
    extract_units(world, events)
    decide_outcome(world, events)
    world.tick += 1
    return events
