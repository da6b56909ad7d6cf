"""The mission screen: the map, the squad, the player's orders and the HUD."""

from __future__ import annotations

import gc
import math
import sys
import time

import pygame

from game.map_loader import MapLoadFailed
from game.render.camera import PX_PER_SUB, Camera, opening_zoom_index
from game.render.effects import Effects
from game.render.fog import Fog
from game.render.grenade_fx import GrenadeFx
from game.render.light import scene_tint, time_of_day
from game.render.objectives import draw_known
from game.render.overlays import (
    ConeCache,
    draw_cones,
    draw_extractions,
    draw_follow_links,
    draw_hover,
)
from game.render.sprites import SpriteCache, draw_units
from game.render.strike_fx import StrikeFx
from game.render.terrain_cache import CHUNK, PREWARM_S, TerrainCache
from game.render.threats import draw_threats
from game.render.tick_memo import per_tick
from game.render.tileset import TileAtlas
from game.render.visibility import player_sees, visible_units
from game.render.zoom_ahead import BUDGET_S, TURNS_S, ZoomAhead, ZoomStandIn
from game.sim.geometry import TILE_PX
from game.sim.kinds import StrikeKind
from game.ui import battle_extras as extras
from game.ui import map_watch, orders
from game.ui.battle_feedback import BattleFeedback
from game.ui.evac_call import EvacButton, draw_vehicles
from game.ui.grenade_aim import GrenadeAim
from game.ui.hud import Hud, squad_in_order
from game.ui.minimap import Minimap
from game.ui.radio_log import RadioLog
from game.ui.screen import Screen
from game.ui.strike_aim import AIMING, StrikeAim
from game.ui.tutorial import Tutorial
from game.ui.widgets import scaled, ui_scale

BACKGROUND = (14, 15, 17)
PAN_SPEED = 900  # screen pixels per second
EDGE = 6  # pixels from the window's edge that scroll
DRAG_THRESHOLD = 5
DOUBLE_TAP_S = 0.35
TOAST_ROW_PX = 40  # one toast's panel and the gap under it (game/app.py draws them)
GLOW_SPARE_S = 0.005  # spare time a frame needs left to build one blast glow ahead (~3 ms)
# a frame that took this much longer than usual to draw (it built something itself)
# leaves the building ahead of a zoom (game/render/zoom_ahead.py) for the next frame
HEAVY_FRAME = 1.5
HINT = ("1-4 select  RMB move/attack  Shift queue  G gather  X stop  "
        "R fire rules  H hold  E exposure  Q last alert  "
        "B air strike (Tab gun run)  T grenade  Space pause  +/- speed  F12 screenshot")


class BattleScreen(Screen):
    name = "battle"
    wants_ticks = True

    def __init__(self, ctx, session) -> None:
        super().__init__(ctx)
        self.session = session
        self.text = ctx.text
        self.sprites = SpriteCache(self.text)
        self.cones = ConeCache()
        self.hud = Hud(self.text, ctx)
        self.selected: set[int] = set()
        self.pending: list = []  # orders for the next tick (held while paused)
        self.drag_start: tuple[int, int] | None = None
        self.drag_now: tuple[int, int] | None = None
        self.middle_drag = False
        self.minimap_drag = False
        self.last_alpha = 1.0
        self.hover_id = 0
        self.strike_aim = StrikeAim(self.text)  # B or the HUD button: aim Falcon-2
        self.evac_button = EvacButton(self.text)  # U or this button: call the vehicles
        self.grenade_aim = GrenadeAim(self.text)  # T or the HUD button: aim a grenade
        self.last_tap: tuple[int, float] = (-1, 0.0)
        self.mission = None  # the campaign mission being played (game.progress.Mission)
        self.finish_with = "outcome"  # the screen after the end: "debrief" from the menus
        self.clock_s = 0.0
        self.ended = False
        self.map_watch: map_watch.MapWatch | None = None  # made on the first frame
        self.attach()

    # -- world-bound pieces ------------------------------------------------------------
    def attach(self) -> None:
        """Build what depends on the current world (again after a restart)."""
        world = self.session.world
        scenario = world.scenario
        self.atlas = getattr(self, "atlas", None) or TileAtlas(scenario.art)
        self.terrain = TerrainCache(world.terrain, scenario.terrain, self.atlas,
                                    scene_tint(time_of_day(scenario.rules)))
        self.fog = Fog(world.terrain.width, world.terrain.height)
        self.fog.update(world.seen_now, world.seen_ever)
        self.ahead = ZoomAhead(self.terrain, self.fog, self.cones, self.sprites)
        self.stand_in = ZoomStandIn(BACKGROUND)
        self.usual_draw_s = 0.0
        self.last_draw: tuple[float, list] | None = None  # (seconds, units shown) for idle
        self.spare_s = 0.0  # the spare time the last frame left (idle)
        self.effects = Effects(time_of_day(scenario.rules))
        self.feedback = BattleFeedback()  # plans, cover, arrows, alerts (issue 15)
        self.strike_fx = StrikeFx(world.seed)
        self.strike_aim.cancel()
        self.grenade_fx = GrenadeFx(self.text)
        self.grenade_aim.cancel()
        self.log = RadioLog()
        self.minimap = Minimap(world.terrain.width, world.terrain.height, self.ctx)
        if self.ctx.settings is not None and not self.ctx.settings.show_minimap:
            self.minimap.show(False)
        w, h = self.ctx.surface.get_size()
        self.camera = Camera(world.terrain.width * TILE_PX, world.terrain.height * TILE_PX, w, h,
                             zoom_index=opening_zoom_index(h))
        squad = [u for u in world.squad() if u.alive]
        if squad:
            cx = sum(u.x for u in squad) / len(squad) * PX_PER_SUB
            cy = sum(u.y for u in squad) / len(squad) * PX_PER_SUB
            self.camera.open_on(cx, cy)
        self.selected = {u.id for u in squad}
        self.pending.clear()
        self.ended = False
        extras.mission_started(self)
        rules = scenario.rules
        self.tutorial = Tutorial.from_rules(rules.tutorial)
        # the mission just built lives until the end: keep it out of the full garbage
        # collections that would otherwise stall a frame for 10-20 ms mid-fight
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self.selection_made = False  # the player picked someone (training step 1)
        self.log.add(0.0, f"Rahim: {rules.title}. {objective_line(world)}", (120, 210, 230))

    def restart(self) -> None:
        self.session.restart()
        self.ctx.clock.accumulator = 0.0
        self.ctx.clock.paused = False
        self.attach()

    def reload_from_disk(self) -> bool:
        """The modder's loop: read the map file again and restart on it. A broken edit is
        reported and the mission already running carries on."""
        from game.session import Session

        path = self.session.scenario.path
        try:
            scenario = self.ctx.load_map(path)
        except MapLoadFailed as exc:
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            self.ctx.toast(f"Reload failed, still playing the old map: {first}")
            print(f"reload failed:\n{exc}", file=sys.stderr)
            return False
        self.session = Session(scenario, seed=self.session.seed,
                               difficulty=self.session.difficulty)
        self.atlas = None  # the tileset may have changed too
        self.ctx.clock.accumulator = 0.0
        view = self.camera
        self.attach()
        self.camera.take_view(view)  # the modder is looking at what they just edited
        self.ctx.toast("Map reloaded from disk")
        return True

    @property
    def world(self):
        return self.session.world

    # -- simulation --------------------------------------------------------------------
    def tick(self) -> None:
        if not self.session.finished:
            commands, self.pending = self.pending, []
            events = self.session.advance(commands)
            self.effects.consume(events)
            self.log.consume(events, self.world)
            self.feedback.consume(events, self.world, self.clock_s)
            if self.tutorial:
                self.tutorial.observe_events(events)
                self.tutorial.observe_world(self.world)
            self.strike_fx.consume(events)
            self.strike_aim.consume(events)
            self.grenade_fx.consume(events, self.world.tick)
            self.grenade_aim.consume(events)
            extras.play_sounds(self, events)
            self.selected = {i for i in self.selected
                             if orders.selectable(self.world, self.world.units[i])}
        if self.session.finished and not self.ended:
            self.ended = True
            self.ctx.push(extras.finish_screen(self))

    def order(self, commands: list) -> None:
        self.pending.extend(commands)
        if self.tutorial and commands:
            self.tutorial.observe_orders(commands)

    # -- input -------------------------------------------------------------------------
    def handle_event(self, event) -> None:
        self.feedback.handle_event(event)
        used, thrown = self.grenade_aim.handle_event(event, self.world, self.camera,
                                                     self.selected)
        self.order(thrown)
        if used:
            return
        if self._aiming_over_hud(event):
            self.strike_aim.tile = None  # no blast circle under the HUD, no call from it
        else:
            used, strike = self.strike_aim.handle_event(event, self.world, self.camera)
            self.order(strike)
            if used:
                return
        if event.type == pygame.KEYDOWN:
            self._key(event)
        elif event.type == pygame.MOUSEBUTTONDOWN:
            self._mouse_down(event)
        elif event.type == pygame.MOUSEBUTTONUP:
            self._mouse_up(event)
        elif event.type == pygame.MOUSEMOTION:
            self._mouse_motion(event)
        elif event.type == pygame.MOUSEWHEEL:
            mx, my = pygame.mouse.get_pos()
            self.camera.zoom_at(1 if event.y > 0 else -1, mx, my)

    def _aiming_over_hud(self, event) -> bool:
        """While aiming, the mouse over the HUD or the minimap works them (a minimap
        click moves the view to aim elsewhere) instead of calling Falcon-2 onto the
        ground hidden beneath.  The danger-close prompt stays modal."""
        pos = getattr(event, "pos", None)
        if pos is None or self.strike_aim.state != AIMING:
            return False
        if self.strike_aim.button_rect.collidepoint(pos):
            return False
        return self.hud.over_hud(pos) or self.minimap.rect.collidepoint(pos)

    def _key(self, event) -> None:
        extras.handle_key(self, event)  # the one key table (game/ui/keymap.py), Esc menu

    def hotkey(self, index: int, add: bool) -> None:
        unit = orders.squad_member(self.world, index)
        if unit is None:
            return
        now = self.clock_s
        if self.last_tap[0] == index and now - self.last_tap[1] < DOUBLE_TAP_S:
            self.centre_on_selection()
        self.last_tap = (index, now)
        self.select((self.selected | {unit.id}) if add else {unit.id})

    def select(self, ids: set[int]) -> None:
        """The player's own pick (a click, a box, a key); picking what was already
        selected still counts as having selected."""
        self.selected = set(ids)
        self.selection_made |= bool(ids)

    def centre_on_selection(self) -> None:
        units = [self.world.units[i] for i in self.selected if i in self.world.units]
        if units:
            self.camera.centre_on(sum(u.x for u in units) / len(units) * PX_PER_SUB,
                                  sum(u.y for u in units) / len(units) * PX_PER_SUB)

    def _mouse_down(self, event) -> None:
        if event.button == 1:
            spot = self.minimap.world_at(event.pos)
            if spot is not None:
                self.minimap_drag = True
                self.camera.centre_on(*spot)
                return
            evac = self.evac_button.click(event.pos, self.world)
            if evac:
                self.order(evac)
                return
            uid = self.hud.hit_badge(event.pos)
            if uid:
                self.select({uid})
                return
            if self.hud.over_hud(event.pos):
                return
            self.drag_start = self.drag_now = event.pos
        elif event.button == 2:
            self.middle_drag = True
        elif event.button == 3:
            self._right_click(event.pos)

    def _right_click(self, pos) -> None:
        spot = self.minimap.world_at(pos)
        if spot is not None:
            tile = (int(spot[0] // TILE_PX), int(spot[1] // TILE_PX))
            target = None
        else:
            tile = self.camera.screen_to_tile(*pos)
            target = orders.unit_at(self.world, self.camera, *pos, self.last_alpha)
        shift = bool(pygame.key.get_mods() & pygame.KMOD_SHIFT)
        commands = orders.right_click(self.world, self.selected, target, tile, shift)
        warning = orders.strike_zone_warning(self.world, commands)
        if warning:
            self.ctx.toast(warning)
        self.order(commands)

    def _mouse_up(self, event) -> None:
        if event.button == 2:
            self.middle_drag = False
        if event.button != 1:
            return
        self.minimap_drag = False
        if self.drag_start is None:
            return
        start, self.drag_start = self.drag_start, None
        add = bool(pygame.key.get_mods() & pygame.KMOD_SHIFT)
        if math.dist(start, event.pos) >= DRAG_THRESHOLD:
            rect = pygame.Rect(start, (event.pos[0] - start[0], event.pos[1] - start[1]))
            picked = orders.box_select(self.world, self.camera, rect, self.last_alpha)
            self.select((self.selected | picked) if add else picked)
            return
        unit = orders.unit_at(self.world, self.camera, *event.pos, self.last_alpha)
        if unit is not None and orders.selectable(self.world, unit):
            self.select((self.selected ^ {unit.id}) if add else {unit.id})
        elif not add:
            self.selected = set()

    def _mouse_motion(self, event) -> None:
        if self.middle_drag:
            self.camera.pan(-event.rel[0], -event.rel[1])
        if self.minimap_drag:
            spot = self.minimap.world_at(event.pos)
            if spot is not None:
                self.camera.centre_on(*spot)
        if self.drag_start is not None:
            self.drag_now = event.pos
        elif not self.middle_drag:
            hovered = orders.unit_at(self.world, self.camera, *event.pos, self.last_alpha)
            self.hover_id = hovered.id if hovered is not None else 0

    # -- per frame -----------------------------------------------------------------------
    def update(self, dt: float) -> None:
        self.clock_s += dt
        self.camera.resize(*self.ctx.surface.get_size())
        keys = pygame.key.get_pressed()
        dx, dy = extras.pan_direction(self.ctx, keys)  # bound keys; none while Ctrl held
        if self.ctx.fixed_dt is None and pygame.mouse.get_focused() and self.drag_start is None:
            mx, my = pygame.mouse.get_pos()
            w, h = self.ctx.surface.get_size()
            dx += (mx >= w - EDGE) - (mx < EDGE)
            dy += (my >= h - EDGE) - (my < EDGE)
        if dx or dy:
            self.camera.pan(dx * PAN_SPEED * dt, dy * PAN_SPEED * dt)
        self.effects.update(self.ctx.clock.game_dt(dt))
        self.strike_fx.update(self.ctx.clock.game_dt(dt))
        map_watch.follow(self)  # reload on save (game/ui/map_watch.py)

    def toast_top(self, height: int) -> int:
        """Toasts stack just above the key hint at the bottom, not over the squad in the
        middle of the playfield."""
        bottom = self.hud.hint_top or height - 120
        ui = ui_scale(self.ctx)
        return max(self.hud.top_h,
                   bottom - scaled(8, ui) - scaled(TOAST_ROW_PX, ui) * len(self.ctx.toasts))

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        started = time.perf_counter()
        self.last_alpha = alpha
        self.camera.resize(*surface.get_size())
        # one pass for the sprites, the marks and the minimap, once a tick (a frame
        # between two ticks sees the same units)
        shown = per_tick(self.world, visible_units)
        if self.stand_in.show(surface, self.camera, self.ahead):
            self.ahead.run_here(self.camera, self.world, self.selected, shown)
        else:
            self._draw_world(surface, alpha, shown)
            self.stand_in.keep(surface, self.camera, self.ahead)
        self._draw_hud(surface, alpha, shown)
        self.last_draw = (time.perf_counter() - started, shown)

    def idle(self, spare_s: float) -> None:
        """The frame is shown: build the chunks beside the view and ahead what a zoom
        will need, in the time left."""
        self.spare_s = spare_s
        if spare_s > PREWARM_S:
            started = time.perf_counter()
            self.terrain.prewarm(self.camera, PREWARM_S)
            spare_s -= time.perf_counter() - started
        if self.last_draw is not None:
            took_s, shown = self.last_draw
            self.last_draw = None
            started = time.perf_counter()
            self._build_ahead(took_s, shown, min(BUDGET_S, spare_s),
                              max(0.0, min(TURNS_S, spare_s - BUDGET_S)))
            spare_s -= time.perf_counter() - started
        bombs = [s for s in self.world.strikes if s.kind == StrikeKind.BOMB]
        if bombs and spare_s > GLOW_SPARE_S:  # a bomb's impact pictures, ahead of it
            self.strike_fx.prepare_flash((self.camera.view_w, self.camera.view_h))
            self.effects.warm_blasts(bombs, self.camera.zoom)

    def _draw_world(self, surface: pygame.Surface, alpha: float, shown: list) -> None:
        """The map and all on it, up to the HUD."""
        world = self.world
        map_rect = self._map_rect(surface)
        _fill_around(surface, map_rect, BACKGROUND)  # the terrain chunks cover the rest
        self.fog.update(world.seen_now, world.seen_ever)
        dark = self.fog.dark_chunks(CHUNK)  # the fog fills them flat: nothing under shows
        # of a chunk partly under it only the rest is drawn
        self.terrain.draw_below(surface, self.camera, dark, self.fog.open_tiles(CHUNK))
        surface.set_clip(map_rect)  # overlays stay on the map, under the fog
        self.strike_fx.draw_ground(surface, self.camera, world)  # scorch marks
        draw_cones(surface, self.camera, world, alpha, self.selected, self.cones)
        draw_follow_links(surface, self.camera, world, alpha)
        draw_vehicles(surface, self.camera, world)
        surface.set_clip(None)
        placed = draw_units(surface, self.camera, world, alpha, self.sprites, self.selected,
                            shown)
        self._draw_hover(surface, alpha)
        # the chunks beside the view are built in the spare time after the frame (idle),
        # unless the frames leave none
        self.terrain.draw_above(surface, self.camera, dark,
                                0.0 if self.spare_s > PREWARM_S else PREWARM_S)
        self.effects.draw(surface, self.camera)
        self.fog.draw(surface, self.camera)
        surface.set_clip(map_rect)  # what the player knows shows through the fog
        draw_extractions(surface, self.camera, world, self.text)
        draw_known(surface, self.camera, world, alpha)
        surface.set_clip(None)
        draw_threats(surface, self.camera, world, alpha, self.text, self.ctx.frame, placed)
        self.grenade_fx.draw(surface, self.camera, world, alpha)  # arcs and rings we know
        self.strike_fx.draw_air(surface, self.camera, world)  # smoke, fire, jet, marker
        self.feedback.draw_over_fog(self, surface, alpha)  # plans, cover, tags, arrows
        self.strike_aim.draw(surface, self.camera, world)
        self.grenade_aim.draw(surface, self.camera, world)
        self.strike_fx.apply_shake(surface)
        self.strike_fx.draw_flash(surface)

    def _draw_hud(self, surface: pygame.Surface, alpha: float, shown: list) -> None:
        """The selection box, the HUD, the minimap, the buttons and the prompts."""
        world = self.world
        self._draw_drag(surface)
        ui = ui_scale(self.ctx)
        clock = self.ctx.clock
        self.hud.draw(surface, world, self.selected, self.log, clock.paused, clock.scale, HINT)
        self.minimap.draw(surface, world, self.fog, self.camera, shown)
        if self.tutorial:
            self.tutorial.observe_state(self.selection_made, clock.paused)
            log_left = self.hud.log_left
            right_clear = surface.get_width() - log_left + 10 if log_left else None
            # last frame's buttons along the top: the prompt keeps right of them all
            right_most = max(self.strike_aim.button_rect.right, self.evac_button.rect.right)
            left_clear = right_most + 10 if right_most else None
            self.tutorial.draw(surface, self.text, self.hud.top_h + 8, right_clear, left_clear,
                               *self.feedback.prompt_clearance(self, surface, alpha), ui=ui)
        gap = scaled(8, ui)
        strike_button = self.strike_aim.draw_hud(surface, world, (8, self.hud.top_h + 6), ui)
        # below the strike button and the line its notice may take
        self.grenade_aim.draw_hud(surface, world, (8, strike_button.bottom + scaled(26, ui)), ui)
        self.evac_button.draw(surface, world, (strike_button.right + gap, strike_button.y),
                              self.pending, ui)
        self.strike_aim.draw_prompt(surface, world, self.hud.top_h, ui)
        self.grenade_aim.draw_prompt(surface, world, ui)
        extras.draw_tooltip(self, surface, ui)

    def _build_ahead(self, took_s: float, shown: list, budget_s: float,
                     turns_s: float = 0.0) -> None:
        """After a frame of usual cost, build what a zoom will need, and (turns_s) the
        poses on show at the facings they turn to next."""
        usual = self.usual_draw_s or took_s
        self.usual_draw_s = usual + (took_s - usual) * 0.05  # a slow average of the cost
        if took_s <= usual * HEAVY_FRAME:
            self.ahead.run(self.camera, self.world, self.selected, shown, budget_s, turns_s)

    def _draw_hover(self, surface, alpha: float) -> None:
        unit = self.world.units.get(self.hover_id)
        if unit is None or not player_sees(self.world, unit) or unit.life == "dead":
            return
        hostile = unit.side == "insurgent" and any(
            self.world.units[i].side == "squad" for i in self.selected if i in self.world.units)
        draw_hover(surface, self.camera, self.world, alpha, unit, hostile)

    def _map_rect(self, surface) -> pygame.Rect:
        x0, y0 = self.camera.world_to_screen(0, 0)
        x1, y1 = self.camera.world_to_screen(self.camera.map_w, self.camera.map_h)
        return pygame.Rect(x0, y0, x1 - x0, y1 - y0).clip(surface.get_rect())

    def _draw_drag(self, surface) -> None:
        if self.drag_start is None or self.drag_now is None:
            return
        if math.dist(self.drag_start, self.drag_now) < DRAG_THRESHOLD:
            return
        rect = pygame.Rect(self.drag_start, (self.drag_now[0] - self.drag_start[0],
                                             self.drag_now[1] - self.drag_start[1]))
        rect.normalize()
        pygame.draw.rect(surface, (120, 255, 140), rect, 1)

    def squad(self) -> list:
        return squad_in_order(self.world)


def _fill_around(surface, inner: pygame.Rect, colour) -> None:
    """Fill the parts of the surface outside inner (a rect inside it)."""
    w, h = surface.get_size()
    if not inner.w or not inner.h:
        surface.fill(colour)
        return
    for rect in ((0, 0, w, inner.top), (0, inner.bottom, w, h - inner.bottom),
                 (0, inner.top, inner.left, inner.h), (inner.right, inner.top, w - inner.right,
                                                       inner.h)):
        if rect[2] > 0 and rect[3] > 0:
            surface.fill(colour, rect)


def objective_line(world) -> str:
    """The mission's goal in one radio sentence."""
    need = world.scenario.rules.rescue_required
    crates = sum(1 for c in world.crates.values() if c.required)
    goals = []
    if need:
        goals.append(f"bring {need} survivor{'s' if need != 1 else ''}")
    if crates:
        goals.append(f"carry {crates} crate{'s' if crates != 1 else ''}")
    if not goals:
        return "Get the squad to extraction."
    return " and ".join(goals).capitalize() + " to extraction."

