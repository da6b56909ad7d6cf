"""Autopilot step 4: a free member to each seen objective crate, and under fire a crate
goes down so its carrier can shoot."""

from __future__ import annotations

from game.ai.autopilot_knowledge import tile_dist
from game.ai.autopilot_pass import THREAT_TILES, Think
from game.sim.commands import Interact
from game.sim.geometry import SUB


def fetch_crates(t: Think) -> None:
    """Interact picks a crate up: the nearest free hands (Hana's last) to each required
    crate seen and not yet carried or delivered; one already on the job keeps it."""
    world = t.world
    for cid in sorted(t.state.memory.crates_seen):
        crate = world.crates[cid]
        if not crate.required or crate.delivered or crate.carrier_id:
            continue
        tile = (crate.x // SUB, crate.y // SUB)
        on_it = [u for u in t.free() if u.squad.work_tile == tile]
        if on_it:
            t.busy.add(on_it[0].id)
            continue
        hands = [u for u in t.free() if not u.carrying and not u.utype.medic]
        hands = hands or [u for u in t.free() if not u.carrying]
        if not hands:
            return
        carrier = min(hands, key=lambda u: (tile_dist(u.tile, tile), u.id))
        t.orders.append(Interact(carrier.id, tile[0], tile[1]))
        t.state.ordered.pop(carrier.id, None)
        t.busy.add(carrier.id)


def drop_crates(t: Think) -> None:
    """Hands full means no rifle: under fire a crate goes down until the fight is over
    (unless its carrier is already in the zone, where it is delivered)."""
    for m in t.free():
        near = any(tile_dist(e.tile, m.tile) <= THREAT_TILES for e in t.enemies)
        if m.carrying in t.world.crates and near and not t.in_zone(m):
            t.orders.append(Interact(m.id, *m.tile))
