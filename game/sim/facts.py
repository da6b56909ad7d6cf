"""This tick's facts: what the earlier systems of a tick did, handed to the later ones.

step() makes one TickFacts per tick and passes it to every system that adds to it or reads
it, so a rule that reacts to gunfire reads `facts.shots` instead of searching the events.
Events stay the record for the front end, replays and stats; the rules never read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.sim.units import Unit


@dataclass(frozen=True)
class Shot:
    """A round fired this tick (positions in sub units)."""

    shooter_id: int
    target_id: int  # 0: fired at the ground
    muzzle: tuple[int, int]
    aim: tuple[int, int]  # what it was sent at: the target, or the ground short of any wall
    end: tuple[int, int]  # where it stopped: on the target, beside it (a miss), or the wall
    hit: bool
    weapon: str


@dataclass(frozen=True)
class Blast:
    """An impact this tick (a bomb, a grenade, a gun run): everything within `radius_sub`
    of its footprint, the tile (x, y) or the line from there to `end`, felt it."""

    x: int  # tile
    y: int
    radius_sub: int
    end: tuple[int, int] | None = None  # a gun run's far end, tile


@dataclass(frozen=True)
class Wound:
    """Damage that landed on someone still standing (health.apply_damage)."""

    unit_id: int
    source_id: int  # the shooter; 0 for a strike
    amount: int


@dataclass(frozen=True)
class Sprung:
    """An ambush group revealed this tick (vision.spring_group)."""

    group: str
    by_id: int  # who sprung it
    announced: bool  # a trigger said its own radio line about it


@dataclass(frozen=True)
class Noise:
    """Something loud: it carries `radius` tiles in the open (noise.py)."""

    x: int  # tile
    y: int
    radius: float  # tiles
    source_id: int
    kind: str  # "shot" | "door" | "blast" | "shout"


@dataclass
class TickFacts:
    shots: list[Shot] = field(default_factory=list)
    blasts: list[Blast] = field(default_factory=list)
    wounds: list[Wound] = field(default_factory=list)
    sprung: list[Sprung] = field(default_factory=list)
    noises: list[Noise] = field(default_factory=list)  # in order, each at most once
    # the insurgents on their feet the squad sees, as update_vision left them (units,
    # id order; queries.enemies_in_sight); None until vision has run this tick
    in_sight: list[Unit] | None = None

    def make_noise(self, noise: Noise) -> None:
        """Add a noise; the same one again (a weapon firing twice in a tick) counts once."""
        if noise not in self.noises:
            self.noises.append(noise)
