"""Hostile settings and progress files: each gives a message and defaults, never a hang,
a traceback or a blown memory; a file that merely cannot be read is left alone."""

from __future__ import annotations

import errno
import os
import signal

import pytest

from game.progress import Progress, load_progress, save_progress
from game.settings import Settings, load_settings, save_settings

LOADERS = [(load_settings, "settings.json", Settings), (load_progress, "progress.json", Progress)]


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("DANGER_CLOSE_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture(autouse=True)
def no_hang():
    """A read that blocks (a FIFO) fails the test instead of hanging the run."""
    def stuck(*_):
        raise TimeoutError("the load hung")

    previous = signal.signal(signal.SIGALRM, stuck)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def corrupt_copies(home, name):
    return sorted(home.glob(f"{name}.corrupt-*"))


@pytest.mark.parametrize(("load", "name", "default"), LOADERS)
def test_nested_deep_is_set_aside_with_defaults(home, load, name, default):
    (home / name).write_text("[" * 100_000 + "]" * 100_000)
    value, problem = load()
    assert value == default() and "Defaults used" in problem and "nested" in problem
    assert len(corrupt_copies(home, name)) == 1


@pytest.mark.parametrize(("load", "name", "default"), LOADERS)
def test_a_huge_file_is_refused_before_it_is_read(home, load, name, default, monkeypatch):
    with open(home / name, "wb") as out:
        out.truncate(1 << 30)  # 1 GB, sparse: nothing is read, so memory stays flat
    reads = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: reads.append(n) or real_read(fd, n))
    value, problem = load()
    assert value == default() and "too large" in problem
    assert reads == []


@pytest.mark.parametrize(("load", "name", "default"), LOADERS)
def test_special_files_are_reported_and_left_alone(home, load, name, default):
    path = home / name
    for make in (lambda: os.symlink("/dev/zero", path), lambda: os.mkfifo(path),
                 lambda: path.mkdir()):
        make()
        value, problem = load()
        assert value == default() and "Cannot read" in problem and "left as it is" in problem
        assert os.path.lexists(path) and not corrupt_copies(home, name)
        path.rmdir() if path.is_dir() and not path.is_symlink() else path.unlink()


@pytest.mark.parametrize(("load", "name", "default"), LOADERS)
def test_an_unreadable_file_is_not_moved_aside(home, load, name, default, monkeypatch):
    """Permission denied (wrong owner, chmod 000).  Tests run as root, who can read
    anything, so the refusal is simulated at os.open."""
    path = home / name
    path.write_text('{"stars": {"granary": 3}, "master_volume": 0.1}')
    real_open = os.open

    def refuse(target, *args, **kwargs):
        if os.fspath(target) == os.fspath(path):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(target, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    value, problem = load()
    monkeypatch.undo()
    assert value == default() and "permission denied" in problem
    assert path.exists() and not corrupt_copies(home, name)
    assert "granary" in path.read_text()


def test_stars_written_as_floats_count_and_odd_ones_are_reported(home):
    (home / "progress.json").write_text(
        '{"stars": {"granary": 3.0, "mavrah": 2, "qasr": "three", "training": 7, '
        '"other": 2.5}}')
    progress, problem = load_progress()
    assert progress.stars == {"granary": 3, "mavrah": 2, "training": 3}
    assert "qasr" in problem and "training" in problem and "other" in problem
    assert (home / "progress.json").exists()  # odd entries are reported, not a reason to
    # throw the player's record away


def test_window_size_written_as_floats_is_kept(home):
    (home / "settings.json").write_text('{"window_size": [1600.0, 900.0], "ui_scale": true}')
    settings, problem = load_settings()
    assert settings.window_size == (1600, 900) and problem == ""
    assert settings.ui_scale == Settings().ui_scale


@pytest.mark.parametrize("name", ["settings.json", "progress.json"])
def test_saves_fsync_and_clear_what_a_kill_left_behind(home, name, monkeypatch):
    (home / f"{name}.x8f2k1.tmp").write_text("half a file")
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd) or real_fsync(fd))
    if name == "settings.json":
        assert save_settings(Settings(master_volume=0.3)) == ""
    else:
        assert save_progress(Progress({"granary": 2})) == ""
    assert synced
    assert sorted(p.name for p in home.iterdir()) == [name]
