"""The files a user names: folders walked, each file once, with the name records keep for it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

__all__ = ["InputFile", "collect_files"]


class InputFile(NamedTuple):
    """A file to read, and the name records keep for it: relative to the folder or file the user named,
    so a saved graph holds no path of the machine that built it."""

    path: Path
    source: str


def collect_files(paths: Iterable[str | Path | InputFile]) -> list[InputFile]:
    """Files named, and files of a supported kind under folders named (recursive, sorted).

    A file named directly is kept whatever its suffix, so that reading it gives
    a clear error instead of a silent skip. Each file's ``source`` is relative to
    the folder named (``sub/plan.txt``), or the file's name when named directly.
    """
    from zeren.loaders.readers import SUPPORTED_SUFFIXES

    out: list[InputFile] = []
    for p in paths:
        if isinstance(p, InputFile):
            out.append(p)
            continue
        p = Path(p)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES)
            out.extend(InputFile(f, f.relative_to(p).as_posix()) for f in found)
        else:
            out.append(InputFile(p, p.name))
    first: dict[Path, InputFile] = {}
    for f in out:
        first.setdefault(f.path, f)
    return list(first.values())
