"""The player's mouse and keys turned into selection changes and sim commands.

Pure functions over the world, the camera and the selection, so tests can drive them.
The simulation spreads a group sent to one tile over the nearby open tiles, so a group
move is a single Move to the clicked tile.
"""

from __future__ import annotations

import pygame

from game.render.camera import PX_PER_SUB, Camera
from game.render.sprites import interpolated
from game.render.visibility import player_sees
from game.sim import commands as c
from game.sim.catalog import SQUAD_ORDER, TICK_HZ
from game.sim.queries import can_be_carried, gives_full_treatment, needs_care, survivors_to_gather
from game.sim.strikes import zone_at
from game.sim.units import Unit
from game.ui.door_orders import door_orders

PICK_RADIUS_TILES = 0.55


def screen_pos(camera: Camera, unit: Unit, alpha: float) -> tuple[int, int]:
    x, y = interpolated(unit, alpha)
    return camera.world_to_screen(x * PX_PER_SUB, y * PX_PER_SUB)


def unit_at(world, camera: Camera, sx: int, sy: int, alpha: float = 1.0) -> Unit | None:
    """The visible unit nearest the cursor within reach; the living before the dead."""
    reach = PICK_RADIUS_TILES * camera.tile_px
    best: tuple[int, float, int] | None = None
    found = None
    for uid in sorted(world.units):
        unit = world.units[uid]
        if not player_sees(world, unit):
            continue
        ux, uy = screen_pos(camera, unit, alpha)
        d = ((ux - sx) ** 2 + (uy - sy) ** 2) ** 0.5
        if d <= reach:
            key = (unit.life == "dead", d, uid)
            if best is None or key < best:
                best, found = key, unit
    return found


def selectable(world, unit: Unit) -> bool:
    if unit.life not in ("active", "downed"):
        return False
    if unit.side == "squad":
        return True
    return unit.side == "civilian" and unit.survivor.found and player_sees(world, unit)


def box_select(world, camera: Camera, rect: pygame.Rect, alpha: float = 1.0) -> set[int]:
    """Squad members inside the box; found survivors only when no squad member is."""
    rect = rect.copy()
    rect.normalize()
    inside = [
        u for u in world.units.values()
        if selectable(world, u) and rect.collidepoint(screen_pos(camera, u, alpha))
    ]
    squad = {u.id for u in inside if u.side == "squad"}
    return squad or {u.id for u in inside}


def squad_member(world, index: int) -> Unit | None:
    """Hotkeys 1-4: Rafiq, Hana, Maaz, Rima."""
    if not 0 <= index < len(SQUAD_ORDER):
        return None
    kind = SQUAD_ORDER[index]
    for uid in sorted(world.units):
        unit = world.units[uid]
        if unit.kind == kind and unit.side == "squad" and unit.life in ("active", "downed"):
            return unit
    return None


def right_click(world, selected: set[int], target: Unit | None, tile: tuple[int, int],
                queue: bool) -> list:
    """What a right-click means for the current selection."""
    units = [world.units[i] for i in sorted(selected) if i in world.units]
    squad = [u for u in units if u.side == "squad" and u.life == "active"]
    civilians = [u for u in units if u.side == "civilian" and u.life == "active"]
    commands: list = []
    if civilians and target is not None and target.side == "squad" and target.life == "active":
        commands.append(c.Follow(tuple(u.id for u in civilians), target.id))
        return commands
    if not squad:
        return commands
    ids = tuple(u.id for u in squad)
    if target is not None and target.side == "insurgent" and target.alive:
        return [c.Attack(ids, target.id)]
    if target is not None and needs_care(target):
        medics = [u for u in squad if gives_full_treatment(u) and u.id != target.id]
        if medics:
            commands.append(c.Heal(medics[0].id, target.id))
            ids = tuple(i for i in ids if i != medics[0].id)
            if not ids:
                return commands
        elif can_be_carried(target):
            carrier = next((u for u in squad if not u.carrying and u.id != target.id), None)
            if carrier is not None:
                return [c.Carry(carrier.id, target.id)]
    if world.terrain.in_bounds(*tile) and world.terrain.locked[tile[1], tile[0]]:
        breach = door_orders(world, squad, tile)  # Maaz opens, the rest take cover
        if breach:
            return breach
    if _free_crate_at(world, tile):
        carrier = squad[0]
        commands.append(c.Interact(carrier.id, tile[0], tile[1]))
        ids = tuple(i for i in ids if i != carrier.id)
        if not ids:
            return commands
    commands.append(c.Move(ids, tile[0], tile[1], queue))
    return commands


def strike_zone_warning(world, commands: list) -> str:
    """What to tell the player when a move order sends ours into a zone Falcon-2 is about
    to hit ("" when none does): the order stands, the player may mean it."""
    for cmd in commands:
        zone = zone_at(world, cmd.x, cmd.y) if isinstance(cmd, c.Move) else None
        if zone is not None:
            seconds = max(0, zone[3] - world.tick) / TICK_HZ
            return f"That is Falcon-2's marked zone: impact in {seconds:.0f} s"
    return ""


def put_down(world, selected: set[int]) -> list:
    """Set down whoever or whatever the selected members carry (a crate where they stand)."""
    commands: list = []
    for uid in sorted(selected):
        unit = world.units.get(uid)
        if unit is None or unit.side != "squad" or not unit.carrying:
            continue
        if unit.carrying in world.units:
            commands.append(c.Carry(uid, 0))
        else:
            commands.append(c.Interact(uid, *unit.tile))
    return commands


def _free_crate_at(world, tile: tuple[int, int]) -> bool:
    from game.sim.geometry import SUB

    return any(
        not cr.carrier_id and not cr.delivered and (cr.x // SUB, cr.y // SUB) == tile
        for cr in world.crates.values()
    )


def gather(world, selected: set[int]) -> list:
    """A gather for each selected member with survivors to take near them; when none has,
    for all of them, so the refusal says why."""
    members = [world.units[uid] for uid in sorted(selected)
               if uid in world.units and world.units[uid].side == "squad"
               and world.units[uid].life == "active"]
    near = [m for m in members if survivors_to_gather(world, m)]
    return [c.Gather(m.id) for m in near or members]


def stop(world, selected: set[int]) -> list:
    ids = tuple(u for u in sorted(selected) if u in world.units
                and world.units[u].side == "squad")
    return [c.Stop(ids)] if ids else []
