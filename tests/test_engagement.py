"""Rules of engagement and hold position (game/sim/engagement.py), the queries the cover
and exposure overlays ask (game/sim/queries.py), and the group order on a locked door."""

from __future__ import annotations

from game.session import Session
from game.sim import combat, queries
from game.sim.commands import Attack, HoldPosition, Move, SetRoe, command_from_dict, command_to_dict
from game.sim.events import CommandRefused, ShotFired
from game.sim.kinds import Roe
from game.sim.queries import cover_by_direction, exposure_grid, watchers_of
from game.sim.terrain import COVER_HIGH, COVER_LOW
from game.sim.world import new_world, state_hash
from game.ui.orders import right_click
from tests.ascii_maps import ascii_scenario
from tests.survivor_helpers import member, park_squad, run

DUEL = [
    "...........",
    "S......E...",
    "...........",
]


def _duel(seed: int = 3) -> Session:
    session = Session(ascii_scenario(DUEL), seed=seed)
    park_squad(session.world, "rafiq")
    return session


def _advance(session: Session, ticks: int, commands=()) -> list:
    events = session.advance(list(commands))
    for _ in range(ticks - 1):
        events += session.advance([])
    return events


def _shots_by(events, unit_id: int) -> list:
    return [e for e in events if isinstance(e, ShotFired) and e.shooter_id == unit_id]


# -- queries the overlays ask ---------------------------------------------------------------
def test_cover_by_direction_reads_the_tiles_beside():
    world = new_world(ascii_scenario([
        ".....",
        "..c..",
        "..Sb.",
        ".....",
    ]), seed=1)
    shields = cover_by_direction(world.terrain, (2, 2))
    assert shields[(1, 0)] == COVER_LOW  # sandbags east
    assert shields[(0, -1)] == COVER_HIGH  # crates north
    assert shields[(1, -1)] == COVER_HIGH  # both count toward the corner
    assert shields[(-1, 0)] == 0 and shields[(0, 1)] == 0 and shields[(-1, 1)] == 0


def test_cover_by_direction_is_what_a_level_shooter_meets():
    world = new_world(ascii_scenario([
        ".......",
        "...c...",
        "..bS...",
        ".......",
        ".......",
    ]), seed=1)
    tile = (3, 2)
    shields = cover_by_direction(world.terrain, tile)
    for (dx, dy), cover in shields.items():
        threat = (tile[0] + 3 * dx, tile[1] + 2 * dy)
        if world.terrain.in_bounds(*threat):
            assert queries.cover_from(world.terrain, tile, threat) == cover


def test_watchers_of_sees_through_the_open_not_through_walls():
    world = new_world(ascii_scenario([
        "S.....#....E",
        "......#.....",
        "............",
    ]), seed=1)
    enemy = world.insurgents()[0]
    enemy.facing = 180  # looks west, toward the squad
    world.seen_now[:] = True  # the squad knows of it
    assert watchers_of(world, (8, 2)) == [enemy]
    assert watchers_of(world, (3, 0)) == [], "seen through the wall"
    grid = exposure_grid(world)
    for y in range(world.terrain.height):
        for x in range(world.terrain.width):
            assert grid[y, x] == bool(watchers_of(world, (x, y)))


def test_watchers_only_counts_insurgents_the_squad_knows_of():
    world = new_world(ascii_scenario(["S..........E"]), seed=1)
    world.insurgents()[0].facing = 180
    world.seen_now[:] = False
    assert watchers_of(world, (5, 0)) == []
    assert not exposure_grid(world).any()


def test_the_preview_and_the_shot_share_one_hit_chance():
    assert combat.hit_chance is queries.hit_chance
    assert combat.can_shoot is queries.can_shoot
    session = _duel()
    world = session.world
    rafiq, enemy = member(world, "rafiq"), world.insurgents()[0]
    chance = queries.hit_chance(world, rafiq, enemy)
    assert chance == queries.hit_chance(world, rafiq, enemy, rafiq.weapon)
    assert 0.02 <= chance <= 0.97


def test_every_shot_rolls_against_the_query(monkeypatch):
    """Force the query to certainty each way: the shots follow it."""
    for odds, expect in ((0.0, False), (1.0, True)):
        monkeypatch.setattr(combat, "hit_chance", lambda *a, _o=odds: _o)
        session = _duel()
        rafiq = member(session.world, "rafiq")
        shots = _shots_by(_advance(session, 150), rafiq.id)
        assert shots and all(s.hit is expect for s in shots)


# -- rules of engagement --------------------------------------------------------------------
def test_fire_at_will_fires():
    session = _duel()
    rafiq = member(session.world, "rafiq")
    assert rafiq.squad.roe == Roe.FIRE_AT_WILL
    assert _shots_by(_advance(session, 120), rafiq.id)


def test_hold_fire_never_fires_even_when_shot_at():
    session = _duel()
    rafiq, enemy = member(session.world, "rafiq"), session.world.insurgents()[0]
    events = _advance(session, 600, [SetRoe((rafiq.id,), "hold_fire")])
    assert _shots_by(events, enemy.id), "the insurgent should have fired on Rafiq"
    assert not _shots_by(events, rafiq.id)
    refused = _advance(session, 1, [Attack((rafiq.id,), enemy.id)])
    assert any(isinstance(e, CommandRefused) for e in refused)


def test_return_fire_waits_for_incoming_fire():
    session = _duel()
    world = session.world
    rafiq, enemy = member(world, "rafiq"), world.insurgents()[0]
    enemy.facing = 0  # looking away: it has not seen the squad
    events = _advance(session, 90, [SetRoe((rafiq.id,), "return_fire")])
    assert not _shots_by(events, enemy.id)
    assert not _shots_by(events, rafiq.id), "fired before anyone fired on the squad"
    enemy.facing = 180  # it turns and opens fire
    events = _advance(session, 600)
    theirs, ours = _shots_by(events, enemy.id), _shots_by(events, rafiq.id)
    assert theirs and ours
    assert events.index(theirs[0]) < events.index(ours[0])


def test_return_fire_ignores_an_insurgent_that_has_not_fired():
    world = new_world(ascii_scenario(DUEL), seed=1)
    park_squad(world, "rafiq")
    rafiq, enemy = member(world, "rafiq"), world.insurgents()[0]
    rafiq.squad.roe = Roe.RETURN_FIRE
    assert not queries.roe_allows(world, rafiq, enemy)
    rafiq.squad.fired_on_by[enemy.id] = world.tick
    assert queries.roe_allows(world, rafiq, enemy)
    world.tick += queries.RETURN_FIRE_TICKS + 1
    assert not queries.roe_allows(world, rafiq, enemy), "old news still counted"


def test_roe_commands_round_trip_and_refuse_nonsense():
    cmd = SetRoe((1, 2), "return_fire")
    assert command_from_dict(command_to_dict(cmd)) == cmd
    hold = HoldPosition((3,), True)
    assert command_from_dict(command_to_dict(hold)) == hold
    world = new_world(ascii_scenario(DUEL), seed=1)
    events = run(world, 1, [SetRoe((member(world, "rafiq").id,), "shoot_everyone")])
    assert any(isinstance(e, CommandRefused) for e in events)


def test_default_orders_leave_the_hash_alone():
    a = new_world(ascii_scenario(DUEL), seed=4)
    b = new_world(ascii_scenario(DUEL), seed=4)
    ids = tuple(u.id for u in b.squad())
    run(b, 1, [SetRoe(ids, "fire_at_will"), HoldPosition(ids, False)])
    run(a, 1)
    assert state_hash(a) == state_hash(b)
    run(b, 1, [SetRoe(ids, "hold_fire")])
    run(a, 1)
    assert state_hash(a) != state_hash(b), "an order the hash does not see"


# -- hold position --------------------------------------------------------------------------
def test_hold_position_never_moves():
    session = Session(ascii_scenario([
        "S...#.....",
        "....#....E",
        "..........",
    ]), seed=2)
    world = session.world
    park_squad(world, "rafiq")
    rafiq, enemy = member(world, "rafiq"), world.insurgents()[0]
    start = (rafiq.x, rafiq.y)
    _advance(session, 1, [HoldPosition((rafiq.id,))])
    world.seen_now[:] = True  # in sight, so the attack order stands and would chase
    _advance(session, 400, [Attack((rafiq.id,), enemy.id)])
    assert (rafiq.x, rafiq.y) == start
    _advance(session, 60, [Move((rafiq.id,), 0, 2)])  # a move order ends the hold
    assert not rafiq.squad.holding and (rafiq.x, rafiq.y) != start


# -- a locked door --------------------------------------------------------------------------
def test_group_order_on_a_locked_door_sends_the_engineer_and_covers_the_rest():
    world = new_world(ascii_scenario([
        "..........####",
        "S.........L...",
        "..........####",
        "..........####",
    ]), seed=1)
    squad = world.squad()
    maaz = member(world, "maaz")
    orders = right_click(world, {u.id for u in squad}, None, (10, 1), False)
    interacts = [o for o in orders if type(o).__name__ == "Interact"]
    moves = [o for o in orders if isinstance(o, Move)]
    assert [(o.unit_id, o.x, o.y) for o in interacts] == [(maaz.id, 10, 1)]
    assert sorted(m.unit_ids[0] for m in moves) == sorted(u.id for u in squad if u is not maaz)
    spots = {(m.x, m.y) for m in moves}
    assert len(spots) == len(moves), "two sent to one spot"
    for x, y in spots:
        assert x < 10 and abs(x - 10) + abs(y - 1) <= 4, "not beside the door, our side"
        assert (x, y) != (9, 1), "standing in the doorway"
    events = run(world, 600, orders)
    assert not world.terrain.locked[1, 10]
    assert not any(isinstance(e, CommandRefused) for e in events)
    for m in moves:
        assert world.units[m.unit_ids[0]].tile == (m.x, m.y)


def test_door_order_without_maaz_selected_still_sends_him():
    world = new_world(ascii_scenario([
        "S.........L...",
        "..............",
    ]), seed=1)
    rafiq, maaz = member(world, "rafiq"), member(world, "maaz")
    orders = right_click(world, {rafiq.id}, None, (10, 0), False)
    assert any(getattr(o, "unit_id", 0) == maaz.id for o in orders)
    assert any(isinstance(o, Move) and o.unit_ids == (rafiq.id,) for o in orders)


def test_orders_survive_a_quicksave():
    from game.save import world_from_dict, world_to_dict

    scenario = ascii_scenario(DUEL)
    world = new_world(scenario, seed=2)
    rafiq = member(world, "rafiq")
    enemy = world.insurgents()[0]
    run(world, 1, [SetRoe((rafiq.id,), "return_fire"), HoldPosition((rafiq.id,))])
    rafiq.squad.fired_on_by[enemy.id] = world.tick
    loaded, _ = world_from_dict(world_to_dict(world), scenario)
    again = member(loaded, "rafiq")
    assert again.squad.roe == Roe.RETURN_FIRE and again.squad.holding
    assert again.squad.fired_on_by == {enemy.id: world.tick}
    assert state_hash(loaded) == state_hash(world)
