"""Footsteps by surface and the door: one footfall per sound, so each walker is placed
where it walks.

    stone   a hard heel click over a small thud (floors, tiles, flagstones)
    gravel  a crunch: dozens of tiny grains cracking over ~80 ms (rubble, debris)
    sand    a soft shuffle with no click (sand, dirt, roads, scrub)
    wood    a hollow knock ringing at the planks' low modes (planks, rafters, ladders)
"""

from __future__ import annotations

import numpy as np

from game.audio.synth import RATE, convolve, fade, normalise, shaped_noise

SURFACES = ("stone", "gravel", "sand", "wood")
STEP_SECONDS = 0.22


def _t(seconds: float, rate: int) -> np.ndarray:
    return np.arange(int(seconds * rate)) / rate


def step_stone(rate: int = RATE, seed: int = 31) -> np.ndarray:
    rng = np.random.default_rng(seed)
    t = _t(STEP_SECONDS, rate)
    click = shaped_noise(len(t), rate, 1800, 6000, rng) * np.exp(-t / 0.006)
    thud = shaped_noise(len(t), rate, 80, 500, rng, tilt=0.6) * np.exp(-t / 0.02)
    return fade(normalise(0.8 * click + 0.6 * thud, 0.5), rate, 0.0005, 0.03)


def step_gravel(rate: int = RATE, seed: int = 32) -> np.ndarray:
    rng = np.random.default_rng(seed)
    t = _t(STEP_SECONDS, rate)
    grains = np.zeros(len(t))
    at = rng.integers(0, int(0.09 * rate), size=60)
    grains[at] = rng.uniform(0.2, 1.0, size=60) * np.exp(-t[at] / 0.04)
    grit = convolve(grains, shaped_noise(int(0.004 * rate), rate, 2500, 9000, rng))
    body = shaped_noise(len(t), rate, 300, 2000, rng) * np.exp(-t / 0.03)
    return fade(normalise(grit + 0.25 * body, 0.5), rate, 0.001, 0.03)


def step_sand(rate: int = RATE, seed: int = 33) -> np.ndarray:
    rng = np.random.default_rng(seed)
    t = _t(STEP_SECONDS, rate)
    swell = (1.0 - np.exp(-t / 0.02)) * np.exp(-t / 0.05)  # no click: the foot sinks in
    hush = shaped_noise(len(t), rate, 100, 1400, rng, tilt=0.8) * swell
    return fade(normalise(hush, 0.4), rate, 0.002, 0.04)


def step_wood(rate: int = RATE, seed: int = 34) -> np.ndarray:
    rng = np.random.default_rng(seed)
    t = _t(STEP_SECONDS, rate)
    knock = (np.sin(2 * np.pi * 190 * t) + 0.6 * np.sin(2 * np.pi * 430 * t)) * np.exp(-t / 0.045)
    tap = shaped_noise(len(t), rate, 600, 4000, rng) * np.exp(-t / 0.005)
    return fade(normalise(knock + 0.5 * tap, 0.5), rate, 0.0005, 0.03)


def door_open(rate: int = RATE, seed: int = 35) -> np.ndarray:
    """The latch's click, the hinge creaking as it swings, the door knocking the wall."""
    rng = np.random.default_rng(seed)
    t = _t(0.75, rate)
    n = len(t)
    latch = shaped_noise(n, rate, 2000, 8000, rng) * np.exp(-t / 0.004)
    swing = np.clip((t - 0.05) / 0.5, 0.0, 1.0)
    pitch = 320.0 + 160.0 * swing + 25.0 * np.sin(2 * np.pi * 7.0 * t)  # wavering hinge
    phase = 2 * np.pi * np.cumsum(pitch) / rate
    creak = np.tanh(3.0 * np.sin(phase)) * np.sin(np.pi * swing) ** 0.5 * (t > 0.05)
    knock_t = np.maximum(t - 0.58, 0.0)
    knock = (np.sin(2 * np.pi * 110 * knock_t) * np.exp(-knock_t / 0.05)
             + shaped_noise(n, rate, 200, 2500, rng) * np.exp(-knock_t / 0.01)) * (t >= 0.58)
    return fade(normalise(0.7 * latch + 0.35 * creak + 0.8 * knock, 0.6), rate, 0.0005, 0.05)


FOLEY_SYNTHS = {
    "step_stone": step_stone,
    "step_gravel": step_gravel,
    "step_sand": step_sand,
    "step_wood": step_wood,
    "door": door_open,
}
