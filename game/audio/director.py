"""The game's audio: builds the SoundBank off the main thread (so the title shows at
once), applies the volume settings, plays each tick's cues under the voice cap, and keeps
the beds looping: the map's ambience (wind, distant fighting) and the tension layer that
follows the alert.  Everything is silent until a sound is built, and silent for good
without a device."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

from game.audio.ambience import BEDS, TENSION_MAX, bed_levels
from game.audio.bank import SoundBank
from game.audio.cues import Cue
from game.audio.placement import View
from game.audio.priority import thin
from game.audio.soundlog import SoundLog
from game.audio.tension import Tension

TICK_S = 1.0 / 30


class Audio:
    def __init__(self, master: float = 0.8, effects: float = 1.0,
                 log: SoundLog | None = None) -> None:
        self.bank: SoundBank | None = None
        self.master, self.effects = master, effects
        self.log = log or SoundLog()
        self.tension = Tension()
        self._want_beds = False
        self._ambience = ""
        self._beds: dict[str, Any] = {}  # bed name -> its looping channel
        self._surfaces: tuple[int, Any] | None = None  # (id of the scenario, its grid)
        self._thread: threading.Thread | None = None
        self._steps: Iterator[None] | None = None  # a bank built a sound at a time

    # -- the bank ------------------------------------------------------------------------
    def start(self, threaded: bool = True, stepwise: bool = False) -> None:
        """stepwise: the bank is built by step() calls, a sound each (the title builds it
        a sound a frame: the building thread holding the interpreter stalled the title's
        first frames by ~0.15 s each); finish_in_background() hands the rest to a thread."""
        if stepwise:
            self._steps = self._build_steps()
        elif threaded:
            self._thread = threading.Thread(target=self._build, name="sound-bank", daemon=True)
            self._thread.start()
        else:
            self._build()

    def _build(self, steps: Iterator[None] | None = None) -> None:
        for _ in steps or self._build_steps():
            pass

    def _build_steps(self) -> Iterator[None]:
        """Open the mixer, publish the empty bank, then add the sounds one by one: the
        short battle sounds are playable while the long beds are still being made."""
        bank = SoundBank.open()
        bank.volume = self.master * self.effects
        self.bank = bank
        yield
        from game.audio.registry import all_synths

        for name, make in all_synths().items():
            bank.add(name, make(bank.rate))
            yield

    def step(self) -> bool:
        """Build the next piece of a stepwise bank; False once there is none left."""
        if self._steps is None:
            return False
        if next(self._steps, StopIteration) is StopIteration:
            self._steps = None
            return False
        return True

    def finish_in_background(self) -> None:
        """Build what a stepwise bank still lacks on a thread (the title was left)."""
        steps, self._steps = self._steps, None
        if steps is not None:
            self._thread = threading.Thread(target=self._build, args=(steps,),
                                            name="sound-bank", daemon=True)
            self._thread.start()

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
        self._level_beds()

    # -- effects -------------------------------------------------------------------------
    def play(self, name: str, volume: float = 1.0, pan: float = 0.0) -> None:
        if self.bank is None:
            self.log.sound(name, volume, pan, "silent")
            return
        channel = self.bank.play(name, volume, pan)
        outcome = "played" if channel is not None else (
            "dropped" if self.bank.enabled and name in self.bank.sounds else "silent")
        self.log.sound(name, volume, pan, outcome)

    def play_cues(self, cues: list[Cue]) -> None:
        kept = thin(cues)
        if self.log.enabled:
            for name, volume, pan in _removed(cues, kept):
                self.log.sound(name, volume, pan, "dropped")
        for name, volume, pan in kept:
            self.play(name, volume, pan)

    def on_tick(self, events: list, world, view: View) -> None:
        """A tick of battle: its sounds, the beds for this map, the tension."""
        from game.audio.battle_cues import battle_cues

        self._ambience = getattr(world.scenario.rules, "ambience", "")
        self.play_cues(battle_cues(events, world, view, self._surface_grid(world)))
        self.tension.observe(world, events, TICK_S)
        self.update()

    def _surface_grid(self, world):
        key = id(world.scenario)
        if self._surfaces is None or self._surfaces[0] != key:
            from game.audio.surfaces import surface_grid

            self._surfaces = (key, surface_grid(world.scenario))
        return self._surfaces[1]

    # -- beds ----------------------------------------------------------------------------
    def ambient(self, on: bool) -> None:
        """The beds under a mission; started late if the bank was still building."""
        self._want_beds = on
        if not on:
            for channel in self._beds.values():
                _stop(channel)
            self._beds.clear()
            self.tension = Tension()
        self.update()

    def bed_volumes(self) -> dict[str, float]:
        """What each bed should play at now (before the master volume)."""
        if not self._want_beds:
            return dict.fromkeys(BEDS, 0.0)
        levels = bed_levels(self._ambience)
        levels["tension"] = TENSION_MAX * self.tension.level
        return levels

    def update(self) -> None:
        if self._want_beds and self.bank is not None:
            for slot, name in enumerate(BEDS):
                if name not in self._beds and name in self.bank.sounds:
                    channel = self.bank.loop(slot, name, 0.0)
                    if channel is not None:
                        self._beds[name] = channel
        self._level_beds()

    def _level_beds(self) -> None:
        for name, volume in self.bed_volumes().items():
            self.log.bed(name, volume)
            channel = self._beds.get(name)
            if channel is not None:
                try:
                    channel.set_volume(volume * self.master)
                except Exception:
                    self._beds.pop(name, None)


def _removed(cues: list[Cue], kept: list[Cue]) -> list[Cue]:
    left = list(kept)
    out = []
    for cue in cues:
        if cue in left:
            left.remove(cue)
        else:
            out.append(cue)
    return out


def _stop(channel: Any) -> None:
    try:
        channel.stop()
    except Exception:
        return
