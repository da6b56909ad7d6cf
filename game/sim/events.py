"""What happened during a tick, past tense, plain data. The front end, audio and stats
consume these; the simulation never reads them back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.sim.records import Registry

EVENTS = Registry("event")


@EVENTS.register
@dataclass(frozen=True)
class CommandRefused:
    command: str
    reason: str
    unit_id: int = 0


@EVENTS.register
@dataclass(frozen=True)
class ShotFired:
    shooter_id: int
    target_id: int  # 0 when firing at the ground
    x0: int
    y0: int
    x1: int  # where the bullet stopped (sub units)
    y1: int
    hit: bool
    weapon: str


@EVENTS.register
@dataclass(frozen=True)
class ReloadStarted:
    unit_id: int


@EVENTS.register
@dataclass(frozen=True)
class UnitDamaged:
    unit_id: int
    amount: int
    hp: int
    source_id: int = 0


@EVENTS.register
@dataclass(frozen=True)
class UnitDowned:
    unit_id: int


@EVENTS.register
@dataclass(frozen=True)
class UnitKilled:
    unit_id: int
    source_id: int = 0


@EVENTS.register
@dataclass(frozen=True)
class UnitRevived:
    unit_id: int


@EVENTS.register
@dataclass(frozen=True)
class EnemySpotted:
    """The squad first sees an insurgent."""

    unit_id: int
    spotter_id: int


@EVENTS.register
@dataclass(frozen=True)
class CivilianFound:
    unit_id: int
    finder_id: int


@EVENTS.register
@dataclass(frozen=True)
class CivilianRescued:
    unit_id: int


@EVENTS.register
@dataclass(frozen=True)
class SquadExtracted:
    unit_id: int


@EVENTS.register
@dataclass(frozen=True)
class DoorOpened:
    x: int
    y: int
    unit_id: int
    forced: bool = False  # a lock forced open (interactions.py), not a door walked through


@EVENTS.register
@dataclass(frozen=True)
class RadioMessage:
    speaker: str
    text: str


@EVENTS.register
@dataclass(frozen=True)
class TriggerFired:
    group: str
    unit_id: int


@EVENTS.register
@dataclass(frozen=True)
class MissionEnded:
    outcome: str  # "victory" | "defeat"
    reason: str


@EVENTS.register
@dataclass(frozen=True)
class StrikeRequested:
    """Falcon-2 accepted a call; it lands at impact_tick."""

    strike_id: int
    x: int  # target tile
    y: int
    radius_sub: int  # blast radius in sub units
    impact_tick: int
    heading: int  # the jet's run-in direction, degrees
    danger_close: bool
    caller_id: int


@EVENTS.register
@dataclass(frozen=True)
class DangerCloseWarning:
    """A strike was confirmed with friendlies or survivors inside the blast."""

    strike_id: int
    unit_ids: tuple[int, ...]


@EVENTS.register
@dataclass(frozen=True)
class StrikeInbound:
    """The jet begins its pass over the target: the shadow and streak cross now."""

    strike_id: int
    x: int
    y: int
    heading: int
    impact_tick: int


@EVENTS.register
@dataclass(frozen=True)
class StrikeImpact:
    strike_id: int
    x: int  # target tile
    y: int
    radius_sub: int
    casualties: int  # units downed or killed by the blast
    tiles_destroyed: int


@EVENTS.register
@dataclass(frozen=True)
class GunRunRequested:
    """Falcon-2 accepted a gun run on the line (x0, y0)-(x1, y1); it lands at impact_tick."""

    strike_id: int
    x0: int  # tiles
    y0: int
    x1: int
    y1: int
    impact_tick: int
    danger_close: bool
    caller_id: int


@EVENTS.register
@dataclass(frozen=True)
class GunRunImpact:
    """The strafe walked the line from (x0, y0) to (x1, y1)."""

    strike_id: int
    x0: int
    y0: int
    x1: int
    y1: int
    casualties: int  # units downed or killed by the guns


@EVENTS.register
@dataclass(frozen=True)
class EvacCalled:
    """The vehicles are on their way; they reach the zone at arrive_tick (evac.py)."""

    caller_id: int
    arrive_tick: int


@EVENTS.register
@dataclass(frozen=True)
class GrenadeThrown:
    """A hand grenade left the thrower's hand: it flies from (x0, y0) to (x1, y1) (sub
    units), lands at land_tick and bursts at burst_tick."""

    grenade_id: int
    thrower_id: int
    x0: int
    y0: int
    x1: int
    y1: int
    land_tick: int
    burst_tick: int
    radius_sub: int


@EVENTS.register
@dataclass(frozen=True)
class EvacArrived:
    """The vehicles stand at the zone's edge (tile x, y) until leave_tick at the latest."""

    x: int
    y: int
    leave_tick: int


@EVENTS.register
@dataclass(frozen=True)
class GrenadeLanded:
    """A grenade came to rest at (x, y) (sub units): its danger ring is live."""

    grenade_id: int
    x: int
    y: int
    burst_tick: int
    radius_sub: int
    seen: bool  # the squad saw it land: the ring is on the player's map


@EVENTS.register
@dataclass(frozen=True)
class EvacDeparted:
    """The vehicles left with these aboard: survivors saved and squad members out."""

    survivors: int
    squad: int


@EVENTS.register
@dataclass(frozen=True)
class GrenadeExploded:
    grenade_id: int
    x: int  # sub units
    y: int
    radius_sub: int
    casualties: int  # units downed or killed by it


@EVENTS.register
@dataclass(frozen=True)
class GroupBroken:
    """An insurgent group lost most of its members and falls back."""

    group: str


@EVENTS.register
@dataclass(frozen=True)
class NoiseMade:
    """Something loud enough for insurgents to hear (a shot, a door, a blast)."""

    x: int  # tile
    y: int
    radius_tiles: int
    source_id: int
    kind: str  # "shot" | "door" | "blast" | "shout"


@EVENTS.register
@dataclass(frozen=True)
class InsurgentAlerted:
    """An insurgent's alert rose: yellow (heard something), red (knows of you), black."""

    unit_id: int
    level: str
    cause: str  # "noise" | "shout" | "sight" | "ambush" | "hit"
    x: int = 0  # tile it now cares about
    y: int = 0


@EVENTS.register
@dataclass(frozen=True)
class TargetDetected:
    """An insurgent's detection meter on a target filled: it knows exactly where it is."""

    unit_id: int
    target_id: int


@EVENTS.register
@dataclass(frozen=True)
class Suppressed:
    """Fire landing close pinned a unit: its aim suffers for a while."""

    unit_id: int
    source_id: int


@EVENTS.register
@dataclass(frozen=True)
class SurvivorPanicked:
    unit_id: int
    fleeing: bool  # running for cover; False: dropped where it stood


@EVENTS.register
@dataclass(frozen=True)
class SurvivorCalmed:
    unit_id: int


@EVENTS.register
@dataclass(frozen=True)
class UnitCarried:
    carrier_id: int
    unit_id: int


@EVENTS.register
@dataclass(frozen=True)
class UnitPutDown:
    carrier_id: int
    unit_id: int


@EVENTS.register
@dataclass(frozen=True)
class UnitStabilised:
    """The bleeding stopped (first aid, no kit); a downed unit stays down."""

    unit_id: int
    medic_id: int


@EVENTS.register
@dataclass(frozen=True)
class UnitHealed:
    """Hana's full treatment with a kit: bleeding stopped, HP restored, back on their feet."""

    unit_id: int
    medic_id: int
    medkits_left: int


@EVENTS.register
@dataclass(frozen=True)
class CrateDelivered:
    crate_id: int
    unit_id: int
    kind: str


@EVENTS.register
@dataclass(frozen=True)
class ObjectiveComplete:
    """Enough survivors out and the required crates delivered: the squad can leave."""

    rescued: int


def event_to_dict(event: Any) -> dict[str, Any]:
    return EVENTS.to_dict(event)


def event_from_dict(data: dict[str, Any]) -> Any:
    return EVENTS.from_dict(data)
