"""A map's alternatives, read and checked: the `alternative` property ("set:option") that
every object class carries (game/sim/layout.py draws among them).

The loader hands each record its tag (`attach`); the validator checks every option as if
it were the one chosen (`problems`), so an option nobody can reach fails before a player
draws it.
"""

from __future__ import annotations

import dataclasses

from game.sim import layout
from game.sim.scenario import Scenario
from game.tiled.errors import WARNING, MapProblem


def attach(scen: Scenario, values: dict[int, dict], file: str,
           problems: list[MapProblem]) -> None:
    """Give every record its object's `alternative` tag; a malformed tag is an error."""
    for name in layout.RECORD_LISTS:
        tagged = []
        for rec in getattr(scen, name):
            tag = str(values.get(rec.source.object_id, {}).get("alternative", "")).strip()
            if tag and layout.split_tag(tag) is None:
                problems.append(MapProblem(
                    file, f'alternative "{tag}" is not "set:option" (e.g. "children:west")',
                    object_id=rec.source.object_id, object_name=rec.source.name,
                    x=rec.source.px, y=rec.source.py))
                tag = ""
            tagged.append(dataclasses.replace(rec, alternative=tag) if tag else rec)
        setattr(scen, name, tagged)


def layouts_to_check(scen: Scenario) -> list[tuple[str, dict[str, str]]]:
    """One layout per option of every set (the other sets on their first option), named
    for messages."""
    sets = layout.alternative_sets(scen)
    first = {name: options[0] for name, options in sets.items()}
    return [(f"{name}:{option}", {**first, name: option})
            for name, options in sets.items() for option in options]


def problems(scen: Scenario, file: str, check) -> list[MapProblem]:
    """Set-level faults, then `check(laid_out_scenario)` for every option as if chosen,
    each message prefixed with the option (a message shared by every option is said
    once, unprefixed: it is not the option's fault)."""
    out: list[MapProblem] = []
    for name, options in layout.alternative_sets(scen).items():
        if len(options) < 2:
            out.append(MapProblem(file, f'alternative set "{name}" has one option '
                                  f'("{options[0]}"): the seed has nothing to choose',
                                  severity=WARNING))
    per_option = [(label, check(layout.with_options(scen, chosen)))
                  for label, chosen in layouts_to_check(scen)]
    if not per_option:
        return out
    keys = [{_key(p) for p in found} for _, found in per_option]
    everywhere = set.intersection(*keys)
    seen: set = set()
    for (label, found), _ in zip(per_option, keys, strict=True):
        for p in found:
            key = _key(p)
            if key in everywhere:
                if key not in seen:
                    seen.add(key)
                    out.append(p)
                continue
            out.append(dataclasses.replace(p, message=f"with alternative {label}: {p.message}"))
    return out


def _key(p: MapProblem) -> tuple:
    return (p.message, p.severity, p.object_id)
