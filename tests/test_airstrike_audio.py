"""The strike's sounds: synthesised, shaped as intended, and safe without a device."""

from __future__ import annotations

import numpy as np

from game.audio.bank import SoundBank
from game.audio.cues import strike_cues
from game.audio.synth import RATE, explosion, jet_pass
from game.sim.events import RadioMessage, StrikeImpact, StrikeInbound


def test_sounds_are_bounded_and_deterministic():
    for make in (explosion, jet_pass):
        a, b = make(), make()
        assert np.array_equal(a, b)
        assert 0.5 < np.max(np.abs(a)) <= 1.0
        assert abs(a[0]) < 0.05 and abs(a[-1]) < 0.01, "no click at either end"


def test_explosion_is_mostly_low_rumble_that_decays():
    boom = explosion()
    spectrum = np.abs(np.fft.rfft(boom)) ** 2
    freqs = np.fft.rfftfreq(len(boom), 1.0 / RATE)
    assert spectrum[freqs < 300].sum() > spectrum[freqs >= 300].sum()
    first, last = boom[: RATE // 2], boom[-RATE // 2 :]
    assert np.sqrt(np.mean(first**2)) > 5 * np.sqrt(np.mean(last**2))


def test_jet_whine_falls_in_pitch_as_it_passes():
    jet = jet_pass()
    window = RATE // 4
    mid = int(0.45 * len(jet))
    before = jet[mid - 2 * window : mid - window]
    after = jet[mid + window : mid + 2 * window]
    # the whine band: look for the strongest tone between 600 and 1300 Hz
    def whine(chunk):
        spectrum = np.abs(np.fft.rfft(chunk * np.hanning(len(chunk))))
        freqs = np.fft.rfftfreq(len(chunk), 1.0 / RATE)
        band = (freqs > 600) & (freqs < 1300)
        return freqs[band][int(np.argmax(spectrum[band]))]
    assert whine(before) > whine(after) + 50


def test_a_bank_without_a_mixer_is_silent_and_never_fails():
    bank = SoundBank.build(use_mixer=False)
    assert not bank.enabled
    assert {"jet", "explosion"} <= set(bank.samples)
    bank.play("explosion", 1.0, -1.0)
    bank.play("no such sound")
    bank.add("extra", np.zeros(10))
    bank.stop_all()


def test_a_bank_on_the_dummy_driver_builds_and_plays():
    bank = SoundBank.build()  # SDL_AUDIODRIVER=dummy under the tests, or no device at all
    bank.play("jet", 0.7, 0.4)
    bank.play("explosion", 2.0, 5.0)  # out-of-range values are clamped, not errors
    bank.stop_all()


class BrokenMixer:
    def Sound(self, buffer):  # noqa: N802 - mirrors pygame.mixer.Sound
        raise RuntimeError("device gone")

    def stop(self):
        raise RuntimeError("device gone")


def test_a_failing_device_degrades_to_silence():
    bank = SoundBank(BrokenMixer())
    bank.add("jet", jet_pass(seconds=0.5))
    bank.play("jet")
    bank.stop_all()
    assert "jet" not in bank.sounds


def test_strike_events_call_for_jet_and_explosion_panned_by_position():
    events = [StrikeInbound(1, 30, 5, 90, 300), StrikeImpact(1, 0, 5, 1000, 2, 3),
              RadioMessage("Falcon-2", "In hot.")]  # its squelch: battle_cues, with every line
    cues = strike_cues(events, (10.0, 5.0, 10.0, 6.0))
    names = [c[0] for c in cues]
    assert names == ["jet", "explosion"]
    assert cues[0][2] > 0.5 and cues[1][2] < -0.5


def test_the_gun_run_sounds_like_a_cannon_not_a_bomb():
    from game.audio.synth import cannon_burst
    from game.sim.events import GunRunImpact

    burst = cannon_burst()
    assert np.array_equal(burst, cannon_burst()) and 0.5 < np.max(np.abs(burst)) <= 1.0
    # the rounds: loudness rises and falls dozens of times a second during the burst
    frame = RATE // 400
    env = np.sqrt(np.mean(burst[: int(0.7 * RATE) // frame * frame].reshape(-1, frame) ** 2,
                          axis=1))
    spectrum = np.abs(np.fft.rfft(env - env.mean()))
    freqs = np.fft.rfftfreq(len(env), frame / RATE)
    fast = freqs > 20  # above the slow swell of the rumble
    assert 50 < freqs[fast][np.argmax(spectrum[fast])] < 80, "a ~65 rounds/s buzz"
    cues = strike_cues([GunRunImpact(1, 2, 2, 12, 2, 0)], (7.0, 2.0, 10.0, 6.0))
    assert [name for name, _, _ in cues] == ["cannon"]
