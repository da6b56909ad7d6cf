"""Which sounds a tick of battle calls for, placed by where things happen relative to the
camera: louder near the middle of the view, quieter (then silent) far outside it, and
panned left/right.  Positions are in tiles."""

from __future__ import annotations

import math

from game.audio.cues import Cue, strike_cues
from game.sim.events import (
    CivilianFound,
    DoorOpened,
    EnemySpotted,
    RadioMessage,
    ShotFired,
)
from game.sim.geometry import SUB

HEARD_FROM = 4.0  # beyond this many half-views away a sound is not played
FOOTSTEP_EVERY = 12  # ticks between footstep sounds while the squad walks
SNIPER_WEAPONS = ("sniper", "marksman")


def spatial(x: float, y: float, view: tuple[float, float, float, float]) -> tuple[float, float]:
    """(volume 0..1, pan -1..1) for a sound at tile (x, y); view = (centre x, centre y,
    half width, half height) in tiles."""
    cx, cy, hw, hh = view
    hw, hh = max(hw, 1.0), max(hh, 1.0)
    # distance in "half views": 1 = at the edge of the screen
    d = math.hypot((x - cx) / hw, (y - cy) / hh)
    volume = 1.0 if d <= 1.0 else max(0.0, 1.0 / (d * d) - 1.0 / (HEARD_FROM * HEARD_FROM))
    pan = max(-1.0, min(1.0, (x - cx) / (hw * 1.5)))
    return volume, pan


def battle_cues(events: list, world, view: tuple[float, float, float, float]) -> list[Cue]:
    """Sounds for a tick's events, plus footsteps while squad members walk."""
    cues: list[Cue] = []

    def at(name: str, x: float, y: float, level: float) -> None:
        volume, pan = spatial(x, y, view)
        if volume * level > 0.02:
            cues.append((name, volume * level, pan))

    for event in events:
        if isinstance(event, ShotFired):
            sx, sy = event.x0 / SUB, event.y0 / SUB
            sniper = event.weapon in SNIPER_WEAPONS
            at("sniper" if sniper else "rifle", sx, sy, 0.9 if sniper else 0.6)
            # misses sometimes glance off stone; decided from the shot itself (no rng)
            if not event.hit and (event.x1 // 8 + event.y1 // 8) % 3 == 0:
                at("ricochet", event.x1 / SUB, event.y1 / SUB, 0.5)
        elif isinstance(event, RadioMessage) and event.speaker != "Falcon-2":
            cues.append(("squelch", 0.45, 0.0))
        elif isinstance(event, EnemySpotted | CivilianFound):
            cues.append(("beep", 0.5, 0.0))
        elif isinstance(event, DoorOpened):
            at("footsteps", event.x + 0.5, event.y + 0.5, 0.5)
    cues += strike_cues(events, view[0], view[2])
    if world.tick % FOOTSTEP_EVERY == 0:
        walking = [u for u in world.squad() if u.active and u.activity == "moving"]
        if walking:
            x = sum(u.x for u in walking) / len(walking) / SUB
            y = sum(u.y for u in walking) / len(walking) / SUB
            at("footsteps", x, y, min(0.5, 0.2 + 0.08 * len(walking)))
    return cues
