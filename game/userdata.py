"""The player's files: where they live, and reading them without ever crashing.

Settings go under the platform's config folder, progress and quicksaves under its data
folder (platformdirs); DANGER_CLOSE_HOME points both at one folder (tests, portable
installs).  Files are written atomically (game.safe_files) and read with a byte and
depth cap, from regular files only.  A file whose content is bad is moved aside as
`<name>.corrupt-<timestamp>` so nothing is lost; one that cannot be read is left alone.
Either way the caller gets defaults plus a message to show the player.
"""

from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.safe_files import (
    UnsafeFileError,
    parse_json,
    read_bytes,
    regular_file_size,
    write_atomically,
)

APP_NAME = "danger-close"
HOME_ENV = "DANGER_CLOSE_HOME"
log = logging.getLogger("danger_close.userdata")
MAX_BYTES = 1024 * 1024  # settings and progress are a few hundred bytes
MAX_DEPTH = 16  # they are two or three levels deep


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
    """A missing file is not a problem (first run).  A file whose content is bad (not
    JSON, too large, too deep, odd numbers) is set aside; a file that cannot be read at
    all (permission denied, a folder, a FIFO, a device) is left where it is, untouched,
    and only reported: it may be perfectly good and readable again tomorrow."""
    try:
        size = regular_file_size(path)
    except UnsafeFileError as exc:
        if not os.path.lexists(path):
            return Loaded()
        return _cannot_read(path, str(exc))
    if size > MAX_BYTES:
        return _set_aside(path, f"{path.name} is too large ({size} bytes; the limit is "
                                f"{MAX_BYTES})")
    try:
        data = read_bytes(path, MAX_BYTES)
    except UnsafeFileError as exc:
        return _cannot_read(path, str(exc))
    try:
        return Loaded(parse_json(_text(data), MAX_DEPTH))
    except UnsafeFileError as exc:
        return _set_aside(path, f"{path.name} is damaged: it {exc}")


def _text(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnsafeFileError("is UTF-16 text, not UTF-8")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnsafeFileError(f"is not UTF-8 text (byte {exc.start})") from None


def _cannot_read(path: Path, reason: str) -> Loaded:
    log.warning("%s: cannot read it (%s); using defaults and leaving it as it is", path, reason)
    return Loaded(None, f"Cannot read {path.name} ({reason}). Defaults used; the file was "
                        "left as it is.")


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
