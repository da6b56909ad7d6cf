"""The autopilot: a squad player for tests, balance runs and the title screen's demo.

It gives only the orders a player can give (the dataclasses in game.sim.commands) and
knows only what the squad can see and hear (see autopilot_knowledge.py). It thinks every
THINK_TICKS; between thinks it only updates its memory of what the squad saw.

One think, in order of urgency:
1. call Falcon-2 (the bomb or a gun run, whichever catches more) on a dug-in group of
   three or more insurgents seen lately, nobody of ours near; when pressed (someone down
   or badly hurt, pinned, or a known group on the way out with the survivors) on a pair,
   danger close if nothing clear of us exists; throw a grenade at an insurgent dug in
   behind cover, nobody of ours near the ring;
2. step out of a marked strike zone, off a coming gun run's line, or out of a grenade
   ring the squad knows of;
3. Hana to the worst wounded (downed first, then bleeding, then badly hurt);
4. a free member to each seen objective crate (Interact picks it up);
5. found survivors follow the escort (Rafiq, or whoever is standing);
6. a fight (enemies in sight, or seen in the last few seconds, or gunfire heard from a
   shooter out of sight): every free member to a tile with cover against what it saw or
   heard and a line of fire, facing heard fire, Rima standing off; when the
   survivors needed are with us, their escort keeps walking them out instead;
7. otherwise move together: search the nearest unsearched ground (hidden survivors
   show only at close range; closed doors first, and no goal on ground an insurgent
   seen lately could watch while any other is left), open a locked door with Maaz when
   only that is left, and once the objective can be met, everyone (the downed carried)
   into the extraction zone.

Each step lives in its own module (autopilot_strike, _grenades, _care, _crates, _escort, _fight,
_explore, _extract) as functions of one `Think` (autopilot_pass), the pass's scratch:
a step marks the members it takes as busy, so later steps only order the free ones.
"""

from __future__ import annotations

from typing import Any

from game.ai.autopilot_care import tend_wounded
from game.ai.autopilot_crates import drop_crates, fetch_crates
from game.ai.autopilot_escort import decide_phase, lead_survivors
from game.ai.autopilot_explore import move_on
from game.ai.autopilot_fight import fight, in_combat
from game.ai.autopilot_grenades import leave_grenade_rings, throw_grenades
from game.ai.autopilot_knowledge import observe, standing_squad
from game.ai.autopilot_pass import PilotState, Think
from game.ai.autopilot_strike import call_strike, leave_strike_zones
from game.sim.world import OUTCOME_UNDECIDED, World

THINK_TICKS = 10


class Autopilot:
    """`commands(world)` once a tick, in tick order, returns this tick's orders."""

    def __init__(self, think_ticks: int = THINK_TICKS) -> None:
        self.think_ticks = think_ticks
        self.state = PilotState()

    def commands(self, world: World) -> list[Any]:
        observe(world, self.state.memory)
        if world.outcome != OUTCOME_UNDECIDED or world.tick % self.think_ticks:
            return []
        if not world.seen_ever.any():
            return []  # the very first tick: the squad has not looked round yet
        squad = standing_squad(world)
        if not squad:
            return []
        return think(Think(self.state, world, squad))

    __call__ = commands  # usable directly as run_headless(extra_commands=...)


def think(t: Think) -> list[Any]:
    """The steps in the order the module's docstring gives; returns the pass's orders."""
    call_strike(t)
    throw_grenades(t)
    leave_strike_zones(t)
    leave_grenade_rings(t)
    tend_wounded(t)
    fighting = in_combat(t)
    if fighting:
        drop_crates(t)
    else:
        fetch_crates(t)
    lead_survivors(t)
    decide_phase(t)
    if fighting:
        fight(t)
    move_on(t)
    return t.orders
