"""The debrief figures and the star rule, and the `sim` report's survivor counts."""

from __future__ import annotations

from game.debrief import STAR_RULE_TEXT, debrief, star_rating
from game.headless import run_headless
from game.sim.commands import Follow, Move
from game.sim.facts import TickFacts
from tests.ascii_maps import ascii_scenario

LANE = ["XX..S.A.A.", "XX........"]


def test_star_rule():
    assert star_rating(False, 0, 0, True) == 0
    assert star_rating(True, 1, 0, True) == 1
    assert star_rating(True, 0, 1, False) == 1
    assert star_rating(True, 0, 0, False) == 2
    assert star_rating(True, 0, 0, True) == 3
    assert [line.split(":")[0] for line in STAR_RULE_TEXT.splitlines()] == [
        "1 star", "2 stars", "3 stars"]


def test_a_clean_rescue_of_everyone_earns_three_stars_and_is_reported():
    sc = ascii_scenario(LANE, rescue_required=2)
    from game.session import Session

    session = Session(sc, seed=1)
    world = session.world
    rafiq = next(u for u in world.squad() if u.kind == "rafiq")
    ids = tuple(u.id for u in world.squad())
    civs = tuple(c.id for c in world.civilians())
    commands = {0: [Follow(civs, rafiq.id), Move(ids, 0, 0)]}
    report = run_headless(sc, seed=1, ticks=900, commands=commands).as_dict()
    assert report["outcome"] == "victory", report["reason"]
    assert report["survivors_found"] == 2 and report["rescued"] == 2
    assert report["survivors_saved"] == 2 and report["survivors_lost"] == 0
    assert report["stars"] == 3


def test_debrief_counts_losses_and_accuracy():
    from game.sim.health import apply_damage
    from game.sim.world import new_world

    world = new_world(ascii_scenario(LANE, rescue_required=1), seed=1)
    civ = world.civilians()[0]
    apply_damage(world, civ, 500, 0, [], TickFacts())
    apply_damage(world, civ, 5, 0, [], TickFacts())  # a downed survivor hit again dies
    world.stats.shots, world.stats.hits = 8, 2
    d = debrief(world)
    assert d.survivors_lost == 1 and d.accuracy == 0.25 and d.stars == 0
    assert any("Survivors lost: 1" in line for line in d.lines())
    assert d.as_dict()["star_rule"] == STAR_RULE_TEXT
