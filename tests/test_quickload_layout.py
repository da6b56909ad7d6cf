"""A quicksave restores onto the map as its seed deployed it (game/save.py): on a map
with alternatives, only the chosen options' objects, so the saved trigger indices still
name the triggers that fired (found by playing the granary: a quickload fired the
ambush's radio lines again)."""

from __future__ import annotations

from game import MAPS_DIR
from game.save import world_from_dict, world_to_dict
from game.sim.world import new_world
from game.tiled.loader import load_scenario


def test_a_quickload_keeps_the_layout_the_seed_deployed():
    """The granary has alternatives: a quicksave restored onto the whole map must see only
    the options its seed chose (the saved trigger indices count in that list)."""
    scenario = load_scenario(MAPS_DIR / "granary.tmx")
    world = new_world(scenario, seed=1)
    world.fired_triggers.add(len(world.scenario.triggers) - 1)
    restored, _ = world_from_dict(world_to_dict(world), scenario)
    assert restored.scenario.triggers == world.scenario.triggers
    assert len(restored.scenario.civilians) == len(world.scenario.civilians)
