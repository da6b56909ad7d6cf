"""Rendered text cached by content, so a HUD that says the same thing costs one blit."""

from __future__ import annotations

import pygame

MAX_CACHED = 512
MAX_PLATES = 256  # plate sizes kept (a label's plate is as big as its text)
_plates: dict[tuple[int, int, tuple], pygame.Surface] = {}


def panel_of(size: tuple[int, int], rgba: tuple[int, int, int, int]) -> pygame.Surface:
    """A translucent panel of one colour, kept by size: the labels over the map (status
    tags, arrow labels, hover tags) each made and filled a fresh one every frame."""
    key = (size[0], size[1], rgba)
    img = _plates.get(key)
    if img is None:
        if len(_plates) >= MAX_PLATES:
            _plates.clear()
        img = _plates[key] = pygame.Surface(size, pygame.SRCALPHA)
        img.fill(rgba)
    return img


class TextCache:
    def __init__(self) -> None:
        if not pygame.font.get_init():
            pygame.font.init()
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._cache: dict[tuple, pygame.Surface] = {}

    def font(self, size: int, bold: bool = False) -> pygame.font.Font:
        key = (size, bold)
        font = self._fonts.get(key)
        if font is None:
            font = self._fonts[key] = pygame.font.Font(None, size)
            font.bold = bold
        return font

    def render(
        self, text: str, size: int = 18, colour=(230, 230, 225), bold: bool = False
    ) -> pygame.Surface:
        key = (text, size, tuple(colour), bold)
        surf = self._cache.get(key)
        if surf is None:
            if len(self._cache) >= MAX_CACHED:
                self._cache.clear()  # text changes slowly; a full refill is cheap
            surf = self._cache[key] = self.font(size, bold).render(text, True, colour)
        return surf

    def blit(self, surface, text, pos, size=18, colour=(230, 230, 225), bold=False,
             anchor: str = "topleft", inside: pygame.Rect | None = None,
             plate: tuple[int, int, int, int] | None = None) -> pygame.Rect:
        """Draw text with its `anchor` point at pos; with `inside` (a label that follows
        the mouse), moved as little as needed to stay within that rect; with `plate` (an
        RGBA colour), on a panel of that colour so it reads over units and their tags."""
        img = self.render(text, size, colour, bold)
        rect = img.get_rect(**{anchor: pos})
        if inside is not None:
            rect.clamp_ip(inside)
        if plate is not None:
            back = rect.inflate(10, 4)
            surface.blit(panel_of(back.size, plate), back)
        surface.blit(img, rect)
        return rect
