"""Unit and weapon types as data tables.  Speeds are sub-tile units per tick (30 Hz),
ranges and sight are tiles, times are ticks."""

from __future__ import annotations

from dataclasses import dataclass

from game.sim.kinds import Side

TICK_HZ = 30


@dataclass(frozen=True)
class WeaponType:
    name: str
    range_tiles: float
    accuracy: float  # hit chance at point blank in the open, standing still
    damage: int
    cooldown: int  # ticks between shots
    magazine: int
    reload: int  # ticks
    aim_time: int = 0  # ticks of visible aiming before the first shot at a new target
    noise_tiles: float = 14.0


@dataclass(frozen=True)
class UnitType:
    kind: str
    side: Side
    display: str
    max_hp: int
    speed: int
    sight_tiles: float
    cone_deg: int  # full width of the vision cone
    weapon: str = ""
    # roles and abilities, read through game/sim/queries.py and the AI
    medic: bool = False  # full treatment with a kit; anyone else only stabilises
    engineer: bool = False  # opens locked doors
    marksman: bool = False  # the squad's long-range rifle: the autopilot's overwatch
    scout: bool = False  # runs for its group's reserves once it knows of the squad
    perch: bool = False  # keeps to raised tiles (a sniper's perch) and fires from there
    suppressor: bool = False  # pins a covered target with fire at its tile (the gunner)
    grenades: int = 0  # hand grenades carried at the start (grenades.py; the map may change
    # the squad's count with its `grenades` property)
    called: tuple[str, str] = ("", "")  # survivors: the radio's word for one, for several


WEAPONS: dict[str, WeaponType] = {
    w.name: w
    for w in (
        WeaponType("rifle", 11, 0.80, 22, 12, 30, 60),
        WeaponType("smg", 7, 0.65, 14, 7, 25, 45),
        WeaponType("carbine", 9, 0.72, 18, 10, 30, 55),
        WeaponType("marksman", 16, 0.88, 40, 30, 10, 70),
        WeaponType("ak", 9, 0.55, 16, 11, 30, 75),
        WeaponType("lmg", 11, 0.42, 13, 5, 100, 150),
        WeaponType("sniper", 24, 0.90, 55, 80, 5, 100, aim_time=45, noise_tiles=22),
    )
}

UNIT_TYPES: dict[str, UnitType] = {
    u.kind: u
    for u in (
        UnitType("rafiq", Side.SQUAD, "Rafiq", 100, 26, 12, 120, "rifle", grenades=2),
        UnitType("hana", Side.SQUAD, "Dr. Hana Song", 90, 26, 11, 120, "smg", medic=True,
                 grenades=2),
        UnitType("maaz", Side.SQUAD, "Maaz", 110, 24, 11, 120, "carbine", engineer=True,
                 grenades=2),
        UnitType("rima", Side.SQUAD, "Rima", 90, 26, 14, 100, "marksman",
                 marksman=True, grenades=2),
        UnitType("rifleman", Side.INSURGENT, "Insurgent", 80, 22, 10, 110, "ak",
                 grenades=1),
        UnitType("scout", Side.INSURGENT, "Scout", 60, 28, 11, 120, "ak", scout=True),
        UnitType("gunner", Side.INSURGENT, "Gunner", 100, 18, 10, 100, "lmg", suppressor=True,
                 grenades=1),
        UnitType("sniper", Side.INSURGENT, "Sniper", 70, 16, 22, 50, "sniper", perch=True),
        UnitType("child", Side.CIVILIAN, "Child", 40, 20, 6, 160,
                 called=("child", "children")),
        UnitType("adult", Side.CIVILIAN, "Survivor", 60, 22, 7, 140,
                 called=("adult", "adults")),
        UnitType("elder", Side.CIVILIAN, "Elder", 45, 14, 6, 140,
                 called=("elderly survivor", "elderly survivors")),
    )
}

SQUAD_ORDER = ("rafiq", "hana", "maaz", "rima")
AWARENESS_TILES = 1.6  # everyone notices what is right beside them, whatever their facing
