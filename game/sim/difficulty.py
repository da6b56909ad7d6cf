"""Difficulty as data: how sharp, quick and bold the insurgents are.

The squad's rules never change with difficulty; only the opponent's senses and nerve do.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Difficulty:
    name: str
    accuracy: float  # multiplies an insurgent's hit chance
    think_ticks: int  # ticks between one insurgent's decisions (its reaction time)
    detect_rate: float  # multiplies how fast a detection meter fills
    aggression: float  # 0..1: share of a group that flanks, and how long it holds when hurt
    fallback_hp: float  # share of max HP below which an insurgent falls back


DIFFICULTIES: dict[str, Difficulty] = {
    d.name: d
    for d in (
        Difficulty("easy", accuracy=0.4, think_ticks=20, detect_rate=0.5, aggression=0.25,
                   fallback_hp=0.55),
        Difficulty("normal", accuracy=0.8, think_ticks=12, detect_rate=1.0, aggression=0.5,
                   fallback_hp=0.35),
        Difficulty("hard", accuracy=1.5, think_ticks=8, detect_rate=1.4, aggression=0.7,
                   fallback_hp=0.25),
    )
}


def difficulty_of(name: str) -> Difficulty:
    """The named level; an unknown name plays as normal rather than failing."""
    return DIFFICULTIES.get(name, DIFFICULTIES["normal"])
