"""Sound synthesis with numpy: mono float arrays in [-1, 1] at a given sample rate.

Noise is shaped in the frequency domain (one FFT each) rather than with per-sample
filters, so building every sound takes milliseconds.
"""

from __future__ import annotations

import numpy as np

RATE = 44100


def _time(seconds: float, rate: int) -> np.ndarray:
    return np.arange(int(seconds * rate)) / rate


def shaped_noise(n: int, rate: int, low_hz: float, high_hz: float,
                 rng: np.random.Generator, tilt: float = 0.0) -> np.ndarray:
    """Noise kept between low_hz and high_hz; tilt > 0 darkens it (1 = brown-ish).

    Made in the frequency domain: a random complex amplitude for each bin in the band (the
    spectrum of white noise) and one inverse FFT, so a long bed costs one FFT and random
    numbers only for its band.  The result repeats seamlessly every n samples."""
    bins = n // 2 + 1
    lo = min(bins, max(0, int(np.ceil(low_hz * n / rate))))
    hi = min(bins, int(np.floor(high_hz * n / rate)) + 1)
    spectrum = np.zeros(bins, dtype=complex)
    if hi > lo:
        band = rng.standard_normal(hi - lo) + 1j * rng.standard_normal(hi - lo)
        if tilt:
            band /= np.maximum(np.arange(lo, hi) * rate / n, max(low_hz, 1.0)) ** tilt
        spectrum[lo:hi] = band
    out = np.fft.irfft(spectrum, n)
    return out / (np.max(np.abs(out)) or 1.0)


def convolve(signal: np.ndarray, kernel: np.ndarray, circular: bool = False) -> np.ndarray:
    """signal * kernel through the FFT (np.convolve is O(n*k): seconds for long sounds),
    cut to len(signal).  circular: wrap the tail round to the start, for seamless loops."""
    n = len(signal)
    size = n if circular else 1 << int(np.ceil(np.log2(n + len(kernel))))
    out = np.fft.irfft(np.fft.rfft(signal, size) * np.fft.rfft(kernel[:size], size), size)
    return out[:n]


def normalise(samples: np.ndarray, peak: float = 0.9) -> np.ndarray:
    top = float(np.max(np.abs(samples))) if len(samples) else 0.0
    return samples * (peak / top) if top else samples


def fade(samples: np.ndarray, rate: int, in_s: float = 0.005, out_s: float = 0.05) -> np.ndarray:
    """Short ramps at both ends so a sound never starts or stops with a click."""
    out = samples.copy()
    a, b = min(len(out), int(in_s * rate)), min(len(out), int(out_s * rate))
    if a:
        out[:a] *= np.linspace(0.0, 1.0, a)
    if b:
        out[-b:] *= np.linspace(1.0, 0.0, b)
    return out


def explosion(rate: int = RATE, seed: int = 1) -> np.ndarray:
    """A bomb: a sharp crack, a deep thump that drops in pitch, a long rumble, debris."""
    rng = np.random.default_rng(seed)
    t = _time(3.0, rate)
    n = len(t)
    crack = shaped_noise(n, rate, 800, 9000, rng) * np.exp(-t / 0.025)
    pitch = 55.0 * np.exp(-t / 0.6) + 28.0
    thump = np.sin(2 * np.pi * np.cumsum(pitch) / rate) * np.exp(-t / 0.45)
    rumble = shaped_noise(n, rate, 20, 400, rng, tilt=1.0) * np.exp(-t / 0.9)
    body = shaped_noise(n, rate, 60, 2500, rng, tilt=0.5) * np.exp(-t / 0.25)
    debris = np.zeros(n)
    hits = rng.integers(int(0.15 * rate), int(2.2 * rate), size=40)
    debris[hits] = rng.uniform(0.2, 1.0, size=40) * np.exp(-t[hits] / 0.9)
    clatter = convolve(debris, shaped_noise(int(0.02 * rate), rate, 1500, 7000, rng))
    mix = 0.55 * crack + 1.0 * thump + 0.9 * rumble + 0.5 * body + 0.25 * clatter
    return fade(normalise(np.tanh(1.6 * normalise(mix, 1.0))), rate, 0.001, 0.3)


def jet_pass(rate: int = RATE, seed: int = 2, seconds: float = 4.0) -> np.ndarray:
    """A fast jet going over: a roar that swells and fades, a whine falling in pitch as it
    passes (Doppler), brightest at the moment it is overhead."""
    rng = np.random.default_rng(seed)
    t = _time(seconds, rate)
    n = len(t)
    mid = seconds * 0.45  # when it is overhead
    closeness = 1.0 / (1.0 + ((t - mid) / 0.55) ** 2)
    dark = shaped_noise(n, rate, 30, 900, rng, tilt=0.6)
    bright = shaped_noise(n, rate, 400, 8000, rng)
    roar = dark * (0.4 + 0.6 * closeness) + bright * closeness**2
    doppler = 1.0 + 0.18 * np.tanh(-(t - mid) / 0.35)  # higher approaching, lower leaving
    whine = np.sin(2 * np.pi * np.cumsum(900.0 * doppler) / rate) * closeness**1.5
    mix = (roar + 0.25 * whine) * closeness
    return fade(normalise(mix, 0.85), rate, 0.05, 0.4)


def radio_squelch(rate: int = RATE, seed: int = 3) -> np.ndarray:
    """The click and hiss at the start of a radio call."""
    rng = np.random.default_rng(seed)
    t = _time(0.18, rate)
    hiss = shaped_noise(len(t), rate, 1200, 5000, rng) * np.exp(-t / 0.06)
    click = np.sin(2 * np.pi * 1800 * t) * np.exp(-t / 0.01)
    return fade(normalise(0.6 * hiss + 0.5 * click, 0.5), rate, 0.001, 0.03)


SYNTHS = {
    "explosion": explosion,
    "jet": jet_pass,
    "squelch": radio_squelch,
}


# -- battle sounds (the weapons: game/audio/weapons.py, steps and doors: foley.py) ----------
def ricochet(rate: int = RATE, seed: int = 13) -> np.ndarray:
    """A bullet glancing off stone: a click and a falling whine."""
    rng = np.random.default_rng(seed)
    t = _time(0.45, rate)
    pitch = 2600.0 * np.exp(-t / 0.5) + 900.0
    whine = np.sin(2 * np.pi * np.cumsum(pitch) / rate) * np.exp(-t / 0.14)
    hit = shaped_noise(len(t), rate, 2000, 9000, rng) * np.exp(-t / 0.004)
    return fade(normalise(0.5 * whine + 0.7 * hit, 0.6), rate, 0.0005, 0.1)


def radio_beep(rate: int = RATE) -> np.ndarray:
    """The roger beep at the end of a call: two short tones."""
    t = _time(0.16, rate)
    tone = np.where(t < 0.07, np.sin(2 * np.pi * 1400 * t), 0.0)
    tone += np.where(t > 0.09, np.sin(2 * np.pi * 1050 * t), 0.0)
    return fade(normalise(tone, 0.35), rate, 0.002, 0.01)


def wind(rate: int = RATE, seed: int = 15, seconds: float = 8.0) -> np.ndarray:
    """A loopable gusting wind: dark noise whose loudness drifts slowly.  The noise and the
    gusts both repeat exactly every `seconds`, so the loop has no seam."""
    rng = np.random.default_rng(seed)
    n = int(seconds * rate)
    base = shaped_noise(n, rate, 60, 900, rng, tilt=0.8)
    t = np.arange(n) / rate
    gust = 0.55 + 0.3 * np.sin(2 * np.pi * t / seconds) + 0.15 * np.sin(
        2 * np.pi * 3 * t / seconds + 1.0)
    return normalise(base * gust, 0.3)


def cannon_burst(rate: int = RATE, seed: int = 16, seconds: float = 0.8,
                 rounds_per_s: float = 65.0) -> np.ndarray:
    """Falcon-2's gun run: rounds so close together they fuse into a tearing buzz, over a
    low rumble of the impacts walking along the line."""
    rng = np.random.default_rng(seed)
    t = _time(seconds + 0.9, rate)
    n = len(t)
    pulses = np.zeros(n)
    starts = (np.arange(0.0, seconds, 1.0 / rounds_per_s) * rate).astype(int)
    pulses[starts] = rng.uniform(0.7, 1.0, size=len(starts))
    shot = shaped_noise(int(0.03 * rate), rate, 120, 4000, rng, tilt=0.4)
    shot *= np.exp(-np.arange(len(shot)) / (0.008 * rate))
    buzz = convolve(pulses, shot)
    rumble = shaped_noise(n, rate, 25, 300, rng, tilt=1.0) * np.clip(t / seconds, 0, 1) \
        * np.exp(-np.maximum(t - seconds, 0) / 0.35)
    return fade(normalise(np.tanh(1.4 * normalise(buzz + 0.8 * rumble, 1.0))), rate, 0.002, 0.3)


SYNTHS.update({
    "cannon": cannon_burst,
    "ricochet": ricochet,
    "beep": radio_beep,
    "wind": wind,
})
