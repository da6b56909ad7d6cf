"""Balance table: the autopilot's record on every shipped map at every difficulty.

    python -m benchmarks.balance [--seeds 20] [--maps training granary] [--json]
        [--difficulties easy normal hard] [--minutes 20] [--jobs N]

Each game runs headless with the autopilot (game/ai/autopilot.py) until it ends or hits
the cap of game time; the table gives the win rate, the mean mission time and the mean
time of the wins, survivors saved, squad lost (dead or left down) and survivors lost per
game, Falcon-2 strikes called (how many danger close, and in how many wins), grenades
thrown, and how long the whole run took (with the games per second). Games run on every
core unless --jobs says otherwise; the rows are the same whatever the number of jobs. A
progress line shows on a terminal.
Maps come in the campaign's order (maps/campaign.json), then any other maps/*.tmx.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from game import MAPS_DIR
from game.ai.autopilot_pool import default_jobs
from game.sim.catalog import TICK_HZ

DIFFICULTIES = ("easy", "normal", "hard")


def shipped_maps() -> list[Path]:
    ordered: list[Path] = []
    campaign = MAPS_DIR / "campaign.json"
    if campaign.exists():
        for entry in json.loads(campaign.read_text(encoding="utf-8")):
            path = MAPS_DIR / entry["map"]
            if path.exists():
                ordered.append(path)
    for path in sorted(MAPS_DIR.glob("*.tmx")):
        if path not in ordered:
            ordered.append(path)
    return ordered


def _one_game(job: tuple[str, str, int, int]) -> dict[str, Any]:
    from game.ai.autopilot_runs import play, run_row
    map_path, difficulty, seed, ticks = job
    scenario = _load(map_path)
    started = time.perf_counter()
    run = play(scenario, seed, difficulty, ticks)
    row = run_row(run.as_dict(), run.session.world)
    row.update(map=Path(map_path).stem, difficulty=difficulty,
               wall_s=round(time.perf_counter() - started, 2))
    return row


@lru_cache(maxsize=8)
def _load(map_path: str):
    """Each worker parses a map once (the autopilot never changes the Scenario)."""
    from game.tiled.loader import load_scenario

    return load_scenario(map_path)


def run_table(maps: list[Path], difficulties: list[str], seeds: range, ticks: int,
              jobs: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]], float]:
    from game.ai.autopilot_pool import ProgressLine, in_parallel
    from game.ai.autopilot_runs import summarise

    games = [(str(m), d, s, ticks) for m in maps for d in difficulties for s in seeds]
    started = time.perf_counter()
    progress = ProgressLine(sys.stderr, "games")
    rows = in_parallel(_one_game, games, jobs, progress=progress)
    progress.close()
    elapsed = time.perf_counter() - started
    table = []
    for m in maps:
        for d in difficulties:
            mine = [r for r in rows if r["map"] == m.stem and r["difficulty"] == d]
            summary = summarise(mine)
            summary.update(map=m.stem, difficulty=d,
                           wall_s=round(sum(r["wall_s"] for r in mine), 1))
            table.append(summary)
    return table, rows, elapsed


def print_table(table: list[dict[str, Any]], elapsed: float, seeds: range, ticks: int) -> None:
    print(f"autopilot balance: {len(seeds)} seeds ({seeds.start}..{seeds.stop - 1}), "
          f"cap {ticks // TICK_HZ // 60} min of game time")
    head = (f"{'map':<15}{'difficulty':<8}{'win':>5}{'W':>4}{'L':>4}{'U':>4}"
            f"{'time s':>7}{'win s':>6}{'saved':>6}{'sq lost':>8}{'surv lost':>10}"
            f"{'strikes':>8}{'dc':>4}{'hit':>4}{'won+strk':>9}{'gren':>5}{'cpu s':>7}")
    print(head)
    print("-" * len(head))
    for row in table:
        win_time = "-" if row["mean_win_time_s"] is None else f"{row['mean_win_time_s']:.0f}"
        print(f"{row['map']:<15}{row['difficulty']:<8}{row['win_rate']:>5.0%}{row['wins']:>4}"
              f"{row['defeats']:>4}{row['undecided']:>4}{row['mean_time_s']:>7.0f}{win_time:>6}"
              f"{row['mean_saved']:>6.1f}{row['mean_squad_lost']:>8.2f}"
              f"{row['mean_survivors_lost']:>10.2f}{row['strikes']:>8}{row['danger_close']:>4}"
              f"{row['strike_hits']:>4}{row['wins_with_strike']:>9}{row['grenades']:>5}{row['wall_s']:>7.1f}")
    print("time s: mean mission time; win s: mean time of the wins; sq lost / surv lost: "
          "per game; strikes, dc (danger close), hit (people the strikes downed or killed, any "
          "side), won+strk (wins with a strike called), "
          "gren (grenades thrown): totals over the seeds")
    games = len(seeds) * len(table)
    print(f"whole run: {elapsed:.1f} s wall clock, {games / elapsed:.2f} games/s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=20, help="games per map and difficulty")
    parser.add_argument("--first-seed", type=int, default=1)
    parser.add_argument("--maps", nargs="*", help="map names or paths (default: all shipped)")
    parser.add_argument("--difficulties", nargs="*", default=list(DIFFICULTIES),
                        choices=DIFFICULTIES)
    parser.add_argument("--minutes", type=float, default=20.0, help="game-time cap per game")
    parser.add_argument("--jobs", "--workers", dest="jobs", type=int, default=default_jobs(),
                        help="games at once, one process each (default: every core)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    maps = shipped_maps()
    if args.maps:
        wanted = {Path(m).stem for m in args.maps}
        maps = [m for m in maps if m.stem in wanted] + [
            Path(m) for m in args.maps if Path(m).suffix == ".tmx" and Path(m).stem not in
            {p.stem for p in maps}]
    if not maps:
        print("no maps to run", file=sys.stderr)
        return 1
    seeds = range(args.first_seed, args.first_seed + args.seeds)
    ticks = int(args.minutes * 60 * TICK_HZ)
    table, rows, elapsed = run_table(maps, args.difficulties, seeds, ticks, args.jobs)
    if args.json:
        print(json.dumps({"seeds": [seeds.start, seeds.stop - 1], "tick_cap": ticks,
                          "jobs": args.jobs, "wall_s": round(elapsed, 1),
                          "games_per_s": round(len(rows) / elapsed, 3),
                          "table": table, "runs": rows}))
    else:
        print_table(table, elapsed, seeds, ticks)
    return 0


if __name__ == "__main__":
    sys.exit(main())
