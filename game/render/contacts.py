"""Lost contacts drawn over the fog: a faint ghost where the squad last saw each insurgent
it has lost sight of, with how long ago ("12s"). Only what the squad remembers
(queries.remembered_contacts), never where the insurgent really is now.

A marker is two cached stamps: the ring (disc, dashed outline, sniper ticks, '?') per
radius and kind, and the age plate per text; a crowded fight shows ~50 of them a frame,
and drawing each ring's sixteen arcs every frame cost ~1.5 ms. The stamps are composed
in premultiplied alpha, so one blit lays down what the separate draws did."""

from __future__ import annotations

import math
import weakref

import pygame

from game.render.camera import Camera
from game.render.text import TextCache
from game.render.tick_memo import per_tick
from game.sim.catalog import TICK_HZ
from game.sim.geometry import TILE_PX
from game.sim.queries import remembered_contacts

GHOST = (255, 170, 70)
GHOST_DARK = (40, 24, 10)
PLATE = (10, 12, 14, 190)
TICK_OUT = 6  # the sniper's ticks reach r + 4 and are 2 px wide: the ring stamp's margin
MAX_LABELS = 128  # age plates kept ("0s" .. the memory's length, at a few text sizes)


def draw_remembered_contacts(surface: pygame.Surface, camera: Camera, world,
                             text: TextCache) -> int:
    """A dashed ring with a '?' on each remembered contact's last known tile and its age
    under it; a sniper's (a percher's) ring has cross-hair ticks. Returns how many were drawn."""
    clip = surface.get_clip()
    left, top, right, bottom = clip.left, clip.top, clip.right, clip.bottom
    ox, oy = camera.origin()
    stamps = _Stamps.get(text)
    r = max(6, round(camera.tile_px * 0.42))
    corner = r + TICK_OUT
    spots = stamps.spots(world, camera)
    if not spots:
        return 0
    rings = (stamps.ring(r, False), stamps.ring(r, True))  # by perch: at most two kinds
    labels: dict[int, tuple[pygame.Surface, int]] = {}  # this frame's plates by age
    tick, label = world.tick, stamps.label
    blits = []
    for cx, cy, perch, seen_tick in spots:
        cx += ox
        cy += oy
        if left <= cx < right and top <= cy < bottom:  # clip.collidepoint(cx, cy)
            # the ring and the age only for the marks on show: a crowded fight
            # remembers ~170 contacts, a view shows a few dozen
            blits.append((rings[perch], (cx - corner, cy - corner)))
            age = int((tick - seen_tick) / TICK_HZ)  # as Contact.age_s, whole seconds
            hit = labels.get(age)
            if hit is None:
                hit = labels[age] = label(f"{age}s")
            plate, offset = hit
            blits.append((plate, (cx + offset, cy + r + 2)))
    if blits:  # in order: a later marker lies over an earlier one, as drawn one by one
        surface.fblits(blits, pygame.BLEND_PREMULTIPLIED)
    return len(blits) // 2


class _Stamps:
    """The pictures of one TextCache's markers (the '?' and ages are its text)."""

    _by_text: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def __init__(self, text: TextCache) -> None:
        self.text = text
        self._rings: dict[tuple[int, bool], pygame.Surface] = {}
        self._labels: dict[str, tuple[pygame.Surface, int]] = {}
        self._spots: list[tuple] = []
        self._spots_zoom = 0.0
        self._spots_of: list | None = None  # the remembered_contacts answer they show

    def spots(self, world, camera: Camera) -> list[tuple]:
        """Per remembered contact, its tile's centre on screen relative to the map's
        origin, whether it is a sniper's (its kind perches) and the tick it was seen;
        kept while the answer of remembered_contacts (once a
        tick) and the zoom stay the same: a frame between two ticks only moves them by
        the view's origin."""
        zoom = camera.zoom
        found = per_tick(world, remembered_contacts, len(world.contacts))
        if self._spots_of is found and self._spots_zoom == zoom:
            return self._spots
        # as camera.world_to_screen, less the origin added per frame
        self._spots = [(round((c.tile[0] + 0.5) * TILE_PX * zoom),
                        round((c.tile[1] + 0.5) * TILE_PX * zoom),
                        bool(c.utype.perch), c.seen_tick) for c in found]
        # held until the next answer replaces it (per_tick keeps it as long anyway)
        self._spots_of, self._spots_zoom = found, zoom
        return self._spots

    @classmethod
    def get(cls, text: TextCache) -> _Stamps:
        stamps = cls._by_text.get(text)
        if stamps is None:
            stamps = cls._by_text[text] = _Stamps(text)
        return stamps

    def ring(self, r: int, perch: bool) -> pygame.Surface:
        """Disc, dashed ring, sniper ticks and '?', centred, premultiplied."""
        img = self._rings.get((r, perch))
        if img is None:
            if len(self._rings) >= 16:  # zoom levels come and go
                self._rings.clear()
            img = self._rings[(r, perch)] = self._draw_ring(r, perch)
        return img

    def _draw_ring(self, r: int, perch: bool) -> pygame.Surface:
        side = 2 * (r + TICK_OUT)
        c = r + TICK_OUT
        shapes = pygame.Surface((side, side), pygame.SRCALPHA)
        pygame.draw.circle(shapes, (*GHOST_DARK, 150), (c, c), r)  # the '?' reads over sand
        _dashed_ring(shapes, (c, c), r)  # opaque: replaces the disc where it lies
        if perch:
            for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                pygame.draw.line(shapes, GHOST, (c + dx * (r - 3), c + dy * (r - 3)),
                                 (c + dx * (r + 4), c + dy * (r + 4)), 2)
        mark = self.text.render("?", max(12, round(r * 1.3)), GHOST, True)
        return _over(shapes, [(mark, mark.get_rect(center=(c, c)).topleft)])

    def label(self, age: str) -> tuple[pygame.Surface, int]:
        """The age on its dark plate, premultiplied, and its x offset from the centre."""
        hit = self._labels.get(age)
        if hit is None:
            if len(self._labels) >= MAX_LABELS:
                self._labels.clear()
            img = self.text.render(age, 13, GHOST, True)
            plate = img.get_rect(midtop=(0, 1)).inflate(6, 2)
            back = pygame.Surface(plate.size, pygame.SRCALPHA)
            back.fill(PLATE)
            spot = img.get_rect(center=(plate.w // 2, plate.h // 2)).topleft
            hit = self._labels[age] = (_over(back, [(img, spot)]), plate.x)
        return hit


def _over(base: pygame.Surface, layers: list[tuple[pygame.Surface, tuple[int, int]]]
          ) -> pygame.Surface:
    """base with layers laid over it, in premultiplied alpha: blitted with
    BLEND_PREMULTIPLIED it shows as the separate blits would (an ordinary alpha blit
    onto a see-through surface mixes the colours wrongly where both are part clear)."""
    out = base.premul_alpha()
    for img, at in layers:
        out.blit(img.premul_alpha(), at, special_flags=pygame.BLEND_PREMULTIPLIED)
    return out


def _dashed_ring(surface: pygame.Surface, centre: tuple[int, int], r: int) -> None:
    """Eight arcs: a broken outline reads as 'was here', not 'is here'."""
    rect = pygame.Rect(0, 0, 2 * r, 2 * r)
    rect.center = centre
    for k in range(8):
        start = k * math.pi / 4
        pygame.draw.arc(surface, GHOST_DARK, rect.inflate(2, 2), start, start + 0.5, 4)
        pygame.draw.arc(surface, GHOST, rect, start, start + 0.5, 2)
