"""perceive: what each insurgent sees, hears and knows, and how alert that makes it.

Sight follows the squad's own rules (range, facing cone, the same opacity and smoke grid,
combat.can_see) but is gradual: a detection meter per target fills faster up close, in the
open, against a moving or firing target and for an already alert viewer, and drains when
the target drops out of sight, so a glimpse at the edge of sight is not instant death.

Alert levels, after Jagged Alliance 2:
  green   calm: patrols or holds its post
  yellow  heard something (unit.interest): goes to look, then searches there
  red     its group knows where an enemy was (the blackboard): hunts and flanks
  black   sees a detected enemy now: fights
Detecting a target makes the insurgent shout: allies within earshot turn red and learn the
position.  A group shares one blackboard of last known enemy positions.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from game.sim.catalog import TICK_HZ
from game.sim.combat import sees_unit
from game.sim.difficulty import difficulty_of
from game.sim.events import InsurgentAlerted, NoiseMade, RadioMessage, TargetDetected
from game.sim.facts import Noise, TickFacts
from game.sim.geometry import SUB
from game.sim.kinds import HUNTING, Alert, Side
from game.sim.light import sight_factor, sight_tiles
from game.sim.noise import SHOUT_TILES, audible, hearers, wall_memo
from game.sim.queries import Eyes, cover_between
from game.sim.sight import LineMemo
from game.sim.smoke import sight_lines
from game.sim.units import ACTIVE, Unit
from game.sim.world import World

PERCEIVE_EVERY = 3  # ticks between one insurgent's looks, staggered by id
FULL = 1000  # a full detection meter
DECAY_PER_TICK = 8  # an unseen target is lost from the meter in about four seconds
FASTEST_TICKS = 9  # ticks to fill the meter on a target in the open at point blank
SLOWEST_TICKS = 90  # the same at the edge of sight
RED_MEMORY = 20 * TICK_HZ  # a group stays red this long after its last news
YELLOW_MEMORY = 25 * TICK_HZ
BOARD_MEMORY = 60 * TICK_HZ
HIT_METER = 700  # being shot at all but reveals the shooter
LEVELS = (Alert.GREEN, Alert.YELLOW, Alert.RED, Alert.BLACK)
RANK = {name: i for i, name in enumerate(LEVELS)}
ALERT_RATE = {Alert.GREEN: 1.0, Alert.YELLOW: 1.5, Alert.RED: 2.0, Alert.BLACK: 2.0}
COVER_RATE = {0: 1.0, 1: 0.6, 2: 0.35}


def board_key(unit: Unit) -> str:
    """The blackboard an insurgent shares: its group's, or its own when it has none."""
    return unit.group or f"#{unit.id}"


def perceive(world: World, events: list[Any], facts: TickFacts) -> None:
    """Once a tick, after fire and pins: springs, wounds, noises, sight, then alert levels."""
    due: list[Unit] = []
    awake: list[Unit] = []  # on their feet and on the map: none of the steps below change who
    tick = world.tick
    for unit in world.insurgents():  # id order
        if unit.life != ACTIVE or unit.hidden:
            continue
        awake.append(unit)
        # the never-stuck watchdog's count (inline: this runs for every insurgent)
        mind = unit.insurgent
        if mind is None:
            continue  # never: every insurgent has one (world.add_unit)
        if unit.x != unit.last_x or unit.y != unit.last_y or unit.activity in _BUSY:
            mind.still_ticks = 0
        else:
            mind.still_ticks += 1
        if (tick + unit.id) % PERCEIVE_EVERY == 0:
            due.append(unit)
    _prune_boards(world)
    _ambushes_sprung(world, facts, events)
    _wounds_felt(world, facts, events)
    _hear(world, facts.noises, events, awake)
    enemies = enemies_of(world)
    in_range = _any_in_sight_range(due, enemies, sight_factor(world.scenario.rules.time_of_day))
    newest: dict[str, list[int] | None] = {}  # newest_entry per board, until a board changes
    boards = world.blackboard
    lines = sight_lines(world)  # nothing moves, turns or opens while insurgents look
    for unit, near in zip(due, in_range, strict=True):
        mind = unit.mind
        sees = _look(world, unit, enemies, events, lines) if near or mind.detect else False
        if sees:
            newest.clear()  # a sighting writes boards (_report, _shout)
        elif mind.alert == _GREEN and not boards.get(board_key(unit)):
            continue  # calm, and its board is empty: nothing to settle
        _settle_alert(world, unit, sees, events, newest)


def _any_in_sight_range(viewers: list[Unit], enemies: list[Unit],
                        light: float = 1.0) -> list[bool]:
    """For each viewer, whether any enemy is within its sight range. The enemies are a
    handful and mostly together: a viewer well outside the box around them all (most)
    is answered by four comparisons."""
    if not viewers or not enemies:
        return [False] * len(viewers)
    spots = [(e.x, e.y) for e in enemies]
    lo_x, hi_x = min(x for x, _ in spots), max(x for x, _ in spots)
    lo_y, hi_y = min(y for _, y in spots), max(y for _, y in spots)
    reach_of: dict[str, float] = {}  # sight range in sub units, by kind
    out = []
    for viewer in viewers:
        reach = reach_of.get(viewer.kind)
        if reach is None:
            reach = reach_of[viewer.kind] = viewer.utype.sight_tiles * light * SUB
        vx, vy = viewer.x, viewer.y
        margin = reach + 1  # the box test is only a shortcut: never near the edge
        if vx < lo_x - margin or vx > hi_x + margin or vy < lo_y - margin or \
                vy > hi_y + margin:
            out.append(False)
            continue
        reach2 = reach * reach
        out.append(any((x - vx) ** 2 + (y - vy) ** 2 <= reach2 for x, y in spots))
    return out


# -- sight --------------------------------------------------------------------------------
def enemies_of(world: World) -> list[Unit]:
    """Whom insurgents hunt: the standing squad, and found survivors if the map says so."""
    hunt_civilians = world.scenario.rules.insurgents_target_civilians
    if not hunt_civilians:
        return [u for u in world.squad() if u.life == ACTIVE]
    return [
        u for _, u in world.units.items()
        if (u.side == Side.SQUAD or (u.side == Side.CIVILIAN and u.survivor.found))
        and u.life == ACTIVE
    ]


def _look(world: World, unit: Unit, enemies: list[Unit], events: list[Any],
          lines: LineMemo | None = None) -> bool:
    """Fill or drain each meter; True when a detected enemy is in sight now. `lines`:
    smoke.sight_lines(world), when the caller holds it."""
    sees_any = False
    eyes = Eyes(world, unit, lines)
    reach = eyes.reach
    sight2 = (reach * SUB) ** 2
    detect_rate = difficulty_of(world.difficulty).detect_rate
    detect = unit.mind.detect
    ux, uy = unit.x, unit.y
    for target in enemies:
        meter = detect.get(target.id, 0)
        close = (target.x - ux) ** 2 + (target.y - uy) ** 2 <= sight2
        if close and sees_unit(eyes, target):
            if meter < FULL:  # a full meter stays full (the rate is at least 1)
                rate = _fill_rate(world, unit, target, reach, detect_rate)
                meter = min(FULL, meter + PERCEIVE_EVERY * rate)
            if meter >= FULL:
                sees_any = True
                if detect.get(target.id, 0) < FULL:
                    events.append(TargetDetected(unit.id, target.id))
                _report(world, unit, target, events)
        else:
            meter = max(0, meter - PERCEIVE_EVERY * DECAY_PER_TICK)
        if meter:
            detect[target.id] = meter
        elif detect:
            detect.pop(target.id, None)
    if detect:
        units = world.units
        for tid in [t for t in detect if (u := units.get(t)) is None or u.life != ACTIVE]:
            del detect[tid]  # not _alive (inline: every look of every viewer)
    return sees_any


def _fill_rate(world: World, viewer: Unit, target: Unit, reach: float | None = None,
               detect_rate: float | None = None) -> int:
    """Meter points per tick: faster up close, in the open, on movers and on shooters.
    `reach`: sight_tiles of the viewer, `detect_rate`: the difficulty's, when the caller
    has them."""
    if reach is None:
        reach = sight_tiles(world, viewer)
    if detect_rate is None:
        detect_rate = difficulty_of(world.difficulty).detect_rate
    dist = math.hypot(target.x - viewer.x, target.y - viewer.y) / SUB
    share = min(dist / max(reach, 1.0), 1.0)
    ticks = FASTEST_TICKS + (SLOWEST_TICKS - FASTEST_TICKS) * share**1.5
    rate = FULL / ticks
    activity = target.activity
    if activity == "moving":
        rate *= 1.5
    if activity == "firing" or activity == "aiming":
        rate *= 3.0
    rate *= COVER_RATE.get(cover_between(world, viewer, target), 1.0)
    rate *= ALERT_RATE.get(viewer.mind.alert, 1.0)
    rate *= detect_rate
    return max(1, int(rate))


def _alive(world: World, uid: int) -> bool:
    unit = world.units.get(uid)
    return unit is not None and unit.active


def _report(world: World, unit: Unit, target: Unit, events: list[Any]) -> None:
    """Write the sighting on the group's board; a first sighting is shouted to allies."""
    key = board_key(unit)
    board = world.blackboard.get(key)
    if board is None:
        board = world.blackboard[key] = {}
    tx, ty = target.x // SUB, target.y // SUB
    fresh = target.id not in board or world.tick - board[target.id][2] > RED_MEMORY
    board[target.id] = [tx, ty, world.tick]
    if fresh or unit.mind.alert in _CALM:
        _shout(world, unit, target, events)


def _shout(world: World, unit: Unit, target: Unit, events: list[Any]) -> None:
    ux, uy = unit.tile
    shout = Noise(ux, uy, SHOUT_TILES, unit.id, "shout")
    events.append(NoiseMade(ux, uy, int(SHOUT_TILES), unit.id, "shout"))
    entry = world.blackboard[board_key(unit)][target.id]
    walls = wall_memo(world)
    for ally in world.insurgents():
        if ally.life != ACTIVE or ally.hidden or ally is unit:
            continue
        ax, ay = ally.tile
        if ally.group == unit.group and unit.group or audible(world.terrain.opaque, shout, ax, ay,
                                                              walls):
            board = world.blackboard.setdefault(board_key(ally), {})
            if target.id not in board or board[target.id][2] < entry[2]:
                board[target.id] = list(entry)
            _raise(world, ally, Alert.RED, "shout", (entry[0], entry[1]), events)


# -- hearing, wounds, ambushes ------------------------------------------------------------
def _hear(world: World, noises: list[Noise], events: list[Any],
          awake: list[Unit] | None = None) -> None:
    """`awake`: the active, visible insurgents in id order, when the caller has them."""
    if not noises:
        return
    if awake is None:
        awake = [u for u in world.insurgents() if u.life == ACTIVE and not u.hidden]
    # (unit.insurgent: unit.mind without the property's call, asked of two hundred)
    listeners = [u for u in awake if (m := u.insurgent) is not None and m.alert in _CALM]
    walls = wall_memo(world)
    xs = np.array([u.x // SUB for u in listeners], dtype=np.int64)
    ys = np.array([u.y // SUB for u in listeners], dtype=np.int64)
    for noise in noises:
        events.append(NoiseMade(noise.x, noise.y, int(noise.radius), noise.source_id, noise.kind))
        if not listeners:
            continue
        source = world.units.get(noise.source_id)
        for i in hearers(world.terrain.opaque, noise, xs, ys, walls):
            unit = listeners[int(i)]
            if unit is source:
                continue
            unit.mind.interest = (noise.x, noise.y)
            _raise(world, unit, Alert.YELLOW, "noise", unit.mind.interest, events)


def _wounds_felt(world: World, facts: TickFacts, events: list[Any]) -> None:
    """A wounded insurgent all but knows who shot it, and where from."""
    for wound in facts.wounds:
        if not wound.source_id:
            continue  # a strike: nobody to know about
        unit = world.units.get(wound.unit_id)
        source = world.units.get(wound.source_id)
        if unit is None or source is None or unit.side != Side.INSURGENT or not unit.active:
            continue
        unit.under_fire_tick = world.tick
        unit.mind.detect[source.id] = max(unit.mind.detect.get(source.id, 0), HIT_METER)
        unit.mind.interest = source.tile
        _raise(world, unit, Alert.YELLOW, "hit", source.tile, events)


def _ambushes_sprung(world: World, facts: TickFacts, events: list[Any]) -> None:
    """A group sprung this tick (vision.spring_group) comes up red, knowing who sprung it.
    Whoever sprang the first one unannounced shouts "Contact!" on the radio (once a tick: a
    trigger's own radio line already says what is happening)."""
    spoken = any(sprung.announced for sprung in facts.sprung)
    for sprung in facts.sprung:
        by = world.units.get(sprung.by_id)
        if by is None:
            continue
        if not spoken and not sprung.announced:
            events.append(RadioMessage(by.name, "Contact!"))
            spoken = True
        bx, by_ = by.tile
        for unit in world.insurgents():
            if unit.group != sprung.group or not unit.active or unit.hidden:
                continue
            world.blackboard.setdefault(board_key(unit), {})[by.id] = [bx, by_, world.tick]
            _raise(world, unit, Alert.RED, "ambush", (bx, by_), events)


# -- alert levels -------------------------------------------------------------------------
def _raise(
    world: World, unit: Unit, level: Alert, cause: str, tile: tuple[int, int] | None,
    events: list[Any],
) -> None:
    """Alert goes up (never down) and the news is fresh; an event when the level rises."""
    mind = unit.mind
    mind.alert_tick = world.tick
    if RANK[level] <= RANK[mind.alert]:
        return
    if not (mind.alert == _RED and level == _BLACK):
        x, y = tile if tile else unit.tile
        events.append(InsurgentAlerted(unit.id, level, cause, x, y))
    mind.alert = level


def _settle_alert(world: World, unit: Unit, sees: bool, events: list[Any],
                  known: dict[str, list[int] | None] | None = None) -> None:
    """`known`: newest_entry by board key, kept by the caller while no board changes (the
    members of a group share one board)."""
    if sees:
        _raise(world, unit, _BLACK, "sight", None, events)
        return
    if known is None:
        newest = newest_entry(world, unit)
    else:
        key = board_key(unit)
        if key in known:
            newest = known[key]
        else:
            newest = known[key] = newest_entry(world, unit)
    mind = unit.mind
    if newest is not None and world.tick - newest[2] <= RED_MEMORY:
        if mind.alert == _BLACK:
            mind.alert = _RED
        elif RANK[mind.alert] < _RED_RANK:
            _raise(world, unit, _RED, "shout", (newest[0], newest[1]), events)
        return
    if mind.alert in HUNTING:
        # the trail went cold: search where the enemy was last known
        mind.alert = _YELLOW
        mind.alert_tick = world.tick
        mind.interest = (newest[0], newest[1]) if newest else mind.interest
    elif mind.alert == _YELLOW and world.tick - mind.alert_tick > YELLOW_MEMORY:
        mind.alert = _GREEN
        mind.interest = None


def newest_entry(world: World, unit: Unit) -> list[int] | None:
    board = world.blackboard.get(board_key(unit))
    if not board:
        return None
    # the latest entry; on a tie the smallest x, then y (first such in board order)
    best = None
    for entry in board.values():
        if best is None or entry[2] > best[2] or entry[2] == best[2] and (
            entry[0] < best[0] or entry[0] == best[0] and entry[1] < best[1]
        ):
            best = entry
    return best


def _prune_boards(world: World) -> None:
    if world.tick % TICK_HZ:
        return
    for key in sorted(world.blackboard):
        board = world.blackboard[key]
        for tid in sorted(board):
            if not _alive(world, tid) or world.tick - board[tid][2] > BOARD_MEMORY:
                del board[tid]
        if not board:
            del world.blackboard[key]


# Alert's members, looked up once: an enum's members are slow to read off its class
_GREEN, _YELLOW, _RED, _BLACK = Alert.GREEN, Alert.YELLOW, Alert.RED, Alert.BLACK
_RED_RANK = RANK[Alert.RED]
_BUSY = frozenset(("firing", "aiming", "reloading"))  # not idle, though not moving
_CALM = frozenset((Alert.GREEN, Alert.YELLOW))  # those who still listen for noises
