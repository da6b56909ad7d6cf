"""Autopilot step 6, the fight: with enemies in sight (or seen in the last few seconds)
every free member goes to a tile with cover against them and a line of fire, Rima
standing off and picking the most dangerous target; the badly hurt, and everyone when
outnumbered, shelter out of sight instead."""

from __future__ import annotations

from game.ai.autopilot_escort import leading_out
from game.ai.autopilot_grenades import grenade_zones
from game.ai.autopilot_knowledge import tile_dist
from game.ai.autopilot_pass import COMBAT_LINGER_TICKS, THREAT_TILES, Think
from game.ai.autopilot_tactics import choose_cover
from game.sim.commands import Attack, Face
from game.sim.geometry import angle_deg, centre_of
from game.sim.sight import clear_line
from game.sim.units import Unit

OUTNUMBERED_MARGIN = 0  # more enemies in sight than members standing (plus this): fall back
LOW_HP_SHARE = 0.35  # below this share of max HP a member shelters instead of fighting
COVER_REFRESH_TICKS = 60  # cover is chosen afresh this often even if the threats stay
HEARD_FRESH_TICKS = 10  # gunfire heard this lately (about one think) starts a fight
FACE_SLACK_DEG = 20  # a member already facing this near the heard fire is left alone


def in_combat(t: Think) -> bool:
    """An enemy in sight near a member starts (or extends) the fight; it lasts while a
    threat seen lately is near."""
    near = [e for e in t.enemies
            if any(tile_dist(m.tile, e.tile) <= THREAT_TILES for m in t.squad)]
    if near or t.heard(HEARD_FRESH_TICKS):  # seen, or fired on from out of sight
        t.state.combat_until = t.world.tick + COMBAT_LINGER_TICKS
    return t.world.tick < t.state.combat_until and bool(t.threats())


def fight(t: Think) -> None:
    """Every free member (not the escort walking survivors out, not one already in the
    zone when leaving) to its cover tile; Rima then picks a target."""
    threats = t.threats()
    key = tuple(sorted(threats))
    if key != t.state.cover_key or t.world.tick % COVER_REFRESH_TICKS == 0:
        t.state.cover_key = key
        t.state.cover.clear()
    taken: set[tuple[int, int]] = set()
    zones = t.world.strike_zones + grenade_zones(t)
    outnumbered = len(threats) > len(t.squad) + OUTNUMBERED_MARGIN
    leading = leading_out(t)
    for m in t.free():
        if t.state.phase == "extract" and t.in_zone(m) or m.id == leading:
            continue
        role = fight_role(m, outnumbered)
        if m.id not in t.state.cover:
            t.state.cover[m.id] = choose_cover(t.world, m, threats, t.walk, taken, role, zones)
        tile = t.state.cover[m.id]
        taken.add(tile)
        t.move([m], tile)
        t.busy.add(m.id)
        if role == "marksman":
            marksman_target(t, m)
        face_heard(t, m)


def face_heard(t: Think, m: Unit) -> None:
    """With nobody in sight, a member settled in cover and not shooting turns toward the
    nearest gunfire heard lately, so the shooter walks into its view cone."""
    if t.enemies or m.path or m.target_id:
        return
    spots = t.heard(COMBAT_LINGER_TICKS)
    if not spots:
        return
    sx, sy = min(spots, key=lambda s: tile_dist(s, m.tile))
    angle = angle_deg(centre_of(sx) - m.x, centre_of(sy) - m.y)
    turn = abs((angle - m.facing + 180) % 360 - 180)
    if turn > FACE_SLACK_DEG:
        t.orders.append(Face((m.id,), angle))


def fight_role(m: Unit, outnumbered: bool) -> str:
    """How choose_cover places this member: "medic" (out of sight), "marksman" or
    "rifle"."""
    if m.hp < m.utype.max_hp * LOW_HP_SHARE or outnumbered:
        # badly hurt, or too many of them: out of their sight, let them come round the
        # corner into our guns
        return "medic"
    return "medic" if m.utype.medic else "marksman" if m.utype.marksman else "rifle"


def marksman_target(t: Think, rima: Unit) -> None:
    """Rima picks the most dangerous enemy in sight she can reach: snipers, then
    gunners, then the nearest."""
    weapon = rima.weapon
    if rima.chasing:
        target = t.world.units.get(rima.target_id)
        if target is None or target not in t.enemies or not has_shot(t, rima, target):
            # an Attack order walks after its target: she covers from her tile instead
            t.move([rima], t.state.cover.get(rima.id, rima.tile), force=True)
            return
    if weapon is None or rima.path:
        return
    options = [e for e in t.enemies if tile_dist(e.tile, rima.tile) <= weapon.range_tiles]
    if not options:
        return
    best = min(options, key=lambda e: (target_rank(e), tile_dist(e.tile, rima.tile)))
    if rima.target_id != best.id and target_rank(best) < 2 and has_shot(t, rima, best):
        t.orders.append(Attack((rima.id,), best.id))


def target_rank(enemy: Unit) -> int:
    """The marksman's priorities by the unit type's roles: a sniper on its perch, then a
    gunner pinning us down, then anyone (2)."""
    return 0 if enemy.utype.perch else 1 if enemy.utype.suppressor else 2


def has_shot(t: Think, shooter: Unit, target: Unit) -> bool:
    """In range and a clear line of sight."""
    weapon = shooter.weapon
    if weapon is None or tile_dist(shooter.tile, target.tile) > weapon.range_tiles:
        return False
    return clear_line(t.world.terrain.opaque, *shooter.tile, *target.tile)
