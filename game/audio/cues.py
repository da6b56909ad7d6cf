"""Cues: which sound to play, how loud and where (name, volume 0..1, pan -1..1), and the
air strike's cues.  Positions go through game/audio/placement.py like every other sound;
a bomb and a jet carry much further than a rifle."""

from __future__ import annotations

from game.audio.placement import View, place
from game.sim.events import GunRunImpact, StrikeImpact, StrikeInbound

Cue = tuple[str, float, float]  # name, volume 0..1, pan -1..1

# how far (in half views) each strike sound carries, and its loudness at the middle
STRIKE_SOUNDS = {"jet": (14.0, 0.9), "explosion": (12.0, 1.0), "cannon": (10.0, 0.9)}


def strike_cues(events: list, view: View) -> list[Cue]:
    """Sounds for the air strike (its radio lines get their squelch in battle_cues)."""
    cues: list[Cue] = []

    def at(name: str, x: float, y: float) -> None:
        reach, loudness = STRIKE_SOUNDS[name]
        volume, pan = place(x, y, view, reach)
        if volume > 0.0:
            cues.append((name, loudness * volume, pan))

    for event in events:
        if isinstance(event, StrikeInbound):
            at("jet", event.x + 0.5, event.y + 0.5)
        elif isinstance(event, StrikeImpact):
            at("explosion", event.x + 0.5, event.y + 0.5)
        elif isinstance(event, GunRunImpact):
            at("cannon", (event.x0 + event.x1) / 2 + 0.5, (event.y0 + event.y1) / 2 + 0.5)
    return cues
