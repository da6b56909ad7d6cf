"""Attention where it is needed: recent alerts the camera can jump to (a key cycles back
through them), and the off-screen pointers (extraction, objectives, downed squad
members, new contacts) for game/render/offscreen_arrows.py."""

from __future__ import annotations

from dataclasses import dataclass

from game.render.camera import PX_PER_SUB
from game.render.offscreen_arrows import Pointer
from game.sim.events import CivilianFound, EnemySpotted, UnitDowned
from game.sim.geometry import SUB
from game.sim.queries import player_sees

KEEP = 8  # alerts the jump key cycles through
CONTACT_S = 12.0  # a contact counts as new this long
EXTRACTION = (90, 230, 120)
OBJECTIVE = (250, 220, 90)
DOWNED = (255, 90, 80)
CONTACT = (255, 150, 60)


@dataclass
class Alert:
    kind: str  # "contact", "downed" or "found"
    unit_id: int
    x: int  # sub units, where it happened
    y: int
    time_s: float


class AlertFeed:
    def __init__(self) -> None:
        self.alerts: list[Alert] = []
        self.cursor = -1  # the alert the last jump went to (index from the newest)

    def consume(self, events: list, world, now_s: float) -> None:
        for event in events:
            kind = _KINDS.get(type(event))
            unit = world.units.get(getattr(event, "unit_id", 0))
            if kind is None or unit is None:
                continue
            if kind == "downed" and unit.side != "squad":
                continue
            self.alerts.append(Alert(kind, unit.id, unit.x, unit.y, now_s))
            self.cursor = -1  # news: the next jump goes to it
        del self.alerts[:-KEEP]

    def next_jump(self, world) -> tuple[float, float] | None:
        """The world pixel to centre on: the newest alert first, then one older each press,
        back round to the newest. A unit still seen is followed to where it is now."""
        if not self.alerts:
            return None
        self.cursor = (self.cursor + 1) % len(self.alerts)
        alert = self.alerts[-1 - self.cursor]
        x, y = alert.x, alert.y
        unit = world.units.get(alert.unit_id)
        if unit is not None and player_sees(world, unit):
            x, y = unit.x, unit.y
        return x * PX_PER_SUB, y * PX_PER_SUB

    def new_contacts(self, world, now_s: float) -> list:
        seen, ids = [], set()  # by id: a Unit compares equal field by field
        for alert in self.alerts:
            unit = world.units.get(alert.unit_id)
            if (alert.kind == "contact" and now_s - alert.time_s <= CONTACT_S
                    and unit is not None and unit.id not in ids and unit.active
                    and player_sees(world, unit)):
                seen.append(unit)
                ids.add(unit.id)
        return seen


_KINDS = {EnemySpotted: "contact", UnitDowned: "downed", CivilianFound: "found"}


def pointers(world, camera, feed: AlertFeed, now_s: float) -> list[Pointer]:
    """Screen positions of what the player must not lose track of."""
    out: list[Pointer] = []

    def add(sx: float, sy: float, colour, label: str) -> None:
        out.append(Pointer(*camera.sub_to_screen(sx, sy), colour, label))

    for zone in world.scenario.extractions:
        x0, y0, x1, y1 = zone.rect
        add((x0 + x1) / 2, (y0 + y1) / 2, EXTRACTION, "EXTRACT")
    for crate in world.crates.values():
        tx, ty = crate.x // SUB, crate.y // SUB
        if crate.required and not crate.delivered and not crate.carrier_id \
                and world.seen_ever[ty, tx]:
            add(crate.x, crate.y, OBJECTIVE, "CRATE")
    for unit in world.civilians():
        own = unit.survivor
        if own.found and unit.active and not own.leader_id and not unit.carried_by:
            add(unit.x, unit.y, OBJECTIVE, "SURVIVOR")
    for unit in world.squad():
        if unit.life == "downed" and not unit.carried_by:
            add(unit.x, unit.y, DOWNED, f"{unit.name.split()[-1].upper()} DOWN")
    for unit in feed.new_contacts(world, now_s):
        add(unit.x, unit.y, CONTACT, "CONTACT")
    return out
