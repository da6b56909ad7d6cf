"""raise_alarms: a scout that runs for help brings it, unless it is stopped on the way.

The running is the AI's decision (game/ai/scouts.py); what running achieves is a rule, so
it lives here.  An alarm starts when a scout (role "scout") knows of the squad (alert red
or black) while its group still has reserves waiting (units with life "reserve").  The
group is sprung (vision.spring_group: the reserves appear) once the scout comes within
REACH_TILES of one of those reserves' posts, or TIME_LIMIT after the alarm started, which
ever is first.  A scout downed or killed before then raises nothing.  The squad's first
sight of a running scout is said on the radio, so the player knows what is at stake.

State: world.alarms, scout id -> [tick the alarm started, 1 once the radio line was said],
hashed with the rest of the world.
"""

from __future__ import annotations

import math
from typing import Any

from game.sim.catalog import TICK_HZ
from game.sim.events import InsurgentAlerted, RadioMessage
from game.sim.facts import TickFacts
from game.sim.kinds import HUNTING, Alert, Life
from game.sim.perception import RED_MEMORY, newest_entry
from game.sim.queries import in_squad_sight
from game.sim.units import ACTIVE, Unit
from game.sim.vision import spring_group
from game.sim.world import World

REACH_TILES = 3.0  # this close to a reserve's post, the scout has raised the alarm
TIME_LIMIT = 20 * TICK_HZ  # or this long after it started running: someone heard it
RUNNING_LINE = "They're running \N{EM DASH} they'll bring friends."
SPRUNG_LINE = "Movement at the edges. They raised the alarm; more hostiles inbound."


def raise_alarms(world: World, events: list[Any], facts: TickFacts) -> None:
    """Once a tick, after perception: start, advance, or call off each scout's alarm."""
    for unit in _scouts(world):  # id order
        alarm = world.alarms.get(unit.id)
        if alarm is None:
            if not _can_start(world, unit):
                continue
            alarm = world.alarms[unit.id] = [world.tick, 0]
        posts = reserve_posts(world, unit.group)
        if not unit.active or unit.group in world.sprung_groups or not posts:
            del world.alarms[unit.id]  # stopped on the way, or help already came
            continue
        _tell_squad(world, unit, alarm, events)
        here = unit.tile
        near = min(math.hypot(px - here[0], py - here[1]) for px, py in posts) <= REACH_TILES
        if near or world.tick - alarm[0] >= TIME_LIMIT:
            del world.alarms[unit.id]
            _sound(world, unit, events, facts)


def reserve_posts(world: World, group: str) -> list[tuple[int, int]]:
    """Tiles where a group's reserves wait, id order; none for a group without any."""
    if not group:
        return []
    return _reserves_by_group(world).get(group, [])


def _reserves_by_group(world: World) -> dict[str, list[tuple[int, int]]]:
    """group -> its reserves' posts.  Reserves only ever leave that state by their group
    being sprung, and units are only ever added, so the index holds until either count
    grows (asked for every alert scout every tick: a scan of all insurgents each time
    would cost the tick a fifth of a millisecond with 200 of them)."""
    key = (len(world.units), len(world.sprung_groups))
    cached = world.caches.get("reserve_posts")
    if cached is None or cached[0] != key:
        index: dict[str, list[tuple[int, int]]] = {}
        for unit in world.insurgents():
            if unit.group and unit.life == Life.RESERVE:
                index.setdefault(unit.group, []).append(unit.tile)
        cached = world.caches["reserve_posts"] = (key, index)
    return cached[1]


def _scouts(world: World) -> list[Unit]:
    """Scouts in id order, indexed once per unit count (units are only ever added)."""
    cached = world.caches.get("scouts")
    if cached is None or cached[0] != len(world.units):
        scouts = [u for u in world.insurgents() if u.utype.scout]
        cached = world.caches["scouts"] = (len(world.units), scouts)
    return cached[1]


def _can_start(world: World, unit: Unit) -> bool:
    return (
        unit.life == ACTIVE and not unit.hidden
        and (mind := unit.insurgent) is not None and mind.alert in HUNTING  # unit.mind, inline
        and bool(unit.group) and unit.group not in world.sprung_groups
        and bool(reserve_posts(world, unit.group))
    )


def _tell_squad(world: World, unit: Unit, alarm: list[int], events: list[Any]) -> None:
    """The first time the squad sees the scout on the run, someone says so."""
    if alarm[1] or unit.activity != "moving":
        return
    if not in_squad_sight(world, unit):
        return
    spotter = _nearest_member(world, unit)
    if spotter is not None:
        alarm[1] = 1
        events.append(RadioMessage(spotter.name, RUNNING_LINE))


def _nearest_member(world: World, unit: Unit) -> Unit | None:
    best, best_d = None, 0
    for member in world.squad():
        if member.active:
            d = (member.x - unit.x) ** 2 + (member.y - unit.y) ** 2
            if best is None or d < best_d:
                best, best_d = member, d
    return best


def _sound(world: World, scout: Unit, events: list[Any], facts: TickFacts) -> None:
    """Spring the scout's group and send the reserves after the squad's last known place
    (the group's blackboard, which the reserves share), or the scout's own if it is empty."""
    group = scout.group
    waiting = [u for u in world.insurgents() if u.group == group and u.life == Life.RESERVE]
    spring_group(world, group, scout.id, events, facts, announced=True)
    events.append(RadioMessage("Radio", SPRUNG_LINE))
    newest = newest_entry(world, scout)
    fresh = newest is not None and world.tick - newest[2] <= RED_MEMORY
    x, y = (newest[0], newest[1]) if newest is not None else scout.tile
    level = Alert.RED if fresh else Alert.YELLOW  # yellow: they go and look there
    for unit in waiting:
        if not unit.active:
            continue
        unit.mind.interest = (x, y)
        unit.mind.alert = level
        unit.mind.alert_tick = world.tick
        events.append(InsurgentAlerted(unit.id, level, "alarm", x, y))
