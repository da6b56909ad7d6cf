"""Looping beds under a mission: distant fighting somewhere in the city, and the tension
layer whose loudness follows the alert.  Both repeat without a seam: noise shaped by one
FFT is periodic over its length, the gunfire is convolved circularly, and every tone in
the tension bed makes a whole number of cycles per loop.
"""

from __future__ import annotations

import numpy as np

from game.audio.synth import RATE, normalise, shaped_noise


def distant_gunfire(rate: int = RATE, seed: int = 41, seconds: float = 12.0) -> np.ndarray:
    """Bursts of far-off rifle fire, blunted by distance (no crack: the highs die in the air)
    and rolling off the buildings, a few times in each loop."""
    rng = np.random.default_rng(seed)
    n = int(seconds * rate)
    k = np.arange(int(0.6 * rate))
    shot = shaped_noise(len(k), rate, 40, 700, rng, tilt=0.8) * np.exp(-k / (0.09 * rate))
    roll = shaped_noise(len(k), rate, 60, 400, rng, tilt=1.0) * np.exp(-k / (0.25 * rate))
    sound = shot + 0.5 * roll
    out = np.zeros(n)
    for start in (0.7, 3.1, 4.0, 7.4, 9.8):  # bursts spread over the loop, some close
        shots = int(rng.integers(1, 7))
        gaps = np.cumsum(rng.uniform(0.09, 0.16, size=shots))
        loudness = rng.uniform(0.3, 1.0)  # some bursts nearer than others
        for at, amp in zip(((start + gaps) * rate).astype(int), rng.uniform(0.4, 1.0, shots),
                           strict=True):
            out[(at + k) % n] += loudness * amp * sound  # wrapped: the loop has no seam
    return normalise(out, 0.5)


def tension_bed(rate: int = RATE, seed: int = 42, seconds: float = 8.0) -> np.ndarray:
    """A low drone (a fifth, one note doubled a hair sharp so it beats), a thin high pair
    of tones beating slowly, over a breath of noise, all throbbing like a slow pulse."""
    rng = np.random.default_rng(seed)
    n = int(seconds * rate)
    tones = {55.0: 1.0, 82.5: 0.7, 55.5: 0.4, 466.0: 0.05, 466.25: 0.05}  # Hz: amplitude
    spectrum = np.zeros(n // 2 + 1, dtype=complex)
    for hz, amp in tones.items():  # whole cycles per loop: a line in one FFT bin, no seam
        spectrum[int(round(hz * seconds))] += -0.5j * amp * n
    bed = np.fft.irfft(spectrum, n) + 0.25 * shaped_noise(n, rate, 150, 700, rng, tilt=0.5)
    beats = int(round(1.25 * seconds))  # the pulse, 1.25 a second
    one = np.sin(np.pi * np.arange(n // beats) / (n // beats)) ** 8
    throb = 0.55 + 0.45 * np.resize(one, n)
    return normalise(bed * throb, 0.45)


BED_SYNTHS = {
    "distant_fire": distant_gunfire,
    "tension": tension_bed,
}
