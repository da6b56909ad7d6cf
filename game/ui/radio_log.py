"""The radio log: what happened, in words, with mission timestamps."""

from __future__ import annotations

from dataclasses import dataclass

from game.sim import events as ev

MAX_LINES = 60
WHITE, AMBER, RED, GREEN, GREY, CYAN = (
    (235, 235, 228), (250, 200, 90), (240, 90, 80), (120, 230, 130), (150, 150, 150),
    (120, 210, 230),
)


@dataclass(frozen=True)
class LogLine:
    time_s: float
    text: str
    colour: tuple[int, int, int]


def _name(world, uid: int) -> str:
    unit = world.units.get(uid)
    return unit.name if unit else "?"


def describe(event, world) -> tuple[str, tuple[int, int, int]] | None:
    """A line for the log, or None for events the log keeps quiet about."""
    units = world.units
    if isinstance(event, ev.RadioMessage):
        if event.speaker == "Radio" and _names_its_speaker(event.text):
            return event.text, CYAN  # a map's trigger line that says who speaks
        return f"{event.speaker}: {event.text}", CYAN
    if isinstance(event, ev.EnemySpotted):
        unit = units.get(event.unit_id)
        what = unit.utype.display if unit else "Hostile"
        return f"{_name(world, event.spotter_id)}: Contact! {what} spotted.", AMBER
    if isinstance(event, ev.CivilianFound):
        # the finder's radio call names the whole group found ("Found six children"); a
        # line per survivor pushed the ambush's calls out of the log
        return None
    if isinstance(event, ev.CivilianRescued):
        return "Survivor safe at extraction.", GREEN
    if isinstance(event, ev.SquadExtracted):
        return f"{_name(world, event.unit_id)} is at extraction.", GREEN
    if isinstance(event, ev.DoorOpened):
        return None
    if isinstance(event, (ev.UnitDowned, ev.UnitKilled)):
        return _casualty(event, world)
    if isinstance(event, ev.UnitRevived):
        return f"{_name(world, event.unit_id)} is back up.", GREEN
    if isinstance(event, ev.MissionEnded):
        colour = GREEN if event.outcome == "victory" else RED
        return f"Mission {event.outcome}: {event.reason}", colour
    if isinstance(event, ev.CommandRefused):
        return (f"Can't do that: {event.reason}.", GREY) if _players(event, world) else None
    return None


def _names_its_speaker(text: str) -> bool:
    """ "Rahim: Targets in the pit." starts with who says it (a name of a word or two)."""
    head, sep, _ = text.partition(": ")
    return bool(sep) and 0 < len(head) <= 24 and head[0].isupper() and len(head.split()) <= 3


def _players(refusal, world) -> bool:
    """Was the refused order the player's?  The insurgents' AI sends orders through the
    same step; their refusals are no news for the player's radio (the AI only ever
    orders insurgents, and the player never does)."""
    unit = world.units.get(refusal.unit_id)
    return unit is None or unit.side != "insurgent"


def _casualty(event, world):
    unit = world.units.get(event.unit_id)
    if unit is None:
        return None
    killed = isinstance(event, ev.UnitKilled)
    if unit.side == "insurgent":
        return ("Hostile down." if killed else None), WHITE
    if unit.side == "squad":
        return (f"{unit.name} is dead." if killed else f"Man down: {unit.name}!"), RED
    return (f"A survivor ({unit.kind}) was killed." if killed
            else f"A survivor ({unit.kind}) is hit!"), RED


class RadioLog:
    def __init__(self) -> None:
        self.lines: list[LogLine] = []

    def consume(self, events: list, world) -> None:
        for event in events:
            said = describe(event, world)
            if said is None or said[0] is None:
                continue
            text, colour = said
            if self.lines and self.lines[-1].text == text and text.startswith("Can't"):
                continue  # one refusal per reason is enough
            self.lines.append(LogLine(world.time_s, text, colour))
        del self.lines[:-MAX_LINES]

    def add(self, time_s: float, text: str, colour=WHITE) -> None:
        self.lines.append(LogLine(time_s, text, colour))

    def clear(self) -> None:
        self.lines.clear()

    def last(self, n: int) -> list[LogLine]:
        return self.lines[-n:]

    def rows(self, fits, max_rows: int) -> list[tuple[LogLine, int, str]]:
        return fit_rows(self.lines, fits, max_rows)


def fit_rows(lines, fits, max_rows: int, max_wrap: int = 3,
             wrapped: dict[str, list[str]] | None = None) -> list[tuple[LogLine, int, str]]:
    """The newest lines that fit in max_rows screen rows, oldest first, as
    (line, row within the line, text): a line too long for one row (fits(text, row) is
    False) carries on in further rows rather than being cut, so fewer lines are shown.
    wrapped: the rows of texts wrapped before with the same fits and max_wrap, filled
    here (a new radio line shifts the log, and the lines before it wrap as they did)."""
    shown: list[list[tuple[LogLine, int, str]]] = []
    used = 0
    for line in reversed(lines):
        parts = wrapped.get(line.text) if wrapped is not None else None
        if parts is None:
            parts = wrap_words(line.text, fits, max_wrap)
            if wrapped is not None:
                wrapped[line.text] = parts
        if used + len(parts) > max_rows:
            break
        shown.append([(line, row, part) for row, part in enumerate(parts)])
        used += len(parts)
    return [row for entry in reversed(shown) for row in entry]


def wrap_words(text: str, fits, max_rows: int) -> list[str]:
    """text split at spaces into rows that fit (fits(row_text, row_index) -> bool); past
    max_rows the last row is cut with "..." (radio lines never get that long)."""
    rows: list[str] = []
    row = ""
    for word in text.split(" "):
        trial = f"{row} {word}" if row else word
        if not row or fits(trial, len(rows)):
            row = trial
        else:
            rows.append(row)
            row = word
    rows.append(row)
    if len(rows) > max_rows:
        last = " ".join(rows[max_rows - 1:])
        while last and not fits(last + "...", max_rows - 1):
            last = last[:-1]
        rows = rows[:max_rows - 1] + [last.rstrip() + "..."]
    return rows
