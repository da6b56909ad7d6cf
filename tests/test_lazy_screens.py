"""The route table imports a screen's module only when that screen is first asked for:
start-up (budgeted at 0.6 s to the title) must not pay for the battle's imports."""

from __future__ import annotations

import subprocess
import sys


def test_the_route_table_imports_no_screen_until_asked():
    probe = ("import sys; from game.ui.navigation import ROUTES; "
             "before = 'game.ui.battle' in sys.modules; "
             "cls = ROUTES['battle']; "
             "print(before, 'game.ui.battle' in sys.modules, cls.__name__)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, env={"SDL_VIDEODRIVER": "dummy", "PATH": ""})
    assert out.stdout.split()[-3:] == ["False", "True", "BattleScreen"]
