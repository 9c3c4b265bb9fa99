"""Open and decode one input file into text, whatever its format.

The only place that touches a document file: it checks that the path is a
readable, non-empty regular file of a known format under the size limit, then
hands it to the reader of its suffix (``loaders.formats``). Everything after
this works on the returned string. Any failure, from the file system or from a
parsing library, becomes one ``LoaderError`` naming the file.

Tables come out one row a line with cells joined by `` | ``; a merged cell is
repeated in each column and row it spans.
"""

from __future__ import annotations

import importlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

from zeren.errors import LoaderError

__all__ = ["read_text", "SUPPORTED_SUFFIXES", "MAX_FILE_BYTES"]

# Readers are imported when first needed: openpyxl and pdfplumber take half a
# second to import, which every command would pay otherwise.
_READERS: dict[str, tuple[str, str]] = {
    ".txt": ("zeren.loaders.formats.plaintext", "read_plain"),
    ".md": ("zeren.loaders.formats.plaintext", "read_markdown"),
    ".html": ("zeren.loaders.formats.htmlpage", "read_html"),
    ".htm": ("zeren.loaders.formats.htmlpage", "read_html"),
    ".docx": ("zeren.loaders.formats.worddoc", "read_docx"),
    ".xlsx": ("zeren.loaders.formats.workbook", "read_xlsx"),
    ".pdf": ("zeren.loaders.formats.pdfdoc", "read_pdf"),
}
SUPPORTED_SUFFIXES = tuple(_READERS)
MAX_FILE_BYTES = 512 * 1024**2  # far above any real plan; guards memory, not taste
_LEGACY = {".doc": ".docx", ".wps": ".docx", ".xls": ".xlsx", ".et": ".xlsx"}


def read_text(path: str | os.PathLike[str]) -> str:
    """The text of the document at ``path``; raises ``LoaderError`` on any bad input.

    >>> read_text("no-such-plan.txt")
    Traceback (most recent call last):
    zeren.errors.LoaderError: no-such-plan.txt: file not found
    """
    name = os.fspath(path)
    file = Path(name)
    _check_file(file, name)  # first, so a folder or a missing file is named as such
    suffix = file.suffix.lower()
    if suffix not in _READERS:
        raise LoaderError(name, _unsupported(suffix))
    module, function = _READERS[suffix]
    reader: Callable[[Path], str] = getattr(importlib.import_module(module), function)
    try:
        text = reader(file)
    except LoaderError as err:
        if err.path == name:
            raise
        raise LoaderError(name, err.problem, err.line) from err
    except OSError as err:
        raise LoaderError(name, f"cannot read: {err.strerror or err}") from err
    except Exception as err:  # a parsing library failed on damaged content
        raise LoaderError(name, f"cannot read {suffix} file ({_one_line(err)})") from err
    if not text.strip():
        raise LoaderError(name, "no text found")
    return text


def _unsupported(suffix: str) -> str:
    supported = ", ".join(SUPPORTED_SUFFIXES)
    if suffix in _LEGACY:
        return f"unsupported format '{suffix}' (save it as {_LEGACY[suffix]}; supported: {supported})"
    if not suffix:
        return f"no file suffix to tell the format (supported: {supported})"
    return f"unsupported format '{suffix}' (supported: {supported})"


def _check_file(file: Path, name: str) -> None:
    try:
        info = file.stat()
    except FileNotFoundError as err:
        raise LoaderError(name, "file not found") from err
    except PermissionError as err:
        raise LoaderError(name, "permission denied") from err
    except OSError as err:
        raise LoaderError(name, f"cannot open: {err.strerror or err}") from err
    if stat.S_ISDIR(info.st_mode):
        raise LoaderError(name, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
        raise LoaderError(name, "not a regular file")
    if info.st_size == 0:
        raise LoaderError(name, "empty file")
    if info.st_size > MAX_FILE_BYTES:
        raise LoaderError(
            name,
            f"file too large ({info.st_size // 1024**2} MB; the limit is {MAX_FILE_BYTES // 1024**2} MB)",
        )
    if not os.access(file, os.R_OK):
        raise LoaderError(name, "permission denied")


def _one_line(err: Exception) -> str:
    message = " ".join(str(err).split())
    if len(message) > 160:
        message = message[:157] + "..."
    return f"{type(err).__name__}: {message}" if message else type(err).__name__
