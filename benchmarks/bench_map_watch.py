"""Reload-on-save costs (game/ui/map_watch.py): following a map's references once (at the
mission's first frame and after each reload) and one poll (a stat per file), for each
shipped map.  Prints JSON:

    python benchmarks/bench_map_watch.py [--runs 200]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.timing import timed_median_ms  # noqa: E402
from game import MAPS_DIR  # noqa: E402
from game.ui import map_watch  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    report = {}
    for path in sorted(MAPS_DIR.glob("*.tmx")):
        files = map_watch.dependencies(path)
        report[path.name] = {
            "files": len(files),
            "follow_refs_ms": timed_median_ms(lambda p=path: map_watch.dependencies(p), args.runs),
            "poll_ms": timed_median_ms(lambda f=files: map_watch.signature(f), args.runs),
        }
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
