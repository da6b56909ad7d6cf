"""pygame start-up, the screen stack and the fixed-step loop.

One frame: events go to the top screen; the step clock turns real time (times the time
scale, unless paused) into whole 30 Hz ticks with a capped catch-up; the screens draw
with the interpolation alpha; toasts go on top; the frame is presented.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from game.map_loader import MapLoadFailed
from game.ui.clock import STEP_S, StepClock
from game.ui.context import Context
from game.ui.frame_meter import FrameMeter

FPS_CAP = 60
FRAME_S = 1 / FPS_CAP
WINDOW_SIZE = (1280, 720)
MIN_SIZE = (800, 480)  # below this the HUD cannot fit: the game holds and says so

__all__ = ["App", "StepClock", "run_play", "run_title"]


INVISIBLE_DRIVERS = ("offscreen", "dummy")  # SDL drivers that draw to no screen


def init_pygame(headless: bool = False):
    """Start only what the game uses (no audio here); fast software presenting.
    Unless `headless` (a --frames run), refuse a display nobody can see."""
    os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
    # without it a window given the player's size after start-up grows from the corner
    # of the default one and can hang off the desktop (seen at 1920x1040 on 1080p)
    os.environ.setdefault("SDL_VIDEO_CENTERED", "1")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    pygame.display.init()
    problem = invisible_display(pygame.display.get_driver(),
                                os.environ.get("SDL_VIDEODRIVER", ""), headless)
    if problem:
        pygame.display.quit()
        raise pygame.error(problem)  # the command line turns this into a message, exit 1
    pygame.font.init()
    return pygame


def invisible_display(driver: str, asked: str, headless: bool) -> str:
    """Why the game cannot be shown, or "".  With no screen SDL quietly falls back to a
    driver that draws nowhere, and the game would run forever unseen; that is only
    wanted when the player asked for it (SDL_VIDEODRIVER) or for a headless run."""
    driver = driver.lower()
    wanted = {name.strip().lower() for name in asked.split(",")}
    if headless or driver not in INVISIBLE_DRIVERS or driver in wanted:
        return ""
    return (f"no screen found: SDL fell back to its invisible '{driver}' video driver; "
            "run it where there is a display (is DISPLAY or WAYLAND_DISPLAY set?)")


class App:
    """The window and the loop.  Screens get `self.ctx` (game/ui/context.py), never
    the App; the screens' names are resolved by game/ui/navigation.py."""

    def __init__(self, size: tuple[int, int] = WINDOW_SIZE, title: str = "Danger Close",
                 headless: bool = False) -> None:
        pygame = init_pygame(headless)
        self.pg = pygame
        pygame.display.set_caption(title)
        from game.render.text import TextCache
        from game.ui.navigation import ROUTES

        self.ctx = Context(text=TextCache(), routes=ROUTES,
                           surface=pygame.display.set_mode(size, pygame.RESIZABLE))
        self.text = self.ctx.text
        self.clock = self.ctx.clock
        self.stack = self.ctx.stack
        self.meter = FrameMeter()
        self.meter_shown = False  # F3 without a profile (a bare `play MAP`)
        self._last_frame_start: float | None = None
        self._window_size_changed = False  # a dragged size, saved when the loop ends

    # -- what the loop shares with the screens (kept on the context) ------------------
    @property
    def screens(self) -> list:
        return self.stack.screens

    @property
    def running(self) -> bool:
        return self.stack.running

    @running.setter
    def running(self, value: bool) -> None:
        self.stack.running = value

    @property
    def exit_code(self) -> int:
        return self.stack.exit_code

    @property
    def surface(self):
        return self.ctx.surface

    @surface.setter
    def surface(self, value) -> None:
        self.ctx.surface = value

    @property
    def fixed_dt(self) -> float | None:
        return self.ctx.fixed_dt

    @fixed_dt.setter
    def fixed_dt(self, value: float | None) -> None:
        self.ctx.fixed_dt = value

    @property
    def frame(self) -> int:
        return self.ctx.frame

    def push(self, screen) -> None:
        self.stack.push(screen)

    def pop(self):
        return self.stack.pop()

    def quit(self, code: int | None = None) -> None:
        self.stack.quit(code)

    def toast(self, text: str) -> None:
        self.ctx.toast(text)

    # -- the loop --------------------------------------------------------------------
    def run(self, frames: int | None = None) -> int:
        """Run until quit, or exactly `frames` frames (each one tick long, not timed)."""
        pygame = self.pg
        timer = pygame.time.Clock()
        if frames is not None:
            self.fixed_dt = STEP_S
        while self.running and (frames is None or self.frame < frames):
            raw = timer.tick(FPS_CAP if frames is None else 0) / 1000.0
            dt = self.fixed_dt if self.fixed_dt is not None else min(raw, 0.25)
            started = time.perf_counter()
            self.step_frame(dt)
            self.give_idle(FRAME_S - (time.perf_counter() - started))
        if self._window_size_changed:
            from game.ui.profile import save_profile_settings

            save_profile_settings(self.ctx)
            self._window_size_changed = False  # saved: a later run() need not again
        return self.exit_code

    def give_idle(self, spare_s: float) -> None:
        """Hand the top screen what is left of this frame's time at the frame cap."""
        if spare_s > 0 and self.screens:
            self.screens[-1].idle(spare_s)

    def step_frame(self, dt: float) -> None:
        started = time.perf_counter()
        interval = started - (self._last_frame_start or started)
        self._last_frame_start = started
        presented = self._work_frame(dt)
        ended = time.perf_counter()
        self.meter.record_frame(interval, presented - started, ended - presented)

    def _work_frame(self, dt: float) -> float:
        """One frame: events, update, ticks, draw, present.  Returns when presenting began."""
        pygame = self.pg
        for event in pygame.event.get():
            self.dispatch(event)
        if not self.screens:
            self.running = False
            return time.perf_counter()
        self.surface = pygame.display.get_surface()
        if self.too_small():
            self._draw_too_small()  # the mission holds still until the window is usable
            return self._present()
        top = self.screens[-1]
        top.update(dt)
        alpha = min(1.0, self.clock.accumulator / STEP_S)
        if top.wants_ticks:
            ticks, alpha = self.clock.advance(dt)
            for _ in range(ticks):
                if top is not self.screens[-1]:
                    break  # the tick pushed a screen (mission over): stop stepping
                tick_started = time.perf_counter()
                top.tick()
                self.meter.record_tick(time.perf_counter() - tick_started)
        self.draw(alpha)
        self._age_toasts(dt)
        if self.frame_times_shown():
            from game.ui.widgets import px

            self.meter.draw(self.surface, self.text, px(self.ctx, 30), px(self.ctx, 16))
        return self._present()

    def _present(self) -> float:
        presenting = time.perf_counter()
        self.pg.display.flip()
        self.ctx.frame += 1
        return presenting

    def frame_times_shown(self) -> bool:
        settings = self.ctx.settings
        return settings.show_frame_times if settings is not None else self.meter_shown

    def toggle_frame_times(self) -> None:
        """F3: show or hide the meter; with a profile loaded the choice is kept."""
        settings = self.ctx.settings
        if settings is None:
            self.meter_shown = not self.meter_shown
            return
        settings.show_frame_times = not settings.show_frame_times
        from game.ui.profile import save_profile_settings

        save_profile_settings(self.ctx)

    def too_small(self) -> bool:
        w, h = self.surface.get_size()
        return w < MIN_SIZE[0] or h < MIN_SIZE[1]

    def _draw_too_small(self) -> None:
        w, h = self.surface.get_size()
        self.surface.fill((20, 20, 22))
        lines = ("Window too small", f"{w}x{h}: make it at least {MIN_SIZE[0]}x{MIN_SIZE[1]},",
                 f"or press Enter for {WINDOW_SIZE[0]}x{WINDOW_SIZE[1]}.")
        size = max(10, min(22, w // 18))
        for i, line in enumerate(lines):
            self.text.blit(self.surface, line, (w // 2, h // 2 + (i - 1) * (size + 4)), size,
                           (240, 200, 90) if i == 0 else (230, 230, 225), anchor="center")

    def restore_window(self) -> None:
        self.surface = self.pg.display.set_mode(WINDOW_SIZE, self.pg.RESIZABLE)

    def toggle_fullscreen(self) -> None:
        """F11, on any screen: fullscreen at the desktop's size or back to the window;
        kept in the settings like the choice made on the settings screen."""
        settings = self.ctx.settings
        if settings is None:
            return  # a bare `play MAP` has no profile to keep it in
        from game.ui.profile import apply_display, save_profile_settings

        settings.fullscreen = not settings.fullscreen
        apply_display(self.ctx)
        save_profile_settings(self.ctx)

    def remember_window_size(self, width: int, height: int) -> None:
        """A window the player dragged to a new size opens at that size next time
        (not a size too small to play in, and not the fullscreen mode's)."""
        from game.settings import usable_side

        settings = self.ctx.settings
        if settings is None or settings.fullscreen or width < MIN_SIZE[0] or \
                height < MIN_SIZE[1] or not usable_side(max(width, height)):
            return
        if tuple(settings.window_size) != (width, height):
            settings.window_size = (width, height)
            self._window_size_changed = True

    def dispatch(self, event) -> None:
        pygame = self.pg
        if event.type == pygame.VIDEORESIZE:
            self.remember_window_size(event.w, event.h)
        if event.type == pygame.QUIT:
            self.running = False
        elif self.too_small():
            if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.restore_window()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F12:
            path = self.save_screenshot()
            self.toast(f"Screenshot saved: {path}" if path else "Screenshot failed")
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F3:
            self.toggle_frame_times()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
        elif self.screens:
            self.screens[-1].handle_event(event)

    def draw(self, alpha: float) -> None:
        first = len(self.screens) - 1
        while first > 0 and self.screens[first].transparent:
            first -= 1
        for screen in self.screens[first:]:
            screen.draw(self.surface, alpha)
        self._draw_toasts()

    def _draw_toasts(self) -> None:
        w, h = self.surface.get_size()
        y = self.screens[-1].toast_top(h) if self.screens else h * 2 // 3
        from game.ui.widgets import fill, px

        for text, left in self.ctx.toasts:  # at the UI scale, as the HUD round them
            img = self.text.render(text, px(self.ctx, 22), (250, 250, 240))
            rect = img.get_rect(midtop=(w // 2, y)).inflate(px(self.ctx, 20), px(self.ctx, 10))
            fill(self.surface, rect, (10, 10, 10, round(200 * min(1.0, left))))
            self.surface.blit(img, img.get_rect(center=rect.center))
            y += rect.height + px(self.ctx, 6)

    def _age_toasts(self, dt: float) -> None:
        for toast in self.ctx.toasts:
            toast[1] -= dt
        self.ctx.toasts[:] = [t for t in self.ctx.toasts if t[1] > 0]

    def save_screenshot(self, path: str | None = None) -> str | None:
        target = Path(path) if path else screenshot_dir() / time.strftime("dc-%Y%m%d-%H%M%S.png")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.pg.image.save(self.pg.display.get_surface(), str(target))
        except (OSError, self.pg.error) as exc:
            print(f"error: cannot save screenshot {target}: {exc}", file=sys.stderr)
            return None
        return str(target)


def screenshot_dir() -> Path:
    """F12 pictures go with the player's other files: under DANGER_CLOSE_HOME when it is
    set (a portable install keeps everything in one folder), else the data folder."""
    from game import userdata

    return userdata.data_dir() / "screenshots"


def run_play(map_path: str, *, seed: int = 0, difficulty: str = "normal",
             frames: int | None = None, screenshot: str | None = None,
             profile: bool = False) -> int:
    """Play one mission in a window.  With `frames`, run exactly that many frames (one
    tick each), save `screenshot` if given, and return; works under SDL_VIDEODRIVER=dummy.
    With `profile`, the player's settings (key bindings, volumes) and sound are used.
    Returns the exit code: 0, or 1 when the map could not be loaded."""
    app = App(headless=frames is not None)
    ctx = app.ctx
    if profile:
        from game.ui.profile import prepare

        prepare(ctx)
    code = 0
    try:
        scenario = ctx.load_map(map_path)
    except MapLoadFailed as exc:
        # one `error: FILE: MESSAGE` line per problem, as every command prints them
        print("\n".join(f"error: {line}" for line in str(exc).splitlines()), file=sys.stderr)
        ctx.go("message", "This map cannot be played", str(exc), exit_code=1)
        code = 1
    else:
        from game.session import Session

        ctx.go("battle", Session(scenario, seed=seed, difficulty=difficulty))
    result = app.run(frames)
    if screenshot:
        app.save_screenshot(screenshot)
    app.pg.display.quit()
    return code or result


def run_title(frames: int | None = None, screenshot: str | None = None) -> int:
    """The game from its title screen.  With `frames`, draw that many frames and return
    (headless under SDL_VIDEODRIVER=dummy), saving `screenshot` if given."""
    from game.ui.profile import prepare

    app = App(headless=frames is not None)
    prepare(app.ctx, audio=frames is None)  # a headless picture needs no sound
    app.ctx.go("title")
    code = app.run(frames)
    if screenshot:
        app.save_screenshot(screenshot)
    app.pg.display.quit()
    return code
