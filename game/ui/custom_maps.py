"""Custom maps: the player's own maps folder (user data dir / maps) and the maps shipped
in maps/, each listed by its `title` map property (its file name if it has none);
choosing one opens its briefing.  Broken maps show their problem there instead of a
traceback.  Tiled JSON maps (.tmj) are listed and played like .tmx.
A map pack (.zip) dropped in the folder gets an "Install pack" entry (game.packs checks
it first); an installed pack's maps are listed from its folder with their author and
briefing."""

from __future__ import annotations

from pathlib import Path

from game import MAPS_DIR, packs, userdata
from game.packs import MAP_SUFFIXES
from game.progress import Mission
from game.tiled.errors import MapError
from game.tiled.properties import read_properties
from game.tiled.safety import MAX_MAP_BYTES, read_xml
from game.ui.profile import prepare
from game.ui.screen import MenuScreen
from game.ui.widgets import DIM, GOLD, Item, Menu, px

MAX_LISTED = 14
MAX_TITLE = 60  # characters: a title is one line of the menu
MAX_TOOLTIP = 110  # characters of author and briefing under the menu


def _tooltip(path: Path) -> str:
    return str(path)


def user_maps_dir() -> Path:
    return userdata.data_dir() / "maps"


def _pack_maps(folder: Path) -> list[Path]:
    """Maps inside installed pack folders (one folder per pack, maps a few levels down)."""
    found: list[Path] = []
    try:
        packs_here = sorted(p for p in folder.iterdir()
                            if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return found
    for pack in packs_here:
        for pattern in ("*", "*/*", "*/*/*"):
            found += sorted(p for p in pack.glob(pattern) if p.suffix.lower() in MAP_SUFFIXES)
    return found


def find_maps() -> list[tuple[Path, str]]:
    """(path, where) for every .tmx and .tmj map: the player's
    folder first, then the shipped ones."""
    found = []
    for folder, where in ((user_maps_dir(), "yours"), (MAPS_DIR, "shipped")):
        try:
            paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in MAP_SUFFIXES)
        except OSError:
            continue
        if where == "yours":
            paths += _pack_maps(folder)
        found += [(p, where) for p in paths if p.is_file()]
    return found


def _text_property(path: Path, name: str, limit: int) -> str:
    """A string map property, on one line and cut to `limit`; "" if absent or unreadable."""
    if path.suffix.lower() not in MAP_SUFFIXES:
        return ""
    try:
        root = read_xml(path, MAX_MAP_BYTES)
    except (MapError, OSError):
        return ""
    raw = read_properties(root).get(name) if root.tag == "map" else None
    if raw is None or raw.type not in ("", "string"):
        return ""
    return " ".join(raw.value.split())[:limit]


def map_blurb(path: Path) -> str:
    """`by AUTHOR: BRIEFING` from the map's properties, for the line under the menu."""
    author = _text_property(path, "author", 40)
    briefing = _text_property(path, "briefing", MAX_TOOLTIP)
    text = (f"by {author}: " if author else "") + briefing
    return text[:MAX_TOOLTIP] + ("..." if len(text) > MAX_TOOLTIP else "")


def map_title(path: Path) -> str:
    """The map's `title` property as the mission list shows it, else its file name.
    The file goes through the loader's own capped, entity-refusing reader; a map that
    cannot be read is listed by name (opening it shows why)."""
    fallback = path.stem.replace("_", " ")
    if path.suffix.lower() not in MAP_SUFFIXES:
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
    name = "custom_maps"

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        prepare(ctx)
        self.notice = ""  # the last pack install's outcome
        self.refresh()

    def refresh(self) -> None:
        self.maps = find_maps()
        self.titles = {path: map_title(path) for path, _ in self.maps[:MAX_LISTED]}
        items = [Item(self.titles[path], (lambda p=path: self.open(p)),
                      value=where, tooltip=map_blurb(path) or _tooltip(path))
                 for path, where in self.maps[:MAX_LISTED]]
        items += [Item(f"Install pack: {z.name}", (lambda z=z: self.install(z)),
                       tooltip="Checks the pack, then unpacks it beside your maps")
                  for z in packs.pending_packs(user_maps_dir())[:4]]
        items.append(Item("Look again", self.refresh,
                          tooltip="After copying maps into your folder"))
        items.append(Item("Back", self.ctx.pop))
        self.menu = Menu(items, font_size=26, width=560)

    def install(self, zip_path: Path) -> None:
        try:
            done = packs.install_pack(zip_path, user_maps_dir())
            self.notice = f"Installed {zip_path.name}: {len(done.maps)} map(s)"
        except packs.PackError as exc:
            self.notice = f"Not installed: {str(exc).splitlines()[0]}"[:140]
        self.refresh()

    def open(self, path: Path) -> None:
        title = self.titles.get(path) or map_title(path)
        mission = Mission(id=f"custom:{path.stem}", map=path, title=title)
        self.ctx.go("briefing", mission)

    def draw(self, surface, alpha: float) -> None:
        surface.fill((16, 17, 19))
        ctx, text = self.ctx, self.ctx.text
        x, y = px(ctx, 60), px(ctx, 40)
        text.blit(surface, "CUSTOM MAPS", (x, y), px(ctx, 50), GOLD, bold=True)
        text.blit(surface, f"Put your Tiled maps (.tmx or .tmj), their templates or a map pack "
                  f"(.zip) in {user_maps_dir()}",
                  (x, y + px(ctx, 50)), px(ctx, 21), DIM)
        if self.notice:
            text.blit(surface, self.notice, (x, y + px(ctx, 72)), px(ctx, 19), GOLD)
        self.menu.draw(surface, ctx, (x, y + px(ctx, 90)))
        if len(self.maps) > MAX_LISTED:
            text.blit(surface, f"... and {len(self.maps) - MAX_LISTED} more not shown",
                      (x, surface.get_height() - px(ctx, 40)), px(ctx, 19), DIM)
