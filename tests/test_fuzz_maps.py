"""A bounded run of the map fuzzer (tests/map_fuzz.py): seeded mutants of the shipped maps,
the test maps, their tilesets, templates and project file, each through the validator and,
if it validates, the loader, the tile atlas and 300 sim ticks, in a worker limited to
1.5 GB of address space.  Any traceback, hang or memory blow-up fails the test; the only
acceptable outcomes are "played" and "refused with the game's message".

The long run is benchmarks/fuzz_maps.py (--count 5000).
"""

from __future__ import annotations

from tests.map_fuzz import make_mutant, run_campaign

CI_MUTANTS = 60
CI_SEED = 100_000  # a range the long run (seeds 1..5000) does not cover


def test_fuzzed_maps_are_played_or_refused_never_crash(tmp_path):
    tally = run_campaign(CI_MUTANTS, CI_SEED, tmp_path)
    report = "\n".join(f"[seed {seed}] {status}: {note}\n{detail}"
                       for seed, note, status, detail in tally.failures)
    assert tally.bad == 0, report
    assert sum(tally.counts.values()) == CI_MUTANTS
    assert tally.counts["refused"] and tally.counts["ok"]  # both paths were exercised


def test_mutants_are_reproducible_from_their_seed(tmp_path):
    a, note_a = make_mutant(tmp_path / "a", 7)
    b, note_b = make_mutant(tmp_path / "b", 7)
    assert note_a == note_b
    assert a.read_bytes() == b.read_bytes()
