"""The campaign: its mission list, and each story map's distinctive content, loaded as the
game loads it (game.tiled) and run headless."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
import tcod

from game import MAPS_DIR
from game.headless import run_headless
from game.sim.geometry import SUB
from game.tiled import load_scenario
from game.tiled.validate import reach_from, validate_map
from game.tools import make_campaign
from game.tools.overwrite_guard import DIGESTS_NAME, EditedSinceGenerated

CAMPAIGN = MAPS_DIR / "campaign.json"
ORDER = ["training", "qasr_al_hanif", "mavrah", "granary"]


def missions() -> list[dict]:
    return json.loads(CAMPAIGN.read_text(encoding="utf-8"))


def map_paths() -> list[Path]:
    return [MAPS_DIR / m["map"] for m in missions()]


def tile(x: int, y: int) -> tuple[int, int]:
    return x // SUB, y // SUB


def map_property(path: Path, name: str) -> str | None:
    """A map-level property as written (element text for multi-line strings)."""
    root = ET.parse(path).getroot()
    for prop in root.findall("./properties/property"):
        if prop.get("name") == name:
            return prop.get("value", prop.text)
    return None


# ---------------------------------------------------------------- the mission list


def test_campaign_lists_existing_maps_in_story_order_training_first() -> None:
    listed = missions()
    assert [m["id"] for m in listed] == ORDER
    assert listed[0].get("training") is True
    assert not any(m.get("training") for m in listed[1:])
    for mission in listed:
        assert {"id", "map", "title", "summary"} <= set(mission)
        assert (MAPS_DIR / mission["map"]).is_file(), mission["map"]
        assert mission["title"] and mission["summary"]


def test_the_campaign_generator_refuses_to_overwrite_an_edited_map(tmp_path: Path) -> None:
    # The shipped maps are edited in Tiled: a re-run of the old generator must not wipe
    # an edit out, and must write nothing at all rather than half the campaign.
    make_campaign.write_campaign(tmp_path)
    edited = tmp_path / "mavrah.tmx"
    edited.write_text(edited.read_text(encoding="utf-8") + "<!-- edited in Tiled -->\n",
                      encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    with pytest.raises(EditedSinceGenerated, match="mavrah.tmx"):
        make_campaign.write_campaign(tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    make_campaign.write_campaign(tmp_path, force=True)
    assert "edited in Tiled" not in edited.read_text(encoding="utf-8")


def test_the_shipped_campaign_maps_are_guarded() -> None:
    # every shipped campaign map is either still as generated or edited since: in both
    # cases the generator's guard knows it, so a plain re-run can never lose an edit
    recorded = json.loads((MAPS_DIR / DIGESTS_NAME).read_text(encoding="utf-8"))
    assert set(make_campaign.CAMPAIGN_MAPS) | {"granary.tmx"} <= set(recorded)


@pytest.mark.parametrize("path", map_paths(), ids=lambda p: p.stem)
def test_every_campaign_map_validates_without_errors(path: Path) -> None:
    errors = [str(p) for p in validate_map(str(path)) if p.is_error]
    assert errors == []


@pytest.mark.parametrize("path", map_paths(), ids=lambda p: p.stem)
def test_spawns_stand_on_walkable_tiles_and_snipers_up_high(path: Path) -> None:
    scen = load_scenario(path)
    terrain = scen.terrain
    spawns = [*scen.squad, *scen.civilians, *scen.insurgents, *scen.crates]
    for spawn in spawns:
        tx, ty = tile(spawn.x, spawn.y)
        assert terrain.walkable[ty, tx], (path.name, spawn)
    for ins in scen.insurgents:
        if ins.role == "sniper":
            tx, ty = tile(ins.x, ins.y)
            assert terrain.elevation[ty, tx] > 0, (path.name, ins)
    assert "Rahim" in scen.rules.briefing


@pytest.mark.parametrize("path", map_paths(), ids=lambda p: p.stem)
def test_an_idle_squad_lasts_600_ticks_and_sees_its_start(path: Path) -> None:
    """With no orders the mission neither crashes nor decides itself in 20 s: a map that
    wins or loses on its own, or drops the squad at once, is broken."""
    report = run_headless(load_scenario(path), seed=3, ticks=600)
    world = report.session.world
    assert world.tick == 600, world.outcome_reason
    assert world.outcome == "undecided"
    assert all(member.active for member in world.squad())
    assert world.seen_ever.sum() > 50, "the squad sees round its start"
    assert report.as_dict()["squad_alive"] >= 1


# ---------------------------------------------------------------- training


def test_training_prompts_cover_every_lesson_in_order() -> None:
    path = MAPS_DIR / "training.tmx"
    text = map_property(path, "tutorial")
    assert text, "training.tmx needs a tutorial property"
    lines = [line for line in text.splitlines() if line.strip()]
    lessons = ["select", "move", "pause", "follow", "wounded", "falcon-2", "bravo"]
    found = [next(i for i, line in enumerate(lines) if word in line.lower())
             for word in lessons]
    assert found == sorted(found), "the prompts must come in the order of the lessons"
    scen = load_scenario(path)
    assert len([t for t in scen.triggers if t.radio]) >= 3


def test_training_has_a_wounded_survivor_targets_and_a_strike() -> None:
    scen = load_scenario(MAPS_DIR / "training.tmx")
    assert any(c.wounded for c in scen.civilians)
    assert any(not c.wounded for c in scen.civilians)
    assert scen.rules.rescue_required == len(scen.civilians)
    assert scen.rules.air_strikes >= 1
    targets = [i for i in scen.insurgents if i.group == "range"]
    assert 1 <= len(targets) <= 2
    assert all(i.ambush for i in targets)
    assert any(t.group == "range" for t in scen.triggers)


# ---------------------------------------------------------------- Qasr al-Hanif


def test_qasr_vaccines_sit_behind_the_locked_door_and_are_reachable_once_open() -> None:
    scen = load_scenario(MAPS_DIR / "qasr_al_hanif.tmx")
    terrain = scen.terrain
    assert terrain.locked.any()
    required = [c for c in scen.crates if c.required]
    assert len(required) >= 2
    start = [tile(s.x, s.y) for s in scen.squad]
    # with the lock shut: walk on walkable tiles only (unlocked doors are walkable)
    shut = np.zeros(terrain.walkable.shape, dtype=np.int32)
    shut[terrain.walkable] = 1
    dist = np.full(shut.shape, np.iinfo(np.int32).max, dtype=np.int32)
    for x, y in start:
        dist[y, x] = 0
    tcod.path.dijkstra2d(dist, shut, 1, 0, out=dist)
    closed_reach = dist != np.iinfo(np.int32).max
    open_reach = reach_from(scen, start)
    for crate in required:
        tx, ty = tile(crate.x, crate.y)
        assert not closed_reach[ty, tx], "a vaccine crate is reachable without Maaz"
        assert open_reach[ty, tx], "a vaccine crate stays out of reach once unlocked"
    exit_zone = scen.extractions[0].rect
    ex, ey = exit_zone[0] // SUB, exit_zone[1] // SUB
    assert open_reach[ey, ex]


def test_qasr_two_scouts_can_raise_the_alarm_for_their_reserves() -> None:
    scen = load_scenario(MAPS_DIR / "qasr_al_hanif.tmx")
    alarm = [i for i in scen.insurgents if i.group == "alarm"]
    scouts = [i for i in alarm if not i.reinforcement]
    assert len(scouts) == 2 and all(i.role == "scout" for i in scouts)
    assert any(i.reinforcement for i in alarm)
    assert not [t for t in scen.triggers if t.group == "alarm"], \
        "the scouts bring the reserves, not a trigger"
    assert any(s.patrol for s in scouts), "a scout walks past the storage door"
    prompts = [t for t in scen.triggers if not t.group and t.radio]
    x0, y0, x1, y1 = prompts[0].rect
    crates_inside = [c for c in scen.crates if x0 <= c.x < x1 and y0 <= c.y < y1]
    assert crates_inside, "the storage room's line is said in the storage room"
    assert scen.rules.rescue_required == 0
    assert scen.rules.air_strikes in (0, 1)


# ---------------------------------------------------------------- Mavrah


def test_mavrah_survivor_groups_and_goal() -> None:
    scen = load_scenario(MAPS_DIR / "mavrah.tmx")
    groups: dict[str, list] = {}
    for civ in scen.civilians:
        groups.setdefault(civ.group, []).append(civ)
    assert {"storage", "mosque", "bakery", "school"} <= set(groups)
    kinds = sorted(c.kind for c in groups["storage"])
    assert kinds == ["child"] * 4 + ["elder"]
    for name in ("mosque", "bakery", "school"):
        assert 1 <= len(groups[name]) <= 3
    assert all(c.hidden for c in scen.civilians)
    assert 0 < scen.rules.rescue_required <= len(scen.civilians)
    assert scen.rules.air_strikes == 1
    assert [z.name for z in scen.extractions] == ["Bravo"]
    assert any(i.ambush for i in scen.insurgents)
    assert sum(1 for i in scen.insurgents if i.patrol) >= 3
