"""Screens, input turned into commands, and the HUD."""
