"""Two references for extraction speed: what a naive script does, and the floor under any extractor.

``naive``: read, decode, OpenCC t2s, then one regex per line for ``牵头单位：…；责任单位：…``
notes — the kind of script a planner might write in an afternoon (fast, and
wrong on most real layouts: no tables, no wrapped lines, no lists of leaders).
``floor``: read + decode + OpenCC + one trigger regex per line, nothing else:
no extractor can be faster than this in Python.

    .venv/bin/python benchmarks/naive_regex.py FOLDER [--mode naive|floor]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

TRIGGER = re.compile(r"牵头|负责|责任单位|配合")
NOTE = re.compile(
    r"^(?P<text>.+?)[（(](?:牵头单位|责任单位|牵头部门)[：:](?P<leads>[^；;）)]+)"
    r"(?:[；;](?:责任单位|配合单位|参与单位)[：:](?P<supports>[^）)]+))?[）)]"
)
SPLIT = re.compile(r"[、，,]")


def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def _texts(folder: Path) -> Iterator[tuple[Path, str]]:
    for path in sorted(folder.rglob("*.txt")):
        yield path, path.read_bytes().decode("utf-8", errors="replace")


def floor(folder: Path) -> int:
    """Lines a trigger regex flags after read + decode + t2s."""
    cc = _converter()
    flagged = 0
    for _, text in _texts(folder):
        for line in cc.convert(text).split("\n"):
            if TRIGGER.search(line):
                flagged += 1
    return flagged


def naive(folder: Path, out=None) -> int:
    """Tasks found by one regex per line, written as JSON lines to ``out`` when given."""
    cc = _converter()
    found = 0
    for path, text in _texts(folder):
        for no, line in enumerate(cc.convert(text).split("\n"), 1):
            match = NOTE.search(line.strip())
            if match is None:
                continue
            found += 1
            if out is not None:
                row = {
                    "doc": path.stem,
                    "line": no,
                    "text": match["text"],
                    "leads": SPLIT.split(match["leads"]),
                    "supports": SPLIT.split(match["supports"]) if match["supports"] else [],
                }
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return found


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--mode", choices=["naive", "floor"], default="naive")
    args = ap.parse_args(argv)
    size = sum(p.stat().st_size for p in args.folder.rglob("*.txt")) / 1024**2
    start = time.perf_counter()
    count = naive(args.folder) if args.mode == "naive" else floor(args.folder)
    seconds = time.perf_counter() - start
    print(f"{args.mode}: {count} lines in {seconds:.2f} s, {size / seconds:.1f} MB/s", file=sys.stderr)


if __name__ == "__main__":
    main()
