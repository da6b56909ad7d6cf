"""`danger-close validate MAP...`: every problem in a map, one a line, never a traceback.

The loader's problems (format, classes, properties, walls, gids) plus the ones that need
the whole mission: spawn and extraction present and connected, everyone reachable, patrols
clear of walls, triggers that wake someone, snipers up high, enough survivors to rescue.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections import Counter
from typing import TextIO

import numpy as np
import tcod

from game.sim.geometry import SUB, TILE_PX, tile_of
from game.sim.scenario import Scenario
from game.tiled.errors import ERROR, WARNING, MapProblem, clean
from game.tiled.loader import LoadResult, read_map
from game.tiled.objects import classes_fitting, closest_class
from game.tiled.schema import builtin_schema


def validate_map(path: str) -> list[MapProblem]:
    """All errors and warnings for one map file; never raises for a bad map."""
    try:
        result = read_map(path)
        if result.scenario is not None:
            result.problems.extend(mission_problems(result))
        return result.problems
    except Exception as exc:  # a validator bug must still give a line, not a traceback
        return [MapProblem(str(path), f"internal error while validating: {exc!r}")]


def run(paths: list[str], out: TextIO | None = None) -> int:
    """Print every problem of every map; 1 if any map has an error, else 0."""
    out = out or sys.stdout
    failed = False
    for path in paths:
        problems = validate_map(path)
        errors = sum(p.is_error for p in problems)
        for p in problems:
            print(f"{p.severity}: {p}", file=out)
        if errors:
            failed = True
        else:
            warnings = len(problems)
            note = f" ({warnings} warning{'s' * (warnings != 1)})" if warnings else ""
            print(f"ok: {clean(path)}{note}", file=out)
    return 1 if failed else 0


def run_json(paths: list[str], out: TextIO | None = None) -> int:
    """`validate --json`: one JSON object with every map's problems, for tools (a Tiled
    extension); exit status as `run`.  When any map fails, "error" names the first error,
    as every command's --json does."""
    out = out or sys.stdout
    maps, first_error = [], None
    for path in paths:
        problems = validate_map(path)
        errors = [p for p in problems if p.is_error]
        first_error = first_error or (errors[0] if errors else None)
        maps.append({"file": str(path), "ok": not errors, "errors": len(errors),
                     "warnings": len(problems) - len(errors),
                     "problems": [problem_json(p) for p in problems]})
    report: dict = {"ok": first_error is None, "maps": maps}
    if first_error is not None:
        report["error"] = {"file": first_error.file, "message": first_error.message}
    print(json.dumps(report), file=out)
    return 0 if first_error is None else 1


def problem_json(p: MapProblem) -> dict:
    """A problem as plain data: where it is (object id and name, pixel x/y as Tiled shows
    them, the tile under that point, or the layer) and what is wrong."""
    tile = None
    if p.x is not None and p.y is not None:
        tile = [int(p.x // TILE_PX), int(p.y // TILE_PX)]
    return {"file": p.file or None, "severity": p.severity, "message": p.message,
            "object_id": p.object_id, "object_name": p.object_name if p.object_id is not None
            else None, "x": p.x, "y": p.y, "tile": tile, "layer": p.layer}


def passable(scen: Scenario) -> np.ndarray:
    # Doors count as passable (Maaz opens locked ones); ladders and rafters are walkable
    # tiles, so elevated perches reached by a ladder are reachable.
    t = scen.terrain
    return t.walkable | t.door


def reach_from(scen: Scenario, starts: list[tuple[int, int]]) -> np.ndarray:
    """Tiles reachable from any start (tile x, y). Four-way steps: the same tiles as
    eight-way movement that never cuts a wall corner."""
    cost = passable(scen).astype(np.int32)
    dist = np.full(cost.shape, np.iinfo(np.int32).max, dtype=np.int32)
    for x, y in starts:
        dist[y, x] = 0
    tcod.path.dijkstra2d(dist, cost, 1, 0, out=dist)
    return dist != np.iinfo(np.int32).max


def mission_problems(result: LoadResult) -> list[MapProblem]:
    scen = result.scenario
    file = result.path
    probs: list[MapProblem] = []
    objects = {o.id: o for o in result.objects}

    def at(source, message: str, severity: str = "error") -> None:
        o = objects.get(source.object_id)
        probs.append(MapProblem(file, message, severity, **(o.where() if o else {})))

    # Counted over the objects the map places, not the ones that survived the loader: a
    # spawn in a wall already has its error, and is not also "missing" (one cause, one
    # line).  With objects left unread (a missing template) nothing can be counted.
    if not result.incomplete:
        _count_problems(scen, placed_classes(result), file, probs)
        if not scen.squad:
            _promote_lost_spawns(result)
        _trigger_problems(scen, _declared(result), at)
    _sniper_problems(scen, at)
    _patrol_problems(scen, at)
    if scen.squad:
        _reach_problems(scen, at)
    return probs


def _promote_lost_spawns(result: LoadResult) -> None:
    """A classless object that fits SquadSpawn is a warning while a real spawn exists; when
    it is the only one the game cannot start the map, so its one line becomes an error."""
    for index, problem in enumerate(result.problems):
        if not problem.is_error and "fit SquadSpawn" in problem.message:
            result.problems[index] = dataclasses.replace(
                problem, severity=ERROR,
                message=problem.message + "; it is the map's only squad spawn, so the "
                "mission cannot start")


def _count_problems(scen: Scenario, placed: Counter, file: str,
                    probs: list[MapProblem]) -> None:
    if not placed["SquadSpawn"]:
        probs.append(MapProblem(file, "no SquadSpawn object: the squad has nowhere to start"))
    if not placed["Extraction"]:
        probs.append(MapProblem(file, "no Extraction zone: nobody can be rescued"))
    if scen.rules.rescue_required > placed["Civilian"]:
        probs.append(MapProblem(file, f"rescue_required is {scen.rules.rescue_required} but "
                                f"only {placed['Civilian']} civilians are placed"))


def placed_classes(result: LoadResult) -> Counter:
    """How many objects of each class the map places, whether or not they loaded.  An
    unknown class close to a known one ("Squadspawn"), or a classless object whose
    properties fit one class only, counts as that class: its own message already says so."""
    classes = builtin_schema().classes  # the game's classes: a project cannot add any
    counts: Counter = Counter()
    for o in result.objects:
        if o.id in result.values:
            counts[o.cls] += 1
        elif o.shape in ("polyline", "polygon"):
            continue
        elif o.cls:
            counts[closest_class(o.cls, classes) or ""] += 1
        elif len(fits := classes_fitting(o, classes)) == 1:
            counts[fits[0]] += 1
    return counts


def _declared(result: LoadResult) -> list[tuple[str, dict]]:
    """(class, typed properties) of every classed object, including ones the loader dropped
    for another error (in a wall, wrong shape), so their groups still count."""
    by_id = {o.id: o for o in result.objects}
    return [(by_id[oid].cls, v) for oid, v in result.values.items() if oid in by_id]


def _tile(x: int, y: int) -> tuple[int, int]:
    return tile_of(x), tile_of(y)


def _reach_problems(scen: Scenario, at) -> None:
    reach = reach_from(scen, [_tile(s.x, s.y) for s in scen.squad])
    for zone in scen.extractions:
        x0, y0, x1, y1 = zone.rect
        tx0, ty0 = max(0, x0 // SUB), max(0, y0 // SUB)
        tx1, ty1 = min(scen.width, -(-x1 // SUB)), min(scen.height, -(-y1 // SUB))
        if not reach[ty0:ty1, tx0:tx1].any():
            at(zone.source, f"extraction {zone.name} cannot be reached from the squad spawn")
    for civ in scen.civilians:
        if not reach[_tile(civ.x, civ.y)[::-1]]:
            at(civ.source, "civilian cannot be reached from the squad spawn")
    for crate in scen.crates:
        if not reach[_tile(crate.x, crate.y)[::-1]]:
            at(crate.source, "crate cannot be reached from the squad spawn")
    in_view = seen_from(scen, reach)
    for ins in scen.insurgents:
        # one behind sandbags the squad can see and shoot over is a target, not a mistake
        if not in_view[_tile(ins.x, ins.y)[::-1]]:
            at(ins.source, "insurgent cannot be reached from the squad spawn", WARNING)


def seen_from(scen: Scenario, reach: np.ndarray) -> np.ndarray:
    """The reachable tiles and those joined to them by tiles that do not block sight
    (low cover, open doors): where a walled-in insurgent can still be seen and shot."""
    cost = (~scen.terrain.opaque | reach).astype(np.int32)
    dist = np.where(reach, 0, np.iinfo(np.int32).max).astype(np.int32)
    tcod.path.dijkstra2d(dist, cost, 1, 0, out=dist)
    return dist != np.iinfo(np.int32).max


def _trigger_problems(scen: Scenario, declared: list[tuple[str, dict]], at) -> None:
    groups = {v["group"] for cls, v in declared
              if cls in ("Insurgent", "Civilian") and v["group"]}
    # a group is woken by a trigger, or by one of its scouts running for help
    woken = {v["group"] for cls, v in declared if cls == "Trigger"} | {
        v["group"] for cls, v in declared
        if cls == "Insurgent" and v["role"] == "scout" and not v["reinforcement"]}
    for trig in scen.triggers:
        if not trig.group and not trig.radio:
            at(trig.source, "trigger does nothing: set its group to wake, or a radio line to say")
        elif trig.group and trig.group not in groups:
            at(trig.source, f'trigger wakes no group: nobody has group "{trig.group}"')
    for ins in scen.insurgents:
        if (ins.ambush or ins.reinforcement) and ins.group not in woken:
            kind = "ambusher" if ins.ambush else "reinforcement"
            at(ins.source, f'{kind} in group "{ins.group}" is never woken: no trigger has '
               "that group and no scout of it can raise the alarm", WARNING)


def _sniper_problems(scen: Scenario, at) -> None:
    for ins in scen.insurgents:
        tx, ty = _tile(ins.x, ins.y)
        if ins.role == "sniper" and scen.terrain.elevation[ty, tx] <= 0:
            at(ins.source, "sniper is not on elevated ground (elevation 0)", WARNING)


def _patrol_problems(scen: Scenario, at) -> None:
    ok = passable(scen)
    for ins in scen.insurgents:
        if not ins.patrol:
            continue
        points = [_tile(x, y) for x, y in ins.patrol]
        for (ax, ay), (bx, by) in zip(points, points[1:], strict=False):
            line = tcod.los.bresenham((ax, ay), (bx, by))
            blocked = ~ok[line[:, 1], line[:, 0]]
            if blocked.any():
                bx_, by_ = line[np.argmax(blocked)]
                at(ins.source, f"patrol route crosses a wall at tile {bx_},{by_}")
                break
