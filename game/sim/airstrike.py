"""Air support from Falcon-2 (the full call arrives with its own issue)."""

from __future__ import annotations

from game.sim.commands import CallStrike
from game.sim.world import World


def request_strike(world: World, cmd: CallStrike) -> str:
    if world.strikes_left <= 0:
        return "no air support left"
    return "air support is not available on this build"
