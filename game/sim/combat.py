"""fire_weapons: hitscan shots whose odds fall with range, cover and movement."""

from __future__ import annotations

import math

from game.sim.catalog import WeaponType
from game.sim.events import ReloadStarted, ShotFired
from game.sim.facts import Shot, TickFacts
from game.sim.geometry import SUB, angle_deg, centre_of
from game.sim.health import apply_damage
from game.sim.kinds import Roe, Side
from game.sim.noise import shot_noise
from game.sim.queries import Eyes, can_shoot, cover_between, hit_chance
from game.sim.sight import first_blocked
from game.sim.units import ACTIVE, DOWNED, Unit
from game.sim.world import World

MISS_SPREAD_SUB = SUB  # a miss ends within a tile of its target, each way
# the odds and the line of fire live in queries.py, so the hover preview asks the very
# function a shot rolls against; they are imported here for the rules that fire
__all__ = ["can_see", "can_shoot", "cover_between", "fire_weapons", "hit_chance", "miss_point",
           "sees_unit"]


def can_see(world: World, viewer: Unit, target: Unit) -> bool:
    """Sight by the same rules the squad's fog uses: range, facing cone, opaque tiles
    (queries.sees_tile on the target's tile, which the exposure overlay shows)."""
    return sees_unit(Eyes(world, viewer), target)


def sees_unit(eyes: Eyes, target: Unit) -> bool:
    """can_see with the viewer's Eyes (queries.Eyes) already at hand: for a viewer
    looking at several units while nothing moves."""
    if target.life not in _ALIVE:
        return False
    return eyes.sees(target.x // SUB, target.y // SUB)


_ALIVE = frozenset((ACTIVE, DOWNED))


def fire_weapons(world: World, events: list, facts: TickFacts) -> None:
    weapons: dict[str, WeaponType | None] = {}  # unit.weapon by kind: asked of every unit
    # those with something to count down, aim at, fire at or stand down from, in id order
    # (a few of two hundred). Nothing below gives an insurgent or a survivor any of that
    # (the squad is always taken); a round may take a unit off its feet before its turn.
    for unit in [u for u in world.units.values() if u.life == ACTIVE and not u.hidden and (
            u.target_id or u.cooldown or u.reload_left or u.side == _SQUAD
            or u.ground_target is not None or u.activity in _AIMING)]:
        if unit.life != ACTIVE:
            continue  # shot down by a unit before it this tick
        kind = unit.kind
        weapon = weapons[kind] if kind in weapons else weapons.setdefault(kind, unit.weapon)
        if weapon is None:
            continue
        if unit.cooldown > 0:
            unit.cooldown -= 1
        if unit.reload_left > 0:
            unit.reload_left -= 1
            if unit.reload_left == 0:
                unit.ammo = weapon.magazine
                unit.activity = "idle" if not unit.path else "moving"
            continue
        # a squad member on hold fire never fires, whatever its orders or who fires on
        # it (return fire is a matter of choosing targets: pursuit.acquire_targets)
        if unit.side == _SQUAD and unit.squad.roe == _HOLD_FIRE:
            unit.target_id, unit.ground_target, unit.aim_target = 0, None, 0
        if unit.target_id:
            _engage(world, unit, weapon, events, facts)
        elif unit.ground_target is not None:
            _suppress(world, unit, unit.ground_target, weapon, events, facts)
        if not unit.target_id and unit.ground_target is None and unit.activity in _AIMING:
            _stand_down(unit)


_SQUAD, _INSURGENT, _HOLD_FIRE = Side.SQUAD, Side.INSURGENT, Roe.HOLD_FIRE  # enum members
# are slow to look up on their class (its metaclass has __getattr__)
_AIMING = frozenset(("firing", "aiming"))


def _stand_down(unit: Unit) -> None:
    """Nothing left to shoot at: "firing" and "aiming" end now, however the target went
    (dropped out of sight, an order, another system clearing it)."""
    if unit.activity in _AIMING:
        unit.activity = "moving" if unit.path else "idle"


def _engage(
    world: World, unit: Unit, weapon: WeaponType, events: list, facts: TickFacts
) -> None:
    target = world.units.get(unit.target_id)
    # gone, dead, or down (insurgents do not shoot the downed), in one test
    if target is None or target.life != ACTIVE and (
            target.life != DOWNED or unit.side == _INSURGENT):
        unit.target_id = 0
        unit.aim_left = 0
        if unit.activity in _AIMING:
            unit.activity = "idle"
        return
    if not can_shoot(world, unit, target):
        if unit.activity in _AIMING:
            unit.activity = "idle"
        unit.aim_target = 0  # an aimed weapon must aim afresh once the line is broken
        return
    unit.facing = angle_deg(target.x - unit.x, target.y - unit.y)
    if unit.aim_target != target.id:
        unit.aim_target = target.id
        unit.aim_left = weapon.aim_time
    if unit.aim_left > 0:
        unit.aim_left -= 1
        unit.activity = "aiming"
        return
    if unit.cooldown > 0:
        return
    if unit.ammo <= 0:
        _start_reload(unit, weapon, events)
        return
    _shoot(world, unit, target, weapon, events, facts)


def _suppress(
    world: World, unit: Unit, ground: tuple[int, int], weapon: WeaponType, events: list,
    facts: TickFacts,
) -> None:
    gx, gy = ground
    sx, sy = unit.tile
    if math.hypot(gx - sx, gy - sy) > weapon.range_tiles:
        unit.ground_target = None
        return
    unit.facing = angle_deg(centre_of(gx) - unit.x, centre_of(gy) - unit.y)
    if unit.cooldown > 0:
        return
    if unit.ammo <= 0:
        _start_reload(unit, weapon, events)
        return
    blocked = first_blocked(world.terrain.opaque, sx, sy, gx, gy)
    ex, ey = (gx, gy) if blocked is None else blocked
    unit.ammo -= 1
    unit.cooldown = weapon.cooldown
    unit.activity = "firing"
    world.stats.shots += unit.side == Side.SQUAD
    end = (centre_of(ex), centre_of(ey))
    _record_shot(events, facts, Shot(unit.id, 0, (unit.x, unit.y), end, end, False, weapon.name),
                 weapon)


def _start_reload(unit: Unit, weapon: WeaponType, events: list) -> None:
    unit.reload_left = weapon.reload
    unit.aim_target = 0  # after reloading, an aimed weapon shows its aim again
    unit.activity = "reloading"
    events.append(ReloadStarted(unit.id))


def _record_shot(events: list, facts: TickFacts, shot: Shot, weapon: WeaponType) -> None:
    """The shot for the front end (an event) and for the rules later this tick (facts)."""
    (x0, y0), (x1, y1) = shot.muzzle, shot.end
    events.append(ShotFired(shot.shooter_id, shot.target_id, x0, y0, x1, y1, shot.hit,
                            shot.weapon))
    facts.shots.append(shot)
    facts.make_noise(shot_noise(shot.shooter_id, x0, y0, weapon))


def _shoot(
    world: World, unit: Unit, target: Unit, weapon: WeaponType, events: list, facts: TickFacts
) -> None:
    unit.ammo -= 1
    unit.cooldown = weapon.cooldown
    unit.activity = "firing"
    chance = hit_chance(world, unit, target, weapon)
    hit = bool(world.rng.random() < chance)
    if unit.side == Side.SQUAD:
        world.stats.shots += 1
        world.stats.hits += hit
    if hit:
        end_x, end_y = target.x, target.y
    else:
        # a miss lands beside the target, within a tile. Where it lands is a rule (fire landing
        # close pins units down, suppression.py), so the rules' generator decides it
        end_x, end_y = miss_point(world, target)
    shot = Shot(unit.id, target.id, (unit.x, unit.y), (target.x, target.y), (end_x, end_y), hit,
                weapon.name)
    _record_shot(events, facts, shot, weapon)
    if weapon.aim_time:
        unit.aim_target = 0  # every aimed shot shows its aiming first: fair warning
    _turn_toward_fire(target, unit)
    if hit:
        spread = max(1, weapon.damage // 4)
        damage = weapon.damage + int(world.rng.integers(-spread, spread + 1))
        apply_damage(world, target, damage, unit.id, events, facts, bleed_chance=0.35)


def miss_point(world: World, target: Unit) -> tuple[int, int]:
    """Where a missed round ends (sub units): up to MISS_SPREAD_SUB off the target each way."""
    dx, dy = world.rng.integers(-MISS_SPREAD_SUB, MISS_SPREAD_SUB + 1, size=2)
    return target.x + int(dx), target.y + int(dy)


def _turn_toward_fire(target: Unit, shooter: Unit) -> None:
    """A squad member shot at from outside their cone looks toward the shooter, as a
    person would; the fog then shows the shooter and fire at will takes over."""
    if target.side != Side.SQUAD or not target.active or target.target_id:
        return
    if target.activity in ("healing", "working"):
        return
    target.facing = angle_deg(shooter.x - target.x, shooter.y - target.y)

