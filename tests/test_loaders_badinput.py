"""Every kind of bad input gives one LoaderError: one line, starting with the file's path."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
import pytest

from zeren.errors import LoaderError
from zeren.loaders import readers
from zeren.loaders.readers import read_text

SUPPORTED = ".txt, .md, .html, .htm, .docx, .xlsx, .pdf, .doc, .wps, .rtf, .xls, .et, .ofd, .zip"


def _docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("青山县财政局" * 200)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _xlsx_bytes() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active.append(["牵头单位", "云岭州财政局"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _other_zip() -> bytes:
    """A valid zip that holds no Office document."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("other.xml", "<x/>")
    return buffer.getvalue()


def _broken_docx() -> bytes:
    """A zip that names a Word document whose XML is cut off."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="urn:x"><w:body><w:p>'
        )
    return buffer.getvalue()


def _make(name: str, content: bytes | None) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        if content is not None:
            path.write_bytes(content)
        return path

    return make


def _folder(folder: Path) -> Path:
    path = folder / "plans.txt"
    path.mkdir()
    return path


def _plain_folder(folder: Path) -> Path:
    path = folder / "plans"
    path.mkdir()
    return path


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


CASES = [
    ("missing", _make("absent.txt", None), "file not found"),
    ("folder", _folder, "is a folder, not a file"),
    ("folder without suffix", _plain_folder, "is a folder, not a file"),
    ("fifo", _fifo, "not a regular file"),
    ("empty", _make("empty.txt", b""), "empty file"),
    ("blank", _make("blank.md", b"  \n\n\t\n"), "no text found"),
    ("nul bytes", _make("junk.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20), "binary content (NUL bytes), not a text file"),
    ("undecodable", _make("junk.txt", bytes(range(0x80, 0x100)) * 8), "cannot decode the text (binary content or an unknown encoding)"),
    ("bad bom", _make("bom.txt", b"\xef\xbb\xbf\xff\xfe\xfd"), "not valid UTF-8 text despite its byte-order mark"),
    ("unknown suffix", _make("plan.xyz", b"x"), f"unsupported format '.xyz' (supported: {SUPPORTED})"),
    ("rar bundle", _make("plan.rar", b"Rar!\x1a\x07\x00" + b"\x00" * 40), "a RAR archive: RAR bundles are not read (no maintained reader without the non-free unrar); unpack it and read the folder"),
    ("rar inside a known name", _make("plan.xls", b"Rar!\x1a\x07\x00" + b"\x00" * 40), "a RAR archive: RAR bundles are not read (no maintained reader without the non-free unrar); unpack it and read the folder"),
    ("no suffix", _make("README", b"x"), f"no file suffix to tell the format (supported: {SUPPORTED})"),
    ("truncated docx", _make("cut.docx", _docx_bytes()[:3000]), "not a valid .docx file (damaged or truncated zip: File is not a zip file)"),
    ("truncated xlsx", _make("cut.xlsx", _xlsx_bytes()[:2000]), "not a valid .xlsx file (damaged or truncated zip: File is not a zip file)"),
    ("docx not zip", _make("fake.docx", "青山县".encode()), "not a valid .docx file (damaged or truncated zip: File is not a zip file)"),
    ("zip not docx", _make("other.docx", _other_zip()), "not a valid .docx file (no word/document.xml inside)"),
    ("zip not xlsx", _make("other.xlsx", _other_zip()), "not a valid .xlsx file (no xl/workbook.xml inside)"),
    ("broken docx xml", _make("broken.docx", _broken_docx()), "cannot read .docx file (XMLSyntaxError: Premature end of data in tag p line 1, line 1, column 63 (<string>, line 1))"),
    ("legacy doc renamed", _make("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504), "a compound (OLE) file holding neither a Word document nor a workbook"),
    ("pdf not pdf", _make("fake.pdf", "青山县".encode()), "not a readable PDF (PDFSyntaxError: No /Root object! - Is this really a PDF?)"),
    ("truncated pdf", _make("cut.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog"), "not a readable PDF (PSEOF: Unexpected EOF)"),
    ("empty html", _make("page.html", b"<html><head><script>x()</script></head><body></body></html>"), "no text found"),
]  # fmt: skip


@pytest.mark.parametrize(("make", "problem"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_gives_one_loader_error(tmp_path: Path, make: Callable[[Path], Path], problem: str) -> None:
    path = make(tmp_path)
    with pytest.raises(LoaderError) as caught:
        read_text(path)
    assert str(caught.value) == f"{path}: {problem}"
    assert caught.value.path == str(path)
    assert "\n" not in str(caught.value)


def test_path_kept_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(LoaderError, match=r"^\./empty\.txt: empty file$"):
        read_text("./empty.txt")


def test_file_over_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1024**2)
    path = tmp_path / "huge.txt"
    path.write_bytes("县".encode() * (1024**2))
    with pytest.raises(LoaderError) as caught:
        read_text(path)
    assert str(caught.value) == f"{path}: file too large (3 MB; the limit is 1 MB)"


def test_corrupt_zip_member(tmp_path: Path) -> None:
    data = bytearray(_docx_bytes())
    start = data.index(b"word/document.xml") + len("word/document.xml")
    data[start + 50 : start + 120] = b"\xff" * 70  # damage the compressed document body
    path = tmp_path / "damaged.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(LoaderError) as caught:
        read_text(path)
    assert str(caught.value).startswith(f"{path}: cannot read .docx file (")


def test_scanned_pdf(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50, style="F")  # ink without any text, like a scan
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(LoaderError) as caught:
        read_text(path)
    assert str(caught.value) == f"{path}: no text layer (scanned PDF?)"


def test_encrypted_pdf(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Qingshan county plan")
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    with pytest.raises(LoaderError) as caught:
        read_text(path)
    assert str(caught.value) == f"{path}: encrypted PDF (a password is needed)"
