"""Autopilot games in bulk: one row per run and a summary, for `sim --seeds` and the
balance benchmark (autopilot_pool runs them on every core)."""

from __future__ import annotations

from typing import Any

from game.ai.autopilot import Autopilot
from game.sim.catalog import TICK_HZ
from game.sim.scenario import Scenario

DEFAULT_TICK_CAP = 20 * 60 * TICK_HZ  # 20 minutes of game time


def run_row(report: dict[str, Any], world: Any) -> dict[str, Any]:
    """The per-seed row: outcome, time, survivors saved, squad lost (dead or left down)."""
    lost = sum(1 for u in world.squad() if u.life in ("dead", "downed"))
    events = report.get("events", {})
    return {
        "seed": report["seed"],
        "outcome": report["outcome"],
        "reason": report["reason"],
        "time_s": report["time_s"],
        "survivors_saved": report["survivors_saved"],
        "rescue_required": report["rescue_required"],
        "squad_lost": lost,
        "squad_killed": report["squad_killed"],
        "crates_delivered": report["crates_delivered"],
        "strikes_used": report["strikes_used"],
        "danger_close": events.get("DangerCloseWarning", 0),
        "strike_hits": world.stats.strike_casualties,  # downed or killed, any side
        "survivors_lost": report["survivors_lost"],
        "start_layout": report["start_layout"],
        "grenades_thrown": report["grenades_thrown"],
        "grenades_thrown_at_us": report["grenades_thrown_at_us"],
        "stars": report["stars"],
    }


def play(
    scenario: Scenario, seed: int, difficulty: str = "normal", ticks: int = DEFAULT_TICK_CAP,
    commands: dict[int, list[Any]] | None = None,
):
    """One autopilot game; returns the headless RunReport."""
    from game.headless import run_headless  # game.headless pulls in the session and AI

    return run_headless(scenario, seed=seed, ticks=ticks, difficulty=difficulty,
                        commands=commands, extra_commands=Autopilot())


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Win rate, mean time of the wins, mean survivors saved, mean squad lost."""
    n = len(rows)
    if not n:
        return {"runs": 0}
    wins = [r for r in rows if r["outcome"] == "victory"]
    return {
        "runs": n,
        "wins": len(wins),
        "win_rate": round(len(wins) / n, 3),
        "defeats": sum(1 for r in rows if r["outcome"] == "defeat"),
        "undecided": sum(1 for r in rows if r["outcome"] == "undecided"),
        "mean_time_s": round(sum(r["time_s"] for r in rows) / n, 1),
        "mean_win_time_s": round(sum(r["time_s"] for r in wins) / len(wins), 1) if wins else None,
        "mean_saved": round(sum(r["survivors_saved"] for r in rows) / n, 2),
        "mean_squad_lost": round(sum(r["squad_lost"] for r in rows) / n, 2),
        "mean_survivors_lost": round(sum(r.get("survivors_lost", 0) for r in rows) / n, 2),
        "strikes": sum(r.get("strikes_used", 0) for r in rows),
        "danger_close": sum(r.get("danger_close", 0) for r in rows),
        "strike_hits": sum(r.get("strike_hits", 0) for r in rows),
        "wins_with_strike": sum(1 for r in wins if r.get("strikes_used", 0)),
        "grenades": sum(r.get("grenades_thrown", 0) + r.get("grenades_thrown_at_us", 0)
                        for r in rows),
        "mean_grenades_thrown": round(sum(r.get("grenades_thrown", 0) for r in rows) / n, 2),
        "mean_grenades_thrown_at_us": round(
            sum(r.get("grenades_thrown_at_us", 0) for r in rows) / n, 2),
    }


def seed_row(seed: int, scenario: Scenario, difficulty: str, ticks: int,
             commands: dict[int, list[Any]] | None, autopilot: bool) -> dict[str, Any]:
    """One headless game (the autopilot playing, or only the given commands) as its
    row; a top-level function so a worker process can run it."""
    from game.headless import run_headless  # game.headless pulls in the session and AI

    pilot = Autopilot() if autopilot else None
    run = run_headless(scenario, seed=seed, ticks=ticks, difficulty=difficulty,
                       commands=commands, extra_commands=pilot)
    return run_row(run.as_dict(), run.session.world)
