"""Where a sound sits for the listener: the one function that turns a position on the map
into a volume and a stereo pan, used by every positional sound (shots, steps, doors, the
air strike).

The listener hovers over the middle of the view, so distances are measured in "half
views" (1 = the edge of the screen): zooming out brings the battle closer to the ear, as
it brings it closer to the eye.  Loudness falls off smoothly with that distance and
reaches exactly zero at `reach`, so a sound past its reach is not played at all; loud
sounds (a bomb, a jet) are given a longer reach than a footstep.
"""

from __future__ import annotations

import math

View = tuple[float, float, float, float]  # centre x, centre y, half width, half height (tiles)

REACH = 4.0  # default: heard up to four half-views from the middle of the screen
FALLOFF = 0.5  # how quickly loudness drops with distance (1/(1 + FALLOFF d^2))
PAN_WIDTH = 1.5  # a sound this many half-widths to one side is fully in that ear


def distance(x: float, y: float, view: View) -> float:
    """Distance of tile (x, y) from the middle of the view, in half views."""
    cx, cy, hw, hh = view
    return math.hypot((x - cx) / max(hw, 1.0), (y - cy) / max(hh, 1.0))


def place(x: float, y: float, view: View, reach: float = REACH) -> tuple[float, float]:
    """(volume 0..1, pan -1 left .. 1 right) for a sound at tile (x, y)."""
    d = distance(x, y, view)
    if d >= reach:
        return 0.0, _pan(x, view)
    edge = 1.0 / (1.0 + FALLOFF * reach * reach)  # loudness at the reach, taken off so it ends at 0
    volume = (1.0 / (1.0 + FALLOFF * d * d) - edge) / (1.0 - edge)
    return max(0.0, min(1.0, volume)), _pan(x, view)


def _pan(x: float, view: View) -> float:
    cx, _cy, hw, _hh = view
    return max(-1.0, min(1.0, (x - cx) / (max(hw, 1.0) * PAN_WIDTH)))
