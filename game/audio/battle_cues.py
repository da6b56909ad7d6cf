"""Which sounds a tick of battle calls for, each placed by game/audio/placement.py from
where it happens relative to the view.  Positions are in tiles.

    a shot         the weapon's own report (game/audio/weapons.py), its muffled distant
                   version well off-screen, a ricochet on some misses
    a radio line   the squelch, in the ear (not placed), ahead of anything else that tick
    a contact      the roger beep
    a door         the door opening, where it is (a forced lock: game/audio/field_cues.py)
    a walker       one footfall every STEP_EVERY ticks on the surface under it
    the strike     game/audio/cues.py
    grenades, the evac vehicles, a forced lock, a reload: game/audio/field_cues.py
"""

from __future__ import annotations

from game.audio.cues import Cue, strike_cues
from game.audio.field_cues import field_cues
from game.audio.placement import View, distance, place
from game.audio.surfaces import surface_at, surface_grid
from game.audio.weapons import FAR, report_for
from game.sim.events import CivilianFound, DoorOpened, EnemySpotted, RadioMessage, ShotFired
from game.sim.geometry import SUB
from game.sim.kinds import Life, Side
from game.sim.queries import in_squad_sight

FAR_SHOT = 1.5  # half views: a shot further out is heard as its distant version
STEP_EVERY = 10  # ticks between one walker's footfalls (three a second)
STEP_REACH = 1.6  # half views: a step is heard near the screen, not across the map
SHOT_LEVEL = {"sniper": 0.9, "marksman": 0.8, "lmg": 0.55, "smg": 0.5}
DEFAULT_SHOT_LEVEL = 0.6
AUDIBLE = 0.02  # quieter than this is not worth a voice
RADIO_LEVEL, BEEP_LEVEL, DOOR_LEVEL = 0.45, 0.5, 0.7


def battle_cues(events: list, world, view: View, surfaces=None) -> list[Cue]:
    """Sounds for a tick's events, plus the footfalls of those walking where the player
    can see them.  `surfaces`: the map's surface_grid, cached by the caller."""
    cues: list[Cue] = []
    for event in events:
        cues += event_cues(event, view)
    cues += strike_cues(events, view)
    cues += field_cues(events, world, view)
    if surfaces is None:
        surfaces = surface_grid(world.scenario)
    cues += footstep_cues(world, view, surfaces)
    return cues


def event_cues(event, view: View) -> list[Cue]:
    if isinstance(event, ShotFired):
        x, y = event.x0 / SUB, event.y0 / SUB
        name = report_for(event.weapon, far=distance(x, y, view) > FAR_SHOT)
        level = SHOT_LEVEL.get(name.removesuffix(FAR), DEFAULT_SHOT_LEVEL)
        cues = _placed(name, x, y, view, level)
        # misses sometimes glance off stone; decided from the shot itself (no rng)
        if not event.hit and (event.x1 // 8 + event.y1 // 8) % 3 == 0:
            cues += _placed("ricochet", event.x1 / SUB, event.y1 / SUB, view, 0.5)
        return cues
    if isinstance(event, RadioMessage):
        return [("squelch", RADIO_LEVEL, 0.0)]
    if isinstance(event, EnemySpotted | CivilianFound):
        return [("beep", BEEP_LEVEL, 0.0)]
    if isinstance(event, DoorOpened) and not event.forced:
        return _placed("door", event.x + 0.5, event.y + 0.5, view, DOOR_LEVEL)
    return []


def footstep_cues(world, view: View, surfaces) -> list[Cue]:
    """A footfall for each walker whose turn it is (staggered by id so a squad does not
    march in step), on the surface under it."""
    cues: list[Cue] = []
    tick = world.tick
    for unit in world.units.values():
        if (tick + unit.id * 3) % STEP_EVERY or unit.activity != "moving" \
                or unit.life != Life.ACTIVE:
            continue
        if unit.side != Side.SQUAD and not in_squad_sight(world, unit):
            continue  # only what the player can see walks audibly
        name = "step_" + surface_at(surfaces, world.terrain, unit.x // SUB, unit.y // SUB)
        cues += _placed(name, unit.x / SUB, unit.y / SUB, view, 0.35, STEP_REACH)
    return cues


def _placed(name: str, x: float, y: float, view: View, level: float,
            reach: float | None = None) -> list[Cue]:
    volume, pan = place(x, y, view) if reach is None else place(x, y, view, reach)
    volume *= level
    return [(name, volume, pan)] if volume > AUDIBLE else []
