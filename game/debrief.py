"""The debrief: what a finished (or abandoned) mission comes to, and its star rating.

Pure computation from a World, no pygame: the debrief screen, the `sim` report and the
campaign save all read the same figures.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from game.sim.world import OUTCOME_VICTORY, World

STAR_RULES = (  # plain text: every font has these glyphs
    "1 star: win (the survivors the mission needs out, the squad at the extraction).",
    "2 stars: win with nobody killed, squad or survivor.",
    "3 stars: win with nobody killed and every survivor on the map brought out.",
)
STAR_RULE_TEXT = "\n".join(STAR_RULES)


@dataclass(frozen=True)
class Debrief:
    title: str
    outcome: str  # "victory" | "defeat" | "undecided"
    reason: str
    survivors_total: int
    survivors_found: int
    rescued: int  # saved: brought to the extraction zone
    survivors_lost: int  # killed
    rescue_required: int
    squad_total: int
    squad_killed: int
    squad_wounded: int  # alive but hurt, downed or bleeding at the end
    time_s: float
    shots: int
    hits: int
    accuracy: float  # 0..1, hits per shot fired by the squad
    strikes_used: int
    strike_casualties: int
    medkits_used: int
    crates_delivered: int
    insurgents_killed: int
    stars: int  # 0 on defeat, else 1..3
    star_rule: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def lines(self) -> list[str]:
        """The figures as short lines of text, for a plain debrief screen or a log."""
        minutes, seconds = divmod(int(self.time_s), 60)
        return [
            f"Survivors saved: {self.rescued} of {self.survivors_total}"
            f" (needed {self.rescue_required})",
            f"Survivors lost: {self.survivors_lost}",
            f"Squad: {self.squad_killed} killed, {self.squad_wounded} wounded",
            f"Time: {minutes}:{seconds:02d}",
            f"Shots: {self.shots}, hits {self.hits} ({round(self.accuracy * 100)}%)",
            f"Air strikes used: {self.strikes_used}",
            f"Rating: {self.stars} of 3 stars",
        ]


def star_rating(won: bool, squad_killed: int, survivors_lost: int, all_out: bool) -> int:
    """The rule in STAR_RULES, as code."""
    if not won:
        return 0
    if squad_killed or survivors_lost:
        return 1
    return 3 if all_out else 2


def debrief(world: World) -> Debrief:
    civilians = world.civilians()
    squad = world.squad()
    stats = world.stats
    rescued = len(world.rescued_ids) or stats.rescued
    lost = sum(1 for c in civilians if c.life == "dead")
    squad_killed = sum(1 for u in squad if u.life == "dead")
    wounded = sum(
        1 for u in squad
        if u.alive and (u.life == "downed" or u.bleed or u.hp < u.utype.max_hp)
    )
    won = world.outcome == OUTCOME_VICTORY
    return Debrief(
        title=world.scenario.rules.title,
        outcome=world.outcome,
        reason=world.outcome_reason,
        survivors_total=len(civilians),
        survivors_found=sum(1 for c in civilians if c.survivor.found),
        rescued=rescued,
        survivors_lost=lost,
        rescue_required=world.scenario.rules.rescue_required,
        squad_total=len(squad),
        squad_killed=squad_killed,
        squad_wounded=wounded,
        time_s=round(world.time_s, 1),
        shots=stats.shots,
        hits=stats.hits,
        accuracy=round(stats.hits / stats.shots, 3) if stats.shots else 0.0,
        strikes_used=stats.strikes_used,
        strike_casualties=stats.strike_casualties,
        medkits_used=stats.medkits_used,
        crates_delivered=stats.crates_delivered,
        insurgents_killed=stats.kills,
        stars=star_rating(won, squad_killed, lost, rescued == len(civilians)),
        star_rule=STAR_RULE_TEXT,
    )
