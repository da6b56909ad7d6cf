"""Hand grenades: the throw, the flight, the fuse, the danger ring and the burst.

The design, in numbers (all tunable below):
- Anyone with grenades left (world.grenades_left, from the unit table; the map's
  `grenades` property sets the squad's) may throw one at a tile within THROW_RANGE_TILES,
  then not again for COOLDOWN_TICKS. A refusal is a CommandRefused with the reason
  ("no grenades left", "too far to throw", ...).
- The squad's throw with a standing member or a found survivor inside the ring is refused
  with a reason starting "danger close" unless the command confirms it (as for Falcon-2).
- The throw scatters by up to SCATTER of its length on each axis (the rules' rng: the only
  chance in it). It arcs over low cover but not through a wall: a wall on the way stops
  it, and it drops on the last open tile before the wall.
- It flies FLIGHT_TICKS + FLIGHT_PER_TILE per tile (a visible arc), lands, and bursts
  FUSE_TICKS later. From landing, its ring is live: the front end draws it where the
  squad knows of it (queries.known_grenades) and the AI steps out of it. When the squad
  sees one land near a member, that member shouts "Grenade!".
- The burst is a strike's delivery (strikes.deliver) with its own falloff,
  PEAK_DAMAGE * (1 - (d/R)^2), and the strike's wall shelter (strikes.wall_shelter; a
  grenade brings no wall down). Everyone within the radius plus SUPPRESS_EXTRA_TILES is
  pinned for PIN_TICKS; the noise carries NOISE_TILES; survivors near it panic (a Blast).
"""

from __future__ import annotations

import math

import numpy as np

from game.sim.catalog import TICK_HZ
from game.sim.commands import ThrowGrenade
from game.sim.events import GrenadeExploded, GrenadeLanded, GrenadeThrown, RadioMessage
from game.sim.facts import Blast, TickFacts
from game.sim.geometry import SUB, centre_of
from game.sim.kinds import Side
from game.sim.sight import line_tiles
from game.sim.strikes import (
    break_groups,
    danger_close_refusal,
    deliver,
    impact_felt,
    our_people,
    quadratic_falloff,
    wall_shelter,
)
from game.sim.units import Unit
from game.sim.world import Grenade, World

THROW_RANGE_TILES = 8.0
RADIUS_TILES = 2.5
PEAK_DAMAGE = 110  # a rifleman (80 HP) on top of it dies; one at the rim is grazed
FUSE_TICKS = 2 * TICK_HZ  # from landing to the burst: the time to get out of the ring
FLIGHT_TICKS = 8
FLIGHT_PER_TILE = 2
SCATTER = 0.12  # of the throw's length, on each axis
COOLDOWN_TICKS = 3 * TICK_HZ
SUPPRESS_EXTRA_TILES = 1.5
PIN_TICKS = 3 * TICK_HZ
NOISE_TILES = 18.0
WARN_TILES = RADIUS_TILES + 1.5  # a member this near a grenade seen landing shouts


# -- the throw ------------------------------------------------------------------------------
def request_throw(world: World, cmd: ThrowGrenade, events: list) -> str:
    """Throw (returns "") or say why not."""
    unit = world.units.get(cmd.unit_id)
    if unit is None or not unit.active or unit.side == Side.CIVILIAN:
        return "no one able to throw"
    if unit.carrying:
        return "hands full"
    if world.grenades_left.get(unit.id, 0) <= 0:
        return "no grenades left"
    if world.tick < world.grenade_ready.get(unit.id, 0):
        return "still getting the next grenade ready"
    if not world.terrain.in_bounds(cmd.x, cmd.y):
        return "outside the map"
    if not within_throw(unit, (cmd.x, cmd.y)):
        return "too far to throw"
    if unit.side == Side.SQUAD:
        at_risk = friendlies_in_ring(world, centre_of(cmd.x), centre_of(cmd.y))
        if at_risk and not cmd.confirm_danger_close:
            return danger_close_refusal(at_risk, "inside the grenade's ring")
    _throw(world, unit, cmd.x, cmd.y, events)
    return ""


def throw_distance(unit: Unit, tile: tuple[int, int]) -> float:
    """Tiles from the thrower to the centre of the aimed tile."""
    return math.hypot(centre_of(tile[0]) - unit.x, centre_of(tile[1]) - unit.y) / SUB


def within_throw(unit: Unit, tile: tuple[int, int]) -> bool:
    """Whether the unit can throw a grenade at the tile from where it stands (the aim
    screen asks the same question before it sends the throw)."""
    return throw_distance(unit, tile) <= THROW_RANGE_TILES


def friendlies_in_ring(world: World, x: int, y: int, radius: float = RADIUS_TILES) -> list[Unit]:
    """Squad members and found survivors within `radius` tiles of (x, y) (sub units)."""
    return [u for u in our_people(world) if math.hypot(u.x - x, u.y - y) / SUB <= radius]


def _throw(world: World, unit: Unit, tx: int, ty: int, events: list) -> None:
    x, y = landing_point(world, unit, tx, ty)
    flight = FLIGHT_TICKS + int(FLIGHT_PER_TILE * math.hypot(x - unit.x, y - unit.y) / SUB)
    world.grenades_thrown += 1
    land = world.tick + flight
    grenade = Grenade(
        id=world.grenades_thrown, thrower_id=unit.id, side=unit.side, x0=unit.x, y0=unit.y,
        x=x, y=y, thrown_tick=world.tick, land_tick=land, burst_tick=land + FUSE_TICKS,
        radius=RADIUS_TILES,
    )
    # the squad knows of its own grenades, and of one thrown from where it sees
    grenade.seen = unit.side == Side.SQUAD or _seen(world, unit.x, unit.y)
    world.grenades.append(grenade)
    world.grenades_left[unit.id] -= 1
    world.grenade_ready[unit.id] = world.tick + COOLDOWN_TICKS
    if unit.side == Side.SQUAD:
        world.stats.grenades_thrown += 1
        events.append(RadioMessage(unit.name, "Frag out!"))
    else:
        world.stats.grenades_thrown_at_us += 1
    events.append(GrenadeThrown(grenade.id, unit.id, unit.x, unit.y, x, y, land,
                                grenade.burst_tick, int(RADIUS_TILES * SUB)))


def landing_point(world: World, unit: Unit, tx: int, ty: int) -> tuple[int, int]:
    """Where a throw at tile (tx, ty) comes down (sub units): scattered by the rules' rng,
    kept on the map, and stopped short of the first wall on the way."""
    terrain = world.terrain
    aim_x, aim_y = centre_of(tx), centre_of(ty)
    spread = SCATTER * math.hypot(aim_x - unit.x, aim_y - unit.y)
    dx, dy = world.rng.uniform(-1.0, 1.0, 2)
    x = min(max(int(aim_x + dx * spread), 0), terrain.width * SUB - 1)
    y = min(max(int(aim_y + dy * spread), 0), terrain.height * SUB - 1)
    ux, uy = unit.tile
    pts = line_tiles(ux, uy, x // SUB, y // SUB)
    walls = terrain.opaque[pts[:, 1], pts[:, 0]]
    walls[0] = False  # the thrower's own tile (a doorway) never stops the throw
    if walls.any():
        stop = int(np.argmax(walls)) - 1
        x, y = centre_of(int(pts[stop, 0])), centre_of(int(pts[stop, 1]))
    return x, y


# -- the flight, the fuse and the burst --------------------------------------------------------
def run_grenades(world: World, events: list, facts: TickFacts) -> None:
    """Once a tick: grenades land (the ring is live, "Grenade!") and burst."""
    for grenade in list(world.grenades):
        if not grenade.landed and world.tick >= grenade.land_tick:
            _land(world, grenade, events)
        elif grenade.landed and not grenade.seen:
            grenade.seen = _seen(world, grenade.x, grenade.y)
        if world.tick >= grenade.burst_tick:
            world.grenades.remove(grenade)
            _burst(world, grenade, events, facts)


def _land(world: World, grenade: Grenade, events: list) -> None:
    grenade.landed = True
    grenade.seen = grenade.seen or _seen(world, grenade.x, grenade.y)
    events.append(GrenadeLanded(grenade.id, grenade.x, grenade.y, grenade.burst_tick,
                                int(grenade.radius * SUB), grenade.seen))
    if grenade.side == Side.SQUAD or not grenade.seen:
        return
    near = [u for u in world.squad() if u.active
            and math.hypot(u.x - grenade.x, u.y - grenade.y) / SUB <= WARN_TILES]
    if near:
        shouter = min(near, key=lambda u: (math.hypot(u.x - grenade.x, u.y - grenade.y), u.id))
        events.append(RadioMessage(shouter.name, "Grenade!"))


def _burst(world: World, grenade: Grenade, events: list, facts: TickFacts) -> None:
    terrain = world.terrain
    cx, cy = grenade.tile
    no_falls = np.zeros(terrain.opaque.shape, dtype=bool)  # a grenade brings no wall down

    def damage(unit: Unit, dist: float) -> float:
        if dist > grenade.radius:
            return 0.0
        return grenade_damage(dist, grenade.radius) * wall_shelter(
            terrain.opaque, no_falls, cx, cy, unit)

    casualties, hit_groups = deliver(
        world, grenade.radius + SUPPRESS_EXTRA_TILES,
        lambda unit: math.hypot(unit.x - grenade.x, unit.y - grenade.y) / SUB,
        damage, events, facts, pin_ticks=PIN_TICKS)
    radius_sub = int(grenade.radius * SUB)
    events.append(GrenadeExploded(grenade.id, grenade.x, grenade.y, radius_sub, casualties))
    impact_felt(facts, Blast(cx, cy, radius_sub), NOISE_TILES)
    break_groups(world, hit_groups, events)


def grenade_damage(dist_tiles: float, radius: float = RADIUS_TILES) -> float:
    """Damage in the open at this distance from where it lies, nothing at the rim."""
    return quadratic_falloff(PEAK_DAMAGE, dist_tiles, radius)


def _seen(world: World, x: int, y: int) -> bool:
    tx, ty = x // SUB, y // SUB
    return world.terrain.in_bounds(tx, ty) and bool(world.seen_now[ty, tx])
