"""A battle screen on a tiny text map, for front-end tests."""

from __future__ import annotations

from tests.ascii_maps import ascii_scenario

# the squad in the top-left corner, a sniper in the far corner on its perch
SNIPER_FIELD = [
    "S..............",
    "...............",
    "...............",
    "...............",
    "..............N",
]


def battle_screen(size=(640, 360), rows=SNIPER_FIELD, seed: int = 1, settings=None):
    """(app, screen): the App with a BattleScreen pushed on it."""
    from game.app import App
    from game.session import Session
    from game.ui.battle import BattleScreen

    app = App(size)
    if settings is not None:
        app.ctx.settings = settings
    screen = BattleScreen(app.ctx, Session(ascii_scenario(rows), seed=seed))
    app.push(screen)
    return app, screen
