"""pin_units (game/sim/suppression.py): rounds landing close pin whoever is not on the
shooter's side, its target too, each once however many rounds, in id order."""

from __future__ import annotations

from game.sim.events import Suppressed
from game.sim.facts import Shot, TickFacts
from game.sim.geometry import SUB
from game.sim.suppression import PIN_TICKS, pin_units
from game.sim.world import new_world
from tests.ascii_maps import ascii_scenario


def _shot(shooter, target_id: int, end: tuple[int, int]) -> Shot:
    return Shot(shooter.id, target_id, (shooter.x, shooter.y), end, end, False, "rifle")


def test_rounds_pin_the_other_sides_near_where_they_land_and_never_the_shooters():
    world = new_world(ascii_scenario(["S..........", "..A..E...E.", "..........."]), seed=1)
    squad, (near, far), (adult,) = world.squad(), world.insurgents(), world.civilians()
    rafiq = squad[0]
    # rafiq fires at the nearer insurgent; an insurgent answers into the middle of the squad
    facts = TickFacts(shots=[_shot(rafiq, near.id, (near.x, near.y)),
                             _shot(far, rafiq.id, (rafiq.x + SUB // 2, rafiq.y)),
                             _shot(far, 0, (adult.x, adult.y))])
    events: list = []
    pin_units(world, events, facts)
    assert near.suppressed == PIN_TICKS and far.suppressed == 0
    assert adult.suppressed == PIN_TICKS, "a survivor is not on the insurgents' side"
    pinned_squad = [m for m in squad if m.suppressed]
    assert rafiq in pinned_squad
    assert all(m.under_fire_tick == world.tick for m in pinned_squad + [near, adult])
    pinned = [(e.unit_id, e.source_id) for e in events if isinstance(e, Suppressed)]
    assert pinned == sorted(pinned), "in id order"
    assert (near.id, rafiq.id) in pinned and (rafiq.id, far.id) in pinned
    assert (adult.id, far.id) in pinned


def test_a_round_pins_at_exactly_its_reach_not_a_unit_beyond_and_its_target_anywhere():
    from game.sim.suppression import PIN_RADIUS_SUB
    world = new_world(ascii_scenario(["S..........", "..A..E...E.", "..........."]), seed=1)
    rafiq = world.squad()[0]
    near, far = world.insurgents()
    end = (near.x - PIN_RADIUS_SUB, near.y)  # `near` stands exactly at the reach
    far.x, far.y = end[0] - PIN_RADIUS_SUB - 1, end[1]  # one unit beyond it, the other way
    target = world.squad()[1]  # the round stopped short of its target, far from it
    insurgent_shot = Shot(near.id, target.id, (near.x, near.y), (target.x, target.y),
                          (near.x + 3 * SUB, near.y), False, "rifle")
    pin_units(world, [], TickFacts(shots=[_shot(rafiq, 0, end), insurgent_shot]))
    assert near.suppressed == PIN_TICKS and far.suppressed == 0
    assert target.suppressed == PIN_TICKS
