"""Checks shared by the zip-based formats (.docx, .xlsx, .ofd, bundles) before anything is inflated.

A truncated download or a renamed ``.doc`` fails here with a plain message
instead of deep inside python-docx or openpyxl, and a zip bomb is refused
before it is expanded: the sizes a zip declares bound what ``zipfile`` will
inflate (it stops at the declared size), so checking them is enough.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

from zeren.errors import LoaderError
from zeren.loaders.formats.sniff import OLE_MAGIC

__all__ = ["MAX_EXPANDED_BYTES", "check_office_zip", "check_zip_size"]

# Far above any real plan (a 50,000-row task sheet inflates to about 40 MB), far below
# what would exhaust memory: parsing costs several times the inflated size.
MAX_EXPANDED_BYTES = 100 * 1024**2


def check_office_zip(path: Path, *, required: str, kind: str) -> None:
    """Raise LoaderError unless ``path`` is a readable zip holding ``required``."""
    with path.open("rb") as handle:
        magic = handle.read(8)
    if magic == OLE_MAGIC:
        raise LoaderError(str(path), f"a legacy binary Office file, not {kind}")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except zipfile.BadZipFile as err:
        raise LoaderError(str(path), f"not a valid {kind} file (damaged or truncated zip: {err})") from err
    names = {info.filename for info in infos}
    if required not in names:
        raise LoaderError(str(path), f"not a valid {kind} file (no {required} inside)")
    check_zip_size(path, infos)


def check_zip_size(path: Path, infos: Iterable[zipfile.ZipInfo]) -> None:
    """Refuse a zip whose members would inflate past ``MAX_EXPANDED_BYTES`` in all."""
    expanded = sum(info.file_size for info in infos)
    if expanded > MAX_EXPANDED_BYTES:
        raise LoaderError(
            str(path),
            f"expands to {expanded // 1024**2} MB, over the {MAX_EXPANDED_BYTES // 1024**2} MB limit",
        )
