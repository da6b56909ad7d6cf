"""The beds under a mission, chosen by the map's `ambience` property.

    fighting  wind, and bursts of gunfire somewhere else in the city (the default: the
              story's Mavrah is at war)
    wind      wind alone: open ground, nobody else near
    quiet     a faint wind: indoors, or the training camp

An unknown value plays the default; `danger-close validate` does not judge it (the game
never fails on a sound)."""

from __future__ import annotations

AMBIENCES: dict[str, dict[str, float]] = {  # bed sound -> loudness
    "fighting": {"wind": 0.3, "distant_fire": 0.22},
    "wind": {"wind": 0.38},
    "quiet": {"wind": 0.12},
}
DEFAULT_AMBIENCE = "fighting"
BEDS = ("wind", "distant_fire", "tension")  # each on its own reserved channel, by index
TENSION_MAX = 0.5  # the tension bed at full alert


def bed_levels(ambience: str) -> dict[str, float]:
    """Loudness of each ambient bed for a map's `ambience` (0 for beds it does not use)."""
    chosen = AMBIENCES.get(ambience.strip().lower(), AMBIENCES[DEFAULT_AMBIENCE])
    return {bed: chosen.get(bed, 0.0) for bed in BEDS if bed != "tension"}
