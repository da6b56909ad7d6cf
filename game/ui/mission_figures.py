"""A finished (or running) mission in figures for the end panels: the stats lines and
how the squad stands."""

from __future__ import annotations


def mission_stats(world) -> list[str]:
    s = world.stats
    accuracy = f"{100 * s.hits / s.shots:.0f}%" if s.shots else "-"
    minutes, seconds = divmod(int(world.time_s), 60)
    return [
        f"Survivors saved: {s.rescued} ({world.scenario.rules.rescue_required} needed)",
        f"Survivors lost: {s.civilians_lost}",
        f"Squad standing: {squad_state(world)}",
        f"Time: {minutes:02d}:{seconds:02d}",
        f"Shots fired: {s.shots}, hits {s.hits} (accuracy {accuracy})",
        f"Air strikes used: {s.strikes_used}",
    ]


def squad_counts(world) -> tuple[int, int, int, int]:
    """(standing, down, killed, total): standing is on their feet or out at extraction;
    a downed member is not standing, whatever the rules call alive."""
    squad = world.squad()
    standing = sum(1 for u in squad if u.life in ("active", "gone"))
    down = sum(1 for u in squad if u.life == "downed")
    killed = sum(1 for u in squad if u.life == "dead")
    return standing, down, killed, len(squad)


def squad_state(world) -> str:
    standing, down, killed, total = squad_counts(world)
    extra = [f"{n} {what}" for n, what in ((down, "down"), (killed, "killed")) if n]
    return f"{standing} of {total}" + (f" ({', '.join(extra)})" if extra else "")
