"""Maps as the real Tiled re-saves them load to the same Scenario as the originals.

The fixtures in tests/data/tiled/*_tiled182.tmx were written by Debian's Tiled 1.8.2 with
`tiled --export-map` (see tests/data/tiled/RESAVED.md): property order, self-closing objects,
dropped `propertytype` attributes, another layer encoding and detached templates are all
Tiled's own choices, not ours, so these tests catch a loader that only reads our writer.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from game.tiled import load_scenario, read_map
from game.tiled.validate import validate_map

DATA = Path(__file__).parent / "data"
TILED = DATA / "tiled"
GRIDS = ("walkable", "opaque", "cover", "elevation", "destructible", "door", "locked")
PAIRS = [
    (TILED / "templated_source.tmx", TILED / "templated_tiled182.tmx"),
    (TILED / "templated_source.tmx", TILED / "templated_tiled182_zlib.tmx"),
    (TILED / "templated_source.tmx", TILED / "templated_tiled182_detached.tmx"),
    (DATA / "rescue.tmx", TILED / "rescue_tiled182.tmx"),
]


def _people(s):
    return (s.squad, s.civilians, s.insurgents, s.extractions, s.triggers, s.crates)


@pytest.mark.parametrize(("original", "resaved"), PAIRS, ids=lambda p: p.name)
def test_tiled_resave_loads_to_the_same_scenario(original, resaved):
    a, b = load_scenario(original), load_scenario(resaved)
    assert (a.width, a.height) == (b.width, b.height)
    for grid in GRIDS:
        assert np.array_equal(getattr(a.terrain, grid), getattr(b.terrain, grid)), grid
    assert _people(a) == _people(b)
    assert a.rules == b.rules
    assert [la.name for la in a.art.layers] == [la.name for la in b.art.layers]
    for la, lb in zip(a.art.layers, b.art.layers, strict=True):
        assert np.array_equal(la.gids, lb.gids)
        assert (la.visible, la.above_units) == (lb.visible, lb.above_units)


def test_resaved_fixtures_really_come_from_tiled():
    for _, resaved in PAIRS:
        head = resaved.read_text(encoding="utf-8")[:300]
        assert 'tiledversion="1.8.2"' in head
    zlib_map = (TILED / "templated_tiled182_zlib.tmx").read_text(encoding="utf-8")
    assert 'compression="zlib"' in zlib_map and 'encoding="csv"' not in zlib_map
    detached = (TILED / "templated_tiled182_detached.tmx").read_text(encoding="utf-8")
    assert "template=" not in detached


def test_templated_fixture_means_what_it_says():
    """The shared original: templates, overrides, roof, hidden layer, patrol, multi-line text."""
    s = load_scenario(TILED / "templated_source.tmx")
    assert s.rules.title == "Templated" and s.rules.air_strikes == 2
    assert s.rules.time_limit_s == 600 and "\n" in s.rules.briefing
    assert [sp.member for sp in s.squad] == [""]  # template default "all" = whole squad
    (civ,) = s.civilians
    assert (civ.kind, civ.hidden, civ.group) == ("child", True, "house")
    roles = {i.source.name: (i.role, i.group, i.ambush, len(i.patrol)) for i in s.insurgents}
    assert roles == {"Rafter sniper": ("sniper", "", False, 0),
                     "Patrol": ("rifleman", "east", False, 4),
                     "Ambusher": ("gunner", "east", True, 0)}
    assert s.triggers[0].radio == "Movement by the east door!" and s.triggers[0].once
    assert s.extractions[0].name == "Bravo"
    assert s.extractions[0].rect[2] - s.extractions[0].rect[0] == 64 * 8  # instance size
    assert s.crates[0].required is False and s.crates[0].kind == "vaccine"
    roof = [la for la in s.art.layers if la.name == "Roof"][0]
    sketch = [la for la in s.art.layers if la.name == "Sketch"][0]
    assert roof.above_units and not sketch.visible
    # the roof's beams over the rafters and the hidden sketch's walls carry no rules
    assert s.terrain.walkable[1, 2] and s.terrain.elevation[2, 2] == 2
    assert s.terrain.walkable[1, 11]  # a wall only in the hidden Sketch layer


@pytest.mark.parametrize("path", sorted(TILED.glob("*_tiled182*.tmx")) + [
    TILED / "templated_source.tmx"], ids=lambda p: p.name)
def test_resaved_fixtures_validate_clean(path):
    assert [str(p) for p in validate_map(str(path))] == []
    assert read_map(path).errors == []
