"""The player's profile on the App: settings, campaign progress, key map and audio.

Loaded once (the title screen does it); a damaged file shows a toast and the game goes
on with defaults.  Screens reach them as app.settings, app.progress, app.keymap,
app.audio (also app.sounds: the air strike code plays its cues through it).
"""

from __future__ import annotations

import pygame

from game.progress import Progress, load_campaign, load_progress, save_progress
from game.settings import Settings, load_settings, save_settings
from game.ui.keymap import KeyMap


def prepare(app, audio: bool = True) -> None:
    """Load what is not loaded yet; safe to call more than once."""
    if not isinstance(getattr(app, "settings", None), Settings):
        settings, problem = load_settings()
        app.settings = settings
        if problem:
            app.toast(problem)
        apply_display(app)
    if not isinstance(getattr(app, "progress", None), Progress):
        progress, problem = load_progress()
        app.progress = progress
        if problem:
            app.toast(problem)
    if getattr(app, "keymap", None) is None:
        app.keymap = KeyMap(app.settings.keys)
    if getattr(app, "campaign", None) is None:
        app.campaign = load_campaign()
    if audio and getattr(app, "audio", None) is None:
        start_audio(app)


def start_audio(app, threaded: bool = True) -> None:
    from game.audio.director import Audio

    s = app.settings
    app.audio = Audio(s.master_volume, s.effects_volume)
    app.sounds = app.audio  # the air strike cues play through the same voices
    app.audio.start(threaded)


def keymap(app) -> KeyMap:
    """The App's key map (defaults when no profile was loaded, e.g. `play MAP` in tests)."""
    km = getattr(app, "keymap", None)
    if km is None:
        settings = getattr(app, "settings", None)
        km = app.keymap = KeyMap(getattr(settings, "keys", None))
    return km


def save_profile_settings(app) -> None:
    app.settings.keys = {a: list(k) for a, k in keymap(app).bindings.items()}
    problem = save_settings(app.settings)
    if problem:
        app.toast(problem)
    audio = getattr(app, "audio", None)
    if audio is not None:
        audio.set_volumes(app.settings.master_volume, app.settings.effects_volume)


def save_profile_progress(app) -> None:
    problem = save_progress(app.progress)
    if problem:
        app.toast(problem)


def apply_display(app) -> None:
    """Window size and fullscreen from the settings (the window keeps its size when the
    display refuses the mode)."""
    s = app.settings
    flags = pygame.FULLSCREEN if s.fullscreen else pygame.RESIZABLE
    size = (0, 0) if s.fullscreen else s.window_size
    current = pygame.display.get_surface()
    if current is not None and not s.fullscreen and current.get_size() == tuple(size) and \
            not (current.get_flags() & pygame.FULLSCREEN):
        return
    try:
        app.surface = pygame.display.set_mode(size, flags)
    except pygame.error as exc:
        app.toast(f"Cannot change the window: {exc}")
