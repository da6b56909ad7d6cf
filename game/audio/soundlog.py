"""A log line for every sound the game asks for, to check the mix without speakers:

    DANGER_CLOSE_SOUND_LOG=1 python -m game play maps/granary.tmx

prints to stderr lines such as

    sound  ak            vol 0.41 pan -0.62  played
    sound  grenade_land  vol 0.52 pan +0.10  dropped
    bed    tension       vol 0.31

`played`: a voice took it; `dropped`: the voice cap or the per-tick thinning kept it out;
`silent`: no sound device (or the bank is still building).  Beds are logged when their
loudness moves by more than 0.05.
"""

from __future__ import annotations

import logging
import os
import sys
from collections import deque

ENV = "DANGER_CLOSE_SOUND_LOG"
RECENT = 40


class SoundLog:
    def __init__(self, enabled: bool | None = None, stream=None) -> None:
        self.enabled = os.environ.get(ENV, "") not in ("", "0") if enabled is None else enabled
        self.recent: deque[str] = deque(maxlen=RECENT)  # the latest lines, for an overlay
        self._beds: dict[str, float] = {}
        self._log = logging.getLogger("danger_close.audio.sounds")
        # one logger for the process: a log given its own stream takes the logger over
        # (otherwise the first log's stream would keep every later log's lines)
        if self.enabled and (stream is not None or not self._log.handlers):
            for old in list(self._log.handlers):
                self._log.removeHandler(old)
            handler = logging.StreamHandler(stream or sys.stderr)
            handler.setFormatter(logging.Formatter("%(message)s"))
            self._log.addHandler(handler)
            self._log.setLevel(logging.INFO)
            self._log.propagate = False

    def sound(self, name: str, volume: float, pan: float, outcome: str) -> None:
        if self.enabled:
            self._write(f"sound  {name:<13} vol {volume:.2f} pan {pan:+.2f}  {outcome}")

    def bed(self, name: str, volume: float) -> None:
        if self.enabled and abs(self._beds.get(name, -1.0) - volume) > 0.05:
            self._beds[name] = volume
            self._write(f"bed    {name:<13} vol {volume:.2f}")

    def _write(self, line: str) -> None:
        self.recent.append(line)
        self._log.info(line)
