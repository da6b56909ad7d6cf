"""The sounds of things the squad handles and hears arrive, synthesised like the rest:

    grenade_throw   the spoon flicking off with a thin ring, then the whoosh of the throw
    grenade_land    a metal body knocking on the ground, bouncing twice and rolling
    grenade_blast   a hand grenade going off: a sharp crack, a short punch, fragments
                    whirring off (shorter and brighter than Falcon-2's bomb)
    trucks_arrive   diesels growing louder over four seconds, a downshift, air brakes hissing
                    as they stop (started so the brakes land on the arrival)
    trucks_leave    idle, the engines revving up through a gear change and dying away
    door_forced     Maaz's pry bar: wood splitting, the latch's metal clank, the door
                    slamming back against the wall
    reload          magazine out, magazine in, the bolt run forward: three clicks
"""

from __future__ import annotations

import numpy as np

from game.audio.synth import RATE, convolve, fade, normalise, shaped_noise

ARRIVE_LEAD_S = 3.6  # trucks_arrive reaches its brakes this long after it starts


def _t(seconds: float, rate: int) -> np.ndarray:
    """Sample times, the count rounded up to a length the FFT is fast at: the noise is
    made with one FFT of that length, and a prime length (0.7 s at 44.1 kHz is 30869
    samples) costs ten times as much."""
    return np.arange(fast_length(int(seconds * rate))) / rate


def fast_length(n: int) -> int:
    """The least length >= n with no prime factor above 7."""
    while True:
        m = n
        for p in (2, 3, 5, 7):
            while m % p == 0:
                m //= p
        if m == 1:
            return n
        n += 1


def _ring(t: np.ndarray, freqs: tuple[float, ...], decay: float) -> np.ndarray:
    """Inharmonic partials of struck metal, higher ones dying faster."""
    out = np.zeros(len(t))
    for k, f in enumerate(freqs):
        out += np.sin(2 * np.pi * f * t) * np.exp(-t * (k + 1) / decay) / (k + 1)
    return out


def _at(t: np.ndarray, start: float) -> np.ndarray:
    """Time since `start`, zero before it (for events inside one sound)."""
    return np.maximum(t - start, 0.0)


def grenade_throw(rate: int = RATE, seed: int = 41) -> np.ndarray:
    rng = np.random.default_rng(seed)
    t = _t(0.55, rate)
    ping = _ring(t, (3150.0, 5230.0, 7410.0), 0.05)
    flick = shaped_noise(len(t), rate, 3000, 9000, rng) * np.exp(-t / 0.003)
    w = _at(t, 0.12)
    swell = np.sin(np.pi * np.clip(w / 0.35, 0.0, 1.0)) ** 2
    whoosh = shaped_noise(len(t), rate, 250, 2200, rng, tilt=0.4) * swell
    return fade(normalise(0.5 * ping + 0.4 * flick + 0.7 * whoosh, 0.55), rate, 0.0005, 0.05)


def grenade_land(rate: int = RATE, seed: int = 42) -> np.ndarray:
    rng = np.random.default_rng(seed)
    t = _t(0.7, rate)
    out = np.zeros(len(t))
    for start, level in ((0.0, 1.0), (0.16, 0.6), (0.27, 0.35)):
        s = _at(t, start)
        on = t >= start
        knock = shaped_noise(len(t), rate, 150, 1400, rng, tilt=0.5) * np.exp(-s / 0.012)
        clink = _ring(s, (2380.0, 3710.0, 5960.0), 0.035)
        out += level * on * (0.8 * knock + 0.6 * clink)
    roll = shaped_noise(len(t), rate, 800, 5000, rng) * np.clip((t - 0.3) / 0.05, 0, 1) \
        * np.exp(-_at(t, 0.3) / 0.12)
    return fade(normalise(out + 0.15 * roll, 0.6), rate, 0.0005, 0.06)


def grenade_blast(rate: int = RATE, seed: int = 43) -> np.ndarray:
    rng = np.random.default_rng(seed)
    t = _t(1.5, rate)
    n = len(t)
    crack = shaped_noise(n, rate, 1200, 12000, rng) * np.exp(-t / 0.012)
    pitch = 95.0 * np.exp(-t / 0.15) + 45.0
    punch = np.sin(2 * np.pi * np.cumsum(pitch) / rate) * np.exp(-t / 0.16)
    body = shaped_noise(n, rate, 150, 3500, rng, tilt=0.4) * np.exp(-t / 0.12)
    tail = shaped_noise(n, rate, 40, 600, rng, tilt=0.8) * np.exp(-t / 0.45)
    frags = np.zeros(n)
    at = rng.integers(int(0.02 * rate), int(0.5 * rate), size=14)
    frags[at] = rng.uniform(0.3, 1.0, size=14)
    whirr = convolve(frags, shaped_noise(int(0.05 * rate), rate, 2500, 8000, rng)
                     * np.hanning(int(0.05 * rate)))
    mix = 0.8 * crack + 0.9 * punch + 0.6 * body + 0.5 * tail + 0.12 * whirr
    return fade(normalise(np.tanh(1.8 * normalise(mix, 1.0)), 0.85), rate, 0.0005, 0.25)


def _diesel(t: np.ndarray, rpm_hz: np.ndarray, rng: np.random.Generator,
            rate: int) -> np.ndarray:
    """A diesel's chug: a pulse train at the firing rate through a low body, with a
    rattle of noise that follows each pulse."""
    phase = 2 * np.pi * np.cumsum(rpm_hz) / rate
    pulses = np.maximum(np.sin(phase), 0.0) ** 6
    tone = sum(np.sin(k * phase) / k for k in (1, 2, 3, 5))
    rattle = shaped_noise(len(t), rate, 200, 2500, rng, tilt=0.5) * pulses
    rumble = shaped_noise(len(t), rate, 25, 180, rng, tilt=0.8)
    return 0.5 * tone * (0.4 + pulses) + 0.35 * rattle + 0.4 * rumble


def trucks_arrive(rate: int = RATE, seed: int = 44) -> np.ndarray:
    rng = np.random.default_rng(seed)
    t = _t(ARRIVE_LEAD_S + 1.2, rate)
    stop = ARRIVE_LEAD_S
    rpm = np.where(t < 2.2, 34.0 + 4.0 * t / 2.2, 30.0 - 6.0 * np.clip((t - 2.2) / 1.4, 0, 1))
    rpm = np.where(t > stop, 22.0, rpm)  # idling once stopped
    near = np.clip(t / stop, 0.0, 1.0) ** 1.5
    level = 0.15 + 0.85 * near
    engine = _diesel(t, rpm, rng, rate) * level
    b = _at(t, stop - 0.1)
    hiss = shaped_noise(len(t), rate, 2500, 9000, rng) * (t >= stop - 0.1) \
        * np.exp(-b / 0.25) * np.clip(b / 0.02, 0, 1)
    squeal = np.sin(2 * np.pi * 1900 * t) * (t >= stop - 0.5) * (t < stop) \
        * np.sin(np.pi * np.clip((t - stop + 0.5) / 0.5, 0, 1))
    mix = engine + 0.45 * hiss + 0.08 * squeal
    return fade(normalise(mix, 0.7), rate, 0.2, 0.5)


def trucks_leave(rate: int = RATE, seed: int = 45) -> np.ndarray:
    rng = np.random.default_rng(seed)
    t = _t(4.5, rate)
    first = np.clip((t - 0.4) / 1.2, 0.0, 1.0)
    second = np.clip((t - 1.9) / 1.5, 0.0, 1.0)
    rpm = 22.0 + 18.0 * first - 12.0 * (t > 1.7) * first + 14.0 * second
    away = np.exp(-_at(t, 1.8) / 1.0)
    level = (0.6 + 0.4 * first) * away
    return fade(normalise(_diesel(t, rpm, rng, rate) * level, 0.7), rate, 0.05, 0.6)


def door_forced(rate: int = RATE, seed: int = 46) -> np.ndarray:
    rng = np.random.default_rng(seed)
    t = _t(0.9, rate)
    n = len(t)
    grains = np.zeros(n)
    at = rng.integers(0, int(0.12 * rate), size=45)
    grains[at] = rng.uniform(0.3, 1.0, size=45)
    splinter = convolve(grains, shaped_noise(int(0.006 * rate), rate, 900, 6000, rng))
    clank = _ring(_at(t, 0.05), (610.0, 1530.0, 2710.0, 4020.0), 0.12) * (t >= 0.05)
    s = _at(t, 0.42)
    slam = (np.sin(2 * np.pi * 85 * s) * np.exp(-s / 0.08)
            + shaped_noise(n, rate, 100, 2000, rng, tilt=0.4) * np.exp(-s / 0.03)) * (t >= 0.42)
    return fade(normalise(0.6 * splinter + 0.5 * clank + 0.9 * slam, 0.65), rate, 0.0005, 0.08)


def reload_clicks(rate: int = RATE, seed: int = 47) -> np.ndarray:
    rng = np.random.default_rng(seed)
    t = _t(0.75, rate)
    out = np.zeros(len(t))
    for start, low, high, level in ((0.0, 1500, 6000, 0.7), (0.3, 600, 4000, 1.0),
                                    (0.55, 1000, 7000, 0.8)):
        s = _at(t, start)
        click = shaped_noise(len(t), rate, low, high, rng) * np.exp(-s / 0.008) * (t >= start)
        out += level * (click + 0.4 * _ring(s, (1800.0 + low, 3300.0), 0.02) * (t >= start))
    return fade(normalise(out, 0.45), rate, 0.0005, 0.04)


FIELD_SYNTHS = {
    "grenade_throw": grenade_throw,
    "grenade_land": grenade_land,
    "grenade_blast": grenade_blast,
    "door_forced": door_forced,
    "reload": reload_clicks,
    "trucks_arrive": trucks_arrive,
    "trucks_leave": trucks_leave,
}
