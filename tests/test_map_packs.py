"""Map packs: `pack` bundles a map with what it uses; `install` refuses hostile zips and
leaves nothing behind, and a good pack's map plays exactly like the original."""

from __future__ import annotations

import os
import stat
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from game import MAPS_DIR, ROOT
from game.headless import run_headless
from game.packs import PackError, install_pack, pack_map, pending_packs
from game.tiled import load_scenario

WALKTHROUGH = ROOT / "tests" / "data" / "modder_walkthrough.tmx"  # uses templates


def _tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() else []


def _hash(map_path: Path) -> str:
    run = run_headless(load_scenario(str(map_path)), seed=3, ticks=600)
    return run.as_dict()["state_hash"]


def test_a_pack_round_trips_and_its_map_plays_the_same(tmp_path: Path) -> None:
    pack = tmp_path / "walk.zip"
    names = pack_map(WALKTHROUGH, pack)
    assert names[0] == "tests/data/modder_walkthrough.tmx"
    # its tileset, the tileset's image and the templates come along, under relative paths
    assert {"assets/tileset.tsx", "assets/tileset.png"} <= set(names)
    assert any(n.endswith(".tx") for n in names)
    done = install_pack(pack, tmp_path / "maps")
    assert done.folder == tmp_path / "maps" / "walk"
    assert [p.name for p in done.maps] == ["modder_walkthrough.tmx"]
    assert _hash(done.maps[0]) == _hash(WALKTHROUGH)
    assert not [p for p in (tmp_path / "maps").iterdir() if p.name.startswith(".")]


def test_the_cli_packs_and_installs_into_the_user_folder(tmp_path: Path) -> None:
    env = {**os.environ, "DANGER_CLOSE_HOME": str(tmp_path / "home"),
           "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    pack = tmp_path / "granary-pack.zip"
    run = [sys.executable, "-m", "game"]
    made = subprocess.run(run + ["pack", str(MAPS_DIR / "granary.tmx"), str(pack)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    assert "packed: maps/granary.tmx" in made.stdout
    done = subprocess.run(run + ["install", str(pack)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "home" / "maps" / "granary-pack" / "maps" / "granary.tmx").is_file()
    again = subprocess.run(run + ["install", str(pack)], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 1 and "already exists" in again.stderr


def test_a_map_with_errors_is_not_packed(tmp_path: Path) -> None:
    broken = tmp_path / "broken.tmx"
    broken.write_text((ROOT / "tests" / "data" / "rescue.tmx").read_text(encoding="utf-8")
                      .replace("../../assets/tileset.tsx",
                               (ROOT / "assets" / "tileset.tsx").as_posix())
                      .replace('type="Civilian" x="400"', 'type="Civilian" x="304"'),
                      encoding="utf-8")
    with pytest.raises(PackError, match="inside a wall"):
        pack_map(broken, tmp_path / "out.zip")
    assert not (tmp_path / "out.zip").exists()


def _good_files() -> dict[str, bytes]:
    return {"pack/maps/m.tmx": (ROOT / "tests" / "data" / "rescue.tmx").read_bytes()
            .replace(b"../../assets/tileset.tsx", b"../assets/tileset.tsx"),
            "pack/assets/tileset.tsx": (ROOT / "assets" / "tileset.tsx").read_bytes(),
            "pack/assets/tileset.png": (ROOT / "assets" / "tileset.png").read_bytes()}


def _zip(path: Path, files: dict[str, bytes], extra=None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
        if extra:
            extra(zf)
    return path


def _symlink_entry(zf: zipfile.ZipFile) -> None:
    info = zipfile.ZipInfo("pack/maps/link.png")
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    zf.writestr(info, "/etc/passwd")


def _bomb(zf: zipfile.ZipFile) -> None:
    zf.writestr("pack/assets/huge.png", b"\0" * (12 * 1024 * 1024))


def _tiny_files_zip(path: Path, count: int) -> Path:
    """A real zip of `count` empty files, written record by record (zipfile.writestr takes
    seconds for 100 000): local headers, the central directory, zip64 end records."""
    body, directory = bytearray(), bytearray()
    for i in range(count):
        name = f"pack/t/{i}.png".encode()
        directory += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 0, 0, 0x21, 0, 0, 0,
                                 len(name), 0, 0, 0, 0, 0, len(body)) + name
        body += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 0, 0, 0x21, 0, 0, 0,
                            len(name), 0) + name
    cd_at, cd_size = len(body), len(directory)
    eocd64_at = cd_at + cd_size
    tail = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count,
                       cd_size, cd_at)
    tail += struct.pack("<4sLQL", b"PK\x06\x07", 0, eocd64_at, 1)
    tail += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF,
                        0xFFFFFFFF, 0)
    path.write_bytes(bytes(body + directory + tail))
    return path


HOSTILE = {
    "dotdot": ({"pack/../../evil.tmx": b"<map/>"}, None, "leaves the pack"),
    "absolute": ({"/tmp/evil.tmx": b"<map/>"}, None, "absolute"),
    "windows_absolute": ({"C:/evil.tmx": b"<map/>"}, None, "absolute"),
    "symlink": ({}, _symlink_entry, "link or special file"),
    "zip_bomb": ({}, _bomb, "zip bomb"),
    "wrong_kind": ({"pack/maps/run.py": b"import os"}, None, "only map, tileset"),
    "no_map": (None, None, "no map"),
    "not_a_zip": ({}, "garbage", "not a zip file"),
    "map_does_not_validate": ({"pack/maps/m.tmx": _good_files()["pack/maps/m.tmx"].replace(
        b'type="Civilian" x="400"', b'type="Civilian" x="304"')}, None, "does not validate"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_pack_is_refused_and_leaves_nothing(tmp_path: Path, case: str) -> None:
    files, extra, message = HOSTILE[case]
    content = {k: v for k, v in _good_files().items() if not k.endswith(".tmx")} \
        if files is None else {**_good_files(), **files}
    if extra == "garbage":
        pack = tmp_path / f"{case}.zip"
        pack.write_bytes(b"PK not really" * 100)
    else:
        pack = _zip(tmp_path / f"{case}.zip", content, extra)
    maps = tmp_path / "home" / "maps"
    with pytest.raises(PackError, match=message):
        install_pack(pack, maps)
    assert not (tmp_path / "home").exists()  # not even the folders it would have made
    assert not (tmp_path / "evil.tmx").exists() and not Path("/tmp/evil.tmx").exists()


def test_a_pack_of_100000_tiny_files_is_refused_before_it_is_read(tmp_path: Path) -> None:
    pack = _tiny_files_zip(tmp_path / "many.zip", 100_000)
    with zipfile.ZipFile(pack) as zf:  # a well-formed zip: the count is real
        assert len(zf.infolist()) == 100_000
    with pytest.raises(PackError, match="100000 entries"):
        install_pack(pack, tmp_path / "home" / "maps")
    assert _tree(tmp_path / "home") == []


def test_a_pack_whose_map_does_not_validate_leaves_nothing(tmp_path: Path) -> None:
    files = _good_files()
    files["pack/maps/m.tmx"] = files["pack/maps/m.tmx"].replace(
        b'type="Civilian" x="400"', b'type="Civilian" x="304"')
    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "mine.tmx").write_text("keep me")
    with pytest.raises(PackError, match="does not validate"):
        install_pack(_zip(tmp_path / "bad.zip", files), maps)
    assert _tree(maps) == ["mine.tmx"]


def test_a_dropped_zip_is_pending_until_installed(tmp_path: Path) -> None:
    maps = tmp_path / "maps"
    maps.mkdir()
    pack = _zip(maps / "desert.zip", _good_files())
    assert pending_packs(maps) == [pack]
    install_pack(pack, maps)
    assert pending_packs(maps) == []


def test_a_user_map_leaning_on_the_shipped_tileset_packs_a_copy_of_it(tmp_path: Path) -> None:
    # a map saved in the user folder still points at ../assets/tileset.tsx, which only the
    # game has: the pack carries the game's tileset at that place, so it installs anywhere
    folder = tmp_path / "mine" / "maps"
    folder.mkdir(parents=True)
    (folder / "m.tmx").write_bytes((ROOT / "tests" / "data" / "rescue.tmx").read_bytes()
                                   .replace(b"../../assets/tileset.tsx", b"../assets/tileset.tsx"))
    names = pack_map(folder / "m.tmx", tmp_path / "m.zip")
    assert names == ["maps/m.tmx", "assets/tileset.tsx", "assets/tileset.png"]
    done = install_pack(tmp_path / "m.zip", tmp_path / "maps")
    assert (done.folder / "assets" / "tileset.png").read_bytes() == \
        (ROOT / "assets" / "tileset.png").read_bytes()
