"""A seeded mutation fuzzer for maps: hostile variants of the shipped maps, the test maps,
their tilesets, templates and the project file, each run through the validator and, if it
validates, the loader, the front end's tile atlas and a few hundred sim ticks.

Every mutant is checked in a worker process limited by `resource.setrlimit(RLIMIT_AS)`
and a per-mutant timeout, so a hang or a memory blow-up is recorded, not suffered.  The
only acceptable outcomes are "ok" (it played) and "refused" (the game's own message,
one line per problem, naming a file).  Used by tests/test_fuzz_maps.py (a bounded run)
and benchmarks/fuzz_maps.py (the long run).
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import random
import re
import select
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted([*ROOT.glob("maps/*.tmx"), *ROOT.glob("tests/data/*.tmx"),
                  *ROOT.glob("tests/data/tiled/*.tmx")])
MEMORY_LIMIT = 1536 * 1024 * 1024
TIMEOUT_S = 10.0
SIM_TICKS = 300

HOSTILE_NUMBERS = ["inf", "-inf", "nan", "NaN", "1e308", "-1e308", "1e309", "-5", "-1", "0",
                   "-0", "4294967295", "4294967296", "-4294967296", "2147483648",
                   "99999999999999999999", "0" * 5000 + "7", "1" * 400, "abc", "", " ", "4 4",
                   "0x10", "1,5", "3.7", "1279.97", "1280", "-0.001", "16384", "65536",
                   "1e-320", "+3", "٣", "\u00a0", "\n", "1\n2"]
HOSTILE_TEXT = ["", "x", "\n", "error: forged\nerror: line", "\x00", "\x1b[31mred",
                "a" * 300, "a" * 70000, "é" * 50, "wizard", "all", "true", "1", "-5",
                "../../../../etc/passwd", "/dev/zero", "\u202e", "\ud7ff"]
NUMERIC_ATTRS = ("x", "y", "width", "height", "id", "gid", "firstgid", "tilecount",
                 "columns", "spacing", "margin", "tilewidth", "tileheight", "offsetx",
                 "offsety", "opacity", "tileid", "duration", "nextobjectid", "value")


@dataclass
class Outcome:
    status: str  # ok, refused, traceback, bad_message, hang, memory
    detail: str = ""


@dataclass
class Tally:
    counts: Counter = field(default_factory=Counter)
    failures: list[tuple[int, str, str, str]] = field(default_factory=list)
    peak_rss_kb: int = 0

    @property
    def bad(self) -> int:
        return sum(n for k, n in self.counts.items() if k not in ("ok", "refused"))


# ----------------------------------------------------------------------------- mutants

def _stage(folder: Path, source: Path) -> Path:
    """The source map and everything it refers to, copied into folder/maps (the map, its
    tileset and image, templates, project file: images must be under the map's folder)."""
    (folder / "maps" / "templates").mkdir(parents=True)
    for name in ("tileset.tsx", "tileset.png"):
        shutil.copy(ROOT / "assets" / name, folder / "maps" / name)
    for tx in (ROOT / "maps" / "templates").glob("*.tx"):
        shutil.copy(tx, folder / "maps" / "templates" / tx.name)
    shutil.copy(ROOT / "maps" / "danger-close.tiled-project", folder / "maps")
    text = source.read_text(encoding="utf-8")
    text = re.sub(r'source="[^"]*tileset\.tsx"', 'source="tileset.tsx"', text)
    text = re.sub(r'template="[^"]*templates/', 'template="templates/', text)
    if 'source="rules.tsx"' in text or "rules.tsx" in text:
        shutil.copy(ROOT / "tests" / "data" / "tiled" / "rules.tsx", folder / "maps")
        shutil.copy(ROOT / "tests" / "data" / "tiled" / "rules.png", folder / "maps")
    path = folder / "maps" / source.name
    path.write_text(text, encoding="utf-8")
    return path


def make_mutant(folder: Path, seed: int) -> tuple[Path, str]:
    """A mutant of one source map in folder; returns the map path and what was done."""
    rng = random.Random(seed)
    source = rng.choice(SOURCES)
    path = _stage(folder, source)
    done = [source.name]
    mutations = [rng.choice(MUTATIONS) for _ in range(rng.choice((1, 1, 1, 2, 3)))]
    # deep nesting and files swapped for FIFOs or loops last: the others parse the files
    mutations.sort(key=lambda m: m in (m_deep_nesting, m_file_kind))
    for mutation in mutations:
        try:
            done.append(mutation(rng, path))
        except Exception as exc:  # noqa: BLE001 - a mutation that does not apply is skipped
            done.append(f"{mutation.__name__} skipped ({type(exc).__name__})")
    return path, "; ".join(done)


def _targets(path: Path) -> list[Path]:
    folder = path.parent
    return [path, path, path, folder / "tileset.tsx",
            *sorted((folder / "templates").glob("*.tx"))[:2]]


def _edit_xml(path: Path, change) -> str:
    tree = ET.parse(path)
    note = change(tree.getroot())
    tree.write(path, encoding="UTF-8", xml_declaration=True)
    return f"{path.name}: {note}"


def m_attr_number(rng: random.Random, path: Path) -> str:
    target = rng.choice(_targets(path))

    def change(root):
        els = [e for e in root.iter() if any(a in e.attrib for a in NUMERIC_ATTRS)]
        el = rng.choice(els)
        names = [a for a in NUMERIC_ATTRS if a in el.attrib] or list(el.attrib)
        name = rng.choice(names)
        value = rng.choice(HOSTILE_NUMBERS)
        el.set(name, value)
        return f"<{el.tag}> {name}={value[:20]!r}"
    return _edit_xml(target, change)


def m_attr_any(rng: random.Random, path: Path) -> str:
    target = rng.choice(_targets(path))

    def change(root):
        el = rng.choice([e for e in root.iter() if e.attrib])
        name = rng.choice(list(el.attrib) + ["type", "class", "template", "source", "name"])
        value = rng.choice(HOSTILE_TEXT + HOSTILE_NUMBERS)
        el.set(name, value)
        return f"<{el.tag}> {name}={value[:20]!r}"
    return _edit_xml(target, change)


def m_property_value(rng: random.Random, path: Path) -> str:
    def change(root):
        props = list(root.iter("property"))
        if not props:
            raise ValueError("no properties")
        prop = rng.choice(props)
        value = rng.choice(HOSTILE_TEXT + HOSTILE_NUMBERS + ["a" * 1_200_000])
        if rng.random() < 0.3:
            prop.attrib.pop("value", None)
            prop.text = value
        else:
            prop.set("value", value)
        if rng.random() < 0.3:
            prop.set("type", rng.choice(("int", "float", "bool", "object", "class", "color",
                                         "file", "string", "zz")))
        return f"property {prop.get('name')!r} = {value[:20]!r}"
    return _edit_xml(path, change)


def m_duplicate(rng: random.Random, path: Path) -> str:
    target = rng.choice(_targets(path))

    def change(root):
        parents = [e for e in root.iter() if len(e)]
        parent = rng.choice(parents)
        child = rng.choice(list(parent))
        times = rng.choice((1, 1, 2, 50, 300))
        for _ in range(times):
            parent.append(ET.fromstring(ET.tostring(child)))
        return f"duplicated <{child.tag}> x{times}"
    return _edit_xml(target, change)


def m_delete(rng: random.Random, path: Path) -> str:
    target = rng.choice(_targets(path))

    def change(root):
        parent = rng.choice([e for e in root.iter() if len(e)])
        child = rng.choice(list(parent))
        parent.remove(child)
        return f"deleted <{child.tag}>"
    return _edit_xml(target, change)


def m_id_collision(rng: random.Random, path: Path) -> str:
    def change(root):
        objs = list(root.iter("object"))
        a, b = rng.choice(objs), rng.choice(objs)
        b.set("id", a.get("id", "1"))
        return f"object ids collide on {a.get('id')}"
    return _edit_xml(path, change)


def _layer_gids(data: ET.Element, count: int) -> list[int]:
    if data.get("encoding") == "csv":
        return [int(v) for v in (data.text or "").replace("\n", "").split(",") if v.strip()]
    raw = base64.b64decode("".join((data.text or "").split()))
    if data.get("compression") == "zlib":
        raw = zlib.decompress(raw)
    elif data.get("compression") == "gzip":
        raw = gzip.decompress(raw)
    return [int.from_bytes(raw[i:i + 4], "little") for i in range(0, len(raw), 4)][:count]


def m_encoding(rng: random.Random, path: Path) -> str:
    def change(root):
        layer = rng.choice(list(root.iter("layer")))
        data = layer.find("data")
        gids = _layer_gids(data, 1 << 22)
        kind = rng.choice(("csv", "base64", "zlib", "gzip", "gzip2", "gzipbig", "csvodd",
                           "zeros", "xml", "truncated"))
        raw = b"".join(g.to_bytes(4, "little") for g in gids)
        data.attrib.clear()
        data.text = None
        for child in list(data):
            data.remove(child)
        if kind in ("csv", "csvodd", "zeros"):
            data.set("encoding", "csv")
            cells = [str(g) for g in gids]
            if kind == "csvodd" and cells:
                cells[rng.randrange(len(cells))] = rng.choice(
                    ("4 4", "-5", "", "4294967296", "1e3", "0x1", " 7 ", "\t3"))
            if kind == "zeros" and cells:
                cells[rng.randrange(len(cells))] = "0" * 5000 + "2"
            data.text = ",".join(cells)
            return f"layer {layer.get('name')!r} as {kind}"
        data.set("encoding", "base64")
        if kind == "zlib":
            data.set("compression", "zlib")
            raw = zlib.compress(raw)
        elif kind == "gzip":
            data.set("compression", "gzip")
            raw = gzip.compress(raw)
        elif kind == "gzip2":  # two members: the first the real layer, then more
            data.set("compression", "gzip")
            raw = gzip.compress(raw) + gzip.compress(bytes(rng.choice((4, 64 << 20))))
        elif kind == "gzipbig":
            data.set("compression", "gzip")
            raw = gzip.compress(raw + bytes(rng.choice((4, 400 << 20))))
        elif kind == "xml":
            del data.attrib["encoding"]
        elif kind == "truncated":
            data.set("compression", "zlib")
            raw = zlib.compress(raw)[:-5]
        data.text = base64.b64encode(raw).decode()
        return f"layer {layer.get('name')!r} as {kind}"
    return _edit_xml(path, change)


def m_deep_nesting(rng: random.Random, path: Path) -> str:
    depth = rng.choice((100, 2000, 100_000))
    text = path.read_text(encoding="utf-8")
    kind = rng.choice(("group", "properties"))
    if kind == "group":
        inner = '<group name="g">' * depth + "</group>" * depth
    else:
        inner = "<properties>" * depth + "</properties>" * depth
    path.write_text(text.replace("</map>", inner + "</map>"), encoding="utf-8")
    return f"{depth} nested <{kind}>"


def m_text_bytes(rng: random.Random, path: Path) -> str:
    target = rng.choice(_targets(path))
    data = bytearray(target.read_bytes())
    kind = rng.choice(("flip", "truncate", "utf16", "latin1", "bom", "cut"))
    if kind == "flip":
        for _ in range(rng.choice((1, 3, 10))):
            i = rng.randrange(len(data))
            data[i] = rng.randrange(256)
    elif kind == "truncate":
        data = data[: rng.randrange(len(data))]
    elif kind == "utf16":
        data = bytearray(data.decode("utf-8").encode("utf-16"))
    elif kind == "latin1":
        data = bytearray(data.decode("utf-8").replace("a", "\xe9").encode("latin-1"))
    elif kind == "bom":
        data = bytearray(b"\xef\xbb\xbf") + data
    else:
        i = rng.randrange(len(data))
        data = data[:i] + data[i + rng.randrange(1, 200):]
    target.write_bytes(bytes(data))
    return f"{target.name}: bytes {kind}"


def m_tileset_sheet(rng: random.Random, path: Path) -> str:
    tsx = path.parent / "tileset.tsx"

    def change(root):
        image = root.find("image")
        choice = rng.choice(("spacing", "huge", "many", "tiles", "anim"))
        if choice == "spacing":
            root.set("spacing", rng.choice(("-31", "-32", "-1000", "999999")))
            image.set("width", "16384")
            image.set("height", "16384")
            root.attrib.pop("tilecount", None)
        elif choice == "huge":
            image.set("width", "16384")
            image.set("height", "16384")
            root.set("tilecount", rng.choice(("0", "65536", "262144")))
            root.set("columns", "512")
        elif choice == "many":
            return "(see map)"
        elif choice == "tiles":
            tile = root.find("tile")
            tile.set("id", rng.choice(("x", "-5", "99999999", "1e3", "")))
        else:
            tile = root.find("tile")
            anim = ET.SubElement(tile, "animation")
            for _ in range(rng.choice((1, 5000))):
                ET.SubElement(anim, "frame", tileid=rng.choice(("-5", "x", "4294967296",
                                                                "1", "70000")),
                              duration=rng.choice(("100", "-1", "nan")))
        return f"tileset {choice}"
    note = _edit_xml(tsx, change)
    if note.endswith("(see map)"):
        return _many_embedded(rng, path)
    return note


def _many_embedded(rng: random.Random, path: Path) -> str:
    count = rng.choice((20, 200))
    text = path.read_text(encoding="utf-8")
    sets = "".join(
        f'<tileset firstgid="{1000 + i * 300000}" name="t{i}" tilewidth="32" '
        f'tileheight="32" tilecount="262144" columns="512"><image source="'
        f'tileset.png" width="16384" height="16384"/></tileset>' for i in range(count))
    head, sep, rest = text.partition("<layer")
    path.write_text(head + sets + sep + rest, encoding="utf-8")
    return f"{count} embedded 16384 px tilesets"


def m_template_gid(rng: random.Random, path: Path) -> str:
    tx = rng.choice(sorted((path.parent / "templates").glob("*.tx")))

    def change(root):
        obj = root.find("object")
        obj.set("gid", rng.choice(("abc", "-5", "4294967296", "1e9", "3")))
        if rng.random() < 0.5:
            ET.SubElement(root, "tileset", firstgid=rng.choice(("1", "-3", "x")),
                          source="../tileset.tsx")
        return f"template gid {obj.get('gid')}"
    return _edit_xml(tx, change)


def m_file_kind(rng: random.Random, path: Path) -> str:
    """Swap a referenced file for a FIFO, a symlink loop, /dev/zero, a folder, a huge
    sparse file, or give it a 300-character name."""
    folder = path.parent
    target = rng.choice([folder / "tileset.tsx",
                         folder / "tileset.png",
                         folder / "danger-close.tiled-project",
                         *sorted((folder / "templates").glob("*.tx"))[:2]])
    kind = rng.choice(("fifo", "loop", "zero", "folder", "sparse", "longname", "outside"))
    target.unlink()
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "loop":
        os.symlink(target.name + ".b", target)
        os.symlink(target.name, str(target) + ".b")
    elif kind == "zero":
        os.symlink("/dev/zero", target)
    elif kind == "folder":
        target.mkdir()
    elif kind == "sparse":
        with open(target, "wb") as fh:
            fh.truncate(3 << 30)
    elif kind == "outside":
        os.symlink("/etc/hostname", target)
    else:
        long = "L" * 300
        text = path.read_text(encoding="utf-8").replace(
            target.name, long + target.suffix)
        path.write_text(text, encoding="utf-8")
    return f"{target.name} -> {kind}"


def m_image_path(rng: random.Random, path: Path) -> str:
    tsx = path.parent / "tileset.tsx"
    value = rng.choice(("/dev/zero", "/etc/passwd", "../../../../../etc/hostname", "",
                        "L" * 300 + ".png", "fifo.png", "/proc/self/mem", "."))
    if value == "fifo.png":
        os.mkfifo(tsx.parent / value)

    def change(root):
        root.find("image").set("source", value)
        return f"image source {value[:20]!r}"
    note = _edit_xml(tsx, change)
    if rng.random() < 0.5:  # a hostile *.tsx beside the image, for the front end
        (tsx.parent / "evil.tsx").write_text(
            '<tileset name="e"><image source="tileset.png"/><tile id="x"><properties>'
            '<property name="name" value="floor"/></properties></tile></tileset>')
    return note


def m_project(rng: random.Random, path: Path) -> str:
    project = path.parent / "danger-close.tiled-project"
    data = json.loads(project.read_text(encoding="utf-8"))
    types = data["propertyTypes"]
    kind = rng.choice(("enum_add", "default_out", "member_list", "deep", "value_type",
                       "garbage", "top_list", "huge_number", "name_list"))
    if kind == "enum_add":
        enum = rng.choice([t for t in types if t["type"] == "enum"])
        enum["values"].append(rng.choice(("wizard", "", "a" * 300, "all")))
    elif kind == "default_out":
        cls = rng.choice([t for t in types if t["type"] == "class"])
        member = rng.choice(cls["members"])
        member["value"] = rng.choice(("wizard", 5, -1, True, None, [1], {"a": 1}, 1e308))
    elif kind == "member_list":
        cls = rng.choice([t for t in types if t["type"] == "class"])
        cls["members"] = rng.choice(([["x"]], "members", 7, [{"name": ["role"]}],
                                     [{"name": {"a": 1}, "value": 1}]))
    elif kind == "name_list":
        rng.choice(types)["name"] = rng.choice((["Insurgent"], {"x": 1}, 5, None))
    elif kind == "deep":
        depth = rng.choice((100, 100_000))
        project.write_text(project.read_text(encoding="utf-8").replace(
            '"commands": []', '"commands": ' + "[" * depth + "]" * depth), encoding="utf-8")
        return f"project nested {depth}"
    elif kind == "value_type":
        rng.choice(types)["type"] = rng.choice(("enum", "class", 3, None))
    elif kind == "huge_number":
        project.write_text(project.read_text(encoding="utf-8").replace(
            '"id": 1,', '"id": 1' + "0" * 5000 + ","), encoding="utf-8")
        return "project huge number"
    elif kind == "top_list":
        data = [data]
    else:
        project.write_text("{" * 3 + "garbage", encoding="utf-8")
        return "project garbage"
    project.write_text(json.dumps(data), encoding="utf-8")
    return f"project {kind}"


def m_far_edge(rng: random.Random, path: Path) -> str:
    def change(root):
        w = int(root.get("width")) * 32
        h = int(root.get("height")) * 32
        objs = [o for o in root.iter("object") if o.find("point") is not None
                or o.get("template")]
        obj = rng.choice(objs)
        obj.set("x", rng.choice((f"{w - 0.03}", f"{w}", "1279.97", "-0.4")))
        obj.set("y", rng.choice((f"{h - 0.03}", f"{h - 0.001}", "0", "-0.001")))
        return f"object {obj.get('id')} at {obj.get('x')},{obj.get('y')}"
    return _edit_xml(path, change)


def m_many_units(rng: random.Random, path: Path) -> str:
    def change(root):
        objs = [o for o in root.iter("object") if "nsurgent" in (o.get("type", "") +
                                                                 o.get("template", ""))]
        obj = rng.choice(objs)
        parent = next(p for p in root.iter() if obj in list(p))
        count = rng.choice((200, 2000, 10000))
        for i in range(count):
            clone = ET.fromstring(ET.tostring(obj))
            clone.set("id", str(100000 + i))
            parent.append(clone)
        return f"{count} more insurgents"
    return _edit_xml(path, change)


MUTATIONS = [m_attr_number, m_attr_number, m_attr_any, m_property_value, m_duplicate,
             m_delete, m_id_collision, m_encoding, m_encoding, m_deep_nesting, m_text_bytes,
             m_tileset_sheet, m_template_gid, m_file_kind, m_image_path, m_project,
             m_project, m_far_edge, m_many_units]


# ----------------------------------------------------------------------------- worker

def _worker_main() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    import pygame

    pygame.display.init()
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        job = json.loads(line)
        try:
            outcome = check_map_file(job["map"], job.get("ticks", SIM_TICKS))
        except MemoryError:
            outcome = Outcome("memory", "MemoryError")
        except BaseException:  # noqa: BLE001 - any traceback is the finding
            import traceback

            outcome = Outcome("traceback", traceback.format_exc()[-3000:])
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({"status": outcome.status, "detail": outcome.detail, "rss": rss}),
              flush=True)


def check_map_file(path: str, ticks: int) -> Outcome:
    """What the game does with one map: validator, loader, atlas, sim ticks."""
    from game.headless import run_headless
    from game.map_loader import MapLoadFailed, load_map
    from game.render.tileset import TileAtlas
    from game.tiled.errors import clean
    from game.tiled.validate import validate_map

    problems = validate_map(path)
    for p in problems:
        line = f"{p.severity}: {p}"
        if "internal error" in p.message:
            return Outcome("traceback", line[:3000])
        named = bool(p.file) and str(p).startswith(clean(p.file) + ": ")
        if "\n" in line or "\r" in line or not named:
            return Outcome("bad_message", repr(line[:500]))
    errors = [p for p in problems if p.is_error]
    try:
        scenario = load_map(path)
    except MapLoadFailed as exc:
        if not errors:
            return Outcome("traceback", f"validator passed, game refused: {exc}"[:3000])
        return Outcome("refused", str(exc).splitlines()[0][:200])
    # The validator may find more than the loader (a map with no extraction loads, and is
    # reported): only "validator passed, game refused" above is a disagreement.
    TileAtlas(scenario.art)
    run_headless(scenario, seed=1, ticks=ticks)
    return Outcome("ok")


class Worker:
    """A worker process; restarted after a hang or a crash."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1",
                   PYTHONPATH=str(ROOT))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.map_fuzz", "--worker"], cwd=ROOT, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True, bufsize=1)
        self._read(60.0)

    def _read(self, timeout: float) -> dict | None:
        assert self.proc is not None and self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not ready:
            return None
        line = self.proc.stdout.readline()
        return json.loads(line) if line else {"status": "memory", "detail": "worker died"}

    def run(self, map_path: Path, timeout: float, ticks: int) -> tuple[Outcome, int]:
        if self.proc is None or self.proc.poll() is not None:
            self.start()
        assert self.proc is not None and self.proc.stdin is not None
        self.proc.stdin.write(json.dumps({"map": str(map_path), "ticks": ticks}) + "\n")
        self.proc.stdin.flush()
        reply = self._read(timeout)
        if reply is None:
            self.stop()
            return Outcome("hang", f"no answer in {timeout} s"), 0
        if reply.get("detail") == "worker died":
            self.stop()
            return Outcome("memory", f"worker died (exit {self.proc and self.proc.poll()})"), 0
        return Outcome(reply["status"], reply["detail"]), int(reply.get("rss", 0))

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None


def run_campaign(count: int, seed: int, work: Path, timeout: float = TIMEOUT_S,
                 ticks: int = SIM_TICKS, log=None) -> Tally:
    """`count` mutants from `seed` on; each folder is removed once checked."""
    tally = Tally()
    worker = Worker()
    try:
        for i in range(seed, seed + count):
            if log and i % 50 == 0:
                print(f"[{i}] {dict(tally.counts)}", file=log, flush=True)
            folder = work / f"m{i}"
            map_path, note = make_mutant(folder, i)
            outcome, rss = worker.run(map_path, timeout, ticks)
            tally.counts[outcome.status] += 1
            tally.peak_rss_kb = max(tally.peak_rss_kb, rss)
            if outcome.status not in ("ok", "refused"):
                tally.failures.append((i, note, outcome.status, outcome.detail))
                if log:
                    print(f"[{i}] {outcome.status}: {note}\n{outcome.detail}", file=log,
                          flush=True)
            _remove(folder)
    finally:
        worker.stop()
    return tally


def _remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)  # never follows symlinks


def replay_one(seed: int, work: Path) -> None:
    """Make one mutant and time what the game does with it, in this process."""
    map_path, note = make_mutant(work / f"m{seed}", seed)
    print(note)
    started = time.time()
    print(check_map_file(str(map_path), SIM_TICKS))
    print(f"{time.time() - started:.2f} s; files in {map_path.parent}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--worker"]:
        _worker_main()
    elif sys.argv[1:2] == ["--one"]:
        replay_one(int(sys.argv[2]), Path(sys.argv[3]))
    else:
        started = time.time()
        print(run_campaign(int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3]),
                           log=sys.stdout))
        print(f"{time.time() - started:.1f} s")
