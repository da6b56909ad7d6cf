"""Custom maps: the player's own maps folder (user data dir / maps) and the maps shipped
in maps/, each listed by its `title` map property (its file name if it has none);
choosing one opens its briefing.  Broken maps show their problem there instead of a
traceback, and a Tiled JSON map (.tmj) is listed so the player learns why it cannot play."""

from __future__ import annotations

from pathlib import Path

from game import MAPS_DIR, userdata
from game.progress import Mission
from game.tiled.errors import MapError
from game.tiled.formats import unsupported_format
from game.tiled.properties import read_properties
from game.tiled.safety import MAX_MAP_BYTES, read_xml
from game.ui.profile import prepare
from game.ui.screen import MenuScreen
from game.ui.widgets import DIM, GOLD, Item, Menu, px

MAX_LISTED = 14
MAP_SUFFIXES = (".tmx", ".tmj")  # .tmj is listed only to say it is not read yet
MAX_TITLE = 60  # characters: a title is one line of the menu


def _tooltip(path: Path) -> str:
    return unsupported_format(path) or str(path)


def user_maps_dir() -> Path:
    return userdata.data_dir() / "maps"


def find_maps() -> list[tuple[Path, str]]:
    """(path, where) for every .tmx (and .tmj, to say it is not read yet): the player's
    folder first, then the shipped ones."""
    found = []
    for folder, where in ((user_maps_dir(), "yours"), (MAPS_DIR, "shipped")):
        try:
            paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in MAP_SUFFIXES)
        except OSError:
            continue
        found += [(p, where) for p in paths if p.is_file()]
    return found


def map_title(path: Path) -> str:
    """The map's `title` property as the mission list shows it, else its file name.
    The file goes through the loader's own capped, entity-refusing reader; a map that
    cannot be read is listed by name (opening it shows why)."""
    fallback = path.stem.replace("_", " ")
    if path.suffix.lower() != ".tmx":
        return fallback
    try:
        root = read_xml(path, MAX_MAP_BYTES)
    except (MapError, OSError):
        return fallback
    raw = read_properties(root).get("title") if root.tag == "map" else None
    if raw is None or raw.type not in ("", "string"):
        return fallback
    title = " ".join(raw.value.split())[:MAX_TITLE]
    return title or fallback


class CustomMapsScreen(MenuScreen):
    def __init__(self, app) -> None:
        super().__init__(app)
        prepare(app)
        self.refresh()

    def refresh(self) -> None:
        self.maps = find_maps()
        self.titles = {path: map_title(path) for path, _ in self.maps[:MAX_LISTED]}
        items = [Item(self.titles[path], (lambda p=path: self.open(p)),
                      value=where, tooltip=_tooltip(path))
                 for path, where in self.maps[:MAX_LISTED]]
        items.append(Item("Look again", self.refresh,
                          tooltip="After copying maps into your folder"))
        items.append(Item("Back", self.app.pop))
        self.menu = Menu(items, font_size=26, width=560)

    def open(self, path: Path) -> None:
        from game.ui.briefing import BriefingScreen

        title = self.titles.get(path) or map_title(path)
        mission = Mission(id=f"custom:{path.stem}", map=path, title=title)
        self.app.push(BriefingScreen(self.app, mission))

    def draw(self, surface, alpha: float) -> None:
        surface.fill((16, 17, 19))
        app, text = self.app, self.app.text
        x, y = px(app, 60), px(app, 40)
        text.blit(surface, "CUSTOM MAPS", (x, y), px(app, 50), GOLD, bold=True)
        text.blit(surface, f"Put your Tiled maps (.tmx) and their own templates in "
                  f"{user_maps_dir()}",
                  (x, y + px(app, 50)), px(app, 21), DIM)
        self.menu.draw(surface, app, (x, y + px(app, 90)))
        if len(self.maps) > MAX_LISTED:
            text.blit(surface, f"... and {len(self.maps) - MAX_LISTED} more not shown",
                      (x, surface.get_height() - px(app, 40)), px(app, 19), DIM)
