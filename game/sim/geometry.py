"""Integer positions: a tile is SUB sub-tile units wide, so replays agree across machines."""

from __future__ import annotations

import math

SUB = 256
TILE_PX = 32
HALF = SUB // 2


def tile_of(v: int) -> int:
    return v // SUB


def centre_of(t: int) -> int:
    return t * SUB + HALF


def px_to_sub(px: float) -> int:
    return int(round(px * SUB / TILE_PX))


def sub_to_px(v: float) -> float:
    return v * TILE_PX / SUB


def dist_sub(ax: int, ay: int, bx: int, by: int) -> int:
    return math.isqrt((ax - bx) ** 2 + (ay - by) ** 2)


def angle_deg(dx: int, dy: int) -> int:
    """Direction in whole degrees, 0 = east, 90 = south (screen y grows down)."""
    if dx == 0 and dy == 0:
        return 0
    # math.degrees(r) is r * (180 / pi) in C: the same double, without the call
    return round(math.atan2(dy, dx) * _RAD_TO_DEG) % 360


_RAD_TO_DEG = 180.0 / math.pi


def angle_diff(a: int, b: int) -> int:
    d = (a - b) % 360
    return d - 360 if d > 180 else d


def nearest_on_segment(
    ax: int, ay: int, bx: int, by: int, px: int, py: int
) -> tuple[int, int]:
    """The point of the segment a-b nearest to p (rounded to whole units)."""
    dx, dy = bx - ax, by - ay
    span = dx * dx + dy * dy
    t = 0.0 if span == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / span))
    return ax + round(t * dx), ay + round(t * dy)


def segment_coords(
    ax: int, ay: int, bx: int, by: int, px: int, py: int
) -> tuple[float, float, float]:
    """Distance of p along the line a->b, its distance off that line, and the line's length."""
    dx, dy = bx - ax, by - ay
    length = math.hypot(dx, dy)
    if length == 0:
        return 0.0, math.hypot(px - ax, py - ay), 0.0
    along = ((px - ax) * dx + (py - ay) * dy) / length
    across = abs((px - ax) * dy - (py - ay) * dx) / length
    return along, across, length
