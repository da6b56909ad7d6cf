"""SoundBank: the game's sounds by name, and a mixer facade that never fails.

    bank = SoundBank.build()          # synthesises every sound; silent without a device
    bank.play("explosion", volume=0.8, pan=-0.3)
    bank.loop(0, "wind", 0.3)         # a bed on a reserved channel, looping
    bank.add("door", samples)         # more sounds later (a mono float array in [-1, 1])

Without pygame's mixer (no device, SDL_AUDIODRIVER=dummy trouble, init failure) the bank
keeps the samples and plays nothing; `bank.enabled` tells which.

Voices: at most `max_voices` effects at once and MAX_SAME copies of one sound.  When full,
a new sound cuts the least important, quietest voice playing if it matters more than that
voice (game/audio/priority.py), else it is dropped: the ones playing carry the moment.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import numpy as np

from game.audio.priority import priority
from game.audio.synth import RATE

log = logging.getLogger("danger_close.audio")
MAX_VOICES = 14  # effects at once: more would only clip and mud a firefight
MAX_SAME = 3  # copies of one sound at once (ten rifles read as three)
BED_SLOTS = 3  # channels kept for the looping beds: wind, distant fire, tension
CHANNELS = 24


class SoundBank:
    def __init__(self, mixer: Any = None, rate: int = RATE, channels: int = 2) -> None:
        self.mixer = mixer  # pygame.mixer when it is running, else None
        self.rate = rate
        self.channels = channels
        self.samples: dict[str, np.ndarray] = {}
        self.sounds: dict[str, Any] = {}
        self.volume = 1.0  # master volume, 0..1 (the settings screen sets it)
        self.max_voices = MAX_VOICES
        self._voices: list[tuple[Any, int, float, str]] = []  # channel, priority, level, name

    @property
    def enabled(self) -> bool:
        return self.mixer is not None

    @classmethod
    def open(cls, use_mixer: bool = True) -> SoundBank:
        """An empty bank on the mixer if one starts (one log line if not)."""
        mixer, rate, channels = _start_mixer() if use_mixer else (None, RATE, 2)
        return cls(mixer, rate, channels)

    @classmethod
    def build(cls, synths: dict[str, Callable[..., np.ndarray]] | None = None,
              use_mixer: bool = True) -> SoundBank:
        """Start the mixer if possible and synthesise every sound in `synths`."""
        bank = cls.open(use_mixer)
        bank.fill(synths)
        return bank

    def fill(self, synths: dict[str, Callable[..., np.ndarray]] | None = None) -> None:
        if synths is None:
            from game.audio.registry import all_synths

            synths = all_synths()
        for name, make in synths.items():
            self.add(name, make(self.rate))

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
        """How many effects are playing now (the beds not counted)."""
        self._voices = [v for v in self._voices if _busy(v[0])]
        return len(self._voices)

    def play(self, name: str, volume: float = 1.0, pan: float = 0.0) -> Any:
        """Play a sound; pan -1 (left) .. 1 (right). Unknown names and errors are silent.
        Returns the channel, or None when nothing plays."""
        sound = self.sounds.get(name)
        if sound is None:
            return None
        level = max(0.0, min(1.0, volume * self.volume))
        try:
            if sound.get_num_channels() >= MAX_SAME or not self._make_room(name, level):
                return None
            channel = sound.play()
            if channel is None:
                return None  # every channel busy
            _set_stereo(channel, level, pan)
            self._voices.append((channel, priority(name), level, name))
            return channel
        except Exception:
            return None

    def _make_room(self, name: str, level: float) -> bool:
        """True if a voice is free, or was freed by cutting a less important one."""
        if self.voices() < self.max_voices:
            return True
        weakest = min(self._voices, key=lambda v: (v[1], v[2]))
        if (weakest[1], weakest[2]) >= (priority(name), level):
            return False
        weakest[0].stop()
        self._voices.remove(weakest)
        return True

    def loop(self, slot: int, name: str, volume: float) -> Any:
        """Start `name` looping on bed channel `slot` (kept out of the effects' reach)."""
        sound = self.sounds.get(name)
        if sound is None or self.mixer is None:
            return None
        try:
            channel = self.mixer.Channel(slot)
            channel.play(sound, loops=-1)
            channel.set_volume(max(0.0, min(1.0, volume)))
            return channel
        except Exception:
            return None

    def stop_all(self) -> None:
        if self.mixer is not None:
            try:
                self.mixer.stop()
            except Exception:
                return
        self._voices.clear()


def _busy(channel: Any) -> bool:
    try:
        return bool(channel.get_busy())
    except Exception:
        return False


FAR_EAR = 0.85  # how much of a fully panned sound the far ear loses (1: all of it)


def stereo_gains(level: float, pan: float) -> tuple[float, float]:
    """(left, right) for a sound at `level` panned -1 (left) .. 1 (right): the near ear at
    full level, the far one turned down (a balance control, so the middle is not dimmed);
    a little always reaches the far ear, as it does in a street."""
    pan = max(-1.0, min(1.0, pan))
    far = level * (1.0 - FAR_EAR * abs(pan))
    return (level, far) if pan < 0 else (far, level)


def _set_stereo(channel: Any, level: float, pan: float) -> None:
    channel.set_volume(*stereo_gains(level, pan))


def _start_mixer() -> tuple[Any, int, int]:
    try:
        import pygame

        if not pygame.mixer.get_init():
            pygame.mixer.init(frequency=RATE, size=-16, channels=2, buffer=1024)
        rate, _size, channels = pygame.mixer.get_init()
        pygame.mixer.set_num_channels(CHANNELS)
        pygame.mixer.set_reserved(BED_SLOTS)  # the beds' channels: effects never take them
        return pygame.mixer, int(rate), int(channels)
    except Exception as exc:  # no device, no driver, no pygame: play nothing
        log.warning("no sound device (%s): playing silently", exc)
        return None, RATE, 2
