"""The simulation's contracts: plain-data commands and events, determinism, headlessness."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import typing

import pytest

from game.headless import run_headless
from game.sim.commands import COMMANDS, Move
from game.sim.events import EVENTS
from game.sim.world import state_hash
from tests.ascii_maps import ascii_scenario

ARENA = [
    "S.........b.....E.",
    "..........b.......",
    "....#.....b...E...",
    "....#.............",
    "A...#.....b.....E.",
    "XX..#.....b.......",
]


def _sample(tp, index: int):
    origin = typing.get_origin(tp)
    if tp is bool:
        return index % 2 == 0
    if tp is int:
        return 3 + index
    if tp is str:
        return f"text-{index}"
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return (_sample(args[0], index), _sample(args[0], index + 1))
        return tuple(_sample(a, index + i) for i, a in enumerate(args))
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        return _sample(typing.get_args(tp)[0], index)
    raise AssertionError(f"no sample for {tp}")


@pytest.mark.parametrize("registry", [COMMANDS, EVENTS], ids=["commands", "events"])
def test_every_record_round_trips_through_json(registry):
    assert registry.types
    for cls in registry.types.values():
        hints = typing.get_type_hints(cls)
        values = {f.name: _sample(hints[f.name], i) for i, f in enumerate(dataclasses.fields(cls))}
        record = cls(**values)
        text = json.dumps(registry.to_dict(record))
        assert registry.from_dict(json.loads(text)) == record


def test_malformed_command_is_a_readable_error():
    with pytest.raises(ValueError, match="unknown command"):
        COMMANDS.from_dict({"type": "Teleport"})
    with pytest.raises(ValueError, match="bad command Move"):
        COMMANDS.from_dict({"type": "Move", "unit_ids": [1]})


def _battle(seed: int):
    sc = ascii_scenario(ARENA, rescue_required=0)
    orders = {5: [Move((1, 2, 3, 4), 12, 3)], 90: [Move((1, 2), 14, 1, queue=True)]}
    return run_headless(sc, seed=seed, ticks=600, commands=orders)


def test_same_seed_and_commands_give_the_same_hash():
    a, b = _battle(42), _battle(42)
    assert state_hash(a.session.world) == state_hash(b.session.world)
    assert a.events == b.events
    assert a.events["ShotFired"] > 0, "the arena should see a fight"


def test_a_different_seed_changes_the_outcome_hash():
    assert state_hash(_battle(1).session.world) != state_hash(_battle(2).session.world)


def test_importing_the_simulation_leaves_pygame_and_pytmx_out():
    code = (
        "import sys, game.sim.step, game.session, game.headless, game.ai.insurgents;"
        "import pkgutil, importlib, game.sim, game.ai;"
        "[importlib.import_module(m.name) for p in (game.sim, game.ai) "
        " for m in pkgutil.walk_packages(p.__path__, p.__name__ + '.')];"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('pygame', 'pytmx')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_units_iterate_in_id_order_even_after_reinforcements_appear():
    session = _battle(3).session
    world = session.world
    world.add_unit("rifleman", 256, 256)
    assert list(world.units) == sorted(world.units)
    assert [u.id for u in world.insurgents()] == sorted(u.id for u in world.insurgents())
