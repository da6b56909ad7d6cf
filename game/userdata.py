"""The player's files: where they live, and reading them without ever crashing.

Settings go under the platform's config folder, progress and quicksaves under its data
folder (platformdirs); DANGER_CLOSE_HOME points both at one folder (tests, portable
installs).  Files are written atomically.  A file that cannot be read or parsed is moved
aside as `<name>.corrupt-<timestamp>` so nothing is lost, and the caller gets defaults
plus a message to show the player.
"""

from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.safe_files import write_atomically

APP_NAME = "danger-close"
HOME_ENV = "DANGER_CLOSE_HOME"
log = logging.getLogger("danger_close.userdata")


def config_dir() -> Path:
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home)
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME))


@dataclass
class Loaded:
    """What reading a JSON file gave: the data (None = use defaults) and, when the file
    was bad, a message for the player and where the bad file was kept."""

    data: Any = None
    problem: str = ""
    backup: Path | None = None


def read_json(path: Path) -> Loaded:
    """A missing file is not a problem (first run); a bad one is set aside."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Loaded()
    except (OSError, UnicodeDecodeError) as exc:
        return _set_aside(path, f"cannot read {path.name}: {exc}")
    try:
        return Loaded(json.loads(text))
    except json.JSONDecodeError as exc:
        return _set_aside(path, f"{path.name} is damaged (line {exc.lineno}): {exc.msg}")


def reject(path: Path, reason: str) -> Loaded:
    """The file parsed but its content is not usable: set it aside too."""
    return _set_aside(path, f"{path.name}: {reason}")


def _set_aside(path: Path, reason: str) -> Loaded:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while backup.exists():  # two failures in one second keep both copies
        backup = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    try:
        path.replace(backup)
    except OSError:
        backup = None
    kept = f"; kept as {backup.name}" if backup else ""
    log.warning("%s: %s%s; using defaults", path, reason, kept)
    return Loaded(None, f"{reason}. Defaults used{kept}.", backup)


def write_json(path: Path, data: Any) -> str:
    """Write atomically; returns "" or a message saying why it failed (never raises)."""
    try:
        write_atomically(path, json.dumps(data, indent=1, sort_keys=True) + "\n")
    except (OSError, TypeError, ValueError) as exc:
        log.warning("cannot write %s: %s", path, exc)
        return f"Cannot save {path.name}: {exc}"
    return ""
