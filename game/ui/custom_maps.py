"""Custom maps: the player's own maps folder (user data dir / maps) and the maps shipped
in maps/; choosing one opens its briefing.  Broken maps show their problem there instead
of a traceback."""

from __future__ import annotations

from pathlib import Path

from game import MAPS_DIR, userdata
from game.progress import Mission
from game.ui.profile import prepare
from game.ui.screen import MenuScreen
from game.ui.widgets import DIM, GOLD, Item, Menu, px

MAX_LISTED = 14


def user_maps_dir() -> Path:
    return userdata.data_dir() / "maps"


def find_maps() -> list[tuple[Path, str]]:
    """(path, where) for every .tmx: the player's folder first, then the shipped ones."""
    found = []
    for folder, where in ((user_maps_dir(), "yours"), (MAPS_DIR, "shipped")):
        try:
            paths = sorted(folder.glob("*.tmx"))
        except OSError:
            continue
        found += [(p, where) for p in paths if p.is_file()]
    return found


class CustomMapsScreen(MenuScreen):
    def __init__(self, app) -> None:
        super().__init__(app)
        prepare(app)
        self.refresh()

    def refresh(self) -> None:
        self.maps = find_maps()
        items = [Item(path.stem.replace("_", " "), (lambda p=path: self.open(p)),
                      value=where, tooltip=str(path))
                 for path, where in self.maps[:MAX_LISTED]]
        items.append(Item("Look again", self.refresh,
                          tooltip="After copying maps into your folder"))
        items.append(Item("Back", self.app.pop))
        self.menu = Menu(items, font_size=26, width=560)

    def open(self, path: Path) -> None:
        from game.ui.briefing import BriefingScreen

        mission = Mission(id=f"custom:{path.stem}", map=path, title=path.stem)
        self.app.push(BriefingScreen(self.app, mission))

    def draw(self, surface, alpha: float) -> None:
        surface.fill((16, 17, 19))
        app, text = self.app, self.app.text
        x, y = px(app, 60), px(app, 40)
        text.blit(surface, "CUSTOM MAPS", (x, y), px(app, 50), GOLD, bold=True)
        text.blit(surface, f"Put your Tiled maps (.tmx) in {user_maps_dir()}",
                  (x, y + px(app, 50)), px(app, 21), DIM)
        self.menu.draw(surface, app, (x, y + px(app, 90)))
        if len(self.maps) > MAX_LISTED:
            text.blit(surface, f"... and {len(self.maps) - MAX_LISTED} more not shown",
                      (x, surface.get_height() - px(app, 40)), px(app, 19), DIM)
