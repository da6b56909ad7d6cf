"""Every test runs headless: SDL's dummy video and audio drivers, set before pygame loads."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
