"""Alternatives: a map offers several start layouts and the seed picks one.

A map object whose `alternative` property is "set:option" exists only when that option of
that set is chosen; objects without one always exist.  The choice is drawn from its own
generator derived from the seed, so the rules' generator (world.rng) sees the same
sequence whatever a map offers, and the same seed always gives the same layout (Restart
keeps the seed; a new deployment draws a new one).
"""

from __future__ import annotations

import dataclasses
import hashlib
from typing import Any

import numpy as np

from game.sim.scenario import Scenario

LAYOUT_STREAM = 0x1A7  # mixed into the seed: the layout's generator is nobody else's
RECORD_LISTS = ("squad", "civilians", "insurgents", "triggers", "extractions", "crates")


def split_tag(tag: str) -> tuple[str, str] | None:
    """("set", "option") of a well-formed "set:option" tag, else None."""
    set_name, sep, option = tag.partition(":")
    set_name, option = set_name.strip(), option.strip()
    if not sep or not set_name or not option or ":" in option:
        return None
    return set_name, option


def records(scen: Scenario) -> list[Any]:
    """Every spawn and zone record of the scenario, in a fixed order."""
    return [r for name in RECORD_LISTS for r in getattr(scen, name)]


def alternative_sets(scen: Scenario) -> dict[str, list[str]]:
    """Each set's options, sorted (the order the draw uses: file order must not matter)."""
    sets: dict[str, set[str]] = {}
    for rec in records(scen):
        parsed = split_tag(rec.alternative)
        if parsed:
            sets.setdefault(parsed[0], set()).add(parsed[1])
    return {name: sorted(options) for name, options in sorted(sets.items())}


def draw_layout(scen: Scenario, seed: int) -> dict[str, str]:
    """One option per set, from the seed's own layout generator."""
    sets = alternative_sets(scen)
    if not sets:
        return {}
    rng = np.random.Generator(np.random.PCG64(np.random.SeedSequence([seed, LAYOUT_STREAM])))
    return {name: options[int(rng.integers(len(options)))] for name, options in sets.items()}


def with_options(scen: Scenario, chosen: dict[str, str]) -> Scenario:
    """The scenario holding only the chosen options' records (and the untagged ones)."""
    def kept(rec: Any) -> bool:
        parsed = split_tag(rec.alternative)
        return parsed is None or chosen.get(parsed[0]) == parsed[1]

    return dataclasses.replace(
        scen, squad=[r for r in scen.squad if kept(r)],
        civilians=[r for r in scen.civilians if kept(r)],
        insurgents=[r for r in scen.insurgents if kept(r)],
        triggers=[r for r in scen.triggers if kept(r)],
        extractions=[r for r in scen.extractions if kept(r)],
        crates=[r for r in scen.crates if kept(r)])


def laid_out(scen: Scenario, seed: int) -> Scenario:
    """The scenario as this seed deploys it (the same object when the map has no sets)."""
    chosen = draw_layout(scen, seed)
    return with_options(scen, chosen) if chosen else scen


def start_layout(scen: Scenario) -> str:
    """A short digest of a laid-out scenario: its chosen options and every spawn position."""
    h = hashlib.blake2b(digest_size=6)
    tags = sorted({r.alternative for r in records(scen) if r.alternative})
    h.update("|".join(tags).encode())
    for rec in records(scen):
        where = rec.rect if hasattr(rec, "rect") else (rec.x, rec.y)
        h.update(f"{type(rec).__name__}{where}".encode())
    return h.hexdigest()
