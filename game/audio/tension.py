"""The tension layer's loudness: it follows the highest alert among the insurgents the
squad knows of, and the shooting, rising quickly and falling slowly after the fight.

The squad knows of an insurgent once it has been spotted (world.spotted) and while it is
up and not hidden again; its alert (green, yellow, red, black) is what the alert marks
over it show.  A shot fired on either side holds the level near the top for a few
seconds, so the music does not sag in the middle of a firefight while nobody is in view.
"""

from __future__ import annotations

import math

from game.sim.events import ShotFired
from game.sim.kinds import Alert, Life

ALERT_LEVEL = {Alert.GREEN: 0.0, Alert.YELLOW: 0.35, Alert.RED: 0.7, Alert.BLACK: 1.0}
FIGHT_LEVEL = 0.85  # while shots are flying
FIGHT_HOLD_S = 4.0  # how long after the last shot the fight still counts
RISE_S = 1.2  # time constant going up: the danger is felt at once
FALL_S = 8.0  # and coming down: the fight lingers


def alert_target(world) -> float:
    """0..1: the highest alert among the insurgents the squad knows of."""
    top = 0.0
    for uid in world.spotted:
        unit = world.units.get(uid)
        if unit is None or unit.life != Life.ACTIVE or unit.hidden or unit.insurgent is None:
            continue
        top = max(top, ALERT_LEVEL.get(unit.insurgent.alert, 0.0))
    return top


class Tension:
    """The smoothed level, advanced once per sim tick."""

    def __init__(self) -> None:
        self.level = 0.0
        self.since_shot = math.inf  # seconds since the last shot anyone fired

    def observe(self, world, events: list, dt: float) -> float:
        if any(isinstance(e, ShotFired) for e in events):
            self.since_shot = 0.0
        else:
            self.since_shot += dt
        target = alert_target(world)
        if self.since_shot <= FIGHT_HOLD_S:
            target = max(target, FIGHT_LEVEL)
        return self.follow(target, dt)

    def follow(self, target: float, dt: float) -> float:
        tau = RISE_S if target > self.level else FALL_S
        self.level += (target - self.level) * (1.0 - math.exp(-dt / tau))
        return self.level
