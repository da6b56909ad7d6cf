"""Which sounds win when a firefight asks for more than the ear (and the mixer) can take.

Every sound has a priority: the radio and the air strike carry orders and danger, so they
always get through; a gunshot matters more than a footstep.  Each tick's cues are thinned
before they reach the mixer: at most SAME_PER_TICK of one sound (ten AKs on one tick read
as two) and PER_TICK in all, the most important and loudest first; the bank then holds
the total at its voice cap, cutting the least important voice for a more important one.
"""

from __future__ import annotations

from game.audio.cues import Cue

PRIORITY: dict[str, int] = {
    "squelch": 5, "beep": 4,  # the radio: never lost in the noise
    "explosion": 5, "jet": 5, "cannon": 5,  # Falcon-2
    "sniper": 3, "marksman": 3, "lmg": 3, "rifle": 3, "carbine": 3, "smg": 3, "ak": 3,
    "grenade_land": 5, "grenade_blast": 5,  # fair warning, and the burst it warned of
    "trucks_arrive": 4, "trucks_leave": 4, "grenade_throw": 3,
    "ricochet": 2, "door": 2, "door_forced": 2, "reload": 1,
    "step_stone": 1, "step_gravel": 1, "step_sand": 1, "step_wood": 1,
}
DEFAULT_PRIORITY = 2
PER_TICK = 8  # new sounds started in one tick (30 a second)
SAME_PER_TICK = 2  # copies of one sound started in one tick


def priority(name: str) -> int:
    """A far shot ("ak_far") counts as much as a near one: it may be the one aimed at you."""
    return PRIORITY.get(name.removesuffix("_far"), DEFAULT_PRIORITY)


def thin(cues: list[Cue], per_tick: int = PER_TICK, same: int = SAME_PER_TICK) -> list[Cue]:
    """The cues worth starting this tick, in their original order (a squelch stays ahead
    of the line it opens)."""
    ranked = sorted(range(len(cues)), key=lambda i: (-priority(cues[i][0]), -cues[i][1], i))
    kept: list[int] = []
    count: dict[str, int] = {}
    for i in ranked:
        name = cues[i][0]
        if len(kept) >= per_tick or count.get(name, 0) >= same:
            continue
        count[name] = count.get(name, 0) + 1
        kept.append(i)
    return [cues[i] for i in sorted(kept)]
