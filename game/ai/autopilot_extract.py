"""Autopilot step 7 once the objective can be met (or nothing is left to search):
everyone into the extraction zone, the downed carried when no kit is left to treat
them; on a map whose vehicles must be called, the call goes out once the escort is
near enough that the survivors reach the zone before the vehicles leave."""

from __future__ import annotations

from game.ai.autopilot_knowledge import found_survivors, tile_dist
from game.ai.autopilot_pass import Think
from game.sim.commands import CallEvac, Carry
from game.sim.evac import needs_call
from game.sim.geometry import SUB
from game.sim.queries import can_be_carried, gives_full_treatment

# tiles a second the slowest survivor makes good on a winding route (an elder walks 1.6)
ROUTE_TILES_PER_S = 1.2


def call_evac(t: Think) -> None:
    """Call the vehicles once the objective can be met and the escort is within what the
    slowest walk covers in the ETA plus most of the wait."""
    world = t.world
    if t.state.phase != "extract" or not needs_call(world) or world.evac.called_tick >= 0:
        return
    zones = world.scenario.extractions
    if not zones:
        return
    rules = world.scenario.rules
    anchor = t.escort().tile
    near = min(tile_dist(anchor, zone_middle(z.rect)) for z in zones)
    if near <= (rules.evac_eta_s + rules.evac_wait_s // 2) * ROUTE_TILES_PER_S:
        t.orders.append(CallEvac(t.escort().id))


def extract(t: Think) -> None:
    """The free members each to a tile of the zone (sharing tiles in a small zone)."""
    call_evac(t)
    carry_the_downed(t)
    tiles = zone_tiles(t)
    if not tiles:
        return
    members = sorted(t.free(), key=lambda u: u.id)
    tiles = tiles * (len(members) // len(tiles) + 1)  # a small zone: share its tiles
    for m, tile in zip(members, tiles, strict=False):
        if not t.in_zone(m) or m.path:
            t.move([m], tile)


def carry_the_downed(t: Think) -> None:
    """With no kit for Hana to treat them, the downed outside the zone are carried out;
    a carrier in the zone sets a mate down while others still wait."""
    world = t.world
    medic_can = any(gives_full_treatment(u) for u in t.squad) and world.medkits > 0
    downed = [u for u in world.squad() if u.life == "downed" and not t.in_zone(u)]
    downed += [c for c in found_survivors(world) if c.life == "downed"]
    waiting = [u for u in downed if can_be_carried(u)]
    set_down_mates(t, bool(waiting) and not medic_can)
    for u in downed:
        if not can_be_carried(u) or medic_can:
            continue  # with a kit left Hana treats them and they walk out
        hands = [m for m in t.free() if not m.carrying]
        if not hands:
            return
        carrier = min(hands, key=lambda m: (tile_dist(m.tile, u.tile), m.id))
        t.busy.add(carrier.id)
        if carrier.squad.carry_target != u.id:
            t.orders.append(Carry(carrier.id, u.id))
            t.state.ordered.pop(carrier.id, None)
    for m in t.squad:
        if m.carrying and m.carrying in world.units:
            t.busy.discard(m.id)  # carrying: walk out with the rest


def set_down_mates(t: Think, others_wait: bool) -> None:
    """A downed mate carried into the zone counts as out: set them down, fetch the next."""
    if not others_wait:
        return
    for m in t.squad:
        carried = t.world.units.get(m.carrying) if m.carrying else None
        if carried is not None and carried.side == "squad" and t.in_zone(m):
            t.orders.append(Carry(m.id, 0))


def zone_tiles(t: Think) -> list[tuple[int, int]]:
    """Walkable tiles of the extraction zone nearest the escort, nearest its middle
    first."""
    world = t.world
    zones = world.scenario.extractions
    if not zones:
        return []
    anchor = t.escort().tile
    zone = min(zones, key=lambda z: tile_dist(anchor, zone_middle(z.rect)))
    x0, y0, x1, y1 = (v // SUB for v in zone.rect)
    mid = zone_middle(zone.rect)
    terrain = world.terrain
    tiles = [(x, y) for y in range(y0, max(y1, y0 + 1)) for x in range(x0, max(x1, x0 + 1))
             if terrain.in_bounds(x, y) and terrain.walkable[y, x]]
    tiles.sort(key=lambda c: (tile_dist(c, mid), c[1], c[0]))
    return tiles


def zone_middle(rect: tuple[int, int, int, int]) -> tuple[int, int]:
    """The tile at the middle of a zone given in sub-tile units."""
    x0, y0, x1, y1 = rect
    return (x0 + x1) // 2 // SUB, (y0 + y1) // 2 // SUB
