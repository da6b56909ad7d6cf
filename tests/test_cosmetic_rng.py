"""The cosmetic generator feeds effects only: advancing it never changes the rules' future."""

from __future__ import annotations

import json
from pathlib import Path

import game.sim
from game import MAPS_DIR
from game.ai.autopilot import Autopilot
from game.save import world_from_dict, world_to_dict
from game.session import Session
from game.sim.world import state_hash
from game.tiled.loader import load_scenario

FIGHT_TICKS = 1800  # the granary's fights (misses, pins, panics) and most of the way out
SEED = 3  # with misses drawn from the cosmetic generator, this game split at tick 774


def test_advancing_the_cosmetic_generator_leaves_the_same_hash():
    scenario = load_scenario(MAPS_DIR / "granary.tmx")
    plain, shaken = Session(scenario, seed=SEED), Session(scenario, seed=SEED)
    shaken.world.cosmetic_rng.integers(0, 1 << 30, size=997)  # effects drew some numbers
    plain_pilot, shaken_pilot = Autopilot(), Autopilot()
    split_at = None
    while plain.world.tick < FIGHT_TICKS and not plain.finished:
        plain.advance(plain_pilot(plain.world))
        shaken.advance(shaken_pilot(shaken.world))
        if split_at is None and state_hash(shaken.world) != state_hash(plain.world):
            split_at = plain.world.tick
    stats = plain.world.stats
    assert stats.shots - stats.hits > 20, "the fight must include misses"
    assert plain.world.tick >= 1500
    assert split_at is None
    assert state_hash(shaken.world) == state_hash(plain.world)


def test_no_rule_reads_the_cosmetic_generator():
    sim = Path(game.sim.__file__).parent
    readers = sorted(p.name for p in sim.glob("*.py") if "cosmetic_rng" in p.read_text())
    assert readers == ["world.py"]  # made there, read only by the front end


def test_a_quicksave_restores_both_generators():
    session = Session(load_scenario(MAPS_DIR / "training.tmx"), seed=2)
    session.world.cosmetic_rng.integers(0, 100, size=5)
    world, _ = world_from_dict(json.loads(json.dumps(world_to_dict(session.world))),
                               session.scenario)
    for name in ("rng", "cosmetic_rng"):
        assert getattr(world, name).integers(1 << 30) == getattr(session.world, name).integers(
            1 << 30), name
