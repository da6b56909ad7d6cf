"""Write the synthesised sounds to WAV files, to check them without speakers:

    python -m game.audio.export OUT_DIR [NAME ...]

Every sound (or the named ones) as a mono 16-bit WAV, and `placed.wav`, a stereo scene
of battle events turned into sounds by the game's own cue code (battle_cues.event_cues)
and panned as the mixer pans them: an AK left of the camera, the squad's rifle in the
middle, a sniper well off to the right (its muffled distant report, quieter), a door
opening past the reach of hearing (silent).  `sox --i` / `sox FILE -n stat` measure them.
"""

from __future__ import annotations

import argparse
import wave
from pathlib import Path

import numpy as np

from game.audio.bank import SoundBank, stereo_gains
from game.audio.battle_cues import event_cues
from game.audio.synth import RATE
from game.sim.events import DoorOpened, ShotFired
from game.sim.geometry import SUB

SCENE_VIEW = (20.0, 10.0, 10.0, 6.0)  # the camera: centre (20, 10), 20 x 12 tiles


def _shot(x: int, weapon: str) -> ShotFired:
    return ShotFired(1, 2, x * SUB, 10 * SUB, (x + 1) * SUB, 10 * SUB, True, weapon)


SCENE = ((0.0, _shot(12, "ak")), (0.8, _shot(20, "rifle")), (1.6, _shot(45, "sniper")),
         (3.0, DoorOpened(70, 10, 1)))  # (start in seconds, event)


def write_wav(path: Path, samples: np.ndarray, rate: int = RATE) -> None:
    """Mono [n] or stereo [n, 2] floats in [-1, 1] as 16-bit PCM."""
    pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1 if pcm.ndim == 1 else pcm.shape[1])
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm.tobytes())


def placed_scene(bank: SoundBank, rate: int = RATE) -> np.ndarray:
    mix = np.zeros((int(4.0 * rate), 2))
    for start, event in SCENE:
        for name, volume, pan in event_cues(event, SCENE_VIEW):
            left, right = stereo_gains(volume, pan)
            s = bank.samples[name]
            at = int(start * rate)
            end = min(len(mix), at + len(s))
            mix[at:end, 0] += left * s[: end - at]
            mix[at:end, 1] += right * s[: end - at]
    return mix


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("names", nargs="*")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    bank = SoundBank.build(use_mixer=False)
    for name in args.names or sorted(bank.samples):
        write_wav(args.out / f"{name}.wav", bank.samples[name])
    write_wav(args.out / "placed.wav", placed_scene(bank))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
