"""Alternatives (issue 14): the seed picks one option of every set a map offers, the
same seed the same layout, the rules' dice untouched, and the validator checks every
option as if it were chosen."""

from __future__ import annotations

import numpy as np

from game.headless import run_headless
from game.session import Session
from game.sim import layout
from game.sim.world import new_world
from game.tiled.loader import load_scenario, read_map
from game.tiled.validate import validate_map
from tests.tiled_maps import obj, prop, write_map

# two rooms; the right one sealed off by the double wall
TWO_ROOMS = [
    "################",
    "#......##......#",
    "#......##......#",
    "#......##......#",
    "################",
]


def _alt(tag: str) -> str:
    return prop("alternative", tag, "string")


def _objects(pocket_option: bool = False) -> list[str]:
    # the children are by the east wall or the west wall; the sentry in one of three spots
    kids_b = (336, 80) if pocket_option else (48, 112)
    return [
        obj(1, "SquadSpawn", 48, 48, body="<point/>"),
        obj(2, "Extraction", 160, 32, extra=' width="32" height="64"'),
        obj(3, "Civilian", 144, 80, _alt("kids:east"), body="<point/>"),
        obj(4, "Civilian", kids_b[0], kids_b[1], _alt("kids:west"), body="<point/>"),
        obj(5, "Insurgent", 112, 48, _alt("sentry:a"), body="<point/>"),
        obj(6, "Insurgent", 112, 112, _alt("sentry:b"), body="<point/>"),
        obj(7, "Insurgent", 80, 80, _alt("sentry:c"), body="<point/>"),
    ]


def _map(tmp_path, **kw):
    return write_map(tmp_path, rows=TWO_ROOMS, objects=_objects(**kw),
                     map_props=prop("rescue_required", 1))


def test_the_seed_picks_one_option_per_set(tmp_path):
    scen = load_scenario(_map(tmp_path))
    assert layout.alternative_sets(scen) == {"kids": ["east", "west"],
                                              "sentry": ["a", "b", "c"]}
    world = new_world(scen, seed=4)
    assert len(world.civilians()) == 1 and len(list(world.insurgents())) == 1
    chosen = layout.draw_layout(scen, 4)
    assert {c.alternative for c in world.scenario.civilians} == {f"kids:{chosen['kids']}"}


def test_layouts_differ_across_seeds_and_repeat_for_a_seed(tmp_path):
    scen = load_scenario(_map(tmp_path))
    digests = {seed: run_headless(scen, seed=seed, ticks=1).as_dict()["start_layout"]
               for seed in range(1, 13)}
    assert len(set(digests.values())) >= 4, digests  # 6 layouts possible
    again = run_headless(scen, seed=7, ticks=1).as_dict()["start_layout"]
    assert again == digests[7]


def test_restart_keeps_the_layout(tmp_path):
    session = Session(load_scenario(_map(tmp_path)), seed=11)
    before = layout.start_layout(session.world.scenario)
    session.restart()
    assert layout.start_layout(session.world.scenario) == before


def test_the_rules_dice_do_not_depend_on_the_alternatives(tmp_path):
    with_alts = new_world(load_scenario(_map(tmp_path)), seed=3)
    plain = new_world(load_scenario(write_map(tmp_path / "plain")), seed=3)
    assert np.array_equal(with_alts.rng.integers(1 << 30, size=8),
                          plain.rng.integers(1 << 30, size=8))


def test_a_map_without_alternatives_deploys_unchanged(tmp_path):
    scen = load_scenario(write_map(tmp_path))
    assert layout.laid_out(scen, 5) is scen


def test_validator_catches_an_unreachable_option(tmp_path):
    good = [p for p in validate_map(str(_map(tmp_path / "good"))) if p.is_error]
    assert good == []
    bad = [p for p in validate_map(str(_map(tmp_path / "bad", pocket_option=True)))
           if p.is_error]
    assert len(bad) == 1, bad
    assert "with alternative kids:west" in bad[0].message
    assert "cannot be reached" in bad[0].message and bad[0].object_id == 4


def test_an_option_leaving_too_few_survivors_is_an_error(tmp_path):
    path = write_map(tmp_path, rows=TWO_ROOMS, objects=_objects(),
                     map_props=prop("rescue_required", 2))
    messages = [p.message for p in validate_map(str(path)) if p.is_error]
    assert any("rescue_required is 2 but only 1" in m for m in messages), messages


def test_a_malformed_tag_is_an_error(tmp_path):
    objects = _objects()[:3] + [obj(8, "Insurgent", 112, 48, _alt("nocolon"), body="<point/>")]
    result = read_map(write_map(tmp_path, rows=TWO_ROOMS, objects=objects))
    assert any('"nocolon" is not "set:option"' in p.message and p.object_id == 8
               for p in result.errors)


def test_a_lone_option_is_a_warning(tmp_path):
    objects = _objects()[:3]  # kids:east only
    problems = validate_map(str(write_map(tmp_path, rows=TWO_ROOMS, objects=objects)))
    assert any('set "kids" has one option' in p.message and not p.is_error for p in problems)
