"""What the campaign front end adds to the battle screen, kept here so battle.py only
calls in: the player's key bindings, sounds for the tick's events, quicksave and
quickload, tooltips over the HUD, and which screen follows the end of the mission."""

from __future__ import annotations

import pygame

from game.sim.geometry import TILE_PX
from game.sim.grenades import THROW_RANGE_TILES
from game.ui import orders
from game.ui.battle_feedback import ACTIONS as FEEDBACK_ACTIONS
from game.ui.evac_call import call_orders
from game.ui.keymap import DEFAULTS, combo_of
from game.ui.profile import keymap, save_profile_settings
from game.ui.widgets import fill, scaled

TOOLTIP_BG = (12, 14, 16, 230)
DEFAULT_COMBOS = {c for keys in DEFAULTS.values() for c in map(combo_of, keys) if c}


# -- keys ------------------------------------------------------------------------------------
def handle_key(battle, event) -> bool:
    """A key press in battle through the player's bindings (the one key table, Ctrl
    combinations included).  True when it was handled here (including a default key
    that the player has bound elsewhere: it then does nothing, rather than its old job).
    Esc (the menu) and Tab (the next training prompt) are fixed."""
    key, mods = event.key, event.mod
    ctrl = bool(mods & pygame.KMOD_CTRL)
    if key == pygame.K_ESCAPE and not ctrl:
        battle.ctx.go("pause", battle)
        return True
    action = keymap(battle.ctx).action(key, mods)
    if action is not None:
        do_action(battle, action, bool(mods & pygame.KMOD_SHIFT))
        return True
    if key == pygame.K_TAB and battle.tutorial:
        battle.tutorial.skip()
        return True
    return (ctrl, key) in DEFAULT_COMBOS


def do_action(battle, action: str, shift: bool = False) -> None:
    clock = battle.ctx.clock
    world = battle.world
    if action == "pause":
        clock.paused = not clock.paused
    elif action == "faster":
        clock.faster()
    elif action == "slower":
        clock.slower()
    elif action == "select_all":
        battle.select({u.id for u in world.squad() if orders.selectable(world, u)})
    elif action.startswith("select_"):
        battle.hotkey(int(action[-1]) - 1, shift)
    elif action == "gather":
        battle.order(orders.gather(world, battle.selected))
    elif action == "stop":
        battle.order(orders.stop(world, battle.selected))
    elif action == "put_down":
        battle.order(orders.put_down(world, battle.selected))
    elif action == "centre":
        battle.centre_on_selection()
    elif action == "air_strike":
        battle.strike_aim.toggle(world)
    elif action == "call_evac":
        battle.order(call_orders(world))
    elif action in FEEDBACK_ACTIONS:
        battle.feedback.do_action(battle, action)
    elif action == "grenade":
        battle.grenade_aim.toggle(world, battle.selected)
    elif action == "quicksave":
        quicksave(battle)
    elif action == "quickload":
        quickload(battle)
    elif action == "help":
        battle.ctx.go("help")
    elif action == "reload_map":
        battle.reload_from_disk()
    elif action == "minimap":
        toggle_minimap(battle)


def toggle_minimap(battle) -> None:
    """Hide or show the minimap; the choice is kept in the settings for the next battle."""
    visible = not battle.minimap.visible
    battle.minimap.show(visible)
    if battle.ctx.settings is not None:
        battle.ctx.settings.show_minimap = visible
        save_profile_settings(battle.ctx)


def pan_direction(ctx, keys) -> tuple[int, int]:
    """Camera pan from the held keys (bound pan actions); none while Ctrl is held."""
    if pygame.key.get_mods() & pygame.KMOD_CTRL:
        return 0, 0
    km = keymap(ctx)
    dx = km.pressed(keys, "pan_right") - km.pressed(keys, "pan_left")
    dy = km.pressed(keys, "pan_down") - km.pressed(keys, "pan_up")
    return int(dx), int(dy)


# -- saves -----------------------------------------------------------------------------------
def quicksave(battle) -> bool:
    from game.save import SaveError
    from game.save import quicksave as save
    from game.ui.saved_view import view_state

    try:
        path = save(battle.session, ui=view_state(battle))
    except SaveError as exc:
        battle.ctx.toast(f"Quicksave failed: {exc}")
        return False
    battle.ctx.toast(f"Quicksaved ({path.name}) - F9 to load")
    return True


def quickload(battle) -> bool:
    from game.save import SaveError
    from game.save import quickload as load
    from game.ui.saved_view import restore_view

    try:
        view = load(battle.session)
    except SaveError as exc:
        battle.ctx.toast(f"Quickload failed: {exc}")
        return False
    except Exception as exc:  # a save must never end the mission: refuse whatever slipped by
        battle.ctx.toast(f"Quickload failed: the quicksave is damaged ({type(exc).__name__})")
        return False
    battle.ctx.clock.accumulator = 0.0
    battle.attach()
    restore_view(battle, view)  # an old save without the block: the fresh view stays
    battle.ctx.toast("Quickloaded")
    return True


# -- sound -----------------------------------------------------------------------------------
def camera_view(camera) -> tuple[float, float, float, float]:
    """(centre x, centre y, half width, half height) of the view, in tiles."""
    half_w = camera.view_w / camera.zoom / 2
    half_h = camera.view_h / camera.zoom / 2
    return ((camera.x + half_w) / TILE_PX, (camera.y + half_h) / TILE_PX,
            half_w / TILE_PX, half_h / TILE_PX)


def play_sounds(battle, events: list) -> None:
    """Every sound of a tick (gunfire, radio, steps, doors, the strike) and the beds,
    through the context's one Audio (silent when the game runs without a profile)."""
    audio = battle.ctx.audio
    if audio is None:
        return
    audio.on_tick(events, battle.world, camera_view(battle.camera))


def mission_started(battle) -> None:
    if battle.ctx.audio is not None:
        battle.ctx.audio.ambient(True)


# -- the end -----------------------------------------------------------------------------------
def finish_screen(battle):
    """The screen shown when the mission ends: the campaign's debrief when the battle was
    launched from the menus, else the plain outcome panel."""
    if battle.finish_with == "debrief":
        return battle.ctx.make("debrief", battle, battle.mission)
    return battle.ctx.make("outcome", battle)


# -- tooltips -----------------------------------------------------------------------------------
def tooltip_text(battle, pos) -> str:
    world = battle.world
    uid = battle.hud.hit_badge(pos)
    if uid and uid in world.units:
        unit = world.units[uid]
        index = next((i for i, u in enumerate(battle.squad()) if u.id == uid), 0)
        utype = unit.utype
        role = ("medic: right-click the wounded to heal" if utype.medic
                else "engineer: right-click a locked door to open it" if utype.engineer
                else "marksman: long-range rifle" if utype.marksman else "squad leader")
        key = keymap(battle.ctx).describe(f"select_{index + 1}")
        return f"{unit.name}, {role}. HP {unit.hp}/{unit.utype.max_hp}. Click or {key}."
    keys = keymap(battle.ctx)
    if battle.strike_aim.button_rect.collidepoint(pos):
        return (f"Falcon-2 air strike ({keys.describe('air_strike')}): {world.strikes_left} "
                "left. Click, then pick the target; the jet arrives after a delay.")
    if battle.grenade_aim.button_rect.collidepoint(pos):
        return (f"Hand grenade ({keys.describe('grenade')}): the selected member throws, up "
                f"to {THROW_RANGE_TILES:.0f} tiles. Click, then pick where it lands.")
    if battle.evac_button.rect.collidepoint(pos):
        return (f"Evac vehicles ({keys.describe('call_evac')}): call them, hold the "
                "extraction zone until they arrive, then get aboard before they leave.")
    if battle.minimap.rect.collidepoint(pos):
        return "Minimap: click to look there, right-click to send the selection."
    if pos[1] < 28:
        return "Survivors saved and needed (of those on the map), Falcon-2 charges left."
    return ""


def draw_tooltip(battle, surface, ui: float = 1.0) -> None:
    if battle.ctx.fixed_dt is not None or not pygame.mouse.get_focused():
        return  # a headless run has no real pointer
    pos = pygame.mouse.get_pos()
    text = tooltip_text(battle, pos)
    if not text:
        return
    img = battle.text.render(text, scaled(18, ui), (235, 235, 228))
    rect = img.get_rect(bottomleft=(pos[0] + 14, pos[1] - 6)).inflate(scaled(12, ui),
                                                                      scaled(8, ui))
    rect.clamp_ip(surface.get_rect())
    fill(surface, rect, TOOLTIP_BG)
    pygame.draw.rect(surface, (110, 110, 100), rect, 1)
    surface.blit(img, img.get_rect(center=rect.center))
