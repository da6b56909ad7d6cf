"""Replays: a header line (map, seed, difficulty, final tick and hash) followed by the
player's commands as {"tick": N, "command": {...}} lines — the same lines `sim --commands`
reads.  Re-running them must reach the same state hash, which is how a replay proves it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.headless import CommandFileError, read_commands, run_headless
from game.safe_files import write_atomically
from game.session import Session
from game.sim.scenario import Scenario
from game.sim.world import state_hash

FORMAT = "danger-close-replay/1"


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
    text = Path(path).read_text(encoding="utf-8")
    first = text.splitlines()[0] if text.strip() else ""
    try:
        data = json.loads(first)
        if data.get("format") != FORMAT:
            raise ValueError("not a Danger Close replay")
        header = ReplayHeader(
            map=str(data["map"]), seed=int(data["seed"]), difficulty=str(data["difficulty"]),
            ticks=int(data["ticks"]), state_hash=str(data["state_hash"]),
        )
    except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise CommandFileError(f"{path}:1: bad replay header: {exc}") from None
    return header, read_commands(path)


def verify_replay(scenario: Scenario, header: ReplayHeader, commands: dict[int, list[Any]]):
    """Re-run the replay to its recorded length; returns (matches, report)."""
    report = run_headless(
        scenario, seed=header.seed, ticks=header.ticks, difficulty=header.difficulty,
        commands=commands,
    )
    return state_hash(report.session.world) == header.state_hash, report
