"""Which units the player may see: the rule lives in game/sim/queries.py.

Kept so the screens that import it from here keep working; new code asks
game.sim.queries directly.
"""

from __future__ import annotations

from game.sim.queries import player_sees, visible_units

__all__ = ["player_sees", "visible_units"]
