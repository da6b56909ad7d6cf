"""Training prompts advance when the player does what each one asks."""

from __future__ import annotations

from game import MAPS_DIR as MAPS
from game.sim import commands as c
from game.sim import events as ev
from game.tiled.loader import load_scenario
from game.ui.tutorial import Tutorial, check_for


def test_every_training_prompt_knows_what_finishes_it():
    tutorial = Tutorial.from_rules(load_scenario(MAPS / "training.tmx").rules.tutorial)
    assert tutorial is not None and len(tutorial.lines) >= 5
    assert all(check_for(line) is not None for line in tutorial.lines)


def test_prompts_advance_in_order_with_the_players_actions():
    tutorial = Tutorial([
        "Press 1 to select Rafiq.",
        "Right-click the ground to move.",
        "Press Space to pause.",
        "Find the survivors in the house.",
        "Select Hana and treat the wounded girl.",
    ])
    tutorial.observe_orders([c.Move((1,), 3, 3)])
    assert tutorial.index == 0, "a later step's action does not skip the current one"
    tutorial.observe_state(selected=True, paused=False)
    assert tutorial.index == 2, "select done, and the move already made counts"
    tutorial.observe_state(selected=True, paused=True)
    assert tutorial.index == 3
    tutorial.observe_events([ev.CivilianFound(7, 1)])
    assert tutorial.current.startswith("Select Hana")
    tutorial.observe_orders([c.Heal(2, 7)])
    assert tutorial.done


def test_tab_skips_a_prompt_no_check_can_finish():
    tutorial = Tutorial(["Admire the view.", "Right-click to move."])
    tutorial.observe_orders([c.Move((1,), 1, 1)])
    assert tutorial.index == 0
    tutorial.skip()
    assert tutorial.done  # the move had already been made
