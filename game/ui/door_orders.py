"""A group order on a locked door: the engineer (catalog role flag) goes to open it and
everyone else takes cover beside it (queries.cover_beside_door), rather than standing
idle where they were or crowding the doorway."""

from __future__ import annotations

from game.sim import commands as c
from game.sim.kinds import Side
from game.sim.queries import can_open_locks, cover_beside_door
from game.sim.units import Unit


def door_orders(world, squad: list[Unit], door: tuple[int, int]) -> list:
    """Orders for the selected squad members on a locked door. With no engineer among
    them, the squad's engineer is sent anyway if they are on their feet."""
    engineer = next((u for u in squad if can_open_locks(u)), None)
    if engineer is None:
        engineer = next((u for u in world.units.values() if u.side == Side.SQUAD
                         and u.active and can_open_locks(u)), None)
    if engineer is None:
        return []
    commands: list = [c.Interact(engineer.id, door[0], door[1])]
    others = [u for u in squad if u.id != engineer.id]
    if not others:
        return commands
    cx = sum(u.tile[0] for u in others) // len(others)
    cy = sum(u.tile[1] for u in others) // len(others)
    spots = cover_beside_door(world, door, (cx, cy), len(others))
    for unit, spot in zip(others, spots, strict=False):
        commands.append(c.Move((unit.id,), spot[0], spot[1]))
    return commands
