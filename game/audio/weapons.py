"""Each weapon's report, synthesised from one recipe with a row of numbers per weapon, so
a player tells the squad's rifles from the insurgents' AKs and the gunner's belt-fed LMG
without seeing them.

A report is: a supersonic crack (bright noise, a few ms), the muzzle blast (band-limited
noise), a low body thump whose pitch sags, a tail of reflections, and for long guns an
echo off far walls; a little drive (tanh) gives the AK its rough bark.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.audio.synth import RATE, fade, normalise, shaped_noise


@dataclass(frozen=True)
class Report:
    crack: float  # loudness of the supersonic crack (0: subsonic, pistol calibre)
    blast_band: tuple[float, float]  # Hz, the muzzle blast
    blast_s: float  # blast decay time
    body_hz: float  # the low thump's starting pitch
    tail_s: float  # length of the reflections
    echo_s: float = 0.0  # delay of one echo off far walls (0: none)
    drive: float = 2.0  # saturation: higher is harsher
    ring_hz: float = 0.0  # a metallic ring of the action (the LMG's bolt)
    seed: int = 11


REPORTS: dict[str, Report] = {
    # the squad: western 5.56 / 9 mm / 7.62 NATO
    "rifle": Report(1.0, (40, 1200), 0.05, 140.0, 0.35, seed=11),
    "carbine": Report(0.7, (80, 2400), 0.035, 175.0, 0.28, drive=2.6, seed=21),
    "smg": Report(0.0, (150, 3200), 0.025, 260.0, 0.18, drive=1.6, seed=22),
    "marksman": Report(1.4, (35, 900), 0.07, 105.0, 0.6, echo_s=0.17, seed=23),
    # the insurgents: 7.62x39 AK, a belt-fed LMG, a scoped bolt rifle
    "ak": Report(0.6, (250, 1800), 0.06, 115.0, 0.4, drive=4.0, seed=24),
    "lmg": Report(0.5, (60, 1400), 0.07, 95.0, 0.32, drive=3.0, ring_hz=2300.0, seed=25),
    "sniper": Report(1.4, (40, 1200), 0.05, 90.0, 0.9, echo_s=0.21, seed=12),
}
DEFAULT_REPORT = "rifle"  # a weapon a modder adds without a sound of its own
FAR = "_far"  # suffix of the distant version of a report
FAR_CUTOFF_HZ = 1200.0  # air and walls take the highs out of a far shot


def report_for(weapon: str, far: bool = False) -> str:
    """The sound played when `weapon` fires: its distant version when `far`."""
    name = weapon if weapon in REPORTS else DEFAULT_REPORT
    return name + FAR if far else name


def distant(samples: np.ndarray, rate: int = RATE) -> np.ndarray:
    """A report heard from blocks away: the crack and the upper blast rolled off (a gentle
    low-pass in one FFT), the body and the tail kept."""
    spectrum = np.fft.rfft(samples)
    freqs = np.fft.rfftfreq(len(samples), 1.0 / rate)
    spectrum /= np.sqrt(1.0 + (freqs / FAR_CUTOFF_HZ) ** 4)  # 2nd order roll-off
    out = np.fft.irfft(spectrum, len(samples))
    return fade(normalise(out, 0.7), rate, 0.002, 0.08)


def gun_report(r: Report, rate: int = RATE) -> np.ndarray:
    rng = np.random.default_rng(r.seed)
    t = np.arange(int((r.tail_s + 0.05) * rate)) / rate
    n = len(t)
    snap = shaped_noise(n, rate, 1500, 12000, rng) * np.exp(-t / 0.006) * r.crack
    blast = shaped_noise(n, rate, *r.blast_band, rng, tilt=0.7) * np.exp(-t / r.blast_s)
    thump = np.sin(2 * np.pi * r.body_hz * t * np.exp(-t / 0.08)) * np.exp(-t / 0.04)
    tail = shaped_noise(n, rate, 200, 3000, rng, tilt=0.4) * np.exp(-t / (r.tail_s / 3))
    mix = 0.8 * snap + 1.0 * blast + 0.6 * thump + 0.25 * tail
    if r.ring_hz:
        mix += 0.12 * np.sin(2 * np.pi * r.ring_hz * t) * np.exp(-t / 0.03)
    out = normalise(np.tanh(r.drive * normalise(mix, 1.0)), 0.8)
    if r.echo_s:
        delay = int(r.echo_s * rate)
        out = np.concatenate([out, np.zeros(delay)])
        out[delay:] += 0.3 * out[:-delay].copy()
        out = normalise(out, 0.85)
    return fade(out, rate, 0.0005, 0.08 if not r.echo_s else 0.2)


def _maker(r: Report):
    def make(rate: int = RATE) -> np.ndarray:
        return gun_report(r, rate)
    return make


def _far_maker(r: Report):
    def make(rate: int = RATE) -> np.ndarray:
        return distant(gun_report(r, rate), rate)
    return make


WEAPON_SYNTHS = {name: _maker(r) for name, r in REPORTS.items()}
FAR_SYNTHS = {name + FAR: _far_maker(r) for name, r in REPORTS.items()}
