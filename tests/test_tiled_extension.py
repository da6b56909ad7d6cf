"""The Tiled extension (maps/extensions/danger-close): its pure logic runs under node, and
the command it builds really is the game's validator."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from game import MAPS_DIR, ROOT

EXTENSION = MAPS_DIR / "extensions" / "danger-close"
NODE = shutil.which("node")


def test_the_project_file_loads_the_shipped_extensions_folder() -> None:
    project = json.loads((MAPS_DIR / "danger-close.tiled-project").read_text(encoding="utf-8"))
    assert (MAPS_DIR / project["extensionsPath"]) == EXTENSION.parent
    assert (EXTENSION / "main.mjs").is_file() and (EXTENSION / "logic.mjs").is_file()


def test_the_logic_module_uses_no_tiled_api_and_no_newer_syntax() -> None:
    lines = (EXTENSION / "logic.mjs").read_text(encoding="utf-8").splitlines()
    text = "\n".join(line for line in lines if not line.lstrip().startswith("//"))
    # Tiled 1.8's engine (Qt 5.15) has no import.meta, globalThis, ?. or ??
    for banned in ("tiled.", "import.meta", "globalThis", "?.", "??", "Process", "TextFile"):
        assert banned not in text, banned


@pytest.mark.skipif(NODE is None, reason="node is not installed: the extension logic is JS")
def test_extension_logic_under_node() -> None:
    script = ROOT / "tests" / "js" / "extension_logic_test.mjs"
    done = subprocess.run([NODE, str(script)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "all checks passed" in done.stdout


@pytest.mark.skipif(NODE is None, reason="node is not installed: the extension logic is JS")
def test_the_real_validator_output_becomes_issues(tmp_path) -> None:
    # the argv the extension builds, run for real on a map with a civilian in a wall
    source = (ROOT / "tests" / "data" / "rescue.tmx").read_text(encoding="utf-8")
    tileset = (ROOT / "assets" / "tileset.tsx").as_posix()
    broken = tmp_path / "broken.tmx"
    broken.write_text(source.replace("../../assets/tileset.tsx", tileset)
                      .replace('type="Civilian" x="400"', 'type="Civilian" x="304"'),
                      encoding="utf-8")
    glue = tmp_path / "glue.mjs"
    logic = (EXTENSION / "logic.mjs").as_uri()
    glue.write_text(
        'import * as L from "' + logic + '";\n'
        'import { execFileSync } from "node:child_process";\n'
        'const argv = L.validateArgv(JSON.parse(process.argv[2]), process.argv[3]);\n'
        'let out = "", code = 0;\n'
        'try { out = execFileSync(argv[0], argv.slice(1), {encoding: "utf8"}); }\n'
        'catch (e) { out = e.stdout; code = e.status; }\n'
        'console.log(JSON.stringify(L.issuesFromOutput(out, "", code, process.argv[3])));\n',
        encoding="utf-8")
    cmd = json.dumps([sys.executable, "-m", "game"])
    done = subprocess.run([NODE, str(glue), cmd, str(broken)], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    issues = json.loads(done.stdout)
    assert [(i["severity"], i["objectId"], i["tile"]) for i in issues] == [("error", 2, [9, 4])]
    assert "inside a wall" in issues[0]["text"]
