"""The autopilot: a squad player for tests, balance runs and the title screen's demo.

It gives only the orders a player can give (the dataclasses in game.sim.commands) and
knows only what the squad can see (see autopilot_knowledge.py). It thinks every
THINK_TICKS; between thinks it only updates its memory of what the squad saw.

One think, in order of urgency:
1. call Falcon-2 on a dug-in group of three or more seen insurgents, nobody of ours near;
2. step out of a marked strike zone;
3. Hana to the worst wounded (downed first, then bleeding, then badly hurt);
4. a free member to each seen objective crate (Interact picks it up);
5. found survivors follow the escort (Rafiq, or whoever is standing);
6. a fight (enemies in sight, or seen in the last few seconds): every free member to a
   tile with cover against what it saw and a line of fire, Rima standing off; when the
   survivors needed are with us, their escort keeps walking them out instead;
7. otherwise move together: search the nearest unsearched ground (hidden survivors
   show only at close range; closed doors first, and no goal on ground an insurgent
   seen lately could watch while any other is left), open a locked door with Maaz when
   only that is left, and once the objective can be met, everyone (the downed carried)
   into the extraction zone.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from game.ai.autopilot_knowledge import (
    UNREACHABLE,
    Memory,
    distances_from,
    found_survivors,
    known_walkable,
    observe,
    search_gain,
    standing_squad,
    tile_dist,
    visible_enemies,
)
from game.ai.autopilot_tactics import choose_cover, exposed_ground, strike_target
from game.sim.commands import Attack, CallStrike, Carry, Follow, Heal, Interact, Move
from game.sim.geometry import SUB
from game.sim.health import BLEED_OUT_TICKS
from game.sim.sight import clear_line
from game.sim.units import Unit
from game.sim.world import OUTCOME_UNDECIDED, World

THINK_TICKS = 10
COMBAT_LINGER_TICKS = 90  # keep to cover this long after the last enemy was in sight
THREAT_TILES = 16.0  # enemies farther than this from every member are left alone
GAIN_MIN = 8  # an exploration goal must reveal at least this many unsearched tiles
GOAL_REACHED_TILES = 2.0
GOAL_PATIENCE_TICKS = 40 * 30  # give up on an exploration goal not reached by then
REORDER_TICKS = 60  # re-issue a move that stalled after this long
REGROUP_TILES = 7.0
OUTNUMBERED_MARGIN = 0  # more enemies in sight than members standing (plus this): fall back
LOW_HP_SHARE = 0.35  # below this share of max HP a member shelters instead of fighting
HURT_SHARE = 0.5  # heal with a kit below this share of max HP when no enemy is in sight
SHOOTER_MEMORY_TICKS = 45 * 30  # ground a seen insurgent watched stays unsafe this long
DOOR_BONUS = 400  # a closed door leads into a room, where people hide: worth a detour


class Autopilot:
    """`commands(world)` once a tick, in tick order, returns this tick's orders."""

    def __init__(self, think_ticks: int = THINK_TICKS) -> None:
        self.think_ticks = think_ticks
        self.memory = Memory()
        self.goal: tuple[int, int] | None = None
        self.goal_since = 0
        self.ordered: dict[int, tuple[tuple[int, int], int]] = {}  # id -> (goal, tick)
        self.cover: dict[int, tuple[int, int]] = {}
        self.cover_key: tuple = ()
        self.combat_until = -1
        self.phase = "search"

    # -- the public face --------------------------------------------------------------
    def commands(self, world: World) -> list[Any]:
        observe(world, self.memory)
        if world.outcome != OUTCOME_UNDECIDED or world.tick % self.think_ticks:
            return []
        if not world.seen_ever.any():
            return []  # the very first tick: the squad has not looked round yet
        squad = standing_squad(world)
        if not squad:
            return []
        return _Think(self, world, squad).run()

    __call__ = commands  # usable directly as run_headless(extra_commands=...)


class _Think:
    """One decision pass; holds the per-pass scratch so the methods stay short."""

    def __init__(self, pilot: Autopilot, world: World, squad: list[Unit]) -> None:
        self.p = pilot
        self.world = world
        self.squad = squad
        self.by_kind = {u.kind: u for u in squad}
        self.busy: set[int] = set()
        self.orders: list[Any] = []
        self.walk = known_walkable(world)
        for member in squad:  # where the squad stands is known ground
            self.walk[member.tile[1], member.tile[0]] = True
        self.enemies = visible_enemies(world)

    def run(self) -> list[Any]:
        self.call_strike()
        self.leave_strike_zones()
        self.tend_wounded()
        fighting = self.in_combat()
        if fighting:
            self.drop_crates()
        else:
            self.fetch_crates()
        self.lead_survivors()
        self.decide_phase()
        if fighting:
            self.fight()
        self.move_on()
        return self.orders

    # -- helpers -----------------------------------------------------------------------
    def free(self) -> list[Unit]:
        return [u for u in self.squad if u.id not in self.busy]

    def move(self, members: list[Unit], goal: tuple[int, int], force: bool = False) -> None:
        """Order members to a tile unless they already head there (a repeated Move would
        stop their fire for nothing)."""
        tick = self.world.tick
        due = []
        for m in members:
            last = self.p.ordered.get(m.id)
            stalled = (not m.path and not m.waypoints and tile_dist(m.tile, goal) > 1.5
                       and last is not None and tick - last[1] >= REORDER_TICKS)
            if force or last is None or last[0] != goal or stalled:
                due.append(m)
        if due:
            self.orders.append(Move(tuple(m.id for m in due), goal[0], goal[1]))
            for m in due:
                self.p.ordered[m.id] = (goal, tick)

    def friends_tiles(self) -> list[tuple[float, float]]:
        people = list(self.squad) + found_survivors(self.world)
        people += [u for u in self.world.squad() if u.life == "downed"]
        return [(u.x / SUB - 0.5, u.y / SUB - 0.5) for u in people]

    # -- 1, 2: Falcon-2 ----------------------------------------------------------------
    def call_strike(self) -> None:
        world = self.world
        if world.strikes_left <= 0 or world.strikes or len(self.enemies) < 3:
            return
        seen = []
        for enemy in self.enemies:
            sighting = self.p.memory.sightings.get(enemy.id)
            if sighting is not None:
                seen.append((enemy.id, enemy.tile, sighting.still_since))
        target = strike_target(world, seen, self.friends_tiles())
        if target is not None:
            self.orders.append(CallStrike(target[0], target[1]))

    def leave_strike_zones(self) -> None:
        for zx, zy, radius, _ in self.world.strike_zones:
            for m in self.free():
                if math.hypot(m.x / SUB - zx, m.y / SUB - zy) <= radius + 2.0:
                    self.move([m], self.away_from((zx, zy), radius + 3.0, m))
                    self.busy.add(m.id)

    def away_from(self, centre: tuple[int, int], radius: float, m: Unit) -> tuple[int, int]:
        dist = distances_from(self.world, self.walk, m.tile)
        h, w = self.walk.shape
        ys, xs = np.mgrid[0:h, 0:w]
        outside = (xs - centre[0]) ** 2 + (ys - centre[1]) ** 2 > radius * radius
        options = np.where(outside & self.walk & (dist < UNREACHABLE), dist, UNREACHABLE)
        idx = int(np.argmin(options))
        if options.flat[idx] == UNREACHABLE:
            return m.tile
        return idx % w, idx // w

    # -- 3: the medic --------------------------------------------------------------------
    def tend_wounded(self) -> None:
        medic = next((u for u in self.squad if u.utype.medic), None)
        patients = self.patients()
        if medic is None:
            self.stabilise_medic(patients)
            return
        if not patients:
            return
        medic_tile = medic.tile
        patients = [u for u in patients if self.safe_to_reach(u)]
        if not patients:
            return
        patient = min(patients, key=lambda u: (self.urgency(u), tile_dist(u.tile, medic_tile)))
        self.busy.add(medic.id)
        if medic.work_target != patient.id:
            self.orders.append(Heal(medic.id, patient.id))
            self.p.ordered.pop(medic.id, None)
        self.hold_patient(patient, medic)

    def hold_patient(self, patient: Unit, medic: Unit) -> None:
        """A squad member being treated waits for the medic instead of walking on."""
        if patient.side != "squad" or not patient.active or patient.id == medic.id:
            return
        if tile_dist(patient.tile, medic.tile) > 6.0 and not self.enemies:
            return  # she is on her way; keep up with the group meanwhile
        self.busy.add(patient.id)
        if patient.path and medic.activity == "healing":
            self.orders.append(Move((patient.id,), *patient.tile))
            self.p.ordered[patient.id] = (patient.tile, self.world.tick)

    def patients(self) -> list[Unit]:
        world = self.world
        people = [u for u in world.squad() if u.alive and u.life != "gone"]
        people += found_survivors(world)
        calm = not self.enemies and world.medkits > 0
        out = []
        for u in people:
            hurt = calm and u.hp < u.utype.max_hp * HURT_SHARE
            if u.life == "downed" and (u.bleed or world.medkits > 0) or u.bleed or hurt:
                out.append(u)
        return out

    def safe_to_reach(self, patient: Unit) -> bool:
        """Not into the open under fire: wait while an enemy in sight has a line on the
        patient, unless a downed patient is close to bleeding out."""
        if patient.life == "downed" and patient.downed_ticks >= BLEED_OUT_TICKS // 2:
            return True
        opaque = self.world.terrain.opaque
        px, py = patient.tile
        for ex, ey in self.threats():
            if tile_dist((ex, ey), (px, py)) <= 12 and clear_line(opaque, ex, ey, px, py):
                return False
        return True

    @staticmethod
    def urgency(u: Unit) -> int:
        if u.life == "downed":
            return 0
        return 1 if u.bleed else 2

    def stabilise_medic(self, patients: list[Unit]) -> None:
        """Hana is down: whoever is nearest stops her bleeding (anyone can stabilise)."""
        medic = next((u for u in self.world.squad() if u.utype.medic and u.alive), None)
        if medic is None or not medic.bleed or not self.free():
            return
        if not self.safe_to_reach(medic):
            return
        helper = min(self.free(), key=lambda u: tile_dist(u.tile, medic.tile))
        self.busy.add(helper.id)
        if helper.work_target != medic.id:
            self.orders.append(Heal(helper.id, medic.id))
            self.p.ordered.pop(helper.id, None)

    # -- 4: crates -----------------------------------------------------------------------
    def fetch_crates(self) -> None:
        world = self.world
        for cid in sorted(self.p.memory.crates_seen):
            crate = world.crates[cid]
            if not crate.required or crate.delivered or crate.carrier_id:
                continue
            tile = (crate.x // SUB, crate.y // SUB)
            on_it = [u for u in self.free() if u.work_tile == tile]
            if on_it:
                self.busy.add(on_it[0].id)
                continue
            hands = [u for u in self.free() if not u.carrying and not u.utype.medic]
            hands = hands or [u for u in self.free() if not u.carrying]
            if not hands:
                return
            carrier = min(hands, key=lambda u: (tile_dist(u.tile, tile), u.id))
            self.orders.append(Interact(carrier.id, tile[0], tile[1]))
            self.p.ordered.pop(carrier.id, None)
            self.busy.add(carrier.id)

    def drop_crates(self) -> None:
        """Hands full means no rifle: under fire a crate goes down until the fight is over
        (unless its carrier is already in the zone, where it is delivered)."""
        for m in self.free():
            near = any(tile_dist(e.tile, m.tile) <= THREAT_TILES for e in self.enemies)
            if m.carrying in self.world.crates and near and not self.in_zone(m):
                self.orders.append(Interact(m.id, *m.tile))

    # -- 5: survivors ---------------------------------------------------------------------
    def escort(self) -> Unit:
        order = ("rafiq", "maaz", "rima", "hana")
        for kind in order:
            u = self.by_kind.get(kind)
            if u is not None and not u.carrying:
                return u
        return self.squad[0]

    def lead_survivors(self) -> None:
        escort = self.escort()
        loose = []
        for civ in found_survivors(self.world):
            leader = self.world.units.get(civ.leader_id)
            if civ.active and not civ.carried_by and (leader is None or not leader.active):
                loose.append(civ.id)
        if loose:
            self.orders.append(Follow(tuple(loose), escort.id))

    # -- the mission's state -----------------------------------------------------------
    def decide_phase(self) -> None:
        world = self.world
        rules = world.scenario.rules
        saved = world.stats.rescued
        with_us = sum(1 for c in found_survivors(world))
        crates_ok = all(
            c.delivered or c.carrier_id for c in world.crates.values() if c.required
        )
        enough = saved + with_us >= rules.rescue_required and crates_ok
        self.p.phase = "extract" if enough else "search"

    # -- 6: the fight ----------------------------------------------------------------------
    def threats(self) -> list[tuple[int, int]]:
        tick = self.world.tick
        out = []
        for uid in sorted(self.p.memory.sightings):
            s = self.p.memory.sightings[uid]
            if tick - s.tick > COMBAT_LINGER_TICKS:
                continue
            if any(tile_dist(m.tile, s.tile) <= THREAT_TILES for m in self.squad):
                out.append(s.tile)
        return out

    def in_combat(self) -> bool:
        near = [e for e in self.enemies
                if any(tile_dist(m.tile, e.tile) <= THREAT_TILES for m in self.squad)]
        if near:
            self.p.combat_until = self.world.tick + COMBAT_LINGER_TICKS
        return self.world.tick < self.p.combat_until and bool(self.threats())

    def fight(self) -> None:
        threats = self.threats()
        key = tuple(sorted(threats))
        if key != self.p.cover_key or self.world.tick % 60 == 0:
            self.p.cover_key = key
            self.p.cover.clear()
        taken: set[tuple[int, int]] = set()
        zones = self.world.strike_zones
        outnumbered = len(threats) > len(self.squad) + OUTNUMBERED_MARGIN
        leading = self.leading_out()
        for m in self.free():
            if self.p.phase == "extract" and self.in_zone(m) or m.id == leading:
                continue
            role = "medic" if m.utype.medic else "marksman" if m.kind == "rima" else "rifle"
            if m.hp < m.utype.max_hp * LOW_HP_SHARE or outnumbered:
                # badly hurt, or too many of them: out of their sight, let them come round
                # the corner into our guns
                role = "medic"
            if m.id not in self.p.cover:
                self.p.cover[m.id] = choose_cover(self.world, m, threats, self.walk, taken,
                                                  role, zones)
            tile = self.p.cover[m.id]
            taken.add(tile)
            self.move([m], tile)
            self.busy.add(m.id)
            if role == "marksman":
                self.marksman_target(m)

    def leading_out(self) -> int:
        """With enough survivors found, their escort keeps walking them out while the
        others fight: a leader who turns to fight walks the children into the fire."""
        needed = self.world.scenario.rules.rescue_required > self.world.stats.rescued
        if self.p.phase != "extract" or len(self.squad) < 2 or not needed:
            return 0  # survivors not needed for the objective: everyone fights
        escort = self.escort()
        followers = [c for c in found_survivors(self.world) if c.leader_id == escort.id]
        return escort.id if followers else 0

    def marksman_target(self, rima: Unit) -> None:
        """Rima picks the most dangerous enemy in sight she can reach: snipers, then
        gunners, then the nearest."""
        weapon = rima.weapon
        if rima.chasing:
            target = self.world.units.get(rima.target_id)
            if target is None or target not in self.enemies or not self.has_shot(rima, target):
                # an Attack order walks after its target: she covers from her tile instead
                self.move([rima], self.p.cover.get(rima.id, rima.tile), force=True)
                return
        if weapon is None or rima.path:
            return
        rank = {"sniper": 0, "gunner": 1}
        options = [e for e in self.enemies if tile_dist(e.tile, rima.tile) <= weapon.range_tiles]
        if not options:
            return
        best = min(options, key=lambda e: (rank.get(e.kind, 2), tile_dist(e.tile, rima.tile)))
        if rima.target_id != best.id and rank.get(best.kind, 2) < 2 and self.has_shot(rima, best):
            self.orders.append(Attack((rima.id,), best.id))

    def has_shot(self, shooter: Unit, target: Unit) -> bool:
        weapon = shooter.weapon
        if weapon is None or tile_dist(shooter.tile, target.tile) > weapon.range_tiles:
            return False
        return clear_line(self.world.terrain.opaque, *shooter.tile, *target.tile)

    # -- 7: moving on --------------------------------------------------------------------
    def in_zone(self, u: Unit) -> bool:
        for zone in self.world.scenario.extractions:
            x0, y0, x1, y1 = zone.rect
            if x0 <= u.x < x1 and y0 <= u.y < y1:
                return True
        return False

    def move_on(self) -> None:
        if self.p.phase == "extract":
            self.extract()
            return
        # objective crates not yet seen are kept behind locks (the briefing says so): try
        # the known locked doors before searching further
        unseen = [c for c in self.world.crates.values()
                  if c.required and c.id not in self.p.memory.crates_seen]
        door = self.open_a_door() if unseen else None
        if door is not None:
            self.move_group(door)
            return
        goal = self.exploration_goal()
        if goal is None:
            door = self.open_a_door()
            if door is None:
                self.extract()  # nothing left to search: bring out who we have
                return
            goal = door
        self.move_group(goal)

    def move_group(self, goal: tuple[int, int]) -> None:
        members = self.free()
        if not members:
            return
        escort = self.escort()
        anchor = escort if escort in members else members[0]
        together, stragglers = [], []
        for m in members:
            far = m is not anchor and tile_dist(m.tile, anchor.tile) > REGROUP_TILES
            (stragglers if far else together).append(m)
        self.move(together, goal)
        if stragglers:
            self.move(stragglers, anchor.tile)

    def exploration_goal(self) -> tuple[int, int] | None:
        p, world = self.p, self.world
        anchor = self.escort()
        gain = search_gain(world, p.memory)
        if p.goal is not None:
            gx, gy = p.goal
            t = world.terrain
            closed_door = bool(t.door[gy, gx] and t.opaque[gy, gx])
            # a door counts once it is open: standing beside a closed one reveals nothing
            reached = tile_dist(anchor.tile, p.goal) <= GOAL_REACHED_TILES and not closed_door
            stale = world.tick - p.goal_since > GOAL_PATIENCE_TICKS
            if reached or stale:
                p.memory.visited.append(p.goal)
                p.goal = None
            elif gain[p.goal[1], p.goal[0]] < GAIN_MIN // 2:
                p.goal = None
        exposed = exposed_ground(world, self.remembered_shooters())
        if p.goal is not None and exposed[p.goal[1], p.goal[0]]:
            p.goal = None  # the way there is watched by someone we saw: look elsewhere
        if p.goal is not None:
            return p.goal
        dist = distances_from(world, self.walk, anchor.tile)
        ok = self.walk & (dist < UNREACHABLE) & (gain >= GAIN_MIN)
        t = world.terrain
        closed_doors = ok & t.door & t.opaque  # stepping on one opens it: a way into a room
        for vx, vy in p.memory.visited:
            ok[max(vy - 1, 0) : vy + 2, max(vx - 1, 0) : vx + 2] = False
        for vx, vy in p.memory.visited:
            closed_doors[vy, vx] = False
        ok |= closed_doors
        for zx, zy, radius, _ in world.strike_zones:
            h, w = ok.shape
            ys, xs = np.ogrid[0:h, 0:w]
            ok &= (xs - zx) ** 2 + (ys - zy) ** 2 > (radius + 2) ** 2
        if not ok.any():
            return None
        if (ok & ~exposed).any():
            ok &= ~exposed
        # nearest first; among equals the one that reveals most
        # dist counts 2 per straight step: a goal revealing 20 more tiles is worth 3 steps
        score = dist.astype(np.int64) * 10 - 3 * gain - DOOR_BONUS * closed_doors
        score = np.where(ok, score, np.iinfo(np.int64).max)
        idx = int(np.argmin(score))
        w = ok.shape[1]
        p.goal, p.goal_since = (idx % w, idx // w), world.tick
        return p.goal

    def remembered_shooters(self) -> list[tuple[int, int]]:
        """Where insurgents seen lately were last seen (the dead the squad saw fall are
        forgotten by the memory)."""
        tick = self.world.tick
        memory = self.p.memory.sightings
        return [memory[uid].tile for uid in sorted(memory)
                if tick - memory[uid].tick <= SHOOTER_MEMORY_TICKS]

    def open_a_door(self) -> tuple[int, int] | None:
        """Maaz to the nearest known locked door with unsearched ground behind it; the
        rest wait by him. Returns where the group should stand, or None."""
        world = self.world
        maaz = next((u for u in self.squad if u.utype.engineer), None)
        if maaz is None:
            return None
        t = world.terrain
        locked = world.seen_ever & t.locked
        if not locked.any():
            return None
        dist = distances_from(world, self.walk, maaz.tile)
        best = None
        for y, x in zip(*np.nonzero(locked), strict=True):
            for dx, dy in ((0, 1), (0, -1), (1, 0), (-1, 0)):
                nx, ny = int(x) + dx, int(y) + dy
                if t.in_bounds(nx, ny) and self.walk[ny, nx] and dist[ny, nx] < UNREACHABLE:
                    key = (int(dist[ny, nx]), int(y), int(x))
                    if best is None or key < best[0]:
                        best = (key, (int(x), int(y)), (nx, ny))
        if best is None:
            return None
        _, door, stand = best
        if maaz.id not in self.busy:
            self.busy.add(maaz.id)
            if maaz.work_tile != door:  # the lock job walks him to the near side itself
                self.orders.append(Interact(maaz.id, door[0], door[1]))
                self.p.ordered.pop(maaz.id, None)
        return stand

    def extract(self) -> None:
        self.carry_the_downed()
        tiles = self.zone_tiles()
        if not tiles:
            return
        members = sorted(self.free(), key=lambda u: u.id)
        tiles = tiles * (len(members) // len(tiles) + 1)  # a small zone: share its tiles
        for m, tile in zip(members, tiles, strict=False):
            if not self.in_zone(m) or m.path:
                self.move([m], tile)

    def carry_the_downed(self) -> None:
        world = self.world
        medic_can = any(u.utype.medic for u in self.squad) and world.medkits > 0
        downed = [u for u in world.squad() if u.life == "downed" and not self.in_zone(u)]
        downed += [c for c in found_survivors(world) if c.life == "downed"]
        waiting = [u for u in downed if not u.carried_by]
        for m in self.squad:
            carried = world.units.get(m.carrying) if m.carrying else None
            if (carried is not None and carried.side == "squad" and self.in_zone(m)
                    and waiting and not medic_can):
                # a downed mate in the zone counts as out: set them down, fetch the next
                self.orders.append(Carry(m.id, 0))
        for u in downed:
            if u.carried_by or medic_can:
                continue  # with a kit left Hana treats them and they walk out
            hands = [m for m in self.free() if not m.carrying]
            if not hands:
                return
            carrier = min(hands, key=lambda m: (tile_dist(m.tile, u.tile), m.id))
            self.busy.add(carrier.id)
            if carrier.carry_target != u.id:
                self.orders.append(Carry(carrier.id, u.id))
                self.p.ordered.pop(carrier.id, None)
        for m in self.squad:
            if m.carrying and m.carrying in world.units:
                self.busy.discard(m.id)  # carrying: walk out with the rest

    def zone_tiles(self) -> list[tuple[int, int]]:
        """Walkable tiles of the extraction zone, nearest its middle first."""
        world = self.world
        zones = world.scenario.extractions
        if not zones:
            return []
        anchor = self.escort().tile
        zone = min(zones, key=lambda z: tile_dist(anchor, _zone_mid(z.rect)))
        x0, y0, x1, y1 = (v // SUB for v in zone.rect)
        mid = _zone_mid(zone.rect)
        t = world.terrain
        tiles = [(x, y) for y in range(y0, max(y1, y0 + 1)) for x in range(x0, max(x1, x0 + 1))
                 if t.in_bounds(x, y) and t.walkable[y, x]]
        tiles.sort(key=lambda c: (tile_dist(c, mid), c[1], c[0]))
        return tiles


def _zone_mid(rect: tuple[int, int, int, int]) -> tuple[int, int]:
    x0, y0, x1, y1 = rect
    return (x0 + x1) // 2 // SUB, (y0 + y1) // 2 // SUB
