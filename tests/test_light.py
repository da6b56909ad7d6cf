"""The map's `time_of_day` (issue 14): dusk and night shorten everyone's sight, from the
one table in game/sim/light.py; a map without it plays by day."""

from __future__ import annotations

import pytest

from game.sim.combat import can_see
from game.sim.geometry import centre_of
from game.sim.light import SIGHT_FACTOR
from game.sim.world import new_world
from game.tiled.loader import load_scenario, read_map
from tests.tiled_maps import obj, prop, write_map

HALL = ["#" * 20] + ["#" + "." * 18 + "#"] * 3 + ["#" * 20]


def _world(tmp_path, time_of_day: str | None):
    props = prop("time_of_day", time_of_day, "string") if time_of_day else ""
    objects = [obj(1, "SquadSpawn", 48, 80, prop("member", "rafiq", "string"), body="<point/>"),
               obj(2, "Extraction", 32, 32, extra=' width="32" height="32"'),
               obj(3, "Insurgent", 400, 80, body="<point/>")]
    world = new_world(load_scenario(write_map(tmp_path, rows=HALL, objects=objects,
                                              map_props=props)), seed=1)
    rafiq = next(u for u in world.squad() if u.kind == "rafiq")
    enemy = next(iter(world.insurgents()))
    rafiq.x, rafiq.y, rafiq.facing = centre_of(1), centre_of(2), 0
    return world, rafiq, enemy


@pytest.mark.parametrize(("time_of_day", "tiles", "seen"), [
    (None, 11, True), ("day", 11, True), ("dusk", 11, False), ("dusk", 8, True),
    ("night", 8, False), ("night", 5, True)])
def test_sight_follows_the_time_of_day(tmp_path, time_of_day, tiles, seen):
    world, rafiq, enemy = _world(tmp_path, time_of_day)
    enemy.x, enemy.y = centre_of(1 + tiles), centre_of(2)
    assert can_see(world, rafiq, enemy) is seen


def test_dusk_is_shorter_than_day_and_night_shorter_still():
    assert SIGHT_FACTOR["day"] == 1.0 > SIGHT_FACTOR["dusk"] > SIGHT_FACTOR["night"] > 0


def test_an_unknown_time_of_day_is_an_error(tmp_path):
    path = write_map(tmp_path, map_props=prop("time_of_day", "noon", "string"))
    assert any("time_of_day" in p.message for p in read_map(path).errors)
