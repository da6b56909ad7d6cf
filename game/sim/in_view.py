"""The insurgents on the tiles the squad sees, as vision found them this tick.

Vision already walks the insurgents once a tick to find those on a tile the squad sees
now (vision._insurgents_on_seen_tiles). The renderer asks the same thing each tick
(queries.visible_units, queries.remembered_contacts); scanning 200 insurgents again
costs ~0.1 ms each time, so vision leaves its list here and those questions read it.

The list holds every insurgent still on the map (hidden, in reserve, down or dead too)
on a seen tile at the moment vision ran; callers check each one's life and hiding now.
It answers only while it can be true:
- nobody moves after vision in a tick (step.py's order), and step() forgets the list
  before anything moves in the next one (forget_in_view);
- a unit added since (world.add_unit) or the grid of seen tiles changed since (a test
  or a tool writing world.seen_now) makes it unusable: the caller scans every unit;
- a loaded or restarted battle is a new world, with its own (empty) caches.
A unit moved by hand between ticks is the one edit it cannot see: nothing in the game
does that (orders wait for the next tick), and the next tick's vision puts it right.
"""

from __future__ import annotations

import numpy as np

from game.sim.units import Unit
from game.sim.world import World

_KEY = "in_view"


def record_in_view(world: World, on_seen_tiles: list[Unit]) -> None:
    """Keep vision's list with what it depends on: how many units, the seen tiles."""
    world.caches[_KEY] = (len(world.units), world.seen_now.copy(), on_seen_tiles)


def forget_in_view(world: World) -> None:
    """Units are about to move (the start of a tick): the list no longer holds."""
    world.caches.pop(_KEY, None)


def insurgents_in_view(world: World) -> list[Unit] | None:
    """Vision's list of the insurgents on seen tiles (id order; check life and hiding),
    or None when it cannot be trusted and the caller must look at every unit."""
    kept = world.caches.get(_KEY)
    if kept is None or kept[0] != len(world.units):
        return None
    seen = world.seen_now
    if kept[1].shape != seen.shape or not np.array_equal(kept[1], seen):
        return None
    return kept[2]
