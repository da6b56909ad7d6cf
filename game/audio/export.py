"""Write the synthesised sounds to WAV files, to check them without speakers:

    python -m game.audio.export OUT_DIR [NAME ...]

Every sound (or the named ones) as a mono 16-bit WAV, and `placed.wav`, a stereo scene
mixed through the game's own placement and panning: an AK left of the camera, the squad's
rifle at the middle, a sniper far to the right (quieter), a footstep off-screen past its
reach (silent).  `sox --i` / `sox FILE -n stat` measure them.
"""

from __future__ import annotations

import argparse
import wave
from pathlib import Path

import numpy as np

from game.audio.bank import SoundBank, stereo_gains
from game.audio.placement import place
from game.audio.synth import RATE

SCENE_VIEW = (20.0, 10.0, 10.0, 6.0)
# (sound, tile x, tile y, level, start seconds, reach or None)
SCENE = (("ak", 12.0, 10.0, 0.6, 0.0, None), ("rifle", 20.0, 10.0, 0.6, 0.8, None),
         ("sniper", 45.0, 10.0, 0.9, 1.6, None), ("step_stone", 40.0, 10.0, 0.35, 3.0, 1.6))


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
    for name, x, y, level, start, reach in SCENE:
        volume, pan = place(x, y, SCENE_VIEW) if reach is None else place(x, y, SCENE_VIEW,
                                                                            reach)
        left, right = stereo_gains(level * volume, pan)
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
