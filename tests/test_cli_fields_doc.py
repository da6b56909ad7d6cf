"""The CLI's JSON fields are documented from one table (issue 12): every key `sim --json`
and `--seeds` print has a meaning in MODDING.md and README.md, and the squad fields tell
"down" from "dead"."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from game import ROOT
from game.ai.autopilot_runs import run_row, summarise
from game.headless import RunReport, run_headless
from game.session import Session
from game.tiled.loader import load_scenario
from game.tools import doc_tables

OPEN_FIELD = Path(__file__).parent / "data" / "open_field.tmx"


def test_every_sim_json_field_is_documented():
    report = run_headless(load_scenario(OPEN_FIELD), seed=1, ticks=3).as_dict()
    assert set(doc_tables.SIM_FIELDS) == set(report)


def test_every_seeds_field_is_documented():
    run = run_headless(load_scenario(OPEN_FIELD), seed=1, ticks=3)
    row = run_row(run.as_dict(), run.session.world)
    summary = summarise([row])
    named = set()
    for key in doc_tables.SEEDS_FIELDS:
        part, _, names = key.partition(".")
        named |= {f"{part}.{n.strip()}" for n in names.split(",")}
    assert named == {f"runs[].{k}" for k in row} | {f"summary.{k}" for k in summary}


def test_readme_and_guide_carry_the_generated_field_tables():
    for guide in (ROOT / "README.md", ROOT / "MODDING.md"):
        text = guide.read_text(encoding="utf-8")
        assert "<!-- BEGIN sim_json -->" in text, guide
        assert doc_tables.render(text) == text, "run: python -m game.tools.doc_tables --write"
    assert doc_tables.main(["--check"]) == 0


def test_a_squad_all_down_is_not_killed_but_downed():
    session = Session(load_scenario(OPEN_FIELD), seed=1)
    for unit in session.world.squad():
        unit.life = "downed"  # everyone hit hard and nobody dead
    events = Counter(type(e).__name__ for e in session.advance([]))
    report = RunReport(session, events).as_dict()
    assert report["outcome"] == "defeat" and report["reason"] == "The squad is down."
    size = len(session.world.squad())
    assert (report["squad_killed"], report["squad_downed"], report["squad_standing"],
            report["squad_alive"]) == (0, size, 0, size)
