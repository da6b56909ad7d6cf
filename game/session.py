"""A mission being played: the world, the insurgent AI, and the record of player orders.

The front end, the headless `sim` command and replays all advance a mission through
Session.advance, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.ai.insurgents import think as insurgents_think
from game.gc_pace import collect_after_tick
from game.sim.commands import command_to_dict
from game.sim.scenario import Scenario
from game.sim.step import step
from game.sim.world import OUTCOME_UNDECIDED, World, new_world

MAX_SEED = 2**63 - 1


def check_seed(seed: Any) -> int:
    """A seed the game can use: a whole number from 0 to MAX_SEED (ValueError if not)."""
    if not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed <= MAX_SEED:
        raise ValueError(f"the seed must be a whole number from 0 to {MAX_SEED}, "
                         f"not {str(seed)[:40]}")
    return seed


@dataclass
class Session:
    scenario: Scenario
    seed: int = 0
    difficulty: str = "normal"
    world: World = field(init=False)
    recorded: list[dict[str, Any]] = field(default_factory=list)  # {"tick", "command"} lines

    def __post_init__(self) -> None:
        check_seed(self.seed)
        self.world = new_world(self.scenario, self.seed, self.difficulty)

    @property
    def finished(self) -> bool:
        return self.world.outcome != OUTCOME_UNDECIDED

    def advance(self, player_commands: list[Any] | tuple[Any, ...] = ()) -> list[Any]:
        """Run one tick with the player's orders plus the AI's; returns the tick's events."""
        for command in player_commands:
            self.recorded.append({"tick": self.world.tick, "command": command_to_dict(command)})
        ai_commands = insurgents_think(self.world)
        events = step(self.world, list(player_commands) + ai_commands)
        collect_after_tick(self.world.tick)  # part of the tick's cost: a little every tick
        return events

    def restart(self) -> None:
        self.world = new_world(self.scenario, self.seed, self.difficulty)
        self.recorded.clear()
