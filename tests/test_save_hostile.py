"""Hostile quicksaves: a save names no class, and whatever is in it, quickload refuses it
with a message and leaves the running mission alone."""

from __future__ import annotations

import builtins
import copy
import ctypes
import json
import logging
import re

import numpy as np
import pytest

from game import save
from game.save import SaveError, quickload, quicksave, world_from_dict, world_to_dict
from game.session import Session
from game.sim.world import state_hash
from tests.test_frontend import walled_field


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("DANGER_CLOSE_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture(scope="module")
def fought() -> Session:
    session = Session(walled_field(), seed=5)
    for _ in range(150):
        session.advance([])
    return session


def saved(session: Session) -> dict:
    return json.loads(json.dumps(world_to_dict(session.world)))


def first_unit(data: dict) -> dict:
    """The first unit's record in a save file's world (whatever the format's layout)."""
    units = data["world"]["units"]
    if isinstance(units, dict):  # the old tagged format: {"$map": [[key, unit], ...]}
        units = units["$map"]
    unit = units[0][1]
    return unit.get("f", unit)


# names a save could try to reach: native code, a file created, an evaluator, and a real
# game class that is not a record of the world
NAMED = ["game.sim.world:np.ctypeslib.ctypes.CDLL", "game.sim.world:np.ctypeslib.ctypes.cdll",
         "game.sim.pathing:tcod.cffi.logging.FileHandler", "logging:FileHandler",
         "game.sim.world:json.codecs.open", "builtins:eval",
         "game.sim.scenario:Scenario", "game.sim.commands:Move", "game.sim.units:Unit"]


@pytest.mark.parametrize("name", NAMED)
@pytest.mark.parametrize("tag", ["$enum", "$dc", "$rng", "$np"])
def test_a_save_naming_a_class_is_refused_and_nothing_runs(fought, tmp_path, monkeypatch,
                                                          name, tag):
    target = tmp_path / "created-by-the-save"
    entry = {tag: name, "v": str(target), "f": {"filename": str(target)}}
    files = []
    for place in ("stats", "unit", "rng"):
        data = saved(fought)
        if place == "unit":
            first_unit(data)["name"] = entry
        else:
            data["world"][place] = entry
        files.append(tmp_path / f"hostile-{place}.json")
        files[-1].write_text(json.dumps(data))
    before = state_hash(fought.world)
    calls = []

    class SpyLibrary:  # stands in for ctypes.CDLL: loading a library runs its code
        def __init__(self, *args, **kwargs) -> None:
            calls.append(("CDLL", args))

    monkeypatch.setattr(ctypes, "CDLL", SpyLibrary)
    monkeypatch.setattr(logging.FileHandler, "__init__",
                        lambda self, *a, **k: calls.append(("FileHandler", a)))
    monkeypatch.setattr(builtins, "eval", lambda *a, **k: calls.append(("eval", a)))
    for path in files:
        with pytest.raises(SaveError) as refused:
            quickload(fought, path)
        assert str(refused.value)  # a message for the player
    monkeypatch.undo()
    assert calls == [] and not target.exists()
    assert state_hash(fought.world) == before


def test_the_allowlist_is_a_table_of_game_records():
    from game.save_codec import ENUMS, RECORDS

    assert set(RECORDS) == {"World", "Terrain", "Unit", "InsurgentMind", "SquadState",
                            "SurvivorState", "Crate", "Stats", "StrikeCall", "EvacState",
                            "Grenade", "HeardShot"}
    assert all(cls.__module__.startswith("game.sim.") for cls in RECORDS.values())
    assert all(cls.__module__ == "game.sim.kinds" for cls in ENUMS)


def test_an_enum_field_takes_only_its_own_words():
    from game.save_codec import Context, SaveError, decode
    from game.sim.kinds import Life

    ctx = Context((1, 1), {})
    assert decode("downed", Life, "unit.life", ctx) is Life.DOWNED
    for bad in ("wizard", 3, None, ["active"], "Life.ACTIVE"):
        with pytest.raises(SaveError):
            decode(bad, Life, "unit.life", ctx)


def _mutants(data: dict):
    """(what, damaged copy) pairs: each a kind of damage a hand-edited save can carry."""
    def edit(what, change):
        copy_ = copy.deepcopy(data)
        change(copy_["world"])
        return what, copy_

    def grid(field, key, value):
        def change(world):
            world["terrain"][field][key] = value
        return change

    unit = lambda w: w["units"][0][1]  # noqa: E731
    yield edit("reshaped grid", grid("walkable", "shape", [3, 3]))
    yield edit("grid of another dtype", grid("cover", "dtype", "<i8"))
    yield edit("object dtype", grid("cover", "dtype", "|O"))
    yield edit("transposed grid", lambda w: w["seen_now"].update(
        shape=w["seen_now"]["shape"][::-1]))
    yield edit("short grid data", grid("opaque", "data", "AAAA"))
    yield edit("int64 overflow", lambda w: unit(w).update(hp=2**63 + 5))
    yield edit("float for an int", lambda w: unit(w).update(hp=3.0))
    yield edit("bool for an int", lambda w: w.update(tick=True))
    yield edit("retagged generator", lambda w: w["rng"].update(bit_generator="MT19937"))
    yield edit("generator state not hex", lambda w: w["rng"].update(state="zz"))
    yield edit("generator of the old format", lambda w: w.update(
        rng={"$rng": "PCG64", "state": {"$map": []}}))
    yield edit("tuple key", lambda w: w["units"][0].__setitem__(0, [1, 2]))
    yield edit("dict as a key", lambda w: w["units"][0].__setitem__(0, {"a": 1}))
    yield edit("key is not the id", lambda w: w["units"][0].__setitem__(0, 77))
    yield edit("same key twice", lambda w: w["units"].append(w["units"][0]))
    yield edit("unit off the map", lambda w: unit(w).update(x=10**6))
    yield edit("path tile off the map", lambda w: unit(w).update(path=[[5000, 2]]))
    yield edit("three-item tile", lambda w: unit(w).update(path=[[1, 2, 3]]))
    yield edit("unknown kind", lambda w: unit(w).update(kind="wizard"))
    yield edit("target that does not exist", lambda w: unit(w).update(target_id=999))
    yield edit("unknown life", lambda w: unit(w).update(life="undead"))
    yield edit("cover value outside the table", _set_cover_to(9))
    yield edit("unknown field", lambda w: unit(w).update(mana=3))
    yield edit("missing grid", lambda w: w.pop("seen_now"))
    yield edit("missing required field", lambda w: unit(w).pop("kind"))
    yield edit("list instead of record", lambda w: w.update(stats=[1, 2]))
    yield edit("huge string", lambda w: unit(w).update(name="x" * 10_000))
    yield edit("half a strike call", lambda w: w["strikes"].append({"radius": "nan"}))
    yield edit("trigger this map lacks", lambda w: w.update(fired_triggers=[3]))
    yield edit("next id reused", lambda w: w.update(next_id=1))
    yield edit("unknown difficulty", lambda w: w.update(difficulty="nightmare"))
    yield from _side_state_mutants(edit)
    for what, change, _ in GRENADE_DAMAGE + HEARD_DAMAGE:
        yield edit(what, change)


def _side_state_mutants(edit):
    """Damage to a squad member's orders and job (SquadState) and a survivor's own state
    (SurvivorState): wrong side, wrong type, out of range, pointing at nobody."""
    def of(side):
        return lambda w: next(u for _, u in w["units"] if u["side"] == side)

    squad, civ, ins = of("squad"), of("civilian"), of("insurgent")
    orders = lambda w: squad(w)["squad_state"]  # noqa: E731
    own = lambda w: civ(w)["survivor_state"]  # noqa: E731
    yield edit("squad member without orders", lambda w: squad(w).update(squad_state=None))
    yield edit("survivor with squad orders", lambda w: civ(w).update(
        squad_state=copy.deepcopy(orders(w))))
    yield edit("survivor without its state", lambda w: civ(w).update(survivor_state=None))
    yield edit("insurgent with a survivor state", lambda w: ins(w).update(
        survivor_state=copy.deepcopy(own(w))))
    yield edit("unknown rules of engagement", lambda w: orders(w).update(roe="nuke"))
    yield edit("holding as a number", lambda w: orders(w).update(holding=1))
    yield edit("patient who does not exist", lambda w: orders(w).update(work_target=999))
    yield edit("pick-up who does not exist", lambda w: orders(w).update(carry_target=999))
    yield edit("lock off the map", lambda w: orders(w).update(work_tile=[5000, 1]))
    yield edit("negative job time", lambda w: orders(w).update(work_left=-1))
    yield edit("negative pace", lambda w: orders(w).update(pace=-3))
    yield edit("fired on by nobody", lambda w: orders(w).update(fired_on_by=[[999, 5]]))
    yield edit("unknown squad field", lambda w: orders(w).update(mana=3))
    yield edit("leader not in the squad", lambda w: own(w).update(leader_id=civ(w)["id"]))
    yield edit("leader who does not exist", lambda w: own(w).update(leader_id=999))
    yield edit("negative panic", lambda w: own(w).update(panic=-5))
    yield edit("found as text", lambda w: own(w).update(found="yes"))


def _squad_record(world: dict) -> dict:
    return next(u for _, u in world["units"] if u["side"] == "squad")


def _grenade(world: dict, **damage) -> dict:
    """A grenade the first squad member threw two ticks ago, with `damage` applied, added
    to a save's world (valid when undamaged: see the test below)."""
    member, tick = _squad_record(world), world["tick"]
    grenade = {"id": 1, "thrower_id": member["id"], "side": "squad", "x0": member["x"],
               "y0": member["y"], "x": member["x"], "y": member["y"],
               "thrown_tick": tick - 2, "land_tick": tick + 5, "burst_tick": tick + 65,
               "radius": 2.5, "landed": False, "seen": True}
    grenade.update(damage)
    world["grenades"].append(grenade)
    world["grenades_thrown"] = max(world["grenades_thrown"], 1)
    return grenade


def _thrown(**damage):
    return lambda w: _grenade(w, **damage)


def _heard(*shots: tuple[int, int, int]):
    def change(world):
        world["heard_shots"] = [{"x": x, "y": y, "tick": tick} for x, y, tick in shots]
    return change


def _in_future(world: dict) -> None:
    tick = world["tick"]
    _grenade(world, thrown_tick=tick + 10, land_tick=tick + 20, burst_tick=tick + 80)


# (what, damage to a save's world, what the refusal must name)
GRENADE_DAMAGE = [
    ("grenade thrown by nobody", _thrown(thrower_id=999), "grenades[0].thrower_id"),
    ("grenade of the thrower's enemies", _thrown(side="insurgent"), "grenades[0].side"),
    ("grenade of no side", _thrown(side="martian"), "grenades[0].side"),
    ("grenade landing off the map", _thrown(x=10**6), "grenades[0].x"),
    ("grenade thrown from off the map", _thrown(y0=-1), "grenades[0].y0"),
    ("grenade landing before it is thrown", _thrown(land_tick=0), "land_tick"),
    ("grenade bursting before it lands", _thrown(burst_tick=1), "burst_tick"),
    ("grenade thrown in the future", _in_future, "grenades[0].thrown_tick"),
    ("grenade thrown before the mission", _thrown(thrown_tick=-5), "grenades[0].thrown_tick"),
    ("grenade of no radius", _thrown(radius=0), "grenades[0].radius"),
    ("grenade of a huge radius", _thrown(radius=1e6), "grenades[0].radius"),
    ("grenade of radius nan", _thrown(radius="nan"), "grenades[0].radius"),
    ("grenade landed as text", _thrown(landed="yes"), "grenades[0].landed"),
    ("grenade seen as a number", _thrown(seen=1), "grenades[0].seen"),
    ("grenade id beyond the count", _thrown(id=50), "grenades[0].id"),
    ("grenade id twice", lambda w: (_grenade(w), _grenade(w)), "grenades[1].id"),
    ("grenade without a thrower", lambda w: _grenade(w).pop("thrower_id"),
     "grenades[0].thrower_id"),
]
HEARD_DAMAGE = [
    ("gunfire heard off the map", _heard((5000, 4, 3)), "heard_shots[0]"),
    ("gunfire heard in the future", _heard((3, 4, 10**6)), "heard_shots[0].tick"),
    ("gunfire heard before the mission", _heard((3, 4, -1)), "heard_shots[0].tick"),
    ("gunfire heard out of order", _heard((3, 4, 9), (3, 4, 8)), "heard_shots[1].tick"),
    ("a flood of heard gunfire", _heard(*[(3, 4, 9)] * 5000), "heard_shots"),
    ("gunfire heard as a tile pair", lambda w: w.update(heard_shots=[[3, 4]]),
     "heard_shots[0]"),
]


def test_a_well_formed_grenade_and_heard_gunfire_load(fought):
    """The base the damage below starts from is a save the game accepts."""
    data = saved(fought)
    _grenade(data["world"])
    _heard((3, 4, 1), (5, 6, 2))(data["world"])
    world, _ = world_from_dict(data, fought.scenario, check_hash=False)
    assert [g.id for g in world.grenades] == [1] and len(world.heard_shots) == 2


@pytest.mark.parametrize("what,change,names", GRENADE_DAMAGE + HEARD_DAMAGE,
                         ids=[d[0] for d in GRENADE_DAMAGE + HEARD_DAMAGE])
def test_damaged_grenades_and_heard_gunfire_are_refused_naming_the_field(fought, what,
                                                                       change, names):
    data = saved(fought)
    change(data["world"])
    with pytest.raises(SaveError, match=re.escape(names)):
        world_from_dict(data, fought.scenario, check_hash=False)


def _set_cover_to(value: int):
    def change(world):
        grid = world["terrain"]["cover"]
        import base64

        raw = bytearray(base64.b64decode(grid["data"]))
        raw[0] = value
        grid["data"] = base64.b64encode(bytes(raw)).decode()
    return change


def test_every_kind_of_damage_is_refused_at_load_even_with_a_forged_hash(fought):
    """The hash is no defence (anyone can recompute it): the checks must hold alone."""
    data = saved(fought)
    world, _ = world_from_dict(data, fought.scenario, check_hash=False)  # the base is fine
    for what, mutant in _mutants(data):
        with pytest.raises(SaveError):
            world_from_dict(mutant, fought.scenario, check_hash=False)
            pytest.fail(f"{what}: accepted")


def test_a_quicksave_from_before_the_side_states_is_refused_with_a_message(fought):
    """Version 2 kept a squad member's orders and a survivor's state on every unit: such a
    file is refused by its version, in words the player can act on."""
    data = saved(fought)
    data["version"] = 2
    unit = first_unit(data)
    unit.update(unit.pop("squad_state") or {})
    with pytest.raises(SaveError, match="not supported.*quicksave again"):
        world_from_dict(data, fought.scenario)


def test_the_side_states_round_trip_through_a_quicksave(fought):
    """Orders, jobs and a survivor's state come back as they were saved."""
    from game.sim.kinds import Roe

    data = saved(fought)
    world, _ = world_from_dict(data, fought.scenario)
    member, civ = world.squad()[0], world.civilians()[0]
    member.squad.roe, member.squad.holding = Roe.RETURN_FIRE, True
    member.squad.fired_on_by[world.insurgents()[0].id] = 7
    member.squad.work_tile, member.squad.pace = (15, 12), 40
    civ.survivor.found, civ.survivor.leader_id, civ.survivor.panic = True, member.id, 9
    again, _ = world_from_dict(json.loads(json.dumps(world_to_dict(world))), fought.scenario)
    assert again.units[member.id].squad == member.squad
    assert again.units[civ.id].survivor == civ.survivor
    assert state_hash(again) == state_hash(world)


def test_quickload_refuses_damage_and_the_mission_keeps_running(fought, tmp_path):
    before = state_hash(fought.world)
    path = tmp_path / "damaged.json"
    for what, mutant in _mutants(saved(fought)):
        path.write_text(json.dumps(mutant))
        with pytest.raises(SaveError):
            quickload(fought, path)
            pytest.fail(f"{what}: accepted")
    assert state_hash(fought.world) == before
    fought.advance([])  # still steps


def test_quicksave_restores_both_generators_and_carries_screen_state(tmp_path):
    session = Session(walled_field(), seed=3)
    for _ in range(40):
        session.advance([])
    session.world.cosmetic_rng.random(7)  # cosmetics drew on their own
    path = quicksave(session, tmp_path / "q.json", ui={"paused": True, "camera": [3, 4]})
    other = Session(walled_field(), seed=3)
    ui = quickload(other, path)
    assert ui == {"paused": True, "camera": [3, 4]}
    for name in ("rng", "cosmetic_rng"):
        assert (getattr(other.world, name).bit_generator.state
                == getattr(session.world, name).bit_generator.state)


def test_a_quicksave_names_no_class(fought):
    data = world_to_dict(fought.world)

    def keys(value):
        if isinstance(value, dict):
            for key, item in value.items():
                yield key
                yield from keys(item)
        elif isinstance(value, list):
            for item in value:
                yield from keys(item)

    assert not [k for k in keys(data) if k.startswith("$")]
    assert "game." not in json.dumps(data)


def test_huge_deep_and_special_files_are_refused(fought, tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    fifo = tmp_path / "fifo.json"
    import os

    os.mkfifo(fifo)
    for path in (deep, fifo, tmp_path, tmp_path / "missing.json"):
        with pytest.raises(SaveError):
            quickload(fought, path)
    big = tmp_path / "big.json"
    with open(big, "wb") as out:
        out.truncate(save.MAX_BYTES + 1)
    with pytest.raises(SaveError, match="too large"):
        quickload(fought, big)


def test_f9_never_ends_the_mission(monkeypatch):
    """Even a failure the checks did not foresee is a toast, not a crash."""
    from game.ui import battle_extras
    from tests.battle_helpers import battle_screen

    app, battle = battle_screen()
    before = state_hash(battle.world)

    def broken(session, path=None):
        raise OverflowError("Python int too large to convert to C long")

    monkeypatch.setattr(save, "quickload", broken)
    assert battle_extras.quickload(battle) is False
    assert state_hash(battle.world) == before
    assert any("Quickload failed" in toast[0] for toast in app.ctx.toasts)
    battle.tick()


def test_quicksaves_are_written_atomically_with_no_leftovers(fought, tmp_path, monkeypatch):
    import os

    target = tmp_path / "q.json"
    stale = tmp_path / "q.json.abc123.tmp"  # left by a kill during an earlier save
    stale.write_text("half")
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd) or real_fsync(fd))
    quicksave(fought, target)
    assert synced and not stale.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["q.json"]


def test_saved_arrays_match_the_map_and_have_its_dtypes(fought):
    world, _ = world_from_dict(saved(fought), fought.scenario)
    for name in ("walkable", "cover", "rubble"):
        grid = getattr(world.terrain, name)
        assert grid.shape == fought.world.terrain.walkable.shape
        assert grid.dtype == getattr(fought.world.terrain, name).dtype
    assert world.smoke.dtype == np.int16 and world.seen_now.dtype == np.bool_


def test_a_save_during_an_air_strike_restores_exactly():
    """StrikeCall carries a float radius and a gun run's line: both come back as saved."""
    from game.sim.commands import CallGunRun, CallStrike

    for order in (CallStrike(30, 5, confirm_danger_close=True),
                  CallGunRun(25, 2, 35, 8, confirm_danger_close=True)):
        session = Session(walled_field(), seed=5)
        session.world.strikes_left = 3
        session.advance([order])
        assert len(session.world.strikes) == 1
        world, _ = world_from_dict(saved(session), session.scenario)
        assert world.strikes == session.world.strikes
        assert state_hash(world) == state_hash(session.world)
