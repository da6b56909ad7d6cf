"""Orders as plain data: the player, the AI, replays and tests all speak these.

Tile coordinates are whole tiles.  A command that cannot be carried out is refused with a
CommandRefused event, never an exception.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.sim.records import Registry

COMMANDS = Registry("command")


@COMMANDS.register
@dataclass(frozen=True)
class Move:
    unit_ids: tuple[int, ...]
    x: int
    y: int
    queue: bool = False  # add a waypoint after the current ones instead of replacing them


@COMMANDS.register
@dataclass(frozen=True)
class Stop:
    unit_ids: tuple[int, ...]


@COMMANDS.register
@dataclass(frozen=True)
class Attack:
    unit_ids: tuple[int, ...]
    target_id: int


@COMMANDS.register
@dataclass(frozen=True)
class AttackGround:
    """Fire at a place to pin whoever is there (suppression)."""

    unit_ids: tuple[int, ...]
    x: int
    y: int


@COMMANDS.register
@dataclass(frozen=True)
class Face:
    unit_ids: tuple[int, ...]
    angle: int  # degrees, 0 = east, 90 = south


@COMMANDS.register
@dataclass(frozen=True)
class Follow:
    """Assign civilians to follow a squad member."""

    unit_ids: tuple[int, ...]
    leader_id: int


@COMMANDS.register
@dataclass(frozen=True)
class Gather:
    """A squad member calls every found, unassigned civilian near it to follow."""

    leader_id: int


@COMMANDS.register
@dataclass(frozen=True)
class Heal:
    medic_id: int
    target_id: int


@COMMANDS.register
@dataclass(frozen=True)
class Interact:
    """Open/unlock a door, pick up or drop a crate: whatever is on that tile."""

    unit_id: int
    x: int
    y: int


@COMMANDS.register
@dataclass(frozen=True)
class CallStrike:
    x: int  # target tile
    y: int
    confirm_danger_close: bool = False


@COMMANDS.register
@dataclass(frozen=True)
class CallGunRun:
    """Falcon-2 strafes the line from tile (x0, y0) to (x1, y1); shares the strike charges."""

    x0: int
    y0: int
    x1: int
    y1: int
    confirm_danger_close: bool = False


@COMMANDS.register
@dataclass(frozen=True)
class CallEvac:
    """Call the vehicles to the extraction zone, on maps whose evac is "call" (evac.py)."""

    caller_id: int = 0  # the squad member on the radio; 0: whoever is standing


@COMMANDS.register
@dataclass(frozen=True)
class Carry:
    """Pick up a found survivor or a downed squad member (target_id 0: put them down)."""

    unit_id: int
    target_id: int


def command_to_dict(command: Any) -> dict[str, Any]:
    return COMMANDS.to_dict(command)


def command_from_dict(data: dict[str, Any]) -> Any:
    return COMMANDS.from_dict(data)
