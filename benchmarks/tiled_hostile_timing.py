"""How long each hostile map of tests/test_tiled_hostile.py takes to be refused.

    python -m benchmarks.tiled_hostile_timing [--repeat 3]

The tests assert what is refused and the memory it costs; the time it takes is measured
here (best of --repeat loads, each in a fresh folder) and printed, never asserted.
"""

from __future__ import annotations

import argparse
import inspect
import itertools
import tempfile
import time
from pathlib import Path

import tests.test_tiled_hostile as hostile
from game.tiled import MapError, load_scenario


def _cases():
    """(name, test function, keyword arguments) for every hostile test and parameter."""
    for name, fn in inspect.getmembers(hostile, inspect.isfunction):
        if not name.startswith("test_"):
            continue
        params = [m for m in getattr(fn, "pytestmark", []) if m.name == "parametrize"]
        if not params:
            yield name, fn, {}
            continue
        argnames, values = params[0].args[:2]
        names = [a.strip() for a in argnames.split(",")]
        for value in values:
            row = value if len(names) > 1 else (value,)
            yield f"{name}[{row[0]}]", fn, dict(zip(names, row, strict=True))


def _time_refusal(fn, kwargs: dict, folder: Path) -> float | None:
    """Seconds to refuse the map the test writes (the test's own checks run too)."""
    timings: list[float] = []

    def timed(path, message, names=None):
        start = time.perf_counter()
        try:
            load_scenario(path)
        except MapError as exc:
            timings.append(time.perf_counter() - start)
            return str(exc)
        raise AssertionError(f"{path} was not refused")

    original = hostile._refused
    hostile._refused = timed
    try:
        fn(tmp_path=folder, **kwargs)
    except Exception as exc:  # noqa: BLE001 - a skipped or changed test: report, go on
        print(f"    ({type(exc).__name__}: {exc})")
    finally:
        hostile._refused = original
    return timings[0] if timings else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'hostile map':60s} best of {args.repeat} (ms)")
    counter = itertools.count()
    with tempfile.TemporaryDirectory() as work:
        for name, fn, kwargs in _cases():
            best = None
            for _ in range(args.repeat):
                folder = Path(work) / str(next(counter))
                folder.mkdir()
                took = _time_refusal(fn, kwargs, folder)
                if took is not None:
                    best = took if best is None else min(best, took)
            shown = f"{best * 1000:9.1f}" if best is not None else "      n/a"
            print(f"{name:60s} {shown}")


if __name__ == "__main__":
    main()
