"""Escort: followers trail their leader in a loose file, round corners, out of its line of
fire, along safe routes; they can be handed over or carried."""

from __future__ import annotations

from game.sim.commands import AttackGround, Carry, Follow, Gather, Move
from game.sim.geometry import centre_of
from game.sim.pathing import PathGrid
from game.sim.safe_routes import danger_map, safe_grid
from game.sim.world import new_world
from tests.ascii_maps import ascii_scenario
from tests.survivor_helpers import member, of_type, park_squad, run, walking_distance

CORNER = [
    "AAS.......",
    "#########.",
    "#########.",
    "#########.",
    "..........",
]


def test_followers_keep_within_a_few_tiles_of_their_leader_around_a_corner():
    world = new_world(ascii_scenario(CORNER), seed=4)
    park_squad(world, "rafiq")
    rafiq = member(world, "rafiq")
    civs = world.civilians()
    run(world, 1, [Follow(tuple(c.id for c in civs), rafiq.id), Move((rafiq.id,), 0, 4)])
    worst = 0
    for _ in range(400):
        run(world, 1)
        worst = max(worst, max(walking_distance(world, c, rafiq) for c in civs))
    assert rafiq.tile == (0, 4), "the leader did not arrive"
    assert worst <= 5, f"a follower fell {worst} tiles behind"
    assert all(walking_distance(world, c, rafiq) <= 3 for c in civs)
    assert len({c.tile for c in civs}) == 2, "followers stacked on one tile"


def test_leader_walks_at_the_pace_of_a_slow_follower():
    sc = ascii_scenario(["S" + "." * 29, "A" + "." * 29])
    from dataclasses import replace

    sc.civilians[0] = replace(sc.civilians[0], kind="elder")
    world = new_world(sc, seed=1)
    park_squad(world, "rafiq")
    rafiq, elder = member(world, "rafiq"), world.civilians()[0]
    run(world, 1, [Follow((elder.id,), rafiq.id), Move((rafiq.id,), 29, 0)])
    for _ in range(250):
        run(world, 1)
        assert abs(rafiq.x - elder.x) <= 5 * 256
    assert rafiq.tile[0] < 29, "an elder walked as fast as a soldier"


def test_follower_steps_out_of_its_leaders_line_of_fire():
    sc = ascii_scenario([
        "..........",
        "..S.......",
        "..........",
    ])
    world = new_world(sc, seed=2)
    park_squad(world, "rafiq")
    rafiq = member(world, "rafiq")
    rafiq.x, rafiq.y = centre_of(4), centre_of(1)
    civ = world.add_unit("adult", centre_of(5), centre_of(1), found=True)
    run(world, 1, [Follow((civ.id,), rafiq.id), AttackGround((rafiq.id,), 9, 1)])
    run(world, 60)
    assert civ.x < rafiq.x, "the survivor stayed in front of the rifle"


def test_survivor_takes_a_safe_route_over_one_through_a_line_of_fire():
    # two equally long ways from the left room to the right: the top row is watched
    sc = ascii_scenario([
        "....E....",
        ".#######.",
        ".#######.",
        ".........",
    ])
    world = new_world(sc, seed=3)
    world.insurgents()[0].facing = 90
    danger = danger_map(world)
    assert danger[0, 1] and not danger[3, 4], "the watched row is not marked"
    safe = safe_grid(world).find((0, 1), (8, 2))
    assert safe and all(y >= 1 for _, y in safe), f"walked into the line of fire: {safe}"
    shortest = PathGrid(world.terrain).find((0, 1), (8, 2))
    assert len(safe) <= len(shortest) + 2


def test_survivor_crosses_a_line_of_fire_when_no_safe_way_exists():
    sc = ascii_scenario([
        "....E....",
        ".........",
    ])
    world = new_world(sc, seed=3)
    assert safe_grid(world).find((0, 1), (8, 1))


def test_survivors_can_be_handed_to_another_member():
    world = new_world(ascii_scenario(CORNER), seed=4)
    rafiq, hana = member(world, "rafiq"), member(world, "hana")
    civs = world.civilians()
    ids = tuple(c.id for c in civs)
    run(world, 1, [Follow(ids, rafiq.id)])
    events = run(world, 1, [Follow(ids, hana.id)])
    assert not of_type(events, "CommandRefused")
    assert all(c.survivor.leader_id == hana.id for c in civs)


def test_a_carried_survivor_moves_with_a_slower_carrier_who_does_not_shoot():
    sc = ascii_scenario([
        "S.A.......E",
        "...........",
    ])
    world = new_world(sc, seed=5)
    park_squad(world, "maaz")
    maaz = member(world, "maaz")
    civ = world.civilians()[0]
    enemy = world.insurgents()[0]
    enemy.life = "gone"  # out of play: this test is about the carrier alone
    events = run(world, 30, [Carry(maaz.id, civ.id)])
    assert of_type(events, "UnitCarried") and civ.carried_by == maaz.id
    start = maaz.x
    run(world, 1, [Move((maaz.id,), 8, 0)])
    run(world, 29)
    assert (civ.x, civ.y) == (maaz.x, maaz.y)
    assert maaz.x - start < 30 * maaz.utype.speed * 0.7, "carrying did not slow the carrier"
    enemy.life = "active"
    run(world, 30)
    assert maaz.target_id == 0 and not of_type(run(world, 30), "ShotFired")
    events = run(world, 1, [Carry(maaz.id, 0)])
    assert of_type(events, "UnitPutDown") and not civ.carried_by and not maaz.carrying



def test_when_the_leader_falls_the_nearest_mate_takes_the_survivors_on():
    world = new_world(ascii_scenario(["AAS.......", ".........."]), seed=4)
    rafiq, maaz = member(world, "rafiq"), member(world, "maaz")
    civs = world.civilians()
    run(world, 1, [Follow(tuple(c.id for c in civs), rafiq.id)])
    rafiq.life, rafiq.hp = "downed", 0
    events = run(world, 1)
    heirs = {c.survivor.leader_id for c in civs}
    assert len(heirs) == 1 and heirs != {0} and heirs != {rafiq.id}
    heir = world.units[heirs.pop()]
    assert heir.active and heir.side == "squad"
    lines = [e.text for e in events if type(e).__name__ == "RadioMessage"]
    assert any("Rafiq is down" in line for line in lines)
    assert maaz.active


def test_with_nobody_near_the_survivors_wait_for_someone():
    world = new_world(ascii_scenario(["S" + "." * 29, "." * 29 + "A"]), seed=4)
    rafiq = member(world, "rafiq")
    civ = world.civilians()[0]
    civ.survivor.found = True
    rafiq.x, rafiq.y = civ.x - 256, civ.y
    run(world, 1, [Follow((civ.id,), rafiq.id)])
    rafiq.life, rafiq.hp = "downed", 0
    events = run(world, 1)
    assert civ.survivor.leader_id == 0
    assert any("on their own" in e.text for e in events if type(e).__name__ == "RadioMessage")


def test_the_whole_squad_told_to_gather_is_no_refusal():
    """Played on the granary: G with the squad selected gathered the children under the
    first member and answered "Can't do that" for the next one."""
    world = new_world(ascii_scenario(["SA........"]), seed=4)
    first, second = sorted(u.id for u in world.squad())[:2]
    events = run(world, 1, [Gather(first), Gather(second)])
    assert not of_type(events, "CommandRefused")
    assert world.civilians()[0].survivor.leader_id == first
    alone = new_world(ascii_scenario(["S........."]), seed=4)
    events = run(alone, 1, [Gather(member(alone, "rafiq").id)])
    assert [e.reason for e in of_type(events, "CommandRefused")] == ["no found survivor nearby"]


def test_gather_with_the_squad_selected_asks_only_those_with_survivors_near():
    from game.ui.orders import gather

    world = new_world(ascii_scenario(["SA" + "." * 20]), seed=4)
    ids = sorted(u.id for u in world.squad())
    far = world.units[ids[-1]]
    far.x = centre_of(21)  # twenty tiles off: nobody near to take
    orders = gather(world, set(ids))
    assert far.id not in [o.leader_id for o in orders] and orders
    alone = new_world(ascii_scenario(["S" + "." * 21]), seed=4)
    assert len(gather(alone, {u.id for u in alone.squad()})) == 4, "all asked: the refusal says why"
