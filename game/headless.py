"""Running a mission without a window: the `sim` command's engine and report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.debrief import debrief
from game.safe_files import UnsafeFileError, parse_json, read_text
from game.session import Session
from game.sim.commands import command_line_from_dict
from game.sim.layout import start_layout
from game.sim.records import RecordError
from game.sim.scenario import Scenario
from game.sim.world import squad_alive, state_hash


class CommandFileError(ValueError):
    """A commands file (or replay) that cannot be used, with the file and line in words."""


MAX_FILE_BYTES = 16 * 1024 * 1024  # about 150 000 orders: more than four hours of clicking
MAX_LINE_DEPTH = 8  # a line is {"tick", "command": {"unit_ids": [...]}}: three levels


def read_lines(path: str | Path, first_is: str = "") -> list[tuple[int, Any]]:
    """(line number, parsed JSON) for each non-blank line of a capped JSON-lines file;
    `first_is` names what the first line should be, for the message when it is not."""
    try:
        text = read_text(path, MAX_FILE_BYTES)
    except UnsafeFileError as exc:
        raise CommandFileError(f"{path}: {exc}") from None
    lines = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            lines.append((number, parse_json(line, MAX_LINE_DEPTH)))
        except UnsafeFileError as exc:
            what = f"bad {first_is}: " if first_is and not lines else ""
            raise CommandFileError(f"{path}:{number}: {what}{exc}") from None
    return lines


def read_commands(path: str | Path) -> dict[int, list[Any]]:
    """A JSON-lines file of {"tick": N, "command": {...}} grouped by tick; a replay's
    header line (the first, with "format") is skipped.  Every field of every line is
    checked; the first bad one is a CommandFileError naming its line."""
    lines = read_lines(path)
    if lines and isinstance(lines[0][1], dict) and "format" in lines[0][1]:
        lines = lines[1:]  # a replay's header line, checked by game.replay
    return commands_by_tick(path, lines)


def commands_by_tick(path: str | Path, lines: list[tuple[int, Any]],
                     last_tick: int | None = None) -> dict[int, list[Any]]:
    """Parsed lines as orders grouped by tick (none after `last_tick` when given)."""
    by_tick: dict[int, list[Any]] = {}
    for number, record in lines:
        try:
            line = command_line_from_dict(record)
        except RecordError as exc:
            raise CommandFileError(f"{path}:{number}: {exc}") from None
        if last_tick is not None and line.tick > last_tick:
            raise CommandFileError(f"{path}:{number}: tick {line.tick} is after the end of "
                                   f"the replay (tick {last_tick})")
        by_tick.setdefault(line.tick, []).append(line.command)
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
            "survivors_found": sum(1 for c in civilians if c.survivor.found),
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
            "start_layout": start_layout(world.scenario),
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
