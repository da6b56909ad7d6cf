"""The player's settings: volumes, window, UI scale, difficulty, key bindings.

Stored as JSON (settings.json in the config folder, see game.userdata).  Unknown keys are
ignored and bad values replaced by defaults one by one, so a settings file from another
version still loads; a file that is not JSON at all is set aside and reported.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from game import userdata
from game.sim.difficulty import DIFFICULTIES as LEVELS

FILE_NAME = "settings.json"
DIFFICULTIES = tuple(LEVELS)  # the rules' own levels, easiest first
WINDOW_SIZES = ((1024, 640), (1280, 720), (1600, 900), (1920, 1080), (2560, 1440),
                (3840, 2160))
UI_AUTO = 0.0  # the UI scale follows the window's height (see auto_ui_scale)
UI_SCALES = (UI_AUTO, 0.85, 1.0, 1.25, 1.5, 1.75, 2.0)
WINDOW_SIDE_RANGE = (320, 8192)


@dataclass
class Settings:
    master_volume: float = 0.8
    effects_volume: float = 1.0
    fullscreen: bool = False
    window_size: tuple[int, int] = (1280, 720)
    ui_scale: float = UI_AUTO
    difficulty: str = "normal"
    keys: dict[str, list[str]] = field(default_factory=dict)  # action -> key names
    reload_on_save: bool = True  # reload the player's own map when its files change
    show_minimap: bool = True
    show_frame_times: bool = False  # F3: the frame-time meter

    def to_dict(self) -> dict:
        data = asdict(self)
        data["window_size"] = list(self.window_size)
        return data

    @classmethod
    def from_dict(cls, raw: dict) -> Settings:
        """Each field checked on its own: one bad value does not cost the others."""
        s = cls()
        if not isinstance(raw, dict):
            return s
        for name in ("master_volume", "effects_volume"):
            v = raw.get(name)
            if _number(v):
                setattr(s, name, max(0.0, min(1.0, float(v))))
        if isinstance(raw.get("fullscreen"), bool):
            s.fullscreen = raw["fullscreen"]
        size = raw.get("window_size")
        if isinstance(size, list | tuple) and len(size) == 2:
            width, height = _whole(size[0]), _whole(size[1])
            if width is not None and height is not None and all(
                    usable_side(v) for v in (width, height)):
                s.window_size = (width, height)
        scale = raw.get("ui_scale")
        if _number(scale) and (scale == UI_AUTO or 0.5 <= scale <= 3.0):
            s.ui_scale = float(scale)
        for name in ("reload_on_save", "show_minimap", "show_frame_times"):
            if isinstance(raw.get(name), bool):
                setattr(s, name, raw[name])
        if raw.get("difficulty") in DIFFICULTIES:
            s.difficulty = raw["difficulty"]
        if isinstance(raw.get("keys"), dict):
            from game.ui.keymap import clean_bindings

            s.keys = clean_bindings(raw["keys"])
        return s


def usable_side(pixels: int) -> bool:
    """A window side the game will open (a settings file or a drag may say anything)."""
    return WINDOW_SIDE_RANGE[0] <= pixels <= WINDOW_SIDE_RANGE[1]


def auto_ui_scale(window_height: int) -> float:
    """The UI scale that keeps text and buttons about the same size on the screen as
    at 720p on a laptop: 100% up to 864 pixels high, 125% at 1080, 150% from 1296 to
    1620, then growing to 200% at 2160 (4K), where the pixels are smaller (a larger screen
    shows more battlefield, not a smaller HUD)."""
    scale = max(1.0, min(1.5, window_height / 864), min(2.0, window_height / 1080))
    return round(scale * 20) / 20


def largest_ui_scale(window_height: int) -> float:
    """The largest UI scale whose battle HUD still fits a window this high: 150% up to
    1620 pixels (the squad's badges, log and minimap are laid out for it down to 640),
    then the height over 1080 (200% at 4K). A larger chosen scale is used at this one."""
    return max(1.5, window_height / 1080)


def offered_window_sizes(desktop: tuple[int, int] | None) -> tuple[tuple[int, int], ...]:
    """The window sizes the settings offer: those that fit the desktop (all of them when
    the desktop's size is unknown), and always the smallest."""
    if desktop is None:
        return WINDOW_SIZES
    fitting = tuple(size for size in WINDOW_SIZES
                    if size[0] <= desktop[0] and size[1] <= desktop[1])
    return fitting or WINDOW_SIZES[:1]


def stepped_window_size(current: tuple[int, int], step: int,
                        offered: tuple[tuple[int, int], ...]) -> tuple[int, int]:
    """The next offered size larger (step 1) or smaller (-1) than `current`, by area,
    wrapping round; a window the player dragged to any size steps to its neighbour."""
    area = current[0] * current[1]
    if step > 0:
        larger = [size for size in offered if size[0] * size[1] > area]
        return larger[0] if larger else offered[0]
    smaller = [size for size in offered if size[0] * size[1] < area]
    return smaller[-1] if smaller else offered[-1]


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _whole(value: object) -> int | None:
    """A whole number, also when written as 1280.0; None for anything else."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def settings_path() -> Path:
    return userdata.config_dir() / FILE_NAME


def load_settings(path: Path | None = None) -> tuple[Settings, str]:
    """(settings, problem message or "")."""
    path = path or settings_path()
    loaded = userdata.read_json(path)
    if loaded.data is None:
        return Settings(), loaded.problem
    if not isinstance(loaded.data, dict):
        return Settings(), userdata.reject(path, "not a settings object").problem
    return Settings.from_dict(loaded.data), ""


def save_settings(settings: Settings, path: Path | None = None) -> str:
    return userdata.write_json(path or settings_path(), settings.to_dict())


FIELD_NAMES = tuple(f.name for f in fields(Settings))
