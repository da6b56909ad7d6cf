"""Replays: a header line (map, seed, difficulty, final tick and hash) followed by the
player's commands as {"tick": N, "command": {...}} lines — the same lines `sim --commands`
reads.  Re-running them must reach the same state hash, which is how a replay proves it."""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.headless import CommandFileError, commands_by_tick, read_lines, run_headless
from game.safe_files import write_atomically
from game.session import Session, check_seed
from game.sim.commands import MAX_TICK
from game.sim.difficulty import DIFFICULTIES
from game.sim.scenario import Scenario
from game.sim.world import state_hash

FORMAT = "danger-close-replay/1"
MAX_MAP_PATH = 4096
HASH_PATTERN = re.compile(r"[0-9a-f]{32}")


@dataclass(frozen=True)
class ReplayHeader:
    map: str
    seed: int
    difficulty: str
    ticks: int
    state_hash: str


def save_replay(session: Session, path: str | Path) -> ReplayHeader:
    world = session.world
    header = ReplayHeader(
        map=world.scenario.path, seed=world.seed, difficulty=world.difficulty,
        ticks=world.tick, state_hash=state_hash(world),
    )
    lines = [json.dumps({"format": FORMAT, **vars(header)})]
    lines += [json.dumps(record) for record in session.recorded]
    write_atomically(path, "\n".join(lines) + "\n")
    return header


def load_replay(path: str | Path) -> tuple[ReplayHeader, dict[int, list[Any]]]:
    """The header and the orders; CommandFileError naming the line when anything is off."""
    lines = read_lines(path, first_is="replay header")
    if not lines:
        raise CommandFileError(f"{path}: an empty file is not a replay")
    number, raw = lines[0]
    try:
        header = header_from_dict(raw)
    except ValueError as exc:
        raise CommandFileError(f"{path}:{number}: bad replay header: {exc}") from None
    return header, commands_by_tick(path, lines[1:], last_tick=header.ticks)


def header_from_dict(raw: Any) -> ReplayHeader:
    """Every header field checked and bounded: a replay cannot ask for hours of work."""
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise ValueError("not a Danger Close replay")
    fields = {f.name for f in dataclasses.fields(ReplayHeader)}
    missing = sorted(fields - set(raw))
    if missing:
        raise ValueError(f"{missing[0]!r} is missing")
    unknown = sorted(str(k)[:40] for k in raw if k not in fields and k != "format")
    if unknown:
        raise ValueError(f"unknown field {unknown[0]!r}")
    if not isinstance(raw["map"], str) or not 0 < len(raw["map"]) <= MAX_MAP_PATH:
        raise ValueError(f"map must be a file name of at most {MAX_MAP_PATH} characters")
    check_seed(raw["seed"])
    if raw["difficulty"] not in DIFFICULTIES:
        raise ValueError(f"difficulty must be one of {', '.join(DIFFICULTIES)}")
    ticks = raw["ticks"]
    if not isinstance(ticks, int) or isinstance(ticks, bool) or not 0 <= ticks <= MAX_TICK:
        raise ValueError(f"ticks must be a whole number from 0 to {MAX_TICK} (four hours)")
    digest = raw["state_hash"]
    if not isinstance(digest, str) or not HASH_PATTERN.fullmatch(digest):
        raise ValueError("state_hash must be 32 hexadecimal digits")
    return ReplayHeader(map=raw["map"], seed=raw["seed"], difficulty=raw["difficulty"],
                        ticks=ticks, state_hash=digest)


def verify_replay(scenario: Scenario, header: ReplayHeader, commands: dict[int, list[Any]]):
    """Re-run the replay to its recorded length; returns (matches, report)."""
    report = run_headless(
        scenario, seed=header.seed, ticks=header.ticks, difficulty=header.difficulty,
        commands=commands,
    )
    return state_hash(report.session.world) == header.state_hash, report
