"""The renderer's once-a-tick questions (queries.visible_units, queries.remembered_contacts)
answered from vision's list of insurgents on seen tiles (game/sim/in_view.py): always the
same answer as asking every unit, and never a stale one after an edit the list cannot
hold (a unit added, a death, the seen tiles changed, a reload) or while units move."""

from __future__ import annotations

from game import MAPS_DIR
from game.ai.autopilot import Autopilot
from game.save import world_from_dict, world_to_dict
from game.session import Session
from game.sim import step as step_mod
from game.sim.in_view import insurgents_in_view
from game.sim.kinds import Life, Roe
from game.sim.queries import in_squad_sight, player_sees, remembered_contacts, visible_units
from game.sim.smoke import add_smoke
from game.sim.world import new_world
from game.tiled.loader import load_scenario
from tests.ascii_maps import ascii_scenario
from tests.survivor_helpers import member, park_squad, run

FIELD = [
    "................#...",
    "S.......E.......#...",
    "................#...",
    "....................",
]


def _visible_by_every_unit(world) -> list:
    return [u for u in world.units.values() if player_sees(world, u)]


def _remembered_by_every_contact(world) -> list:
    out = []
    for uid, (tx, ty, tick) in world.contacts.items():
        unit = world.units[uid]
        if not (unit.life == Life.ACTIVE and in_squad_sight(world, unit)):
            out.append((uid, unit.kind, (tx, ty), tick))
    return out


def _remembered(world) -> list:
    return [(c.unit_id, c.kind, c.tile, c.seen_tick) for c in remembered_contacts(world)]


def _assert_fresh(world) -> None:
    assert visible_units(world) == _visible_by_every_unit(world)
    assert _remembered(world) == _remembered_by_every_contact(world)


def _field():
    world = new_world(ascii_scenario(FIELD), seed=2)
    park_squad(world, "rafiq")
    member(world, "rafiq").squad.roe = Roe.HOLD_FIRE  # nobody dies while the test looks
    run(world, 2)
    enemy = world.insurgents()[0]
    assert insurgents_in_view(world) is not None, "vision left its list"
    assert enemy in visible_units(world)
    return world, enemy


def test_every_tick_of_a_battle_gives_the_answer_of_asking_every_unit():
    session = Session(load_scenario(MAPS_DIR / "granary.tmx"), seed=2)
    pilot = Autopilot()
    used = remembered = 0
    while session.world.tick < 1200 and not session.finished:
        session.advance(pilot(session.world))
        world = session.world
        used += insurgents_in_view(world) is not None
        remembered += bool(remembered_contacts(world))
        _assert_fresh(world)
    assert used >= 1000, "the answers came from vision's list"
    assert remembered >= 50, "lost contacts were asked about"


def test_a_unit_added_after_the_tick_on_a_seen_tile_is_seen():
    world, _ = _field()
    newcomer = world.add_unit("rifleman", 5 * 32 + 16, 1 * 32 + 16)
    assert newcomer in visible_units(world)
    _assert_fresh(world)


def test_a_death_or_a_departure_after_the_tick_is_shown_at_once():
    world, enemy = _field()
    enemy.life = Life.DEAD  # a body on a seen tile is drawn, and is now a memory
    assert enemy in visible_units(world)
    assert [c.unit_id for c in remembered_contacts(world)] == [enemy.id]
    _assert_fresh(world)
    enemy.life = Life.GONE
    assert enemy not in visible_units(world)
    _assert_fresh(world)


def test_hiding_or_changed_seen_tiles_after_the_tick_are_shown_at_once():
    world, enemy = _field()
    enemy.hidden = True
    assert enemy not in visible_units(world)
    assert [c.unit_id for c in remembered_contacts(world)] == [enemy.id]
    enemy.hidden = False
    world.seen_now[:] = False  # a tool blanks the fog: the list no longer holds
    assert insurgents_in_view(world) is None
    assert enemy not in visible_units(world)
    _assert_fresh(world)


def test_smoke_between_hides_the_insurgent_from_the_next_tick():
    world, enemy = _field()
    add_smoke(world, 4, 1, 2.5)
    _assert_fresh(world)  # sight is worked out in the tick: still seen until then
    run(world, 1)
    assert enemy not in visible_units(world)
    assert [c.unit_id for c in remembered_contacts(world)] == [enemy.id]
    _assert_fresh(world)


def test_the_list_is_forgotten_before_anything_moves(monkeypatch):
    world, _ = _field()
    seen_while_moving = []
    move_units = step_mod.move_units

    def watch(w, events, facts):
        seen_while_moving.append(insurgents_in_view(w))
        move_units(w, events, facts)

    monkeypatch.setattr(step_mod, "move_units", watch)
    run(world, 2)
    assert seen_while_moving == [None, None]


def test_a_reloaded_world_answers_for_itself():
    world, enemy = _field()
    restored, _ = world_from_dict(world_to_dict(world), world.scenario)
    assert insurgents_in_view(restored) is None, "a new world: nothing kept"
    restored.units[enemy.id].hidden = True
    assert restored.units[enemy.id] not in visible_units(restored)
    _assert_fresh(restored)
    _assert_fresh(world)


def test_a_memory_changed_by_hand_is_answered_anew():
    world, enemy = _field()
    enemy.hidden = True
    first = remembered_contacts(world)
    world.contacts[enemy.id][:2] = [3, 2]
    assert remembered_contacts(world)[0].tile == (3, 2)
    assert first[0].tile != (3, 2)
    world.contacts.clear()
    assert remembered_contacts(world) == []
