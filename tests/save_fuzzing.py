"""A seeded mutation fuzzer for quicksaves and commands files (and replays).

Real files are made from short sessions, then damaged the way a hand editor or an
attacker would: type swaps, huge, negative and non-finite numbers, deleted and
duplicated keys, entries retagged to name classes, deep nesting, reshaped arrays,
plausible but wrong ids and tiles, truncation and byte flips.  Each mutant goes
through the game's own loaders; whatever they accept is played for a while.  The only
acceptable failure is the game's refusal (`SaveError`, `CommandFileError`); any other
exception is a finding, and so are hangs (SIGALRM per case) and memory blow-ups (run
this as a worker: `python -m tests.save_fuzzing` sets RLIMIT_AS first).

    python -m tests.save_fuzzing --seed 1 --saves 2000 --commands 500
"""

from __future__ import annotations

import argparse
import base64
import copy
import json
import random
import resource
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CASE_SECONDS = 10
MEMORY_LIMIT = 2 * 1024**3
TICKS_AFTER_LOAD = 30
TICKS_FOR_COMMANDS = 90
ODD_VALUES: list[Any] = [None, True, False, 0, -1, 1, 7, 2**31, -(2**31) - 1, 2**63 + 5,
                         10**40, 1e308, -1e308, 0.5, 3.0, "", "x", "nan", "north", [], {},
                         [1], [[1, 2]], [1, 2, 3], {"a": 1}, "\u0000", "x" * 5000]
TAGS = ["$enum", "$dc", "$rng", "$np", "$nd", "$map", "$t", "$set"]
NAMES = ["game.sim.world:np.ctypeslib.ctypes.CDLL", "logging:FileHandler", "builtins:eval",
         "game.sim.pathing:tcod.cffi.logging.FileHandler", "game.sim.units:Unit", "PCG64"]
DTYPES = ["|b1", "<i2", "<i8", "|i1", "|O", "<f8", ">i2", "<U4", "V8", "int64", "bool"]


@dataclass
class Figures:
    cases: int = 0
    refused: int = 0
    accepted: int = 0
    tracebacks: int = 0
    hangs: int = 0
    memory: int = 0
    seconds: float = 0.0
    findings: list[str] = field(default_factory=list)

    def add(self, other: Figures) -> None:
        for name in ("cases", "refused", "accepted", "tracebacks", "hangs", "memory"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.findings += other.findings


class Hang(Exception):
    pass


# -- mutations of parsed JSON ----------------------------------------------------------------
def _nodes(value: Any, path: tuple = ()) -> list[tuple]:
    """Every (path) into a JSON value, the root included."""
    out = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _nodes(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out += _nodes(item, (*path, index))
    return out


def _get(root: Any, path: tuple) -> Any:
    for step in path:
        root = root[step]
    return root


def _set(root: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    _get(root, path[:-1])[path[-1]] = value
    return root


def _nested(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value]
    return value


PLAUSIBLE_TEXTS = ["active", "downed", "dead", "gone", "reserve", "green", "red", "black",
                   "rifleman", "sniper", "scout", "rafiq", "hana", "child", "squad",
                   "insurgent", "civilian", "bomb", "gun", "victory", "defeat", "hard", "alarm"]


def mutate_plausibly(rng: random.Random, root: Any) -> Any:
    """A value of the right type but the wrong meaning: what passes type checks and must
    still be refused or played safely (ids of the wrong thing, tiles at the edge)."""
    root = copy.deepcopy(root)
    nodes = [p for p in _nodes(root) if isinstance(_get(root, p), bool | int | str)]
    if not nodes:
        return root
    path = rng.choice(nodes)
    value = _get(root, path)
    if isinstance(value, bool):
        return _set(root, path, not value)
    if isinstance(value, int):
        return _set(root, path, rng.choice([0, 1, 2, 3, 5, 6, 8, 9, 12, 40, 255, 256, 1279,
                                            2559, -1, value + 1, value - 1, value * 2]))
    return _set(root, path, rng.choice(PLAUSIBLE_TEXTS + [value]))


def mutate_value(rng: random.Random, root: Any) -> Any:
    """One damage somewhere in a parsed JSON value (a deep copy is changed)."""
    if rng.random() < 0.5:
        return mutate_plausibly(rng, root)
    root = copy.deepcopy(root)
    path = rng.choice(_nodes(root))
    target = _get(root, path)
    kind = rng.randrange(10)
    if kind == 0:  # a value of another type
        return _set(root, path, copy.deepcopy(rng.choice(ODD_VALUES)))
    if kind == 1 and isinstance(target, int) and not isinstance(target, bool):
        # a plausible wrong number: an id, a tile, an edge, an overflow
        step = rng.choice([1, -1, 2, 5, 13, 40, 256, 1000, 2**15, 2**31, 2**63])
        return _set(root, path, rng.choice([target + step, target - step, -target, 0]))
    if kind == 2 and isinstance(target, dict) and target:
        target.pop(rng.choice(list(target)))
        return root
    if kind == 2 and isinstance(target, list) and target:
        target.pop(rng.randrange(len(target)))
        return root
    if kind == 3 and isinstance(target, list) and target:
        target.insert(rng.randrange(len(target) + 1), copy.deepcopy(rng.choice(target)))
        return root
    if kind == 4 and isinstance(target, dict):
        target[rng.choice(TAGS)] = rng.choice(NAMES)
        target.setdefault("v", rng.choice(["/tmp/fuzz-created", 1, [1]]))
        return root
    if kind == 5:
        return _set(root, path, _nested(rng.choice([20, 100, 400])))
    if kind == 6 and isinstance(target, dict) and "shape" in target:
        shape = target["shape"]
        target["shape"] = rng.choice([shape[::-1], [shape[0], shape[1] + 1], [0, 0],
                                      [2**31, 2**31], shape + [1], [-1, shape[1]]])
        return root
    if kind == 7 and isinstance(target, dict) and "dtype" in target:
        target["dtype"] = rng.choice(DTYPES)
        return root
    if kind == 8 and isinstance(target, dict) and "data" in target:
        raw = bytearray(base64.b64decode(target["data"]) or b"\0")
        raw[rng.randrange(len(raw))] = rng.randrange(256)
        target["data"] = base64.b64encode(bytes(raw[: rng.choice([len(raw), len(raw) - 1])]))
        target["data"] = target["data"].decode()
        return root
    if kind == 9 and isinstance(target, str):
        return _set(root, path, rng.choice(["", target + "0", target[:-1], "f" * 40,
                                            target.upper(), "-" + target]))
    return _set(root, path, copy.deepcopy(rng.choice(ODD_VALUES)))


def mutate_text(rng: random.Random, text: str) -> bytes:
    """Damage at the byte level: truncation, flips, duplicated keys, another encoding."""
    kind = rng.randrange(5)
    data = text.encode()
    if kind == 0:
        return data[: rng.randrange(len(data) + 1)]
    if kind == 1:
        raw = bytearray(data)
        for _ in range(rng.choice([1, 3, 20])):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        return bytes(raw)
    if kind == 2:  # the same key twice: JSON keeps the last one
        at = text.find('"', rng.randrange(len(text)))
        end = text.find('":', at + 1)
        if at >= 0 and end > at:
            key = text[at:end + 2]
            return (text[:at] + key + json.dumps(rng.choice(ODD_VALUES)) + "," + text[at:]).encode()
        return data
    if kind == 3:
        return text.encode(rng.choice(["utf-16", "utf-32", "latin-1"]), errors="replace")
    return b"[" * 200_000 + data


# -- the material ---------------------------------------------------------------------------
def _tiny_scenario():
    from tests.ascii_maps import ascii_scenario

    return ascii_scenario(["S....E....", "..A...w...", "....bbb.C.", "X......N.O", "..r......."])


def base_saves(granary: bool) -> list[tuple[Any, dict]]:
    """(scenario, quicksave data) from short sessions on a tiny map and the granary; the
    tiny map's last save holds a grenade in flight and gunfire the squad heard."""
    from game.save import world_to_dict
    from game.session import Session
    from game.sim.commands import Move, ThrowGrenade
    from game.sim.world import HeardShot

    scenarios = [_tiny_scenario()]
    if granary:
        from game import MAPS_DIR
        from game.tiled.loader import load_scenario

        scenarios.append(load_scenario(MAPS_DIR / "granary.tmx"))
    out = []
    for scenario in scenarios:
        session = Session(scenario, seed=3)
        tiny = scenario is scenarios[0]
        for tick in range(160):
            orders = {5: [Move((1, 2), 4, 2)],
                      150: [ThrowGrenade(3, 6, 2, confirm_danger_close=True)] if tiny else []}
            session.advance(orders.get(tick, []))
            if tiny and tick == 150:  # what an unseen shooter's shot leaves
                session.world.heard_shots.append(HeardShot(1, 1, session.world.tick))
            if tick in (40, 159):
                out.append((scenario, json.loads(json.dumps(
                    world_to_dict(session.world, list(session.recorded), {"paused": True})))))
    return out


def base_command_lines() -> list[dict]:
    from game.sim.commands import COMMANDS

    orders = [
        {"type": "Move", "unit_ids": [1, 2], "x": 4, "y": 2, "queue": False},
        {"type": "Stop", "unit_ids": [1]}, {"type": "Attack", "unit_ids": [1], "target_id": 6},
        {"type": "AttackGround", "unit_ids": [3], "x": 5, "y": 0},
        {"type": "Face", "unit_ids": [4], "angle": 90},
        {"type": "Follow", "unit_ids": [5], "leader_id": 1}, {"type": "Gather", "leader_id": 2},
        {"type": "Heal", "medic_id": 2, "target_id": 1},
        {"type": "Interact", "unit_id": 3, "x": 6, "y": 1},
        {"type": "CallStrike", "x": 7, "y": 3, "confirm_danger_close": True},
        {"type": "CallGunRun", "x0": 1, "y0": 1, "x1": 8, "y1": 3},
        {"type": "Carry", "unit_id": 1, "target_id": 5},
    ]
    for order in orders:
        COMMANDS.from_dict(order)  # the base material is valid
    return [{"tick": 2 + 3 * i, "command": order} for i, order in enumerate(orders)]


# -- running one case -----------------------------------------------------------------------
def _guarded(run: Callable[[], bool], figures: Figures, label: str,
             refusals: tuple[type, ...]) -> None:
    figures.cases += 1
    signal.alarm(CASE_SECONDS)
    try:
        accepted = run()
    except refusals:
        figures.refused += 1
    except Hang:
        figures.hangs += 1
        figures.findings.append(f"{label}: hang past {CASE_SECONDS} s")
    except MemoryError:
        figures.memory += 1
        figures.findings.append(f"{label}: memory blow-up")
    except Exception:  # noqa: BLE001 - every other exception is what the fuzzer is for
        figures.tracebacks += 1
        figures.findings.append(f"{label}:\n{traceback.format_exc(limit=6)}")
    else:
        figures.accepted += int(accepted)
        figures.refused += int(not accepted)
    finally:
        signal.alarm(0)


def _play(session, ticks: int) -> None:
    for _ in range(ticks):
        if session.finished:
            break
        session.advance([])


def save_case(scenario, data: dict, rng: random.Random, folder: Path) -> Callable[[], bool]:
    """Damage a quicksave; load it from disk (as F9 does) and, with a forged hash, from
    its JSON; play whatever loads."""
    from game.save import quickload, world_from_dict
    from game.session import Session

    text_level = rng.random() < 0.25
    mutant = None if text_level else data
    if not text_level:
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            mutant = mutate_value(rng, mutant)
    content = (mutate_text(rng, json.dumps(data)) if text_level
               else json.dumps(mutant).encode())

    def run() -> bool:
        path = folder / "quick.json"
        path.write_bytes(content)
        session = Session(scenario, seed=1)
        accepted = False
        try:
            quickload(session, path)
            accepted = True
            _play(session, TICKS_AFTER_LOAD)
        except _refusals()[0]:
            pass
        if mutant is not None:  # a hostile file carries a good hash: check the rest
            world, _ = world_from_dict(mutant, scenario, check_hash=False)
            session.world = world
            _play(session, TICKS_AFTER_LOAD)
            accepted = True
        return accepted

    return run


def commands_case(scenario, lines: list[dict], replay_text: str, rng: random.Random,
                  folder: Path) -> Callable[[], bool]:
    """Damage a commands file or a replay; read it and run what it holds."""
    from game.headless import read_commands, run_headless
    from game.replay import load_replay

    as_replay = rng.random() < 0.4
    if as_replay:
        header, *rest = replay_text.splitlines()
        records = [json.loads(header)] + [json.loads(line) for line in rest]
    else:
        records = list(lines)
    if rng.random() < 0.25:
        content = mutate_text(rng, "\n".join(json.dumps(r) for r in records) + "\n")
    else:
        for _ in range(rng.choice([1, 1, 2, 3])):
            index = rng.randrange(len(records))
            records[index] = mutate_value(rng, records[index])
        content = ("\n".join(json.dumps(r) for r in records) + "\n").encode()

    def run() -> bool:
        path = folder / ("run.replay" if as_replay else "orders.jsonl")
        path.write_bytes(content)
        if as_replay:
            header, commands = load_replay(path)
            ticks = min(header.ticks, TICKS_FOR_COMMANDS)
            run_headless(scenario, seed=header.seed, ticks=ticks, difficulty=header.difficulty,
                         commands=commands)
        else:
            run_headless(scenario, seed=1, ticks=TICKS_FOR_COMMANDS,
                         commands=read_commands(path))
        return True

    return run


def _refusals() -> tuple[type, ...]:
    from game.headless import CommandFileError
    from game.save import SaveError

    return SaveError, CommandFileError


# -- batches ---------------------------------------------------------------------------------
def fuzz_saves(seed: int, count: int, granary: bool = True) -> Figures:
    rng = random.Random(seed)
    figures = Figures()
    bases = base_saves(granary)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        for index in range(count):
            scenario, data = bases[index % len(bases)]
            case_seed = rng.randrange(2**32)
            case = save_case(scenario, data, random.Random(case_seed), Path(folder))
            _guarded(case, figures, f"save case seed {seed} #{index} ({case_seed})",
                     _refusals())
    figures.seconds = time.perf_counter() - start
    return figures


def fuzz_commands(seed: int, count: int) -> Figures:
    from game.headless import run_headless
    from game.replay import save_replay
    from game.sim.commands import command_from_dict

    rng = random.Random(seed)
    figures = Figures()
    scenario = _tiny_scenario()
    lines = base_command_lines()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        commands: dict[int, list] = {}
        for line in lines:
            commands.setdefault(line["tick"], []).append(command_from_dict(line["command"]))
        run = run_headless(scenario, seed=2, ticks=60, commands=commands)
        save_replay(run.session, Path(folder) / "base.replay")
        replay_text = (Path(folder) / "base.replay").read_text()
        for index in range(count):
            case_seed = rng.randrange(2**32)
            case = commands_case(scenario, lines, replay_text, random.Random(case_seed),
                                 Path(folder))
            _guarded(case, figures, f"commands case seed {seed} #{index} ({case_seed})",
                     _refusals())
    figures.seconds = time.perf_counter() - start
    return figures


def _on_alarm(*_: Any) -> None:
    raise Hang()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--saves", type=int, default=100)
    parser.add_argument("--commands", type=int, default=100)
    parser.add_argument("--no-granary", action="store_true", help="the tiny map only")
    args = parser.parse_args(argv)
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    signal.signal(signal.SIGALRM, _on_alarm)
    sys.setrecursionlimit(5000)
    result = {}
    for name, figures in (("saves", fuzz_saves(args.seed, args.saves, not args.no_granary)),
                          ("commands", fuzz_commands(args.seed, args.commands))):
        result[name] = {**{k: v for k, v in vars(figures).items() if k != "findings"},
                        "seconds": round(figures.seconds, 1),
                        "findings": figures.findings[:5]}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
