"""Loading a Tiled JSON map against its TMX twin (game/tiled/json_format.py): the median
time of `load_scenario` for the granary as .tmx, as .tmj with a .tsj tileset, with the
tileset embedded and with zlib layers, and of the JSON-to-tree step alone.  Prints JSON:

    python benchmarks/bench_json_maps.py [--runs 20]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.timing import timed_median_ms  # noqa: E402
from game import MAPS_DIR, ROOT  # noqa: E402
from game.tiled import load_scenario  # noqa: E402
from game.tiled.json_format import json_tree  # noqa: E402

JSON = ROOT / "tests" / "data" / "tiled_json"




def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    maps = [MAPS_DIR / "granary.tmx", JSON / "granary.tmj", JSON / "granary_embedded.tmj",
            JSON / "granary_zlib.tmj"]
    out = {"load_ms": {}, "json_to_tree_ms": {}}
    for path in maps:
        load_scenario(path)  # warm imports and caches
        out["load_ms"][path.name] = timed_median_ms(lambda p=path: load_scenario(p), runs)
        if path.suffix == ".tmj":
            text = path.read_text(encoding="utf-8")
            out["json_to_tree_ms"][path.name] = timed_median_ms(
                lambda t=text, p=path: json_tree(t, str(p)), runs)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
