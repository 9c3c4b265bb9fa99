"""Open and decode one input file into text (placeholder: plain text only)."""

from __future__ import annotations

from pathlib import Path

from zeren.errors import LoaderError

__all__ = ["read_text", "SUPPORTED_SUFFIXES"]

SUPPORTED_SUFFIXES = (".txt",)


def read_text(path: str | Path) -> str:
    path = Path(path)
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise LoaderError(str(path), "cannot decode as UTF-8 or GB18030")
