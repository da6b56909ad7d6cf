"""The campaign: the ordered missions (maps/campaign.json) and the player's progress
(which missions are done and with how many stars), saved as progress.json.

Missions unlock in order: the first (the training lane) is open, each next one once the
one before it is won.  A mission already won stays open, and so does the one after it,
so progress from a version that left training optional still holds.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from game import MAPS_DIR, userdata
from game.safe_files import UnsafeFileError, load_json

FILE_NAME = "progress.json"
CAMPAIGN_FILE = "campaign.json"
log = logging.getLogger("danger_close.progress")
MAX_ID = 200
CAMPAIGN_MAX_BYTES = 256 * 1024

# used while maps/campaign.json is missing: the story order, keeping the maps that exist
FALLBACK = (
    ("training", "training.tmx", "Training", "Learn to lead the squad.", True),
    ("qasr_al_hanif", "qasr_al_hanif.tmx", "Qasr al-Hanif",
     "Recover the vaccines from the ruined medical center.", False),
    ("mavrah", "mavrah.tmx", "Mavrah, eastern sector",
     "Search the ruins for survivors and bring them to Bravo.", False),
    ("granary", "granary.tmx", "The granary",
     "The largest group is hiding in the granary. Get them out.", False),
)


@dataclass(frozen=True)
class Mission:
    id: str
    map: Path
    title: str
    summary: str = ""
    training: bool = False


def load_campaign(maps_dir: Path = MAPS_DIR) -> list[Mission]:
    """The campaign's missions in order; entries whose map file is missing are left out."""
    missions = _from_file(maps_dir / CAMPAIGN_FILE, maps_dir)
    if missions is None:
        missions = [Mission(i, maps_dir / m, t, s, tr) for i, m, t, s, tr in FALLBACK]
    return [m for m in missions if m.map.is_file()]


def _from_file(path: Path, maps_dir: Path) -> list[Mission] | None:
    if not path.exists():
        return None
    try:
        raw = load_json(path, CAMPAIGN_MAX_BYTES, max_depth=8)
    except UnsafeFileError as exc:
        log.warning("%s: %s; using the built-in mission list", path, exc)
        return None
    entries = raw.get("missions") if isinstance(raw, dict) else raw
    if not isinstance(entries, list):
        return None
    missions = []
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("map"), str):
            continue
        mid = str(entry.get("id") or Path(entry["map"]).stem)
        missions.append(Mission(
            id=mid, map=maps_dir / entry["map"], title=str(entry.get("title") or mid),
            summary=str(entry.get("summary") or ""), training=bool(entry.get("training"))))
    return missions


@dataclass
class Progress:
    stars: dict[str, int] = field(default_factory=dict)  # mission id -> best stars (won)

    def won(self, mission_id: str) -> bool:
        return mission_id in self.stars

    def record(self, mission_id: str, stars: int) -> bool:
        """A won mission; keeps the best rating.  True when it improved."""
        stars = max(1, min(3, int(stars)))
        if self.stars.get(mission_id, 0) >= stars:
            return False
        self.stars[mission_id] = stars
        return True

    def unlocked(self, missions: list[Mission]) -> list[bool]:
        """Per mission: can it be played?  Open up to one past the furthest won."""
        furthest = self._furthest_won(missions)
        return [i <= furthest + 1 for i in range(len(missions))]

    def next_mission(self, missions: list[Mission]) -> Mission | None:
        """What to play next ("Continue", the campaign's cursor): the first mission not
        yet won after the furthest one won; None when the campaign is done."""
        for m in missions[self._furthest_won(missions) + 1:]:
            if not self.won(m.id):
                return m
        return None

    def _furthest_won(self, missions: list[Mission]) -> int:
        """Index of the last won mission in campaign order, -1 when none is."""
        return max((i for i, m in enumerate(missions) if self.won(m.id)), default=-1)

    def to_dict(self) -> dict:
        return {"version": 1, "stars": dict(sorted(self.stars.items()))}

    @classmethod
    def from_dict(cls, raw: object) -> tuple[Progress | None, list[str]]:
        """(progress, notes on the entries that were odd); None when it is no record.

        Stars stored as 3.0 count as 3; a number out of range is brought into 1..3 and
        noted; anything else is left out and noted, never dropped silently."""
        if not isinstance(raw, dict) or not isinstance(raw.get("stars"), dict):
            return None, []
        stars: dict[str, int] = {}
        notes: list[str] = []
        for key, value in raw["stars"].items():
            mission = str(key)[:60]
            if not key or len(key) > MAX_ID:
                notes.append(f"a mission id {mission!r} that is not a name")
                continue
            count = _whole(value)
            if count is None:
                notes.append(f"{mission}: {str(value)[:30]!r} is not a number of stars")
                continue
            if not 1 <= count <= 3:
                notes.append(f"{mission}: {count} stars counted as {max(1, min(3, count))}")
            stars[key] = max(1, min(3, count))
        return cls(stars), notes


def _whole(value: object) -> int | None:
    """A whole number, also when written as 3.0; None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def progress_path() -> Path:
    return userdata.data_dir() / FILE_NAME


def load_progress(path: Path | None = None) -> tuple[Progress, str]:
    path = path or progress_path()
    loaded = userdata.read_json(path)
    if loaded.data is None:
        return Progress(), loaded.problem
    progress, notes = Progress.from_dict(loaded.data)
    if progress is None:
        return Progress(), userdata.reject(path, "not a progress record").problem
    if notes:
        log.warning("%s: %s", path, "; ".join(notes))
        shown = "; ".join(notes[:3]) + ("; ..." if len(notes) > 3 else "")
        return progress, f"{path.name}: some entries were odd ({shown})."
    return progress, ""


def save_progress(progress: Progress, path: Path | None = None) -> str:
    return userdata.write_json(path or progress_path(), progress.to_dict())
