"""Garbage collection paced a tick at a time, so no tick pays for a hundred.

The gc starts a young collection when more tracked objects were made than freed since the
last one, but tuples reused from CPython's free lists are not counted: the caches a battle
fills (routes, fields of fire, views) grow for many ticks without one, and the young
collection that finally runs looks at all of them at once (1-3 ms inside one tick on the
200-insurgent benchmark). Collecting the young generation after every tick looks at each
new object once, as before, a tick's worth at a time (~0.01 ms a tick, at most ~0.15 ms);
the middle one is collected every OLDER_EVERY ticks so it never grows large either.
"""

from __future__ import annotations

import gc

OLDER_EVERY = 10  # ticks between collections of the middle generation


def collect_after_tick(ticks_run: int) -> None:
    """The collections due once the world has run `ticks_run` ticks (world.tick after the
    step); none while the gc is switched off."""
    if gc.isenabled():
        gc.collect(0 if ticks_run % OLDER_EVERY else 1)
