"""Tiny scenarios drawn as text, for rule tests that need no Tiled file.

Legend: `.` floor, `#` stone wall, `b` sandbags (low cover), `c` crate stack (high cover),
`w` destructible wall, `R` rafters (elevation 2), `D` door, `L` locked door, `X` extraction,
`S` squad spawn, `E` insurgent, `N` sniper, `C` hidden child, `A` found adult,
`O` scout and `r` reinforcement (a reserve), both of group "alarm".
"""

from __future__ import annotations

from game.sim.geometry import SUB, centre_of
from game.sim.scenario import (
    CivilianSpawn,
    ExtractionZone,
    InsurgentSpawn,
    MissionRules,
    Scenario,
    SquadSpawn,
)
from game.sim.terrain import COVER_HIGH, COVER_LOW, Terrain


def ascii_scenario(rows: list[str], rescue_required: int = 0, **rule_fields) -> Scenario:
    height, width = len(rows), len(rows[0])
    t = Terrain.empty(width, height)
    sc = Scenario("ascii", width, height, t, MissionRules(rescue_required=rescue_required,
                                                          **rule_fields))
    extraction: list[tuple[int, int]] = []
    for y, row in enumerate(rows):
        assert len(row) == width, f"row {y} is {len(row)} wide, not {width}"
        for x, ch in enumerate(row):
            _paint(t, sc, x, y, ch, extraction)
    if extraction:
        xs = [p[0] for p in extraction]
        ys = [p[1] for p in extraction]
        rect = (min(xs) * SUB, min(ys) * SUB, (max(xs) + 1) * SUB, (max(ys) + 1) * SUB)
        sc.extractions.append(ExtractionZone(rect))
    return sc


def _paint(t: Terrain, sc: Scenario, x: int, y: int, ch: str, extraction: list) -> None:
    cx, cy = centre_of(x), centre_of(y)
    if ch in "#w":
        t.walkable[y, x] = False
        t.opaque[y, x] = True
        t.cover[y, x] = COVER_HIGH
        t.destructible[y, x] = ch == "w"
    elif ch == "b":
        t.walkable[y, x] = False
        t.cover[y, x] = COVER_LOW
    elif ch == "c":
        t.walkable[y, x] = False
        t.cover[y, x] = COVER_HIGH
    elif ch == "R":
        t.elevation[y, x] = 2
    elif ch in "DL":
        t.door[y, x] = True
        t.opaque[y, x] = True
        if ch == "L":
            t.locked[y, x] = True
            t.walkable[y, x] = False
    elif ch == "X":
        extraction.append((x, y))
    elif ch == "S":
        sc.squad.append(SquadSpawn(cx, cy))
    elif ch == "E":
        sc.insurgents.append(InsurgentSpawn(cx, cy, facing=180))
    elif ch == "N":
        t.elevation[y, x] = 2
        sc.insurgents.append(InsurgentSpawn(cx, cy, role="sniper", facing=180))
    elif ch == "O":
        sc.insurgents.append(InsurgentSpawn(cx, cy, role="scout", group="alarm", facing=180))
    elif ch == "r":
        sc.insurgents.append(InsurgentSpawn(cx, cy, group="alarm", reinforcement=True))
    elif ch == "C":
        sc.civilians.append(CivilianSpawn(cx, cy, kind="child", hidden=True))
    elif ch == "A":
        sc.civilians.append(CivilianSpawn(cx, cy, kind="adult", hidden=False))
