"""Sound that places things: one placement for every positional sound, each weapon its own
report, footsteps by surface, the squelch ahead of each radio line, the tension layer, the
voice cap, and the synthesised sounds themselves (distinct, finite, never clipping)."""

from __future__ import annotations

import io
from types import SimpleNamespace

import numpy as np
import pytest

from game.audio.ambience import bed_levels
from game.audio.bank import SoundBank, stereo_gains
from game.audio.battle_cues import (
    DEFAULT_SHOT_LEVEL,
    DOOR_LEVEL,
    STEP_EVERY,
    battle_cues,
    event_cues,
    footstep_cues,
)
from game.audio.beds import distant_gunfire, tension_bed
from game.audio.director import Audio
from game.audio.foley import FOLEY_SYNTHS, SURFACES
from game.audio.placement import place
from game.audio.priority import thin
from game.audio.soundlog import SoundLog
from game.audio.surfaces import GRAVEL, SAND, STONE, WOOD, surface_grid, surface_of_name
from game.audio.synth import RATE, wind
from game.audio.tension import Tension
from game.audio.weapons import FAR_SYNTHS, REPORTS, WEAPON_SYNTHS, report_for
from game.sim.catalog import WEAPONS
from game.sim.events import DoorOpened, EnemySpotted, RadioMessage, ShotFired
from game.sim.geometry import SUB
from game.sim.scenario import MapArt, TileLayerArt
from game.sim.world import new_world
from tests.ascii_maps import ascii_scenario

VIEW = (20.0, 10.0, 10.0, 6.0)  # centre (20, 10), 20 x 12 tiles on screen
FIELD = ["." * 40 for _ in range(20)]


def field_world():
    rows = list(FIELD)
    rows[10] = "S" + rows[10][1:]
    return new_world(ascii_scenario(rows), seed=1)


# -- placement -------------------------------------------------------------------------------
def test_left_of_the_camera_pans_left_and_right_pans_right():
    assert place(15.0, 10.0, VIEW)[1] < -0.2
    assert place(25.0, 10.0, VIEW)[1] > 0.2
    assert place(20.0, 10.0, VIEW) == (1.0, 0.0)
    assert place(-100.0, 10.0, VIEW)[1] == -1.0  # far left is all left, never beyond


def test_farther_is_quieter_and_beyond_reach_silent():
    volumes = [place(20.0 + dx, 10.0, VIEW)[0] for dx in (0, 5, 10, 20, 30, 39)]
    assert all(a > b for a, b in zip(volumes, volumes[1:], strict=False)), volumes
    assert place(60.0, 10.0, VIEW)[0] == 0.0  # four half-widths out: the default reach
    assert place(60.0, 10.0, VIEW, reach=12.0)[0] > 0.0  # a bomb carries further


def test_every_positional_sound_uses_the_one_placement():
    shot = ShotFired(1, 2, 12 * SUB, 10 * SUB, 13 * SUB, 10 * SUB, True, "ak")
    door = DoorOpened(12, 10, 1)
    for event, name, (x, y), level in ((shot, "ak", (12.0, 10.0), DEFAULT_SHOT_LEVEL),
                                       (door, "door", (12.5, 10.5), DOOR_LEVEL)):
        (cue,) = [c for c in event_cues(event, VIEW) if c[0] == name]
        volume, pan = place(x, y, VIEW)
        assert cue[2] == pytest.approx(pan) and cue[2] < 0
        assert cue[1] == pytest.approx(level * volume) and 0 < volume < 1
    far = ShotFired(1, 2, 90 * SUB, 10 * SUB, 91 * SUB, 10 * SUB, True, "ak")
    assert event_cues(far, VIEW) == []  # out of reach: no voice spent on it


# -- which sound -----------------------------------------------------------------------------
def test_each_weapon_fires_its_own_report():
    names = set()
    for weapon in WEAPONS:
        event = ShotFired(1, 2, 20 * SUB, 10 * SUB, 21 * SUB, 10 * SUB, True, weapon)
        (cue,) = event_cues(event, VIEW)
        assert cue[0] == report_for(weapon) == weapon
        names.add(cue[0])
    assert len(names) == len(WEAPONS) and "ak" in names and "rifle" in names
    assert report_for("flintlock") == "rifle"  # a modder's new weapon is still heard


def test_a_shot_well_off_screen_is_its_muffled_distant_version():
    near = ShotFired(1, 2, 22 * SUB, 10 * SUB, 23 * SUB, 10 * SUB, True, "ak")
    far = ShotFired(1, 2, 42 * SUB, 10 * SUB, 43 * SUB, 10 * SUB, True, "ak")
    assert [c[0] for c in event_cues(near, VIEW)] == ["ak"]
    ((name, volume, pan),) = event_cues(far, VIEW)
    assert name == "ak_far" and pan == 1.0 and 0 < volume < event_cues(near, VIEW)[0][1]
    highs_near = spectrum_profile(WEAPON_SYNTHS["ak"]())[-8:].sum()
    highs_far = spectrum_profile(FAR_SYNTHS["ak_far"]())[-8:].sum()
    assert highs_far < 0.2 * highs_near  # the crack and the highs are gone


def test_the_surface_comes_from_the_tile_names():
    assert surface_of_name("planks_floor") == WOOD
    assert surface_of_name("grain_floor") == STONE
    assert surface_of_name("road_line") == SAND and surface_of_name("sand") == SAND
    assert surface_of_name("rubble") == GRAVEL and surface_of_name("debris_pile") == GRAVEL
    assert surface_of_name("door") is None  # says nothing: the ground under it counts
    # corner-set pieces: the ground covering most of the tile
    assert surface_of_name("rubble_sand_0111") == GRAVEL
    assert surface_of_name("rubble_sand_0001") == SAND
    assert surface_of_name("floor_sand_1100") == STONE
    ground = np.array([[1, 2, 3, 4]], dtype=np.uint32)
    props = np.array([[0, 0, 5, 0]], dtype=np.uint32)  # a door drawn over the sand
    art = MapArt(layers=(TileLayerArt("ground", ground), TileLayerArt("props", props)),
                 tile_names={1: "floor", 2: "rubble", 3: "sand", 4: "planks", 5: "door"})
    grid = surface_grid(SimpleNamespace(width=4, height=1, art=art))
    assert [SURFACES[i] for i in grid[0]] == ["stone", "gravel", "sand", "wood"]


def test_a_shipped_map_has_several_surfaces():
    from game import MAPS_DIR
    from game.tiled.loader import load_scenario

    grid = surface_grid(load_scenario(MAPS_DIR / "granary.tmx"))
    assert {STONE, SAND} <= set(np.unique(grid).tolist())


def walker(world, surface_code: int):
    """The first squad member, walking on its turn to step, on a ground of one surface."""
    unit = world.squad()[0]
    unit.activity = "moving"
    world.tick = (-unit.id * 3) % STEP_EVERY
    grid = np.full(world.terrain.walkable.shape, surface_code, dtype=np.int8)
    return unit, grid


@pytest.mark.parametrize("code", [STONE, GRAVEL, SAND, WOOD])
def test_footsteps_sound_like_the_ground_under_the_walker(code):
    world = field_world()
    unit, grid = walker(world, code)
    view = (unit.x / SUB, unit.y / SUB, 10.0, 6.0)
    assert [c[0] for c in footstep_cues(world, view, grid)] == ["step_" + SURFACES[code]]
    world.tick += 1  # not this walker's turn: the squad does not march in step
    assert footstep_cues(world, view, grid) == []


def test_rubble_made_in_play_crunches():
    world = field_world()
    unit, grid = walker(world, STONE)
    world.terrain.rubble[unit.y // SUB, unit.x // SUB] = True
    view = (unit.x / SUB, unit.y / SUB, 10.0, 6.0)
    assert [c[0] for c in footstep_cues(world, view, grid)] == ["step_gravel"]


def test_the_squelch_comes_before_each_radio_line_and_survives_a_firefight():
    world = field_world()
    shots = [ShotFired(1, 2, 20 * SUB, 10 * SUB, 21 * SUB, 10 * SUB, True, "ak")] * 12
    events = [EnemySpotted(5, 1), RadioMessage("Rafiq", "Contact!"), *shots]
    cues = battle_cues(events, world, VIEW)
    names = [c[0] for c in cues]
    assert names.index("squelch") < names.index("ak")
    assert names[:2] == ["beep", "squelch"]  # in the order things happened
    kept = [c[0] for c in thin(cues)]
    assert "squelch" in kept and kept.count("ak") <= 2  # twelve AKs on a tick read as two


# -- tension ---------------------------------------------------------------------------------
def alert_world(alert: str):
    mind = SimpleNamespace(alert=alert)
    unit = SimpleNamespace(life="active", hidden=False, insurgent=mind)
    return SimpleNamespace(spotted={7}, units={7: unit}), mind


def test_tension_rises_with_the_alert_and_decays_after():
    world, insurgent = alert_world("green")
    tension, dt = Tension(), 1 / 30
    assert tension.observe(world, [], dt) == 0.0
    insurgent.alert = "red"
    levels = [tension.observe(world, [], dt) for _ in range(90)]  # three seconds
    assert levels == sorted(levels) and 0.55 < levels[-1] <= 0.7
    insurgent.alert = "black"
    assert tension.observe(world, [], dt) > levels[-1]
    insurgent.alert = "green"
    peak = tension.level
    falling = [tension.observe(world, [], dt) for _ in range(90)]
    assert falling == sorted(falling, reverse=True)
    assert falling[-1] > 0.3 * peak, "it falls slower than it rose"
    for _ in range(30 * 40):
        tension.observe(world, [], dt)
    assert tension.level < 0.02, "and the quiet comes back"


def test_shots_hold_the_tension_while_nobody_is_in_view():
    world, _insurgent = alert_world("green")
    world.spotted = set()
    tension = Tension()
    shot = ShotFired(1, 2, 0, 0, SUB, 0, False, "ak")
    for _ in range(60):
        tension.observe(world, [shot], 1 / 30)
    assert tension.level > 0.6
    hidden = SimpleNamespace(life="active", hidden=True, insurgent=SimpleNamespace(alert="black"))
    world.units, world.spotted = {3: hidden}, {3}  # an ambusher gone to ground is not known
    before = tension.level
    for _ in range(30 * 6):
        tension.observe(world, [], 1 / 30)
    assert tension.level < before


# -- the sounds themselves -------------------------------------------------------------------
def spectrum_profile(samples: np.ndarray) -> np.ndarray:
    """Energy in 24 log-spaced bands, normalised: the sound's colour."""
    power = np.abs(np.fft.rfft(samples)) ** 2
    freqs = np.fft.rfftfreq(len(samples), 1.0 / RATE)
    edges = np.geomspace(30, 16000, 25)
    bands = np.array([power[(freqs >= a) & (freqs < b)].sum() for a, b in zip(
        edges, edges[1:], strict=False)])
    return bands / bands.sum()


@pytest.mark.parametrize("group", [WEAPON_SYNTHS, FOLEY_SYNTHS])
def test_each_sound_is_distinct_finite_and_unclipped(group):
    sounds = {name: make() for name, make in group.items()}
    for name, s in sounds.items():
        assert np.isfinite(s).all() and 0.3 < np.max(np.abs(s)) < 1.0, name
        assert abs(s[0]) < 0.01 and abs(s[-1]) < 0.01, f"{name} clicks at an end"
    profiles = {name: spectrum_profile(s) for name, s in sounds.items()}
    names = sorted(profiles)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            apart = np.abs(profiles[a] - profiles[b]).sum()  # 0 same colour .. 2 disjoint
            assert apart > 0.4, f"{a} and {b} sound alike ({apart:.2f})"


def test_the_ak_is_rougher_and_lower_in_its_crack_than_the_squad_rifle():
    ak, rifle = WEAPON_SYNTHS["ak"](), WEAPON_SYNTHS["rifle"]()
    high = spectrum_profile(rifle)[-6:].sum()
    assert spectrum_profile(ak)[-6:].sum() < high  # less supersonic snap
    assert REPORTS["ak"].drive > REPORTS["rifle"].drive


@pytest.mark.parametrize("make", [wind, distant_gunfire, tension_bed])
def test_the_beds_loop_without_a_seam(make):
    bed = make()
    assert np.isfinite(bed).all() and np.max(np.abs(bed)) < 1.0
    steps = np.abs(np.diff(bed))
    assert abs(bed[0] - bed[-1]) <= 4 * np.percentile(steps, 99) + 1e-6


# -- the mix ---------------------------------------------------------------------------------
class FakeChannel:
    def __init__(self) -> None:
        self.busy, self.volume = True, None

    def get_busy(self):
        return self.busy

    def stop(self):
        self.busy = False

    def set_volume(self, *volume):
        self.volume = volume

    def play(self, sound, loops=0):
        self.busy = True


class FakeSound:
    def __init__(self) -> None:
        self.channels: list[FakeChannel] = []

    def get_num_channels(self):
        return sum(c.busy for c in self.channels)

    def play(self, loops=0):
        channel = FakeChannel()
        self.channels.append(channel)
        return channel


class FakeMixer:
    def __init__(self) -> None:
        self.beds = [FakeChannel() for _ in range(3)]

    def Sound(self, buffer):  # noqa: N802 - mirrors pygame.mixer.Sound
        return FakeSound()

    def Channel(self, i):  # noqa: N802
        return self.beds[i]

    def stop(self):
        pass


def test_the_voice_cap_keeps_the_radio_and_drops_what_matters_least():
    bank = SoundBank(FakeMixer())
    for name in ("step_sand", "ak", "squelch", "rifle"):
        bank.add(name, np.zeros(100))
    bank.max_voices = 3
    steps = [bank.play("step_sand", 0.3) for _ in range(3)]
    assert all(steps) and bank.voices() == 3
    assert bank.play("squelch", 0.4) is not None  # cuts a footstep
    assert sum(s.busy for s in steps) == 2 and bank.voices() == 3
    assert bank.play("ak", 0.5) and bank.play("ak", 0.6)
    assert bank.play("step_sand", 1.0) is None  # full of gunfire and radio: a step waits
    assert bank.play("rifle", 0.2) is None  # as important as the shots, but quieter
    left, right = bank.sounds["ak"].channels[-1].volume
    assert left == right == pytest.approx(0.6)
    assert stereo_gains(0.5, -0.5) == (0.5, pytest.approx(0.5 * (1 - 0.85 * 0.5)))
    left, right = stereo_gains(0.5, 1.0)
    assert right == 0.5 and 0 < left < 0.1  # far right: the left ear hears a little


def test_the_director_logs_every_sound_and_follows_the_map_ambience():
    out = io.StringIO()
    audio = Audio(log=SoundLog(enabled=True, stream=out))
    audio.bank = SoundBank(FakeMixer())
    for name in ("ak", "squelch", "wind", "distant_fire", "tension"):
        audio.bank.add(name, np.zeros(100))
    world = field_world()
    audio.ambient(True)
    shot = ShotFired(1, 2, 15 * SUB, 10 * SUB, 16 * SUB, 10 * SUB, True, "ak")
    audio.on_tick([RadioMessage("Rafiq", "Contact!"), shot], world, VIEW)
    lines = out.getvalue().splitlines()
    sounds = [line.split() for line in lines if line.startswith("sound")]
    assert [s[1] for s in sounds] == ["squelch", "ak"] and all(s[-1] == "played" for s in sounds)
    assert float(sounds[1][5]) < 0  # left of the camera
    assert any(line.split()[:2] == ["bed", "distant_fire"] for line in lines)
    assert audio.bed_volumes()["distant_fire"] > 0  # the default ambience: distant fighting
    for _ in range(30):
        audio.on_tick([shot], world, VIEW)
    assert audio.bed_volumes()["tension"] > 0.2
    assert bed_levels("quiet")["wind"] < bed_levels("wind")["wind"]
    assert bed_levels("quiet")["distant_fire"] == 0.0
    assert bed_levels("no such place") == bed_levels("fighting")


def test_the_map_property_ambience_reaches_the_rules(tmp_path):
    from game.tiled.loader import load_scenario
    from tests.tiled_maps import prop, write_map

    path = write_map(tmp_path, map_props=prop("ambience", "quiet"))
    assert load_scenario(path).rules.ambience == "quiet"
    assert load_scenario(write_map(tmp_path / "b")).rules.ambience == "fighting"


def test_a_door_sits_where_it_opens():
    (cue,) = event_cues(DoorOpened(25, 10, 1), VIEW)
    assert cue[0] == "door" and cue[2] > 0


def test_the_exported_scene_is_placed_as_the_game_places_it(tmp_path):
    import wave

    from game.audio.export import main

    assert main([str(tmp_path), "ak", "step_sand"]) == 0
    with wave.open(str(tmp_path / "placed.wav")) as w:
        assert (w.getnchannels(), w.getframerate()) == (2, RATE)
        pcm = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").reshape(-1, 2) / 32767

    def rms(start: float, end: float, ear: int) -> float:
        return float(np.sqrt(np.mean(pcm[int(start * RATE):int(end * RATE), ear] ** 2)))

    assert rms(0.0, 0.75, 0) > 1.5 * rms(0.0, 0.75, 1)  # the AK, left of the camera
    assert rms(0.8, 1.55, 0) == pytest.approx(rms(0.8, 1.55, 1))  # the rifle, in the middle
    assert rms(1.6, 2.9, 1) > 0 and rms(1.6, 2.9, 1) < rms(0.8, 1.55, 1)  # the sniper: far right
    assert rms(3.0, 4.0, 0) == rms(3.0, 4.0, 1) == 0.0  # a door past hearing: silence
    assert (tmp_path / "ak.wav").exists() and not (tmp_path / "wind.wav").exists()


def test_every_sound_in_the_bank_is_finite_and_never_clips():
    from game.audio.registry import all_synths

    bank = SoundBank.build(use_mixer=False)
    assert set(bank.samples) == set(all_synths())
    for name, s in bank.samples.items():
        assert len(s) and np.isfinite(s).all(), name
        assert np.max(np.abs(s)) <= 0.9 + 1e-9, f"{name} leaves no headroom"
