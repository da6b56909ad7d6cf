"""Reload on save: while the player's own map is being played, notice that it (or a
tileset, tileset image or template it uses) changed on disk and reload it as Ctrl+R does.

The set of files comes from `game.packs.map_files`, the same reference walk a map pack
uses, so the watch and a pack never disagree about what a map depends on.  Polling only
stats those files (mtime_ns and size, no reads), at most every POLL_S of the screen's
clock, and waits until they have held still for SETTLE_S: an editor that writes a file
twice, or a tileset and then the map, causes one reload.

Only maps the player opened (`play MAP`, the Custom maps screen) are watched; campaign
missions are not: a reload restarts the mission, and a sync tool or an update touching the
installed files must not wipe out a campaign fight.  A map maker editing a shipped mission
plays it with `danger-close play maps/NAME.tmx`, which is watched.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

POLL_S = 0.5  # how often the files are looked at while nothing is happening
SETTLE_S = 0.3  # how long the files must hold still after a change before the reload
SETTLE_POLL_S = 0.1  # how often they are looked at while waiting for them to settle

Signature = tuple[tuple[int, int] | None, ...]


def dependencies(map_path: Path, fallback: Sequence[Path] = ()) -> list[Path]:
    """The map and every file it refers to (where their bytes are).  When the map cannot
    be followed (a broken edit), the map itself plus `fallback`, the files it used last."""
    from game.packs import PackError, map_files

    try:
        return [real for _virtual, real in map_files(map_path)]
    except (PackError, OSError):
        start = Path(os.path.abspath(map_path))
        return [start, *(p for p in fallback if p != start)]


def signature(paths: Sequence[Path]) -> Signature:
    """(mtime_ns, size) per file, None for a file that is missing right now."""
    out = []
    for path in paths:
        try:
            st = os.stat(path)
        except OSError:
            out.append(None)
        else:
            out.append((st.st_mtime_ns, st.st_size))
    return tuple(out)


class MapWatch:
    """Says once, after the files stop changing, that a reload is due."""

    def __init__(self, map_path: Path, now: float) -> None:
        self.map_path = Path(map_path)
        self.files: list[Path] = dependencies(self.map_path)
        self.baseline = signature(self.files)  # what the running mission was built from
        self.seen = self.baseline  # the last signature looked at
        self.changed_at: float | None = None  # when `seen` last differed, while settling
        self.next_poll = now + POLL_S

    def poll(self, now: float) -> bool:
        """True when the files changed and have held still since; the caller reloads,
        then calls `rebase`."""
        if now < self.next_poll:
            return False
        current = signature(self.files)
        if current != self.seen:  # still being written: start (or restart) the wait
            self.seen, self.changed_at = current, now
        settling = self.changed_at is not None
        due = settling and current != self.baseline and now - self.changed_at >= SETTLE_S
        if settling and current == self.baseline:
            self.changed_at = None  # changed back (an undo, a touch-free rewrite)
        self.next_poll = now + (SETTLE_POLL_S if self.changed_at is not None else POLL_S)
        return due

    def rebase(self, now: float) -> None:
        """After a reload (done or refused): follow the map's references again (they may
        have changed) and take the files as they are now as the new starting point, so a
        broken edit is reported once, not on every poll."""
        self.files = dependencies(self.map_path, self.files)
        self.baseline = self.seen = signature(self.files)
        self.changed_at = None
        self.next_poll = now + POLL_S


def wanted(screen) -> bool:
    """Watch this mission? Only a map the player opened, and only with the setting on."""
    settings = screen.ctx.settings
    if settings is not None and not settings.reload_on_save:
        return False
    mission = screen.mission
    return mission is None or str(mission.id).startswith("custom:")


def follow(screen) -> None:
    """Called every frame by the battle screen: reload it when its map's files changed.
    The watch is made on the first frame (the screen learns its mission after it is
    built) and dropped while the setting is off."""
    if not wanted(screen):
        screen.map_watch = None
        return
    if not screen.session.scenario.path:
        return  # a map built in memory has no file to watch
    now = screen.clock_s
    watch = getattr(screen, "map_watch", None)
    path = Path(screen.session.scenario.path)
    if watch is None or watch.map_path != path:
        screen.map_watch = MapWatch(path, now)
        return
    if watch.poll(now):
        screen.reload_from_disk()
        watch.rebase(now)
