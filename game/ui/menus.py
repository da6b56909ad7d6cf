"""Where the player lands when leaving a mission from its pause menu."""

from __future__ import annotations

from game.ui.context import Context

# the menu screens a mission can have been started from, nearest first
MENU_SCREENS = ("campaign", "custom_maps", "title")


def quit_to_menu(ctx: Context) -> None:
    """From a mission: back to the missions (campaign) or the custom maps it came from,
    else the title."""
    if ctx.audio is not None:
        ctx.audio.ambient(False)
    if any(ctx.stack.pop_to(name) for name in MENU_SCREENS):
        return
    ctx.screens.clear()
    ctx.go("title")
