"""step(world, commands) -> events: the only way the world changes."""

from __future__ import annotations

from typing import Any

from game.sim.airstrike import run_strikes
from game.sim.alarm import raise_alarms
from game.sim.civilians import update_survivors
from game.sim.combat import fire_weapons
from game.sim.health import bleed_units
from game.sim.interactions import progress_jobs
from game.sim.mission import decide_outcome, extract_units
from game.sim.movement import move_units
from game.sim.orders import apply_commands
from game.sim.panic import react_to_fire
from game.sim.perception import perceive
from game.sim.pursuit import acquire_targets, pursue_targets
from game.sim.vision import update_vision
from game.sim.world import OUTCOME_UNDECIDED, World


def step(world: World, commands: list[Any]) -> list[Any]:
    events: list[Any] = []
    if world.outcome != OUTCOME_UNDECIDED:
        return events
    if world.tick == 0:
        update_vision(world, events)
    apply_commands(world, commands, events)
    run_strikes(world, events)
    update_survivors(world, events)
    pursue_targets(world)
    move_units(world, events)
    progress_jobs(world, events)
    update_vision(world, events)
    acquire_targets(world)
    fire_weapons(world, events)
    react_to_fire(world, events)
    perceive(world, events)  # insurgents see, hear and raise the alert
    raise_alarms(world, events)  # a scout that reached its reserves springs its group
    bleed_units(world, events)
    extract_units(world, events)
    decide_outcome(world, events)
    world.tick += 1
    return events
