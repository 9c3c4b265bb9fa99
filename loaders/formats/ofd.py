"""OFD (GB/T 33190) e-documents: the text layer of every page, in reading order.

An OFD file is a zip of XML parts: ``OFD.xml`` names each document's root,
the document lists its pages, and each page's content holds text objects
placed by coordinates. No maintained Python reader of OFD text exists on PyPI
(the packages found render pages to images or PDF, pulling in PyMuPDF and
friends), and the text layer is a few elements, so it is read here directly:
text codes are gathered into lines by their baseline, lines sorted top to
bottom, and wrapped lines joined as in a PDF. Tables come out as their cell
texts in reading order (OFD draws ruling lines apart from the text).
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from zeren.errors import LoaderError
from zeren.loaders.formats.archive import check_zip_size

__all__ = ["read_ofd"]

_NS = "{http://www.ofdspec.org/2016}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
MAX_PAGES = 2000


def read_ofd(path: Path) -> str:
    """An .ofd file's text: every document in it, page by page."""
    from zeren.loaders.formats.pdfdoc import reflow

    with zipfile.ZipFile(path) as archive:
        check_zip_size(path, archive.infolist())
        names = set(archive.namelist())
        root = _xml(archive, "OFD.xml", names, path)
        lines: list[dict] = []
        pages = 0
        for doc_root in root.iter(f"{_NS}DocRoot"):
            doc_path = _clean(doc_root.text or "")
            document = _xml(archive, doc_path, names, path)
            base = posixpath.dirname(doc_path)
            for page in document.iter(f"{_NS}Page"):
                pages += 1
                if pages > MAX_PAGES:
                    raise LoaderError(str(path), f"more than {MAX_PAGES} pages")
                content = _xml(archive, posixpath.join(base, _clean(page.get("BaseLoc", ""))), names, path)
                lines.extend(_page_lines(content, pages))
    return "\n".join(reflow(lines))


def _clean(location: str) -> str:
    return posixpath.normpath(location.strip().lstrip("/"))


def _xml(archive: zipfile.ZipFile, name: str, names: set[str], path: Path) -> etree._Element:
    if name not in names:
        raise LoaderError(str(path), f"not a valid .ofd file (no {name} inside)")
    return etree.fromstring(archive.read(name), _PARSER)


def _page_lines(content: etree._Element, page: int) -> list[dict]:
    """Text objects of one page grouped into lines (dicts as ``pdfdoc.reflow`` takes them)."""
    pieces: list[tuple[float, float, float, float, str]] = []  # top, x0, x1, height, text
    for obj in content.iter(f"{_NS}TextObject"):
        try:
            x, y, width, height = (float(v) for v in obj.get("Boundary", "0 0 0 0").split()[:4])
        except ValueError:
            continue
        for code in obj.iter(f"{_NS}TextCode"):
            text = code.text or ""
            if text.strip():
                top = y + float(code.get("Y", "0") or 0) - height
                pieces.append((top, x + float(code.get("X", "0") or 0), x + width, height, text))
    pieces.sort(key=lambda p: (round(p[0]), p[1]))
    lines: list[dict] = []
    for top, x0, x1, height, text in pieces:
        last = lines[-1] if lines else None
        if last is not None and abs(last["top"] - top) < 0.5 * max(height, 1.0):
            last["text"] += text
            last["x1"] = max(last["x1"], x1)
        else:
            lines.append({"text": text, "x0": x0, "x1": x1, "top": top, "bottom": top + height, "page": page})
    return lines
