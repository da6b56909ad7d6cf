"""Tiled's JSON formats load to the same Scenario, and play the same, as the TMX they came from.

The fixtures in tests/data/tiled_json/ were written by Debian's Tiled 1.8.2 with
`tiled --export-map json` (see tests/data/tiled_json/README.md), so these tests run in CI
without Tiled; one test re-exports every shipped map with Tiled when it is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from game import MAPS_DIR
from game.ai.autopilot import Autopilot
from game.headless import run_headless
from game.sim.world import state_hash
from game.tiled import load_scenario
from game.tiled.validate import validate_map

DATA = Path(__file__).parent / "data"
JSON = DATA / "tiled_json"
TEMPLATED = DATA / "tiled" / "templated_source.tmx"
GRANARY = MAPS_DIR / "granary.tmx"
GRIDS = ("walkable", "opaque", "cover", "elevation", "destructible", "door", "locked")
PAIRS = [
    (GRANARY, JSON / "granary.tmj"),  # external tileset saved as .tsj
    (GRANARY, JSON / "granary_embedded.tmj"),  # --embed-tilesets
    (GRANARY, JSON / "granary_zlib.tmj"),  # base64 + zlib layer data
    (TEMPLATED, JSON / "templated.tmj"),  # .tx templates from a JSON map
    (TEMPLATED, JSON / "templated_detached.tmj"),  # --detach-templates
    (TEMPLATED, JSON / "templated_tj.tmj"),  # .tj templates
]


def assert_same_scenario(a, b) -> None:
    assert (a.width, a.height) == (b.width, b.height)
    for grid in GRIDS:
        assert np.array_equal(getattr(a.terrain, grid), getattr(b.terrain, grid)), grid
    assert (a.squad, a.civilians, a.insurgents, a.extractions, a.triggers, a.crates) == (
        b.squad, b.civilians, b.insurgents, b.extractions, b.triggers, b.crates)
    assert a.rules == b.rules
    assert len(a.art.layers) == len(b.art.layers)
    for la, lb in zip(a.art.layers, b.art.layers, strict=True):
        assert (la.name, la.visible, la.above_units, la.opacity, la.offset_px) == (
            lb.name, lb.visible, lb.above_units, lb.opacity, lb.offset_px)
        assert np.array_equal(la.gids, lb.gids)
    # Tiled recounts a tileset's tiles from its image grid when it saves (the shipped .tsx
    # says 97 of the sheet's 104 slots): the count may differ, nothing else may.
    assert [replace(t, tilecount=0) for t in a.art.tilesets] == [
        replace(t, tilecount=0) for t in b.art.tilesets]
    assert a.art.tile_names == b.art.tile_names


def _autopilot_hash(scenario, ticks: int) -> str:
    run = run_headless(scenario, seed=1, ticks=ticks, extra_commands=Autopilot())
    return state_hash(run.session.world)


@pytest.mark.parametrize(("original", "exported"), PAIRS, ids=lambda p: p.name)
def test_a_tiled_json_export_loads_to_the_same_scenario(original, exported):
    assert_same_scenario(load_scenario(original), load_scenario(exported))
    assert [p for p in validate_map(str(exported)) if p.is_error] == []


def test_the_granary_as_json_plays_the_same_long_game_as_its_tmx():
    tmx = load_scenario(GRANARY)
    want = _autopilot_hash(tmx, 1500)
    assert _autopilot_hash(load_scenario(JSON / "granary.tmj"), 1500) == want


def test_the_fixtures_really_come_from_tiled():
    for _, exported in PAIRS:
        text = exported.read_text(encoding="utf-8")
        assert '"tiledversion":"1.8.2"' in text.replace(" ", "")
    assert '"source":"tileset.tsj"' in (JSON / "granary.tmj").read_text().replace(" ", "")
    assert '"compression":"zlib"' in (JSON / "granary_zlib.tmj").read_text().replace(" ", "")
    assert '"template"' not in (JSON / "templated_detached.tmj").read_text()
    assert "insurgent.tj" in (JSON / "templated_tj.tmj").read_text()


def test_a_tmx_map_may_use_a_json_tileset(tmp_path):
    text = GRANARY.read_text(encoding="utf-8").replace(
        'source="../assets/tileset.tsx"', f'source="{JSON / "tileset.tsj"}"')
    mixed = tmp_path / "granary.tmx"
    mixed.write_text(text, encoding="utf-8")
    assert_same_scenario(load_scenario(GRANARY), load_scenario(mixed))


def _tiled() -> str | None:
    return shutil.which("tiled")


@pytest.mark.skipif(_tiled() is None, reason="Tiled is not installed (apt install tiled)")
@pytest.mark.parametrize("name", sorted(p.name for p in MAPS_DIR.glob("*.tmx")))
def test_every_shipped_map_exported_by_tiled_plays_like_its_tmx(tmp_path, name):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    tmx = MAPS_DIR / name
    out = tmp_path / (tmx.stem + ".tmj")
    embedded = tmp_path / (tmx.stem + "_embedded.tmj")
    subprocess.run([_tiled(), "--export-map", "json", str(tmx), str(out)], env=env,
                   check=True, capture_output=True, timeout=120)
    subprocess.run([_tiled(), "--export-map", "json", "--embed-tilesets",
                    "--detach-templates", str(tmx), str(embedded)], env=env, check=True,
                   capture_output=True, timeout=120)
    original = load_scenario(tmx)
    want = _autopilot_hash(original, 300)
    for exported in (out, embedded):
        scenario = load_scenario(exported)
        assert_same_scenario(original, scenario)
        assert _autopilot_hash(scenario, 300) == want


def _granary_as_user_json(folder: Path) -> Path:
    """granary.tmj and its tileset.tsj laid out as a map maker keeps them: the tileset
    beside its image in an assets folder next to the maps folder."""
    import json

    (folder / "assets").mkdir(parents=True)
    (folder / "maps").mkdir()
    shutil.copy(MAPS_DIR.parent / "assets" / "tileset.png", folder / "assets")
    tileset = json.loads((JSON / "tileset.tsj").read_text(encoding="utf-8"))
    tileset["image"] = "tileset.png"
    (folder / "assets" / "tileset.tsj").write_text(json.dumps(tileset), encoding="utf-8")
    doc = json.loads((JSON / "granary.tmj").read_text(encoding="utf-8"))
    doc["tilesets"][0]["source"] = "../assets/tileset.tsj"
    path = folder / "maps" / "granary.tmj"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_a_json_map_packs_with_its_json_tileset_and_templates_and_plays_the_same(tmp_path):
    from game.packs import install_pack, pack_map

    for exported in (_granary_as_user_json(tmp_path / "mine"), JSON / "templated_tj.tmj"):
        pack = tmp_path / f"{exported.stem}.zip"
        names = pack_map(exported, pack)
        assert names[0].endswith(exported.name)
        if exported.name == "granary.tmj":
            assert {"assets/tileset.tsj", "assets/tileset.png"} <= set(names)
        else:
            assert any(n.endswith("templates/insurgent.tj") for n in names)
        done = install_pack(pack, tmp_path / "maps")
        [installed] = done.maps
        assert _autopilot_hash(load_scenario(installed), 300) == _autopilot_hash(
            load_scenario(exported), 300)


def test_reload_on_save_watches_a_json_map_its_tsj_tileset_and_tj_templates():
    from game.ui.map_watch import dependencies

    names = {p.name for p in dependencies(JSON / "granary.tmj")}
    assert {"granary.tmj", "tileset.tsj", "tileset.png"} <= names
    names = {p.name for p in dependencies(JSON / "templated_tj.tmj")}
    assert {"insurgent.tj", "squad_spawn.tj", "civilian.tx"} <= names
