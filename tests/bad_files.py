"""One check for every test of a bad file: write it, load it, and take the message it must raise."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from zeren.errors import ZerenError


def error_reading(
    load: Callable[[Path], object], path: Path, content: str | bytes | None, error: type[ZerenError]
) -> str:
    """The message of the ``error`` that ``load(path)`` raises once ``content`` is at ``path``.

    ``str`` content is written as UTF-8, ``bytes`` as they are; ``None`` leaves ``path`` absent.
    """
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    elif content is not None:
        path.write_bytes(content)
    with pytest.raises(error) as err:
        load(path)
    return str(err.value)


# ---------------------------------------------------------------- crafted resource bombs
# Small files that ask a reader for huge work; each must fail fast with a one-line error.

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)


def _docx_with_body(path: Path, rows: list[str] | None = None, body: bytes | None = None) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        if body is not None:
            with archive.open("word/document.xml", "w") as out:
                out.write(f"<w:document {_W}><w:body><w:p><w:r><w:t>".encode())
                for _ in range(len(body) and 150):
                    out.write(body)
                out.write(b"</w:t></w:r></w:p></w:body></w:document>")
        else:
            table = "<w:tbl>" + "".join(rows or []) + "</w:tbl>"
            archive.writestr("word/document.xml", f"<w:document {_W}><w:body>{table}</w:body></w:document>")
    return path


def docx_grid_before(path: Path) -> Path:
    """A 300-byte .docx whose one row starts 10^8 empty grid columns in."""
    row = '<w:tr><w:trPr><w:gridBefore w:val="100000000"/></w:trPr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>'
    return _docx_with_body(path, [row])


def docx_grid_span(path: Path) -> Path:
    """A few-kB .docx whose cells each span 1000 grid columns."""
    cell = '<w:tc><w:tcPr><w:gridSpan w:val="1000"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>'
    return _docx_with_body(path, ["<w:tr>" + cell * 50 + "</w:tr>"] * 50)


def docx_inflating(path: Path) -> Path:
    """A small .docx whose main part inflates to 150 MB."""
    return _docx_with_body(path, body=b"\xe5\x8e\xbf" * (1024**2 // 3))


def xlsx_whole_column_merges(path: Path) -> Path:
    """A few-kB .xlsx with 40 merges each covering a whole column (a million rows)."""
    import io
    import zipfile

    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["序号", "工作任务", "牵头单位"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    merges = "".join(f'<mergeCell ref="{c}1:{c}1048576"/>' for c in _columns(40))
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(
                    b"</sheetData>", f'</sheetData><mergeCells count="40">{merges}</mergeCells>'.encode()
                )
            out.writestr(info, data)
    return path


def _columns(n: int) -> list[str]:
    letters = [chr(ord("A") + i) for i in range(26)]
    return (letters + [a + b for a in letters for b in letters])[:n]


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def pdf_inflating(path: Path) -> Path:
    """A small PDF whose page content inflates to 150 MB."""
    import zlib

    stream = zlib.compress(b" " * (150 * 1024**2), 9)
    path.write_bytes(
        _pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
            ]
        )
    )
    return path


def pdf_many_pages(path: Path, pages: int = 2001) -> Path:
    """A PDF of ``pages`` empty pages."""
    kids = b" ".join(b"%d 0 R" % (n + 3) for n in range(pages))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"
    path.write_bytes(
        _pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
            ]
            + [page] * pages
        )
    )
    return path


BOMBS = {
    "bomb-gridbefore.docx": (
        docx_grid_before,
        "a table row spans 100,000,000 grid columns, over the 1,000 limit",
    ),
    "bomb-gridspan.docx": (docx_grid_span, "a table row spans 2,000 grid columns, over the 1,000 limit"),
    "bomb-inflate.docx": (docx_inflating, "expands to 150 MB, over the 100 MB limit"),
    "bomb-merges.xlsx": (xlsx_whole_column_merges, None),  # reads: the merges cost only the real row
    "bomb-inflate.pdf": (pdf_inflating, "its streams inflate to over 100 MB (the limit)"),
    "bomb-pages.pdf": (
        pdf_many_pages,
        "2001 pages, over the 500-page limit (set ZEREN_MAX_PDF_PAGES to raise it)",
    ),
}
