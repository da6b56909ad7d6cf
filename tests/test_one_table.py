"""Rules stated once: what a map may place, the radio's words for survivors and the
autopilot's marksman all come from the unit type table (game/sim/catalog.py), and the bomb
and grenades share one falloff (strikes.quadratic_falloff)."""

from __future__ import annotations

import dataclasses

from game.ai.autopilot_fight import fight_role
from game.sim import catalog
from game.sim.airstrike import BLAST_RADIUS_TILES, blast_damage
from game.sim.airstrike import PEAK_DAMAGE as BOMB_PEAK
from game.sim.grenades import PEAK_DAMAGE as GRENADE_PEAK
from game.sim.grenades import RADIUS_TILES, grenade_damage
from game.sim.kinds import Side
from game.sim.scenario import CIVILIAN_KINDS, INSURGENT_ROLES, SQUAD_MEMBERS
from game.sim.strikes import quadratic_falloff
from game.sim.units import Unit
from game.sim.vision import describe_found


def test_the_kinds_a_map_may_place_are_the_tables_by_side():
    by_side = {side: {k for k, t in catalog.UNIT_TYPES.items() if t.side == side}
               for side in Side}
    assert SQUAD_MEMBERS == catalog.SQUAD_ORDER
    assert set(SQUAD_MEMBERS) == by_side[Side.SQUAD]
    assert set(CIVILIAN_KINDS) == by_side[Side.CIVILIAN]
    assert set(INSURGENT_ROLES) == by_side[Side.INSURGENT]


def _unit(kind: str, uid: int = 1) -> Unit:
    utype = catalog.UNIT_TYPES[kind]
    return Unit(uid, kind, utype.side, utype.display, 0, 0, hp=utype.max_hp)


def test_the_radio_counts_survivors_in_the_tables_words():
    found = [_unit("elder", 1), _unit("child", 2), _unit("child", 3)]
    assert describe_found(found) == "Found two children and one elderly survivor. " \
                                    "Sending coordinates."
    assert all(catalog.UNIT_TYPES[k].called[0] for k in CIVILIAN_KINDS)


def test_the_autopilots_marksman_is_whoever_the_table_calls_one(monkeypatch):
    rafiq = _unit("rafiq")
    assert fight_role(rafiq, outnumbered=False) == "rifle"
    marked = dataclasses.replace(catalog.UNIT_TYPES["rafiq"], marksman=True)
    monkeypatch.setitem(catalog.UNIT_TYPES, "rafiq", marked)
    assert fight_role(rafiq, outnumbered=False) == "marksman"


def test_the_bomb_and_grenades_share_one_falloff():
    for dist in (0.0, 1.0, 2.5, 4.0, 6.0):
        assert blast_damage(dist) == quadratic_falloff(BOMB_PEAK, dist, BLAST_RADIUS_TILES)
        assert grenade_damage(dist) == quadratic_falloff(GRENADE_PEAK, dist, RADIUS_TILES)
    assert quadratic_falloff(100, 0.0, 2.0) == 100 and quadratic_falloff(100, 2.0, 2.0) == 0
