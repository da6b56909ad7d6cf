"""game/sim/queries.py answers each shared question once; its fast forms agree with it,
and the rules that act on a question agree with the answer callers are given."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from game import MAPS_DIR
from game.ai.autopilot import Autopilot
from game.session import Session
from game.sim import catalog
from game.sim.commands import Heal, Interact
from game.sim.events import CommandRefused
from game.sim.kinds import Life
from game.sim.queries import (
    care_helps,
    cover_from,
    exposed_to,
    needs_care,
    padded_cover,
    player_sees,
    visible_units,
    window_cover_against,
)
from game.sim.step import step
from game.sim.terrain import Terrain
from game.sim.world import new_world
from game.tiled.loader import load_scenario
from tests.ascii_maps import ascii_scenario
from tests.survivor_helpers import member


def test_visible_units_is_player_sees_over_every_unit():
    session = Session(load_scenario(MAPS_DIR / "granary.tmx"), seed=2)
    pilot = Autopilot()
    checked = 0
    while session.world.tick < 900 and not session.finished:
        session.advance(pilot(session.world))
        if session.world.tick % 30 == 0:
            world = session.world
            assert visible_units(world) == [u for u in world.units.values()
                                            if player_sees(world, u)]
            checked += 1
    assert checked >= 20


def _random_terrain(seed: int) -> Terrain:
    rng = np.random.default_rng(seed)
    terrain = Terrain.empty(17, 13)
    terrain.cover[:] = rng.choice([0, 0, 0, 1, 2], size=terrain.cover.shape)
    terrain.elevation[:] = rng.choice([0, 0, 0, 1], size=terrain.cover.shape)
    return terrain


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_window_cover_is_cover_from_on_every_tile(seed):
    terrain = _random_terrain(seed)
    x0, y0, x1, y1 = 3, 2, 14, 11
    padded = padded_cover(terrain.cover, x0, y0, x1, y1)
    for threat in [(0, 0), (8, 6), (16, 12), (5, 11), (9, 1), (3, 2)]:
        grid = window_cover_against(terrain, padded, x0, y0, threat)
        for y in range(y0, y1):
            for x in range(x0, x1):
                assert grid[y - y0, x - x0] == cover_from(terrain, (x, y), threat), (threat, x, y)


@pytest.mark.parametrize("seed", [4, 5])
def test_exposed_to_is_no_cover_from_each_shooter(seed):
    terrain = _random_terrain(seed)
    ys, xs = np.mgrid[0:13, 0:17]
    for tile in [(8, 6), (0, 0), (16, 5)]:
        exposed = exposed_to(terrain, tile, xs, ys)
        for y in range(13):
            for x in range(17):
                assert exposed[y, x] == (cover_from(terrain, tile, (x, y)) == 0), (tile, x, y)


ROOM = [
    "S....#...",
    "........L",
    ".........",
]


def _hurt_in_ways(world):
    """Squad members hurt in each way a patient can be, and one unhurt."""
    rafiq, maaz, rima = member(world, "rafiq"), member(world, "maaz"), member(world, "rima")
    rafiq.hp -= 10  # scratched
    maaz.bleed = 1  # bleeding at full strength
    return [rafiq, maaz, rima]


def test_the_heal_order_takes_exactly_whom_needs_care_names():
    world = new_world(ascii_scenario(ROOM), seed=1)
    hana = member(world, "hana")
    for patient in _hurt_in_ways(world):
        events = step(world, [Heal(hana.id, patient.id)])
        refused = [e for e in events if isinstance(e, CommandRefused)]
        assert (not refused) == needs_care(patient), (patient.kind, refused)
    downed = member(world, "rima")
    downed.life, downed.hp = Life.DOWNED, 0
    assert needs_care(downed)


def test_who_opens_locks_is_read_from_the_unit_table(monkeypatch):
    world = new_world(ascii_scenario(ROOM), seed=1)
    rafiq = member(world, "rafiq")
    order = Interact(rafiq.id, 8, 1)
    refused = [e for e in step(world, [order]) if isinstance(e, CommandRefused)]
    assert refused and "Maaz" in refused[0].reason
    trained = dataclasses.replace(catalog.UNIT_TYPES["rafiq"], engineer=True)
    monkeypatch.setitem(catalog.UNIT_TYPES, "rafiq", trained)
    assert not [e for e in step(world, [order]) if isinstance(e, CommandRefused)]


ROLE_KINDS = ("rafiq", "hana", "maaz", "rima", "rifleman", "scout", "gunner", "sniper")


def test_no_role_is_decided_by_a_kind_name_outside_the_unit_table():
    """Roles are flags in catalog.UNIT_TYPES; code asks the flag, never the kind's name
    (nor keeps a table keyed by kind names, as the autopilot's escort order once was)."""
    import re
    from pathlib import Path

    root = Path(catalog.__file__).resolve().parent.parent
    kinds = "|".join(ROLE_KINDS)
    pattern = re.compile(r'\.kind\s*[!=]=\s*"(' + kinds + ')"')
    table = re.compile(r'[(\[{]\s*"(' + kinds + r')"\s*[,:]')
    found = []
    for folder in ("sim", "ai", "render", "ui"):
        for path in sorted((root / folder).glob("*.py")):
            text = path.read_text()
            found += [f"{path.name}: {m.group(0)}" for m in pattern.finditer(text)]
            if folder == "ai":  # (sim/scenario.py lists the valid kinds: a schema)
                found += [f"{path.name}: {m.group(0)}" for m in table.finditer(text)]
    assert found == []


def test_care_helps_only_where_a_treatment_changes_something():
    """The autopilot's triage asks care_helps: a kit treatment helps anyone hurt, anyone
    else (or Hana without kits) can only stop bleeding, and the Heal order agrees."""
    world = new_world(ascii_scenario(ROOM), seed=1)
    hana, maaz = member(world, "hana"), member(world, "maaz")
    rafiq, rima = member(world, "rafiq"), member(world, "rima")
    rafiq.hp -= 10  # scratched, not bleeding
    rima.bleed = 1
    assert care_helps(world, hana, rafiq) and care_helps(world, hana, rima)
    assert not care_helps(world, maaz, rafiq) and care_helps(world, maaz, rima)
    refused = [e for e in step(world, [Heal(maaz.id, rafiq.id)]) if isinstance(e, CommandRefused)]
    assert refused  # nothing for Maaz to stabilise
    world.medkits = 0
    assert not care_helps(world, hana, rafiq) and care_helps(world, hana, rima)
    assert not care_helps(world, hana, member(world, "hana"))  # unhurt
