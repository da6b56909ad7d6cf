"""What an insurgent knows, read from the world (never changed here), and its dice.

The AI's chance comes from a hash of the world's seed, the unit and the tick rather than
from world.rng: the same seed and orders still give the same game, and thinking never
shifts the rules' generator.
"""

from __future__ import annotations

import math

from game.sim.combat import sees_unit
from game.sim.geometry import SUB
from game.sim.perception import FULL, RED_MEMORY, board_key, enemies_of
from game.sim.queries import Eyes
from game.sim.units import ACTIVE, DOWNED, RESERVE, Unit
from game.sim.world import World

MASK32 = 0xFFFFFFFF


def roll(world: World, uid: int, salt: int) -> float:
    """A repeatable number in [0, 1) for this seed, unit and salt (e.g. a tick)."""
    h = (world.seed * 0x9E3779B1 + uid * 0x85EBCA77 + salt * 0xC2B2AE3D + 0x27D4EB2F) & MASK32
    for shift, mult in ((16, 0x7FEB352D), (15, 0x846CA68B), (16, 1)):
        h ^= h >> shift
        h = (h * mult) & MASK32
    return h / 2**32


def visible_target(world: World, unit: Unit, enemies: list[Unit] | None = None) -> Unit | None:
    """The nearest enemy it has fully detected and still sees."""
    best, best_d = None, math.inf
    detect = unit.mind.detect
    if not detect:
        return None
    eyes = None  # looked up for the first fully detected enemy (most have none)
    for enemy in enemies_of(world) if enemies is None else enemies:
        if detect.get(enemy.id, 0) < FULL:
            continue
        if eyes is None:
            eyes = Eyes(world, unit)
        if not sees_unit(eyes, enemy):
            continue
        d = (enemy.x - unit.x) ** 2 + (enemy.y - unit.y) ** 2
        if d < best_d:
            best, best_d = enemy, d
    return best


def known_positions(world: World, unit: Unit) -> list[tuple[int, int, int]]:
    """Fresh (x, y, age in ticks) entries of its group's blackboard, nearest first."""
    board = world.blackboard.get(board_key(unit))
    if not board:
        return []
    ux, uy = unit.x // SUB, unit.y // SUB
    now = world.tick
    out = []
    for tid in sorted(board):
        x, y, tick = board[tid]
        if now - tick <= RED_MEMORY:
            out.append((x, y, now - tick))
    if len(out) > 1:
        out.sort(key=lambda e: ((e[0] - ux) ** 2 + (e[1] - uy) ** 2, e[2]))
    return out


def threat_tiles(
    world: World, unit: Unit, seen: Unit | None,
    known: list[tuple[int, int, int]] | None = None,
) -> list[tuple[int, int]]:
    """The seen enemy's tile, then the known positions nearest first; at most three.
    `known`: known_positions(world, unit), when the caller has it already."""
    tiles = [seen.tile] if seen is not None else []
    for x, y, _ in known_positions(world, unit) if known is None else known:
        if (x, y) not in tiles:
            tiles.append((x, y))
    return tiles[:3]


def group_losing(
    world: World, unit: Unit, strength: dict[str, tuple[int, int]] | GroupStrength
) -> bool:
    """Its group was broken by a strike, or has lost more than half its members.
    `strength` is group -> (members, lost), counted once per tick (group_strength)."""
    if not unit.group:
        return False
    if unit.group in getattr(world, "broken_groups", ()):
        return True
    members, lost = strength.get(unit.group, (0, 0))
    return members >= 3 and lost * 2 >= members + 1


def group_strength(world: World) -> dict[str, tuple[int, int]]:
    members: dict[str, int] = {}
    lost: dict[str, int] = {}
    for unit in world.insurgents():
        group, life = unit.group, unit.life
        if group and life != RESERVE:
            members[group] = members.get(group, 0) + 1
            lost[group] = lost.get(group, 0) + (life != ACTIVE and life != DOWNED)
    return {group: (n, lost[group]) for group, n in members.items()}


class GroupStrength:
    """group -> (members, lost) as group_strength counts it, each group counted when first
    asked: a tick's thinking asks about a few groups, not all of them. The world stands
    still while the AI thinks, so a count holds for the tick."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.counted: dict[str, tuple[int, int]] = {}

    def get(self, group: str, default: tuple[int, int] = (0, 0)) -> tuple[int, int]:
        if group not in self.counted:
            members = lost = 0
            for unit in _group_index(self.world).get(group, ()):
                life = unit.life
                if life != RESERVE:
                    members += 1
                    lost += life != ACTIVE and life != DOWNED
            self.counted[group] = (members, lost)
        counted = self.counted[group]
        return counted if counted[0] else default


def _group_index(world: World) -> dict[str, list[Unit]]:
    """Insurgents by group, id order; rebuilt only when units are added (groups are fixed)."""
    cached = world.caches.get("insurgent_groups")
    if cached is None or cached[0] != len(world.units):
        index: dict[str, list[Unit]] = {}
        for unit in world.insurgents():
            if unit.group:
                index.setdefault(unit.group, []).append(unit)
        cached = world.caches["insurgent_groups"] = (len(world.units), index)
    return cached[1]


def tile_dist(a: tuple[int, int], b: tuple[int, int]) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


