"""Unit figures: every kind draws in every pose, kinds and poses look different, the
pose follows the unit's state; what the player knows shows through the fog; the scene's
time of day tints what is drawn."""

from __future__ import annotations

import numpy as np
import pygame

from game.render.figures import FRAMES, LOOKS, POSES
from game.render.objectives import SURVIVOR_MARK
from game.render.overlays import ZONE_COLOUR
from game.render.sprites import SpriteCache, pose_of, treatment_progress
from game.sim.catalog import UNIT_TYPES, WEAPONS
from game.sim.kinds import Side
from game.sim.units import SquadState, SurvivorState, Unit
from tests.battle_helpers import battle_screen

KINDS = sorted(UNIT_TYPES)


def _unit(kind: str, **fields) -> Unit:
    side = UNIT_TYPES[kind].side
    unit = Unit(7, kind, side, kind, 1000, 1000,
                squad_state=SquadState() if side == Side.SQUAD else None,
                survivor_state=SurvivorState() if side == Side.CIVILIAN else None)
    unit.last_x, unit.last_y = unit.x, unit.y
    unit.hp = UNIT_TYPES[kind].max_hp
    for name, value in fields.items():  # a side's own fields go to its record
        parts = (unit.squad_state, unit.survivor_state)
        owner = next((p for p in parts if p is not None and hasattr(p, name)), unit)
        setattr(owner, name, value)
    return unit


def _picture(cache: SpriteCache, kind: str, pose: str, frame: int = 0, extra: str = "",
             hurt: bool = False, angle: int = 0) -> pygame.Surface:
    r = cache.radius(_unit(kind), 32)
    return cache.render((kind, pose, frame, extra, hurt, angle, r))


def _mask(img: pygame.Surface) -> np.ndarray:
    return pygame.surfarray.array_alpha(img) > 40


def _rgba(img: pygame.Surface) -> np.ndarray:
    return np.dstack([pygame.surfarray.array3d(img), pygame.surfarray.array_alpha(img)])


def test_every_kind_draws_in_every_pose_and_frame(display):
    cache = SpriteCache()
    for kind in KINDS:
        assert kind in LOOKS, f"{kind} has no look of its own"
        for pose in POSES:
            extra = "adult" if pose == "carry" else "crate" if pose == "carry_crate" else ""
            for frame in range(FRAMES.get(pose, 1)):
                img = _picture(cache, kind, pose, frame, extra)
                used = img.get_bounding_rect()
                assert used.w * used.h > 40, (kind, pose, frame)


def test_every_kind_has_its_own_silhouette_and_colours(display):
    cache = SpriteCache()
    pictures = {kind: _rgba(_picture(cache, kind, "idle")) for kind in KINDS}
    for i, a in enumerate(KINDS):
        for b in KINDS[i + 1:]:
            pa, pb = pictures[a], pictures[b]
            if pa.shape != pb.shape:
                continue
            differ = np.any(np.abs(pa.astype(int) - pb.astype(int)) > 30, axis=2).sum()
            assert differ > 20, f"{a} and {b} look alike"


def test_survivors_by_size_and_the_long_rifles_reach_further(display):
    cache = SpriteCache()
    area = {k: _mask(_picture(cache, k, "idle")).sum() for k in ("child", "adult", "elder")}
    assert area["child"] < area["adult"] * 0.8
    assert area["elder"] != area["adult"]  # the stick
    reach = {k: _picture(cache, k, "idle").get_bounding_rect().w
             for k in ("rima", "hana", "sniper", "rifleman")}
    assert reach["rima"] > reach["hana"] and reach["sniper"] > reach["rifleman"]


def test_animations_change_the_picture(display):
    cache = SpriteCache()
    walk = [_rgba(_picture(cache, "rafiq", "walk", f)) for f in range(4)]
    assert np.any(walk[1] != walk[3]) and np.any(walk[0] != walk[1])
    flash = _rgba(_picture(cache, "rafiq", "fire", 0))
    aim = _rgba(_picture(cache, "rafiq", "aim"))
    bright = (flash[:, :, 0] > 240) & (flash[:, :, 1] > 170) & (flash[:, :, 3] > 200)
    assert bright.sum() > 4 and not ((aim[:, :, 0] > 240) & (aim[:, :, 1] > 170)).any()
    for pose in ("reload", "carry_crate", "treat", "panic", "downed", "dead"):
        other = _rgba(_picture(cache, "adult" if pose == "panic" else "maaz", pose))
        base = _rgba(_picture(cache, "adult" if pose == "panic" else "maaz", "idle"))
        assert other.shape != base.shape or np.any(other != base), pose
    hurt = _rgba(_picture(cache, "child", "idle", hurt=True))
    assert np.any(hurt != _rgba(_picture(cache, "child", "idle")))


def test_pose_follows_the_units_state():
    rifle = WEAPONS["rifle"]
    assert pose_of(_unit("rafiq"), 0)[0] == "idle"
    assert pose_of(_unit("rafiq", x=1100), 0)[0] == "walk"
    shot = _unit("rafiq", activity="firing", cooldown=rifle.cooldown)
    assert pose_of(shot, 0)[:2] == ("fire", 0)
    later = _unit("rafiq", activity="firing", cooldown=rifle.cooldown - 5)
    assert pose_of(later, 0)[0] == "aim"
    assert pose_of(_unit("rafiq", activity="reloading"), 0)[0] == "reload"
    assert pose_of(_unit("hana", activity="healing"), 0)[0] == "treat"
    assert pose_of(_unit("maaz", activity="working"), 0)[0] == "work"
    assert pose_of(_unit("child", panic=20), 0)[0] == "panic"
    assert pose_of(_unit("rafiq", life="downed"), 0)[0] == "downed"
    assert pose_of(_unit("rafiq", life="dead"), 0)[0] == "dead"
    assert pose_of(_unit("maaz", carrying=99), 0)[0] == "carry_crate"  # no world: a crate

    class World:
        units = {3: _unit("elder")}

    assert pose_of(_unit("maaz", carrying=3), 0, World())[::2] == ("carry", "elder")
    medic = _unit("hana", activity="healing", aid_kit=True, work_left=0)
    assert treatment_progress(medic) == 1.0


def test_a_carried_survivor_rides_on_the_carrier_and_a_treatment_shows_a_ring(display):
    app, screen = battle_screen(rows=["S.A.......", "..........", ".........."])
    world = screen.world
    survivor = next(u for u in world.units.values() if u.kind == "adult")
    hana = next(u for u in world.units.values() if u.kind == "hana")
    carrier = next(u for u in world.units.values() if u.kind == "maaz")
    survivor.carried_by, carrier.carrying = carrier.id, survivor.id
    from game.render.sprites import draw_units

    shown = draw_units(app.surface, screen.camera, world, 1.0, screen.sprites, set())
    drawn = {u.id for u, _, _ in shown}
    assert survivor.id not in drawn and carrier.id in drawn
    survivor.carried_by = carrier.carrying = 0
    hana.activity, hana.squad.work_target, hana.squad.work_left = "healing", survivor.id, 10
    app.surface.fill((0, 0, 0))
    draw_units(app.surface, screen.camera, world, 1.0, screen.sprites, set())
    sx, sy = screen.camera.sub_to_screen(survivor.x, survivor.y)
    r = max(6, round(screen.camera.tile_px * 0.45))
    top = tuple(app.surface.get_at((sx, sy - r + 1)))[:3]
    assert top == (120, 230, 255)  # the ring has filled past the top


def test_extraction_and_found_survivors_show_through_the_fog(display):
    rows = ["S.........", "..........", "..........", ".......XX.", "...A...XX."]
    app, screen = battle_screen(size=(640, 360), rows=rows)
    world = screen.world
    survivor = next(u for u in world.units.values() if u.kind == "adult")
    survivor.survivor.found = True
    world.seen_now[:] = False  # nobody sees anything now: all fog
    world.seen_ever[:] = False
    screen.camera.x = screen.camera.y = 0
    screen.draw(app.surface, 1.0)
    sx, sy = screen.camera.sub_to_screen(survivor.x, survivor.y)
    r = max(5, round(screen.camera.tile_px * 0.42))
    ring = [tuple(app.surface.get_at((sx + dx, sy)))[:3] for dx in range(r - 2, r + 2)]
    assert SURVIVOR_MARK in ring
    zone = world.scenario.extractions[0].rect
    zx, zy = screen.camera.sub_to_screen(zone[0], zone[1])
    edge = [tuple(app.surface.get_at((zx + dx, zy)))[:3] for dx in range(0, 12)]
    assert ZONE_COLOUR in edge


def test_dusk_tints_the_ground_and_the_figures(display):
    from game.render.light import scene_tint, time_of_day
    from game.sim.scenario import MissionRules

    assert time_of_day(MissionRules(time_of_day="Dusk")) == "dusk"
    assert time_of_day(MissionRules(time_of_day="noon?")) == "day"
    from game import MAPS_DIR
    from game.tiled.loader import load_scenario

    assert load_scenario(MAPS_DIR / "granary.tmx").rules.time_of_day == "dusk"
    cache = SpriteCache()
    day = _rgba(_picture(cache, "adult", "idle"))
    cache.set_tint(scene_tint("night"))
    night = _rgba(_picture(cache, "adult", "idle"))
    lit = day[:, :, 3] > 200
    assert night[:, :, 0][lit].mean() < day[:, :, 0][lit].mean() * 0.7
