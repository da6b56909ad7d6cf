"""SoundBank: the game's sounds by name, and a mixer facade that never fails.

    bank = SoundBank.build()          # synthesises every sound; silent without a device
    bank.play("explosion", volume=0.8, pan=-0.3)
    bank.add("door", samples)         # more sounds later (a mono float array in [-1, 1])

Without pygame's mixer (no device, SDL_AUDIODRIVER=dummy trouble, init failure) the bank
keeps the samples and plays nothing; `bank.enabled` tells which.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import numpy as np

from game.audio.synth import RATE, SYNTHS

log = logging.getLogger("danger_close.audio")
MAX_VOICES = 14  # sounds at once: more would only clip and mud a firefight
MAX_SAME = 3  # copies of one sound at once (ten rifles read as three)


class SoundBank:
    def __init__(self, mixer: Any = None, rate: int = RATE, channels: int = 2) -> None:
        self.mixer = mixer  # pygame.mixer when it is running, else None
        self.rate = rate
        self.channels = channels
        self.samples: dict[str, np.ndarray] = {}
        self.sounds: dict[str, Any] = {}
        self.volume = 1.0  # master volume, 0..1 (the settings screen sets it)
        self.max_voices = MAX_VOICES

    @property
    def enabled(self) -> bool:
        return self.mixer is not None

    @classmethod
    def build(cls, synths: dict[str, Callable[..., np.ndarray]] | None = None,
              use_mixer: bool = True) -> SoundBank:
        """Start the mixer if possible and synthesise every sound in `synths`."""
        mixer, rate, channels = _start_mixer() if use_mixer else (None, RATE, 2)
        bank = cls(mixer, rate, channels)
        for name, make in (synths or SYNTHS).items():
            bank.add(name, make(rate))
        return bank

    def add(self, name: str, samples: np.ndarray) -> None:
        self.samples[name] = np.asarray(samples, dtype=np.float64)
        if self.mixer is None:
            return
        try:
            pcm = np.clip(self.samples[name], -1.0, 1.0) * 32767
            frames = np.repeat(pcm[:, None], self.channels, axis=1) if self.channels > 1 else pcm
            self.sounds[name] = self.mixer.Sound(buffer=np.ascontiguousarray(
                frames.astype(np.int16)).tobytes())
        except Exception:  # a sound the device refuses is a silent sound, not a crash
            self.sounds.pop(name, None)

    def voices(self) -> int:
        """How many sounds are playing now."""
        if self.mixer is None:
            return 0
        try:
            return sum(1 for i in range(self.mixer.get_num_channels())
                       if self.mixer.Channel(i).get_busy())
        except Exception:
            return 0

    def play(self, name: str, volume: float = 1.0, pan: float = 0.0, loops: int = 0) -> Any:
        """Play a sound; pan -1 (left) .. 1 (right). Unknown names and errors are silent.
        Past the voice cap, or with too many copies of this sound playing, a new sound is
        dropped (the ones playing already carry the moment).  Returns the channel."""
        sound = self.sounds.get(name)
        if sound is None:
            return None
        try:
            if loops == 0 and (sound.get_num_channels() >= MAX_SAME
                               or self.voices() >= self.max_voices):
                return None
            channel = sound.play(loops=loops)
            if channel is None:
                return  # every channel busy
            level = max(0.0, min(1.0, volume * self.volume))
            pan = max(-1.0, min(1.0, pan))
            channel.set_volume(level * min(1.0, 1.0 - pan), level * min(1.0, 1.0 + pan))
            return channel
        except Exception:
            return None

    def stop_all(self) -> None:
        if self.mixer is not None:
            try:
                self.mixer.stop()
            except Exception:
                return


def _start_mixer() -> tuple[Any, int, int]:
    try:
        import pygame

        if not pygame.mixer.get_init():
            pygame.mixer.init(frequency=RATE, size=-16, channels=2, buffer=1024)
        rate, _size, channels = pygame.mixer.get_init()
        pygame.mixer.set_num_channels(24)
        return pygame.mixer, int(rate), int(channels)
    except Exception as exc:  # no device, no driver, no pygame: play nothing
        log.warning("no sound device (%s): playing silently", exc)
        return None, RATE, 2
