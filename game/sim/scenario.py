"""A mission as plain data: what the Tiled loader produces and the World is built from.

Positions are in sub-tile units (see geometry.SUB); rectangles are (x0, y0, x1, y1),
x1/y1 exclusive.  `source` names the map object so a problem can be reported as
`file: object N "name" (x, y)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from game.sim.catalog import SQUAD_ORDER, UNIT_TYPES
from game.sim.kinds import Side
from game.sim.terrain import Terrain

# what a map may place: the unit type table's kinds, by side
SQUAD_MEMBERS = SQUAD_ORDER
CIVILIAN_KINDS = tuple(k for k, t in UNIT_TYPES.items() if t.side == Side.CIVILIAN)
INSURGENT_ROLES = tuple(k for k, t in UNIT_TYPES.items() if t.side == Side.INSURGENT)

Rect = tuple[int, int, int, int]


@dataclass(frozen=True)
class Source:
    """Where a record came from in the map file, for messages."""

    object_id: int = 0
    name: str = ""
    px: float = 0.0
    py: float = 0.0


@dataclass(frozen=True)
class SquadSpawn:
    x: int
    y: int
    member: str = ""  # one of SQUAD_MEMBERS, or "" for the whole squad around this point
    source: Source = Source()
    alternative: str = ""  # "set:option" (see game/sim/layout.py), "" = always


@dataclass(frozen=True)
class CivilianSpawn:
    x: int
    y: int
    kind: str = "adult"
    hidden: bool = True
    wounded: bool = False
    group: str = ""
    source: Source = Source()
    alternative: str = ""  # "set:option" (see game/sim/layout.py), "" = always


@dataclass(frozen=True)
class InsurgentSpawn:
    x: int
    y: int
    role: str = "rifleman"
    group: str = ""
    patrol: tuple[tuple[int, int], ...] = ()  # waypoints in sub units
    ambush: bool = False  # waits hidden and silent until its group is triggered
    reinforcement: bool = False  # appears only when its group is triggered
    facing: int = 90
    source: Source = Source()
    alternative: str = ""  # "set:option" (see game/sim/layout.py), "" = always


@dataclass(frozen=True)
class TriggerZone:
    rect: Rect
    group: str = ""
    radio: str = ""
    once: bool = True
    source: Source = Source()
    alternative: str = ""  # "set:option" (see game/sim/layout.py), "" = always


@dataclass(frozen=True)
class ExtractionZone:
    rect: Rect
    name: str = "Bravo"
    source: Source = Source()
    alternative: str = ""  # "set:option" (see game/sim/layout.py), "" = always


@dataclass(frozen=True)
class CrateSpawn:
    x: int
    y: int
    kind: str = "vaccine"
    required: bool = True
    source: Source = Source()
    alternative: str = ""  # "set:option" (see game/sim/layout.py), "" = always


@dataclass(frozen=True)
class MissionRules:
    title: str = "Untitled"
    briefing: str = ""
    rescue_required: int = 0
    air_strikes: int = 1
    time_limit_s: int = 0  # 0 = no limit
    insurgents_target_civilians: bool = False
    medkits: int = 4  # Hana's kits: full treatments (anyone can still stabilise)
    tutorial: str = ""  # training prompts, one a line, shown in order
    evac: str = "walk"  # "walk": walk into the zone; "call": vehicles called (evac.py)
    evac_eta_s: int = 45  # seconds from the call to the vehicles at the zone
    evac_wait_s: int = 30  # seconds they wait before leaving with whoever is aboard
    grenades: int = -1  # grenades each squad member carries; -1: the unit table's count
    ambience: str = "fighting"  # the beds under the mission (game/audio/ambience.py)
    time_of_day: str = "day"  # day | dusk | night: the light, and how far eyes reach


@dataclass(frozen=True)
class TileLayerArt:
    """One tile layer for the renderer: gids as in the file (0 = empty)."""

    name: str
    gids: np.ndarray  # uint32 [y, x], flip bits stripped
    flips: np.ndarray | None = None  # uint8 [y, x]: 1 horizontal, 2 vertical, 4 diagonal
    visible: bool = True
    above_units: bool = False
    opacity: float = 1.0
    offset_px: tuple[float, float] = (0.0, 0.0)


@dataclass(frozen=True)
class TilesetArt:
    firstgid: int
    image_path: str  # absolute path of the tileset image
    tile_width: int
    tile_height: int
    columns: int
    tilecount: int
    margin: int = 0
    spacing: int = 0
    tile_names: tuple[tuple[str, int], ...] = ()  # (tile `name` property, local id)


@dataclass(frozen=True)
class MapArt:
    layers: tuple[TileLayerArt, ...] = ()
    tilesets: tuple[TilesetArt, ...] = ()
    background: str = ""  # "#rrggbb" or ""
    tile_names: dict[int, str] = field(default_factory=dict)  # gid -> the tile's "name" property


@dataclass
class Scenario:
    path: str
    width: int
    height: int
    terrain: Terrain
    rules: MissionRules = field(default_factory=MissionRules)
    squad: list[SquadSpawn] = field(default_factory=list)
    civilians: list[CivilianSpawn] = field(default_factory=list)
    insurgents: list[InsurgentSpawn] = field(default_factory=list)
    triggers: list[TriggerZone] = field(default_factory=list)
    extractions: list[ExtractionZone] = field(default_factory=list)
    crates: list[CrateSpawn] = field(default_factory=list)
    art: MapArt = field(default_factory=MapArt)
