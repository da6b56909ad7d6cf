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


def event_to_dict(event: Any) -> dict[str, Any]:
    return EVENTS.to_dict(event)


def event_from_dict(data: dict[str, Any]) -> Any:
    return EVENTS.from_dict(data)
