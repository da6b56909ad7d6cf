"""danger-close [play | sim | validate | replay | pack | install]: the game's command line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TYPE_CHECKING

from game import MAPS_DIR
from game.sim.catalog import TICK_HZ
from game.sim.difficulty import DIFFICULTIES as LEVELS

if TYPE_CHECKING:  # importing game.tiled pulls in numpy and the loader: only when needed
    from game.tiled.errors import MapProblem

DEFAULT_MAP = MAPS_DIR / "granary.tmx"
DIFFICULTIES = tuple(LEVELS)  # the rules' own levels, easiest first


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="danger-close", description=__doc__)
    parser.add_argument("--frames", type=int,
                        help="with no command: draw the title screen this many frames, then exit")
    parser.add_argument("--screenshot", help="with no command: save the last frame to this PNG")
    sub = parser.add_subparsers(dest="command")

    play = sub.add_parser("play", help="play a map in a window")
    play.add_argument("map", nargs="?", default=str(DEFAULT_MAP))
    _add_run_options(play)
    play.add_argument("--frames", type=int, help="run this many frames, then exit")
    play.add_argument("--screenshot", help="save the last frame to this PNG")

    sim = sub.add_parser("sim", help="run a map headless and report")
    sim.add_argument("map")
    _add_run_options(sim)
    sim.add_argument("--ticks", type=int, default=TICK_HZ * 60 * 10,
                     help="at most this many ticks")
    sim.add_argument("--commands", help="JSON-lines file of {tick, command} records")
    sim.add_argument("--json", action="store_true", help="print one JSON object")
    sim.add_argument("--record", help="write the run's commands as a replay file")
    sim.add_argument("--autopilot", action="store_true",
                     help="let the autopilot play the squad (game/ai/autopilot.py)")
    sim.add_argument("--seeds", type=_seed_range, metavar="A..B",
                     help="run every seed from A to B (inclusive) and print a summary")
    sim.add_argument("--jobs", type=_positive, metavar="N",
                     help="with --seeds: games at once, one process each (default: every core)")

    replay = sub.add_parser("replay", help="re-run a recorded replay")
    replay.add_argument("file")
    replay.add_argument("--verify", action="store_true", help="check it ends on the same hash")
    replay.add_argument("--map", help="use this map instead of the one the replay names")
    replay.set_defaults(json=True)  # its report is JSON, so is its error

    validate = sub.add_parser("validate", help="check maps and list every problem")
    validate.add_argument("maps", nargs="+")
    validate.add_argument("--json", action="store_true",
                          help="print one JSON object: every problem with its place")
    pack = sub.add_parser("pack", help="bundle a map and every file it uses into a .zip")
    pack.add_argument("map")
    pack.add_argument("out")
    install = sub.add_parser("install", help="check a map pack and install it in your maps")
    install.add_argument("pack")
    return parser


def _seed_range(text: str) -> range:
    """'A..B' (inclusive) or a single seed, for --seeds."""
    try:
        first, _, last = text.partition("..")
        a, b = _seed(first), _seed(last or first)
    except (ValueError, argparse.ArgumentTypeError):
        raise argparse.ArgumentTypeError(f"expected A..B of seeds from 0, got {text!r}") from None
    if b < a:
        raise argparse.ArgumentTypeError(f"{text!r}: the last seed is before the first")
    return range(a, b + 1)


def _seed(text: str) -> int:
    from game.session import check_seed

    try:
        return check_seed(int(text))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--seed", type=_seed, default=1)
    p.add_argument("--difficulty", choices=DIFFICULTIES, default="normal")


class Failure(Exception):
    """A command that cannot go on: the problems to report (file, place, message), one
    `error: FILE: MESSAGE` line each, and exit status 1."""

    def __init__(self, problems: list[MapProblem]) -> None:
        super().__init__(problems[0].message)
        self.problems = problems

    @classmethod
    def at(cls, file: str | None, message: str) -> Failure:
        from game.tiled.errors import MapProblem

        return cls([MapProblem(file or "", message)])


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        try:
            code = _dispatch(args)
        except Failure as exc:
            _report_failure(exc.problems, as_json=getattr(args, "json", False))
            code = 1
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's exit
        return code
    except BrokenPipeError:
        # `danger-close sim ... | head -3`: the reader has gone; stop quietly, as a
        # program killed by SIGPIPE would, and keep Python's exit flush from failing too.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "sim":
        return _cmd_sim(args)
    if args.command == "validate":
        from game.tiled.validate import run, run_json

        return run_json(args.maps) if args.json else run(args.maps)
    if args.command == "replay":
        return _cmd_replay(args)
    if args.command in ("pack", "install"):
        return _cmd_pack(args)
    if args.command == "play":
        return _in_a_window(lambda: _cmd_play(args.map, args))
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.app import run_title

    return _in_a_window(lambda: run_title(frames=args.frames, screenshot=args.screenshot))


def _report_failure(problems: list[MapProblem], as_json: bool) -> None:
    """`error: FILE: MESSAGE` on stderr (the format `play` and `validate` use); with
    --json also {"error": {...}} on stdout, so a script reading stdout sees why."""
    from game.tiled.validate import problem_json

    for p in problems:
        print(f"{p.severity}: {p}" if p.file else f"{p.severity}: {p.message}", file=sys.stderr)
    if as_json:
        first = problems[0]
        print(json.dumps({"error": {"file": first.file or None, "message": first.message,
                                    "problems": [problem_json(p) for p in problems]}}))


def _in_a_window(run) -> int:
    """Run a windowed entry point; no usable display is a message, not a traceback."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    try:
        return run()
    except pygame.error as exc:
        print(f"error: cannot open the game window ({exc}).\n"
              "Without a screen, `danger-close sim MAP` runs a mission headless, and "
              "SDL_VIDEODRIVER=dummy lets `play --frames N --screenshot F` draw one.",
              file=sys.stderr)
        return 1


def _cmd_play(map_path: str, args: argparse.Namespace) -> int:
    from game.app import run_play

    return run_play(
        map_path, seed=args.seed, difficulty=args.difficulty,
        frames=args.frames, screenshot=args.screenshot, profile=True,
    )


def _load(map_path: str):
    """The scenario, or Failure listing every error the loader found."""
    from game.map_loader import MapLoadFailed, load_map

    try:
        return load_map(map_path)
    except MapLoadFailed as exc:
        raise Failure(exc.problems) from None


def _file_failure(path: str, exc: Exception, what: str) -> Failure:
    """A commands or replay file problem as FILE: [line N: ]MESSAGE."""
    if isinstance(exc, OSError):
        return Failure.at(path, f"cannot read the {what}: {exc.strerror or exc}")
    text = str(exc)
    if text.startswith(f"{path}:"):  # "PATH:LINE: message" from the reader
        line, _, rest = text[len(path) + 1:].partition(": ")
        text = f"line {line}: {rest}" if line.isdigit() else text[len(path) + 1:].strip()
    return Failure.at(path, f"not a usable {what}: {text}")


def _cmd_sim(args: argparse.Namespace) -> int:
    from game.headless import CommandFileError, read_commands, run_headless

    if args.record and args.seeds is not None:
        raise Failure.at(None, "--record takes one run: use --seed, not --seeds")
    scenario = _load(args.map)
    commands = None
    if args.commands:
        try:
            commands = read_commands(args.commands)
        except (OSError, CommandFileError) as exc:
            raise _file_failure(args.commands, exc, "commands file") from None
    if args.seeds is not None:
        return _cmd_sim_seeds(args, scenario, commands)
    pilot = _autopilot() if args.autopilot else None
    run = run_headless(
        scenario, seed=args.seed, ticks=args.ticks, difficulty=args.difficulty,
        commands=commands, extra_commands=pilot,
    )
    if args.record:
        from game.replay import save_replay

        save_replay(run.session, args.record)
    report = run.as_dict()
    if args.json:
        print(json.dumps(report))
    else:
        for key, value in report.items():
            print(f"{key:>18}: {value}")
    return 0


def _autopilot():
    from game.ai.autopilot import Autopilot

    return Autopilot()


def _positive(text: str) -> int:
    """A whole number of at least 1, for --jobs."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: at least 1")
    return value


def _cmd_sim_seeds(args: argparse.Namespace, scenario, commands) -> int:
    """Many seeds, on every core unless --jobs says otherwise: one row per seed in seed
    order and a summary (win rate, mean time, mean survivors saved, squad losses)."""
    from functools import partial

    from game.ai.autopilot_pool import ProgressLine, default_jobs, in_parallel
    from game.ai.autopilot_runs import seed_row, summarise

    progress = ProgressLine(sys.stderr)

    def show(row: dict) -> None:
        if not args.json:
            progress.close()  # the row goes where the progress line was
            print(" ".join(f"{k}={v}" for k, v in row.items()), flush=True)

    work = partial(seed_row, scenario=scenario, difficulty=args.difficulty, ticks=args.ticks,
                   commands=commands, autopilot=args.autopilot)
    rows = in_parallel(work, list(args.seeds), args.jobs or default_jobs(), show, progress)
    progress.close()
    summary = summarise(rows)
    if args.json:
        print(json.dumps({"map": scenario.path, "difficulty": args.difficulty,
                          "autopilot": bool(args.autopilot), "runs": rows,
                          "summary": summary}))
    else:
        for key, value in summary.items():
            print(f"{key:>18}: {value}")
    return 0


def _cmd_pack(args: argparse.Namespace) -> int:
    """`pack MAP OUT.zip` and `install PACK.zip`: one line per file or map, or the reason."""
    from game.packs import PackError, install_pack, pack_map

    try:
        if args.command == "pack":
            for name in pack_map(args.map, args.out):
                print(f"packed: {name}")
            return 0
        done = install_pack(args.pack)
    except PackError as exc:
        raise Failure.at(getattr(args, "pack", None) or args.map, str(exc)) from None
    for path in done.maps:
        print(f"installed: {path}")
    return 0


def _cmd_replay(args: argparse.Namespace) -> int:
    from game.headless import CommandFileError
    from game.replay import load_replay, verify_replay

    try:
        header, commands = load_replay(args.file)
    except (OSError, CommandFileError) as exc:
        raise _file_failure(args.file, exc, "replay") from None
    scenario = _load(args.map or header.map)
    same, run = verify_replay(scenario, header, commands)
    report = run.as_dict()
    print(json.dumps({"replay": args.file, "matches": same, "recorded_hash": header.state_hash,
                      "outcome": report["outcome"], "ticks": report["ticks"],
                      "state_hash": report["state_hash"]}))
    if args.verify and not same:
        print(f"error: {args.file}: replay diverged: the final state hash differs",
              file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())


