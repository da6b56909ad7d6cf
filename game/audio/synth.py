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
    """White noise kept between low_hz and high_hz; tilt > 0 darkens it (1 = brown-ish)."""
    spectrum = np.fft.rfft(rng.standard_normal(n))
    freqs = np.fft.rfftfreq(n, 1.0 / rate)
    gain = ((freqs >= low_hz) & (freqs <= high_hz)).astype(float)
    if tilt:
        gain /= np.maximum(freqs, max(low_hz, 1.0)) ** tilt
    out = np.fft.irfft(spectrum * gain, n)
    return out / (np.max(np.abs(out)) or 1.0)


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
    clatter = np.convolve(debris, shaped_noise(int(0.02 * rate), rate, 1500, 7000, rng))[:n]
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


# -- battle sounds (campaign/presentation) -------------------------------------------------
def gunshot(rate: int = RATE, seed: int = 11, body_hz: float = 140.0, tail_s: float = 0.35,
            crack: float = 1.0) -> np.ndarray:
    """A rifle shot: a bright supersonic crack, a short low boom, a room-ish tail."""
    rng = np.random.default_rng(seed)
    t = _time(tail_s + 0.05, rate)
    n = len(t)
    snap = shaped_noise(n, rate, 1500, 12000, rng) * np.exp(-t / 0.006) * crack
    boom = shaped_noise(n, rate, 40, 1200, rng, tilt=0.7) * np.exp(-t / 0.05)
    thump = np.sin(2 * np.pi * body_hz * t * np.exp(-t / 0.08)) * np.exp(-t / 0.04)
    tail = shaped_noise(n, rate, 200, 3000, rng, tilt=0.4) * np.exp(-t / (tail_s / 3))
    mix = 0.8 * snap + 1.0 * boom + 0.6 * thump + 0.25 * tail
    return fade(normalise(np.tanh(2.0 * normalise(mix, 1.0)), 0.8), rate, 0.0005, 0.08)


def rifle(rate: int = RATE) -> np.ndarray:
    return gunshot(rate, 11)


def sniper_rifle(rate: int = RATE) -> np.ndarray:
    """Heavier and longer than the rifle, with an echo off far walls."""
    shot = gunshot(rate, 12, body_hz=90.0, tail_s=0.9, crack=1.4)
    delay = int(0.21 * rate)
    out = np.concatenate([shot, np.zeros(delay)])
    out[delay:] += 0.3 * shot
    return fade(normalise(out, 0.85), rate, 0.0005, 0.2)


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


def footsteps(rate: int = RATE, seed: int = 14) -> np.ndarray:
    """Two steps on grit."""
    rng = np.random.default_rng(seed)
    t = _time(0.55, rate)
    out = np.zeros(len(t))
    for start in (0.0, 0.28):
        env = np.where(t >= start, np.exp(-(t - start) / 0.03), 0.0)
        out += shaped_noise(len(t), rate, 150, 3500, rng, tilt=0.5) * env
    return fade(normalise(out, 0.35), rate, 0.001, 0.05)


def wind(rate: int = RATE, seed: int = 15, seconds: float = 8.0) -> np.ndarray:
    """A loopable gusting wind: dark noise whose loudness drifts slowly; the ends are
    cross-faded so it repeats without a seam."""
    rng = np.random.default_rng(seed)
    n = int(seconds * rate)
    base = shaped_noise(n, rate, 60, 900, rng, tilt=0.8)
    t = np.arange(n) / rate
    gust = 0.55 + 0.3 * np.sin(2 * np.pi * t / seconds) + 0.15 * np.sin(
        2 * np.pi * 3 * t / seconds + 1.0)
    out = base * gust
    k = int(0.5 * rate)
    ramp = np.linspace(0.0, 1.0, k)
    out[:k] = out[:k] * ramp + out[-k:] * (1.0 - ramp)
    return normalise(out[:-k], 0.3)


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
    buzz = np.convolve(pulses, shot)[:n]
    rumble = shaped_noise(n, rate, 25, 300, rng, tilt=1.0) * np.clip(t / seconds, 0, 1) \
        * np.exp(-np.maximum(t - seconds, 0) / 0.35)
    return fade(normalise(np.tanh(1.4 * normalise(buzz + 0.8 * rumble, 1.0))), rate, 0.002, 0.3)


SYNTHS.update({
    "cannon": cannon_burst,
    "rifle": rifle,
    "sniper": sniper_rifle,
    "ricochet": ricochet,
    "beep": radio_beep,
    "footsteps": footsteps,
    "wind": wind,
})
