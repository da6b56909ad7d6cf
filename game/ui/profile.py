"""The player's profile on the context: settings, campaign progress, key map and audio.

Loaded once (the title screen does it); a damaged file shows a toast and the game goes
on with defaults.  Screens read them as ctx.settings, ctx.progress, ctx.campaign,
ctx.keymap and ctx.audio (the one way sound leaves the game).
"""

from __future__ import annotations

import pygame

from game.progress import load_campaign, load_progress, save_progress
from game.settings import load_settings, save_settings
from game.ui.context import Context
from game.ui.keymap import KeyMap


def prepare(ctx: Context, audio: bool = True) -> None:
    """Load what is not loaded yet; safe to call more than once."""
    if ctx.settings is None:
        settings, problem = load_settings()
        ctx.settings = settings
        if problem:
            ctx.toast(problem)
        apply_display(ctx)
    if ctx.progress is None:
        progress, problem = load_progress()
        ctx.progress = progress
        if problem:
            ctx.toast(problem)
    if ctx.keymap is None:
        ctx.keymap = KeyMap(ctx.settings.keys)
    if ctx.campaign is None:
        ctx.campaign = load_campaign()
    if audio and ctx.audio is None:
        start_audio(ctx)
    elif audio:
        ctx.audio.finish_in_background()  # the title was building it a sound a frame


def start_audio(ctx: Context, threaded: bool = True, stepwise: bool = False) -> None:
    from game.audio.director import Audio

    s = ctx.settings
    ctx.audio = Audio(s.master_volume, s.effects_volume) if s else Audio()
    ctx.audio.start(threaded, stepwise)


def keymap(ctx: Context) -> KeyMap:
    """The key map (defaults when no profile was loaded, e.g. `play MAP` in tests)."""
    if ctx.keymap is None:
        ctx.keymap = KeyMap(ctx.settings.keys if ctx.settings is not None else None)
    return ctx.keymap


def save_profile_settings(ctx: Context) -> None:
    ctx.settings.keys = {a: list(k) for a, k in keymap(ctx).bindings.items()}
    problem = save_settings(ctx.settings)
    if problem:
        ctx.toast(problem)
    if ctx.audio is not None:
        ctx.audio.set_volumes(ctx.settings.master_volume, ctx.settings.effects_volume)


def save_profile_progress(ctx: Context) -> None:
    problem = save_progress(ctx.progress)
    if problem:
        ctx.toast(problem)


def apply_display(ctx: Context) -> None:
    """Window size and fullscreen from the settings (the window keeps its size when the
    display refuses the mode)."""
    s = ctx.settings
    flags = pygame.FULLSCREEN if s.fullscreen else pygame.RESIZABLE
    size = (0, 0) if s.fullscreen else s.window_size
    current = pygame.display.get_surface()
    if current is not None and not s.fullscreen and current.get_size() == tuple(size) and \
            not (current.get_flags() & pygame.FULLSCREEN):
        return
    try:
        ctx.surface = pygame.display.set_mode(size, flags)
    except pygame.error as exc:
        ctx.toast(f"Cannot change the window: {exc}")
