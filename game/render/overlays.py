"""Map overlays for the player: vision cones, planned paths, the extraction zone."""

from __future__ import annotations

import math
from collections.abc import Generator

import numpy as np
import pygame

from game.render.camera import PX_PER_SUB, Camera
from game.render.sprites import interpolated
from game.render.text import TextCache
from game.sim.geometry import TILE_PX
from game.sim.light import sight_tiles

CONE_BUCKETS = 36  # 10-degree steps: the soft sides (CONE_SOFT_DEG) hide them
CONE_BAND = 16  # rows per strip a wedge is cut into
CONE_FILL = (255, 248, 205)
CONE_PEAK = 66  # opacity of the cone next to the viewer; it fades out to the sight range
CONE_SOFT_DEG = 10  # the sides blur over this many degrees
WEDGE_ROWS = 64  # rows of a wedge computed per step when built ahead (~1.5 ms at 800 px)
ZONE_COLOUR = (90, 230, 120)


class ConeCache:
    """Soft wedges cut into tight strips, cached by angle bucket and size.

    One wedge per (width, radius) is computed facing east, as the half-plane in front of
    the viewer, and turned to a bucket of the first quarter (east to south) when a viewer
    first faces it (a few milliseconds each; turning them all at once when a size was
    first drawn stalled the first frame of a battle, and every zoom, by ~50 ms); the
    other three quarters are those strips mirrored, which costs little."""

    # (width, radius) pairs kept: the cone widths and sight ranges on show at the zoom
    # drawn and at the two next to it, which are built ahead (game/render/zoom_ahead.py)
    MAX_SIZES = 12
    MAX_WEDGES = CONE_BUCKETS * MAX_SIZES  # turned and mirrored strips kept

    def __init__(self) -> None:
        self._cache: dict[tuple[int, int, int], list[tuple[pygame.Surface, tuple[int, int]]]] = {}
        # per size: the east wedge and the first-quarter strips turned so far, by bucket
        self._bases: dict[tuple[int, int], tuple[tuple, dict[int, list]]] = {}
        self._frames = 0  # prewarm() calls
        self.keep: set[tuple[int, int]] = set()  # sizes not to evict (in use or built ahead)
        # sizes whose east wedge is another size's scaled (a stand-in drawn at once when a
        # size is first needed, ~1 ms against ~20 ms); warm_steps computes them exactly
        self._rough: set[tuple[int, int]] = set()

    def prewarm(self, sizes: set[tuple[int, int]] | None = None) -> None:
        """Turn the buckets of the held sizes (of those in sizes, the ones on show) not
        turned yet: all of them after the battle's first frame (which is behind the
        briefing's hand-over anyway), then one a frame, so within a few frames of a zoom
        every facing is ready and a viewer turning costs nothing.  The sizes held for
        the zoom levels next to this one wait until they are shown."""
        budget = None if self._frames == 0 else 1
        self._frames += 1
        for (cone_deg, radius), (_east, turned) in self._bases.items():
            if sizes is not None and (cone_deg, radius) not in sizes:
                continue
            for base in range(CONE_BUCKETS // 4 + 1):
                if base not in turned:
                    self._quarter(cone_deg, radius, base)
                    if budget is not None:
                        return

    def built_sizes(self) -> int:
        """How many (width, radius) wedges are held, for the benchmarks."""
        return len(self._bases)

    def wedge(self, facing: int, cone_deg: int, radius: int):
        """[(strip image, offset from the viewer)]: the strips cover only the wedge, as an
        alpha blit pays for every pixel of its box and a wide wedge leaves half of its
        box empty."""
        bucket = round(facing * CONE_BUCKETS / 360) % CONE_BUCKETS
        hit = self._cache.get((bucket, cone_deg, radius))
        if hit is not None:
            return hit
        if len(self._cache) > self.MAX_WEDGES:
            self._cache.clear()
        base, mirror_x, mirror_y = _quarter_of(bucket, CONE_BUCKETS // 4)
        strips = self._quarter(cone_deg, radius, base)
        if mirror_x or mirror_y:
            strips = _mirrored(strips, mirror_x, mirror_y)
        self._cache[(bucket, cone_deg, radius)] = strips
        return strips

    def holds(self, facing: int, cone_deg: int, radius: int) -> bool:
        """Whether wedge() would draw this without building anything."""
        bucket = round(facing * CONE_BUCKETS / 360) % CONE_BUCKETS
        return (bucket, cone_deg, radius) in self._cache and (
            (cone_deg, radius) not in self._rough)

    def warm_steps(self, facing: int, cone_deg: int, radius: int) -> Generator[None, None, None]:
        """Builds what wedge() needs for this facing and size, pausing between bands of
        the wedge's rows (a wedge at the closest zoom takes ~20 ms to compute whole); a
        size drawn rough so far is computed exactly and replaces it."""
        if self.holds(facing, cone_deg, radius):
            return
        size = (cone_deg, radius)
        if size not in self._bases or size in self._rough:
            east = yield from _wedge_steps(cone_deg, radius)
            if size in self._bases:
                self._drop(size)
            self._hold(size, east)
            yield
        self.wedge(facing, cone_deg, radius)  # a turn: 2-9 ms at the closest zooms
        yield

    def turn_steps(self, cone_deg: int, radius: int) -> Generator[None, None, None]:
        """Turns the held size's buckets not turned yet, one per step (2-9 ms each at
        the closest zooms), so a viewer turning after a zoom finds its wedge ready."""
        held = self._bases.get((cone_deg, radius))
        if held is None or (cone_deg, radius) in self._rough:
            return
        for base in range(CONE_BUCKETS // 4 + 1):
            if base not in held[1]:
                self._quarter(cone_deg, radius, base)
                yield

    def _hold(self, size: tuple[int, int], east: tuple) -> tuple[tuple, dict[int, list]]:
        """Keep a size's east wedge, first making room: sizes in self.keep stay while
        others go, oldest first."""
        while len(self._bases) >= self.MAX_SIZES:
            spare = [s for s in self._bases if s not in self.keep] or list(self._bases)
            self._drop(spare[0])
        held = self._bases[size] = (east, {})
        return held

    def _drop(self, size: tuple[int, int]) -> None:
        del self._bases[size]
        self._rough.discard(size)
        for key in [k for k in self._cache if k[1:] == size]:
            del self._cache[key]

    def _rough_wedge(self, cone_deg: int, radius: int) -> tuple[pygame.Surface, tuple]:
        """The east wedge of the held size of this width nearest in radius, scaled to this
        one (the wedge's shape is all in proportion to its radius), or computed if none
        is held."""
        near = [r for deg, r in self._bases if deg == cone_deg]
        if not near:
            return soft_wedge(cone_deg, radius)
        (east, _viewer), _turned = self._bases[(cone_deg, min(near, key=lambda r: abs(r - radius)))]
        w, h = radius + 2, radius * 2 + 2
        self._rough.add((cone_deg, radius))
        return pygame.transform.smoothscale(east, (w, h)), (0, h // 2)

    def _quarter(self, cone_deg: int, radius: int, base: int) -> list:
        """The strips of the wedge turned to bucket base of the first quarter."""
        held = self._bases.get((cone_deg, radius))
        if held is None:
            held = self._hold((cone_deg, radius), self._rough_wedge(cone_deg, radius))
        east, turned = held
        strips = turned.get(base)
        if strips is None:
            strips = turned[base] = _turned(*east, base * 360 / CONE_BUCKETS)
        return strips


def _quarter_of(bucket: int, quarter: int) -> tuple[int, bool, bool]:
    """(bucket in the first quarter, mirror left-right, mirror top-bottom) that make
    bucket: facing 180 - a mirrors a left-right, facing -a mirrors it top-bottom."""
    if bucket <= quarter:
        return bucket, False, False
    if bucket <= 2 * quarter:
        return 2 * quarter - bucket, True, False
    if bucket < 3 * quarter:
        return bucket - 2 * quarter, True, True
    return 4 * quarter - bucket, False, True


def _mirrored(strips, mirror_x: bool, mirror_y: bool):
    out = []
    for img, (dx, dy) in strips:
        w, h = img.get_size()
        out.append((pygame.transform.flip(img, mirror_x, mirror_y),
                    (-dx - w if mirror_x else dx, -dy - h if mirror_y else dy)))
    return out


def soft_wedge(cone_deg: int, radius: int) -> tuple[pygame.Surface, tuple[int, int]]:
    """A vision cone facing east, bright near the viewer, fading to nothing at the sight
    range, its sides blurred over a few degrees; and where the viewer is in the picture."""
    steps = _wedge_steps(cone_deg, radius)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def _wedge_steps(cone_deg: int, radius: int):
    """soft_wedge computed a band of WEDGE_ROWS rows at a time, pausing between bands.
    Only the half-plane ahead is computed (no cone is wider than 180 degrees here)."""
    w, h = radius + 2, radius * 2 + 2
    # the wedge is symmetric about its middle row (h is even): compute the top half only
    bands = []
    for y0 in range(0, h // 2, WEDGE_ROWS):
        bands.append(_wedge_rows(cone_deg, radius, w, h, y0, min(h // 2, y0 + WEDGE_ROWS)))
        yield
    alpha = np.concatenate(bands)
    alpha = np.concatenate((alpha, alpha[::-1]))
    surf = pygame.Surface((w, h), pygame.SRCALPHA)
    surf.fill((*CONE_FILL, 0))
    pygame.surfarray.pixels_alpha(surf)[:] = alpha.T
    return surf, (0, h // 2)


def _wedge_rows(cone_deg: int, radius: int, w: int, h: int, y0: int, y1: int) -> np.ndarray:
    """Rows y0..y1 of the wedge's top half: its opacity, uint8 [y, x]."""
    yy, xx = np.mgrid[y0:y1, 0:w].astype(np.float32)
    dx, dy = xx + 0.5, yy - h / 2 + 0.5
    d = np.hypot(dx, dy) / radius
    off = np.abs(np.degrees(np.arctan2(dy, dx)))  # degrees off the facing
    side = np.clip((cone_deg / 2 + CONE_SOFT_DEG / 2 - off) / CONE_SOFT_DEG, 0.0, 1.0)
    reach = np.clip(1.0 - d, 0.0, 1.0) ** 0.8
    rim = np.clip(1.0 - np.abs(d - 0.97) / 0.05, 0.0, 1.0) * 0.5  # where sight ends
    alpha = (CONE_PEAK * side * np.maximum(reach, rim)).astype(np.uint8)
    alpha[d < 0.08] = 0  # the viewer's own spot stays clear
    return alpha


def _turned(east: pygame.Surface, viewer: tuple[int, int], facing: float):
    """The east wedge turned to facing (degrees, clockwise on screen), as strips placed
    relative to the viewer.  pygame turns about the picture's centre, so the viewer's
    offset from the centre turns with it."""
    img = pygame.transform.rotate(east, -facing)
    cx, cy = east.get_width() / 2, east.get_height() / 2
    ox, oy = viewer[0] - cx, viewer[1] - cy
    a = math.radians(facing)
    vx = img.get_width() / 2 + ox * math.cos(a) - oy * math.sin(a)
    vy = img.get_height() / 2 + ox * math.sin(a) + oy * math.cos(a)
    return _strips(img, (-round(vx), -round(vy)))


def _strips(surf: pygame.Surface, at: tuple[int, int], band: int = CONE_BAND):
    """The picture cut into bands of rows, each trimmed to its drawn columns."""
    strips = []
    w, h = surf.get_size()
    drawn = pygame.surfarray.pixels_alpha(surf) > 0  # [x, y]
    cols = [np.flatnonzero(drawn[:, y:y + band].any(axis=1)) for y in range(0, h, band)]
    del drawn  # unlock the surface
    for i, used in enumerate(cols):
        if used.size:
            y, x0, x1 = i * band, int(used[0]), int(used[-1]) + 1
            rect = (x0, y, x1 - x0, min(band, h - y))
            strips.append((surf.subsurface(rect).copy(), (at[0] + x0, at[1] + y)))
    return strips


def cone_sizes(camera: Camera, world, selected: set[int]) -> list:
    """(unit, (cone width, radius on screen)) of each view cone shown at camera's zoom:
    the selected squad members standing.  Drawing and building ahead both ask this, so
    the sizes built ahead are the sizes drawn."""
    sizes = []
    for uid in sorted(selected):
        unit = world.units.get(uid)
        if unit is None or unit.side != "squad" or unit.life != "active":
            continue
        radius = round(sight_tiles(world, unit) * camera.tile_px)  # shorter at dusk
        sizes.append((unit, (unit.utype.cone_deg, radius)))
    return sizes


def draw_cones(surface, camera: Camera, world, alpha: float, selected: set[int],
               cones: ConeCache) -> None:
    shown = set()
    for unit, (deg, radius) in cone_sizes(camera, world, selected):
        sx, sy = camera.sub_to_screen(*interpolated(unit, alpha))
        surface.fblits([(img, (sx + dx, sy + dy))
                        for img, (dx, dy) in cones.wedge(unit.facing, deg, radius)])
        shown.add((deg, radius))
    cones.prewarm(shown)


class PathCache:
    """Screen points of the routes on show, kept while the route and the view stay the
    same: a walked route loses a tile a few times a second, the frame asks 60 times."""

    def __init__(self) -> None:
        self._cache: dict[tuple, list[tuple[int, int]]] = {}

    def centres(self, camera: Camera, tiles: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Kept relative to the map's origin, so a panning view only adds an offset."""
        ox, oy = camera.origin()
        zoom = camera.zoom
        key = (tuple(tiles), zoom)
        pts = self._cache.get(key)
        if pts is None:
            if len(self._cache) > 64:
                self._cache.clear()
            pts = self._cache[key] = [
                (round((tx + 0.5) * TILE_PX * zoom), round((ty + 0.5) * TILE_PX * zoom))
                for tx, ty in tiles]
        return [(x + ox, y + oy) for x, y in pts]

    def corners(self, camera: Camera, tiles: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """centres() without the points in the middle of a straight run: a line drawn
        through them covers the same pixels (each step of the run is the same whole-pixel
        step), and a long route then costs a few points a frame, not hundreds."""
        ox, oy = camera.origin()
        key = ("corners", tuple(tiles), camera.zoom)
        pts = self._cache.get(key)
        if pts is None:
            if len(self._cache) > 64:
                self._cache.clear()
            pts = self._cache[key] = _drop_straight(self.centres(camera, tiles), ox, oy)
        return [(x + ox, y + oy) for x, y in pts]


def _drop_straight(pts: list[tuple[int, int]], ox: int, oy: int) -> list[tuple[int, int]]:
    """pts (made relative to ox, oy) keeping only the ends of runs of equal steps."""
    pts = [(x - ox, y - oy) for x, y in pts]
    kept = pts[:1]
    for i in range(1, len(pts) - 1):
        (ax, ay), (bx, by), (cx, cy) = pts[i - 1], pts[i], pts[i + 1]
        if (bx - ax, by - ay) != (cx - bx, cy - by):
            kept.append(pts[i])
    if len(pts) > 1:
        kept.append(pts[-1])
    return kept


def dashed(surface, colour, pts, dash: int = 6, width: int = 1) -> None:
    for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
        length = math.hypot(x1 - x0, y1 - y0)
        n = max(1, int(length // dash))
        for i in range(0, n, 2):
            a, b = i / n, min(1.0, (i + 1) / n)
            pygame.draw.line(surface, colour, (x0 + (x1 - x0) * a, y0 + (y1 - y0) * a),
                             (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b), width)


def draw_extractions(surface, camera: Camera, world, text: TextCache) -> None:
    for zone in world.scenario.extractions:
        x0, y0, x1, y1 = zone.rect
        a = camera.world_to_screen(x0 * PX_PER_SUB, y0 * PX_PER_SUB)
        b = camera.world_to_screen(x1 * PX_PER_SUB, y1 * PX_PER_SUB)
        rect = pygame.Rect(a, (b[0] - a[0], b[1] - a[1]))
        if not rect.colliderect(surface.get_rect()):
            continue
        surface.fblits([(img, (rect.x + dx, rect.y + dy))
                        for img, (dx, dy) in _zone_outline(rect.w, rect.h)])
        label = text.render(f"EXTRACTION {(zone.name or 'Bravo').upper()}",
                            max(16, camera.tile_px * 5 // 8), ZONE_COLOUR, bold=True)
        box = label.get_rect(midbottom=(rect.centerx, rect.y - 3)).inflate(8, 4)
        surface.fill((16, 24, 18), box)
        surface.blit(label, label.get_rect(center=box.center))


_OUTLINES: dict[tuple[int, int], list] = {}  # zone size on screen -> its dashed edges
OUTLINE_PAD = 3  # room round the rect for the 2-pixel dashes


def _zone_outline(w: int, h: int) -> list[tuple[pygame.Surface, tuple[int, int]]]:
    """A zone's dashed outline as its four edges, each a thin picture placed from the
    rect's corner: the dashes were ~100 line calls a frame whenever the zone showed."""
    edges = _OUTLINES.get((w, h))
    if edges is None:
        if len(_OUTLINES) > 16:
            _OUTLINES.clear()
        pad = OUTLINE_PAD
        whole = pygame.Surface((w + 2 * pad, h + 2 * pad), pygame.SRCALPHA)
        corners = [(pad, pad), (pad + w, pad), (pad + w, pad + h), (pad, pad + h), (pad, pad)]
        dashed(whole, ZONE_COLOUR, corners, dash=8, width=2)
        band = 2 * pad
        cuts = [(0, 0, w + 2 * pad, band), (0, h, w + 2 * pad, band),
                (0, band, band, max(0, h - band)), (w, band, band, max(0, h - band))]
        edges = _OUTLINES[(w, h)] = [(whole.subsurface(cut).copy(), (cut[0] - pad, cut[1] - pad))
                                     for cut in cuts if cut[2] > 0 and cut[3] > 0]
    return edges


def draw_follow_links(surface, camera: Camera, world, alpha: float) -> None:
    """A faint line from each following survivor to the squad member leading them."""
    for unit in world.civilians():  # in id order, as the whole roll sorted was
        if not unit.survivor.leader_id or unit.life != "active":
            continue
        leader = world.units.get(unit.survivor.leader_id)
        if leader is None or leader.life not in ("active", "downed"):
            continue
        a = camera.sub_to_screen(*interpolated(unit, alpha))
        b = camera.sub_to_screen(*interpolated(leader, alpha))
        dashed(surface, (230, 200, 90), [a, b], dash=4)


def draw_hover(surface, camera: Camera, world, alpha: float, unit, hostile: bool) -> None:
    """A ring on the unit under the cursor: red when a right-click would attack it."""
    if unit is None:
        return
    sx, sy = camera.sub_to_screen(*interpolated(unit, alpha))
    r = round(camera.tile_px * 0.5)
    pygame.draw.circle(surface, (240, 70, 50) if hostile else (240, 240, 240), (sx, sy), r, 1)
