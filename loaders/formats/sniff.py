"""What a file holds, told from its first bytes rather than its name.

Government sites serve a BIFF ``.xls`` as ``.xlsx``, a ``.docx`` as ``.doc``,
an HTML table saved by Excel as ``.xls`` and RTF as ``.doc``. The kind of the
content picks the reader; the suffix decides only for plain text.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

__all__ = ["OLE_MAGIC", "SNIFF_BYTES", "sniff"]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: .doc .xls .wps .et
_HEAD = 4096
SNIFF_BYTES = _HEAD
_MARKUP = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|table|meta)\b",
    re.I | re.S,
)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def sniff(path: Path, head: bytes | None = None) -> str | None:
    """The kind of content: pdf, docx, xlsx, ofd, zip, ole-doc, ole-xls, ole, rtf, rar, 7z, html; None for text.

    ``head``: the file's first bytes when the caller has read them already (at least
    ``SNIFF_BYTES`` of them, or the whole file), so the file is not opened again.
    """
    if head is None:
        with path.open("rb") as handle:
            head = handle.read(_HEAD)
    else:
        head = head[:_HEAD]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(path)
    if head.startswith(OLE_MAGIC):
        return _ole_kind(path)
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"Rar!\x1a\x07"):
        return "rar"
    if head.startswith(b"7z\xbc\xaf\x27\x1c"):
        return "7z"
    text = head
    for bom in _BOMS:
        if text.startswith(bom):
            text = text[len(bom) :]
            break
    if b"\x00" in text[:200]:  # UTF-16 markup: look at every other byte
        text = text.replace(b"\x00", b"")
    if _MARKUP.match(text):
        return "html"
    return None


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return "zip"  # a damaged zip: the zip reader says what is wrong
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "OFD.xml" in names:
        return "ofd"
    return "zip"


def _ole_kind(path: Path) -> str:
    """A Word or Excel compound file, by the streams it holds (Kingsoft files name them alike)."""
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            streams = {"/".join(entry).lower() for entry in ole.listdir()}
    except Exception:  # noqa: BLE001 - a damaged directory: no stream to tell the kind by
        return "ole"
    if "worddocument" in streams:
        return "ole-doc"
    if "workbook" in streams or "book" in streams:
        return "ole-xls"
    return "ole"
