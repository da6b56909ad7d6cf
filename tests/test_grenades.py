"""Hand grenades on tiny maps: the ring shows before the burst and leaving it spares you,
walls shelter, the count runs out, danger close for the squad, and insurgents throw only
at squad members in cover."""

from __future__ import annotations

import math
from pathlib import Path

from game.ai.autopilot import Autopilot
from game.ai.insurgents import think
from game.sim.commands import Move, ThrowGrenade
from game.sim.events import (
    CommandRefused,
    GrenadeExploded,
    GrenadeLanded,
    GrenadeThrown,
    RadioMessage,
    UnitDamaged,
)
from game.sim.geometry import SUB
from game.sim.grenades import COOLDOWN_TICKS, RADIUS_TILES, grenade_damage
from game.sim.kinds import Alert
from game.sim.queries import known_grenades
from game.sim.step import step
from game.sim.strikes import WALL_SHELTER
from game.sim.world import new_world, state_hash
from game.tiled.loader import load_scenario

DATA = Path(__file__).parent / "data"


def world_of(name: str, seed: int = 3):
    return new_world(load_scenario(DATA / name), seed=seed)


def member(world, kind: str):
    return next(u for u in world.squad() if u.kind == kind)


def run_to_burst(world, first: list, on_landing=None, limit: int = 200):
    """Step with `first` as the first tick's commands until the grenade bursts; returns
    (all events, the burst tick's events)."""
    events = step(world, first)
    landed = False
    for _ in range(limit):
        commands = []
        if not landed and any(isinstance(e, GrenadeLanded) for e in events):
            landed = True
            commands = on_landing(world) if on_landing else []
        tick_events = step(world, commands)
        events += tick_events
        if any(isinstance(e, GrenadeExploded) for e in tick_events):
            return events, tick_events
    raise AssertionError("the grenade never burst")


def blast_damage_to(burst_events, unit) -> int:
    """Damage the burst did (a blast's damage has no shooter: source 0)."""
    return sum(e.amount for e in burst_events
               if isinstance(e, UnitDamaged) and e.unit_id == unit.id and e.source_id == 0)


def test_the_ring_shows_before_the_burst_and_who_leaves_it_is_unhurt():
    world = world_of("grenade_ring.tmx")
    rafiq, hana, maaz = member(world, "rafiq"), member(world, "hana"), member(world, "maaz")
    throw = ThrowGrenade(rafiq.id, 6, 5)
    refused = step(world, [throw])
    assert any(isinstance(e, CommandRefused) and e.reason.startswith("danger close")
               for e in refused)
    rings_seen = []

    def on_landing(w):
        rings_seen.extend((g.x, g.y, w.tick) for g in known_grenades(w))
        return [Move((maaz.id,), 13, 3)]  # Maaz runs; Hana stays put

    events, burst = run_to_burst(world, [ThrowGrenade(rafiq.id, 6, 5, True)], on_landing)
    landed = next(e for e in events if isinstance(e, GrenadeLanded))
    assert landed.seen and rings_seen and rings_seen[0][2] < landed.burst_tick
    assert any(isinstance(e, RadioMessage) and e.text == "Frag out!" for e in events)
    assert blast_damage_to(burst, hana) > 0
    assert blast_damage_to(burst, maaz) == 0
    assert not known_grenades(world)


def test_a_wall_shelters_the_one_behind_it():
    world = world_of("grenade_wall.tmx")
    rafiq, hana, maaz = member(world, "rafiq"), member(world, "hana"), member(world, "maaz")
    events, burst = run_to_burst(world, [ThrowGrenade(rafiq.id, 4, 4, True)])
    thrown = next(e for e in events if isinstance(e, GrenadeThrown))
    assert thrown.x1 // SUB < 5  # the throw never passes the wall
    d_maaz = math.hypot(maaz.x - thrown.x1, maaz.y - thrown.y1) / SUB
    d_hana = math.hypot(hana.x - thrown.x1, hana.y - thrown.y1) / SUB
    assert blast_damage_to(burst, hana) == int(grenade_damage(d_hana))
    assert blast_damage_to(burst, maaz) == int(grenade_damage(d_maaz) * WALL_SHELTER)
    assert 0 < blast_damage_to(burst, maaz) < blast_damage_to(burst, hana)


def test_the_count_runs_out_with_a_refusal_and_the_map_sets_it():
    plain = world_of("grenade_wall.tmx")
    assert plain.grenades_left[member(plain, "rafiq").id] == 2  # the unit table
    world = world_of("grenade_ring.tmx")  # its map property: one each
    rafiq = member(world, "rafiq")
    assert world.grenades_left[rafiq.id] == 1
    first = step(world, [ThrowGrenade(rafiq.id, 7, 1)])
    assert any(isinstance(e, GrenadeThrown) for e in first)
    for _ in range(COOLDOWN_TICKS):
        step(world, [])
    second = step(world, [ThrowGrenade(rafiq.id, 7, 1)])
    refusals = [e for e in second if isinstance(e, CommandRefused)]
    assert [(e.command, e.reason) for e in refusals] == [("ThrowGrenade", "no grenades left")]
    assert world.stats.grenades_thrown == 1


def test_too_far_and_too_soon_are_refused():
    world = world_of("grenade_wall.tmx")
    rafiq = member(world, "rafiq")
    far = step(world, [ThrowGrenade(rafiq.id, 9, 0)])
    assert any(isinstance(e, CommandRefused) and e.reason == "too far to throw" for e in far)
    step(world, [ThrowGrenade(rafiq.id, 1, 0)])
    again = step(world, [ThrowGrenade(rafiq.id, 1, 0)])
    assert any(isinstance(e, CommandRefused) and e.command == "ThrowGrenade" for e in again)


def test_the_same_throw_gives_the_same_game():
    hashes = []
    for _ in range(2):
        world = world_of("grenade_wall.tmx", seed=9)
        run_to_burst(world, [ThrowGrenade(member(world, "rafiq").id, 4, 4, True)])
        hashes.append(state_hash(world))
    assert hashes[0] == hashes[1]


def _alerted_thrower(world, known_kinds):
    """The insurgent, hunting, its group knowing where the named members stand."""
    thrower = world.insurgents()[0]
    thrower.mind.alert = Alert.RED
    board = world.blackboard.setdefault(thrower.group, {})
    for kind in known_kinds:
        unit = member(world, kind)
        board[unit.id] = [*unit.tile, world.tick]
    return thrower


def _throws(world, ticks: int = 90) -> list[ThrowGrenade]:
    """What the insurgents decide over `ticks` turns of thinking, the world held still."""
    out = []
    for _ in range(ticks):
        out += [c for c in think(world) if isinstance(c, ThrowGrenade)]
        world.tick += 1
        for entry in world.blackboard.values():
            for known in entry.values():
                known[2] = world.tick  # the group keeps its news fresh
    return out


def test_insurgents_throw_only_at_squad_members_in_cover():
    world = world_of("grenade_cover.tmx")
    _alerted_thrower(world, ("rafiq", "hana"))
    throws = _throws(world)
    hana = member(world, "hana")  # behind the sandbags; Rafiq stands in the open
    assert throws and {(c.x, c.y) for c in throws} == {hana.tile}


def test_insurgents_do_not_throw_at_a_target_in_the_open():
    world = world_of("grenade_cover.tmx")
    _alerted_thrower(world, ("rafiq",))
    assert _throws(world) == []


def test_an_insurgent_throw_lands_and_the_squad_shouts():
    world = world_of("grenade_cover.tmx")
    thrower = _alerted_thrower(world, ("hana",))
    hana = member(world, "hana")
    events, _ = run_to_burst(world, [ThrowGrenade(thrower.id, *hana.tile)])
    assert any(isinstance(e, RadioMessage) and e.text == "Grenade!" for e in events)
    assert world.stats.grenades_thrown_at_us == 1 and world.stats.grenades_thrown == 0


# -- the autopilot --------------------------------------------------------------------------
def _autopilot_throws(world, ticks: int = 60) -> list[ThrowGrenade]:
    pilot = Autopilot()
    throws = []
    for _ in range(ticks):
        orders = pilot.commands(world)
        throws += [c for c in orders if isinstance(c, ThrowGrenade)]
        step(world, orders)
    return throws


def test_the_autopilot_throws_at_an_insurgent_behind_cover():
    world = world_of("autopilot_grenade.tmx")
    dug_in = world.insurgents()[0]  # behind the sandbags, east of the squad
    throws = _autopilot_throws(world)
    assert throws and (throws[0].x, throws[0].y) == dug_in.tile


def test_the_autopilot_never_throws_with_one_of_ours_near_the_ring():
    world = world_of("autopilot_grenade.tmx")
    dug_in = world.insurgents()[0]
    world.add_unit("adult", dug_in.x + 2 * SUB, dug_in.y, found=True)  # a found survivor
    assert _autopilot_throws(world) == []


def test_an_insurgent_in_a_live_ring_gets_out_of_it():
    world = world_of("grenade_cover.tmx")
    insurgent = world.insurgents()[0]
    insurgent.hp = 5000  # the squad's rifles must not settle it first
    rafiq = member(world, "rafiq")
    events = step(world, [ThrowGrenade(rafiq.id, *insurgent.tile)])
    while not any(isinstance(e, GrenadeExploded) for e in events):
        events = step(world, think(world))
    burst = next(e for e in events if isinstance(e, GrenadeExploded))
    assert math.hypot(insurgent.x - burst.x, insurgent.y - burst.y) / SUB > RADIUS_TILES
    assert blast_damage_to(events, insurgent) == 0
