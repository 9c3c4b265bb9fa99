"""Every kind of bad input gives one LoaderError: one line, starting with the file's path."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
import pytest
from bad_files import BOMBS, pdf_many_pages

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


# ---------------------------------------------------------------- resource caps (issue 12, row 5)

# Peak memory from VmHWM: ru_maxrss would carry over the parent's peak through fork and exec.
_MEASURE = """
import re, sys, time
started = time.perf_counter()
from zeren.errors import LoaderError
from zeren.loaders.readers import read_text
try:
    text = read_text(sys.argv[1])
    print("read", len(text))
except LoaderError as err:
    print(err)
print(time.perf_counter() - started)
status = open("/proc/self/status").read()
print(int(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1)) // 1024)
"""


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_crafted_bomb_fails_fast_and_small(tmp_path: Path, name: str) -> None:
    make, problem = BOMBS[name]
    path = make(tmp_path / name)
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path)], capture_output=True, text=True, timeout=120, check=True
    )
    message, seconds, megabytes = done.stdout.strip().split("\n")
    if problem is None:  # clipped, not refused: the merges cost only the rows the sheet has
        assert message == "read 22"
    else:
        assert message == f"{path}: {problem}"
    assert float(seconds) < 5, f"{name}: {seconds} s"
    assert int(megabytes) < 300, f"{name}: {megabytes} MB"


def test_pdf_page_cap_can_be_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = pdf_many_pages(tmp_path / "long.pdf", pages=3)
    monkeypatch.setenv("ZEREN_MAX_PDF_PAGES", "2")
    with pytest.raises(LoaderError, match="3 pages, over the 2-page limit"):
        read_text(path)
    monkeypatch.setenv("ZEREN_MAX_PDF_PAGES", "3")
    with pytest.raises(LoaderError, match="no text layer"):  # past the cap: read, and empty
        read_text(path)


# ---------------------------------------------------------------- folders, names, duplicates (rows 2, 7)

PLAN_TEXT = "白雾县道路方案\n1.修路。(牵头单位:县交通运输局;责任单位:县财政局)\n"


def _zeren(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "zeren", *map(str, args)], capture_output=True, timeout=300, check=False
    )


def test_folder_reports_every_entry_it_cannot_read(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    (folder / "sub").mkdir(parents=True)
    (folder / "plan.txt").write_text(PLAN_TEXT, encoding="utf-8")
    (folder / "dangling.txt").symlink_to(tmp_path / "nope.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "sub" / "loop").symlink_to(folder)
    (folder / "old.xyz").write_bytes(b"x")
    done = _zeren("extract", folder, "-o", tmp_path / "t.jsonl")
    errors = [line for line in done.stderr.decode().splitlines() if line.startswith("Error:")]
    assert done.returncode == 1
    assert errors == [
        f"Error: {folder / 'dangling.txt'}: a link to a file that does not exist",
        f"Error: {folder / 'old.xyz'}: unsupported format '.xyz' (supported: {SUPPORTED})",
        f"Error: {folder / 'pipe.txt'}: not a regular file",
        f"Error: {folder / 'sub' / 'loop'}: a link back to a folder above it (skipped)",
    ]
    assert len((tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()) == 1  # plan.txt still read


def test_non_utf8_and_newline_file_names_never_crash(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    odd = os.fsdecode(bytes(folder) + b"/\xff.txt")
    Path(odd).write_text(PLAN_TEXT, encoding="utf-8")
    (folder / "a\nb.xyz").write_bytes(b"x")
    done = _zeren("build", folder, "-o", tmp_path / "graph.json")
    stderr = done.stderr.decode()
    assert done.returncode == 1, stderr  # the .xyz file is reported
    errors = [line for line in stderr.splitlines() if line.startswith("Error:")]
    assert errors == [f"Error: {folder}/a\\nb.xyz: unsupported format '.xyz' (supported: {SUPPORTED})"]
    graph = json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))
    assert "\\xff.txt" in json.dumps(graph, ensure_ascii=False)  # the name kept, escaped


def test_same_file_by_two_paths_or_same_content_read_once(tmp_path: Path) -> None:
    from zeren.loaders.batch import extract_paths

    folder = tmp_path / "d"
    folder.mkdir()
    plan = folder / "plan.txt"
    plan.write_text(PLAN_TEXT, encoding="utf-8")
    (folder / "plan-copy.txt").write_text(PLAN_TEXT, encoding="utf-8")
    (folder / "link.txt").symlink_to(plan)
    batch = extract_paths([folder, plan, tmp_path / "d" / ".." / "d" / "plan.txt"])
    assert [e.document.path for e in batch.extractions] == ["link.txt"]
    assert batch.warnings == [
        "plan-copy.txt: identical content to link.txt; read once",
        "plan.txt: the same file as link.txt; read once",
    ]
    done = _zeren("extract", folder, "-o", tmp_path / "t.jsonl")
    assert done.returncode == 0
    assert "Warning: plan-copy.txt: identical content to link.txt; read once" in done.stderr.decode()


# ---------------------------------------------------------------- text that decodes only in part (row 7)


def test_gb18030_with_a_few_bad_bytes_is_read_with_a_warning(tmp_path: Path) -> None:
    from zeren.loaders.batch import extract_paths

    data = (PLAN_TEXT * 3).encode("gb18030")
    path = tmp_path / "plan.txt"
    cut = data.index(b"\n") + 1  # between two characters
    path.write_bytes(data[:cut] + b"\xff" + data[cut:])
    batch = extract_paths([path])
    assert batch.failures == []
    assert len(batch.extractions[0].tasks) == 3
    assert batch.warnings == [f"{path}: 1 undecodable byte sequence(s) in GB18030 text, shown as U+FFFD"]


def test_mojibake_is_repaired_or_reported(tmp_path: Path) -> None:
    from zeren.loaders.readers import read_document

    repaired = tmp_path / "gbk-as-latin1.txt"
    repaired.write_text(PLAN_TEXT.encode("gbk").decode("latin-1"), encoding="utf-8")
    read = read_document(repaired)
    assert read.text == PLAN_TEXT
    assert read.warnings == (f"{repaired}: mojibake repaired: GB18030 text that had been decoded as cp1252",)
    lost = tmp_path / "lost.txt"
    lost.write_text(PLAN_TEXT.encode().decode("cp1252", errors="replace"), encoding="utf-8")
    assert read_document(lost).warnings == (
        f"{lost}: the text looks like mojibake (Latin letters where Chinese is expected); tasks may be missing",
    )


def test_utf16le_without_bom_with_chinese_punctuation(tmp_path: Path) -> None:
    text = "“白雾县”道路方案——2024年①\n1.修路…(牵头单位:县交通运输局)\n"
    path = tmp_path / "plan.txt"
    path.write_bytes(text.encode("utf-16-le"))
    assert read_text(path) == text


def test_unreadable_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from zeren.loaders import inputs
    from zeren.loaders.batch import extract_paths

    locked = tmp_path / "locked"
    locked.mkdir()
    (tmp_path / "plan.txt").write_text(PLAN_TEXT, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):  # root reads every folder: deny this one as a user's chmod 000 would
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(inputs.os, "scandir", scandir)
    batch = extract_paths([tmp_path])
    assert [e.document.path for e in batch.extractions] == ["plan.txt"]
    assert [str(f) for f in batch.failures] == [f"{locked}: cannot list folder: permission denied"]


def test_a_document_without_tasks_is_never_silent(tmp_path: Path) -> None:
    from zeren.loaders.batch import extract_paths

    path = tmp_path / "lost.txt"
    path.write_text(PLAN_TEXT.encode().decode("cp1252", errors="replace"), encoding="utf-8")
    batch = extract_paths([path])
    assert [len(e.tasks) for e in batch.extractions] == [0]
    assert batch.warnings == [
        f"{path}: the text looks like mojibake (Latin letters where Chinese is expected); tasks may be missing",
        "lost.txt: no task found (no responsibility note read)",
    ]


def test_undecodable_bytes_reach_the_extraction_report(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    data = (PLAN_TEXT * 3).encode("gb18030")
    cut = data.index(b"\n") + 1
    (tmp_path / "plan.txt").write_bytes(data[:cut] + b"\xff" + data[cut:])
    report = tmp_path / "report.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "zeren", "extract", str(tmp_path / "plan.txt"), "-o", str(tmp_path / "t.jsonl"),
         "--report", str(report)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert any("undecodable byte sequence" in r["reason"] for r in rows)
