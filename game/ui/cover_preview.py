"""Cover and exposure feedback: what a tile or a shot would mean, before committing.

Hovering a tile shows its cover toward each of eight directions as shields (full, half,
none left blank) and, against the insurgents the squad knows of, whether it is seen and
from where (a line to each watcher; a dashed one to a contact the squad lost sight of, at
the tile it was last seen on). The end of a selected member's planned route shows its
shields too. Hovering an insurgent shows the selected member's line of fire and hit
chance. A key toggles the exposure overlay: every tile a known insurgent sees, red for
those in sight, a fainter amber for those only remembered.

Every answer comes from game/sim/queries.py (cover_by_direction, watchers_of,
remembered_watchers_of, exposure_layers, can_shoot, hit_chance): the shot rolls against
the same numbers.
"""

from __future__ import annotations

import numpy as np
import pygame

from game.render.camera import Camera
from game.render.sprites import interpolated
from game.render.text import panel_of
from game.sim.geometry import TILE_PX
from game.sim.queries import (
    can_shoot,
    cover_by_direction,
    exposure_layers,
    hit_chance,
    player_sees,
    remembered_watchers_of,
    roe_allows,
    watchers_of,
)
from game.sim.terrain import COVER_HIGH

FULL = (90, 170, 255)
HALF = (250, 210, 80)
SEEN = (255, 80, 60)
SAFE = (140, 230, 150)
NO_LINE = (170, 170, 170)
EXPOSED_RGBA = (255, 60, 40, 70)
REMEMBERED = (255, 170, 70)  # watched from where a lost contact was last seen
REMEMBERED_RGBA = (*REMEMBERED, 42)
OUTLINE = (8, 10, 14)


def shield_points(cx: float, cy: float, size: float) -> list[tuple[float, float]]:
    """A small heraldic shield centred on (cx, cy)."""
    s = size
    return [(cx - s, cy - s), (cx + s, cy - s), (cx + s, cy + s * 0.2), (cx, cy + s * 1.1),
            (cx - s, cy + s * 0.2)]


def draw_shields(surface, camera: Camera, world, tile: tuple[int, int],
                 frame: bool = True) -> None:
    """Eight shields on the tile's edges and corners: blue full cover, amber half, none
    drawn where there is no cover. Only cover the squad has seen counts. `frame` outlines
    the tile (the hovered one; a route's end has its waypoint already)."""
    shields = _cover_of(world.terrain, tile, world.seen_ever)
    cx, cy = camera.world_to_screen((tile[0] + 0.5) * TILE_PX, (tile[1] + 0.5) * TILE_PX)
    tp = camera.tile_px
    size = max(5.0, tp * 0.22)
    if frame:
        pygame.draw.rect(surface, (235, 235, 235), (cx - tp // 2, cy - tp // 2, tp, tp), 1)
    for (dx, dy), cover in shields.items():
        if not cover:
            continue
        px, py = cx + dx * tp * 0.5, cy + dy * tp * 0.5
        pts = shield_points(px, py, size)
        pygame.draw.polygon(surface, OUTLINE, shield_points(px, py, size + 2))
        if cover >= COVER_HIGH:
            pygame.draw.polygon(surface, FULL, pts)
        else:
            pygame.draw.polygon(surface, HALF, pts[2:] + pts[:1] + [(px + size, py)])
            pygame.draw.polygon(surface, HALF, pts, 2)


_SHIELDS: dict[tuple, dict] = {}  # cover_by_direction answers by what they depend on
MAX_SHIELDS = 256


def _cover_of(terrain, tile: tuple[int, int], known: np.ndarray) -> dict:
    """cover_by_direction(terrain, tile, known), kept by all it reads: the cover and the
    known flags of the tile's 3x3 ring (and where the ring meets the map's edge).  The
    shields of each selected member's route end are drawn every frame, and asking the
    rules again cost ~0.1 ms a frame for answers that change when the ring does."""
    tx, ty = tile
    ring = (slice(max(0, ty - 1), ty + 2), slice(max(0, tx - 1), tx + 2))
    key = (tile, terrain.cover.shape, terrain.cover[ring].tobytes(), known[ring].tobytes())
    shields = _SHIELDS.get(key)
    if shields is None:
        if len(_SHIELDS) >= MAX_SHIELDS:
            _SHIELDS.clear()
        shields = _SHIELDS[key] = cover_by_direction(terrain, tile, known)
    return shields


class CoverPreview:
    """The hover feedback and the exposure overlay, cached per tick (the rules change
    nothing between ticks, the frame asks sixty times a second)."""

    def __init__(self) -> None:
        self.exposure_on = False
        self._grid_key: tuple | None = None
        self._grid: np.ndarray | None = None  # 0 unwatched, 1 remembered, 2 in sight
        self._surf_key: tuple | None = None
        self._surf: tuple[pygame.Surface, tuple[int, int]] | None = None
        self._surf_window: np.ndarray | None = None
        self._watch_key: tuple | None = None
        self._watchers: tuple[list, list] = ([], [])

    def toggle_exposure(self) -> bool:
        self.exposure_on = not self.exposure_on
        return self.exposure_on

    # -- cached answers ------------------------------------------------------------------
    def exposure(self, world, window: tuple[int, int, int, int] | None = None) -> np.ndarray:
        """exposure_layers as one uint8 grid (2 watched by an insurgent in sight, 1 only
        from a remembered contact's last known tile), once a tick (and again when the view
        moves to other tiles)."""
        key = (id(world), world.tick, window)
        if key != self._grid_key or self._grid is None:
            live, remembered = exposure_layers(world, window)
            self._grid_key = key
            self._grid = live.astype(np.uint8) * 2 + remembered
        return self._grid

    def watchers(self, world, tile: tuple[int, int]) -> tuple[list, list]:
        """(insurgents in sight that see the tile, lost contacts that would)."""
        key = (id(world), world.tick, tile)
        if key != self._watch_key:
            self._watch_key = key
            self._watchers = (watchers_of(world, tile), remembered_watchers_of(world, tile))
        return self._watchers

    # -- drawing ---------------------------------------------------------------------------
    def draw(self, surface, camera: Camera, world, alpha: float, selected: set[int],
             hover_unit, mouse: tuple[int, int] | None, text) -> None:
        if self.exposure_on:
            self._draw_exposure(surface, camera, world)
        shooter = _shooter(world, selected)
        for unit in (world.units[i] for i in sorted(selected) if i in world.units):
            goal = _route_end(unit)
            if goal is not None:
                draw_shields(surface, camera, world, goal, frame=False)
        if hover_unit is not None and hover_unit.side == "insurgent" and shooter is not None:
            self._draw_line_of_fire(surface, camera, world, alpha, shooter, hover_unit, text)
            return
        if mouse is None or hover_unit is not None:
            return
        tile = camera.screen_to_tile(*mouse)
        if not world.terrain.in_bounds(*tile) or not world.seen_ever[tile[1], tile[0]]:
            return
        draw_shields(surface, camera, world, tile)
        self._draw_watchers(surface, camera, world, alpha, tile, text)

    def _draw_watchers(self, surface, camera, world, alpha, tile, text) -> None:
        centre = camera.world_to_screen((tile[0] + 0.5) * TILE_PX, (tile[1] + 0.5) * TILE_PX)
        live, lost = self.watchers(world, tile)
        seen_by = [u for u in live if player_sees(world, u)]
        for unit in seen_by:
            end = camera.sub_to_screen(*interpolated(unit, alpha))
            pygame.draw.line(surface, OUTLINE, centre, end, 3)
            pygame.draw.line(surface, SEEN, centre, end, 1)
        for contact in lost:
            end = camera.world_to_screen((contact.tile[0] + 0.5) * TILE_PX,
                                         (contact.tile[1] + 0.5) * TILE_PX)
            _dashed(surface, REMEMBERED, centre, end, max(4, camera.tile_px // 4))
        label, colour = watch_label(len(seen_by), len(lost))
        _tag(surface, text, label, (centre[0], centre[1] + camera.tile_px * 0.75 + 6),
             colour, 15)

    def _draw_line_of_fire(self, surface, camera, world, alpha, shooter, target,
                           text) -> None:
        a = camera.sub_to_screen(*interpolated(shooter, alpha))
        b = camera.sub_to_screen(*interpolated(target, alpha))
        clear = can_shoot(world, shooter, target)
        label = shot_label(world, shooter, target)
        colour = SEEN if clear else NO_LINE
        pygame.draw.line(surface, OUTLINE, a, b, 4)
        pygame.draw.line(surface, colour, a, b, 2)
        _tag(surface, text, label, (b[0], b[1] - camera.tile_px * 0.75 - 16), colour, 22)

    def _draw_exposure(self, surface, camera: Camera, world) -> None:
        h, w = world.terrain.opaque.shape
        tx0, ty0, tx1, ty1 = camera.visible_tiles()
        tx0, ty0 = max(tx0, 0), max(ty0, 0)
        tx1, ty1 = min(tx1, w), min(ty1, h)
        if tx1 <= tx0 or ty1 <= ty0:
            return
        grid = self.exposure(world, (tx0, ty0, tx1, ty1))
        window = grid[ty0:ty1, tx0:tx1]
        key = (tx0, ty0, tx1, ty1, camera.tile_px)
        # rebuilt only when the watched tiles on show change, not every tick
        if key != self._surf_key or self._surf is None or not np.array_equal(
                window, self._surf_window):
            rgba = np.zeros((*window.shape, 4), dtype=np.uint8)
            rgba[window == 1] = REMEMBERED_RGBA
            rgba[window == 2] = EXPOSED_RGBA
            small = pygame.image.frombuffer(rgba.tobytes(), (tx1 - tx0, ty1 - ty0), "RGBA")
            if pygame.display.get_surface() is not None:
                small = small.convert_alpha()  # the display's format: the scaled copy keeps it
            tp = camera.tile_px
            big = pygame.transform.scale(small, ((tx1 - tx0) * tp, (ty1 - ty0) * tp))
            self._surf_key, self._surf = key, (big, (tx0, ty0))
            self._surf_window = window.copy()
        img, (x0, y0) = self._surf
        surface.blit(img, camera.world_to_screen(x0 * TILE_PX, y0 * TILE_PX))


def _tag(surface, text, label: str, centre, colour, size: int) -> None:
    """A label on a dark plate, readable over any ground or fog."""
    img = text.render(label, size, colour, True)
    rect = img.get_rect(center=(round(centre[0]), round(centre[1])))
    back = rect.inflate(8, 4)
    surface.blit(panel_of(back.size, (10, 12, 14, 190)), back)
    surface.blit(img, rect)


def watch_label(seen_by: int, lost: int) -> tuple[str, tuple[int, int, int]]:
    """What the hover says about who watches a tile: those in sight, then the contacts
    lost sight of that would see it from where they were last seen."""
    if seen_by and lost:
        return f"SEEN BY {seen_by} + {lost} LAST SEEN", SEEN
    if seen_by:
        return f"SEEN BY {seen_by}", SEEN
    if lost:
        return f"WATCHED? {lost} LAST SEEN", REMEMBERED
    return "UNSEEN", SAFE


def _dashed(surface, colour, a, b, dash: int) -> None:
    """A dashed line from a to b over a dark underline: a guess, not a sighting."""
    length = max(1.0, float(np.hypot(b[0] - a[0], b[1] - a[1])))
    ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
    pos = 0.0
    while pos < length:
        end = min(pos + dash, length)
        p = (a[0] + ux * pos, a[1] + uy * pos)
        q = (a[0] + ux * end, a[1] + uy * end)
        pygame.draw.line(surface, OUTLINE, p, q, 3)
        pygame.draw.line(surface, colour, p, q, 1)
        pos += dash * 2


def shot_label(world, shooter, target) -> str:
    """What the hover says about a shot: the hit chance as a percentage, or why not."""
    if not can_shoot(world, shooter, target):
        return "NO LINE OF FIRE"
    pct = f"{round(hit_chance(world, shooter, target) * 100)}%"
    if not roe_allows(world, shooter, target):
        return f"{pct} (holding fire)" if shooter.squad.roe == "hold_fire" else f"{pct} (ROE)"
    return pct


def _shooter(world, selected: set[int]):
    """The selected squad member whose shot the preview shows: the first in id order
    with a weapon, on their feet."""
    for uid in sorted(selected):
        unit = world.units.get(uid)
        if unit is not None and unit.side == "squad" and unit.active and unit.weapon:
            return unit
    return None


def _route_end(unit) -> tuple[int, int] | None:
    if unit.side != "squad" or not unit.active:
        return None
    if unit.waypoints:
        return unit.waypoints[-1]
    return unit.path[-1] if unit.path else None
