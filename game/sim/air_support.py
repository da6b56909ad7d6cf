"""run_strikes: Falcon-2's calls in flight: the radio, the wait, the pass and the impact.

Each call is a StrikeCall in world.strikes; its kind picks the weapon (airstrike.BOMB,
gun_run.GUN), which says what goes out on the radio and what the impact does.
"""

from __future__ import annotations

from game.sim.airstrike import BOMB
from game.sim.events import RadioMessage, StrikeInbound
from game.sim.facts import TickFacts
from game.sim.gun_run import GUN
from game.sim.kinds import StrikeKind
from game.sim.strikes import CALLSIGN, PASS_TICKS, StrikeType
from game.sim.world import World

WEAPONS: dict[StrikeKind, StrikeType] = {weapon.kind: weapon for weapon in (BOMB, GUN)}


def run_strikes(world: World, events: list, facts: TickFacts) -> None:
    """Once a tick: calls go out on the radio, jets start their pass, strikes land."""
    for strike in list(world.strikes):
        weapon = WEAPONS[strike.kind]
        if not strike.announced:
            weapon.announce(world, strike, events)
        if not strike.inbound and world.tick >= strike.impact_tick - PASS_TICKS:
            strike.inbound = True
            x, y = strike.centre
            events.append(StrikeInbound(strike.id, x, y, strike.heading, strike.impact_tick))
            events.append(RadioMessage(CALLSIGN, weapon.inbound_line))
        if world.tick >= strike.impact_tick:
            world.strikes.remove(strike)
            weapon.land(world, strike, events, facts)
