"""remember_contacts: the squad's memory of the insurgents it has seen and lost sight of.

What the player knows, kept in the rules so every part asks the same memory (the exposure
overlay and the hover, through game/sim/queries.py): for each insurgent the squad has
seen, the tile it was last seen on and when. An entry is refreshed whenever the squad
sees that insurgent again or one of its members shoots at it (a shooter knows where its
target stands). It is forgotten when the squad downs or kills it, sees it down or dead,
when a squad member stands within CHECK_TILES of the remembered tile, sees it and nobody
is there (the spot was checked), or after CONTACT_MEMORY_S without a fresh sighting.
Nothing here reads where an unseen insurgent really is, so the memory never leaks a
position the squad does not know.

State: world.contacts, insurgent id -> [tile x, tile y, tick last seen], in the order
first seen (deterministic: a function of what the squad saw). The rules never read it, so
the state hash leaves it out; quicksaves keep it.
"""

from __future__ import annotations

from game.sim.catalog import TICK_HZ
from game.sim.facts import TickFacts
from game.sim.geometry import SUB
from game.sim.kinds import Side
from game.sim.queries import enemies_in_sight
from game.sim.units import ACTIVE
from game.sim.world import World

CONTACT_MEMORY_S = 120  # a contact not seen for two minutes is no longer worth a marker
CHECK_TILES = 2  # this close, with the tile in sight, the squad has checked the spot


def remember_contacts(world: World, facts: TickFacts) -> None:
    """Refresh the memory from this tick's sight and the squad's shots (after
    fire_weapons), then forget what the squad can see is no longer so."""
    memory = world.contacts
    now = world.tick
    # vision's list of who is in sight (nobody moves or hides after it in a tick); those
    # shot down since are no longer on their feet
    in_sight = facts.in_sight if facts.in_sight is not None else enemies_in_sight(world)
    for unit in in_sight:
        if unit.life == ACTIVE:
            memory[unit.id] = [unit.x // SUB, unit.y // SUB, now]
    for shot in facts.shots:
        target = world.units.get(shot.target_id)
        if target is None or target.side != _INSURGENT \
                or world.units[shot.shooter_id].side != _SQUAD:
            continue
        if target.life == ACTIVE:
            memory[target.id] = [*target.tile, now]
        else:
            memory.pop(target.id, None)  # "Hostile down": the squad saw it fall
    if memory:
        squad_tiles = [m.tile for m in world.squad() if m.active]
        # those seen this tick are kept without asking _forget (its first test)
        for uid in [uid for uid, entry in memory.items()
                    if entry[2] != now and _forget(world, uid, entry, squad_tiles)]:
            del memory[uid]


def _forget(world: World, uid: int, entry: list[int], squad_tiles: list[tuple[int, int]]
            ) -> bool:
    """`squad_tiles`: the tiles of the squad members on their feet; an entry seen this
    tick is not asked (the caller keeps it)."""
    tx, ty, tick = entry
    if tick < world.tick - _MEMORY_TICKS:
        return True
    unit = world.units[uid]
    if unit.life != ACTIVE:
        bx, by = unit.tile  # the body: forgotten once the squad sees it
        if world.seen_now[by, bx] and not unit.hidden:
            return True
    if not world.seen_now[ty, tx]:
        return False
    return any(max(abs(mx - tx), abs(my - ty)) <= CHECK_TILES for mx, my in squad_tiles)


_MEMORY_TICKS = CONTACT_MEMORY_S * TICK_HZ
# enum members, looked up once: they are slow to read off their class in hot loops
_INSURGENT, _SQUAD = Side.INSURGENT, Side.SQUAD
