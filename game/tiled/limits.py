"""The caps every reader of a map applies, TMX or JSON, loader or renderer.

A hostile map can claim anything; these bound what the game builds before it trusts a
size.  They live in one module so the TMX checks, the JSON reader, the object parser and
the tileset-image reader can never drift apart.
"""

from __future__ import annotations

MAX_CELLS = 1024 * 1024  # tiles per layer
MAX_LAYERS = 256
MAX_OBJECTS = 2000  # the sim takes at most loader.MAX_UNITS units; the rest are zones/routes
MAX_TILESETS = 64
MAX_POINTS = 4096  # vertices in one polyline or polygon
MAX_IMAGE_PX = 16384  # a side of a tileset image; pytmx walks its tile grid
MAX_IMAGE_BYTES = 16 * 1024 * 1024  # one tileset image file
