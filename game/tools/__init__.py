"""Build-time tools: the tileset generator, a TMX writer and the map generator.

Nothing in the game imports these at run time; they write files under assets/ and maps/.
"""
