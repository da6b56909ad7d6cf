"""The World: everything the rules know, advanced only by step()."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from game.sim.catalog import SQUAD_ORDER, TICK_HZ, UNIT_TYPES
from game.sim.geometry import SUB, angle_deg, centre_of
from game.sim.kinds import Life, Side, StrikeKind
from game.sim.layout import laid_out
from game.sim.scenario import Scenario
from game.sim.terrain import GRID_NAMES, Terrain
from game.sim.units import ACTIVE, Crate, InsurgentMind, SquadState, SurvivorState, Unit

OUTCOME_UNDECIDED, OUTCOME_VICTORY, OUTCOME_DEFEAT = "undecided", "victory", "defeat"


@dataclass
class Stats:
    shots: int = 0
    hits: int = 0
    rescued: int = 0
    civilians_lost: int = 0
    squad_lost: int = 0
    strikes_used: int = 0
    strike_casualties: int = 0
    kills: int = 0
    medkits_used: int = 0
    crates_delivered: int = 0
    grenades_thrown: int = 0  # by the squad
    grenades_thrown_at_us: int = 0  # by the insurgents


@dataclass(frozen=True)
class HeardShot:
    """A shot the squad heard from an insurgent it could not see: where the noise came
    from (tile) and when."""

    x: int
    y: int
    tick: int


@dataclass
class StrikeCall:
    """One accepted call for Falcon-2, waiting to land."""

    id: int
    x: int  # target tile
    y: int
    radius: float  # tiles
    called_tick: int
    impact_tick: int
    heading: int  # the jet's run-in direction, degrees (0 east, 90 south)
    danger_close: bool
    caller_id: int
    announced: bool = False  # the request went out on the radio
    inbound: bool = False  # the jet has begun its pass
    # a bomb (x, y is the centre) or a gun run (a strafe from x, y to x1, y1; gun_run.py)
    kind: StrikeKind = StrikeKind.BOMB
    x1: int = 0
    y1: int = 0

    @property
    def centre(self) -> tuple[int, int]:
        """The tile its zone is marked around and the jet passes over: a bomb's target, the
        middle of a gun run's line."""
        if self.kind == StrikeKind.GUN:
            return (self.x + self.x1) // 2, (self.y + self.y1) // 2
        return self.x, self.y


@dataclass
class EvacState:
    """The vehicles on a map whose evac is "call" (game/sim/evac.py); ticks, -1 = not yet."""

    called_tick: int = -1
    caller_id: int = 0
    arrive_tick: int = -1
    leave_tick: int = -1
    arrived: bool = False
    departed: bool = False


@dataclass
class Grenade:
    """One hand grenade in the air or on the ground (grenades.py), positions in sub units."""

    id: int
    thrower_id: int
    side: Side  # the thrower's side
    x0: int  # where it left the hand
    y0: int
    x: int  # where it lands
    y: int
    thrown_tick: int
    land_tick: int
    burst_tick: int
    radius: float  # tiles
    landed: bool = False
    seen: bool = False  # the squad knows of it: thrown by us, or seen in flight or landing

    @property
    def tile(self) -> tuple[int, int]:
        return self.x // SUB, self.y // SUB


def _no_grid() -> np.ndarray:
    """A placeholder until new_world sizes the grid to the map."""
    return np.zeros((0, 0), dtype=bool)


@dataclass
class World:
    scenario: Scenario
    terrain: Terrain
    seed: int
    rng: np.random.Generator  # the rules' only source of chance
    # effects only (spark scatter and the like): nothing in game/sim reads it, so the hash
    # leaves it out and equal hashes still mean equal futures (tests/test_cosmetic_rng.py)
    cosmetic_rng: np.random.Generator
    tick: int = 0
    # ids only grow and units are never removed (the dead stay), so this dict's order is
    # id order: systems iterate it directly instead of sorting every tick
    units: dict[int, Unit] = field(default_factory=dict)
    crates: dict[int, Crate] = field(default_factory=dict)
    next_id: int = 1
    seen_now: np.ndarray = field(default_factory=_no_grid)  # bool [y, x]: seen this tick
    seen_ever: np.ndarray = field(default_factory=_no_grid)  # bool [y, x]
    outcome: str = OUTCOME_UNDECIDED
    outcome_reason: str = ""
    strikes_left: int = 0
    fired_triggers: set[int] = field(default_factory=set)
    sprung_groups: set[str] = field(default_factory=set)
    spotted: set[int] = field(default_factory=set)  # insurgents the squad has seen once
    stats: Stats = field(default_factory=Stats)
    difficulty: str = "normal"
    # per insurgent group: target id -> [tile x, tile y, tick last known] (perception.py)
    blackboard: dict[str, dict[int, list[int]]] = field(default_factory=dict)
    medkits: int = 4
    rescued_ids: set[int] = field(default_factory=set)  # each survivor counts once
    objective_announced: bool = False
    # air support (game/sim/air_support.py, smoke.py): calls still to land, smoke left per
    # tile in ticks, and insurgent groups that a strike broke and that now fall back
    strikes: list[StrikeCall] = field(default_factory=list)
    smoke: np.ndarray = field(default_factory=_no_grid)  # int16 [y, x]: ticks of smoke left
    broken_groups: set[str] = field(default_factory=set)
    # scouts running for help (game/sim/alarm.py): scout id -> [start tick, radio said]
    alarms: dict[int, list[int]] = field(default_factory=dict)
    evac: EvacState = field(default_factory=EvacState)
    # hand grenades (game/sim/grenades.py): those still carried per unit id, the tick each
    # thrower may throw again, and those in the air or on the ground
    grenades_left: dict[int, int] = field(default_factory=dict)
    grenade_ready: dict[int, int] = field(default_factory=dict)
    grenades: list[Grenade] = field(default_factory=list)
    grenades_thrown: int = 0  # ids for grenades, in throw order
    # the squad's memory of insurgents it saw (game/sim/contacts.py): id -> [tile x, tile y,
    # tick last seen]; the rules never read it, so the hash leaves it out
    contacts: dict[int, list[int]] = field(default_factory=dict)
    # gunfire the squad heard from shooters it could not see (noise.squad_hears): what a
    # player hears, for the autopilot and the front end; no rule reads it, so not hashed
    heard_shots: list[HeardShot] = field(default_factory=list)
    # caches derived from state (never hashed or saved): pathing grids and the like
    caches: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def time_s(self) -> float:
        return self.tick / TICK_HZ

    @property
    def strike_zones(self) -> list[tuple[int, int, float, int]]:
        """Marked strike zones the squad and the player see from the call on: (tile x,
        tile y, radius in tiles, impact tick) for every call still to land (the
        insurgents learn of one later: queries.danger_rings)."""
        return [(*s.centre, s.radius, s.impact_tick) for s in self.strikes]

    def squad(self) -> list[Unit]:
        return self._side(_SQUAD)

    def insurgents(self) -> list[Unit]:
        return self._side(_INSURGENT)

    def civilians(self) -> list[Unit]:
        return self._side(_CIVILIAN)

    def _side(self, side: Side) -> list[Unit]:
        """Units of one side in id order. Units are only ever added (the dead stay), so the
        index is rebuilt only when the count changes; a copy is returned."""
        index = self.caches.get("by_side")
        if index is None or index[0] != len(self.units):
            lists: dict[str, list[Unit]] = {"squad": [], "insurgent": [], "civilian": []}
            for uid in sorted(self.units):
                unit = self.units[uid]
                lists.setdefault(unit.side, []).append(unit)
            index = (len(self.units), lists)
            self.caches["by_side"] = index
        return list(index[1].get(side, ()))

    def add_unit(self, kind: str, x: int, y: int, **fields: Any) -> Unit:
        """A new unit of this kind with its side's own state: an insurgent's patrol and
        home go to its mind, a squad member's and a survivor's fields (e.g. `found`) to
        their records."""
        utype = UNIT_TYPES[kind]
        if utype.side == Side.INSURGENT:
            fields["insurgent"] = InsurgentMind(patrol=fields.pop("patrol", ()),
                                                home=fields.pop("home", None))
        elif utype.side == Side.SQUAD:
            fields["squad_state"] = SquadState(**_take(fields, _SQUAD_FIELDS))
        elif utype.side == Side.CIVILIAN:
            fields["survivor_state"] = SurvivorState(**_take(fields, _SURVIVOR_FIELDS))
        unit = Unit(
            id=self.next_id,
            kind=kind,
            side=utype.side,
            name=fields.pop("name", utype.display),
            x=x,
            y=y,
            hp=utype.max_hp,
            last_x=x,
            last_y=y,
            **fields,
        )
        weapon = unit.weapon
        unit.ammo = weapon.magazine if weapon else 0
        self.units[unit.id] = unit
        self.next_id += 1
        self._issue_grenades(unit)
        return unit

    def _issue_grenades(self, unit: Unit) -> None:
        """The unit's grenades from its type; the map's `grenades` (when set, >= 0) gives
        every squad member that many instead."""
        count = unit.utype.grenades
        if unit.side == Side.SQUAD and self.scenario.rules.grenades >= 0:
            count = self.scenario.rules.grenades
        if count > 0:
            self.grenades_left[unit.id] = count


_SQUAD_FIELDS = frozenset(SquadState.__dataclass_fields__)
_SURVIVOR_FIELDS = frozenset(SurvivorState.__dataclass_fields__)


def _take(fields: dict[str, Any], names: frozenset[str]) -> dict[str, Any]:
    """Remove and return the entries of `fields` named in `names`."""
    return {name: fields.pop(name) for name in list(fields) if name in names}


def new_world(scenario: Scenario, seed: int = 0, difficulty: str = "normal") -> World:
    scenario = laid_out(scenario, seed)  # the map's alternatives, as this seed deploys them
    root = np.random.SeedSequence(seed)
    rules_seed, cosmetic_seed = root.spawn(2)
    terrain = scenario.terrain.copy()
    world = World(
        scenario=scenario,
        terrain=terrain,
        seed=seed,
        rng=np.random.Generator(np.random.PCG64(rules_seed)),
        cosmetic_rng=np.random.Generator(np.random.PCG64(cosmetic_seed)),
        seen_now=np.zeros(terrain.walkable.shape, dtype=bool),
        seen_ever=np.zeros(terrain.walkable.shape, dtype=bool),
        smoke=np.zeros(terrain.walkable.shape, dtype=np.int16),
        strikes_left=scenario.rules.air_strikes,
        medkits=scenario.rules.medkits,
        difficulty=difficulty,
    )
    _spawn_squad(world)
    for civ in scenario.civilians:
        world.add_unit(
            civ.kind, civ.x, civ.y, hidden=civ.hidden, found=not civ.hidden,
            group=civ.group, bleed=2 if civ.wounded else 0,
        )
    for ins in scenario.insurgents:
        unit = world.add_unit(
            ins.role, ins.x, ins.y, facing=ins.facing, group=ins.group,
            hidden=ins.ambush or ins.reinforcement,
            patrol=tuple((px // SUB, py // SUB) for px, py in ins.patrol),
            home=(ins.x // SUB, ins.y // SUB),
        )
        if ins.reinforcement:
            unit.life = Life.RESERVE
    for spawn in scenario.crates:
        crate = Crate(world.next_id, spawn.x, spawn.y, spawn.kind, spawn.required)
        world.crates[crate.id] = crate
        world.next_id += 1
    return world


def _spawn_squad(world: World) -> None:
    spawns = world.scenario.squad
    named = {s.member: s for s in spawns if s.member}
    shared = [s for s in spawns if not s.member]
    for index, member in enumerate(SQUAD_ORDER):
        spawn = named.get(member) or (shared[0] if shared else None)
        if spawn is None:
            continue
        x, y = spawn.x, spawn.y
        if spawn.member != member:
            x, y = _free_tile_near(world.terrain, x, y, index)
        # face the middle of the map: that is where the mission lies
        centre_x, centre_y = world.terrain.width * SUB // 2, world.terrain.height * SUB // 2
        world.add_unit(member, x, y, facing=angle_deg(centre_x - x, centre_y - y))


def _free_tile_near(terrain: Terrain, x: int, y: int, index: int) -> tuple[int, int]:
    """The index-th walkable tile around (x, y), nearest first, for spreading the squad."""
    tx, ty = x // SUB, y // SUB
    candidates = []
    for dy in range(-3, 4):
        for dx in range(-3, 4):
            cx, cy = tx + dx, ty + dy
            if terrain.in_bounds(cx, cy) and terrain.walkable[cy, cx]:
                candidates.append((dx * dx + dy * dy, dy, dx, cx, cy))
    candidates.sort()
    if not candidates:
        return x, y
    _, _, _, cx, cy = candidates[min(index, len(candidates) - 1)]
    return centre_of(cx), centre_of(cy)


def state_hash(world: World) -> str:
    """A digest of everything the rules depend on: equal hashes mean equal futures."""
    h = hashlib.blake2b(digest_size=16)
    h.update(json.dumps(world_state_summary(world), sort_keys=True).encode())
    for name in GRID_NAMES:
        h.update(np.ascontiguousarray(getattr(world.terrain, name)).tobytes())
    h.update(world.seen_ever.tobytes())
    h.update(np.ascontiguousarray(world.smoke).tobytes())
    h.update(json.dumps(world.rng.bit_generator.state, sort_keys=True).encode())
    return h.hexdigest()


def world_state_summary(world: World) -> dict[str, Any]:
    units = [_unit_summary(u) for u in world.units.values()]
    crates = [vars(c) for _, c in sorted(world.crates.items())]
    return {
        "tick": world.tick,
        "units": units,
        "crates": crates,
        "outcome": world.outcome,
        "strikes_left": world.strikes_left,
        "fired_triggers": sorted(world.fired_triggers),
        "sprung_groups": sorted(world.sprung_groups),
        "spotted": sorted(world.spotted),
        "medkits": world.medkits,
        "rescued_ids": sorted(world.rescued_ids),
        "objective_announced": world.objective_announced,
        "stats": vars(world.stats),
        "blackboard": {g: {str(k): v for k, v in sorted(b.items())}
                       for g, b in sorted(world.blackboard.items())},
        "strikes": [vars(s) for s in world.strikes],
        "broken_groups": sorted(world.broken_groups),
        "alarms": {str(k): v for k, v in sorted(world.alarms.items())},
        # only where the vehicles must be called: other maps hash as before the evac existed
        **({"evac": vars(world.evac)} if world.scenario.rules.evac == "call" else {}),
        "grenades_left": {str(k): v for k, v in sorted(world.grenades_left.items())},
        "grenade_ready": {str(k): v for k, v in sorted(world.grenade_ready.items())},
        "grenades": [vars(g) for g in world.grenades],
        "grenades_thrown": world.grenades_thrown,
    }


_NO_MIND = vars(InsurgentMind())
_NO_SQUAD = vars(SquadState())
_NO_SURVIVOR = vars(SurvivorState())
_PARTS = ("last_x", "last_y", "insurgent", "squad_state", "survivor_state")
# fields added after the hash was fixed: left out while they hold their default, so a
# mission played under the default orders hashes as it always did
_QUIET_DEFAULTS = {"roe": "fire_at_will", "holding": False, "fired_on_by": {}}


def _unit_summary(unit: Unit) -> dict[str, Any]:
    """One flat record per unit, as when every unit carried every field: a unit without
    one side's state reads as that state's defaults (a calm mind, no orders, not found),
    so the hash did not change with the split."""
    out = {k: v for k, v in vars(unit).items() if k not in _PARTS}
    out.update(vars(unit.insurgent) if unit.insurgent is not None else _NO_MIND)
    out.update(vars(unit.squad_state) if unit.squad_state is not None else _NO_SQUAD)
    out.update(vars(unit.survivor_state) if unit.survivor_state is not None else _NO_SURVIVOR)
    for key, default in _QUIET_DEFAULTS.items():
        if out[key] == default:
            del out[key]
    return out


def squad_alive(world: World) -> int:
    return sum(1 for u in world.squad() if u.alive)


def is_active(unit: Unit) -> bool:
    return unit.life == ACTIVE


# enum members, looked up once: reading one off its class costs ~0.2 us (its metaclass),
# and the side lists are asked for dozens of times a tick
_SQUAD, _INSURGENT, _CIVILIAN = Side.SQUAD, Side.INSURGENT, Side.CIVILIAN
