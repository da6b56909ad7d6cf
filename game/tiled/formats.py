"""Tiled's file formats: which the game reads, and what to say about a file that is neither.

The game reads Tiled's XML formats (.tmx maps, .tsx tilesets, .tx templates) and its JSON
formats (.tmj/.json maps, .tsj tilesets, .tj templates; see game.tiled.json_format).  The
content decides (JSON starts with '{'), so a file named .tmj that is not JSON gets a
message naming what it should hold rather than an XML parser's "malformed XML".
"""

from __future__ import annotations

from pathlib import PurePath

# suffix -> what Tiled writes under it
JSON_SUFFIXES = {".tmj": "map", ".json": "map", ".tsj": "tileset", ".tj": "template"}
SUPPORTED = ("Tiled maps (.tmx or .tmj), tilesets (.tsx or .tsj) and templates (.tx or .tj) "
             "as Tiled saves them")


def json_kind(file: str | PurePath) -> str | None:
    """"map", "tileset" or "template" if the file's name says Tiled JSON, else None."""
    return JSON_SUFFIXES.get(PurePath(file).suffix.lower())


def unsupported_format(file: str | PurePath, text: str = "") -> str | None:
    """The message for a file named as Tiled JSON whose text is not a JSON object."""
    kind = json_kind(file)
    if kind is None:
        return None
    return (f"not a Tiled JSON {kind}: the file does not start with '{{' "
            f"(the game reads {SUPPORTED})")
