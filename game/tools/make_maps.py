"""python -m game.tools.make_maps: writes maps/granary.tmx and the tiny test maps.

Every map is ASCII art below plus its objects; game.tools.tmx_writer turns them into Tiled
1.8 TMX files against assets/tileset.tsx.  Before writing, check_map() proves the rules a
mission needs: every spawn on a walkable tile, snipers on raised tiles, the extraction
reachable from the squad spawn, patrol routes that never cross a blocked tile.
The files are committed and the game never runs this.  granary.tmx is now edited in
Tiled: this tool refuses to overwrite it (or a test map) once it differs from what the
tool last wrote (game.tools.overwrite_guard), unless --force.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from game import ASSETS_DIR, MAPS_DIR, ROOT
from game.sim.geometry import TILE_PX
from game.tools.map_checks import check_map
from game.tools.overwrite_guard import EditedSinceGenerated, check_targets, record
from game.tools.tmx_writer import (
    MapObject,
    ObjectLayer,
    ObjectRef,
    TileLayer,
    TmxMap,
    layer_from_ascii,
    tile_centre,
    write_tmx,
)

TSX = ASSETS_DIR / "tileset.tsx"
TEST_DATA = ROOT / "tests" / "data"

INHERIT = "*"  # a prop with see-through edges: take the ground most common around it

# char -> (ground tile or INHERIT, structure tile or None).  Ground is the "Ground" layer; anything
# standing on it goes to "Structures", so a destroyed wall leaves its floor underneath.
LEGEND: dict[str, tuple[str, str | None]] = {
    ".": ("sand", None),
    ",": ("dirt", None),
    ";": ("scrub", None),
    "=": ("road", None),
    "-": ("road_line", None),
    "_": ("floor", None),
    ":": ("floor_cracked", None),
    "g": ("grain_floor", None),
    "p": ("planks_floor", None),
    "t": ("tiles", None),
    "~": (INHERIT, "tarp"),
    "H": ("floor", "extraction_pad"),
    "^": ("floor", "extraction_chevron"),
    "x": ("dirt", "rubble"),
    "#": ("floor", "stone_wall"),
    "%": ("floor", "stone_wall_cracked"),
    "&": ("floor", "stone_wall_moss"),
    "B": ("floor", "brick_wall_destructible"),
    "W": ("planks_floor", "wood_wall"),
    "I": (INHERIT, "stone_pillar"),
    "R": ("grain_floor", "rafters"),
    "r": ("grain_floor", "rafter_rail"),
    "L": ("grain_floor", "ladder"),
    "D": ("floor", "door"),
    "K": ("floor", "locked_door"),
    "O": ("floor", "window"),
    "s": (INHERIT, "sandbags"),
    "l": (INHERIT, "low_wall"),
    "C": ("floor", "crate_stack"),
    "G": (INHERIT, "grain_sacks"),
    "d": ("dirt", "debris_pile"),
    "b": (INHERIT, "barrels"),
    "w": (INHERIT, "well"),
    "T": (INHERIT, "dead_tree"),
    "V": ("road", "wreck"),
}

# The old granary, 72 x 48.  Stone hall x 22-49, y 4-37: storerooms along the north
# (west store with a side door, the children's room in the middle, a padlocked east
# store), the long hall with rafters (R) behind rails (r) on both long sides reached by
# ladders (L), the wide south entrance facing sandbag nests, a road along the west and
# south, a ruined house south-west, a shed east, extraction point Bravo north-east.
GRANARY = [
    "....;..===.............,;,......................................,.......",
    "....;..===.............,;...T..............T....................,.,,....",
    "....,..===......,,.........................lll....xx..........^^^^^^^...",
    ".......===.......,..,.......................,;................_______...",
    ".......===.......ss.;.###O##%#####BBBB######O#####............___H___...",
    ".......===..........;.&CCttttCCWGppppppGWCCppppCC&............_______...",
    ".......===............#CttttttCWpppppppGWpppppppC#............_______...",
    ".......===..........,,OttttttttWppppppppWpppppppp#............^^^^^^^...",
    ".......===.....w....,;#tttGGtttWppppppppWpppbbppp#..............;.......",
    ".......===..........,,DttttttttWppp~~pppWppppppppO..............;.......",
    ".......===............#ttttttttWppppppppWpppppppp#............;;;.......",
    ".......===;,....x.....#CttttGGtWppppppppWpppppppC#.............,........",
    "....T..===..........b.#CCttttttWGpppppGGWCCpppppC#.d....................",
    ".......===,,,.......b.#####D#######D########K#####......................",
    ".......===;,..........#RRrggggggggggggggggggggrRR#......................",
    ".......===....l.......%RRrggggggggggggggggggggrRR#.....lll.llll.........",
    "..sss..===....l.......#RRLgggggggGGgggggggggggLRR#..........;,..........",
    ".......===....l.......#RRrggGGggggggggggggggCgrRR#..........,,..........",
    ".......===....l.......#RRrggggggggggCCggggggCgrRR%..........,,..........",
    ".......===............#RRrggggIgggggCggggIggggrRR#...b..................",
    ".......=V=.xx.........#RRrggggggggggggggggggggrRR#;;;.............T...,,",
    ".......===....l.......ORRrggggggggggggGGggggggrRRO;.,...................",
    "...T...===....l.......#RRrggggggggggggggggggggrRR#,.;..WWWWWWW.,........",
    ".......===....l.......#RRrgCgggggggdgggggggGggrRR#.....WppppCW......;;,.",
    ".......===............#RRrgCgggggggggggggggGggrRRB.....WppppCW.......;,.",
    ".......===............#RRrggggIggggggggggIggggrRRB.....DpppppW.......,;;",
    ".......===.......,....#RRrggggggggggggggggggggrRRB.....WpppppW...,,..,.,",
    ".......===.......,....#RRrgggggggGGGggggggggggrRRB.....WbppGpW...,;.;,;,",
    ".......===#########..,#RRrggggggggggggggggggggrRR#.....WWWWWWW......,,,.",
    ".......===#d,,,,CC#..,ORRrgGGgggggggggggCCggggrRR#....................,;",
    ",;,....===O,,,,,,,x..,#RRrggggggggggggggggggggrRRO...ss....,;;GG.,,.;,,,",
    ";,,....===#,,,,,,,x...#RRrggggIgxxgggggggIggxgrRR#........,,;,G..;;.,.,;",
    ",......===B,,,,,,,#...#RRrggggggggggggggggggggrRR#........xx,,....,.;...",
    ".......===B,,,,,,,#...%RRrgggggggggggGGgggggggrRR#.........;x,..........",
    ".......===#,x,,,,,#...#RRLggGGggggggggggggGGggLRR#.................T....",
    ".......===###xxx###...#RRrxgggggggggggggggggggrRR%......................",
    ".......===;....;;,....&RRrggggggggggggggggggggrRR&...............,;,,...",
    ".......===,....,;;.,;;#&##%BBB#%________%####%##&#.,..........,,.,......",
    "..T....===.....,,..;x.,.............,,.............,..........,..,......",
    ".......===.........;..,.xx..,,......,.........x.x.......................",
    "..,....===.........x.....x...ssss...,.;ssss....x........................",
    "..;....===.................d.;.....lll.;,,,.bb.....x....................",
    ".......===,............................;,;..............................",
    "========================================================================",
    "-=-=-=-===-=-=-=-=-=-=-=-=-=-=V=-=-=-=-=-=-=-=-=-=-=-=-=V=-=-=-=-=-=-=-=",
    "========================================================================",
    ".......===.,.;..........................................................",
    ".......===,;............................................................",
]

BRIEFING = (
    "Colonel Rahim: Listen up. This is the last and the largest group. Intel puts fifteen, "
    "maybe more, holed up in the old granary on the edge of Mavrah, and at least six of "
    "them are children, hiding in the storerooms at the back.\n\n"
    "The granary is one long stone hall. Rafters run down both long sides, and whoever "
    "sits up there owns the floor. The main doors face south, onto the road. The place has "
    "been quiet for two days. I do not like quiet.\n\n"
    "You go in from the north-west, through the side door of the west store. Find the "
    "children, keep them behind you, and walk them out to extraction point Bravo on the "
    "field north-east of the building. One storeroom is padlocked: Maaz, that one is yours. "
    "Hana, anyone hurt is yours.\n\n"
    "Falcon-2 is on station for one strike. Only if there is no other way: those walls "
    "will not stop it, and neither will a child standing near them. Bring them home."
)


def tile_layers(rows: list[str], legend: dict[str, tuple[str, str | None]]) -> list[TileLayer]:
    """Split combined ASCII art into a Ground layer and a Structures layer."""
    ground = {ch: pair[0] for ch, pair in legend.items()}
    structures = {ch: pair[1] for ch, pair in legend.items()}
    layer = layer_from_ascii("Ground", rows, ground)
    layer.cells = [[inherited_ground(rows, legend, x, y) if name == INHERIT else name
                    for x, name in enumerate(row)] for y, row in enumerate(layer.cells)]
    return [layer, layer_from_ascii("Structures", rows, structures)]


def inherited_ground(rows: list[str], legend: dict[str, tuple[str, str | None]],
                     x: int, y: int) -> str:
    """The ground most common among nearby bare-ground cells, so props blend in."""
    counts: dict[str, int] = {}
    for radius in (1, 2, 3):
        for ny in range(y - radius, y + radius + 1):
            for nx in range(x - radius, x + radius + 1):
                if 0 <= ny < len(rows) and 0 <= nx < len(rows[0]):
                    under, above = legend[rows[ny][nx]]
                    if above is None and under != INHERIT:
                        counts[under] = counts.get(under, 0) + 1
        if counts:
            return max(sorted(counts), key=lambda name: counts[name])
    return "dirt"


def point(cls: str, tx: int, ty: int, name: str = "", **props) -> MapObject:
    """A point object at a tile's centre."""
    x, y = tile_centre(tx, ty)
    return MapObject(cls, x, y, name=name, properties=props)


def zone(cls: str, tx: int, ty: int, tw: int, th: int, name: str = "", **props) -> MapObject:
    """A rectangle object covering whole tiles."""
    return MapObject(cls, tx * TILE_PX, ty * TILE_PX, name=name, width=tw * TILE_PX,
                     height=th * TILE_PX, properties=props)


def route(key: str, tiles: list[tuple[int, int]]) -> MapObject:
    """A polyline through tile centres, starting at the first one (what `patrol` points at)."""
    x0, y0 = tile_centre(*tiles[0])
    pts = [(tile_centre(tx, ty)[0] - x0, tile_centre(tx, ty)[1] - y0) for tx, ty in tiles]
    return MapObject("PatrolRoute", x0, y0, name=key, points=pts)


def granary_above() -> TileLayer:
    """Roof beams crossing the hall, drawn over the units; the rules ignore this layer."""
    cells: list[list[str | None]] = [[None] * len(GRANARY[0]) for _ in GRANARY]
    for y in (17, 23, 29):
        for x in range(23, 49):
            cells[y][x] = "beam_overhead"
    return TileLayer("Above", cells, {"above": True})


def granary_objects() -> list[MapObject]:
    objects = [point("SquadSpawn", 4, 5, "Squad", member="")]
    objects.append(zone("Extraction", 62, 2, 7, 6, "Bravo"))
    children = [(33, 6), (34, 7), (36, 6), (38, 8), (33, 11), (37, 11)]
    for i, (tx, ty) in enumerate(children, start=1):
        objects.append(point("Civilian", tx, ty, f"Child {i}", kind="child", hidden=True,
                             wounded=False, group="granary_children"))
    objects += [
        point("Civilian", 46, 7, "Elder in the storeroom", kind="elder", hidden=True,
              wounded=False, group="storeroom"),
        point("Civilian", 14, 31, "Wounded mother", kind="adult", hidden=True, wounded=True,
              group="ruin"),
        point("Civilian", 58, 25, "Shed farmer", kind="adult", hidden=True, wounded=False,
              group="shed"),
        point("Civilian", 12, 10, "Water carrier", kind="adult", hidden=False,
              wounded=False, group="yard"),
    ]
    snipers = [(24, 22, 0), (47, 28, 180)]
    for i, (tx, ty, facing) in enumerate(snipers, start=1):
        objects.append(point("Insurgent", tx, ty, f"Rafter sniper {i}", role="sniper",
                             group="rafters", ambush=True, facing=facing))
    south = [(29, 41, "rifleman"), (31, 41, "gunner"), (36, 42, "rifleman"),
             (40, 41, "rifleman"), (42, 41, "rifleman")]
    for i, (tx, ty, role) in enumerate(south, start=1):
        objects.append(point("Insurgent", tx, ty, f"South ambush {i}", role=role,
                             group="south", ambush=True, facing=270))
    for i, (tx, ty) in enumerate([(1, 44), (70, 44)], start=1):
        objects.append(point("Insurgent", tx, ty, f"South reinforcement {i}",
                             role="rifleman", group="south", reinforcement=True,
                             facing=0 if tx < 36 else 180))
    objects += [
        point("Insurgent", 12, 6, "West patrol", role="rifleman", group="yard",
              patrol=ObjectRef("west_route"), facing=0),
        point("Insurgent", 52, 9, "East patrol", role="scout", group="yard",
              patrol=ObjectRef("east_route"), facing=90),
        point("Insurgent", 44, 3, "Rear lookout", role="rifleman", group="rear", facing=270),
        zone("Trigger", 26, 14, 20, 6, "Rafters trigger", group="rafters",
             radio="Eyes up! Movement in the rafters!", once=True),
        zone("Trigger", 26, 20, 20, 17, "Hall trigger", group="south",
             radio="Contact! Rafters \u2014 and the south entrance!", once=True),
        zone("Trigger", 24, 43, 24, 5, "South road trigger", group="south",
             radio="Contact south! They were waiting at the doors!", once=True),
        route("west_route", [(12, 6), (19, 6), (19, 26), (12, 26), (12, 6)]),
        route("east_route", [(52, 9), (52, 38), (64, 38), (64, 9), (52, 9)]),
    ]
    return objects


def granary_map() -> TmxMap:
    layers: list[TileLayer | ObjectLayer] = [*tile_layers(GRANARY, LEGEND), granary_above()]
    layers.append(ObjectLayer("Objects", granary_objects()))
    props = {"title": "The Granary", "briefing": BRIEFING, "rescue_required": 6,
             "air_strikes": 1, "time_limit": 0, "insurgents_target_civilians": False,
             "time_of_day": "dusk"}
    return TmxMap(len(GRANARY[0]), len(GRANARY), layers, props, background="#2a221b")


# ---------------------------------------------------------------- tiny test maps
# Tile coordinates below are (x, y); every tiny map has one Extraction named "Bravo" when
# it has one at all, and map properties title, rescue_required, air_strikes, time_limit.


def _tiny(title: str, rows: list[str], objects: list[MapObject], rescue: int = 0) -> TmxMap:
    props = {"title": title, "briefing": "", "rescue_required": rescue, "air_strikes": 1,
             "time_limit": 0}
    layers: list[TileLayer | ObjectLayer] = [*tile_layers(rows, TINY_LEGEND),
                                             ObjectLayer("Objects", objects)]
    return TmxMap(len(rows[0]), len(rows), layers, props)


TINY_LEGEND: dict[str, tuple[str, str | None]] = {
    ".": ("floor", None),
    "#": ("floor", "stone_wall"),
    "s": ("floor", "sandbags"),
}


def open_field() -> TmxMap:
    """16x10 bare floor: squad spawn at (2, 5), extraction tiles x 13-15, y 3-6.
    For loading, moving and reaching the extraction with nothing in the way."""
    rows = ["." * 16] * 10
    return _tiny("Open Field", rows, [point("SquadSpawn", 2, 5, "Squad", member=""),
                                      zone("Extraction", 13, 3, 3, 4, "Bravo")])


def wall_duel() -> TmxMap:
    """16x10 floor cut by a full stone-wall column at x = 8 (no gap): squad spawn at (2, 5),
    one rifleman at (13, 5) facing west, extraction tiles x 0-1, y 0-1 (only so the map
    validates).  For sight and shots blocked by a wall, and for a path that does not exist."""
    rows = ["." * 8 + "#" + "." * 7] * 10
    return _tiny("Wall Duel", rows, [
        point("SquadSpawn", 2, 5, "Squad", member=""),
        zone("Extraction", 0, 0, 2, 2, "Bravo"),
        point("Insurgent", 13, 5, "Behind the wall", role="rifleman", facing=180)])


def cover_field() -> TmxMap:
    """20x10 floor, sandbags (low cover) at x = 12 on rows 0-4: squad spawn at (2, 5),
    rifleman A at (13, 2) right behind the sandbags, rifleman B at (13, 8) in the open.
    Extraction tiles x 0-1, y 0-1 (only so the map validates).
    For hit rates over a seeded batch: A must be hit less often than B.  (The sandbags
    sit on the tile next to A because cover counts on the tile beside the target.)"""
    rows = ["." * 12 + "s" + "." * 7] * 5 + ["." * 20] * 5
    return _tiny("Cover Field", rows, [
        point("SquadSpawn", 2, 5, "Squad", member=""),
        zone("Extraction", 0, 0, 2, 2, "Bravo"),
        point("Insurgent", 13, 2, "In cover", role="rifleman", facing=180),
        point("Insurgent", 13, 8, "In the open", role="rifleman", facing=180)])


CORRIDOR = [
    "##############",
    "#..........###",
    "#..........###",
    "#########..###",
    "#########..###",
    "#########..###",
    "#########..###",
    "#########..###",
    "#########..###",
    "##############",
]


def corridor() -> TmxMap:
    """14x10 stone walls around an L-shaped corridor two tiles wide: east along rows 1-2
    from x 1 to 10, then south along x 9-10 to row 8.  Squad spawn at (2, 1), extraction
    tiles x 9-10, y 7-8.  For paths that turn a corner without cutting it."""
    return _tiny("Corridor", CORRIDOR, [point("SquadSpawn", 2, 1, "Squad", member=""),
                                        zone("Extraction", 9, 7, 2, 2, "Bravo")])


RESCUE = [
    ".........#..........",
    ".........#..........",
    ".........#..........",
    ".........#..........",
    ".........#..........",
    ".........#..........",
    ".........#..........",
    ".........########...",
    "....................",
    "....................",
    "....................",
    "....................",
]


def rescue() -> TmxMap:
    """20x12 floor with an L of stone wall (x = 9 on rows 0-7, row 7 from x 9 to 16).
    Squad spawn at (3, 4) west of the wall; a hidden child at (12, 4) in the pocket behind
    the corner, out of sight until the squad walks round by the south and east; extraction
    tiles x 0-2, y 9-11; rescue_required 1.  For finding, following and rescuing."""
    return _tiny("Rescue", RESCUE, [
        point("SquadSpawn", 3, 4, "Squad", member=""),
        point("Civilian", 12, 4, "Hidden child", kind="child", hidden=True, wounded=False,
              group="test"),
        zone("Extraction", 0, 9, 3, 3, "Bravo")], rescue=1)


TINY_MAPS = {"open_field": open_field, "wall_duel": wall_duel, "cover_field": cover_field,
             "corridor": corridor, "rescue": rescue}


def write_all(maps_dir: Path, test_dir: Path, tsx: Path = TSX,
              force: bool = False) -> list[Path]:
    """Check then write every map; raises ValueError listing the problems of a bad one,
    and EditedSinceGenerated (writing nothing) if a target was edited since generated."""
    jobs = [(maps_dir / "granary.tmx", granary_map())]
    jobs += [(test_dir / f"{name}.tmx", make()) for name, make in TINY_MAPS.items()]
    for path, tmx in jobs:
        problems = check_map(tmx, tsx)
        if problems:
            raise ValueError(f"{path.name}:\n  " + "\n  ".join(problems))
    check_targets([path for path, _ in jobs], force)
    written = [write_tmx(tmx, path, tsx) for path, tmx in jobs]
    record(written)
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--maps", type=Path, default=MAPS_DIR)
    parser.add_argument("--tests", type=Path, default=TEST_DATA)
    parser.add_argument("--force", action="store_true",
                        help="overwrite maps edited since they were generated")
    args = parser.parse_args(argv)
    try:
        written = write_all(args.maps, args.tests, force=args.force)
    except EditedSinceGenerated as exc:
        raise SystemExit(f"error: {exc}") from None
    for path in written:
        print(path)


if __name__ == "__main__":
    main()
