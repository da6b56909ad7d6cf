"""The map made by following MODDING.md step by step validates, loads and runs."""

from __future__ import annotations

import json
from pathlib import Path

from game.cli import main
from game.sim.geometry import tile_of
from game.tiled import read_map
from game.tiled.validate import validate_map
from tests.tiled_maps import basic_objects, obj, prop, write_map

MAP = Path(__file__).parent / "data" / "modder_walkthrough.tmx"


def test_walkthrough_map_validates_with_no_problems(capsys):
    assert [str(p) for p in validate_map(str(MAP))] == []
    assert main(["validate", str(MAP)]) == 0
    assert capsys.readouterr().out.strip() == f"ok: {MAP}"


def test_walkthrough_map_loads_what_the_guide_placed():
    s = read_map(MAP).scenario
    assert s.rules.title == "The Schoolhouse" and s.rules.rescue_required == 1
    assert s.rules.air_strikes == 1 and s.rules.time_limit_s == 0  # left to the defaults
    assert [sp.member for sp in s.squad] == [""]  # template default: the whole squad
    (elder,) = s.civilians
    assert (elder.kind, elder.wounded, elder.hidden) == ("elder", True, True)
    by_name = {i.source.name: i for i in s.insurgents}
    sniper = by_name["Rafter sniper"]  # made by hand with Tiled 1.9's class= attribute
    assert sniper.role == "sniper"
    assert s.terrain.elevation[tile_of(sniper.y), tile_of(sniper.x)] == 2
    assert len(by_name["Yard patrol"].patrol) == 3
    assert by_name["Hall gunner"].ambush and s.triggers[0].group == "hall"
    assert s.extractions[0].rect[2] - s.extractions[0].rect[0] == 96 * 8
    roof = [la for la in s.art.layers if la.name == "Roof"][0]
    assert roof.above_units and s.terrain.walkable[6, 5]  # beams overhead block nothing


def test_walkthrough_map_runs_headless(capsys):
    assert main(["sim", str(MAP), "--ticks", "300", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ticks"] == 300 and report["squad_alive"] == 4
    assert report["survivors_total"] == 1


def test_object_that_lost_its_class_names_the_class_its_properties_fit(tmp_path):
    """What Tiled 1.8 leaves of a Tiled 1.9 `class=` object: properties and no class."""
    lost = obj(9, "", 80, 80, prop("role", "sniper", "string"), name="Rafter sniper",
               body="<point/>")
    problems = validate_map(str(write_map(tmp_path, objects=[*basic_objects(), lost])))
    (warning,) = [p for p in problems if p.object_id == 9]
    assert not warning.is_error
    assert "no class" in warning.message and "fit Insurgent" in warning.message
