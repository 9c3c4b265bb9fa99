"""Checks shared by the zip-based Office formats before a library opens them.

A truncated download or a renamed ``.doc`` fails here with a plain message
instead of deep inside python-docx or openpyxl, and a zip bomb is refused
before it is expanded.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from zeren.errors import LoaderError

__all__ = ["MAX_EXPANDED_BYTES", "check_office_zip"]

MAX_EXPANDED_BYTES = 2 * 1024**3
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.xls/.wps container


def check_office_zip(path: Path, *, required: str, kind: str) -> None:
    """Raise LoaderError unless ``path`` is a readable zip holding ``required``."""
    with path.open("rb") as handle:
        magic = handle.read(8)
    if magic == _OLE_MAGIC:
        raise LoaderError(str(path), f"a legacy binary Office file, not {kind}; save it as {kind} first")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except zipfile.BadZipFile as err:
        raise LoaderError(str(path), f"not a valid {kind} file (damaged or truncated zip: {err})") from err
    names = {info.filename for info in infos}
    if required not in names:
        raise LoaderError(str(path), f"not a valid {kind} file (no {required} inside)")
    expanded = sum(info.file_size for info in infos)
    if expanded > MAX_EXPANDED_BYTES:
        raise LoaderError(
            str(path),
            f"expands to {expanded // 1024**2} MB, over the {MAX_EXPANDED_BYTES // 1024**2} MB limit",
        )
