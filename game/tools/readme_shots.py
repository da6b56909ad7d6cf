"""The README's screenshots, taken by the game itself headless (SDL dummy driver):

    python -m game.tools.readme_shots [--out assets/docs]

title.png (the title screen), briefing.png (Qasr al-Hanif's briefing), firefight.png
(the granary once the shooting starts), firefight_close.png (the same at the closest
zoom), dusk.png (the granary's squad with the survivors it found) and debrief.png (the
training mission played by a small scripted player to its end).  Uses a throwaway
profile folder so the player's own settings and progress are neither read nor touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from game import MAPS_DIR, ROOT
from game.sim.catalog import TICK_HZ

WINDOW = (1280, 720)


def _app():
    from game.app import App
    from game.ui.profile import prepare

    app = App(WINDOW)
    prepare(app.ctx, audio=False)
    app.fixed_dt = 1 / TICK_HZ
    return app


def _frame(app, path: Path, frames: int = 2) -> None:
    for _ in range(frames):
        app.step_frame(1 / TICK_HZ)
    app.save_screenshot(str(path))
    print(f"wrote {path}")


def shot_title(out: Path) -> None:
    app = _app()
    app.ctx.go("title")
    _frame(app, out / "title.png", frames=150)  # the demo loads over frames, then fades in


def shot_briefing(out: Path) -> None:
    from game.progress import load_campaign
    app = _app()
    missions = [m for m in load_campaign() if not m.training]
    app.ctx.go("briefing", missions[0])
    _frame(app, out / "briefing.png")


def _battle(app, map_name: str, seed: int):
    from game.session import Session

    return app.ctx.go("battle", Session(app.ctx.load_map(MAPS_DIR / map_name), seed=seed))


def _fight(app, min_shots: int):
    """The granary, seed 4: the squad sent at the nearest insurgent, stopped a few seconds
    in on a tick with rounds in the air. Returns (battle, squad ids)."""
    from game.sim import commands as c
    from game.sim.geometry import SUB

    battle = _battle(app, "granary.tmx", seed=4)
    world = battle.world
    squad = [u.id for u in world.squad()]
    lead = world.squad()[0]
    target = min(world.insurgents(), key=lambda u: abs(u.x - lead.x) + abs(u.y - lead.y))
    battle.order([c.Move(tuple(squad), target.x // SUB, target.y // SUB)])
    for _ in range(TICK_HZ * 120):
        before = world.stats.shots
        battle.tick()
        if world.tick > TICK_HZ * 6 and world.stats.shots >= min_shots and \
                world.stats.shots > before:
            break
    return battle, squad


def shot_firefight(out: Path) -> None:
    """Send the squad at the granary's nearest insurgent; shoot once the rounds fly."""
    app = _app()
    battle, squad = _fight(app, 12)
    battle.centre_on_selection()
    battle.selected = set(squad)
    _frame(app, out / "firefight.png", frames=1)


def shot_firefight_close(out: Path) -> None:
    """The same fight at the closest zoom: the figures, their shots and the light."""
    from game.render.camera import ZOOM_LEVELS

    app = _app()
    battle, squad = _fight(app, 6)
    battle.camera.zoom_index = ZOOM_LEVELS.index(2.0)
    battle.centre_on_selection()
    battle.selected = {squad[0]}
    _frame(app, out / "firefight_close.png", frames=1)


def shot_dusk(out: Path) -> None:
    """The granary at dusk: the squad in the west store with the children it found
    following, soft sight edges, the ground it saw before greyed in the fog."""
    from game.sim import commands as c

    app = _app()
    battle = _battle(app, "granary.tmx", seed=2)
    world = battle.world
    squad = [u for u in world.squad()]
    ids = tuple(u.id for u in squad)
    home = squad[0].tile
    leaving = 0  # ticks since the squad turned for home with the survivors
    for tick in range(30 * 90):
        found = [u for u in world.civilians() if u.survivor.found and u.active]
        if tick % 60 == 0:
            loose = tuple(u.id for u in found if not u.survivor.leader_id)
            orders: list = [c.Follow(loose, squad[0].id)] if loose else []
            hidden = [u for u in world.civilians() if u.alive and not u.survivor.found]
            if len(found) >= 3:
                orders.append(c.Move(ids, *home))
            elif hidden:
                goal = min(hidden, key=lambda u: abs(u.x - squad[0].x) + abs(u.y - squad[0].y))
                orders.append(c.Move(ids, *goal.tile))
            battle.order(orders)
        battle.tick()
        leaving += len(found) >= 3
        if leaving > 30 * 5:
            break
    battle.centre_on_selection()
    battle.selected = set(ids)
    _frame(app, out / "dusk.png", frames=1)


def shot_debrief(out: Path) -> None:
    """Play the training lane with a scripted player (find, heal, escort, extract)."""
    app = _app()
    battle = _battle(app, "training.tmx", seed=2)
    battle.finish_with = "debrief"  # mission None: a debrief outside the campaign
    for tick in range(TICK_HZ * 240):
        if tick % 45 == 0:
            battle.order(_training_orders(battle.world))
        battle.tick()
        if app.screens[-1] is not battle:
            break
    _frame(app, out / "debrief.png")


def _training_orders(world) -> list:
    from game.sim import commands as c

    squad = [u for u in world.squad() if u.active]
    if not squad:
        return []
    ids = tuple(u.id for u in squad)
    leader = squad[0]
    civilians = [u for u in world.civilians() if u.alive]
    hidden = [u for u in civilians if not u.survivor.found]
    orders: list = []
    hana = next((u for u in squad if u.utype.medic), None)
    hurt = [u for u in civilians if u.survivor.found and (u.bleed or u.life == "downed")]
    if hana is not None and hurt and hana.activity != "healing":
        orders.append(c.Heal(hana.id, hurt[0].id))
    loose = [u.id for u in civilians if u.survivor.found and u.active and not u.survivor.leader_id]
    if loose:
        orders.append(c.Follow(tuple(loose), leader.id))
    if hidden:
        goal = hidden[0].tile
    else:
        x0, y0, x1, y1 = world.scenario.extractions[0].rect
        goal = ((x0 + x1) // 2 // 256, (y0 + y1) // 2 // 256)
    movers = tuple(i for i in ids if not (hana and i == hana.id and hurt))
    if movers:
        orders.append(c.Move(movers, goal[0], goal[1]))
    return orders


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "assets" / "docs"))
    args = parser.parse_args(argv)
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as home:
        os.environ["DANGER_CLOSE_HOME"] = home
        for shot in (shot_title, shot_briefing, shot_firefight, shot_firefight_close, shot_dusk,
                     shot_debrief):
            shot(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
