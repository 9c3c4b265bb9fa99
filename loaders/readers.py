"""Open and decode one input file into text, whatever its format.

The only place that touches a document file: it checks that the path is a
readable, non-empty regular file under the size limit, tells its format from
its content (``formats.sniff``; the suffix decides only for text), then hands
it to that format's reader (``loaders.formats``). Everything after this works
on the returned string. Any failure, from the file system or from a parsing
library, becomes one ``LoaderError`` naming the file (its name escaped, see
``zeren.safetext.path_text``); what a reader could read only in part comes back as warnings.

Tables come out one row a line with cells joined by `` | ``; a merged cell is
repeated in each column and row it spans.
"""

from __future__ import annotations

import importlib
import os
import stat
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from zeren.errors import LoaderError
from zeren.loaders.formats.warn import ReadWarning
from zeren.safetext import path_text

__all__ = ["read_text", "read_document", "Read", "SUPPORTED_SUFFIXES", "FORMATS", "MAX_FILE_BYTES"]


class Read(NamedTuple):
    text: str
    warnings: tuple[str, ...]


# Readers are imported when first needed: openpyxl and pdfplumber take half a
# second to import, which every command would pay otherwise.
_READERS: dict[str, tuple[str, str]] = {
    "text": ("zeren.loaders.formats.plaintext", "read_plain"),
    "markdown": ("zeren.loaders.formats.plaintext", "read_markdown"),
    "html": ("zeren.loaders.formats.htmlpage", "read_html"),
    "docx": ("zeren.loaders.formats.worddoc", "read_docx"),
    "xlsx": ("zeren.loaders.formats.workbook", "read_xlsx"),
    "pdf": ("zeren.loaders.formats.pdfdoc", "read_pdf"),
    "ofd": ("zeren.loaders.formats.ofd", "read_ofd"),
    "ole-xls": ("zeren.loaders.formats.legacy", "read_xls"),
    "ole-doc": ("zeren.loaders.formats.legacy", "read_doc"),
    "rtf": ("zeren.loaders.formats.legacy", "read_rtf"),
}
# Every suffix read, and the format a file of that name is read as when its content
# does not say otherwise (text-like content of a legacy name is read as text).
FORMATS: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".pdf": "pdf",
    ".doc": "text",
    ".wps": "text",
    ".rtf": "text",
    ".xls": "text",
    ".et": "text",
    ".ofd": "ofd",
    ".zip": "zip",
}
SUPPORTED_SUFFIXES = tuple(FORMATS)
MAX_FILE_BYTES = 512 * 1024**2  # far above any real plan; guards memory, not taste
# a file up to this size is read once, whole, and its text readers decode those bytes
# (opening it for the sniff, the encoding's sample and the decoding cost more than the reading)
_WHOLE_BYTES = 8 * 1024**2
_FROM_BYTES = ("text", "markdown")  # the readers that take the bytes read already
_CONTAINERS = ("docx", "xlsx", "ofd")  # suffixes whose own reader explains damaged content best
_NOT_READ = {
    "rar": "a RAR archive: RAR bundles are not read (no maintained reader without the non-free unrar); "
    "unpack it and read the folder",
    "7z": "a 7-Zip archive: not read; unpack it and read the folder",
    "ole": "a compound (OLE) file holding neither a Word document nor a workbook",
    "zip": "a zip archive: name it (or its folder) to read its members as documents",
}


def read_text(path: str | os.PathLike[str]) -> str:
    """The text of the document at ``path``; raises ``LoaderError`` on any bad input.

    >>> read_text("no-such-plan.txt")
    Traceback (most recent call last):
    zeren.errors.LoaderError: no-such-plan.txt: file not found
    """
    return read_document(path).text


def read_document(path: str | os.PathLike[str], *, name: str | None = None) -> Read:
    """The text of the document at ``path`` and the warnings its reader gave.

    ``name`` is how messages call the file (default: ``path``, escaped).
    """
    name = name or path_text(path)
    file = Path(path)
    size = _check_file(file, name)  # first, so a folder or a missing file is named as such
    suffix = file.suffix.lower()
    if suffix not in FORMATS:
        raise LoaderError(name, _unsupported(suffix))
    data = _small_file(file, size, name)
    kind = _kind(file, suffix, name, data)
    if kind in _NOT_READ:
        raise LoaderError(name, _NOT_READ[kind])
    module, function = _READERS[kind]
    reader: Callable[..., str] = getattr(importlib.import_module(module), function)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ReadWarning)
        try:
            text = reader(file, data) if kind in _FROM_BYTES and data is not None else reader(file)
        except LoaderError as err:
            raise LoaderError(name, err.problem, err.line) from err
        except MemoryError as err:
            raise LoaderError(name, "too large to read in the memory available") from err
        except OSError as err:
            raise LoaderError(name, f"cannot read: {err.strerror or err}") from err
        except Exception as err:  # a parsing library failed on damaged content
            raise LoaderError(name, f"cannot read {suffix} file ({_one_line(err)})") from err
    if not text.strip():
        raise LoaderError(name, "no text found")
    notes = tuple(f"{name}: {w.message}" for w in caught if issubclass(w.category, ReadWarning))
    return Read(text, notes)


def _small_file(file: Path, size: int, name: str) -> bytes | None:
    """The bytes of a file small enough to hold whole, read once for sniffing and decoding."""
    if size > _WHOLE_BYTES:
        return None  # read in chunks by its reader
    try:
        return file.read_bytes()
    except OSError as err:
        raise LoaderError(name, f"cannot read: {err.strerror or err}") from err


def _kind(file: Path, suffix: str, name: str, data: bytes | None) -> str:
    """The reader for ``file``: its content's format, else its suffix's."""
    from zeren.loaders.formats.sniff import sniff

    try:
        kind = sniff(file, data)
    except OSError as err:
        raise LoaderError(name, f"cannot read: {err.strerror or err}") from err
    default = FORMATS[suffix]
    if kind is None:
        return default
    if kind == "zip" and default in _CONTAINERS:
        return default  # a damaged .docx is best explained by the .docx reader
    if kind == "html" and default == "markdown":
        return default  # Markdown may open with an HTML tag
    return kind


def _unsupported(suffix: str) -> str:
    supported = ", ".join(SUPPORTED_SUFFIXES)
    if not suffix:
        return f"no file suffix to tell the format (supported: {supported})"
    if suffix in (".rar", ".7z"):
        return _NOT_READ[suffix[1:]]
    return f"unsupported format '{suffix}' (supported: {supported})"


def _check_file(file: Path, name: str) -> int:
    """The size of ``file``, a readable regular file within the limits."""
    try:
        info = file.stat()
    except FileNotFoundError as err:
        if file.is_symlink():
            raise LoaderError(name, "a link to a file that does not exist") from err
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
    return info.st_size


def _one_line(err: Exception) -> str:
    message = " ".join(str(err).split())
    if len(message) > 160:
        message = message[:157] + "..."
    return f"{type(err).__name__}: {message}" if message else type(err).__name__
