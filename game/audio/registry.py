"""Every sound the game synthesises, by name, in the order the bank builds them: the short
battle sounds first so they are ready soonest, the long beds and the strike last (the bank
builds off the main thread; a sound not built yet is simply not heard)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from game.audio.beds import BED_SYNTHS
from game.audio.field_sounds import FIELD_SYNTHS
from game.audio.foley import FOLEY_SYNTHS
from game.audio.synth import SYNTHS
from game.audio.weapons import FAR_SYNTHS, WEAPON_SYNTHS

Synth = Callable[..., np.ndarray]


def all_synths() -> dict[str, Synth]:
    short = {name: SYNTHS[name] for name in ("squelch", "beep", "ricochet")}
    strike = {name: SYNTHS[name] for name in ("explosion", "jet", "cannon")}
    field = {name: make for name, make in FIELD_SYNTHS.items() if not name.startswith("trucks")}
    trucks = {name: make for name, make in FIELD_SYNTHS.items() if name.startswith("trucks")}
    return {**WEAPON_SYNTHS, **FOLEY_SYNTHS, **short, **field, **FAR_SYNTHS,
            "wind": SYNTHS["wind"], **BED_SYNTHS, **strike, **trucks}
