"""Unit sprites: the figures of game/render/figures.py in the pose the unit's state asks
for, cached per (kind, pose, frame, angle bucket, zoom, extras) so no frame draws or
rotates a body; and draw_units, which puts them on the map with their rings and bars."""

from __future__ import annotations

import math

import pygame

from game.render.camera import PX_PER_SUB, Camera
from game.render.figures import FALLBACK, FRAMES, LOOKS, LYING, draw_figure
from game.render.light import WHITE, apply_tint, scene_tint, time_of_day
from game.render.text import TextCache
from game.sim.health import HEAL_TICKS, STABILISE_TICKS
from game.sim.queries import visible_units
from game.sim.units import Unit

ANGLE_BUCKETS = 32
LYING_BUCKETS = 8  # the fallen lie in one of eight directions: fewer pictures to keep
SQUAD_COLOURS = {
    "rafiq": (52, 120, 200),
    "hana": (40, 168, 160),
    "maaz": (70, 140, 110),
    "rima": (96, 110, 200),
}
INSURGENT_COLOUR = (150, 62, 44)
CIVILIAN_COLOUR = (228, 196, 64)
SIZE_BY_KIND = {"child": 0.26, "elder": 0.32, "adult": 0.33, "gunner": 0.38, "scout": 0.33}
DEFAULT_SIZE = 0.35  # body radius in tiles
# new pictures drawn per frame (~1 ms each); past that a unit already on screen keeps its
# last picture for a frame or two (one coming into view: its pose at another facing), so
# a crowd changing pose at once (a firefight breaking out) spreads its cost over frames
# instead of stalling one
NEW_POSES_PER_FRAME = 3
SELECT_COLOUR = (120, 255, 140)
RING_COLOUR = (120, 230, 255)
CRATE_COLOURS = ((92, 62, 30), (160, 116, 62), (236, 236, 236))
WALK_TICKS = 4  # ticks per walk frame: a stride of about half a second
MAX_SPRITES = 6000  # pictures kept before the cache starts again (about 30 MB)
SPARE_ROOM = 0.6  # past this share of MAX_SPRITES, no pictures are built on a guess


def body_colour(unit: Unit) -> tuple[int, int, int]:
    if unit.side == "squad":
        return SQUAD_COLOURS.get(unit.kind, (60, 130, 200))
    if unit.side == "insurgent":
        return INSURGENT_COLOUR
    return CIVILIAN_COLOUR


def interpolated(unit: Unit, alpha: float) -> tuple[float, float]:
    """Where to draw a unit between its last two ticks (sub units)."""
    return (unit.last_x + (unit.x - unit.last_x) * alpha,
            unit.last_y + (unit.y - unit.last_y) * alpha)


def wounded(unit: Unit) -> bool:
    return unit.bleed > 0 or unit.hp * 2 <= unit.utype.max_hp


def pose_of(unit: Unit, tick: int, world=None) -> tuple[str, int, str]:
    """(pose, frame, extra) read from the state the simulation keeps on the unit.
    extra names what is carried ("crate" or the carried unit's kind)."""
    if unit.life == "dead":
        return "dead", 0, ""
    if unit.life == "downed":
        return "downed", 0, ""
    walking = unit.x != unit.last_x or unit.y != unit.last_y
    step = (tick // WALK_TICKS + unit.id) % 4 if walking else 0
    if unit.carrying:
        carried = world.units.get(unit.carrying) if world is not None else None
        if carried is None:
            return "carry_crate", step, "crate"
        return "carry", step, carried.kind
    activity = unit.activity
    if activity == "firing" and unit.weapon is not None:
        since = unit.weapon.cooldown - unit.cooldown  # 0 on the tick of the shot
        return ("fire", since, "") if since < 2 else ("aim", 0, "")
    if activity == "aiming":
        return "aim", 0, ""
    if activity == "reloading":
        return "reload", (tick // 8) % 2, ""
    if activity == "healing":
        return "treat", (tick // 10) % 2, ""
    if activity == "working":
        return "work", (tick // 10) % 2, ""
    panicking = unit.survivor_state is not None and unit.survivor_state.panic > 0
    if panicking or activity == "cowering":
        return "panic", (tick // 3) % 2, ""
    if walking:
        return "walk", step, ""
    return "idle", 0, ""


class SpriteCache:
    def __init__(self, text: TextCache | None = None) -> None:
        self.text = text
        self.tint = WHITE
        self._cache: dict[tuple, tuple[pygame.Surface, int, int]] = {}
        self._radii: dict[tuple[str, int], int] = {}
        self._whole: dict[tuple, pygame.Surface] = {}
        self._upright: dict[tuple, pygame.Surface] = {}  # facing east, twice the size
        self._shown: dict[int, tuple] = {}  # unit id -> (tile px, the picture drawn last)
        self._alike: dict[tuple, tuple] = {}  # a picture per key without its facing
        self._fresh = 0  # pictures drawn since new_frame()
        self._frames = 0  # new_frame() calls: the first frame is drawn exactly (screenshots)
        self.deferred = 0  # stand-ins used, for tests and benchmarks
        self.keep: set[int] = set()  # tile sizes whose pictures stay when the cap is reached
        self._tick_keys: dict[int, tuple] = {}  # unit id -> key, for one world, tick, size
        self._tick_of_keys: tuple = ()  # (world, tick, tile px) the keys are for

    def new_frame(self) -> None:
        """Start a frame's budget of new pictures (NEW_POSES_PER_FRAME)."""
        self._fresh = 0
        self._frames += 1

    def set_tint(self, tint: tuple[int, int, int]) -> None:
        """The scene's light (game/render/light.py), baked into every picture."""
        if tint != self.tint:
            self.tint = tint
            self.clear()

    def clear(self) -> None:
        self._cache.clear()
        self._shown.clear()
        self._alike.clear()
        self._whole.clear()
        self._upright.clear()

    def radius(self, unit: Unit, tile_px: int) -> int:
        key = (unit.kind, tile_px)
        r = self._radii.get(key)
        if r is None:
            size = SIZE_BY_KIND.get(unit.kind, DEFAULT_SIZE)
            r = self._radii[key] = max(3, round(tile_px * size))
        return r

    def sprite(self, unit: Unit, tile_px: int, tick: int = 0, world=None) -> pygame.Surface:
        """The unit's image with the unit at its centre (uncropped), for other renderers."""
        key = self.key(unit, tile_px, tick, world)
        img = self._whole.get(key)
        if img is None:
            img = self._whole[key] = self.render(key)
        return img

    def lookup(self, unit: Unit, tile_px: int, tick: int = 0,
               world=None) -> tuple[pygame.Surface, int, int]:
        """The unit's image cropped to its drawn pixels, and where the unit's centre is in
        it.  An alpha blit pays for every pixel it covers, empty or not."""
        key = self.key(unit, tile_px, tick, world)
        hit = self._cache.get(key)
        if hit is None:
            if self._fresh >= NEW_POSES_PER_FRAME and self._frames > 1:
                stand_in = self._stand_in(unit, tile_px, key)
                if stand_in is not None:
                    self.deferred += 1
                    return stand_in  # the right picture comes next frame, or the one after
            self._fresh += 1
            hit = self._build(key)
        self._shown[unit.id] = (tile_px, hit)
        return hit

    def warm(self, unit: Unit, tile_px: int, tick: int = 0, world=None,
             any_facing: bool = False) -> bool:
        """Build the unit's picture at tile_px ahead of its drawing (another zoom level);
        True if it had to be drawn.  any_facing: enough that its pose is held at some
        facing, which lookup() stands in with while the right one waits its turn."""
        key = self.key(unit, tile_px, tick, world)
        if key in self._cache or any_facing and key[:5] + key[6:] in self._alike:
            return False
        self._build(key)
        return True

    def turn_keys(self, units: list, tile_px: int, tick: int = 0, world=None) -> list[tuple]:
        """The keys not built yet of each pose the units show (and the next frame of its
        cycle) at every facing: what a crowd turning and stepping will ask for next, to
        be built in a frame's spare time (game/render/zoom_ahead.py) instead of in the
        frame, where a firefight asked for ~2 new pictures a frame (~0.25 ms each).
        Nearest first: the facings a bucket or two from one on show (a unit turns a
        little at a time) before the far side of the turn, so the few built between two
        ticks are the ones the next frames ask for."""
        poses: dict[tuple, set[int]] = {}  # pose (no facing) -> its facings on show
        for unit in units:
            key = self.key(unit, tile_px, tick, world)
            poses.setdefault(key[:5] + key[6:], set()).add(key[5])  # in order, each once
        by_turn: list[list[tuple]] = [[] for _ in range(ANGLE_BUCKETS // 2 + 1)]
        for (kind, pose, frame, extra, hurt, r), shown in poses.items():
            buckets = LYING_BUCKETS if pose in LYING else ANGLE_BUCKETS
            cycle = FRAMES.get(pose, 1)
            turns = _turns_from([b for b in range(buckets) if b * 360 // buckets in shown],
                                buckets)
            for step in dict.fromkeys((frame, (frame + 1) % cycle if cycle > 1 else frame)):
                for b in range(buckets):
                    key = (kind, pose, step, extra, hurt, b * 360 // buckets, r)
                    if key not in self._cache:
                        by_turn[turns[b]].append(key)
        return [key for keys in by_turn for key in keys]  # poses in the order first shown

    def build(self, key: tuple) -> bool:
        """Build the picture of a key from turn_keys if it is still missing and the cache
        has room to spare: a guess at what comes next never pushes out what is drawn or
        built ahead of a zoom."""
        if key in self._cache or len(self._cache) >= SPARE_ROOM * MAX_SPRITES:
            return False
        self._build(key)
        return True

    def _build(self, key: tuple) -> tuple[pygame.Surface, int, int]:
        if len(self._cache) > MAX_SPRITES:
            self._trim()
        img = self.render(key)
        used = img.get_bounding_rect()
        half_w, half_h = img.get_width() // 2, img.get_height() // 2
        hit = self._cache[key] = (img.subsurface(used).copy(), half_w - used.x,
                                  half_h - used.y)
        self._alike[key[:5] + key[6:]] = hit
        return hit

    def _trim(self) -> None:
        """Make room: drop the pictures of sizes not in self.keep (zoom levels far from
        the one drawn), or start again if that frees too little."""
        kept = {r for (_kind, px), r in self._radii.items() if px in self.keep}
        for cache in (self._cache, self._whole, self._alike, self._upright):
            for key in [k for k in cache if k[-1] not in kept]:  # a key ends with the radius
                del cache[key]
        if len(self._cache) > MAX_SPRITES * 3 // 4:
            self.clear()

    def _stand_in(self, unit: Unit, tile_px: int, key: tuple):
        """What to draw while the unit's picture waits: its last one at this zoom, else
        its pose at another facing."""
        shown = self._shown.get(unit.id)
        if shown is not None and shown[0] == tile_px:
            return shown[1]
        return self._alike.get(key[:5] + key[6:])

    def tick_keys(self, world, tile_px: int) -> dict[int, tuple]:
        """The keys drawn this tick, by unit id, for draw_units to fill and read: a unit's
        pose and facing change only when the world ticks, and the screen draws two
        frames a tick (a hundred units' keys cost ~0.3 ms a frame)."""
        stamp = self._tick_of_keys
        if not stamp or stamp[0] is not world or stamp[1] != world.tick or stamp[2] != tile_px:
            self._tick_of_keys = (world, world.tick, tile_px)
            self._tick_keys = {}
        return self._tick_keys

    def key(self, unit: Unit, tile_px: int, tick: int = 0, world=None) -> tuple:
        pose, frame, extra = pose_of(unit, tick, world)
        kind = unit.kind
        if pose in LYING:
            buckets, hurt = LYING_BUCKETS, pose == "downed" and unit.bleed > 0
        else:
            buckets, hurt = ANGLE_BUCKETS, unit.side == "civilian" and wounded(unit)
        r = self._radii.get((kind, tile_px))
        if r is None:
            r = self.radius(unit, tile_px)
        return (kind, pose, frame, extra, hurt,
                round(unit.facing * buckets / 360) % buckets * 360 // buckets, r)

    def render(self, key: tuple) -> pygame.Surface:
        """The picture for a key: drawn upright once at twice the size, then turned and
        halved in one smooth pass per facing."""
        kind, pose, frame, extra, hurt, angle, r = key
        upright_key = (kind, pose, frame, extra, hurt, r)
        base = self._upright.get(upright_key)
        if base is None:
            carried = LOOKS.get(extra) if pose == "carry" else None
            base = draw_figure(LOOKS.get(kind, FALLBACK), pose, frame % FRAMES.get(pose, 1),
                               r * 2, carried, hurt)
            apply_tint(base, self.tint)
            self._upright[upright_key] = base
        return pygame.transform.rotozoom(base, -angle, 0.5)


_RINGS: dict[int, list[list[int]]] = {}  # buckets -> per bucket, its turn to each other


def _turns_from(on_show: list[int], buckets: int) -> list[int]:
    """Per facing bucket, how many buckets it is from the nearest of on_show, the shorter
    way round the circle."""
    rows = _RINGS.get(buckets)
    if rows is None:
        half = buckets // 2
        rows = _RINGS[buckets] = [[half - abs(half - (b - c) % buckets)
                                   for b in range(buckets)] for c in range(buckets)]
    if len(on_show) == 1:
        return rows[on_show[0]]
    return list(map(min, *(rows[c] for c in on_show)))


def draw_units(surface: pygame.Surface, camera: Camera, world, alpha: float,
               sprites: SpriteCache, selected: set[int],
               shown: list[Unit] | None = None) -> list[tuple[Unit, int, int]]:
    """Draw what the player may see: crates and corpses first, then the living, then HP
    bars and treatment rings.  A unit carried on someone's back is drawn as part of the
    carrier.

    shown: visible_units(world) when the caller already has it.
    Returns (unit, screen x, screen y) of what was drawn, for picking and labels.
    """
    sprites.set_tint(scene_tint(time_of_day(world)))
    size = camera.tile_px
    k = camera.zoom * PX_PER_SUB  # sub units -> screen px; the same product world_to_screen
    ox, oy = camera.origin()
    w, h = surface.get_size()
    lookup, key_of = sprites.lookup, sprites.key
    cached, last_shown = sprites._cache, sprites._shown  # the hit path of lookup, inlined
    keys = sprites.tick_keys(world, size)
    sprites.new_frame()
    tick = world.tick
    _draw_crates(surface, camera, world)
    dead, live, living = [], [], []
    for unit in visible_units(world) if shown is None else shown:
        if unit.carried_by:
            continue
        lx, ly = unit.last_x, unit.last_y
        sx = ox + round((lx + (unit.x - lx) * alpha) * k)
        sy = oy + round((ly + (unit.y - ly) * alpha) * k)
        if not (-size <= sx < w + size and -size <= sy < h + size):
            continue
        key = keys.get(unit.id)
        if key is None:
            key = keys[unit.id] = key_of(unit, size, tick, world)
        hit = cached.get(key)
        if hit is None:
            hit = lookup(unit, size, tick, world)
        else:
            last_shown[unit.id] = (size, hit)
        img, hw, hh = hit
        if unit.life == "dead":
            dead.append((img, (sx - hw, sy - hh)))
        else:
            live.append((img, (sx - hw, sy - hh)))
            living.append((unit, sx, sy))
    for unit, sx, sy in living:
        if unit.id in selected:
            r = sprites.radius(unit, size) + max(3, size // 10)
            pygame.draw.circle(surface, SELECT_COLOUR, (sx, sy), r, 2)
    surface.fblits(dead + live)
    for unit, sx, sy in living:
        if unit.id in selected or unit.side == "squad" or unit.hp < unit.utype.max_hp:
            _draw_hp(surface, unit, sx, sy, sprites.radius(unit, size))
        if unit.activity == "healing" and unit.squad_state and unit.squad_state.work_target:
            _draw_treatment(surface, camera, world, unit, alpha)
    return living


def treatment_progress(unit: Unit) -> float:
    """How far a treatment has got, 0..1 (kit treatments are the shorter ones)."""
    total = HEAL_TICKS if unit.squad.aid_kit else STABILISE_TICKS
    return max(0.0, min(1.0, 1.0 - unit.squad.work_left / total))


def _draw_treatment(surface, camera: Camera, world, medic: Unit, alpha: float) -> None:
    """A ring over the patient that fills as the treatment runs."""
    patient = world.units.get(medic.squad.work_target)
    if patient is None:
        return
    sx, sy = camera.sub_to_screen(*interpolated(patient, alpha))
    r = max(6, round(camera.tile_px * 0.45))
    rect = pygame.Rect(sx - r, sy - r, r * 2, r * 2)
    pygame.draw.circle(surface, (20, 30, 34), (sx, sy), r, 3)
    done = treatment_progress(medic)
    if done > 0:
        start = math.pi / 2 - done * math.tau  # clockwise from the top
        pygame.draw.arc(surface, RING_COLOUR, rect, start, math.pi / 2, 3)


def _draw_crates(surface, camera: Camera, world) -> None:
    """Crates lying on the ground (a carried crate is drawn in its carrier's arms)."""
    crates = getattr(world, "crates", None)
    if not crates:
        return
    size = camera.tile_px
    half = max(3, size * 5 // 16)
    dark, wood, mark = CRATE_COLOURS
    for crate in crates.values():
        if crate.carrier_id or crate.delivered:
            continue
        sx, sy = camera.sub_to_screen(crate.x, crate.y)
        box = pygame.Rect(sx - half, sy - half, half * 2, half * 2)
        if not box.colliderect(surface.get_clip()):
            continue
        surface.fill(dark, box)
        surface.fill(wood, box.inflate(-2, -2))
        bar = max(1, half // 3)
        surface.fill(mark, (sx - bar // 2 - 1, sy - half + 2, bar, half * 2 - 4))
        surface.fill(mark, (sx - half + 2, sy - bar // 2 - 1, half * 2 - 4, bar))


def _draw_hp(surface, unit: Unit, sx: int, sy: int, r: int) -> None:
    """Shown for the squad, the selected and the hurt (the caller decides)."""
    max_hp = unit.utype.max_hp
    w = max(16, r * 2)
    x, y = sx - w // 2, sy - r - 9
    frac = max(0.0, min(1.0, unit.hp / max_hp))
    colour = (80, 210, 90) if frac > 0.6 else (230, 190, 60) if frac > 0.3 else (230, 60, 50)
    surface.fill((20, 20, 20), (x - 1, y - 1, w + 2, 5))
    surface.fill(colour, (x, y, round(w * frac), 3))
