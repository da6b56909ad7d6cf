"""Running a mission without a window: the `sim` command's engine and report."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.debrief import debrief
from game.session import Session
from game.sim.commands import command_from_dict
from game.sim.scenario import Scenario
from game.sim.world import squad_alive, state_hash


class CommandFileError(ValueError):
    """A commands file line that is not a valid {"tick": N, "command": {...}} record."""


def read_commands(path: str | Path) -> dict[int, list[Any]]:
    """A JSON-lines file of {"tick": N, "command": {...}} grouped by tick."""
    by_tick: dict[int, list[Any]] = {}
    text = Path(path).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if "format" in record and "command" not in record:
                continue  # a replay's header line
            tick = record["tick"]
            if not isinstance(tick, int) or tick < 0:
                raise ValueError("tick must be a whole number ≥ 0")
            command = command_from_dict(record["command"])
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise CommandFileError(f"{path}:{number}: {exc}") from None
        by_tick.setdefault(tick, []).append(command)
    return by_tick


@dataclass
class RunReport:
    session: Session
    events: Counter

    def as_dict(self) -> dict[str, Any]:
        world = self.session.world
        civilians = world.civilians()
        return {
            "map": world.scenario.path,
            "seed": world.seed,
            "difficulty": world.difficulty,
            "outcome": world.outcome,
            "reason": world.outcome_reason,
            "ticks": world.tick,
            "time_s": round(world.time_s, 2),
            "rescued": world.stats.rescued,
            "survivors_total": len(civilians),
            "survivors_found": sum(1 for c in civilians if c.found),
            "survivors_lost": sum(1 for c in civilians if c.life == "dead"),
            "survivors_saved": world.stats.rescued,
            "squad_killed": sum(1 for u in world.squad() if u.life == "dead"),
            # "The squad is down." means nobody standing; down members are not killed
            "squad_downed": sum(1 for u in world.squad() if u.life == "downed"),
            "squad_standing": sum(1 for u in world.squad() if u.active),
            "medkits_used": world.stats.medkits_used,
            "crates_delivered": world.stats.crates_delivered,
            "stars": debrief(world).stars,
            "rescue_required": world.scenario.rules.rescue_required,
            "squad_alive": squad_alive(world),
            "insurgents_alive": sum(1 for u in world.insurgents() if u.alive),
            "shots": world.stats.shots,
            "hits": world.stats.hits,
            "strikes_used": world.stats.strikes_used,
            "strike_casualties": world.stats.strike_casualties,
            "grenades_thrown": world.stats.grenades_thrown,
            "grenades_thrown_at_us": world.stats.grenades_thrown_at_us,
            "state_hash": state_hash(world),
            "events": dict(sorted(self.events.items())),
        }


def run_headless(
    scenario: Scenario,
    *,
    seed: int,
    ticks: int,
    difficulty: str = "normal",
    commands: dict[int, list[Any]] | None = None,
    extra_commands: Any = None,
) -> RunReport:
    """Advance until the mission ends or `ticks` have passed.

    `extra_commands(world) -> list` lets an automatic player (the autopilot) add orders.
    """
    session = Session(scenario, seed=seed, difficulty=difficulty)
    counts: Counter = Counter()
    commands = commands or {}
    while session.world.tick < ticks and not session.finished:
        orders = list(commands.get(session.world.tick, ()))
        if extra_commands is not None:
            orders += extra_commands(session.world)
        for event in session.advance(orders):
            counts[type(event).__name__] += 1
    return RunReport(session, counts)
