"""Per-unit state: a small mutable record keyed by id in World.units."""

from __future__ import annotations

from dataclasses import dataclass, field

from game.sim.catalog import UNIT_TYPES, WEAPONS, UnitType, WeaponType
from game.sim.geometry import SUB
from game.sim.kinds import Alert, Life, Roe, Side

# life states (kinds.Life), by their short names
ACTIVE, DOWNED, DEAD, GONE, RESERVE = (Life.ACTIVE, Life.DOWNED, Life.DEAD, Life.GONE,
                                       Life.RESERVE)


@dataclass
class InsurgentMind:
    """What only an insurgent has (game/sim/perception.py, game/ai): kept in the world so
    the hash covers it."""

    alert: Alert = Alert.GREEN  # kinds.Alert
    detect: dict[int, int] = field(default_factory=dict)  # target id -> meter 0..1000
    interest: tuple[int, int] | None = None  # tile of the last noise worth a look
    alert_tick: int = 0  # tick of the last news that raised or refreshed the alert
    still_ticks: int = 0  # ticks since it last moved or fired (the never-stuck watchdog)
    patrol: tuple[tuple[int, int], ...] = ()  # patrol route, tiles
    home: tuple[int, int] | None = None  # the post it holds when calm


@dataclass
class SquadState:
    """What only a squad member has: its standing orders (game/sim/engagement.py) and the
    job in its hands (game/sim/interactions.py, health.py, carrying.py, civilians.py)."""

    roe: Roe = Roe.FIRE_AT_WILL  # rules of engagement (commands.SetRoe)
    holding: bool = False  # hold position, never walks (commands.HoldPosition)
    # on return fire: who fired on this member, and when (game/sim/engagement.py)
    fired_on_by: dict[int, int] = field(default_factory=dict)
    aid_kit: bool = False  # the treatment under way uses one of the medic's kits
    carry_target: int = 0  # the unit this member is walking over to pick up
    work_left: int = 0  # ticks left on a timed job: healing someone, opening a lock
    work_target: int = 0  # the unit being healed
    work_tile: tuple[int, int] | None = None  # the lock being opened
    pace: int = 0  # leading survivors: top speed while a follower lags behind (0: own speed)


@dataclass
class SurvivorState:
    """What only a survivor (a civilian) has (game/sim/civilians.py, panic.py, vision.py)."""

    found: bool = False  # the squad has found it (hidden survivors start unfound)
    leader_id: int = 0  # the squad member it follows
    panic: int = 0  # ticks of panic left (fleeing to cover or frozen)


@dataclass
class Unit:
    id: int
    kind: str
    side: Side
    name: str
    x: int
    y: int
    facing: int = 0
    hp: int = 100
    life: Life = ACTIVE
    activity: str = "idle"  # idle, moving, firing, aiming, reloading, healing, working
    path: list[tuple[int, int]] = field(default_factory=list)  # tiles still to walk
    waypoints: list[tuple[int, int]] = field(default_factory=list)  # queued tile goals
    target_id: int = 0
    ground_target: tuple[int, int] | None = None  # tile fired at for suppression
    chasing: bool = False  # walking toward target_id to get a shot
    ammo: int = 0
    cooldown: int = 0
    reload_left: int = 0
    aim_left: int = 0
    aim_target: int = 0
    bleed: int = 0  # hp lost per second
    hidden: bool = False  # civilians not yet found, ambushers not yet sprung
    group: str = ""
    carrying: int = 0  # crate id or unit id carried (crates and units share one id sequence)
    carried_by: int = 0  # the squad member carrying this unit
    downed_ticks: int = 0
    suppressed: int = 0  # ticks left pinned down by a nearby blast: aims badly, AI takes cover
    last_x: int = 0  # position at the previous tick, for interpolated drawing
    last_y: int = 0
    under_fire_tick: int = -10_000  # last tick a shot landed close or hit
    blocked_ticks: int = 0  # ticks waiting for a body on its route to move (bodies.py)
    insurgent: InsurgentMind | None = None  # insurgents only (world.add_unit makes it)
    squad_state: SquadState | None = None  # squad members only (world.add_unit makes it)
    survivor_state: SurvivorState | None = None  # survivors only (world.add_unit makes it)

    @property
    def mind(self) -> InsurgentMind:
        """An insurgent's mind; asking it of a squad member or a survivor is a bug."""
        if self.insurgent is None:
            raise AttributeError(f"{self.kind} #{self.id} is not an insurgent: it has no mind")
        return self.insurgent

    @property
    def squad(self) -> SquadState:
        """A squad member's orders and job; asking it of anyone else is a bug."""
        if self.squad_state is None:
            raise AttributeError(f"{self.kind} #{self.id} is not in the squad")
        return self.squad_state

    @property
    def survivor(self) -> SurvivorState:
        """A survivor's own state; asking it of anyone else is a bug."""
        if self.survivor_state is None:
            raise AttributeError(f"{self.kind} #{self.id} is not a survivor")
        return self.survivor_state

    @property
    def utype(self) -> UnitType:
        return UNIT_TYPES[self.kind]

    @property
    def weapon(self) -> WeaponType | None:
        name = self.utype.weapon
        return WEAPONS[name] if name else None

    @property
    def alive(self) -> bool:
        return self.life in (ACTIVE, DOWNED)

    @property
    def active(self) -> bool:
        return self.life == ACTIVE

    @property
    def tile(self) -> tuple[int, int]:
        return self.x // SUB, self.y // SUB


@dataclass
class Crate:
    id: int
    x: int
    y: int
    kind: str = "vaccine"
    required: bool = True
    carrier_id: int = 0
    delivered: bool = False
