"""Noise: what shots, doors and blasts sound like, and who hears them.

A noise carries `radius` tiles in the open; every opaque tile on the straight line to a
listener halves what is left, so a shot behind one wall is heard at half the distance
and behind two at a quarter.  Heard noises raise insurgents' alert (perception.py); shots
the squad hears from an insurgent it cannot see are kept for a while in world.heard_shots
(squad_hears), what a player at the screen hears too.
"""

from __future__ import annotations

import numpy as np

from game.sim.catalog import TICK_HZ, WeaponType
from game.sim.facts import Noise, TickFacts
from game.sim.geometry import SUB
from game.sim.kinds import Side
from game.sim.queries import in_squad_sight
from game.sim.sight import LineMemo, blocked_between, line_memo
from game.sim.world import HeardShot, World

DOOR_NOISE_TILES = 8.0
BLAST_NOISE_TILES = 40.0
SHOUT_TILES = 12.0
WALL_DAMPING = 0.5  # share of the remaining range left after each wall
HEARD_KEEP_TICKS = 5 * TICK_HZ  # kept this long for whoever listens (the autopilot, the HUD)


def shot_noise(shooter_id: int, x: int, y: int, weapon: WeaponType) -> Noise:
    """A weapon fired from (x, y), sub units."""
    return Noise(x // SUB, y // SUB, weapon.noise_tiles, shooter_id, "shot")


def door_noise(unit_id: int, tx: int, ty: int) -> Noise:
    return Noise(tx, ty, DOOR_NOISE_TILES, unit_id, "door")


def blast_noise(tx: int, ty: int, radius: float = BLAST_NOISE_TILES) -> Noise:
    return Noise(tx, ty, radius, 0, "blast")


def audible(opaque: np.ndarray, noise: Noise, lx: int, ly: int,
            walls: LineMemo | None = None) -> bool:
    """True when a listener on tile (lx, ly) hears the noise through the walls between.
    `walls`: wall_memo(world), to count the walls on a line asked about before."""
    dist2 = (lx - noise.x) ** 2 + (ly - noise.y) ** 2
    if dist2 > noise.radius * noise.radius:
        return False
    if walls is None or noise.x < 0 or noise.y < 0:  # the memo's keys want map tiles
        count = blocked_between(opaque, noise.x, noise.y, lx, ly)
    else:
        count = walls.blocked(noise.x, noise.y, lx, ly)
    reach = noise.radius * WALL_DAMPING**count
    return dist2 <= reach * reach


def wall_memo(world: World) -> LineMemo:
    """The memo of lines on the terrain's opacity (smoke does not stop sound), started
    afresh when a door opens or a wall falls (the terrain's version)."""
    return line_memo(world.caches, "wall_lines", world.terrain.opaque, world.terrain.version)


def hearers(opaque: np.ndarray, noise: Noise, xs: np.ndarray, ys: np.ndarray,
            walls: LineMemo | None = None) -> np.ndarray:
    """Indices of the listeners at tiles (xs, ys) who hear the noise.

    A numpy distance test first, so only the few in range pay for a line walk.
    """
    near = np.flatnonzero((xs - noise.x) ** 2 + (ys - noise.y) ** 2 <= noise.radius**2)
    return np.array(
        [i for i in near if audible(opaque, noise, int(xs[i]), int(ys[i]), walls)],
        dtype=np.int64,
    )


def squad_hears(world: World, facts: TickFacts) -> None:
    """Keep this tick's shots that a standing squad member heard from an insurgent out of
    the squad's sight (a seen shooter is known already), and forget old ones."""
    keep_from = world.tick - HEARD_KEEP_TICKS
    if world.heard_shots and world.heard_shots[0].tick < keep_from:
        world.heard_shots = [h for h in world.heard_shots if h.tick >= keep_from]
    shots = [n for n in facts.noises if n.kind == "shot"]
    if not shots:
        return
    listeners = [u.tile for u in world.squad() if u.active]
    opaque = world.terrain.opaque
    walls = wall_memo(world)
    for noise in shots:
        shooter = world.units.get(noise.source_id)
        if shooter is None or shooter.side != Side.INSURGENT or in_squad_sight(world, shooter):
            continue
        if any(audible(opaque, noise, lx, ly, walls) for lx, ly in listeners):
            world.heard_shots.append(HeardShot(noise.x, noise.y, world.tick))
