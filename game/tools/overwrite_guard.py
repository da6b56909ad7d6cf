"""The map generators never write over a map edited since they wrote it.

The shipped maps are edited in Tiled: the .tmx in maps/ is the source of truth, and the
generators (make_maps, make_campaign) are one-off tools.  Each folder they write into keeps
`.generated-digests.json`: file name -> SHA-256 of what the generator last wrote there.  A
file whose bytes no longer match its recorded digest (or that exists with no digest at
all) was made or changed by someone else, and a generator refuses to replace it unless
told `--force`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from game.safe_files import UnsafeFileError, load_json, read_bytes, write_atomically

DIGESTS_NAME = ".generated-digests.json"
MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_DIGESTS_BYTES = 1024 * 1024


class EditedSinceGenerated(Exception):
    """Some targets were edited since generated; names them and says how to go on."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths = paths
        names = "\n  ".join(str(p) for p in paths)
        super().__init__(
            f"refusing to overwrite {len(paths)} map file(s) edited since they were "
            f"generated (the shipped maps are edited in Tiled now):\n  {names}\n"
            "Write somewhere else with --maps/--tests, or pass --force to throw the edits away.")


def digest(path: Path) -> str:
    return hashlib.sha256(read_bytes(path, MAX_FILE_BYTES)).hexdigest()


def _recorded(folder: Path) -> dict[str, str]:
    try:
        data = load_json(folder / DIGESTS_NAME, MAX_DIGESTS_BYTES)
    except (OSError, UnsafeFileError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def edited_targets(paths: list[Path]) -> list[Path]:
    """The targets that exist and differ from what a generator last wrote there."""
    edited = []
    for path in paths:
        if not path.exists() and not path.is_symlink():
            continue
        try:
            same = _recorded(path.parent).get(path.name) == digest(path)
        except (OSError, UnsafeFileError):
            same = False  # a link or unreadable file is not ours to replace either
        if not same:
            edited.append(path)
    return edited


def check_targets(paths: list[Path], force: bool) -> None:
    """Raise EditedSinceGenerated unless every target is new or still as generated."""
    if force:
        return
    edited = edited_targets(paths)
    if edited:
        raise EditedSinceGenerated(edited)


def record(paths: list[Path]) -> None:
    """Remember the digests of freshly written files, per folder."""
    by_folder: dict[Path, list[Path]] = {}
    for path in paths:
        by_folder.setdefault(path.parent, []).append(path)
    for folder, written in by_folder.items():
        digests = _recorded(folder)
        digests.update({p.name: digest(p) for p in written})
        write_atomically(folder / DIGESTS_NAME,
                         json.dumps(dict(sorted(digests.items())), indent=1) + "\n")
