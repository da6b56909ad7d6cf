"""python -m game.tools.make_campaign: writes the campaign maps and maps/campaign.json.

The training lane, Qasr al-Hanif and Mavrah's eastern sector are drawn on a character
canvas (buildings as boxes, walls, doors and props placed by coordinates, ground variety
from a seeded rng so a re-run writes the same files), then written through the same
legend, writer and checks as the granary (game.tools.make_maps).  The granary itself is
the third story mission and stays make_maps' job.  The maps are now edited in Tiled: this
tool refuses to overwrite one that differs from what it last wrote (see
game.tools.overwrite_guard) unless --force.  The game never runs this.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from game import ASSETS_DIR, MAPS_DIR
from game.tools.make_maps import LEGEND, point, route, tile_layers, zone
from game.tools.map_checks import check_map
from game.tools.overwrite_guard import EditedSinceGenerated, check_targets, record
from game.tools.tmx_writer import MapObject, ObjectLayer, ObjectRef, TileLayer, TmxMap, write_tmx

TSX = ASSETS_DIR / "tileset.tsx"
CAMPAIGN_LEGEND: dict[str, tuple[str, str | None]] = {
    **LEGEND,
    "y": ("floor", "rubble"),  # rubble on an indoor floor
    "P": ("planks_floor", "wood_pillar"),
    "Y": ("tiles", "crate_stack"),  # shelving on a tiled floor
}


class Canvas:
    """A grid of legend characters, edited by coordinates (x, y inclusive)."""

    def __init__(self, width: int, height: int, fill: str = ".") -> None:
        self.width, self.height = width, height
        self.cells = [[fill] * width for _ in range(height)]

    def put(self, x: int, y: int, ch: str) -> None:
        self.cells[y][x] = ch

    def get(self, x: int, y: int) -> str:
        return self.cells[y][x]

    def fill(self, x0: int, y0: int, x1: int, y1: int, ch: str) -> None:
        for y in range(y0, y1 + 1):
            for x in range(x0, x1 + 1):
                self.cells[y][x] = ch

    def hline(self, x0: int, x1: int, y: int, ch: str = "#") -> None:
        self.fill(x0, y, x1, y, ch)

    def vline(self, x: int, y0: int, y1: int, ch: str = "#") -> None:
        self.fill(x, y0, x, y1, ch)

    def box(self, x0: int, y0: int, x1: int, y1: int, floor: str, wall: str = "#") -> None:
        """A room: walls on the border, floor inside."""
        self.fill(x0, y0, x1, y1, wall)
        self.fill(x0 + 1, y0 + 1, x1 - 1, y1 - 1, floor)

    def stamp(self, x0: int, y0: int, art: list[str]) -> None:
        """Copy ASCII art in; a space leaves the cell as it was."""
        for dy, row in enumerate(art):
            for dx, ch in enumerate(row):
                if ch != " ":
                    self.cells[y0 + dy][x0 + dx] = ch

    def scatter(self, rng: random.Random, region: tuple[int, int, int, int],
                on: str, chars: str, share: float) -> None:
        """Replace about `share` of the `on` cells in region with one of `chars`."""
        x0, y0, x1, y1 = region
        for y in range(y0, y1 + 1):
            for x in range(x0, x1 + 1):
                if self.cells[y][x] in on and rng.random() < share:
                    self.cells[y][x] = rng.choice(chars)

    def rows(self) -> list[str]:
        return ["".join(row) for row in self.cells]


def ground_variety(canvas: Canvas, rng: random.Random) -> None:
    """Open sand broken by dirt and scrub patches, as the granary's field is."""
    whole = (0, 0, canvas.width - 1, canvas.height - 1)
    canvas.scatter(rng, whole, ".", ",;", 0.07)
    for _ in range(canvas.width * canvas.height // 180):  # a few larger dirt patches
        x, y = rng.randrange(canvas.width - 3), rng.randrange(canvas.height - 2)
        canvas.scatter(rng, (x, y, x + 2, y + 1), ".", ",", 0.7)


def weather_walls(canvas: Canvas, rng: random.Random, region: tuple[int, int, int, int],
                  share: float = 0.12) -> None:
    """Crack some stone walls and let vines take others."""
    canvas.scatter(rng, region, "#", "%%&", share)


def extraction_pad(canvas: Canvas, x0: int, y0: int, width: int, height: int) -> None:
    """Floor with chevron rows at the top and bottom and the H in the middle."""
    canvas.fill(x0, y0, x0 + width - 1, y0 + height - 1, "_")
    canvas.hline(x0, x0 + width - 1, y0, "^")
    canvas.hline(x0, x0 + width - 1, y0 + height - 1, "^")
    canvas.put(x0 + width // 2, y0 + height // 2, "H")


def campaign_map(canvas: Canvas, objects: list[MapObject], props: dict,
                 above: TileLayer | None = None, background: str = "#2a221b") -> TmxMap:
    rows = canvas.rows()
    layers: list[TileLayer | ObjectLayer] = tile_layers(rows, CAMPAIGN_LEGEND)
    if above is not None:
        layers.append(above)
    layers.append(ObjectLayer("Objects", objects))
    return TmxMap(canvas.width, canvas.height, layers, props, background=background)


# ================================================================ training, 40 x 28
# Spawn west on the road; a stone house north-middle holds a shepherd and his wounded
# daughter (Hana heals her); two targets in a sandbag pit in the south-east corner
# wake when the squad crosses the band at x 21-23 (the strike lesson); Bravo north-east.

TUTORIAL = "\n".join([
    "Click a soldier, or press 1-4, to select. Drag a box to select several; Ctrl+A selects all.",
    "Right-click the ground to move. Hold Shift while right-clicking to queue waypoints.",
    "Press Space to pause. Orders can still be given while the game is paused.",
    "Walk to the stone house to the north. Survivors show themselves once the squad sees them.",
    "Select a survivor and right-click a soldier: the survivor follows that soldier. "
    "G makes the selected soldier gather the survivors near them.",
    "Select Hana (2) and right-click the wounded girl to treat her.",
    "Press B and click on the enemy to call Falcon-2. Near friendlies it asks for a "
    "second click: danger close.",
    "Bring both survivors and the whole squad into extraction point Bravo, north-east.",
])

TRAINING_BRIEFING = (
    "Colonel Rahim: Before I send you into Mavrah, you walk the lane. Same drill as "
    "always, on ground that does not shoot back. Much.\n\n"
    "There is a shepherd and his daughter in the stone house to the north. She has cut "
    "her leg. Hana, she is yours. Rafiq, get them both moving behind you.\n\n"
    "Two of the range crew are playing insurgent behind the sandbags to the east. When "
    "they show themselves, you call Falcon-2 on them, not your rifles. Learn how long the "
    "pilot takes, and learn how close is too close.\n\n"
    "Then everyone to Bravo, north-east. Everyone."
)


def training_canvas() -> Canvas:
    rng = random.Random(7)
    c = Canvas(40, 28)
    ground_variety(c, rng)
    c.fill(0, 13, 39, 14, "=")  # the lane road
    for x in range(1, 40, 3):
        c.put(x, 14, "-")
    c.fill(34, 7, 35, 12, "=")  # track up to Bravo
    c.box(11, 3, 20, 9, "t")  # the shepherd's house
    c.put(11, 6, "O")
    c.put(20, 5, "O")
    c.put(15, 9, "D")
    c.put(16, 9, "D")
    c.stamp(12, 4, ["C     ~C", "        ", "~~      ", "        ", "  ~~   C"])
    c.fill(15, 10, 16, 12, ",")  # the path to its door
    c.stamp(30, 20, [  # the range pit: sandbags all round, so the targets stay put
        " ,,,,, ",
        ",sssss,",
        ",s,,,s,",
        ",s,,,s,",
        ",s,,,s,",
        ",sssss,",
        " ,,,,, ",
    ])
    c.stamp(4, 18, ["l l", "   ", "  d"])  # cover by the start
    c.stamp(22, 4, ["T"])
    c.stamp(8, 22, ["T"])
    c.stamp(24, 18, ["x", "xx"])
    c.stamp(3, 9, ["bb"])
    c.stamp(25, 9, ["w"])
    extraction_pad(c, 32, 1, 6, 6)
    return c


def training_objects() -> list[MapObject]:
    return [
        point("SquadSpawn", 3, 14, "Squad", member=""),
        zone("Extraction", 32, 1, 6, 6, "Bravo"),
        # hidden, so they are found (together: one group) at the door, and the girl's
        # bleeding starts only once the squad is there to treat her
        point("Civilian", 14, 5, "Shepherd", kind="adult", hidden=True, wounded=False,
              group="house"),
        point("Civilian", 18, 7, "Shepherd's daughter", kind="child", hidden=True,
              wounded=True, group="house"),
        # walled in by sandbags on purpose: they stay put, and can be seen and shot
        point("Insurgent", 33, 22, "Range target 1", role="rifleman", group="range",
              ambush=True, facing=180),
        point("Insurgent", 33, 24, "Range target 2", role="rifleman", group="range",
              ambush=True, facing=270),
        # Prompt triggers: each wakes a group that exists (the validator insists), but
        # only the line it says matters here.
        zone("Trigger", 1, 11, 6, 6, "Prompt: start", group="house", once=True,
             radio="Rahim: Select a soldier with a click or 1-4, right-click to move. "
                   "Space pauses."),
        zone("Trigger", 12, 6, 8, 3, "Prompt: house", group="house", once=True,
             radio="Hana: Two inside, the girl is bleeding. Select me and right-click "
                   "her. Then have them follow someone."),
        zone("Trigger", 21, 0, 3, 28, "Prompt: strike", group="range", once=True,
             radio="Rahim: Targets in the sandbag pit, south-east. Press B and click on "
                   "them for Falcon-2."),
    ]


def training_map() -> TmxMap:
    props = {"title": "Training: The Lane", "briefing": TRAINING_BRIEFING,
             "rescue_required": 2, "air_strikes": 1, "time_limit": 0,
             "insurgents_target_civilians": False, "tutorial": TUTORIAL,
             "ambience": "wind"}  # a firing range: no fighting in the distance
    return campaign_map(training_canvas(), training_objects(), props)


# ================================================================ Qasr al-Hanif, 64 x 48
# The medical center fills x 8-55, y 5-38.  North row: offices, the sealed storage room in
# the middle (x 26-37, y 5-13; locked door at (31, 13)), a records room east where the two
# scouts wait.  North corridor y 14-16.  West ward and east ward (x 9-22, x 41-54) either
# side of exam rooms and the central spine (x 29-34) that runs down to the lobby
# (x 24-39, y 34-37) and the crooked south gate at x 31-32.  The squad comes in from the
# south; the convoy waits at the west edge (extraction x 0-4, y 20-27), out through the
# west ward's side door.

QASR_BRIEFING = (
    "Colonel Rahim: Satellite passes show movement in the ruins of Qasr al-Hanif. "
    "Scavengers, maybe. Insurgents, maybe. I want eyes on it before anyone else does.\n\n"
    "Before the collapse it was a medical center, and the storage room in the north wing "
    "held vaccines. If any are left, they are worth more than anything else out there. "
    "The room is sealed behind a steel door on a keypad: Maaz, that door is yours, and "
    "it will take you a few seconds. Keep someone on him while he works.\n\n"
    "Carry every vaccine crate you find to the convoy at the west edge of the ruins. A "
    "soldier carrying a crate cannot carry anything else, so share the load.\n\n"
    "This is recon. Quiet. No engagement unless they make it necessary, and no air "
    "support: Falcon-2 is tasked elsewhere tonight. If you are seen, they will run for "
    "help, and they will come back with it."
)


def qasr_canvas() -> Canvas:
    rng = random.Random(11)
    c = Canvas(64, 48)
    ground_variety(c, rng)
    c.scatter(rng, (0, 0, 63, 47), ".", "x", 0.02)
    c.box(8, 5, 55, 38, "_")
    # north row of rooms and the corridor under it
    c.hline(8, 55, 13)
    c.vline(17, 5, 13)
    c.vline(26, 5, 13)
    c.vline(37, 5, 13)
    c.vline(46, 5, 13)
    c.fill(27, 6, 36, 12, ":")  # storage floor, dusty
    c.fill(38, 6, 45, 12, "t")
    c.fill(9, 6, 16, 12, "t")
    c.put(31, 13, "K")  # the reinforced storage door
    for x in (12, 21, 41, 50):
        c.put(x, 13, "D")
    # south of the corridor: wards, exam rooms, the spine
    c.hline(8, 55, 17)
    c.fill(29, 17, 34, 17, "_")  # the spine opens onto the corridor
    for x in (23, 28, 35, 40):
        c.vline(x, 17, 33)
    c.fill(9, 18, 22, 32, "t")
    c.fill(41, 18, 54, 32, "t")
    for x, y in ((15, 17), (20, 17), (44, 17), (50, 17), (28, 21), (28, 29), (35, 21),
                 (35, 29), (23, 25), (40, 25)):
        c.put(x, y, "D")
    # the lobby row
    c.hline(8, 55, 33)
    c.fill(29, 33, 34, 33, "_")
    c.vline(23, 33, 38)
    c.vline(40, 33, 38)
    c.fill(24, 34, 39, 37, "t")
    for x, y in ((16, 33), (47, 33), (23, 36), (40, 36)):
        c.put(x, y, "D")
    # doors out: the crooked south gate, the west ward's side door, the east wing door
    c.put(31, 38, "D")
    c.put(32, 38, "x")
    c.put(8, 25, "D")
    c.put(55, 22, "D")
    c.put(13, 5, "x")  # a shell hole in the north wall of the west office
    weather_walls(c, rng, (8, 5, 55, 38))
    for x, y in ((8, 10), (8, 20), (8, 29), (55, 9), (55, 27), (55, 31), (20, 5), (42, 5),
                 (51, 5), (14, 38), (20, 38), (44, 38), (50, 38)):
        c.put(x, y, "O")
    _qasr_furniture(c, rng)
    return c


def _qasr_furniture(c: Canvas, rng: random.Random) -> None:
    # storage: shelving along the walls, the loose crates are objects
    c.hline(27, 36, 6, "C")
    c.put(27, 7, "C")
    c.put(36, 7, "C")
    c.put(27, 11, "C")
    c.put(36, 12, "C")
    # wards: bed rows (sheets) against the long walls, overturned gurneys
    for y in range(19, 32, 3):
        c.stamp(9, y, ["~~"])
        c.stamp(21, y, ["~~"])
        c.stamp(41, y, ["~~"])
        c.stamp(53, y, ["~~"])
    c.stamp(15, 22, ["d"])
    c.stamp(17, 28, ["l"])
    c.stamp(46, 24, ["d"])
    c.stamp(49, 29, ["l"])
    c.stamp(47, 26, ["b"])
    # exam rooms: a cabinet, a cot, a dropped tray
    c.stamp(24, 18, ["C", "", "", "~~", "", "", "", "", "", "", "   d", "", "~~"])
    c.stamp(36, 18, ["   C", "", "", "~~", "", "", "", "", "", "l", "", "", "~~"])
    # offices and records: desks and shelving
    c.stamp(10, 7, ["Y  Y", "", "  Y"])
    c.stamp(39, 7, ["Y    Y", "", "   ll"])
    c.stamp(48, 7, ["Y  Y", "", " ll"])
    # lobby: the reception desk, rubble from the gate
    c.stamp(27, 35, ["lll"])
    c.stamp(36, 35, ["l"])
    c.scatter(rng, (9, 14, 54, 16), "_", "y", 0.05)
    c.scatter(rng, (29, 18, 34, 32), "_", "y", 0.05)
    c.scatter(rng, (24, 34, 39, 37), "t", "y", 0.05)
    c.scatter(rng, (9, 34, 22, 37), "_", "y", 0.08)
    c.scatter(rng, (41, 34, 54, 37), "_", "y", 0.08)
    # outside: a wrecked ambulance on the approach, the convoy's staging ground west
    c.fill(30, 39, 33, 47, ",")
    c.stamp(27, 42, ["V"])
    c.stamp(36, 44, ["T"])
    c.stamp(58, 12, ["T"])
    c.stamp(3, 8, ["T"])
    c.stamp(1, 20, ["^^^^"])
    c.fill(1, 21, 4, 26, "_")
    c.stamp(1, 27, ["^^^^"])
    c.put(2, 23, "H")
    c.fill(5, 24, 7, 25, ",")


def qasr_objects() -> list[MapObject]:
    objects = [
        point("SquadSpawn", 31, 45, "Squad", member=""),
        zone("Extraction", 0, 20, 5, 8, "Convoy"),
    ]
    for i, (tx, ty) in enumerate([(29, 9), (33, 8), (34, 11)], start=1):
        objects.append(point("Crate", tx, ty, f"Vaccine crate {i}", kind="vaccine",
                             required=True))
    objects += [
        # one scout walks the corridor past the storage door, so whoever works the lock is
        # seen; both then run for the reserves in the corners (the alarm rule)
        point("Insurgent", 41, 10, "Scout at the records", role="scout", group="alarm",
              patrol=ObjectRef("records_route"), facing=90),
        point("Insurgent", 44, 11, "Scout by the door", role="scout", group="alarm",
              facing=180),
        # the help they run for: far corners, so the crates can be on the move first
        point("Insurgent", 1, 2, "Reinforcement north-west", role="rifleman",
              group="alarm", reinforcement=True, facing=0),
        point("Insurgent", 62, 2, "Reinforcement north-east", role="gunner", group="alarm",
              reinforcement=True, facing=180),
        point("Insurgent", 62, 46, "Reinforcement south-east", role="rifleman",
              group="alarm", reinforcement=True, facing=180),
        point("Insurgent", 43, 20, "East ward sentry", role="rifleman", group="east_wing",
              patrol=ObjectRef("east_ward_route"), facing=90),
        point("Insurgent", 58, 40, "Yard sentry", role="rifleman", group="yard",
              patrol=ObjectRef("yard_route"), facing=180),
        route("east_ward_route", [(43, 20), (52, 20), (52, 30), (43, 30), (43, 20)]),
        route("yard_route", [(58, 40), (58, 44), (45, 44), (45, 40), (58, 40)]),
        route("records_route", [(41, 10), (41, 15), (30, 15), (41, 15), (41, 10)]),
        zone("Trigger", 27, 7, 10, 6, "Storage trigger", group="", once=True,
             radio="Maaz: Crates. Medical markings. Vaccines, dozens of them. Pack what "
                   "you can."),
    ]
    return objects


def qasr_map() -> TmxMap:
    props = {"title": "Qasr al-Hanif", "briefing": QASR_BRIEFING, "rescue_required": 0,
             "air_strikes": 0, "time_limit": 0, "insurgents_target_civilians": False,
             "ambience": "wind"}  # recon in dead ruins at night
    return campaign_map(qasr_canvas(), qasr_objects(), props, background="#1f1a1e")


# ================================================================ Mavrah, 80 x 56
# The convoy stops on the west road (y 26-28); the squad dismounts at (5, 24).  Bravo is
# south-west (x 2-8, y 47-52), back toward the vehicles.  Collapsed storage building
# x 12-21, y 8-15 (four children and an elder); mosque x 30-46, y 4-17 with a minaret
# platform east of it (a sniper); bakery x 28-38, y 38-46; school x 58-75, y 33-46 behind
# a walled courtyard (y 27-32) where the ambush waits in the ruins across the N-S road
# (x 50-52).  Ruined houses scattered between give cover.

MAVRAH_BRIEFING = (
    "Colonel Rahim: Mavrah's eastern sector. Nobody has been in since the shelling "
    "stopped, but people are still living in the rubble: we hear them on the scanners "
    "at night. Families, children, the old.\n\n"
    "The convoy drops you on the west road at the edge of town. From there you go on "
    "foot. Quiet and fast. Search the collapsed storage building first, it is closest. "
    "Then the mosque, the bakery on the south side and the school to the east. Every "
    "door might hide a family, or a trap.\n\n"
    "Walk whoever you find back to extraction point Bravo, south-west, by the vehicles. "
    "I need at least eight of them out. Hana, you will be treating people as you go. "
    "The rest of you keep her alive while she does.\n\n"
    "Insurgent patrols work these streets, and there is a shooter up the minaret. "
    "Falcon-2 gives you one strike. Spend it well."
)


def _ruined_house(c: Canvas, rng: random.Random, x0: int, y0: int, x1: int, y1: int,
                  floor: str = ",") -> None:
    """A small house with broken walls: gaps of rubble, a door, the roof fallen in."""
    c.box(x0, y0, x1, y1, floor)
    c.scatter(rng, (x0, y0, x1, y1), "#", "xxB%", 0.3)
    c.scatter(rng, (x0 + 1, y0 + 1, x1 - 1, y1 - 1), floor, "xd", 0.12)


def mavrah_canvas() -> Canvas:
    rng = random.Random(23)
    c = Canvas(80, 56)
    ground_variety(c, rng)
    c.fill(0, 26, 79, 28, "=")  # the west road into town
    for x in range(1, 80, 3):
        c.put(x, 27, "-")
    c.fill(50, 0, 52, 55, "=")  # the north-south street (road_line is drawn east-west)
    c.fill(4, 29, 6, 46, ",")  # a track south to Bravo
    extraction_pad(c, 2, 47, 7, 6)
    _storage(c, rng)
    _mosque(c, rng)
    _bakery(c, rng)
    _school(c, rng)
    for house in ((23, 18, 28, 23), (4, 35, 10, 41), (55, 8, 62, 14), (66, 8, 76, 16),
                  (14, 33, 21, 39), (42, 32, 47, 37), (54, 50, 61, 54), (18, 46, 24, 52)):
        _ruined_house(c, rng, *house)
    # the convoy on the road, burned-out wrecks, street clutter
    c.stamp(1, 26, ["V"])
    c.stamp(9, 28, ["V"])
    c.stamp(39, 26, ["V"])
    c.stamp(51, 44, ["V"])
    c.stamp(47, 23, ["ss", "s "])  # the crossroads nest
    c.stamp(54, 23, [" s", "ss"])
    for x, y in ((26, 5), (3, 15), (77, 22), (44, 51), (70, 51), (12, 21)):
        c.put(x, y, "T")
    for x, y in ((29, 30), (36, 24), (60, 20), (22, 42), (45, 44)):
        c.stamp(x, y, ["bb"])
    c.scatter(rng, (0, 0, 79, 55), ".,;", "x", 0.015)
    return c


def _storage(c: Canvas, rng: random.Random) -> None:
    """Half-collapsed: the north-east corner is a heap, the survivors huddle south-west."""
    c.box(12, 8, 21, 15, "_")
    c.fill(18, 8, 21, 11, "x")
    c.stamp(17, 8, ["x", "x"])
    c.put(16, 15, "D")
    c.put(12, 11, "O")
    c.stamp(13, 9, ["CC", "C"])
    c.scatter(rng, (13, 9, 20, 14), "_", "yd", 0.15)
    c.fill(13, 12, 16, 14, "_")  # the corner they sheltered in, kept clear
    weather_walls(c, rng, (12, 8, 21, 15), 0.3)


def _mosque(c: Canvas, rng: random.Random) -> None:
    c.box(30, 4, 46, 17, "t", "&")
    c.box(30, 4, 46, 7, "t", "&")  # the prayer hall's back room (north)
    c.put(38, 7, "D")
    for x in (33, 37, 41):
        for y in (10, 14):
            c.put(x, y, "I")
    c.put(37, 17, "D")
    c.put(38, 17, "D")
    c.put(30, 12, "D")
    for x in (34, 42):
        c.put(x, 17, "O")
    c.put(46, 11, "O")
    c.put(46, 14, "O")
    c.scatter(rng, (31, 8, 45, 16), "t", "y~", 0.05)
    weather_walls(c, rng, (30, 4, 46, 17), 0.1)
    c.stamp(47, 3, [  # the minaret platform: rafters behind a rail, ladder down
        "rrrr",
        "rRRr",
        "rRRr",
        "rLrr",
    ])


def _bakery(c: Canvas, rng: random.Random) -> None:
    c.box(28, 38, 38, 46, "p", "W")
    c.vline(34, 38, 46, "W")  # the oven room east
    c.put(34, 42, "D")
    c.put(31, 38, "D")
    c.put(28, 43, "D")
    c.stamp(35, 39, ["bbb", "", "", "", "", "C C"])  # ovens, flour crates
    c.stamp(29, 39, ["GG"])
    c.stamp(29, 45, ["G"])
    c.scatter(rng, (28, 38, 38, 46), "W", "x", 0.08)


def _school(c: Canvas, rng: random.Random) -> None:
    # the walled courtyard, gate from the street
    c.hline(56, 75, 29, "l")
    c.vline(56, 29, 34, "l")
    c.vline(75, 29, 34, "l")
    c.fill(57, 30, 74, 34, ",")
    c.put(56, 31, ",")
    c.put(56, 32, ",")
    c.put(64, 29, ",")
    c.put(65, 29, ",")
    c.put(71, 31, "w")
    c.stamp(60, 32, ["T"])
    # the building: two classrooms either side of a hall
    c.box(58, 35, 75, 48, "_", "B")
    c.vline(64, 35, 48, "B")
    c.vline(69, 35, 48, "B")
    c.fill(65, 36, 68, 47, ":")
    for x, y in ((66, 35), (67, 35), (64, 39), (64, 45), (69, 42), (69, 46)):
        c.put(x, y, "D")
    for y in range(37, 47, 3):  # desks
        c.stamp(60, y, ["l l"])
        c.stamp(71, y, ["l l"])
    c.scatter(rng, (58, 35, 75, 48), "B", "%x", 0.1)
    c.fill(72, 46, 74, 47, "y")  # the fallen corner of the east classroom


def mavrah_objects() -> list[MapObject]:
    objects = [
        point("SquadSpawn", 5, 24, "Squad", member=""),
        zone("Extraction", 2, 47, 7, 6, "Bravo"),
    ]
    storage = [("child", 13, 13), ("child", 14, 13), ("child", 13, 14), ("child", 15, 14),
               ("elder", 14, 12)]
    for i, (kind, tx, ty) in enumerate(storage, start=1):
        name = "Elder in the storage" if kind == "elder" else f"Storage child {i}"
        objects.append(point("Civilian", tx, ty, name, kind=kind, hidden=True,
                             wounded=kind == "elder", group="storage"))
    others = [
        ("Mosque", "adult", 33, 5, False, "mosque"),
        ("Mosque", "child", 35, 6, False, "mosque"),
        ("Bakery", "adult", 36, 44, True, "bakery"),
        ("Bakery", "child", 37, 45, False, "bakery"),
        ("School", "adult", 60, 47, False, "school"),
        ("School", "child", 73, 38, False, "school"),
        ("School", "child", 74, 40, True, "school"),
    ]
    for i, (place, kind, tx, ty, wounded, group) in enumerate(others, start=1):
        objects.append(point("Civilian", tx, ty, f"{place} {kind} {i}", kind=kind,
                             hidden=True, wounded=wounded, group=group))
    objects += _mavrah_insurgents()
    return objects


def _mavrah_insurgents() -> list[MapObject]:
    return [
        point("Insurgent", 48, 5, "Minaret sniper", role="sniper", group="mosque_guard",
              facing=180),
        point("Insurgent", 36, 19, "Mosque door guard", role="rifleman",
              group="mosque_guard", facing=180),
        point("Insurgent", 24, 25, "Road patrol 1", role="rifleman", group="road",
              patrol=ObjectRef("road_route"), facing=0),
        point("Insurgent", 25, 25, "Road patrol 2", role="scout", group="road",
              patrol=ObjectRef("road_route_2"), facing=0),
        point("Insurgent", 48, 24, "Crossroads gunner", role="gunner", group="crossroads",
              facing=180),
        point("Insurgent", 40, 36, "Bakery patrol", role="rifleman", group="bakery_watch",
              patrol=ObjectRef("bakery_route"), facing=180),
        point("Insurgent", 70, 20, "East patrol", role="rifleman", group="east",
              patrol=ObjectRef("east_route"), facing=90),
        # the school ambush: hidden in the ruins across the courtyard until it is entered
        point("Insurgent", 66, 40, "School ambush 1", role="rifleman", group="school_ambush",
              ambush=True, facing=270),
        point("Insurgent", 67, 45, "School ambush 2", role="gunner", group="school_ambush",
              ambush=True, facing=270),
        point("Insurgent", 78, 32, "School ambush 3", role="rifleman",
              group="school_ambush", ambush=True, facing=180),
        point("Insurgent", 44, 34, "School ambush 4", role="rifleman",
              group="school_ambush", ambush=True, facing=0),
        route("road_route", [(24, 25), (46, 25), (46, 29), (24, 29), (24, 25)]),
        route("road_route_2", [(25, 25), (25, 29), (45, 29), (45, 25), (25, 25)]),
        route("bakery_route", [(40, 36), (40, 48), (26, 48), (26, 36), (40, 36)]),
        route("east_route", [(70, 20), (78, 20), (78, 6), (64, 6), (64, 20), (70, 20)]),
        zone("Trigger", 57, 30, 18, 5, "School courtyard", group="school_ambush",
             once=True, radio="Ambush! They were waiting for us in the school!"),
        zone("Trigger", 31, 18, 13, 3, "Mosque steps", group="mosque_guard", once=True,
             radio="Rima: Glint on the minaret. Sniper, east side of the mosque."),
    ]


def mavrah_map() -> TmxMap:
    props = {"title": "Mavrah, Eastern Sector", "briefing": MAVRAH_BRIEFING,
             "rescue_required": 8, "air_strikes": 1, "time_limit": 0,
             "insurgents_target_civilians": False}
    return campaign_map(mavrah_canvas(), mavrah_objects(), props)


# ================================================================ the campaign list

CAMPAIGN = [
    {"id": "training", "map": "training.tmx", "title": "Training: The Lane", "training": True,
     "summary": "Select, move, pause, escort, heal and call Falcon-2 on a quiet range."},
    {"id": "qasr_al_hanif", "map": "qasr_al_hanif.tmx", "title": "Qasr al-Hanif",
     "summary": "Recon the ruined medical center at dusk. Maaz opens the sealed storage; "
                "carry the vaccines out before the alarm brings company."},
    {"id": "mavrah", "map": "mavrah.tmx", "title": "Mavrah, Eastern Sector",
     "summary": "Dismount at the edge of town and search the storage building, the mosque, "
                "the bakery and the school. Bring at least eight home to Bravo."},
    {"id": "granary", "map": "granary.tmx", "title": "The Granary",
     "summary": "The last and largest group, an ambush in the rafters and at the south "
                "doors. Fall back with the children to Bravo; Falcon-2 is on call."},
]

CAMPAIGN_MAPS = {"training.tmx": training_map, "qasr_al_hanif.tmx": qasr_map,
                 "mavrah.tmx": mavrah_map}


def write_campaign(maps_dir: Path, tsx: Path = TSX, force: bool = False) -> list[Path]:
    """Check then write the campaign maps and campaign.json; raises ValueError on a bad map
    and EditedSinceGenerated (writing nothing) if a target was edited since generated."""
    jobs = [(maps_dir / name, make()) for name, make in CAMPAIGN_MAPS.items()]
    for path, tmx in jobs:
        problems = check_map(tmx, tsx)
        if problems:
            raise ValueError(f"{path.name}:\n  " + "\n  ".join(problems))
    index = maps_dir / "campaign.json"
    check_targets([path for path, _ in jobs] + [index], force)
    written = [write_tmx(tmx, path, tsx) for path, tmx in jobs]
    index.write_text(json.dumps(CAMPAIGN, indent=2) + "\n", encoding="utf-8")
    written.append(index)
    record(written)
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--maps", type=Path, default=MAPS_DIR)
    parser.add_argument("--print", dest="show", help="print one map's ASCII (file name)")
    parser.add_argument("--force", action="store_true",
                        help="overwrite maps edited since they were generated")
    args = parser.parse_args(argv)
    if args.show:
        tmx_rows = {"training.tmx": training_canvas, "qasr_al_hanif.tmx": qasr_canvas,
                    "mavrah.tmx": mavrah_canvas}[args.show]().rows()
        print("\n".join(tmx_rows))
        return
    try:
        written = write_campaign(args.maps, force=args.force)
    except EditedSinceGenerated as exc:
        raise SystemExit(f"error: {exc}") from None
    for path in written:
        print(path)


if __name__ == "__main__":
    main()
