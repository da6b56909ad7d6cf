"""Tiled's file formats, and what to say about the ones the game does not read yet.

The game reads Tiled's XML formats (.tmx maps, .tsx tilesets, .tx templates).  Tiled can
also save each as JSON (.tmj/.json, .tsj, .tj); until the loader reads those, a JSON file
gets a message saying what to save instead of an XML parser's "malformed XML".
"""

from __future__ import annotations

import re
from pathlib import PurePath

# suffix -> what Tiled writes under it
JSON_SUFFIXES = {".tmj": "map", ".json": "map", ".tsj": "tileset", ".tj": "template"}
# Tiled JSON names its document type near the end ("type":"map"); a map may embed
# tilesets, so a map is recognised first.
_TYPE = {kind: re.compile(rf'"type"\s*:\s*"{kind}"') for kind in ("map", "template", "tileset")}
ADVICE = {
    "map": "Tiled JSON maps (.tmj) are not supported yet: save as .tmx "
           "(File > Save As, choose \"Tiled map files (*.tmx)\")",
    "tileset": "Tiled JSON tilesets (.tsj) are not supported yet: save the tileset as .tsx "
               "(open it in Tiled, File > Save As, choose \"Tiled tileset files (*.tsx)\"), "
               "or use the game's assets/tileset.tsx",
    "template": "Tiled JSON templates (.tj) are not supported yet: save the template as .tx "
                "(in Tiled, right-click an object made from it, Save As Template, "
                "choose *.tx)",
}


def json_kind(file: str | PurePath, text: str = "") -> str | None:
    """"map", "tileset" or "template" if this looks like a Tiled JSON file, else None.
    The name decides first; a file of another name is JSON if its text starts with '{'."""
    kind = JSON_SUFFIXES.get(PurePath(file).suffix.lower())
    if kind is not None:
        return kind
    if not text.lstrip("\ufeff \t\r\n").startswith("{"):
        return None
    return next((k for k, pattern in _TYPE.items() if pattern.search(text)), "map")


def unsupported_format(file: str | PurePath, text: str = "") -> str | None:
    """The message for a file the game cannot read as XML because it is Tiled JSON."""
    kind = json_kind(file, text)
    return ADVICE[kind] if kind else None
