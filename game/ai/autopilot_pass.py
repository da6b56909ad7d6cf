"""What the autopilot carries from one think to the next, and the scratch of one think.

`PilotState` is the autopilot's own record between thinks (its memory, its exploration
goal, the orders it already gave). `Think` is one decision pass: the squad standing, the
enemies in sight, the ground it knows, who is already busy this pass and the orders given
so far. The steps (autopilot_strike, _care, _crates, _escort, _fight, _explore,
_extract) each take a `Think`, add orders and mark the members they took as busy, so a
later, less urgent step only has the free ones left.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from game.ai.autopilot_knowledge import (
    Memory,
    found_survivors,
    heard_contacts,
    known_walkable,
    tile_dist,
    visible_enemies,
)
from game.sim.commands import Move
from game.sim.geometry import SUB
from game.sim.units import Unit
from game.sim.world import World

COMBAT_LINGER_TICKS = 90  # keep to cover this long after the last enemy was in sight
THREAT_TILES = 16.0  # enemies farther than this from every member are left alone
HEARD_THREAT_TILES = 24.0  # heard fire from farther than this is someone else's fight
REORDER_TICKS = 60  # re-issue a move that stalled after this long


@dataclass
class PilotState:
    """The autopilot's record between thinks; a function of what it saw and did."""

    memory: Memory = field(default_factory=Memory)
    goal: tuple[int, int] | None = None  # the exploration goal
    goal_since: int = 0
    # the last Move per member: id -> (goal, tick), so a Move is not repeated for nothing
    ordered: dict[int, tuple[tuple[int, int], int]] = field(default_factory=dict)
    cover: dict[int, tuple[int, int]] = field(default_factory=dict)  # id -> cover tile
    cover_key: tuple = ()  # the threats the cover was chosen against
    combat_until: int = -1
    phase: str = "search"  # or "extract": the objective can be met, everyone out


def escort_rank(u: Unit) -> int:
    """Who walks the survivors out, by the unit type's roles: a plain rifle first, then
    the engineer (a locked door may wait), the marksman (wanted on overwatch) and last
    the medic (wanted for the wounded)."""
    utype = u.utype
    return 3 if utype.medic else 2 if utype.marksman else 1 if utype.engineer else 0


class Think:
    """One decision pass: holds the per-pass scratch so the steps stay short."""

    def __init__(self, state: PilotState, world: World, squad: list[Unit]) -> None:
        self.state = state
        self.world = world
        self.squad = squad
        self.busy: set[int] = set()
        self.orders: list[Any] = []
        self.walk: np.ndarray = known_walkable(world)
        for member in squad:  # where the squad stands is known ground
            self.walk[member.tile[1], member.tile[0]] = True
        self.enemies = visible_enemies(world)

    def free(self) -> list[Unit]:
        """Members no earlier step of this pass has taken."""
        return [u for u in self.squad if u.id not in self.busy]

    def move(self, members: list[Unit], goal: tuple[int, int], force: bool = False) -> None:
        """Order members to a tile unless they already head there (a repeated Move would
        stop their fire for nothing)."""
        tick = self.world.tick
        due = []
        for m in members:
            last = self.state.ordered.get(m.id)
            stalled = (not m.path and not m.waypoints and tile_dist(m.tile, goal) > 1.5
                       and last is not None and tick - last[1] >= REORDER_TICKS)
            if force or last is None or last[0] != goal or stalled:
                due.append(m)
        if due:
            self.orders.append(Move(tuple(m.id for m in due), goal[0], goal[1]))
            for m in due:
                self.state.ordered[m.id] = (goal, tick)

    def friends_tiles(self) -> list[tuple[float, float]]:
        """Where our own people are (the squad, the downed, the survivors with us)."""
        people = list(self.squad) + found_survivors(self.world)
        people += [u for u in self.world.squad() if u.life == "downed"]
        return [(u.x / SUB - 0.5, u.y / SUB - 0.5) for u in people]

    def escort(self) -> Unit:
        """Who leads the survivors and anchors the group: the member with free hands
        whose role is least needed elsewhere (escort_rank), else anyone."""
        hands = [u for u in self.squad if not u.carrying]
        if not hands:
            return self.squad[0]
        return min(hands, key=lambda u: (escort_rank(u), u.id))

    def in_zone(self, u: Unit) -> bool:
        """Inside an extraction zone."""
        for zone in self.world.scenario.extractions:
            x0, y0, x1, y1 = zone.rect
            if x0 <= u.x < x1 and y0 <= u.y < y1:
                return True
        return False

    def threats(self) -> list[tuple[int, int]]:
        """Where insurgents seen in the last few seconds near any member were last seen,
        then where gunfire heard lately from unseen shooters came from."""
        tick = self.world.tick
        out = []
        for uid in sorted(self.state.memory.sightings):
            s = self.state.memory.sightings[uid]
            if tick - s.tick > COMBAT_LINGER_TICKS:
                continue
            if any(tile_dist(m.tile, s.tile) <= THREAT_TILES for m in self.squad):
                out.append(s.tile)
        return out + self.heard(COMBAT_LINGER_TICKS)

    def heard(self, within_ticks: int) -> list[tuple[int, int]]:
        """Spots of gunfire heard lately from shooters out of sight, near enough a member
        to matter (heard_contacts)."""
        spots = heard_contacts(self.world, self.state.memory, within_ticks)
        return [spot for spot in spots
                if any(tile_dist(m.tile, spot) <= HEARD_THREAT_TILES for m in self.squad)]
