"""A contact sheet of every unit kind in every pose and frame, drawn by the game's own
sprite code at the game's scale and enlarged for reading:

    python -m game.tools.sprite_sheet OUT.png [--zoom 3] [--angle 0]

One row per kind (squad, insurgents, survivors, and the survivors again wounded), one
column per pose frame, on a ground colour like the maps'.  The carry columns carry an
adult survivor and a crate.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from game.render.figures import FRAMES, POSES

ROWS = (("rafiq", False), ("hana", False), ("maaz", False), ("rima", False),
        ("rifleman", False), ("scout", False), ("gunner", False), ("sniper", False),
        ("child", False), ("child", True), ("adult", False), ("adult", True),
        ("elder", False), ("elder", True))  # (kind, wounded)
GROUND = (146, 132, 108)
CELL = 64  # px per cell at the game's scale (two tiles)
LABEL_W = 96


def columns() -> list[tuple[str, int, str]]:
    """(pose, frame, extra) per column of the sheet."""
    cols = []
    for pose in POSES:
        extra = "adult" if pose == "carry" else "crate" if pose == "carry_crate" else ""
        cols.extend((pose, frame, extra) for frame in range(FRAMES.get(pose, 1)))
    return cols


def fake_unit(kind: str, facing: int = 0, hurt: bool = False):
    from game.sim.catalog import UNIT_TYPES
    from game.sim.units import Unit

    side = UNIT_TYPES[kind].side
    unit = Unit(1, kind, side, kind, 0, 0, facing=facing)
    unit.hp = UNIT_TYPES[kind].max_hp // (3 if hurt else 1)
    return unit


def sheet(zoom: int = 3, angle: int = 0, tile_px: int = 32):
    """The sheet as a surface (needs pygame initialised)."""
    import pygame

    from game.render.sprites import SpriteCache
    from game.render.text import TextCache

    text = TextCache()
    cache = SpriteCache(text)
    cols = columns()
    width = LABEL_W + CELL * len(cols)
    height = 24 + CELL * len(ROWS)
    out = pygame.Surface((width, height))
    out.fill((34, 36, 38))
    for i, (pose, frame, _) in enumerate(cols):
        label = text.render(f"{pose} {frame}" if FRAMES.get(pose, 1) > 1 else pose, 11,
                            (230, 230, 230))
        out.blit(label, (LABEL_W + i * CELL + 2, 6))
    for row, (kind, hurt) in enumerate(ROWS):
        y = 24 + row * CELL
        out.fill(GROUND if row % 2 == 0 else (136, 122, 98), (LABEL_W, y, width - LABEL_W, CELL))
        name = kind + (" wounded" if hurt else "")
        out.blit(text.render(name, 13, (240, 240, 240)), (6, y + CELL // 2 - 7))
        unit = fake_unit(kind, angle, hurt)
        for col, (pose, frame, extra) in enumerate(cols):
            key = (kind, pose, frame, extra, hurt, angle, cache.radius(unit, tile_px))
            img = cache.render(key)
            out.blit(img, img.get_rect(center=(LABEL_W + col * CELL + CELL // 2, y + CELL // 2)))
    return pygame.transform.scale_by(out, zoom) if zoom != 1 else out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--zoom", type=int, default=2)
    parser.add_argument("--angle", type=int, default=0, help="facing in degrees, 0 = east")
    args = parser.parse_args(argv)
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((1, 1))
    surf = sheet(args.zoom, args.angle)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(surf, args.out)
    print(f"wrote {args.out} ({surf.get_width()}x{surf.get_height()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
