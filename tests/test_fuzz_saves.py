"""A bounded run of the quicksave and commands-file fuzzer (tests/save_fuzzing.py).

It runs in a worker process with an address-space limit and a per-case alarm, so a
memory blow-up or a hang is a reported figure, not a dead test run.  The long run is
`benchmarks/fuzz_saves.py`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_worker(*args: str, timeout: float) -> dict:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    done = subprocess.run([sys.executable, "-m", "tests.save_fuzzing", *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"the worker died ({done.returncode}): {done.stderr[-3000:]}"
    return json.loads(done.stdout.splitlines()[-1])


def test_mutated_quicksaves_and_commands_files_are_refused_or_played_never_crash():
    figures = run_worker("--seed", "20261201", "--saves", "150", "--commands", "120",
                         timeout=300)
    for kind in ("saves", "commands"):
        got = figures[kind]
        assert got["cases"] > 0 and got["refused"] > 0 and got["accepted"] > 0, got
        assert (got["tracebacks"], got["hangs"], got["memory"]) == (0, 0, 0), \
            "\n".join(got["findings"])


def test_the_fuzzer_reports_a_crash_it_is_shown(monkeypatch):
    """The guard itself: an exception other than the game's refusal is a finding."""
    from tests import save_fuzzing

    figures = save_fuzzing.Figures()

    def crash() -> bool:
        raise KeyError("member")

    save_fuzzing._guarded(crash, figures, "case", (ValueError,))
    save_fuzzing._guarded(lambda: True, figures, "case", (ValueError,))
    assert (figures.cases, figures.tracebacks, figures.accepted) == (2, 1, 1)
    assert "KeyError" in figures.findings[0]
