"""Orders as plain data: the player, the AI, replays and tests all speak these.

Tile coordinates are whole tiles.  A command that cannot be carried out is refused with a
CommandRefused event, never an exception.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.sim.catalog import TICK_HZ
from game.sim.records import RecordError, Registry

COMMANDS = Registry("command")
MAX_TICK = TICK_HZ * 60 * 60 * 4  # four hours of play: no mission, replay or file is longer


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
class ThrowGrenade:
    """The unit throws a hand grenade at tile (x, y) (grenades.py); the squad's throw with
    friendlies or found survivors inside the ring needs the danger-close confirmation."""

    unit_id: int
    x: int
    y: int
    confirm_danger_close: bool = False


@COMMANDS.register
@dataclass(frozen=True)
class Carry:
    """Pick up a found survivor or a downed squad member (target_id 0: put them down)."""

    unit_id: int
    target_id: int


@COMMANDS.register
@dataclass(frozen=True)
class SetRoe:
    """Rules of engagement for squad members: "fire_at_will", "return_fire" or
    "hold_fire" (kinds.Roe)."""

    unit_ids: tuple[int, ...]
    roe: str


@COMMANDS.register
@dataclass(frozen=True)
class HoldPosition:
    """Squad members hold where they stand (hold=False releases them; so does a Move)."""

    unit_ids: tuple[int, ...]
    hold: bool = True


def command_to_dict(command: Any) -> dict[str, Any]:
    return COMMANDS.to_dict(command)


def command_from_dict(data: Any) -> Any:
    """A command from its JSON form; RecordError (a ValueError) naming the bad field."""
    return COMMANDS.from_dict(data)


@dataclass(frozen=True)
class CommandLine:
    """One line of a commands file, a replay or a quicksave's record: an order and the
    tick it was given on."""

    tick: int
    command: Any

    def as_dict(self) -> dict[str, Any]:
        return {"tick": self.tick, "command": command_to_dict(self.command)}


def command_line_from_dict(data: Any) -> CommandLine:
    """A {"tick": N, "command": {...}} line, every field checked; RecordError if not."""
    if not isinstance(data, dict):
        raise RecordError("expected a JSON object with \"tick\" and \"command\"")
    unknown = sorted(str(k)[:40] for k in data if k not in ("tick", "command"))
    if unknown:
        raise RecordError(f"unknown field {unknown[0]!r} (a line has tick and command)")
    if "tick" not in data or "command" not in data:
        raise RecordError("a line needs both \"tick\" and \"command\"")
    tick = data["tick"]
    if not isinstance(tick, int) or isinstance(tick, bool) or not 0 <= tick <= MAX_TICK:
        raise RecordError(f"tick must be a whole number from 0 to {MAX_TICK}")
    return CommandLine(tick, command_from_dict(data["command"]))
