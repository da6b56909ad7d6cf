"""The type checker passes over the rules and the AI (configured in pyproject.toml).

mypy comes with the `test` extras, which CI installs: a missing mypy fails here rather
than skipping, so the check cannot quietly stop running.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_finds_no_errors_in_the_sim_and_the_ai():
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "game/sim", "game/ai"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout
