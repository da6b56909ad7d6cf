"""The autopilot calls Falcon-2 like a good player, on what the squad knows only, and hears
gunfire from shooters it cannot see.

tests/data/autopilot_route_held.tmx: Rafiq and Hana with a survivor in the open, two
riflemen facing away on the road to Bravo.  tests/data/autopilot_heard.tmx: Rafiq and
Maaz far beyond their sight of a sniper on the rafters, who sees them.
"""

from __future__ import annotations

from pathlib import Path

from game.ai.autopilot import Autopilot
from game.ai.autopilot_aim import seg_distance
from game.ai.autopilot_fight import in_combat
from game.ai.autopilot_knowledge import observe, standing_squad
from game.ai.autopilot_pass import PilotState, Think
from game.ai.autopilot_strike import call_strike, known_targets, pressed_reason
from game.ai.autopilot_tactics import DUG_IN_TICKS
from game.session import Session
from game.sim.commands import Attack, CallGunRun, CallStrike, Face, Move, SetRoe
from game.sim.facts import Noise, TickFacts
from game.sim.geometry import SUB
from game.sim.gun_run import BAND_TILES
from game.sim.kinds import Life
from game.sim.noise import squad_hears
from game.tiled.loader import load_scenario

DATA = Path(__file__).parent / "data"


def _falcon_calls(orders: list) -> list:
    return [o for o in orders if isinstance(o, CallStrike | CallGunRun)]


# -- the way out held -------------------------------------------------------------------------
def _route_think(found: bool = True, hidden: bool = False) -> Think:
    """Watching the road long enough to call the riflemen dug in: the squad holds its
    fire, the riflemen face away.
    `found`: the survivor (found at first sight) is with the squad; `hidden`: the
    riflemen lie hidden (an ambush not yet sprung), so the squad never sees them."""
    session = Session(load_scenario(DATA / "autopilot_route_held.tmx"), seed=1,
                      difficulty="normal")
    world = session.world
    for unit in world.insurgents():
        unit.hidden = hidden
    session.advance([SetRoe(tuple(u.id for u in world.squad()), "hold_fire")])
    if not found:
        world.civilians()[0].life = Life.GONE  # no survivor on the map to walk out
    state = PilotState()
    for _ in range(DUG_IN_TICKS + 30):
        observe(world, state.memory)
        session.advance([])
    state.phase = "extract" if found else "search"
    return Think(state, world, standing_squad(world))


def test_a_known_pair_on_the_way_out_gets_falcon_2():
    think = _route_think()
    assert sorted(known_targets(think)) == [(12, 4), (12, 6)]
    assert pressed_reason(think, known_targets(think)) == "route"  # nobody hurt or pinned
    call_strike(think)
    calls = _falcon_calls(think.orders)
    assert len(calls) == 1
    for u in think.world.squad() + think.world.civilians():  # clear of our own people
        x, y = u.x / SUB - 0.5, u.y / SUB - 0.5
        if isinstance(calls[0], CallStrike):
            assert (x - calls[0].x) ** 2 + (y - calls[0].y) ** 2 > 4.5**2
        else:
            line = (calls[0].x0, calls[0].y0, calls[0].x1, calls[0].y1)
            assert seg_distance(x, y, line) > BAND_TILES


def test_the_same_pair_with_no_one_to_walk_out_is_left_to_the_rifles():
    think = _route_think(found=False)
    assert pressed_reason(think, known_targets(think)) == ""
    call_strike(think)
    assert _falcon_calls(think.orders) == []


def test_no_strike_on_a_group_the_squad_does_not_know_of():
    think = _route_think(hidden=True)
    for member in think.squad:
        member.hp = 10  # badly hurt: it would call danger close on anyone it knew of
    assert think.world.insurgents() and known_targets(think) == []
    call_strike(think)
    assert _falcon_calls(think.orders) == []


# -- heard gunfire ------------------------------------------------------------------------------
def _first_heard_shot() -> Session:
    """The squad stands still until the sniper it cannot see fires at it."""
    session = Session(load_scenario(DATA / "autopilot_heard.tmx"), seed=1, difficulty="normal")
    for _ in range(30 * 30):
        session.advance([])
        if session.world.heard_shots:
            return session
    raise AssertionError("the sniper never fired")


def test_the_squad_hears_an_unseen_shooter_where_it_fired_from():
    world = _first_heard_shot().world
    sniper = world.insurgents()[0]
    assert not world.seen_now[sniper.tile[1], sniper.tile[0]]  # out of the squad's sight
    assert [(h.x, h.y) for h in world.heard_shots] == [sniper.tile]


def test_a_shot_out_of_earshot_or_from_a_seen_shooter_is_not_heard():
    world = _first_heard_shot().world
    world.heard_shots.clear()
    sniper = world.insurgents()[0]
    far = TickFacts(noises=[Noise(*sniper.tile, 5.0, sniper.id, "shot")])  # a quiet gun
    squad_hears(world, far)
    assert world.heard_shots == []
    world.seen_now[sniper.tile[1], sniper.tile[0]] = True  # seen: known, not just heard
    squad_hears(world, TickFacts(noises=[Noise(*sniper.tile, 40.0, sniper.id, "shot")]))
    assert world.heard_shots == []


def test_the_autopilot_takes_cover_and_faces_heard_fire_but_never_targets_it():
    session = _first_heard_shot()
    world = session.world
    sniper = world.insurgents()[0]
    maaz = next(u for u in world.squad() if u.kind == "maaz")
    maaz.facing = 0  # looking away from the shot (east)
    pilot = Autopilot()
    orders: list = []
    for _ in range(30):
        given = pilot(world)
        orders += given
        session.advance(given)
    assert (8, 2) in pilot.state.memory.heard  # the spot it heard, nothing more
    assert pilot.state.memory.sightings == {}
    faces = [o for o in orders if isinstance(o, Face) and o.unit_ids == (maaz.id,)]
    assert faces and 150 <= faces[0].angle <= 210  # turned toward the gunfire (west)
    for move in (o for o in orders if isinstance(o, Move)):  # held ground, no advance on it
        member = world.units[move.unit_ids[0]]
        assert abs(move.x - member.tile[0]) <= 4 and abs(move.y - member.tile[1]) <= 4
    assert not [o for o in orders if isinstance(o, Attack) and o.target_id == sniper.id]
    assert _falcon_calls(orders) == []


def test_without_the_heard_shot_the_squad_walks_on():
    session = _first_heard_shot()
    world = session.world
    world.heard_shots.clear()
    pilot = Autopilot()
    for _ in range(10):
        session.advance(pilot(world))
    think = Think(pilot.state, world, standing_squad(world))
    assert not in_combat(think)
