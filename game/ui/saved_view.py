"""What a quicksave keeps of the player's view besides the world: paused or not, where the
camera looked, the radio log, the selection and the training prompts' progress.

It travels as the quicksave's optional `ui` block (game/save.py passes it through), plain
JSON.  A file is untrusted: every field is checked here as it is read, a bad one is
skipped (the view then stays as a fresh load leaves it), and an old save without the
block loads as before.
"""

from __future__ import annotations

import math
from typing import Any

from game.render.camera import ZOOM_LEVELS
from game.ui.radio_log import MAX_LINES, LogLine

MAX_TEXT = 400  # characters in one radio line read back


def view_state(battle) -> dict[str, Any]:
    cam = battle.camera
    half_w, half_h = cam.view_w / cam.zoom / 2, cam.view_h / cam.zoom / 2
    state: dict[str, Any] = {
        "paused": bool(battle.ctx.clock.paused),
        "camera": {"x": cam.x + half_w, "y": cam.y + half_h, "zoom": cam.zoom_index},
        "log": [[line.time_s, line.text, list(line.colour)] for line in battle.log.lines],
        "selected": sorted(battle.selected),
    }
    if battle.tutorial:
        state["tutorial"] = battle.tutorial.saved()
    return state


def restore_view(battle, state: dict) -> None:
    """Put back what `state` (read from a file) says, field by field."""
    paused = state.get("paused")
    if isinstance(paused, bool):
        battle.ctx.clock.paused = paused
    _restore_camera(battle.camera, state.get("camera"))
    lines = _log_lines(state.get("log"))
    if lines is not None:
        battle.log.lines = lines
    selected = state.get("selected")
    if isinstance(selected, list):
        from game.ui.orders import selectable

        world = battle.world
        battle.selected = {i for i in selected if _is_int(i) and i in world.units
                           and selectable(world, world.units[i])}
    if battle.tutorial:
        battle.tutorial.resume(battle.world, battle.session.recorded, state.get("tutorial"))


def _restore_camera(camera, raw: object) -> None:
    if not isinstance(raw, dict):
        return
    zoom = raw.get("zoom")
    if _is_int(zoom) and 0 <= zoom < len(ZOOM_LEVELS):
        camera.zoom_index = zoom
    x, y = raw.get("x"), raw.get("y")
    if _is_number(x) and _is_number(y):
        limit = max(camera.map_w, camera.map_h) * 4  # far outside is clamped anyway
        camera.centre_on(max(-limit, min(limit, x)), max(-limit, min(limit, y)))


def _log_lines(raw: object) -> list[LogLine] | None:
    if not isinstance(raw, list):
        return None
    lines = []
    for entry in raw[-MAX_LINES:]:
        if not (isinstance(entry, list) and len(entry) == 3):
            continue
        time_s, text, colour = entry
        if not (_is_number(time_s) and isinstance(text, str) and isinstance(colour, list)
                and len(colour) == 3 and all(_is_int(v) and 0 <= v <= 255 for v in colour)):
            continue
        lines.append(LogLine(float(time_s), text[:MAX_TEXT], tuple(colour)))
    return lines


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    """A finite JSON number of sane size (a 5000-digit int is refused, not converted)."""
    if _is_int(value):
        return abs(value) < 10 ** 12
    return isinstance(value, float) and math.isfinite(value)

