"""One place to ask the rules what several parts need to know.

The rules themselves, the insurgent AI, the autopilot, the renderer and the screens all
ask these questions; each is answered here once, so a rule cannot drift between its
callers. Nothing here changes the world.

- sight: who the player sees (fog of war on units), whom the squad has in sight now
- care: who needs care, who can be carried, whom a gather takes, who can open a lock
  (roles are data in catalog.UNIT_TYPES, read through the unit's type)
- cover: what cover a tile gives against fire from a point, one tile at a time or over a
  window of tiles (the same rule, vectorised for the AI's tile search), or toward each of
  eight directions (the hover shields)
- fire: whether a shooter has a line of fire, its odds of a hit (the very function the
  shot rolls against), and whether the rules of engagement let a squad member fire
- exposure: which insurgents the squad knows of see a tile, and every tile they see;
  those it has lost sight of count from where it last saw them (world.contacts)
- danger: the grenade rings the squad knows of (drawn on the map, left by the autopilot)
  and every ring the AI keeps out of (marked strike zones and live grenades)
"""

from __future__ import annotations

import functools
import math
import operator
from dataclasses import dataclass, replace

import numpy as np

from game.sim.catalog import TICK_HZ, UNIT_TYPES, UnitType, WeaponType
from game.sim.difficulty import DIFFICULTIES
from game.sim.geometry import SUB
from game.sim.in_view import insurgents_in_view
from game.sim.kinds import Life, Roe, Side
from game.sim.light import sight_tiles
from game.sim.sight import LineMemo, in_cone
from game.sim.smoke import clear_sight, sight_blockers, sight_lines
from game.sim.terrain import COVER_HIGH, COVER_LOW, Terrain
from game.sim.units import ACTIVE, Unit
from game.sim.world import Grenade, World

DRAWN_LIVES = frozenset((Life.ACTIVE, Life.DOWNED, Life.DEAD))  # shown on the map


# -- sight ----------------------------------------------------------------------------------
def in_squad_sight(world: World, unit: Unit) -> bool:
    """The squad sees the unit now: not hidden, on a tile in sight this tick."""
    if unit.hidden:
        return False
    tx, ty = unit.x // SUB, unit.y // SUB
    h, w = world.seen_now.shape
    return 0 <= tx < w and 0 <= ty < h and bool(world.seen_now[ty, tx])


def player_sees(world: World, unit: Unit) -> bool:
    """What the player may see: the squad always; insurgents only in sight now; survivors
    once found or while in sight. Hidden units (ambushers, survivors in hiding) never."""
    if unit.life not in DRAWN_LIVES:
        return False
    if unit.side == Side.SQUAD:
        return True
    if unit.side == Side.CIVILIAN and unit.survivor.found and not unit.hidden:
        return True
    return in_squad_sight(world, unit)


def visible_units(world: World) -> list[Unit]:
    """Every unit player_sees, in id order: one pass a tick for the sprites, the alert
    marks and the minimap. The same rule as player_sees, inlined because a crowded frame
    asks about hundreds of units (tests/test_queries.py holds the two equal). The
    insurgents come from vision's list of those on seen tiles when it still holds
    (in_view.py), the rest (the squad, the survivors: a few) are asked one by one."""
    in_view = insurgents_in_view(world)
    if in_view is None:
        return _visible_of(world, world.units.values())
    shown = _visible_of(world, world.squad() + world.civilians())
    shown += [u for u in in_view if u.life in DRAWN_LIVES and not u.hidden]
    shown.sort(key=_by_id)  # three runs in id order: a cheap merge
    return shown


def _visible_of(world: World, units) -> list[Unit]:
    """The units player_sees among `units`, in their order."""
    seen = world.seen_now
    h, w = seen.shape
    shown = []
    for unit in units:
        if unit.life not in DRAWN_LIVES:
            continue
        side = unit.side
        if side != Side.SQUAD:
            if unit.hidden:
                continue
            if not (side == Side.CIVILIAN and unit.survivor.found):
                tx, ty = unit.x // SUB, unit.y // SUB
                if not (0 <= tx < w and 0 <= ty < h and seen[ty, tx]):
                    continue
        shown.append(unit)
    return shown


_by_id = operator.attrgetter("id")


def enemies_in_sight(world: World) -> list[Unit]:
    """Insurgents on their feet the squad sees now, in id order (in_squad_sight, inline:
    asked of every insurgent)."""
    seen = world.seen_now
    h, w = seen.shape
    active = Life.ACTIVE
    out = []
    for u in world.insurgents():
        if u.life == active and not u.hidden:
            tx, ty = u.x // SUB, u.y // SUB
            if 0 <= tx < w and 0 <= ty < h and seen[ty, tx]:
                out.append(u)
    return out


# -- care -----------------------------------------------------------------------------------
def needs_care(unit: Unit) -> bool:
    """One of ours (squad or survivor) still on the map who is bleeding, down or hurt."""
    if unit.side == Side.INSURGENT or not unit.alive:
        return False
    return unit.bleed > 0 or unit.life == Life.DOWNED or unit.hp < unit.utype.max_hp


def care_helps(world: World, carer: Unit, patient: Unit) -> bool:
    """A treatment by `carer` would change something for `patient`: the patient needs
    care and either the carer treats with a kit that is left (health.begin_care) or there
    is bleeding to stop (all anyone else can do, orders.py refuses the rest)."""
    if not needs_care(patient):
        return False
    return bool(patient.bleed) or gives_full_treatment(carer) and world.medkits > 0


def can_be_carried(unit: Unit) -> bool:
    """A found survivor or a downed squad member, on the map and not already carried."""
    if unit.carried_by or not unit.alive:
        return False
    if unit.side == Side.CIVILIAN:
        return unit.survivor.found
    return unit.side == Side.SQUAD and unit.life == Life.DOWNED


GATHER_RADIUS_TILES = 8.0  # a gather order reaches found survivors this close


def survivors_to_gather(world: World, leader: Unit) -> list[Unit]:
    """Found survivors on their feet near `leader` that nobody leads or carries yet: whom
    a gather order by `leader` would take (orders.py), in id order."""
    return [u for u in world.civilians()
            if u.survivor.found and u.active and not u.survivor.leader_id and not u.carried_by
            and math.hypot(u.x - leader.x, u.y - leader.y) / SUB <= GATHER_RADIUS_TILES]


def can_open_locks(unit: Unit) -> bool:
    """The engineer's trade (Maaz): the unit type says who has it."""
    return unit.utype.engineer


def gives_full_treatment(unit: Unit) -> bool:
    """The medic (Hana) treats with a kit; anyone else can only stabilise."""
    return unit.utype.medic


# -- cover ----------------------------------------------------------------------------------
def cover_from(
    terrain: Terrain, tile: tuple[int, int], threat: tuple[int, int],
    known: np.ndarray | None = None,
) -> int:
    """Cover on `tile` against fire from `threat`: the best cover on the tiles beside it
    toward the shooter (none right beside the shooter). A shooter higher up sees over low
    cover. With `known`, only tiles marked there count (what the squad has seen)."""
    tx, ty = tile
    sx, sy = threat
    if -1 <= tx - sx <= 1 and -1 <= ty - sy <= 1:
        return 0
    best = cover_toward(terrain, tile, (sx > tx) - (sx < tx), (sy > ty) - (sy < ty), known)
    if best == COVER_LOW and terrain.elevation[sy, sx] > terrain.elevation[ty, tx]:
        return 0
    return best


def cover_toward(terrain: Terrain, tile: tuple[int, int], dx: int, dy: int,
                 known: np.ndarray | None = None) -> int:
    """The best cover on the tiles beside `tile` in the direction (dx, dy) (each -1, 0 or
    1): (dx, 0), (0, dy) and (dx, dy). The heart of cover_from, without the shooter's
    distance and height, so the cover shields show exactly what the shots use."""
    tx, ty = tile
    cover = terrain.cover
    h, w = cover.shape
    best = 0
    for cx, cy in ((tx + dx, ty), (tx, ty + dy), (tx + dx, ty + dy)):
        if (cx != tx or cy != ty) and 0 <= cx < w and 0 <= cy < h:
            if known is not None and not known[cy, cx]:
                continue
            c = int(cover[cy, cx])
            if c > best:
                best = c
    return best


DIRECTIONS8 = ((1, 0), (1, 1), (0, 1), (-1, 1), (-1, 0), (-1, -1), (0, -1), (1, -1))


def cover_by_direction(terrain: Terrain, tile: tuple[int, int],
                       known: np.ndarray | None = None) -> dict[tuple[int, int], int]:
    """Cover on `tile` against a level shooter a few tiles off in each of the eight
    directions (0 none, COVER_LOW half, COVER_HIGH full): the hover shields."""
    return {d: cover_toward(terrain, tile, d[0], d[1], known) for d in DIRECTIONS8}


def cover_between(world: World, shooter: Unit, target: Unit) -> int:
    """Cover the target has against this shooter (cover_from)."""
    return cover_from(world.terrain, (target.x // SUB, target.y // SUB),
                      (shooter.x // SUB, shooter.y // SUB))


def padded_cover(cover: np.ndarray, x0: int, y0: int, x1: int, y1: int) -> np.ndarray:
    """The cover grid over the window [x0, x1) x [y0, y1) with a one-tile border (none
    outside the map), for window_cover_against."""
    h, w = cover.shape
    out = np.zeros((y1 - y0 + 2, x1 - x0 + 2), dtype=np.int64)
    sx0, sy0 = max(x0 - 1, 0), max(y0 - 1, 0)
    sx1, sy1 = min(x1 + 1, w), min(y1 + 1, h)
    out[sy0 - y0 + 1 : sy1 - y0 + 1, sx0 - x0 + 1 : sx1 - x0 + 1] = cover[sy0:sy1, sx0:sx1]
    return out


def window_cover_against(
    terrain: Terrain, padded: np.ndarray, x0: int, y0: int, threat: tuple[int, int]
) -> np.ndarray:
    """cover_from for every tile of a window at once (padded: padded_cover of it).

    The step toward the shooter is +1 before its column (row), 0 on it and -1 after, so
    each neighbour grid is three slices of the padded window rather than a gather.
    """
    h, w = padded.shape[0] - 2, padded.shape[1] - 2
    kx, ky = threat[0] - x0, threat[1] - y0
    a, b = min(max(kx, 0), w), min(max(kx + 1, 0), w)  # columns before / on / after
    c, d = min(max(ky, 0), h), min(max(ky + 1, 0), h)  # rows likewise
    side = np.zeros((h, w), dtype=padded.dtype)
    side[:, :a] = padded[1 : h + 1, 2 : a + 2]
    side[:, b:] = padded[1 : h + 1, b:w]
    rows = np.empty((h, w + 2), dtype=padded.dtype)  # each row's neighbour toward the threat
    rows[:c] = padded[2 : c + 2]
    rows[c:d] = padded[1 + c : 1 + d]
    rows[d:] = padded[d:h]
    ahead = rows[:, 1 : w + 1].copy()
    ahead[c:d] = 0
    corner = np.empty((h, w), dtype=padded.dtype)
    corner[:, :a] = rows[:, 2 : a + 2]
    corner[:, a:b] = rows[:, 1 + a : 1 + b]
    corner[:, b:] = rows[:, b:w]
    corner[c:d, a:b] = 0
    cover = np.maximum(np.maximum(side, ahead), corner)
    cover[max(ky - 1, 0) : max(ky + 2, 0), max(kx - 1, 0) : max(kx + 2, 0)] = 0
    px, py = threat
    overlooked = (terrain.elevation[py, px] > terrain.elevation[y0 : y0 + h, x0 : x0 + w]) & (
        cover == COVER_LOW)
    return np.where(overlooked, 0, cover)


def exposed_to(terrain: Terrain, tile: tuple[int, int], xs: np.ndarray,
               ys: np.ndarray) -> np.ndarray:
    """True where a shooter on (xs, ys) would find a target on `tile` without cover:
    cover_from(tile, (x, y)) == 0, for many shooters at once."""
    tx, ty = tile
    table = np.zeros(9, dtype=np.int64)
    for sx in (-1, 0, 1):
        for sy in (-1, 0, 1):
            best = 0
            for ax, ay in {(sx, 0), (0, sy), (sx, sy)}:
                cx, cy = tx + ax, ty + ay
                if (ax, ay) != (0, 0) and terrain.in_bounds(cx, cy):
                    best = max(best, int(terrain.cover[cy, cx]))
            table[(sx + 1) * 3 + sy + 1] = best
    index = (np.sign(xs - tx) + 1) * 3 + np.sign(ys - ty) + 1
    cover = table[index]
    above = terrain.elevation[ys, xs] > terrain.elevation[ty, tx]
    beside = (np.abs(xs - tx) <= 1) & (np.abs(ys - ty) <= 1)
    return (cover == 0) | (above & (cover == COVER_LOW)) | beside


# -- fire -----------------------------------------------------------------------------------
COVER_FACTOR = {0: 1.0, COVER_LOW: 0.45, COVER_HIGH: 0.2}
SHOOTER_MOVING_FACTOR = 0.6
TARGET_MOVING_FACTOR = 0.8
DIFFICULTY_ACCURACY = {name: d.accuracy for name, d in DIFFICULTIES.items()}
SUPPRESSED_FACTOR = 0.5  # a shooter pinned by a nearby blast (unit.suppressed)
_ALIVE = frozenset((Life.ACTIVE, Life.DOWNED))


def hit_chance(world: World, shooter: Unit, target: Unit,
               weapon: WeaponType | None = None) -> float:
    """The odds that a shot from `shooter` hits `target` now: what combat rolls against and
    what the hover preview shows (one function, so the two cannot differ)."""
    weapon = weapon or shooter.weapon
    if weapon is None:
        return 0.0
    dist_tiles = math.hypot(shooter.x - target.x, shooter.y - target.y) / SUB
    chance = weapon.accuracy * (1.0 - 0.5 * min(dist_tiles / weapon.range_tiles, 1.0))
    chance *= COVER_FACTOR[cover_between(world, shooter, target)]
    if shooter.activity == "moving":
        chance *= SHOOTER_MOVING_FACTOR
    if target.activity == "moving":
        chance *= TARGET_MOVING_FACTOR
    if shooter.side == Side.INSURGENT:
        chance *= DIFFICULTY_ACCURACY.get(world.difficulty, 0.8)
    if target.life == Life.DOWNED:
        chance *= 0.5
    if shooter.suppressed > 0:
        chance *= SUPPRESSED_FACTOR
    return max(0.02, min(chance, 0.97))


def can_shoot(world: World, shooter: Unit, target: Unit) -> bool:
    """A line of fire: a weapon, a target alive and not hidden, in range, nothing opaque
    (smoke included) between them."""
    weapon = shooter.weapon
    if weapon is None or target.life not in _ALIVE or target.hidden:
        return False
    sx, sy = shooter.x // SUB, shooter.y // SUB
    tx, ty = target.x // SUB, target.y // SUB
    if math.hypot(sx - tx, sy - ty) > weapon.range_tiles:
        return False
    return clear_sight(world, sx, sy, tx, ty)


RETURN_FIRE_TICKS = 10 * 30  # "fired on us recently": within the last ten seconds


def roe_allows(world: World, unit: Unit, target: Unit) -> bool:
    """The squad member's rules of engagement allow a shot at `target`: fire at will
    always, hold fire never, return fire only at someone who fired on the squad lately
    (unit.squad.fired_on_by, kept by game/sim/engagement.py). Insurgents have no such rules."""
    if unit.side != Side.SQUAD or unit.squad.roe == Roe.FIRE_AT_WILL:
        return True
    if unit.squad.roe == Roe.HOLD_FIRE:
        return False
    last = unit.squad.fired_on_by.get(target.id)
    return last is not None and world.tick - last <= RETURN_FIRE_TICKS


# -- exposure -------------------------------------------------------------------------------
def known_insurgents(world: World) -> list[Unit]:
    """The insurgents the squad knows of: those in its sight now (enemies_in_sight)."""
    return enemies_in_sight(world)


def sees_tile(world: World, viewer: Unit | Contact, tile: tuple[int, int]) -> bool:
    """An insurgent's (or anyone's) sight of a tile: range, facing cone, nothing opaque or
    smoky between. combat.can_see (what perception detects with) is this on the target's
    tile, so the exposure shown is the sight the insurgents use."""
    return Eyes(world, viewer).sees(tile[0], tile[1])


class Eyes:
    """sees_tile for one viewer as it stands now, with what depends only on the viewer
    (its tile, range, facing, cone and this tick's sight lines) looked up once: for a
    caller asking about many tiles while nothing moves, turns or changes the blockers
    (perception's look, a tick's thinking, an overlay's window)."""

    __slots__ = ("vx", "vy", "reach", "facing", "cone", "lines")

    def __init__(self, world: World, viewer: Unit | Contact, lines: LineMemo | None = None,
                 ) -> None:
        """`lines`: sight_lines(world), when the caller holds it for many viewers."""
        self.vx, self.vy = viewer.x // SUB, viewer.y // SUB
        self.reach = sight_tiles(world, viewer)  # shorter at dusk and night
        self.facing = viewer.facing
        self.cone = viewer.utype.cone_deg
        self.lines = sight_lines(world) if lines is None else lines

    def sees(self, tx: int, ty: int) -> bool:
        vx, vy = self.vx, self.vy
        dist = math.hypot(vx - tx, vy - ty)
        if dist > self.reach:
            return False
        if not in_cone(self.facing, self.cone, tx - vx, ty - vy, dist):
            return False
        return self.lines.clear(vx, vy, tx, ty)


def sight_window(world: World, viewer: Unit | Contact) -> tuple[np.ndarray, tuple[int, int]]:
    """sees_tile over every tile within the viewer's range: a bool window and its top-left
    tile. Kept per pose (tile, facing) while the sight blockers stay the same, since most
    insurgents hold a pose for many ticks."""
    vx, vy = viewer.x // SUB, viewer.y // SUB
    blockers = sight_blockers(world)
    key = (viewer.id, vx, vy, viewer.facing, world.terrain.version, id(blockers))
    memo = world.caches.setdefault("sight_windows", {})
    hit = memo.get(viewer.id)
    if hit is not None and hit[0] == key:
        return hit[1]
    r = int(math.ceil(sight_tiles(world, viewer)))
    h, w = blockers.shape
    x0, y0 = max(vx - r, 0), max(vy - r, 0)
    x1, y1 = min(vx + r + 1, w), min(vy + r + 1, h)
    mask = np.zeros((y1 - y0, x1 - x0), dtype=bool)
    eyes = Eyes(world, viewer)
    for ty in range(y0, y1):
        for tx in range(x0, x1):
            mask[ty - y0, tx - x0] = eyes.sees(tx, ty)
    if len(memo) > 512:
        memo.clear()
    memo[viewer.id] = (key, (mask, (x0, y0)))
    return mask, (x0, y0)


@dataclass(frozen=True)
class Contact:
    """An insurgent the squad saw and has lost sight of, as the squad remembers it: its
    last known tile and when it was seen there (game/sim/contacts.py keeps the memory).
    It stands in for the insurgent as a viewer for sees_tile: which way it faces now the
    squad cannot know, so it is taken to look all round, with its kind's sight range."""

    unit_id: int
    kind: str
    tile: tuple[int, int]
    seen_tick: int

    @property
    def id(self) -> int:
        return -self.unit_id  # its own slot in the sight-window memo, apart from the unit's

    @property
    def x(self) -> int:
        return self.tile[0] * SUB + SUB // 2

    @property
    def y(self) -> int:
        return self.tile[1] * SUB + SUB // 2

    @property
    def facing(self) -> int:
        return 0

    @property
    def utype(self) -> UnitType:
        return _all_round(self.kind)

    def age_s(self, world: World) -> float:
        """Seconds since the squad last saw it."""
        return (world.tick - self.seen_tick) / TICK_HZ


@functools.cache
def _all_round(kind: str) -> UnitType:
    return replace(UNIT_TYPES[kind], cone_deg=360)


def remembered_contacts(world: World) -> list[Contact]:
    """The insurgents the squad has seen, lost sight of and not yet accounted for, at
    their last known tiles, in the order first seen. Only what the squad saw: an
    insurgent never seen is never here, and the tile is where it was, not where it is."""
    memory = world.contacts
    if not memory:
        return []
    in_sight = _ids_in_sight(world)
    # the Contact made for each memory, kept while the memory stays the same (a unit's
    # kind never changes): most are old news, and making ~150 afresh each tick cost more
    # than all the rest of the question
    kept: dict[int, tuple[list[int], Contact]] = world.caches.setdefault("contacts_made", {})
    out = []
    for uid, entry in memory.items():
        if uid in in_sight:
            continue  # seen now: a live watcher, not a memory
        pair = kept.get(uid)
        if pair is None or pair[0] != entry:
            tx, ty, tick = entry
            pair = kept[uid] = ([tx, ty, tick],
                                Contact(uid, world.units[uid].kind, (tx, ty), tick))
        out.append(pair[1])
    if len(kept) > 2 * len(memory) + 64:  # forgotten contacts: drop what was made for them
        for uid in [uid for uid in kept if uid not in memory]:
            del kept[uid]
    return out


def _ids_in_sight(world: World) -> set[int]:
    """The ids of the remembered insurgents the squad sees now on their feet
    (in_squad_sight): from vision's list when it holds, else by asking each."""
    in_view = insurgents_in_view(world)
    if in_view is not None:
        return {u.id for u in in_view if u.life == ACTIVE and not u.hidden}
    return {uid for uid in world.contacts
            if world.units[uid].life == ACTIVE and in_squad_sight(world, world.units[uid])}




def watchers_of(world: World, tile: tuple[int, int]) -> list[Unit]:
    """The insurgents in sight that see `tile` now (sees_tile), in id order."""
    return [u for u in known_insurgents(world) if sees_tile(world, u, tile)]


def remembered_watchers_of(world: World, tile: tuple[int, int]) -> list[Contact]:
    """The remembered contacts that would see `tile` from where they were last seen."""
    return [c for c in remembered_contacts(world) if sees_tile(world, c, tile)]


Window = tuple[int, int, int, int]


def exposure_layers(world: World, window: Window | None = None
                    ) -> tuple[np.ndarray, np.ndarray]:
    """Two bool grids the map's shape: the tiles the insurgents in sight see now
    (watchers_of over the map), and the tiles only remembered contacts would see from
    their last known tiles (remembered_watchers_of, less the first grid). With `window`
    (x0, y0, x1, y1), only viewers whose sight reaches into it are asked (the rest of the
    grids may then be incomplete)."""
    live = _watched(world, known_insurgents(world), window)
    remembered = _watched(world, remembered_contacts(world), window)
    return live, remembered & ~live


def exposure_grid(world: World, window: Window | None = None) -> np.ndarray:
    """Every tile a known insurgent sees, in sight now or from where it was last seen:
    the exposure overlay as one grid (exposure_layers)."""
    live, remembered = exposure_layers(world, window)
    return live | remembered


def _watched(world: World, viewers: list, window: Window | None) -> np.ndarray:
    grid = np.zeros(world.terrain.opaque.shape, dtype=bool)
    for viewer in viewers:
        if window is not None:
            r = sight_tiles(world, viewer) + 1
            ux, uy = viewer.x // SUB, viewer.y // SUB
            if (ux + r < window[0] or ux - r > window[2] or uy + r < window[1]
                    or uy - r > window[3]):
                continue
        mask, (x0, y0) = sight_window(world, viewer)
        h, w = mask.shape
        grid[y0 : y0 + h, x0 : x0 + w] |= mask
    return grid


# -- doors ----------------------------------------------------------------------------------
STACK_RADIUS = 3


def cover_beside_door(world: World, door: tuple[int, int], side_of: tuple[int, int],
                      count: int) -> list[tuple[int, int]]:
    """Up to `count` open tiles near a locked door, on the side of `side_of` (where the
    squad stands), best covered first against fire from beyond the door, then nearest it;
    never the doorway itself nor the tile right in front of it."""
    terrain = world.terrain
    dx, dy = door
    sx, sy = side_of
    ax, ay = (dx > sx) - (dx < sx), (dy > sy) - (dy < sy)  # from the squad toward the door
    beyond = (min(max(dx + 3 * ax, 0), terrain.width - 1),
              min(max(dy + 3 * ay, 0), terrain.height - 1))
    picks = []
    for ty in range(dy - STACK_RADIUS, dy + STACK_RADIUS + 1):
        for tx in range(dx - STACK_RADIUS, dx + STACK_RADIUS + 1):
            if not terrain.in_bounds(tx, ty) or not terrain.walkable[ty, tx]:
                continue
            if (tx, ty) == door or (tx, ty) == (dx - ax, dy - ay):
                continue
            # the squad's side: not past the door's line
            if ax and (tx - dx) * ax > 0 or ay and (ty - dy) * ay > 0:
                continue
            cover = cover_from(terrain, (tx, ty), beyond)
            dist = abs(tx - dx) + abs(ty - dy)
            picks.append((-cover, dist, ty, tx))
    picks.sort()
    return [(tx, ty) for _, _, ty, tx in picks[:count]]


# -- danger ---------------------------------------------------------------------------------
def known_grenades(world: World) -> list[Grenade]:
    """Grenades on the ground whose ring the squad knows of (it threw them or saw them)."""
    return [g for g in world.grenades if g.landed and g.seen]


STRIKE_NOTICE_TICKS = TICK_HZ  # insurgents run from a strike only in its last second


def danger_rings(world: World) -> list[tuple[float, float, float]]:
    """(tile x, tile y, radius in tiles) of every strike about to land and every grenade on
    the ground: the ground an insurgent will not choose to stand on.  A strike only called
    is not one: the insurgents cannot hear a radio call, only the jet, and they take in
    what its pass means only STRIKE_NOTICE_TICKS before impact, so a strike still catches
    those who stand where it lands (they moved 5 tiles clear in the 2 s of the pass)."""
    rings = [(float(s.centre[0]), float(s.centre[1]), s.radius) for s in world.strikes
             if s.impact_tick - world.tick <= STRIKE_NOTICE_TICKS]
    rings += [((g.x / SUB) - 0.5, (g.y / SUB) - 0.5, g.radius) for g in world.grenades
              if g.landed]
    return rings
