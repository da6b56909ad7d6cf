"""Scouts raise the alarm: they run for their group's reserves instead of fighting, and the
reserves come only if the scout gets there (or after a while) alive."""

from __future__ import annotations

from game.session import Session
from game.sim.alarm import RUNNING_LINE, TIME_LIMIT
from game.sim.catalog import TICK_HZ
from game.sim.world import state_hash
from tests.ascii_maps import ascii_scenario

# the squad on the west, the scout (O) or a rifleman (E) in the middle looking at it, the
# scout's reserve (r) waiting far to the east
ROWS = [
    "..............................",
    "..............................",
    ".S......O....................r",
    "..............................",
    "..............................",
]


def _session(rows: list[str], seed: int = 3) -> tuple[Session, object, object]:
    session = Session(ascii_scenario(rows), seed=seed)
    world = session.world
    rafiq = None
    for unit in world.squad():
        if unit.kind == "rafiq":
            rafiq = unit
        else:
            del world.units[unit.id]  # one member keeps the numbers simple
    rafiq.hp = 100_000
    first = next(u for u in world.insurgents() if u.life != "reserve")
    return session, rafiq, first


def _shots_by(events, uid: int) -> int:
    return sum(1 for e in events if type(e).__name__ == "ShotFired" and e.shooter_id == uid)


def _reserve(session: Session):
    return next(u for u in session.world.insurgents() if u.group == "alarm" and u.kind ==
                "rifleman")


def test_a_scout_that_sees_the_squad_runs_instead_of_fighting():
    session, rafiq, scout = _session(ROWS)
    scout.hp = 100_000
    events: list = []
    while scout.mind.alert not in ("red", "black") and session.world.tick < 10 * TICK_HZ:
        events += session.advance()
    assert scout.mind.alert in ("red", "black"), "the scout never noticed the squad"
    start = abs(scout.x - rafiq.x)
    for _ in range(4 * TICK_HZ):
        events += session.advance()
    assert abs(scout.x - rafiq.x) > start + 4 * 256, "did not break contact"
    assert _shots_by(events, scout.id) == 0, "stood and fought"
    said = [e.text for e in events if type(e).__name__ == "RadioMessage"]
    assert RUNNING_LINE in said, "the squad saw it run and said nothing"


def test_the_reserves_come_when_the_scout_reaches_them():
    session, rafiq, scout = _session(ROWS)
    scout.hp = 100_000
    reserve = _reserve(session)
    assert reserve.life == "reserve" and reserve.hidden
    events: list = []
    for _ in range(30 * TICK_HZ):
        events += session.advance()
        if "alarm" in session.world.sprung_groups:
            break
    assert "alarm" in session.world.sprung_groups, "the alarm was never raised"
    assert abs(scout.x - reserve.x) <= 3 * 256 + 128, "sprung before the scout got there"
    assert session.world.tick < TIME_LIMIT + 10 * TICK_HZ
    assert reserve.life == "active" and not reserve.hidden
    assert reserve.mind.alert in ("red", "yellow")
    assert reserve.mind.interest is not None and reserve.mind.interest[0] < 12, \
        "the reserves were not sent toward where the squad was last seen"
    start = abs(reserve.x - rafiq.x)
    for _ in range(6 * TICK_HZ):
        session.advance()
    assert abs(reserve.x - rafiq.x) < start - 2 * 256, "the reserves did not come hunting"


def test_a_scout_shot_down_on_the_way_raises_no_alarm():
    session, rafiq, scout = _session(ROWS)
    world = session.world
    while scout.id not in world.alarms and world.tick < 10 * TICK_HZ:
        session.advance()
    assert scout.id in world.alarms, "the scout never started running"
    scout.hp = 1  # the next round that touches it drops it
    for _ in range(TIME_LIMIT + 5 * TICK_HZ):
        session.advance()
    assert not scout.active, "rafiq never stopped the scout"
    assert "alarm" not in world.sprung_groups
    assert _reserve(session).life == "reserve"
    assert scout.id not in world.alarms


def test_a_rifleman_still_stands_and_fights():
    rows = [r.replace("O", "E") for r in ROWS]
    session, rafiq, rifleman = _session(rows)
    rifleman.hp = 100_000
    events: list = []
    start = abs(rifleman.x - rafiq.x)
    for _ in range(10 * TICK_HZ):
        events += session.advance()
    assert _shots_by(events, rifleman.id) > 0, "the rifleman never fired"
    assert abs(rifleman.x - rafiq.x) <= start + 2 * 256, "the rifleman ran"
    assert "alarm" not in session.world.sprung_groups


def test_the_alarm_is_part_of_the_state_hash():
    a, _, _ = _session(ROWS)
    b, _, _ = _session(ROWS)
    for _ in range(3 * TICK_HZ):
        a.advance()
        b.advance()
    assert a.world.alarms and state_hash(a.world) == state_hash(b.world)
    b.world.alarms[next(iter(b.world.alarms))][0] += 1
    assert state_hash(a.world) != state_hash(b.world)
