"""Which units the player may see: the fog of war applied to units (read-only)."""

from __future__ import annotations

from game.sim.geometry import SUB
from game.sim.units import Unit

DRAWN_LIVES = ("active", "downed", "dead")


def seen_now_at(world, unit: Unit) -> bool:
    tx, ty = unit.x // SUB, unit.y // SUB
    h, w = world.seen_now.shape
    return 0 <= tx < w and 0 <= ty < h and bool(world.seen_now[ty, tx])


def player_sees(world, unit: Unit) -> bool:
    """Squad always; insurgents only where the squad sees them now; survivors once found
    or while in sight.  Hidden units (ambushers, survivors in hiding) never show."""
    if unit.life not in DRAWN_LIVES:
        return False
    if unit.side == "squad":
        return True
    if unit.hidden:
        return False
    if unit.side == "civilian" and unit.found:
        return True
    return seen_now_at(world, unit)


def visible_units(world) -> list[Unit]:
    """Every unit player_sees, in id order: one pass a frame shared by the sprites, the
    alert marks and the minimap.  Same rules as player_sees, inlined because a crowded
    frame asks about hundreds of units."""
    seen = world.seen_now
    h, w = seen.shape
    shown = []
    for unit in world.units.values():
        if unit.life not in DRAWN_LIVES:
            continue
        side = unit.side
        if side != "squad":
            if unit.hidden:
                continue
            if not (side == "civilian" and unit.found):
                tx, ty = unit.x // SUB, unit.y // SUB
                if not (0 <= tx < w and 0 <= ty < h and seen[ty, tx]):
                    continue
        shown.append(unit)
    return shown
