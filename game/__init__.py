"""Danger Close: a top-down real-time-with-pause tactical squad-rescue game."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSETS_DIR = ROOT / "assets"
MAPS_DIR = ROOT / "maps"
