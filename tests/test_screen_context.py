"""Screens without import loops: a context instead of the App, navigation by name in one
module, one map loader, one key table with Ctrl combinations, one way out for sound, and
no private names imported across modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pygame
import pytest

from game.map_loader import MapLoadFailed, load_map
from game.ui.keymap import KeyMap, clean_bindings
from game.ui.navigation import ROUTES
from tests.battle_helpers import battle_screen

GAME = Path(__file__).resolve().parent.parent / "game"


def module_name(path: Path) -> str:
    parts = path.relative_to(GAME.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> list[ast.ImportFrom | ast.Import]:
    """Every import in the file: top level, inside functions, under TYPE_CHECKING."""
    return [n for n in ast.walk(ast.parse(path.read_text()))
            if isinstance(n, ast.Import | ast.ImportFrom)]


def import_graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in GAME.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for mod, path in files.items():
        out = set()
        for node in imports_of(path):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                base = node.module or ""
                targets = [base] + [f"{base}.{a.name}" for a in node.names]
            out |= {t for t in targets if t in files and t != mod}
        graph[mod] = out
    return graph


def reaches(graph: dict[str, set[str]], start: str, goal: str) -> bool:
    seen, todo = set(), list(graph[start])
    while todo:
        mod = todo.pop()
        if mod == goal:
            return True
        if mod not in seen:
            seen.add(mod)
            todo += graph.get(mod, ())
    return False


def test_the_app_and_the_screens_import_no_loop():
    graph = import_graph()
    front = [m for m in graph if m == "game.app" or m.startswith("game.ui")]
    looped = sorted(m for m in front if reaches(graph, m, m))
    assert looped == []


def test_only_the_navigation_module_imports_screen_classes():
    screen_modules = {cls.__module__ for cls in ROUTES.values()}
    offenders = []
    for path in GAME.rglob("*.py"):
        mod = module_name(path)
        if mod == "game.ui.navigation":
            continue
        for node in imports_of(path):
            names = ([node.module or ""] if isinstance(node, ast.ImportFrom)
                     else [a.name for a in node.names])
            offenders += [f"{mod} imports {n}" for n in names if n in screen_modules]
    assert offenders == []


def test_every_route_names_its_screen_class():
    assert {name: cls.name for name, cls in ROUTES.items()} == {n: n for n in ROUTES}
    assert {"title", "campaign", "briefing", "battle", "debrief", "pause"} <= set(ROUTES)


def test_no_module_imports_a_private_name_of_another():
    found = [f"{module_name(p)}: from {n.module} import {a.name}"
             for p in GAME.rglob("*.py") for n in imports_of(p)
             if isinstance(n, ast.ImportFrom) and n.module != "__future__"
             for a in n.names if a.name.startswith("_")]
    assert found == []


# -- one map loader -------------------------------------------------------------------------
def test_a_missing_map_reads_the_same_in_the_game_and_on_the_command_line(tmp_path, capsys):
    from game.cli import main

    missing = tmp_path / "nowhere.tmx"
    with pytest.raises(MapLoadFailed) as caught:
        load_map(missing)
    assert main(["sim", str(missing)]) == 1
    assert capsys.readouterr().err.strip() == f"error: {caught.value}"
    assert str(caught.value).startswith(f"{missing}: ")


# -- one key table -------------------------------------------------------------------------
def test_ctrl_combinations_live_in_the_one_remappable_table():
    km = KeyMap()
    assert km.action(pygame.K_a, pygame.KMOD_CTRL) == "select_all"
    assert km.action(pygame.K_a) == "pan_left"
    assert km.action(pygame.K_1, pygame.KMOD_SHIFT) == "select_1"  # Shift: add to selection
    assert km.rebind("select_all", pygame.K_q, pygame.KMOD_LCTRL)
    assert km.bindings["select_all"] == ["ctrl+q"] and km.describe("select_all") == "Ctrl + Q"
    assert km.action(pygame.K_a, pygame.KMOD_CTRL) is None
    again = KeyMap(clean_bindings(km.bindings))  # as the settings file hands them back
    assert again.action(pygame.K_q, pygame.KMOD_CTRL) == "select_all"


def press(app, key: int, mod: int = 0) -> None:
    app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))


def test_a_remapped_ctrl_combination_drives_the_battle():
    from game.ui.profile import keymap

    app, battle = battle_screen(size=(1280, 720))
    everyone = {u.id for u in battle.world.squad()}
    battle.select(set())
    press(app, pygame.K_a, pygame.KMOD_LCTRL)
    assert battle.selected == everyone
    keymap(app.ctx).rebind("select_all", pygame.K_q, pygame.KMOD_LCTRL)
    battle.select(set())
    press(app, pygame.K_a, pygame.KMOD_LCTRL)  # the old combination is free now
    assert battle.selected == set()
    press(app, pygame.K_q, pygame.KMOD_LCTRL)
    assert battle.selected == everyone
    pygame.display.quit()


def test_the_bindings_screen_takes_a_ctrl_combination_or_ctrl_alone(tmp_path, monkeypatch):
    from game.app import App
    from game.ui.profile import prepare

    monkeypatch.setenv("DANGER_CLOSE_HOME", str(tmp_path))
    app = App()
    prepare(app.ctx, audio=False)
    screen = app.ctx.go("key_bindings")
    screen.waiting = "reload_map"
    press(app, pygame.K_LCTRL, pygame.KMOD_LCTRL)
    assert screen.waiting == "reload_map"  # Ctrl alone waits for the key that follows
    press(app, pygame.K_l, pygame.KMOD_LCTRL)
    assert app.ctx.keymap.bindings["reload_map"] == ["ctrl+l"]
    screen.waiting = "stop"
    press(app, pygame.K_RCTRL, pygame.KMOD_RCTRL)
    app.dispatch(pygame.event.Event(pygame.KEYUP, key=pygame.K_RCTRL, mod=0, unicode="",
                                    scancode=0))
    assert app.ctx.keymap.bindings["stop"] == ["right ctrl"]
    pygame.display.quit()


# -- one way out for sound ------------------------------------------------------------------
class HeardCues:
    def __init__(self) -> None:
        self.played: list[str] = []

    def play(self, name: str, volume: float = 1.0, pan: float = 0.0) -> None:
        self.played.append(name)

    def play_cues(self, cues) -> None:
        self.played += [name for name, _, _ in cues]

    def update(self) -> None:
        pass

    def on_tick(self, events, world, view) -> None:
        from game.audio.battle_cues import battle_cues

        self.play_cues(battle_cues(events, world, view))

    def ambient(self, on: bool) -> None:
        pass


def test_a_strike_is_heard_once_through_the_one_audio(monkeypatch):
    from game.sim.events import StrikeImpact

    app, battle = battle_screen()
    heard = HeardCues()
    app.ctx.audio = heard
    impact = StrikeImpact(strike_id=1, x=3, y=2, radius_sub=64, casualties=0,
                          tiles_destroyed=0)
    monkeypatch.setattr(battle.session, "advance", lambda commands: [impact])
    battle.tick()
    assert heard.played.count("explosion") == 1
    pygame.display.quit()


def test_without_a_profile_the_battle_is_silent(monkeypatch):
    from game.audio.bank import SoundBank

    def no_bank(*args, **kwargs):
        raise AssertionError("a second sound path built its own bank")

    monkeypatch.setattr(SoundBank, "build", no_bank)
    app, battle = battle_screen()
    assert app.ctx.audio is None
    for _ in range(5):
        battle.tick()
    pygame.display.quit()


def test_screens_open_and_close_by_name(tmp_path, monkeypatch):
    from game.app import App
    from game.ui.profile import prepare

    monkeypatch.setenv("DANGER_CLOSE_HOME", str(tmp_path))
    app = App()
    prepare(app.ctx, audio=False)
    app.ctx.go("title")
    app.ctx.go("campaign")
    press(app, pygame.K_RETURN)  # the first mission's briefing
    assert [s.name for s in app.screens] == ["title", "campaign", "briefing"]
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_ESCAPE)  # a menu's back key pops it
    assert [s.name for s in app.screens] == ["title"]
    pygame.display.quit()


def test_a_remapped_ctrl_combination_persists_through_the_settings_file(tmp_path, monkeypatch):
    from game.app import App
    from game.ui.profile import prepare, save_profile_settings

    monkeypatch.setenv("DANGER_CLOSE_HOME", str(tmp_path))
    first = App()
    prepare(first.ctx, audio=False)
    assert first.ctx.keymap.rebind("reload_map", pygame.K_l, pygame.KMOD_LCTRL)
    save_profile_settings(first.ctx)
    pygame.display.quit()
    second = App()
    prepare(second.ctx, audio=False)
    assert second.ctx.keymap.action(pygame.K_l, pygame.KMOD_CTRL) == "reload_map"
    assert second.ctx.keymap.action(pygame.K_r, pygame.KMOD_CTRL) is None
    pygame.display.quit()
