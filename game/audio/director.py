"""The game's audio: builds the SoundBank off the main thread (so the title shows at
once), applies the volume settings, plays cues and keeps the ambient wind looping.
Everything is silent until the bank is ready, and silent for good without a device."""

from __future__ import annotations

import contextlib
import threading
from typing import Any

from game.audio.bank import SoundBank
from game.audio.cues import Cue

AMBIENT_LEVEL = 0.35


class Audio:
    def __init__(self, master: float = 0.8, effects: float = 1.0) -> None:
        self.bank: SoundBank | None = None
        self.master, self.effects = master, effects
        self._ambient: Any = None
        self._want_ambient = False
        self._thread: threading.Thread | None = None

    def start(self, threaded: bool = True) -> None:
        if threaded:
            self._thread = threading.Thread(target=self._build, name="sound-bank", daemon=True)
            self._thread.start()
        else:
            self._build()

    def _build(self) -> None:
        bank = SoundBank.build()
        bank.volume = self.master * self.effects
        self.bank = bank

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    @property
    def ready(self) -> bool:
        return self.bank is not None

    def set_volumes(self, master: float, effects: float) -> None:
        self.master, self.effects = master, effects
        if self.bank is not None:
            self.bank.volume = master * effects
        if self._ambient is not None:
            try:
                self._ambient.set_volume(AMBIENT_LEVEL * master)
            except Exception:
                self._ambient = None

    def play(self, name: str, volume: float = 1.0, pan: float = 0.0) -> None:
        if self.bank is not None:
            self.bank.play(name, volume, pan)

    def play_cues(self, cues: list[Cue]) -> None:
        for name, volume, pan in cues:
            self.play(name, volume, pan)

    def ambient(self, on: bool) -> None:
        """The wind under a mission; started late if the bank was still building."""
        self._want_ambient = on
        if not on and self._ambient is not None:
            with contextlib.suppress(Exception):
                self._ambient.stop()
            self._ambient = None
        self.update()

    def update(self) -> None:
        if self._want_ambient and self._ambient is None and self.bank is not None:
            channel = self.bank.play("wind", 1.0, 0.0, loops=-1)
            if channel is not None:
                channel.set_volume(AMBIENT_LEVEL * self.master)
                self._ambient = channel
