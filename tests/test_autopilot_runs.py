"""Autopilot games in bulk on several processes: the same rows, in seed order, as one
process gives; a worker's error is not swallowed; the progress line stays off logs."""

from __future__ import annotations

import io
import json
from functools import partial
from pathlib import Path

import pytest

from game.ai.autopilot_pool import ProgressLine, in_parallel
from game.ai.autopilot_runs import seed_row
from game.cli import main

RESCUE_TMX = Path(__file__).parent / "data" / "rescue.tmx"


def test_games_on_two_processes_give_the_rows_of_one_in_seed_order():
    from game.tiled.loader import load_scenario

    work = partial(seed_row, scenario=load_scenario(RESCUE_TMX), difficulty="normal", ticks=3000,
                   commands=None, autopilot=True)
    seeds = [3, 1, 2]
    handed: list[int] = []
    steps: list[tuple[int, int]] = []
    parallel = in_parallel(work, seeds, 2, on_result=lambda r: handed.append(r["seed"]),
                           progress=lambda done, total: steps.append((done, total)))
    assert parallel == in_parallel(work, seeds, 1)
    assert [r["seed"] for r in parallel] == seeds == handed
    assert steps[-1] == (3, 3) and len(steps) <= 3


def _fails_on_two(n: int) -> int:
    if n == 2:
        raise ValueError("seed two is broken")
    return n


def test_a_workers_error_reaches_the_caller():
    with pytest.raises(ValueError, match="seed two"):
        in_parallel(_fails_on_two, [1, 2, 3], 2)


def test_sim_seeds_prints_the_same_json_on_any_number_of_jobs(capsys):
    outputs = []
    for jobs in ("1", "2"):
        assert main(["sim", str(RESCUE_TMX), "--autopilot", "--seeds", "1..3",
                     "--jobs", jobs, "--json"]) == 0
        outputs.append(json.loads(capsys.readouterr().out))
    assert outputs[0] == outputs[1]
    assert [r["seed"] for r in outputs[0]["runs"]] == [1, 2, 3]


class FakeTerminal(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_progress_line_waits_for_a_long_run_and_stays_off_logs():
    clock = FakeClock()
    terminal = FakeTerminal(tty=True)
    line = ProgressLine(terminal, "seeds", after_s=1.0, clock=clock)
    line(1, 10)
    assert terminal.getvalue() == ""  # a short run needs no progress line
    clock.now += 4.0
    line(2, 10)
    assert "2/10 seeds" in terminal.getvalue() and "0.50/s" in terminal.getvalue()
    assert "16 s left" in terminal.getvalue()
    line.close()
    assert terminal.getvalue().endswith("\r")  # cleared: what follows starts clean
    log = FakeTerminal(tty=False)
    logged = ProgressLine(log, clock=clock)
    clock.now += 10.0
    logged(5, 10)
    assert log.getvalue() == ""
