"""The autopilot plays like a player: it wins easy missions, its games replay to the same
hash, and it never gives an order a player could not (same commands, same knowledge)."""

from __future__ import annotations

import dataclasses

import pytest

from game import MAPS_DIR
from game.ai.autopilot import Autopilot
from game.ai.autopilot_runs import play, summarise
from game.headless import run_headless
from game.replay import load_replay, save_replay, verify_replay
from game.sim import commands as c
from game.sim.commands import COMMANDS
from game.sim.geometry import centre_of
from game.sim.scenario import CrateSpawn
from game.sim.world import World
from tests.ascii_maps import ascii_scenario

TRAINING = MAPS_DIR / "training.tmx"
GRANARY = MAPS_DIR / "granary.tmx"

# a hidden child in a back room, a crate behind a locked door, and one insurgent
RESCUE = [
    "##################",
    "#S.......#.......#",
    "#........#...C...#",
    "#........D.......#",
    "#........#.......#",
    "####L#####...E...#",
    "#....#...........#",
    "#....#...........#",
    "#XXX.#...........#",
    "##################",
]


def _rescue_scenario():
    scenario = ascii_scenario(RESCUE, rescue_required=1)
    scenario.crates.append(CrateSpawn(centre_of(2), centre_of(7), "vaccine", True))
    return scenario


def _load(path):
    from game.tiled.loader import load_scenario

    return load_scenario(path)


def test_autopilot_wins_a_tiny_rescue_with_a_locked_door_and_a_crate():
    rows = []
    for seed in (1, 2, 3):
        report = run_headless(_rescue_scenario(), seed=seed, ticks=30 * 60 * 5,
                              difficulty="easy", extra_commands=Autopilot())
        rows.append(report.as_dict())
    assert [r["outcome"] for r in rows] == ["victory"] * 3
    assert all(r["crates_delivered"] == 1 and r["survivors_saved"] == 1 for r in rows)


@pytest.mark.skipif(not TRAINING.exists(), reason="training map not shipped")
def test_autopilot_wins_the_training_lane():
    scenario = _load(TRAINING)
    outcomes = [play(scenario, seed, "easy").as_dict()["outcome"] for seed in (1, 2, 3)]
    assert outcomes == ["victory"] * 3


GRANARY_EASY_SEEDS = (1, 2, 3)


def test_autopilot_wins_the_granary_on_easy():
    scenario = _load(GRANARY)
    rows = []
    for seed in GRANARY_EASY_SEEDS:
        report = play(scenario, seed, "easy")
        rows.append({"outcome": report.as_dict()["outcome"], "time_s": 0,
                     "survivors_saved": report.as_dict()["survivors_saved"], "squad_lost": 0})
    assert summarise(rows)["wins"] >= 2, rows


def test_an_autopilot_game_replays_to_the_same_hash(tmp_path):
    report = run_headless(_rescue_scenario(), seed=4, ticks=30 * 60 * 5, difficulty="normal",
                          extra_commands=Autopilot())
    assert report.session.recorded, "the autopilot's orders are recorded like a player's"
    path = tmp_path / "auto.replay"
    save_replay(report.session, path)
    header, commands = load_replay(path)
    same, rerun = verify_replay(_rescue_scenario(), header, commands)
    assert same
    assert rerun.as_dict()["outcome"] == report.as_dict()["outcome"]


def test_the_autopilot_is_deterministic():
    a = run_headless(_rescue_scenario(), seed=5, ticks=3000, extra_commands=Autopilot())
    b = run_headless(_rescue_scenario(), seed=5, ticks=3000, extra_commands=Autopilot())
    assert a.session.recorded == b.session.recorded
    assert a.as_dict()["state_hash"] == b.as_dict()["state_hash"]


# -- a player's orders, a player's knowledge ---------------------------------------------
PLAYER_COMMANDS = {cls for cls in vars(c).values()
                   if isinstance(cls, type) and dataclasses.is_dataclass(cls)}


def _knowable(world: World, x: int, y: int) -> bool:
    """A tile the squad has seen, one beside it (a click into the fog at the frontier),
    or one in an extraction zone (public)."""
    h, w = world.seen_ever.shape
    if world.seen_ever[max(y - 1, 0) : y + 2, max(x - 1, 0) : x + 2].any():
        return True
    return any(z.rect[0] <= centre_of(x) < z.rect[2] and z.rect[1] <= centre_of(y) < z.rect[3]
               for z in world.scenario.extractions)


def _check(world: World, command) -> str:
    """What is wrong with this order, judged on the world as the player saw it."""
    if type(command) not in PLAYER_COMMANDS:
        return "not a player's command"
    COMMANDS.to_dict(command)  # must be plain, registered data
    units = world.units
    if isinstance(command, c.Attack):
        target = units[command.target_id]
        tx, ty = target.tile
        if target.side != "insurgent" or target.hidden or not world.seen_now[ty, tx]:
            return "attack on something the squad cannot see"
    if isinstance(command, c.Follow) and not all(
        units[i].side == "civilian" and units[i].survivor.found for i in command.unit_ids
    ):
        return "follow order to an unfound survivor"
    if isinstance(command, c.Heal | c.Carry) and command.target_id:
        target = units[command.target_id]
        if target.side == "insurgent" or target.side == "civilian" and not target.survivor.found:
            return "aid to someone the squad does not know of"
    placed = isinstance(command, c.Move | c.AttackGround | c.Interact | c.CallStrike)
    if placed and not _knowable(world, command.x, command.y):
        return "a tile the squad could not know"
    for uid in getattr(command, "unit_ids", ()) if not isinstance(command, c.Follow) else ():
        if units[uid].side != "squad":
            return "orders to someone not in the squad"
    return ""


class CheckingPilot:
    """Wraps the autopilot and checks every order against the world it was given."""

    def __init__(self) -> None:
        self.pilot = Autopilot()
        self.problems: list[tuple[int, str, object]] = []
        self.kinds: set[str] = set()

    def __call__(self, world: World) -> list:
        orders = self.pilot.commands(world)
        for order in orders:
            self.kinds.add(type(order).__name__)
            problem = _check(world, order)
            if problem:
                self.problems.append((world.tick, problem, order))
        return orders


@pytest.mark.parametrize("map_name,seed,ticks", [
    ("granary.tmx", 1, 30 * 240),
    ("qasr_al_hanif.tmx", 2, 30 * 300),
])
def test_the_autopilot_gives_only_orders_a_player_could(map_name, seed, ticks):
    path = MAPS_DIR / map_name
    if not path.exists():
        pytest.skip(f"{map_name} not shipped")
    checker = CheckingPilot()
    run_headless(_load(path), seed=seed, ticks=ticks, difficulty="normal",
                 extra_commands=checker)
    assert not checker.problems, checker.problems[:5]
    assert "Move" in checker.kinds


def test_the_autopilot_ignores_what_the_squad_cannot_see():
    """Moving an unfound survivor and a hidden enemy elsewhere changes nothing it does
    before the squad comes near them."""
    def run(child_x: int) -> list:
        rows = [row for row in RESCUE]
        rows[2] = rows[2].replace("C", ".")
        rows[2] = rows[2][:child_x] + "C" + rows[2][child_x + 1:]
        scenario = ascii_scenario(rows, rescue_required=1)
        report = run_headless(scenario, seed=1, ticks=60, extra_commands=Autopilot())
        return report.session.recorded

    assert run(13) == run(15)



def test_ground_a_seen_shooter_watches_is_kept_off_and_only_seen_walls_shelter():
    from game.ai.autopilot_tactics import exposed_ground
    from game.sim.world import new_world

    rows = [
        "############",
        "#S.........#",
        "#....#.....#",
        "#....#.....#",
        "#....#.....#",
        "############",
    ]
    world = new_world(ascii_scenario(rows), 1, "normal")
    world.seen_ever[:, :] = True
    exposed = exposed_ground(world, [(8, 3)])
    assert exposed[3, 7] and exposed[1, 4]  # open floor in the shooter's view
    assert not exposed[3, 3]  # behind the wall the squad has seen
    world.seen_ever[:, 5] = False  # a wall the squad never saw shelters nobody
    assert exposed_ground(world, [(8, 3)])[3, 3]
    assert not exposed_ground(world, []).any()
