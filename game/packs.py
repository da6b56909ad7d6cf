"""Map packs: one .zip holding a map and every file it refers to, and its safe install.

`pack_map` validates a map, follows its references (external tilesets and their images,
object templates and their tilesets, image layers) and zips them under their paths
relative to the folder that holds them all, so the map's own relative references still
point at the right files after unpacking.  No reference is rewritten.

`install_pack` treats the zip as hostile: before anything is written it refuses absolute
paths, `..`, links and other special entries, duplicate names, file kinds a map never
uses, too many entries, too many bytes and too high a compression ratio; then it unpacks
into a hidden temporary folder inside the user maps folder, validates every map in it and
only then renames the folder into place.  Any failure removes the temporary folder, so a
refused pack leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import struct
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from game import userdata
from game.safe_files import UnsafeFileError, regular_file_size

MAX_PACK_BYTES = 64 * 1024 * 1024  # the .zip itself
MAX_ENTRIES = 500
MAX_TOTAL_BYTES = 64 * 1024 * 1024  # unpacked, all files
MAX_FILE_BYTES = 16 * 1024 * 1024  # unpacked, one file (the map size cap)
MAX_RATIO = 50  # unpacked / packed, per file: maps and PNGs never come near it
MAX_DEPTH = 8  # folders deep
MAP_SUFFIXES = (".tmx", ".tmj")
ALLOWED_SUFFIXES = frozenset({".tmx", ".tmj", ".tsx", ".tsj", ".tx", ".tj", ".png", ".json"})
# files that refer to others (Tiled JSON comes back from read_xml as the same tree)
TILED_FILES = (".tmx", ".tmj", ".tsx", ".tsj", ".tx", ".tj")
_SAFE_PART = re.compile(r"[A-Za-z0-9 ._()+-]{1,100}")
_READ_CHUNK = 1 << 16


class PackError(Exception):
    """A pack that cannot be made or installed; the message says why."""


@dataclass(frozen=True)
class Installed:
    folder: Path
    maps: list[Path]


def user_maps_dir() -> Path:
    """Where the player's own maps go (honours DANGER_CLOSE_HOME)."""
    return userdata.data_dir() / "maps"


# ---------------------------------------------------------------- making a pack


def _refs(xml_path: Path) -> list[tuple[str, str]]:
    """(tag, relative source) of every file one map, tileset or template (XML or JSON)
    refers to directly."""
    from game.tiled.errors import MapError
    from game.tiled.safety import MAX_AUX_BYTES, MAX_MAP_BYTES, read_xml

    limit = MAX_MAP_BYTES if xml_path.suffix.lower() in MAP_SUFFIXES else MAX_AUX_BYTES
    try:
        root = read_xml(xml_path, limit)
    except MapError as exc:
        raise PackError(str(exc)) from None
    found = []
    for el in root.iter():
        source = el.get("template") if el.tag == "object" else el.get("source")
        if source is None or el.tag not in ("tileset", "image", "template", "object"):
            continue
        if Path(source).is_absolute() or re.match(r"^[A-Za-z]:", source):
            raise PackError(f"{xml_path}: refers to {source!r} by an absolute path; "
                            "save it with a relative path in Tiled")
        found.append(("template" if el.tag == "object" else el.tag, source))
    return found


def _real_file(virtual: Path, tag: str, source: str) -> Path:
    """Where a referenced file's bytes come from: the file itself, or (as the loader
    does) the game's own tileset or template of that name when the map points at a copy
    it does not have beside it."""
    from game import ASSETS_DIR, MAPS_DIR

    if virtual.is_file():
        return virtual
    shipped = {"tileset": ASSETS_DIR, "template": MAPS_DIR / "templates"}.get(tag)
    if shipped is not None and (shipped / Path(source).name).is_file():
        return shipped / Path(source).name
    return virtual


def map_files(map_path: Path) -> list[tuple[Path, Path]]:
    """(where it belongs, where its bytes are) for the map and every file it needs, each
    once, the map first.  The two differ only for the game's own tileset or templates
    standing in for a copy the map expects beside it."""
    start = Path(os.path.abspath(map_path))
    todo, seen = [(start, start)], {}
    while todo:
        virtual, real = todo.pop(0)
        if virtual in seen:
            continue
        if not real.is_file():
            raise PackError(f"{map_path}: needs {virtual}, which does not exist")
        seen[virtual] = real
        if real.suffix.lower() in TILED_FILES:
            for tag, source in _refs(real):
                child = Path(os.path.normpath(virtual.parent / source))
                real_child = Path(os.path.normpath(real.parent / source))
                if real_child != child or not child.is_file():
                    real_child = _real_file(real_child, tag, source)
                todo.append((child, real_child))
        if len(seen) > MAX_ENTRIES:
            raise PackError(f"{map_path}: refers to more than {MAX_ENTRIES} files")
    return list(seen.items())


def pack_map(map_path: str | os.PathLike, out_zip: str | os.PathLike) -> list[str]:
    """Validate the map, then write the pack; returns the names stored in it."""
    from game.tiled.validate import validate_map

    map_path, out_zip = Path(map_path), Path(out_zip)
    errors = [p for p in validate_map(str(map_path)) if p.is_error]
    if errors:
        raise PackError("the map has errors; fix them before packing:\n" +
                        "\n".join(f"  {p}" for p in errors))
    files = map_files(map_path)
    root = Path(os.path.commonpath([virtual.parent for virtual, _ in files]))
    names = [virtual.relative_to(root).as_posix() for virtual, _ in files]
    for name in names:
        _check_name(name)
    tmp = out_zip.with_name(out_zip.name + ".part")
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            for (_, real), name in zip(files, names, strict=True):
                zf.write(real, name)
        os.replace(tmp, out_zip)
    finally:
        tmp.unlink(missing_ok=True)
    return names


# ---------------------------------------------------------------- installing one


def _check_name(name: str) -> PurePosixPath:
    """A stored name that can only land inside the target folder, as a file a map uses."""
    if not name or "\\" in name or "\0" in name or name.startswith("/") or \
            re.match(r"^[A-Za-z]:", name):
        raise PackError(f"{name!r}: absolute or malformed path in the pack")
    path = PurePosixPath(name)
    if any(part in ("", ".", "..") for part in name.split("/")):
        raise PackError(f"{name!r}: path leaves the pack's folder ('..' or '.')")
    if len(path.parts) > MAX_DEPTH or not all(_SAFE_PART.fullmatch(p) for p in path.parts):
        raise PackError(f"{name!r}: path too deep or with unusual characters")
    if path.suffix.lower() not in ALLOWED_SUFFIXES:
        raise PackError(f"{name!r}: a map pack holds only map, tileset, template and PNG "
                        f"files ({', '.join(sorted(ALLOWED_SUFFIXES))})")
    return path


def _check_entry(info: zipfile.ZipInfo) -> None:
    mode = info.external_attr >> 16
    if info.create_system == 3 and stat.S_IFMT(mode) not in (0, stat.S_IFREG):
        raise PackError(f"{info.filename!r}: a link or special file, not a plain file")
    if info.flag_bits & 0x1:
        raise PackError(f"{info.filename!r}: encrypted entries are not supported")
    if info.file_size > MAX_FILE_BYTES:
        raise PackError(f"{info.filename!r}: {info.file_size} bytes unpacked; "
                        f"the limit is {MAX_FILE_BYTES}")
    if info.file_size > MAX_RATIO * max(info.compress_size, 1) and info.file_size > 4096:
        raise PackError(f"{info.filename!r}: compressed more than {MAX_RATIO}:1, "
                        "refused as a possible zip bomb")


_EOCD = struct.Struct("<4s4H2LH")  # end of central directory record
_ZIP64_LOCATOR = struct.Struct("<4sLQL")
_ZIP64_EOCD_COUNT = struct.Struct("<4sQ2H2L2Q")  # up to the total entry count


def declared_entries(path: Path) -> int:
    """The entry count the zip's last record declares, read before zipfile builds an
    object per entry (a million-entry directory would cost that much memory first)."""
    size = path.stat().st_size
    with open(path, "rb") as fh:
        tail_start = max(0, size - (_EOCD.size + 65535))
        fh.seek(tail_start)
        tail = fh.read()
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or at + _EOCD.size > len(tail):
            raise PackError("not a zip file (no end-of-directory record)")
        count = _EOCD.unpack_from(tail, at)[4]
        if count != 0xFFFF or at < _ZIP64_LOCATOR.size:
            return count
        sig, _, eocd64_at, _ = _ZIP64_LOCATOR.unpack_from(tail, at - _ZIP64_LOCATOR.size)
        if sig != b"PK\x06\x07" or eocd64_at > size - _ZIP64_EOCD_COUNT.size:
            return count
        fh.seek(eocd64_at)
        record = fh.read(_ZIP64_EOCD_COUNT.size)
        if len(record) < _ZIP64_EOCD_COUNT.size or record[:4] != b"PK\x06\x06":
            return count
        return _ZIP64_EOCD_COUNT.unpack(record)[-1]  # entries in all


def check_pack(zf: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """Every entry checked from the zip's directory alone; returns the files to unpack."""
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise PackError(f"the pack has {len(infos)} entries; the limit is {MAX_ENTRIES}")
    files, seen, total = [], set(), 0
    for info in infos:
        if info.is_dir():
            _check_name(info.filename.rstrip("/") + "/x.png")  # the folder part only
            continue
        _check_name(info.filename)
        _check_entry(info)
        key = info.filename.lower()
        if key in seen:
            raise PackError(f"{info.filename!r} appears twice in the pack")
        seen.add(key)
        total += info.file_size
        files.append(info)
    if total > MAX_TOTAL_BYTES:
        raise PackError(f"the pack unpacks to {total} bytes; the limit is {MAX_TOTAL_BYTES}")
    if not any(PurePosixPath(i.filename).suffix.lower() in MAP_SUFFIXES for i in files):
        raise PackError("the pack holds no map (.tmx or .tmj)")
    return files


def _unpack(zf: zipfile.ZipFile, info: zipfile.ZipInfo, dest: Path) -> None:
    """Write one entry, never more bytes than it declared, never through a link."""
    target = dest.joinpath(*PurePosixPath(info.filename).parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(target, flags, 0o644)
    with os.fdopen(fd, "wb") as out, zf.open(info) as src:
        while chunk := src.read(_READ_CHUNK):
            written += len(chunk)
            if written > info.file_size:
                raise PackError(f"{info.filename!r}: more data than the pack declares")
            out.write(chunk)


def _validated_maps(folder: Path) -> list[Path]:
    from game.tiled.validate import validate_map

    maps = sorted(p for p in folder.rglob("*") if p.suffix.lower() in MAP_SUFFIXES)
    for path in maps:
        errors = [p for p in validate_map(str(path)) if p.is_error]
        if errors:
            shown = "\n".join(f"  {str(p).replace(str(folder) + os.sep, '')}"
                              for p in errors[:10])
            raise PackError(f"{path.relative_to(folder)} does not validate:\n{shown}")
    return maps


def pack_folder_name(zip_path: Path) -> str:
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", zip_path.stem).strip("._") or "pack"
    return name[:60]


def _zip_errors(action):
    """Run `action`; a broken zip or a failed write becomes a PackError."""
    try:
        return action()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError,
            NotImplementedError) as exc:
        raise PackError(f"not a usable zip file: {exc}") from None
    except OSError as exc:
        raise PackError(f"cannot unpack: {exc.strerror or exc}") from None


def _checked_listing(zip_path: Path) -> None:
    """Everything that can be refused from the zip's directory, before any folder exists."""
    entries = declared_entries(zip_path)
    if entries > MAX_ENTRIES:
        raise PackError(f"the pack has {entries} entries; the limit is {MAX_ENTRIES}")
    with zipfile.ZipFile(zip_path) as zf:
        check_pack(zf)


def _make_folders(folder: Path) -> list[Path]:
    """mkdir -p, returning the folders it made, deepest last (to undo a failed install)."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for made in reversed(missing):
        made.mkdir()
    return missing[::-1]


def _unpack_all(zip_path: Path, dest: Path) -> None:
    with zipfile.ZipFile(zip_path) as zf:
        for info in check_pack(zf):
            _unpack(zf, info, dest)


def install_pack(zip_path: str | os.PathLike, maps_dir: Path | None = None) -> Installed:
    """Check, unpack, validate and move into place; PackError (leaving nothing) if not."""
    zip_path = Path(zip_path)
    maps_dir = maps_dir or user_maps_dir()
    try:
        size = regular_file_size(zip_path)
    except (OSError, UnsafeFileError) as exc:
        raise PackError(f"cannot read the pack: {exc}") from None
    if size > MAX_PACK_BYTES:
        raise PackError(f"{size} bytes; a pack may be {MAX_PACK_BYTES} at most")
    final = maps_dir / pack_folder_name(zip_path)
    if final.exists() or final.is_symlink():
        raise PackError(f"{final} already exists: remove it to install this pack again")
    _zip_errors(lambda: _checked_listing(zip_path))
    made = _make_folders(maps_dir)
    work = Path(tempfile.mkdtemp(prefix=".installing-", dir=maps_dir))
    try:
        _zip_errors(lambda: _unpack_all(zip_path, work))
        maps = _validated_maps(work)
        os.rename(work, final)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        for folder in reversed(made):  # the folders this install made, if still empty
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    return Installed(final, [final / p.relative_to(work) for p in maps])


def pending_packs(maps_dir: Path | None = None) -> list[Path]:
    """The .zip files in the maps folder not installed yet (no folder of their name)."""
    maps_dir = maps_dir or user_maps_dir()
    try:
        zips = sorted(p for p in maps_dir.iterdir() if p.suffix.lower() == ".zip")
    except OSError:
        return []
    return [z for z in zips if z.is_file() and not (maps_dir / pack_folder_name(z)).exists()]
