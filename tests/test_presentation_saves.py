"""Settings, campaign progress and unlock order: JSON round trips, damaged files set aside."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.progress import Mission, Progress, load_campaign, load_progress, save_progress
from game.settings import Settings, load_settings, save_settings


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("DANGER_CLOSE_HOME", str(tmp_path))
    return tmp_path


def missions(tmp_path: Path) -> list[Mission]:
    return [Mission("training", tmp_path / "t.tmx", "Training", training=True),
            Mission("qasr", tmp_path / "q.tmx", "Qasr al-Hanif"),
            Mission("mavrah", tmp_path / "m.tmx", "Mavrah"),
            Mission("granary", tmp_path / "g.tmx", "The granary")]


def test_missions_unlock_in_order(tmp_path):
    ms = missions(tmp_path)
    p = Progress()
    assert p.unlocked(ms) == [True, False, False, False]  # a new player: training only
    assert p.next_mission(ms).id == "training"
    p.record("training", 3)
    assert p.unlocked(ms) == [True, True, False, False]
    assert p.next_mission(ms).id == "qasr"
    p.record("qasr", 2)
    assert p.unlocked(ms) == [True, True, True, False]
    assert p.next_mission(ms).id == "mavrah"
    p.record("mavrah", 1)
    assert p.unlocked(ms) == [True, True, True, True]
    p.record("granary", 3)
    assert p.next_mission(ms) is None
    # winning a mission again keeps the best rating
    assert not p.record("qasr", 1) and p.stars["qasr"] == 2
    assert p.record("qasr", 3) and p.stars["qasr"] == 3


def test_progress_from_before_training_was_required_still_holds(tmp_path):
    """A player who skipped training when it was optional keeps every mission they had
    open, and Continue goes on with the story, not back to the lane."""
    ms = missions(tmp_path)
    p = Progress({"qasr": 2})
    assert p.unlocked(ms) == [True, True, True, False]
    assert p.next_mission(ms).id == "mavrah"


def test_progress_round_trip(home):
    p = Progress({"qasr": 3, "mavrah": 1})
    assert save_progress(p) == ""
    loaded, problem = load_progress()
    assert problem == "" and loaded == p
    assert json.loads((home / "progress.json").read_text())["stars"] == {"mavrah": 1, "qasr": 3}


def test_settings_round_trip(home):
    s = Settings(master_volume=0.3, effects_volume=0.5, fullscreen=True,
                 window_size=(1600, 900), ui_scale=1.25, difficulty="hard",
                 keys={"pause": ["p"]})
    assert save_settings(s) == ""
    loaded, problem = load_settings()
    assert problem == ""
    assert loaded.master_volume == 0.3 and loaded.effects_volume == 0.5
    assert loaded.fullscreen and loaded.window_size == (1600, 900)
    assert loaded.ui_scale == 1.25 and loaded.difficulty == "hard"
    assert loaded.keys["pause"] == ["p"]
    assert loaded.keys["gather"] == ["g"]  # actions not in the file get their defaults


def test_first_run_has_defaults_and_no_problem(home):
    assert load_settings() == (Settings(), "")
    assert load_progress() == (Progress(), "")


@pytest.mark.parametrize("content", ["{\"stars\": {\"qasr\": 3", "[1, 2, 3]", "\xff\xfe"])
def test_corrupt_progress_is_reported_kept_and_replaced(home, content):
    path = home / "progress.json"
    path.write_bytes(content.encode("latin-1"))
    progress, problem = load_progress()
    assert progress == Progress()
    assert problem and "Defaults used" in problem
    backups = list(home.glob("progress.json.corrupt-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == content.encode("latin-1")
    assert not path.exists()
    # the game goes on: the next save writes a good file beside the kept one
    assert save_progress(Progress({"qasr": 1})) == ""
    assert load_progress() == (Progress({"qasr": 1}), "")


def test_corrupt_settings_twice_keeps_both_backups(home):
    for text in ("not json", "{also not"):
        (home / "settings.json").write_text(text)
        settings, problem = load_settings()
        assert settings == Settings() and problem
    assert len(list(home.glob("settings.json.corrupt-*"))) == 2


def test_bad_values_fall_back_one_by_one(home):
    (home / "settings.json").write_text(json.dumps({
        "master_volume": "loud", "effects_volume": 0.4, "window_size": [10, 10],
        "difficulty": "nightmare", "keys": {"pause": ["escape"], "nonsense": ["q"],
                                            "stop": ["not a key"], "gather": ["h"]}}))
    s, problem = load_settings()
    assert problem == ""
    assert s.master_volume == Settings().master_volume and s.effects_volume == 0.4
    assert s.window_size == (1280, 720) and s.difficulty == "normal"
    assert s.keys["pause"] == ["space"]  # Esc is reserved for the menu
    assert s.keys["stop"] == ["x"] and s.keys["gather"] == ["h"]
    assert "nonsense" not in s.keys


def test_campaign_list_from_file_and_fallback(tmp_path):
    for name in ("a.tmx", "b.tmx", "granary.tmx"):
        (tmp_path / name).write_text("<map/>")
    (tmp_path / "campaign.json").write_text(json.dumps([
        {"id": "b", "map": "b.tmx", "title": "Bee", "summary": "second first"},
        {"id": "gone", "map": "missing.tmx", "title": "Not there"},
        {"id": "a", "map": "a.tmx", "title": "Ay", "training": True},
    ]))
    ms = load_campaign(tmp_path)
    assert [m.id for m in ms] == ["b", "a"] and ms[1].training and ms[0].title == "Bee"
    (tmp_path / "campaign.json").write_text("{broken")
    assert [m.id for m in load_campaign(tmp_path)] == ["granary"]  # the maps present


def test_shipped_campaign_is_in_story_order():
    ids = [m.id for m in load_campaign()]
    story = [i for i in ("qasr_al_hanif", "mavrah", "granary") if i in ids]
    assert [i for i in ids if i in story] == story
    assert "granary" in ids
