"""Grenades, the evac vehicles, a forced lock and a reload are heard (game/audio/
field_cues.py, field_sounds.py): each placed like every other sound, in the order things
happen, never revealing a thrower the player cannot see, and shown in the sound log."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest

from game.audio.bank import SoundBank
from game.audio.battle_cues import battle_cues, event_cues
from game.audio.director import Audio
from game.audio.field_cues import ARRIVE_LEAD_TICKS, FIELD_LEVELS, field_cues
from game.audio.field_sounds import FIELD_SYNTHS
from game.audio.placement import place
from game.audio.priority import thin
from game.audio.soundlog import SoundLog
from game.sim.catalog import TICK_HZ
from game.sim.commands import CallEvac, ThrowGrenade
from game.sim.events import DoorOpened, GrenadeLanded, GrenadeThrown, RadioMessage, ShotFired
from game.sim.geometry import SUB
from game.sim.step import step
from game.sim.world import new_world
from game.tiled.loader import load_scenario
from tests.ascii_maps import ascii_scenario
from tests.survivor_helpers import member
from tests.test_sound_placed import spectrum_profile

YARD = Path(__file__).parent / "data" / "evac_yard.tmx"
FIELD = ["." * 30 for _ in range(12)]


def _field():
    rows = list(FIELD)
    rows[6] = "S" + rows[6][1:]
    world = new_world(ascii_scenario(rows), seed=1)
    step(world, [])
    return world


def _view_on(unit):
    return (unit.x / SUB, unit.y / SUB, 10.0, 6.0)


def test_a_grenade_is_heard_thrown_then_landing_then_bursting():
    world = _field()
    rafiq = member(world, "rafiq")
    view = _view_on(rafiq)
    tx, ty = rafiq.tile
    heard: list[str] = []
    events = step(world, [ThrowGrenade(rafiq.id, tx + 7, ty)])
    heard += [c[0] for c in battle_cues(events, world, view)]
    for _ in range(6 * TICK_HZ):
        heard += [c[0] for c in battle_cues(step(world, []), world, view)]
    ours = [n for n in heard if n.startswith("grenade")]
    assert ours == ["grenade_throw", "grenade_land", "grenade_blast"]
    assert heard.index("squelch") < heard.index("grenade_throw"), "Frag out! on the radio"


def test_the_grenade_warning_and_its_squelch_get_through_a_firefight():
    world = _field()
    rafiq = member(world, "rafiq")
    view = _view_on(rafiq)
    landed = GrenadeLanded(1, rafiq.x + 2 * SUB, rafiq.y, world.tick + 60, 3 * SUB, True)
    shots = [ShotFired(9, 1, rafiq.x + 5 * SUB, rafiq.y, rafiq.x, rafiq.y, False, "ak")] * 12
    cues = battle_cues([*shots, landed, RadioMessage("Rafiq", "Grenade!")], world, view)
    kept = [c[0] for c in thin(cues)]
    assert "grenade_land" in kept and "squelch" in kept


def test_a_throw_the_player_cannot_see_is_not_heard():
    world = _field()
    rafiq = member(world, "rafiq")
    enemy_world = new_world(ascii_scenario(["S.#E"]), seed=1)
    unseen = enemy_world.insurgents()[0]
    world.units[unseen.id + 100] = unseen
    throw = GrenadeThrown(1, unseen.id + 100, unseen.x, unseen.y, rafiq.x, rafiq.y, 10, 40, SUB)
    assert field_cues([throw], world, _view_on(rafiq)) == []
    own = GrenadeThrown(2, rafiq.id, rafiq.x, rafiq.y, rafiq.x + SUB, rafiq.y, 10, 40, SUB)
    assert [c[0] for c in field_cues([own], world, _view_on(rafiq))] == ["grenade_throw"]


def test_a_forced_lock_sounds_apart_from_a_door_walked_through():
    view = (20.0, 10.0, 10.0, 6.0)
    world = _field()
    assert [c[0] for c in event_cues(DoorOpened(22, 10, 1), view)] == ["door"]
    forced = DoorOpened(22, 10, 1, forced=True)
    assert event_cues(forced, view) == []
    (cue,) = field_cues([forced], world, view)
    reach, loudness = FIELD_LEVELS["door_forced"]
    volume, pan = place(22.5, 10.5, view, reach)
    assert cue == ("door_forced", pytest.approx(loudness * volume), pytest.approx(pan))


def test_the_vehicles_are_heard_arriving_at_their_eta_and_leaving():
    world = new_world(load_scenario(YARD), seed=1)
    step(world, [])
    rafiq = member(world, "rafiq")
    events = step(world, [CallEvac(rafiq.id)])
    arrive = world.evac.arrive_tick
    view = (rafiq.x / SUB, rafiq.y / SUB, 10.0, 6.0)
    heard: dict[str, int] = {}
    for _ in range(20 * TICK_HZ):
        if world.evac.departed:
            break
        events = step(world, [])
        names = [type(e).__name__ for e in events]
        names += [c[0] for c in field_cues(events, world, view)]
        for name in names:
            heard.setdefault(name, world.tick)
    assert heard["EvacArrived"] == arrive + 1
    assert heard["EvacArrived"] - heard["trucks_arrive"] == ARRIVE_LEAD_TICKS, \
        "started so that the brakes land on the arrival"
    assert heard["trucks_leave"] == heard["EvacDeparted"]


def test_the_sound_log_names_the_new_sounds():
    audio = Audio(log=SoundLog(enabled=True, stream=io.StringIO()))
    audio.bank = SoundBank(None)
    world = _field()
    rafiq = member(world, "rafiq")
    landed = GrenadeLanded(1, rafiq.x + SUB, rafiq.y, world.tick + 60, 3 * SUB, True)
    audio.on_tick([landed], world, _view_on(rafiq))
    assert any(line.startswith("sound  grenade_land ") for line in audio.log.recent)


def test_the_field_sounds_are_distinct_finite_and_unclipped():
    sounds = {name: make() for name, make in FIELD_SYNTHS.items()}
    for name, s in sounds.items():
        assert np.isfinite(s).all() and 0.3 < np.max(np.abs(s)) <= 0.9, name
        assert abs(s[0]) < 0.01 and abs(s[-1]) < 0.01, f"{name} clicks at an end"
    profiles = {name: spectrum_profile(s) for name, s in sounds.items()}
    names = sorted(n for n in profiles if n != "trucks_leave")  # the same engines, leaving
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            apart = np.abs(profiles[a] - profiles[b]).sum()
            assert apart > 0.4, f"{a} and {b} sound alike ({apart:.2f})"


def test_the_field_sounds_use_lengths_the_fft_is_fast_at():
    from game.audio.field_sounds import fast_length

    assert fast_length(30869) == 30870  # 0.7 s at 44.1 kHz: a prime count of samples
    assert fast_length(30870) == 30870
    for make in FIELD_SYNTHS.values():
        n = len(make())
        for p in (2, 3, 5, 7):
            while n % p == 0:
                n //= p
        assert n == 1


def test_the_trucks_are_built_after_the_battle_sounds():
    """The bank is built in registry order, off the main thread: the long truck sounds
    must not hold up the grenades (benchmarks/bench_sound.py, "effects ready")."""
    from game.audio.registry import all_synths

    names = list(all_synths())
    assert names.index("trucks_arrive") > names.index("wind")
    assert names.index("grenade_blast") < names.index("wind")
