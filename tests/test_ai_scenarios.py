"""The insurgents' behaviour on tiny maps drawn as text, and on the granary."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.ai.knowledge import roll
from game.ai.tactics import choose_tile
from game.session import Session
from game.sim.combat import can_shoot, cover_between
from game.sim.commands import AttackGround, Move
from game.sim.difficulty import difficulty_of
from game.sim.geometry import SUB, centre_of
from game.sim.noise import Noise, audible
from game.sim.perception import FULL
from game.sim.scenario import InsurgentSpawn, TriggerZone
from game.sim.world import state_hash
from tests.ascii_maps import ascii_scenario

GRANARY = Path(__file__).resolve().parents[1] / "maps" / "granary.tmx"


def only_member(session: Session, kind: str = "rafiq"):
    """Keep one squad member (the others leave the map) and return it."""
    world = session.world
    keep = None
    for unit in world.squad():
        if unit.kind == kind:
            keep = unit
        else:
            del world.units[unit.id]
    return keep


def tough(unit, hp: int = 100_000) -> None:
    unit.hp = hp


def names(events) -> list[str]:
    return [type(e).__name__ for e in events]


def test_a_wall_halves_how_far_a_shot_carries():
    sc = ascii_scenario([
        "..........",
        ".....#....",
        "..........",
    ])
    opaque = sc.terrain.opaque
    shot = Noise(0, 1, 10.0, 0, "shot")
    assert audible(opaque, shot, 4, 1)
    assert audible(opaque, shot, 9, 0)  # round the wall: heard in full
    assert not audible(opaque, shot, 9, 1), "heard ten tiles off through a wall"
    assert audible(opaque, Noise(3, 1, 10.0, 0, "shot"), 7, 1)  # 4 tiles through one wall


def test_hears_a_shot_behind_a_wall_and_goes_to_look():
    sc = ascii_scenario([
        "......#.........",
        "......#.........",
        "..S...#..E......",
        "......#.........",
        "................",
    ])
    session = Session(sc, seed=4)
    rafiq = only_member(session)
    enemy = session.world.insurgents()[0]
    enemy.facing = 0  # looking away, east
    start = abs(enemy.x - rafiq.x)
    events = session.advance([AttackGround((rafiq.id,), 4, 0)])
    for _ in range(20):
        events += session.advance()
    assert enemy.mind.alert == "yellow" and enemy.mind.interest is not None
    assert "InsurgentAlerted" in names(events) and "NoiseMade" in names(events)
    closest = start
    for _ in range(300):
        session.advance([AttackGround((rafiq.id,), 4, 0)] if session.world.tick % 60 == 0 else [])
        closest = min(closest, abs(enemy.x - rafiq.x))
    assert closest < start - 2 * SUB, "did not go toward the noise"
    assert enemy.mind.alert in ("red", "black"), "went to look and did not find the shooter"


def test_a_glimpse_at_the_edge_of_sight_is_not_instant_detection():
    sc = ascii_scenario(["S" + "." * 8 + "E", "." * 10])
    session = Session(sc, seed=1)
    rafiq = only_member(session)
    enemy = session.world.insurgents()[0]
    session.advance()
    session.advance()
    session.advance()
    assert 0 < enemy.mind.detect.get(rafiq.id, 0) < FULL, "far target detected at first sight"
    for _ in range(150):
        session.advance()
    assert enemy.mind.detect.get(rafiq.id, 0) == FULL


def test_hard_insurgents_detect_faster_than_easy_ones():
    filled = {}
    for level in ("easy", "hard"):
        sc = ascii_scenario(["S" + "." * 8 + "E", "." * 10])
        session = Session(sc, seed=1, difficulty=level)
        rafiq = only_member(session)
        enemy = session.world.insurgents()[0]
        ticks = 0
        while enemy.mind.detect.get(rafiq.id, 0) < FULL and ticks < 600:
            session.advance()
            ticks += 1
        filled[level] = ticks
    assert filled["hard"] < filled["easy"]
    assert difficulty_of("hard").accuracy > difficulty_of("easy").accuracy


def test_under_fire_in_the_open_it_moves_to_cover():
    sc = ascii_scenario([
        "...................",
        ".......b...........",
        "S......b...E.......",
        ".......b...........",
        ".......b...........",
        "...................",
    ])
    session = Session(sc, seed=2)
    rafiq = only_member(session)
    enemy = session.world.insurgents()[0]
    tough(enemy)
    tough(rafiq)
    assert cover_between(session.world, rafiq, enemy) == 0
    in_cover = 0
    for _ in range(240):
        session.advance()
        if cover_between(session.world, rafiq, enemy) > 0 and not enemy.path:
            in_cover += 1
    assert in_cover > 30, "never settled behind the sandbags"


def _flanker_seed(make) -> int:
    for seed in range(50):
        session = make(seed)
        enemy = session.world.insurgents()[0]
        if roll(session.world, enemy.id, 1) < difficulty_of("normal").aggression:
            return seed
    raise AssertionError("no seed makes a flanker")


def test_a_flanker_reaches_a_tile_that_sees_past_the_targets_low_cover():
    rows = [
        "..................",
        "..................",
        "..........S.......",
        "..........b.......",
        "..................",
        "..................",
        "..................",
        "..........E.......",
        "..................",
    ]

    def make(seed: int) -> Session:
        session = Session(ascii_scenario(rows), seed=seed)
        rafiq = only_member(session)
        rafiq.x, rafiq.y = centre_of(10), centre_of(2)  # behind the sandbag at (10, 3)
        return session

    session = make(_flanker_seed(make))
    world = session.world
    rafiq = world.squad()[0]
    enemy = world.insurgents()[0]
    enemy.facing = 270
    tough(enemy)
    tough(rafiq)
    rafiq.facing = 0  # looking away: it does not know to shift
    choice = choose_tile(world, enemy, "flank", [rafiq.tile], rafiq.tile, 8)
    assert choice is not None and choice.moved
    flanked = False
    for _ in range(450):
        session.advance()
        if not enemy.path and can_shoot(world, enemy, rafiq) \
                and cover_between(world, enemy, rafiq) == 0:
            flanked = True
            break
    assert flanked, f"stuck at {enemy.tile} with alert {enemy.mind.alert}"


def test_a_sniper_keeps_its_perch_and_aims_before_each_shot():
    sc = ascii_scenario([
        "RRRRRRRRR.........",
        "RRRRNRRRR.........",
        "..................",
        "..................",
        "..................",
        "..................",
        "...............S..",
    ])
    session = Session(sc, seed=3)
    rafiq = only_member(session)
    tough(rafiq)
    sniper = session.world.insurgents()[0]
    sniper.facing = 45
    tough(sniper)
    elevation = session.world.terrain.elevation
    aiming_seen = shots = 0
    last_activity = ""
    for tick in range(900):
        orders = [Move((rafiq.id,), 2 + (tick // 150) % 10, 5)] if tick % 150 == 0 else []
        for event in session.advance(orders):
            if type(event).__name__ == "ShotFired" and event.shooter_id == sniper.id:
                shots += 1
                assert last_activity == "aiming", "fired with no visible aiming"
        last_activity = sniper.activity
        if sniper.activity == "aiming":
            aiming_seen += 1
            assert sniper.aim_target == rafiq.id
        x, y = sniper.tile
        assert elevation[y, x] > 0, f"sniper left its perch at tick {tick}"
    assert shots >= 2 and aiming_seen >= 40


def _ambush_scenario():
    sc = ascii_scenario([
        "S...................",
        "....................",
        "....................",
        "....................",
        "...........#####....",
        "...........#...#....",
        "....................",
    ])
    for x in (12, 14):
        sc.insurgents.append(
            InsurgentSpawn(centre_of(x), centre_of(5), group="south", ambush=True, facing=270)
        )
    sc.insurgents.append(InsurgentSpawn(centre_of(19), centre_of(6), group="south",
                                        reinforcement=True))
    sc.triggers.append(TriggerZone((0, 3 * SUB, 20 * SUB, 4 * SUB), group="south"))
    return sc


def test_an_ambush_waits_silent_until_its_trigger_then_springs():
    session = Session(_ambush_scenario(), seed=5)
    rafiq = only_member(session)
    tough(rafiq)
    world = session.world
    ambushers = world.insurgents()
    for unit in ambushers:
        tough(unit)
    events = session.advance([Move((rafiq.id,), 9, 2)])
    for _ in range(200):
        events += session.advance()
    assert all(u.hidden for u in ambushers), "ambush revealed before its trigger"
    assert not any(type(e).__name__ == "ShotFired" and e.shooter_id in {u.id for u in ambushers}
                   for e in events)
    assert "TriggerFired" not in names(events)
    events = session.advance([Move((rafiq.id,), 9, 3)])
    for _ in range(200):
        events += session.advance()
    assert "TriggerFired" in names(events)
    assert any(type(e).__name__ == "RadioMessage" and "Contact" in e.text for e in events)
    assert all(not u.hidden and u.active for u in ambushers)
    assert all(u.mind.alert in ("red", "black") for u in ambushers)
    assert any(type(e).__name__ == "ShotFired" and e.shooter_id == ambushers[0].id
               for e in events)


def _granary():
    if not GRANARY.exists():
        pytest.skip("maps/granary.tmx not built")
    from game.tiled.loader import load_scenario

    return load_scenario(GRANARY)


ADVANCE = ((34, 24), (35, 40), (50, 44))


@pytest.mark.parametrize("advancing", [False, True])
def test_no_insurgent_that_knows_of_a_target_stands_idle_for_long(advancing):
    scenario = _granary()
    limit = 5 * 30
    for seed in (1, 2, 3):
        session = Session(scenario, seed=seed)
        world = session.world
        ids = tuple(u.id for u in world.squad())
        for unit in world.squad():
            tough(unit, 2000)
        for tick in range(1500):
            orders = []
            if advancing and tick % 500 == 0:
                x, y = ADVANCE[tick // 500]
                orders = [Move(ids, x, y)]
            session.advance(orders)
            for unit in world.insurgents():
                if unit.active and not unit.hidden and unit.mind.alert in ("red", "black"):
                    assert unit.mind.still_ticks <= limit, (
                        f"seed {seed} tick {tick}: {unit.kind} {unit.id} at {unit.tile} "
                        f"idle {unit.mind.still_ticks} ticks ({unit.mind.alert}, {unit.activity})")


def test_same_seed_same_fight():
    scenario = _granary()
    hashes = []
    for _ in range(2):
        session = Session(scenario, seed=9)
        ids = tuple(u.id for u in session.world.squad())
        session.advance([Move(ids, 34, 24)])
        for _ in range(900):
            session.advance()
        hashes.append(state_hash(session.world))
    assert hashes[0] == hashes[1]
