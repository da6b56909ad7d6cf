"""Rules of the core simulation, on tiny maps drawn as text."""

from __future__ import annotations

import numpy as np

from game.session import Session
from game.sim.combat import can_shoot, cover_between, hit_chance
from game.sim.commands import Attack, Follow, Move, Stop
from game.sim.facts import TickFacts
from game.sim.geometry import SUB, centre_of
from game.sim.pathing import PathGrid
from game.sim.world import new_world
from tests.ascii_maps import ascii_scenario


def squad_member(world, kind):
    return next(u for u in world.units.values() if u.kind == kind)


def run(session, ticks, commands=()):
    events = session.advance(list(commands))
    for _ in range(ticks - 1):
        events += session.advance()
    return events


def test_path_goes_around_a_wall_and_never_cuts_a_corner():
    sc = ascii_scenario([
        "......",
        ".####.",
        ".#....",
        ".#.S..",
        "......",
    ])
    grid = PathGrid(sc.terrain)
    path = grid.find((0, 0), (2, 2))
    assert path and path[-1] == (2, 2)
    walk = sc.terrain.walkable
    prev = (0, 0)
    for x, y in path:
        assert walk[y, x]
        dx, dy = x - prev[0], y - prev[1]
        if dx and dy:  # diagonal step: both orthogonal neighbours must be open
            assert walk[prev[1], x] and walk[y, prev[0]], f"corner cut {prev}->{(x, y)}"
        prev = (x, y)


def test_no_path_into_a_closed_room():
    sc = ascii_scenario([
        "S....",
        "..###",
        "..#.#",
        "..###",
    ])
    assert PathGrid(sc.terrain).find((0, 0), (3, 2)) == []


def test_move_order_walks_the_squad_to_the_goal():
    sc = ascii_scenario([
        "S.........",
        "..........",
        "..........",
    ])
    session = Session(sc, seed=3)
    ids = tuple(u.id for u in session.world.squad())
    run(session, 200, [Move(ids, 8, 1)])
    tiles = {u.tile for u in session.world.squad()}
    assert all(abs(x - 8) <= 2 and abs(y - 1) <= 2 for x, y in tiles)
    assert len(tiles) == 4, "members spread out instead of stacking on one tile"


def test_queued_waypoints_are_visited_in_order():
    sc = ascii_scenario(["S" + "." * 11, "." * 12, "." * 12])
    session = Session(sc, seed=1)
    rafiq = squad_member(session.world, "rafiq")
    visited = []
    session.advance([Move((rafiq.id,), 5, 0), Move((rafiq.id,), 5, 2, queue=True),
                     Move((rafiq.id,), 10, 2, queue=True)])
    for _ in range(400):
        session.advance()
        if not visited or visited[-1] != rafiq.tile:
            visited.append(rafiq.tile)
    assert visited[-1] == (10, 2)
    assert visited.index((5, 0)) < visited.index((5, 2)) < visited.index((10, 2))


def test_wall_blocks_sight_and_fog_remembers():
    sc = ascii_scenario([
        "S...#....",
        "....#....",
        "....#....",
    ])
    world = new_world(sc, seed=1)
    for u in world.squad():
        u.facing = 0
    from game.sim.vision import update_vision

    update_vision(world, [], TickFacts())
    assert world.seen_now[0, 2]
    assert not world.seen_now[:, 5:].any(), "seen through a wall"
    rafiq = squad_member(world, "rafiq")
    rafiq.x = centre_of(8)
    update_vision(world, [], TickFacts())
    assert world.seen_ever[0, 2], "fog forgot what was seen before"


def test_vision_cone_hides_what_is_behind():
    sc = ascii_scenario(["." * 21, "." * 10 + "S" + "." * 10, "." * 21])
    world = new_world(sc, seed=1)
    from game.sim.vision import update_vision

    for u in world.squad():
        u.facing = 0  # all look east
    update_vision(world, [], TickFacts())
    assert world.seen_now[1, 18]
    assert not world.seen_now[1, 2], "saw behind the back"


def test_shot_blocked_by_a_wall():
    sc = ascii_scenario([
        "S...#..E",
        "....#...",
        "....#...",
    ])
    world = new_world(sc, seed=1)
    rafiq = squad_member(world, "rafiq")
    enemy = world.insurgents()[0]
    rafiq.x, enemy.x = centre_of(3), centre_of(6)
    assert not can_shoot(world, rafiq, enemy)
    enemy.x = centre_of(3)
    enemy.y = centre_of(2)
    assert can_shoot(world, rafiq, enemy)


def test_insurgent_behind_a_wall_is_never_hit():
    sc = ascii_scenario([
        "S..#E",
        "...#.",
    ])
    session = Session(sc, seed=5)
    ids = tuple(u.id for u in session.world.squad())
    enemy = session.world.insurgents()[0]
    events = run(session, 300, [Attack(ids, enemy.id)])
    assert enemy.hp == enemy.utype.max_hp
    assert not any(type(e).__name__ == "ShotFired" and e.target_id == enemy.id for e in events)


def test_cover_lowers_the_hit_rate_over_a_seeded_batch():
    sc = ascii_scenario([
        "..........",
        "S......bE.",
        "..........",
        "........E.",
    ])
    world = new_world(sc, seed=11)
    rafiq = squad_member(world, "rafiq")
    rafiq.x, rafiq.y = centre_of(1), centre_of(2)
    covered, exposed = world.insurgents()
    covered.y = rafiq.y = centre_of(1)
    exposed.x, exposed.y = covered.x, centre_of(3)
    rafiq.y = centre_of(2)  # equal distance to both
    assert cover_between(world, rafiq, covered) == 1
    assert cover_between(world, rafiq, exposed) == 0
    weapon = rafiq.weapon
    rng = np.random.default_rng(7)
    n = 2000
    hits_covered = int((rng.random(n) < hit_chance(world, rafiq, covered, weapon)).sum())
    hits_open = int((rng.random(n) < hit_chance(world, rafiq, exposed, weapon)).sum())
    assert hits_covered < hits_open * 0.7


def test_elevation_sees_over_low_cover():
    sc = ascii_scenario([
        "R.........",
        "......bE..",
    ])
    world = new_world(sc, seed=1)
    sc.squad.clear()
    shooter = world.insurgents()[0]
    rafiq = squad_member(world, "rafiq") if world.squad() else None
    assert rafiq is None
    target = world.add_unit("rafiq", centre_of(7), centre_of(1))
    shooter.x, shooter.y = centre_of(0), centre_of(0)
    world.terrain.elevation[0, 0] = 2
    assert cover_between(world, shooter, target) == 0


def test_follow_keeps_a_survivor_close_to_its_leader():
    sc = ascii_scenario([
        "SA.........",
        "...........",
        "...........",
    ])
    session = Session(sc, seed=2)
    rafiq = squad_member(session.world, "rafiq")
    civ = session.world.civilians()[0]
    session.advance([Follow((civ.id,), rafiq.id), Move((rafiq.id,), 10, 2)])
    for _ in range(300):
        session.advance()
    assert rafiq.tile == (10, 2)
    assert abs(civ.x - rafiq.x) / SUB <= 3 and abs(civ.y - rafiq.y) / SUB <= 3


def test_stop_clears_orders():
    sc = ascii_scenario(["S........."])
    session = Session(sc, seed=2)
    rafiq = squad_member(session.world, "rafiq")
    session.advance([Move((rafiq.id,), 9, 0)])
    session.advance([Stop((rafiq.id,))])
    here = rafiq.tile
    run(session, 60)
    assert rafiq.tile == here and not rafiq.path


def test_refused_command_is_an_event_not_an_exception():
    sc = ascii_scenario(["S...", "...."])
    session = Session(sc, seed=2)
    events = session.advance([Move((999,), 1, 1), Attack((1,), 12345)])
    refused = [e for e in events if type(e).__name__ == "CommandRefused"]
    assert len(refused) == 2 and all(e.reason for e in refused)


def test_locked_door_opens_only_for_maaz():
    from game.sim.commands import Interact

    sc = ascii_scenario([
        "S..#...",
        "...L...",
        "...#...",
    ])
    session = Session(sc, seed=1)
    rafiq = squad_member(session.world, "rafiq")
    maaz = squad_member(session.world, "maaz")
    events = session.advance([Interact(rafiq.id, 3, 1)])
    assert any(type(e).__name__ == "CommandRefused" for e in events)
    session.advance([Interact(maaz.id, 3, 1)])
    run(session, 300)
    assert not session.world.terrain.locked[1, 3]
    assert session.world.terrain.walkable[1, 3]


def test_a_member_shot_from_behind_turns_to_the_shooter():
    sc = ascii_scenario([
        "E.........",
        "..........",
        "....S.....",
    ])
    world = new_world(sc, seed=4)
    enemy = world.insurgents()[0]
    for member in world.squad():
        member.facing = 0  # all look east, away from the enemy in the north-west
    from game.sim.combat import _shoot

    target = squad_member(world, "maaz")
    before = target.facing
    _shoot(world, enemy, target, enemy.weapon, [], TickFacts())
    assert target.facing != before
    assert 180 <= target.facing <= 270, "looks up and to the left, toward the shooter"


def test_a_trigger_without_a_group_only_speaks():
    from game.sim.scenario import TriggerZone

    sc = ascii_scenario(["S.............E", "..............."])
    sc.insurgents[0] = type(sc.insurgents[0])(sc.insurgents[0].x, sc.insurgents[0].y,
                                              ambush=True)
    sc.triggers.append(TriggerZone((0, 0, 5 * SUB, 2 * SUB), group="", radio="Watch the door."))
    session = Session(sc, seed=1)
    events = run(session, 3)
    lines = [e.text for e in events if type(e).__name__ == "RadioMessage"]
    assert "Watch the door." in lines
    assert session.world.insurgents()[0].hidden, "an ungrouped ambusher was woken"


def test_no_squeezing_between_two_diagonal_walls():
    sc = ascii_scenario([
        "S#..",
        "#...",
        "....",
    ])
    sc.terrain.walkable[2, :] = False  # no way round below either
    grid = PathGrid(sc.terrain)
    assert grid.find((0, 0), (1, 1)) == []
    assert grid.find((0, 0), (3, 0)) == []


def test_a_clipped_corner_is_walked_round():
    sc = ascii_scenario([
        "S.....",
        ".#....",
        "......",
        "......",
    ])
    grid = PathGrid(sc.terrain)
    for goal in ((2, 2), (5, 3), (0, 3)):
        prev = (0, 0)
        for x, y in grid.find((0, 0), goal):
            if x != prev[0] and y != prev[1]:
                assert grid.walkable[prev[1], x] and grid.walkable[y, prev[0]]
            assert max(abs(x - prev[0]), abs(y - prev[1])) == 1, "steps are to neighbours"
            prev = (x, y)
        assert prev == goal


def test_the_medic_follows_a_patient_who_walks_off_mid_treatment():
    from game.sim.commands import Heal

    sc = ascii_scenario(["S..........", "..........."])
    session = Session(sc, seed=1)
    hana, rafiq = squad_member(session.world, "hana"), squad_member(session.world, "rafiq")
    rafiq.hp = 40
    run(session, 25, [Heal(hana.id, rafiq.id)])
    assert hana.activity == "healing"
    hp_when_he_left = rafiq.hp
    run(session, 400, [Move((rafiq.id,), 10, 1)])
    assert abs(hana.x - rafiq.x) <= 2 * SUB, "Hana stood frozen where the patient left her"
    assert rafiq.hp > hp_when_he_left, "the treatment was taken up again and finished"


def test_maaz_stopped_beside_the_lock_off_centre_still_opens_it():
    from game.sim.commands import Interact

    sc = ascii_scenario(["S..#...", "...L...", "...#..."])
    session = Session(sc, seed=1)
    maaz = squad_member(session.world, "maaz")
    maaz.x, maaz.y = centre_of(2) - 100, centre_of(1) + 110  # beside the lock, off-centre
    run(session, 200, [Interact(maaz.id, 3, 1)])
    assert not session.world.terrain.locked[1, 3]
