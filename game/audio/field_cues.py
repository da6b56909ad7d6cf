"""Cues for grenades, the evac vehicles, a forced lock and a reload, each placed by
game/audio/placement.py like every other sound (positions in tiles).

    a throw        grenade_throw at the thrower, when the player sees the thrower
    a landing      grenade_land where it comes to rest (a clatter nearby is heard even
                   unseen: the warning the "Grenade!" shout then names)
    a burst        grenade_blast, carrying further than a shot
    the vehicles   trucks_arrive started ARRIVE_LEAD_S before they reach the zone (its
                   brakes hiss as they stop), trucks_leave as they roll out
    a forced lock  door_forced where Maaz opened it
    a reload       reload, for a unit the player sees, near the screen
"""

from __future__ import annotations

from game.audio.cues import Cue
from game.audio.field_sounds import ARRIVE_LEAD_S
from game.audio.placement import View, place
from game.sim.catalog import TICK_HZ
from game.sim.evac import zone_edge_tile
from game.sim.events import (
    DoorOpened,
    EvacDeparted,
    GrenadeExploded,
    GrenadeLanded,
    GrenadeThrown,
    ReloadStarted,
)
from game.sim.geometry import SUB
from game.sim.queries import player_sees

# name: (reach in half views, loudness at the middle)
FIELD_LEVELS = {"grenade_throw": (2.0, 0.45), "grenade_land": (2.5, 0.7),
                "grenade_blast": (8.0, 0.95), "trucks_arrive": (10.0, 0.8),
                "trucks_leave": (10.0, 0.8), "door_forced": (4.0, 0.8),
                "reload": (1.6, 0.35)}
AUDIBLE = 0.02
ARRIVE_LEAD_TICKS = round(ARRIVE_LEAD_S * TICK_HZ)


def field_cues(events: list, world, view: View) -> list[Cue]:
    """This tick's grenade, vehicle, lock and reload sounds."""
    cues: list[Cue] = []
    for event in events:
        cues += _event_cue(event, world, view)
    evac = world.evac  # world.tick is the next tick: the arrival comes out of arrive_tick's
    if not evac.arrived and evac.arrive_tick >= 0 \
            and world.tick == evac.arrive_tick + 1 - ARRIVE_LEAD_TICKS:
        cues += _at("trucks_arrive", *_zone(world), view)
    return cues


def _event_cue(event, world, view: View) -> list[Cue]:
    if isinstance(event, GrenadeThrown):
        thrower = world.units.get(event.thrower_id)
        if thrower is None or not player_sees(world, thrower):
            return []
        return _at("grenade_throw", event.x0 / SUB, event.y0 / SUB, view)
    if isinstance(event, GrenadeLanded):
        return _at("grenade_land", event.x / SUB, event.y / SUB, view)
    if isinstance(event, GrenadeExploded):
        return _at("grenade_blast", event.x / SUB, event.y / SUB, view)
    if isinstance(event, EvacDeparted):
        return _at("trucks_leave", *_zone(world), view)
    if isinstance(event, DoorOpened) and event.forced:
        return _at("door_forced", event.x + 0.5, event.y + 0.5, view)
    if isinstance(event, ReloadStarted):
        unit = world.units.get(event.unit_id)
        if unit is None or not player_sees(world, unit):
            return []
        return _at("reload", unit.x / SUB, unit.y / SUB, view)
    return []


def _zone(world) -> tuple[float, float]:
    x, y = zone_edge_tile(world)
    return x + 0.5, y + 0.5


def _at(name: str, x: float, y: float, view: View) -> list[Cue]:
    reach, loudness = FIELD_LEVELS[name]
    volume, pan = place(x, y, view, reach)
    volume *= loudness
    return [(name, volume, pan)] if volume > AUDIBLE else []
