"""Settings: volumes, window, UI scale, difficulty, and the key bindings (press a key to
rebind).  Changes apply at once and are saved when the screen is left."""

from __future__ import annotations

import pygame

from game.settings import (
    DIFFICULTIES,
    UI_AUTO,
    UI_SCALES,
    offered_window_sizes,
    stepped_window_size,
)
from game.ui.keymap import ACTIONS, key_label
from game.ui.profile import apply_display, keymap, prepare, save_profile_settings
from game.ui.screen import MenuScreen
from game.ui.widgets import DIM, GOLD, Item, Menu, panel, px, ui_scale, veil

CTRL_KEYS = (pygame.K_LCTRL, pygame.K_RCTRL)
MENU_FONT = 26


def _cycle(options: tuple, current, step: int):
    try:
        i = options.index(current)
    except ValueError:
        i = 0
    return options[(i + step) % len(options)]


def desktop_size() -> tuple[int, int] | None:
    """The largest desktop's size, None when SDL cannot say (a headless driver)."""
    try:
        sizes = pygame.display.get_desktop_sizes()
    except pygame.error:
        return None
    usable = [tuple(size) for size in sizes if size[0] > 0 and size[1] > 0]
    return max(usable, key=lambda size: size[0] * size[1]) if usable else None


class SettingsScreen(MenuScreen):
    name = "settings"
    back_keys = (pygame.K_ESCAPE,)
    transparent = True

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        prepare(ctx)
        self.menu = Menu(self._items(), font_size=MENU_FONT, width=520)

    def _items(self) -> list[Item]:
        s = self.ctx.settings
        w, h = s.window_size
        return [
            Item("Master volume", value=f"{round(s.master_volume * 100)}%",
                 adjust=lambda d: self._volume("master_volume", d),
                 tooltip="Left/Right or click to change"),
            Item("Effects volume", value=f"{round(s.effects_volume * 100)}%",
                 adjust=lambda d: self._volume("effects_volume", d),
                 tooltip="Gunfire, radio, footsteps, Falcon-2"),
            Item("Fullscreen", value="on" if s.fullscreen else "off", adjust=self._fullscreen,
                 tooltip="F11 switches it on any screen"),
            Item("Window size", value=f"{w} x {h}", adjust=self._window,
                 enabled=not s.fullscreen),
            Item("UI scale", value=self._scale_label(), adjust=self._scale,
                 tooltip="Size of the HUD, menus and text; auto follows the window"),
            Item("Difficulty", value=s.difficulty, adjust=self._difficulty,
                 tooltip="Applies from the next mission you start"),
            Item("Reload map on save", value="on" if s.reload_on_save else "off",
                 adjust=self._reload_on_save,
                 tooltip="Your own maps reload when you save them in Tiled"),
            Item("Frame times (F3)", value="on" if s.show_frame_times else "off",
                 adjust=self._frame_times,
                 tooltip="FPS, frame, tick and present times at the top of the screen"),
            Item("Key bindings...", self._keys, tooltip="Press a key to rebind an action"),
            Item("Back", self.close, tooltip="Esc: save and go back"),
        ]

    def _refresh(self) -> None:
        index = self.menu.index
        self.menu = Menu(self._items(), font_size=MENU_FONT, width=520)
        self.menu.index = index

    def _volume(self, name: str, step: int) -> None:
        s = self.ctx.settings
        value = round(getattr(s, name) * 10 + step) / 10
        setattr(s, name, max(0.0, min(1.0, value)))
        audio = self.ctx.audio
        if audio is not None:
            audio.set_volumes(s.master_volume, s.effects_volume)
            audio.play("rifle", 0.6)  # hear the new level
        self._refresh()

    def _fullscreen(self, _step: int) -> None:
        self.ctx.settings.fullscreen = not self.ctx.settings.fullscreen
        apply_display(self.ctx)
        self._refresh()

    def _window(self, step: int) -> None:
        s = self.ctx.settings
        s.window_size = stepped_window_size(tuple(s.window_size), step,
                                            offered_window_sizes(desktop_size()))
        apply_display(self.ctx)
        self._refresh()

    def _scale_label(self) -> str:
        chosen, used = self.ctx.settings.ui_scale, ui_scale(self.ctx)
        percent = f"{round(used * 100)}%"
        if chosen == UI_AUTO:
            return f"auto ({percent})"
        if used < chosen:  # too large for this window: the largest that fits is used
            return f"{round(chosen * 100)}% ({percent} fits)"
        return percent

    def _scale(self, step: int) -> None:
        s = self.ctx.settings
        s.ui_scale = _cycle(UI_SCALES, s.ui_scale, step)
        self._refresh()

    def _difficulty(self, step: int) -> None:
        s = self.ctx.settings
        s.difficulty = _cycle(DIFFICULTIES, s.difficulty, step)
        self._refresh()

    def _reload_on_save(self, _step: int) -> None:
        self.ctx.settings.reload_on_save = not self.ctx.settings.reload_on_save
        self._refresh()

    def _frame_times(self, _step: int) -> None:
        self.ctx.settings.show_frame_times = not self.ctx.settings.show_frame_times
        self._refresh()

    def _keys(self) -> None:
        self.ctx.go("key_bindings")

    def close(self) -> None:
        save_profile_settings(self.ctx)
        self.ctx.pop()

    def back(self) -> None:
        self.close()

    def draw(self, surface, alpha: float) -> None:
        surface.fill((16, 17, 19))
        ctx = self.ctx
        row_h = round(px(ctx, MENU_FONT) * 1.35)  # as the menu spaces its rows
        w, h = px(ctx, 600), px(ctx, 100) + row_h * len(self.menu.items)
        rect = panel(surface, pygame.Rect((surface.get_width() - w) // 2,
                                          (surface.get_height() - h) // 2, w, h))
        ctx.text.blit(surface, "SETTINGS", (rect.centerx, rect.y + 14), px(ctx, 40), GOLD,
                      bold=True, anchor="midtop")
        self.menu.draw(surface, ctx, (rect.x + (w - px(ctx, 520)) // 2, rect.y + px(ctx, 64)))


class KeyBindingsScreen(MenuScreen):
    """Choose an action, then press the key for it (Esc cancels)."""

    name = "key_bindings"

    back_keys = (pygame.K_ESCAPE,)

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.waiting: str | None = None  # the action waiting for its new key
        self.ctrl_alone = False  # Ctrl went down: a combination, or Ctrl itself on release
        self.menu = Menu(self._items(), font_size=20, width=560)

    def _items(self) -> list[Item]:
        km = keymap(self.ctx)
        items = [Item(label, (lambda a=action: self._start(a)), value=km.describe(action))
                 for action, label, _ in ACTIONS]
        items.append(Item("Reset to defaults", self._reset))
        items.append(Item("Back", self.close))
        return items

    def _refresh(self) -> None:
        index = self.menu.index
        self.menu = Menu(self._items(), font_size=20, width=560)
        self.menu.index = index

    def _start(self, action: str) -> None:
        self.waiting = action

    def _reset(self) -> None:
        keymap(self.ctx).reset()
        self._refresh()

    def close(self) -> None:
        save_profile_settings(self.ctx)
        self.ctx.pop()

    def handle_event(self, event) -> None:
        if self.waiting is not None:
            if event.type == pygame.KEYDOWN and event.key in CTRL_KEYS:
                self.ctrl_alone = True  # wait: Ctrl + a key, or Ctrl on its own
            elif event.type == pygame.KEYDOWN:
                self._bind(event.key, event.mod)
            elif event.type == pygame.KEYUP and event.key in CTRL_KEYS and self.ctrl_alone:
                self._bind(event.key, 0)
            elif event.type == pygame.MOUSEBUTTONDOWN:
                self.waiting = None
            return
        super().handle_event(event)

    def _bind(self, key: int, mods: int) -> None:
        if key != pygame.K_ESCAPE and not keymap(self.ctx).rebind(self.waiting, key, mods):
            label = ("Ctrl + " if mods & pygame.KMOD_CTRL else "") + key_label(key)
            self.ctx.toast(f"{label} cannot be bound")
        self.waiting = None
        self.ctrl_alone = False
        self._refresh()

    def back(self) -> None:
        self.close()

    def draw(self, surface, alpha: float) -> None:
        surface.fill((16, 17, 19))
        ctx = self.ctx
        sw, sh = surface.get_size()
        ctx.text.blit(surface, "KEY BINDINGS", (sw // 2, px(ctx, 16)), px(ctx, 36), GOLD,
                      bold=True, anchor="midtop")
        ctx.text.blit(surface, "Enter or click an action, then press its new key (Ctrl + a key "
                      "works too). Esc, F3, F11, F12 are fixed.", (sw // 2, px(ctx, 50)),
                      px(ctx, 19), DIM, anchor="midtop")
        self.menu.draw(surface, ctx, ((sw - px(ctx, 560)) // 2, px(ctx, 76)))
        if self.waiting is not None:
            veil(surface, 150)
            label = dict((a, lbl) for a, lbl, _ in ACTIONS)[self.waiting]
            box = panel(surface, pygame.Rect(0, 0, px(ctx, 520), px(ctx, 120)).move(
                (sw - px(ctx, 520)) // 2, (sh - px(ctx, 120)) // 2))
            ctx.text.blit(surface, f"Press a key for: {label}", box.center, px(ctx, 28),
                          GOLD, bold=True, anchor="center")
            ctx.text.blit(surface, "Esc cancels", (box.centerx, box.bottom - px(ctx, 26)),
                          px(ctx, 19), DIM, anchor="midtop")
