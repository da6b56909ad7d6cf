"""Tiled map -> Scenario: the one place a map file becomes plain simulation data.

Order of work: safety checks on the raw file (caps, entities, bounded inflation), pytmx for
tilesets and tile layers, ElementTree for objects (templates, `type`/`class`, layer order),
then typed conversion against the schema.  Problems are collected rather than raised one at
a time, so a modder sees all of them; `load_scenario` raises MapError if any is an error.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from game.sim import scenario as sc
from game.sim.evac import EVAC_MODES
from game.sim.geometry import SUB, TILE_PX, px_to_sub
from game.sim.terrain import Terrain
from game.tiled.errors import WARNING, MapError, MapProblem
from game.tiled.objects import (
    LayerInfo,
    MapObject,
    TemplateCache,
    classes_fitting,
    closest_class,
    patrol_fault,
    read_objects,
    shape_problem,
    walk_layers,
)
from game.tiled.properties import convert, read_properties
from game.tiled.safety import GID_FLAG_MASK, check_map
from game.tiled.schema import MAP_PROPERTIES, Schema, load_schema
from game.tiled.tiles import TileData, parse_tiles

ABOVE_NAMES = ("above", "roof")
POINT_CLASSES = ("SquadSpawn", "Civilian", "Insurgent", "Crate")
ZONE_CLASSES = ("Trigger", "Extraction")
# civilians + insurgents. benchmarks/map_units.py measured the sim alone on granary.tmx at
# about 2x real time with 500 and 1.1x with 1000; the battle screen also draws and plans.
MAX_UNITS = 400


@dataclass
class LoadResult:
    """What the loader found: the scenario (None if it could not be built) and all problems."""

    path: str
    scenario: sc.Scenario | None = None
    problems: list[MapProblem] = field(default_factory=list)
    objects: list[MapObject] = field(default_factory=list)
    values: dict[int, dict] = field(default_factory=dict)  # object id -> typed properties
    # some objects could not be read (their errors are listed): checks that count or match
    # objects across the whole map would blame the wrong thing, so they are skipped
    incomplete: bool = False

    @property
    def errors(self) -> list[MapProblem]:
        return [p for p in self.problems if p.is_error]


def load_scenario(path: str | os.PathLike) -> sc.Scenario:
    """Load a map for play; MapError lists every error (warnings are dropped here)."""
    result = read_map(path)
    if result.errors or result.scenario is None:
        raise MapError(result.errors or [MapProblem(str(path), "map could not be loaded")])
    if not result.scenario.squad:
        # nothing could be played: say so rather than start a mission lost on tick one
        raise MapError([MapProblem(str(path), "no SquadSpawn object: the squad has nowhere "
                                   "to start (place one from maps/templates/squad_spawn.tx)")])
    return result.scenario


def read_map(path: str | os.PathLike) -> LoadResult:
    result = LoadResult(str(path))
    try:
        _read_into(Path(path), result)
    except MapError as exc:
        result.problems.extend(exc.problems)
        result.scenario = None
    return result


def _read_into(path: Path, result: LoadResult) -> None:
    file = result.path
    checked = check_map(path)
    result.problems.extend(checked.warnings)
    schema = load_schema(path)
    tiles = parse_tiles(checked, result.problems)
    layers = list(walk_layers(checked.root, file))
    templates = TemplateCache(path)
    templates.map_tilesets = [(t.firstgid, t.path.resolve()) for t in checked.tilesets]
    objects = _unique_ids(read_objects(layers, templates, file), file, result.problems)
    result.problems.extend(templates.warnings + templates.errors)
    result.incomplete = bool(templates.errors)
    result.objects = objects
    art, rule_gids = _art_and_rule_layers(layers, tiles, file, result.problems)
    terrain = build_terrain(rule_gids, tiles, checked.width, checked.height)
    _check_object_gids(objects, tiles, file, result.problems)
    scen = sc.Scenario(path=str(path.resolve()), width=checked.width, height=checked.height,
                       terrain=terrain, art=art,
                       rules=_mission_rules(checked.root, schema, file, result.problems))
    result.values = _typed_values(objects, schema, file, result.problems)
    _fill_spawns(scen, objects, result.values, tiles, file, result.problems)
    _check_unit_count(scen, file, result.problems)
    result.scenario = scen


def _unique_ids(objects: list[MapObject], file: str,
                problems: list[MapProblem]) -> list[MapObject]:
    """Objects are known by id (patrol routes, messages): a second object with an id
    already taken is an error and is left out."""
    seen: set[int] = set()
    kept = []
    for obj in objects:
        if obj.id in seen:
            problems.append(MapProblem(file, f"object id {obj.id} is used by another object "
                                       "too (each object needs its own id)", **obj.where()))
            continue
        seen.add(obj.id)
        kept.append(obj)
    return kept


def _check_unit_count(scen: sc.Scenario, file: str, problems: list[MapProblem]) -> None:
    units = len(scen.civilians) + len(scen.insurgents)
    if units > MAX_UNITS:
        problems.append(MapProblem(
            file, f"{units} civilians and insurgents; the game can simulate at most "
            f"{MAX_UNITS} in real time"))


def _art_and_rule_layers(layers: list[LayerInfo], tiles: TileData, file: str,
                         problems: list[MapProblem]):
    tile_infos = [li for li in layers if li.element.tag == "layer"]
    # walk_layers sees the same <layer> elements in the same document order as pytmx.
    art_layers, rule_gids = [], []
    for info, (gids, flips) in zip(tile_infos, tiles.layers, strict=True):
        raw = read_properties(info.element).get("above")
        above = info.name.strip().lower() in ABOVE_NAMES or (
            raw is not None and raw.type == "bool" and raw.value == "true")
        _check_layer_gids(gids, tiles, info.name, file, problems)
        art_layers.append(sc.TileLayerArt(
            name=info.name, gids=gids, flips=flips if flips.any() else None,
            visible=info.visible, above_units=above, opacity=info.opacity,
            offset_px=info.offset))
        # What you see in Tiled is what plays: hidden layers and roofs carry no rules.
        if info.visible and not above:
            rule_gids.append(gids)
    bg = ""
    art = sc.MapArt(layers=tuple(art_layers), tilesets=tuple(tiles.tilesets), background=bg,
                     tile_names=dict(tiles.names))  # what the ground is, for footsteps
    return art, rule_gids


def _check_layer_gids(gids: np.ndarray, tiles: TileData, layer: str, file: str,
                      problems: list[MapProblem]) -> None:
    known = tiles.luts["known"]
    inside = gids < known.size
    bad = (gids != 0) & ~(inside & known[np.where(inside, gids, 0)])
    if bad.any():
        ys, xs = np.nonzero(bad)
        values = sorted({int(g) for g in gids[bad][:1000]})[:5]
        problems.append(MapProblem(
            file, f"{int(bad.sum())} tiles use gids no tileset holds (e.g. gid {values[0]} "
            f"at tile {int(xs[0])},{int(ys[0])}; gids {values})", layer=layer))


def build_terrain(rule_gids: list[np.ndarray], tiles: TileData, width: int,
                  height: int) -> Terrain:
    """Combine the rule layers: walkable = all, opaque/flags = any, cover/elevation = max."""
    t = Terrain.empty(width, height)
    luts = tiles.luts
    size = luts["known"].size
    filled = np.zeros((height, width), dtype=bool)
    elevation = np.full((height, width), -128, dtype=np.int16)
    cover = np.zeros((height, width), dtype=np.int8)
    for gids in rule_gids:
        g = np.where(gids < size, gids, 0).astype(np.intp)
        g[~luts["known"][g]] = 0  # unknown gids are reported; here they count as empty
        here = g != 0
        filled |= here
        t.walkable &= ~here | luts["walkable"][g]
        cover = np.maximum(cover, np.where(here, luts["cover"][g], 0))
        elevation = np.where(here, np.maximum(elevation, luts["elevation"][g]), elevation)
        for flag in ("opaque", "destructible", "door", "locked"):
            getattr(t, flag)[...] |= here & luts[flag][g]
    t.walkable &= filled  # an empty cell is not walkable
    t.cover = cover.astype(np.int8)
    t.elevation = np.where(filled, elevation, 0).astype(np.int8)
    return t


def _check_object_gids(objects: list[MapObject], tiles: TileData, file: str,
                       problems: list[MapProblem]) -> None:
    known = tiles.luts["known"]
    for obj in objects:
        gid = obj.gid & ~GID_FLAG_MASK
        if obj.gid and not (gid < known.size and known[gid]):
            problems.append(MapProblem(file, f"tile object uses gid {gid}, which no tileset "
                                       "holds", **obj.where()))


def _mission_rules(root, schema: Schema, file: str, problems: list[MapProblem]):
    raw = read_properties(root)
    values = {}
    members = {m.name: m for m in MAP_PROPERTIES}
    for name, prop in raw.items():
        member = members.get(name)
        if member is None:
            problems.append(MapProblem(file, f'unknown map property "{name}"',
                                       severity=WARNING))
            continue
        value, message = convert(prop, member, schema.enums)
        if message:
            problems.append(MapProblem(file, f"map {message}"))
        else:
            values[name] = value
    for member in MAP_PROPERTIES:
        values.setdefault(member.name, member.default)
    for name in ("rescue_required", "air_strikes", "time_limit", "medkits"):
        if values[name] < 0:
            problems.append(MapProblem(file, f'map property "{name}" must not be negative'))
    _evac_problems(values, file, problems)
    if values["grenades"] < -1:
        problems.append(MapProblem(file, 'map property "grenades" must be -1 (the unit '
                                   'table\'s count) or more'))
    return sc.MissionRules(
        title=values["title"], briefing=values["briefing"],
        rescue_required=values["rescue_required"], air_strikes=values["air_strikes"],
        time_limit_s=values["time_limit"],
        insurgents_target_civilians=values["insurgents_target_civilians"],
        medkits=values["medkits"], tutorial=values["tutorial"],
        evac=values["evac"], evac_eta_s=values["evac_eta"], evac_wait_s=values["evac_wait"],
        ambience=values["ambience"],
        time_of_day=values["time_of_day"], grenades=values["grenades"])


EVAC_SECONDS = (1, 600)  # a call answered within ten minutes, a wait of ten at most


def _evac_problems(values: dict, file: str, problems: list[MapProblem]) -> None:
    """The evac properties in range; a bad value falls back to its default."""
    if values["evac"] not in EVAC_MODES:
        problems.append(MapProblem(file, f'map property "evac" is "{values["evac"]}": use '
                                   '"walk" (walk into the zone) or "call" (call the vehicles)'))
        values["evac"] = "walk"
    lo, hi = EVAC_SECONDS
    for name, default in (("evac_eta", 45), ("evac_wait", 30)):
        if not lo <= values[name] <= hi:
            problems.append(MapProblem(file, f'map property "{name}" is {values[name]}: it '
                                       f"must be {lo} to {hi} seconds"))
            values[name] = default


def _typed_values(objects: list[MapObject], schema: Schema, file: str,
                  problems: list[MapProblem]) -> dict[int, dict]:
    """Each classed object's properties: class defaults, overridden by what it sets."""
    out: dict[int, dict] = {}
    for obj in objects:
        if not obj.cls:
            if obj.shape not in ("polyline", "polygon"):
                problems.append(MapProblem(file, "object has no class (type); it is ignored"
                                           + _class_hint(obj, schema),
                                           severity=WARNING, **obj.where()))
            continue
        members = schema.classes.get(obj.cls)
        if members is None and obj.shape in ("polyline", "polygon"):
            continue  # patrol routes may carry any class (PatrolRoute, Path, ...)
        if members is None:
            known = ", ".join(schema.classes)
            guess = closest_class(obj.cls, schema.classes)
            hint = f"did you mean {guess}? " if guess else ""
            problems.append(MapProblem(file, f'unknown class "{obj.cls}" ({hint}known: {known})',
                                       **obj.where()))
            continue
        values = {name: m.default for name, m in members.items()}
        for name, prop in obj.props.items():
            member = members.get(name)
            if member is None:
                problems.append(MapProblem(
                    file, f'unknown property "{name}" for class {obj.cls} (known: '
                    + ", ".join(members) + ")", **obj.where()))
                continue
            value, message = convert(prop, member, schema.enums)
            if message:
                problems.append(MapProblem(file, message, **obj.where()))
            else:
                values[name] = value
        out[obj.id] = values
    return out


def _class_hint(obj: MapObject, schema: Schema) -> str:
    # Tiled 1.8 drops the `class=` attribute Tiled 1.9 wrote, leaving the properties behind;
    # name the classes those properties fit so the modder can put the class back.
    fits = classes_fitting(obj, schema.classes)
    return f" (its properties fit {' or '.join(fits)}: set its class)" if fits else ""


def _fill_spawns(scen: sc.Scenario, objects: list[MapObject], values: dict[int, dict],
                 tiles: TileData, file: str, problems: list[MapProblem]) -> None:
    by_id = {o.id: o for o in objects}
    for obj in objects:
        v = values.get(obj.id)
        if v is None:
            continue
        source = sc.Source(obj.id, obj.name, obj.x, obj.y)
        wrong_shape = shape_problem(obj, zone=obj.cls in ZONE_CLASSES)
        if wrong_shape:
            problems.append(MapProblem(file, wrong_shape, **obj.where()))
            continue
        if obj.cls in ZONE_CLASSES:
            rect = _zone_rect(obj, scen, file, problems)
            if rect is None:
                continue
            if obj.cls == "Trigger":
                scen.triggers.append(sc.TriggerZone(rect, v["group"], v["radio"], v["once"],
                                                    source))
            else:
                scen.extractions.append(sc.ExtractionZone(rect, v["name"], source))
            continue
        if not _known_values(obj, v, file, problems):
            continue
        pos = _point(obj, scen, tiles, file, problems)
        if pos is None:
            continue
        x, y = pos
        if obj.cls == "SquadSpawn":
            member = "" if v["member"] == "all" else v["member"]
            scen.squad.append(sc.SquadSpawn(x, y, member, source))
        elif obj.cls == "Civilian":
            scen.civilians.append(sc.CivilianSpawn(x, y, v["kind"], v["hidden"], v["wounded"],
                                                   v["group"], source))
        elif obj.cls == "Insurgent":
            patrol = _patrol(obj, v["patrol"], by_id, scen, file, problems)
            scen.insurgents.append(sc.InsurgentSpawn(
                x, y, v["role"], v["group"], patrol, v["ambush"], v["reinforcement"],
                v["facing"] % 360, source))
        elif obj.cls == "Crate":
            scen.crates.append(sc.CrateSpawn(x, y, v["kind"], v["required"], source))


# What the simulation can place: a value outside these would crash it, whatever the
# project file's enums say (the schema check refuses such a project first).
GAME_VALUES = {("SquadSpawn", "member"): ("all", "", *sc.SQUAD_MEMBERS),
               ("Civilian", "kind"): sc.CIVILIAN_KINDS,
               ("Insurgent", "role"): sc.INSURGENT_ROLES}


def _known_values(obj: MapObject, values: dict, file: str,
                  problems: list[MapProblem]) -> bool:
    for (cls, name), allowed in GAME_VALUES.items():
        if obj.cls == cls and values.get(name) not in allowed:
            problems.append(MapProblem(file, f'{name} "{values.get(name)}" is not one the '
                                       f"game knows ({', '.join(a for a in allowed if a)})",
                                       **obj.where()))
            return False
    return True


def _point(obj: MapObject, scen: sc.Scenario, tiles: TileData, file: str,
           problems: list[MapProblem]) -> tuple[int, int] | None:
    px, py = obj.centre_px()
    tx, ty = int(px // TILE_PX), int(py // TILE_PX)
    if not scen.terrain.in_bounds(tx, ty):
        problems.append(MapProblem(file, f"{obj.cls} is off the map", **obj.where()))
        return None
    t = scen.terrain
    if not (t.walkable[ty, tx] or t.door[ty, tx]):
        problems.append(MapProblem(
            file, f"{obj.cls} is inside a wall (tile {tx},{ty} is not walkable)",
            **obj.where()))
        return None
    # A point a hair inside the far edge (x=1279.97 on a 1280 px map) must not round onto
    # the tile past the grid: keep it inside the tile it was checked on.
    return _inside_tile(px_to_sub(px), tx), _inside_tile(px_to_sub(py), ty)


def _inside_tile(v: int, tile: int) -> int:
    return min(max(v, tile * SUB), tile * SUB + SUB - 1)


def _zone_rect(obj: MapObject, scen: sc.Scenario, file: str,
               problems: list[MapProblem]) -> sc.Rect | None:
    x0, y0 = obj.x + obj.offset[0], obj.y + obj.offset[1]
    x1, y1 = x0 + obj.width, y0 + obj.height
    w, h = scen.width * TILE_PX, scen.height * TILE_PX
    if x1 <= 0 or y1 <= 0 or x0 >= w or y0 >= h:
        problems.append(MapProblem(file, f"{obj.cls} is off the map", **obj.where()))
        return None
    return px_to_sub(x0), px_to_sub(y0), px_to_sub(x1), px_to_sub(y1)


def _patrol(obj: MapObject, ref: int, by_id: dict[int, MapObject], scen: sc.Scenario,
            file: str, problems: list[MapProblem]) -> tuple[tuple[int, int], ...]:
    if not ref:
        return ()
    route = by_id.get(ref)
    if route is None or route.shape not in ("polyline", "polygon") or not route.points:
        problems.append(MapProblem(file, f"patrol refers to object {ref}, {patrol_fault(route)}",
                                   **obj.where()))
        return ()
    w, h = scen.width * TILE_PX, scen.height * TILE_PX
    if any(not (0 <= x < w and 0 <= y < h) for x, y in route.points):
        problems.append(MapProblem(file, f"patrol route {ref} leaves the map", **obj.where()))
        return ()
    return tuple((_inside_tile(px_to_sub(x), int(x // TILE_PX)),
                  _inside_tile(px_to_sub(y), int(y // TILE_PX))) for x, y in route.points)
