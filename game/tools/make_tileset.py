"""python -m game.tools.make_tileset: writes assets/tileset.png and assets/tileset.tsx."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from game import ASSETS_DIR
from game.tools.tsx import tsx_xml


def write_tileset(out_dir: Path) -> tuple[Path, Path]:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame  # only here: reading the TSX must not need pygame

    from game.tools.tileset_art import render_tileset

    out_dir.mkdir(parents=True, exist_ok=True)
    png = out_dir / "tileset.png"
    tsx = out_dir / "tileset.tsx"
    pygame.image.save(render_tileset(), str(png))
    tsx.write_text(tsx_xml(image=png.name), encoding="utf-8")
    return png, tsx


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ASSETS_DIR)
    args = parser.parse_args(argv)
    for path in write_tileset(args.out):
        print(path)


if __name__ == "__main__":
    main()
