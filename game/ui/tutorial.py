"""On-screen training prompts from a map's `tutorial` property, one line per step.

A step is done when the player does what it asks.  What it asks is read from the words of
the line itself, so a modder writes plain prompts and they still advance; Tab always skips
to the next one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields

import pygame

from game.render.text import TextCache
from game.sim import commands as c
from game.sim import events as ev
from game.ui.text_wrap import wrap
from game.ui.widgets import scaled

PANEL = (18, 22, 26, 215)
LEFT_CLEAR, RIGHT_CLEAR = 170, 450
ACCENT = (240, 200, 90)


@dataclass
class Progress:
    """What the player has done so far in this mission."""

    selected: bool = False
    moved: bool = False
    paused: bool = False
    found: bool = False
    following: bool = False
    healed: bool = False
    strike: bool = False
    extracted: bool = False
    attacked: bool = False


Check = Callable[[Progress], bool]
_FLAG_NAMES = tuple(f.name for f in fields(Progress))


def world_progress(world) -> Progress:
    """The steps the world itself shows were done (not how: selecting and pausing leave
    no trace in it)."""
    civilians = world.civilians()
    p = Progress(
        found=any(u.survivor.found for u in civilians),
        following=any(u.survivor.leader_id and u.alive for u in civilians),
        healed=world.stats.medkits_used > 0,
        strike=world.stats.strikes_used > 0 or bool(world.strikes),
        # "bring them all to Bravo" is done when the mission is, not at the first one in
        extracted=world.outcome == "victory",
    )
    p.moved = p.found or p.following or p.extracted  # none of these happens standing still
    p.selected = p.moved
    return p


def _decoded(recorded: Iterable[dict]) -> list:
    """The recorded player orders that still decode (a damaged line is skipped)."""
    out = []
    for entry in recorded:
        try:
            out.append(c.command_from_dict(entry["command"]))
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    return out

# the first keyword found in a prompt decides what finishes it; order matters
KEYWORDS: tuple[tuple[tuple[str, ...], Check], ...] = (
    (("falcon", "air strike", "press b"), lambda p: p.strike),
    (("treat", "heal", "medic"), lambda p: p.healed),
    (("follow", "gather"), lambda p: p.following),
    (("pause", "space"), lambda p: p.paused),
    # before "survivor": "bring the survivors to extraction" is about getting out
    (("extraction", "bravo"), lambda p: p.extracted),
    (("survivor", "house", "search", "find"), lambda p: p.found),
    (("attack", "fire at", "shoot"), lambda p: p.attacked),
    (("right-click", "move"), lambda p: p.moved),
    (("select",), lambda p: p.selected),
)


def check_for(line: str) -> Check | None:
    low = line.lower()
    for words, check in KEYWORDS:
        if any(w in low for w in words):
            return check
    return None


@dataclass
class Tutorial:
    lines: list[str]
    index: int = 0
    progress: Progress = field(default_factory=Progress)
    drawn_at: pygame.Rect | None = field(default=None, compare=False)  # the last prompt

    @classmethod
    def from_rules(cls, text: str) -> Tutorial | None:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        return cls(lines) if lines else None

    @property
    def done(self) -> bool:
        return self.index >= len(self.lines)

    @property
    def current(self) -> str:
        return "" if self.done else self.lines[self.index]

    def skip(self) -> None:
        self.index = min(self.index + 1, len(self.lines))
        self._advance()

    def observe_orders(self, orders: Iterable) -> None:
        for order in orders:
            p = self.progress
            if isinstance(order, c.Move):
                p.moved = True
            elif isinstance(order, c.Follow | c.Gather):
                p.following = True
            elif isinstance(order, c.Heal):
                p.healed = True
            elif isinstance(order, c.Attack | c.AttackGround):
                p.attacked = True
        self._advance()

    def observe_events(self, events: Iterable) -> None:
        p = self.progress
        for event in events:
            name = type(event).__name__
            if isinstance(event, ev.CivilianFound):
                p.found = True
            elif name in ("StrikeRequested", "StrikeInbound"):
                p.strike = True
        self._advance()

    def observe_state(self, selected: bool, paused: bool) -> None:
        self.progress.selected |= selected
        self.progress.paused |= paused
        self._advance()

    def observe_world(self, world) -> None:
        """What the world shows was already done counts as done: after a quickload no
        event says again that the survivors were found or Falcon-2 was called."""
        shown = world_progress(world)
        for name in _FLAG_NAMES:
            if getattr(shown, name):
                setattr(self.progress, name, True)
        self._advance()

    def resume(self, world, recorded: Iterable[dict], saved: object = None) -> None:
        """Carry on after a quickload from the state of the world: the player's recorded
        orders, the step and flags saved with the quicksave (`saved`, unchecked data from
        the file; an older save has none) and what the world shows was done."""
        self.observe_orders(_decoded(recorded))
        if isinstance(saved, dict):
            flags = saved.get("done")
            for name in flags if isinstance(flags, list) else ():
                if isinstance(name, str) and name in _FLAG_NAMES:
                    setattr(self.progress, name, True)
            index = saved.get("index")
            if isinstance(index, int) and not isinstance(index, bool):
                self.index = max(self.index, min(index, len(self.lines)))
        self.observe_world(world)

    def saved(self) -> dict:
        """What a quicksave keeps: the step reached and what the player has done."""
        return {"index": self.index,
                "done": [n for n in _FLAG_NAMES if getattr(self.progress, n)]}

    def _advance(self) -> None:
        while not self.done:
            check = check_for(self.current)
            if check is None or not check(self.progress):
                return
            self.index += 1

    def draw(self, surface: pygame.Surface, text: TextCache, top: int,
             right_clear: int | None = None, left_clear: int | None = None,
             avoid: Iterable[tuple[int, int]] = (), bottom: int | None = None,
             ui: float = 1.0) -> None:
        """The prompt at the top, between the strike button and the radio log; moved down
        to `bottom` (the lowest y it may reach) while it would hide a point of `avoid`
        (the survivors on screen: a prompt never covers who it asks you to find)."""
        if self.done:
            return
        # between the strike button (left) and the radio log (right)
        left = LEFT_CLEAR if left_clear is None else left_clear
        right = surface.get_width() - (RIGHT_CLEAR if right_clear is None else right_clear)
        def s(value: float) -> int:
            return scaled(value, ui)

        if right - left < s(320):
            left, right = 10, surface.get_width() - 10
        width = min(s(640), right - left)
        lines = wrap(self.current, text.font(s(20)), width - s(28))
        height = s(34) + s(22) * len(lines)
        rect = pygame.Rect(0, 0, width, height)
        rect.midtop = ((left + right) // 2, top)
        margin = rect.inflate(48, 48)
        if bottom is not None and any(margin.collidepoint(p) for p in avoid):
            rect.bottom = bottom
        self.drawn_at = rect
        panel = pygame.Surface(rect.size, pygame.SRCALPHA)
        panel.fill(PANEL)
        surface.blit(panel, rect)
        pygame.draw.rect(surface, ACCENT, rect, 1)
        head = f"Training {self.index + 1}/{len(self.lines)}"
        text.blit(surface, head, (rect.x + s(14), rect.y + s(8)), s(16), ACCENT, bold=True)
        text.blit(surface, "Tab: next", (rect.right - s(14), rect.y + s(8)), s(16),
                  (170, 170, 160), anchor="topright")
        for i, line in enumerate(lines):
            text.blit(surface, line, (rect.x + s(14), rect.y + s(28) + s(22) * i), s(20))
