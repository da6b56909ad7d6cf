"""Reading untrusted files without hanging, crashing or running out of memory.

Every file the game reads (maps, tilesets, templates, project files, saves, settings,
progress, commands, replays, packs) comes through here or through a caller that uses
these checks: only regular files (a FIFO would block the read forever, `/dev/zero`
would never end), at most a capped number of bytes read, JSON with a nesting cap and
every number finite and of sane size.  Failures are `UnsafeFileError` with a message a
player can act on; nothing here raises anything else for a bad file.
"""

from __future__ import annotations

import errno
import json
import math
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

MAX_JSON_DEPTH = 64
MAX_INT_DIGITS = 30  # 10**30 is beyond any count, tick or coordinate the game uses


class UnsafeFileError(Exception):
    """A file the game will not read, with the reason in words."""


def describe_os_error(exc: OSError) -> str:
    """An OSError as a short phrase without the path (the caller names the file)."""
    if exc.errno == errno.ENOENT:
        return "no such file"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "too many levels of symbolic links"
    if exc.errno == errno.ENAMETOOLONG:
        return "file name too long"
    if exc.errno == errno.EISDIR:
        return "is a folder, not a file"
    return exc.strerror or exc.__class__.__name__


def regular_file_size(path: str | os.PathLike) -> int:
    """The size of `path` if it is a regular file (symlinks followed), else refuse."""
    try:
        info = os.stat(path)
    except (OSError, ValueError) as exc:
        reason = describe_os_error(exc) if isinstance(exc, OSError) else str(exc)
        raise UnsafeFileError(reason) from None
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeFileError("not a regular file")
    return info.st_size


def read_bytes(path: str | os.PathLike, limit: int) -> bytes:
    """At most `limit` bytes of a regular file; a larger file is refused, not truncated."""
    size = regular_file_size(path)
    if size > limit:
        raise UnsafeFileError(f"too large ({size} bytes; the limit is {limit})")
    try:
        # O_NONBLOCK: if the file was swapped for a FIFO after the check, open returns
        # at once instead of waiting for a writer; fstat then refuses it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise UnsafeFileError(describe_os_error(exc)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UnsafeFileError("not a regular file")
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise UnsafeFileError(describe_os_error(exc)) from None
    finally:
        os.close(fd)
    if total > limit:
        raise UnsafeFileError(f"too large (over {limit} bytes)")
    return b"".join(chunks)


def read_text(path: str | os.PathLike, limit: int) -> str:
    """A capped regular file decoded as UTF-8 (a BOM is accepted)."""
    data = read_bytes(path, limit)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnsafeFileError("is UTF-16 text; save it as UTF-8")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnsafeFileError(f"is not UTF-8 text (byte {exc.start})") from None


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number the game accepts")


def _parse_int(text: str) -> int:
    digits = text.lstrip("-")
    if len(digits) > MAX_INT_DIGITS:
        raise ValueError(f"a number with {len(digits)} digits is out of range")
    return int(text)


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text[:20]} is out of range")
    return value


def parse_json(text: str, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """JSON with no NaN/Infinity, no huge numbers and at most `max_depth` levels."""
    _check_depth_of_text(text, max_depth)
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_int=_parse_int,
                          parse_float=_parse_float)
    except json.JSONDecodeError as exc:
        raise UnsafeFileError(f"is not valid JSON (line {exc.lineno}): {exc.msg}") from None
    except (ValueError, RecursionError) as exc:
        raise UnsafeFileError(f"is not usable JSON: {exc}") from None


def _check_depth_of_text(text: str, max_depth: int) -> None:
    """Refuse deep nesting before the parser recurses into it.

    Brackets inside strings are counted too, so this over-estimates; it only refuses
    when the count passes the cap, and then parses exactly to be sure.
    """
    opens = text.count("[") + text.count("{")
    if opens <= max_depth:
        return
    depth = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > max_depth:
                raise UnsafeFileError(f"is nested more than {max_depth} levels deep")
        elif ch in "]}":
            depth -= 1


def load_json(path: str | os.PathLike, limit: int, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """Read and parse a capped JSON file; every failure is an `UnsafeFileError`."""
    return parse_json(read_text(path, limit), max_depth)


def write_atomically(target: str | os.PathLike, text: str) -> None:
    """Write to a temporary file beside `target`, fsync it, rename it over `target`.

    A crash at any point leaves either the old file or the new one, never half of one;
    temporary files left by an earlier crash are removed.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(target)
    fd, tmp = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_folder(target.parent)


def remove_stale_temporaries(target: Path) -> None:
    """Delete `<name>.*.tmp` files beside `target` (left by a kill during a save)."""
    try:
        for leftover in target.parent.glob(target.name + ".*.tmp"):
            if leftover.is_file() and not leftover.is_symlink():
                leftover.unlink(missing_ok=True)
    except OSError:
        pass


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
