"""Which sounds the events of a tick call for, with volume and stereo pan from where they
happen relative to the view."""

from __future__ import annotations

from game.sim.events import GunRunImpact, RadioMessage, StrikeImpact, StrikeInbound

Cue = tuple[str, float, float]  # name, volume 0..1, pan -1..1


def strike_cues(events: list, view_centre_x: float, view_half_width: float) -> list[Cue]:
    """Sounds for the air strike. Positions and widths are in tiles."""
    cues: list[Cue] = []
    for event in events:
        if isinstance(event, StrikeInbound):
            cues.append(("jet", 0.9, _pan(event.x, view_centre_x, view_half_width)))
        elif isinstance(event, StrikeImpact):
            cues.append(("explosion", 1.0, _pan(event.x, view_centre_x, view_half_width)))
        elif isinstance(event, GunRunImpact):
            mid = (event.x0 + event.x1) / 2
            cues.append(("cannon", 0.9, _pan(mid, view_centre_x, view_half_width)))
        elif isinstance(event, RadioMessage) and event.speaker == "Falcon-2":
            cues.append(("squelch", 0.5, 0.0))
    return cues


def _pan(x: float, centre: float, half_width: float) -> float:
    if half_width <= 0:
        return 0.0
    return max(-1.0, min(1.0, (x + 0.5 - centre) / (half_width * 1.5)))
