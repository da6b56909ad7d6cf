"""update_vision: the squad's fog of war, and what the squad notices in it."""

from __future__ import annotations

import math

import numpy as np

from game.sim.catalog import UNIT_TYPES
from game.sim.events import CivilianFound, EnemySpotted, RadioMessage, TriggerFired
from game.sim.facts import Sprung, TickFacts
from game.sim.geometry import SUB
from game.sim.in_view import record_in_view
from game.sim.kinds import Life
from game.sim.light import sight_tiles
from game.sim.scenario import CIVILIAN_KINDS, TriggerZone
from game.sim.sight import cone_cut, window_fov
from game.sim.smoke import sight_blockers
from game.sim.units import ACTIVE, GONE, Unit
from game.sim.world import World

DISCOVERY_TILES = 5.0  # hidden survivors reveal themselves only to someone this close
AMBUSH_NOTICE_TILES = 3.0

NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def squad_view(world: World, unit: Unit) -> tuple[np.ndarray, tuple[int, int]]:
    """view_mask for a squad member, kept per member: the field of view while it stays on
    its tile and the blockers stand (a field of view costs a tenth of a millisecond), the
    cone cut from it while it also faces the same way. The mask is shared: never change
    it."""
    tx, ty = unit.x // SUB, unit.y // SUB
    cone = unit.utype.cone_deg
    blockers = sight_blockers(world)
    reach = sight_tiles(world, unit)
    place = (blockers, world.terrain.version, tx, ty, reach)
    memo: dict[int, tuple] = world.caches.setdefault("squad_views", {})
    kept = memo.get(unit.id)
    if kept is None or kept[0][0] is not blockers or kept[0][1:] != place[1:]:
        kept = (place, window_fov(world.terrain, tx, ty, reach, blockers), None, None)
    elif kept[2] == (unit.facing, cone):
        return kept[3]
    fov, corner = kept[1]
    view = cone_cut(fov, corner, tx, ty, unit.facing, reach, cone), corner
    view[0].flags.writeable = False
    memo[unit.id] = (place, kept[1], (unit.facing, cone), view)
    return view


def update_vision(world: World, events: list, facts: TickFacts) -> None:
    world.seen_now[:] = False
    box = [1 << 30, 1 << 30, -1, -1]  # the tiles seen now lie within [x0, x1) x [y0, y1)
    for unit in world.squad():
        if not unit.active:
            continue
        mask, (x0, y0) = squad_view(world, unit)
        h, w = mask.shape
        world.seen_now[y0 : y0 + h, x0 : x0 + w] |= mask
        box = [min(box[0], x0), min(box[1], y0), max(box[2], x0 + w), max(box[3], y0 + h)]
    world.seen_ever |= world.seen_now
    _notice_civilians(world, events)
    on_seen_tiles = _insurgents_on_seen_tiles(world, box)
    _notice_insurgents(world, events, facts, on_seen_tiles)
    _check_triggers(world, events, facts)
    # after the springs: ambushers revealed this tick are in sight from now on
    facts.in_sight = [u for u in on_seen_tiles if u.life == ACTIVE and not u.hidden]
    record_in_view(world, on_seen_tiles)


def seen_now_at(world: World, tx: int, ty: int) -> bool:
    """Whether the squad sees tile (tx, ty) now; off the grid is never seen (a negative
    index would wrap round to the far edge, one past it would raise)."""
    h, w = world.seen_now.shape
    return 0 <= tx < w and 0 <= ty < h and bool(world.seen_now[ty, tx])


def _nearest_squad(world: World, unit: Unit) -> tuple[Unit | None, float]:
    best, best_d = None, math.inf
    for member in world.squad():
        if member.active:
            d = math.hypot(member.x - unit.x, member.y - unit.y) / SUB
            if d < best_d:
                best, best_d = member, d
    return best, best_d


def _notice_civilians(world: World, events: list) -> None:
    found_now: list[Unit] = []
    finder_id = 0
    for unit in world.civilians():
        if unit.survivor.found or not unit.alive:
            continue
        tx, ty = unit.tile
        if not seen_now_at(world, tx, ty):
            continue
        member, dist = _nearest_squad(world, unit)
        if member is None or (unit.hidden and dist > DISCOVERY_TILES):
            continue
        group = [unit] if not unit.group else [
            c for c in world.civilians()
            if c.group == unit.group and not c.survivor.found and c.alive
        ]
        for civ in group:
            civ.survivor.found, civ.hidden = True, False
            found_now.append(civ)
            events.append(CivilianFound(civ.id, member.id))
        finder_id = member.id
    if found_now:
        finder = world.units[finder_id]
        events.append(RadioMessage(finder.name, describe_found(found_now)))


def describe_found(found: list[Unit]) -> str:
    counts: dict[str, int] = {}
    for civ in found:
        counts[civ.kind] = counts.get(civ.kind, 0) + 1
    parts = []
    for kind in CIVILIAN_KINDS:  # the unit type table's order
        n = counts.get(kind, 0)
        if n:
            word = NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else str(n)
            singular, plural = UNIT_TYPES[kind].called
            parts.append(f"{word} {singular if n == 1 else plural}")
    text = " and ".join(parts) if len(parts) <= 2 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"Found {text}. Sending coordinates."


def _insurgents_on_seen_tiles(world: World, box: list[int] | None = None) -> list[Unit]:
    """Insurgents still on the map (in reserve too: a spring may call them up; down or
    dead too: the player sees the bodies) on a tile the squad sees now, hidden or not, in
    id order: the few that noticing, the in-sight list (queries.enemies_in_sight, after
    the springs) and the squad's view (in_view.py) need to look at, in one pass. `box`:
    x0, y0, x1, y1 around every tile seen now, when the caller knows it (most insurgents
    are outside it, and a look at the grid costs more than four comparisons)."""
    seen = world.seen_now
    h, w = seen.shape
    x0, y0, x1, y1 = box if box is not None else (0, 0, w, h)
    x0, y0, x1, y1 = max(x0, 0), max(y0, 0), min(x1, w), min(y1, h)
    # the box in sub units: x0 <= x // SUB < x1 is x0 * SUB <= x < x1 * SUB
    lx, hx, ly, hy = x0 * SUB, x1 * SUB, y0 * SUB, y1 * SUB
    return [u for u in world.insurgents()  # seen_now_at, inline: asked of hundreds
            if lx <= u.x < hx and ly <= u.y < hy and u.life != GONE
            and seen[u.y // SUB, u.x // SUB]]




def _notice_insurgents(world: World, events: list, facts: TickFacts,
                       on_seen_tiles: list[Unit]) -> None:
    """`on_seen_tiles`: _insurgents_on_seen_tiles, before any spring."""
    spotted = world.spotted
    for unit in on_seen_tiles:
        if unit.life != ACTIVE or (not unit.hidden and unit.id in spotted):
            continue  # nothing new to notice about one already spotted
        member, dist = _nearest_squad(world, unit)
        if unit.hidden:
            if member is None or dist > AMBUSH_NOTICE_TILES:
                continue
            spring_group(world, unit.group or f"#{unit.id}", member.id, events, facts, unit)
        if unit.id not in spotted and member is not None:
            spotted.add(unit.id)
            events.append(EnemySpotted(unit.id, member.id))


def _check_triggers(world: World, events: list, facts: TickFacts) -> None:
    squad = world.squad()
    for index, trigger in enumerate(world.scenario.triggers):
        if index in world.fired_triggers and trigger.once:
            continue
        for member in squad:
            if member.active and _inside(trigger, member):
                world.fired_triggers.add(index)
                if trigger.radio:
                    events.append(RadioMessage("Radio", trigger.radio))
                if trigger.group:  # a trigger without a group only speaks its line
                    spring_group(world, trigger.group, member.id, events, facts,
                                 announced=bool(trigger.radio))
                break


def _inside(trigger: TriggerZone, unit: Unit) -> bool:
    x0, y0, x1, y1 = trigger.rect
    return x0 <= unit.x < x1 and y0 <= unit.y < y1


def spring_group(
    world: World, group: str, by_id: int, events: list, facts: TickFacts,
    only: Unit | None = None, announced: bool = False,
) -> None:
    """An ambush group reveals itself; its reserves enter the fight. `announced`: the
    trigger that sprang it said its own radio line."""
    if group in world.sprung_groups:
        return
    world.sprung_groups.add(group)
    events.append(TriggerFired(group, by_id))
    facts.sprung.append(Sprung(group, by_id, announced))
    for unit in world.insurgents():
        if unit.group == group or unit is only:
            unit.hidden = False
            if unit.life == Life.RESERVE:
                unit.life = Life.ACTIVE
