"""Legacy binary Office and Kingsoft files: ``.xls``/``.et`` through xlrd, ``.doc``/``.wps``/RTF through LibreOffice.

A BIFF workbook (Excel 97–2003, and Kingsoft ``.et``, which writes the same
format) is read with xlrd, a small pure-Python reader, merged ranges and all.
Word 97–2003 documents (and Kingsoft ``.wps``, a Word-format compound file)
have no well-kept Python reader that keeps tables, so LibreOffice converts
them to ``.docx`` in a private temporary folder and the ``.docx`` reader lays
them out: text and tables in order, exactly as for a ``.docx``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from zeren.errors import LoaderError
from zeren.loaders.formats.grid import Slot, render_rows
from zeren.loaders.formats.workbook import format_value

__all__ = ["read_xls", "read_doc", "read_rtf", "soffice", "MAX_SHEET_CELLS", "CONVERT_SECONDS"]

MAX_SHEET_CELLS = 2_000_000  # a task table has thousands; millions are a bomb, not a plan
CONVERT_SECONDS = 120
INSTALL_HINT = "install LibreOffice (apt-get install libreoffice-writer-nogui)"


def read_xls(path: Path) -> str:
    """A BIFF .xls/.et workbook: each sheet's name, then its rows, merged cells repeated."""
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    except NotImplementedError:  # formatting_info is not implemented for some BIFF versions
        book = xlrd.open_workbook(str(path), on_demand=True)
    lines: list[str] = []
    try:
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            if sheet.nrows * sheet.ncols > MAX_SHEET_CELLS:
                raise LoaderError(
                    str(path),
                    f"sheet '{sheet.name}' has {sheet.nrows} x {sheet.ncols} cells, over the {MAX_SHEET_CELLS:,} limit",
                )
            rows = _sheet_rows(sheet, book.datemode)
            if rows:
                lines.append(sheet.name)
                lines.extend(rows)
            book.unload_sheet(index)
    finally:
        book.release_resources()
    return "\n".join(lines)


def _value(sheet, row: int, col: int, datemode: int) -> str:  # type: ignore[no-untyped-def]
    import xlrd

    cell = sheet.cell(row, col)
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return format_value(xlrd.xldate_as_datetime(cell.value, datemode))
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return format_value(cell.value)
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return format_value(bool(cell.value))
    if cell.ctype in (xlrd.XL_CELL_ERROR, xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    return format_value(cell.value)


def _sheet_rows(sheet, datemode: int) -> list[str]:  # type: ignore[no-untyped-def]
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    for rlo, rhi, clo, chi in getattr(sheet, "merged_cells", ()):
        # clipped to the sheet's real cells: a whole-column merge covers no more than they do
        for r in range(rlo, min(rhi, sheet.nrows)):
            for c in range(clo, min(chi, sheet.ncols)):
                owner[(r, c)] = (rlo, clo)
    rows: list[list[Slot]] = []
    for r in range(sheet.nrows):
        slots: list[Slot] = []
        for c in range(sheet.ncols):
            top = owner.get((r, c), (r, c))
            slots.append((top, _value(sheet, *top, datemode) if top[0] < sheet.nrows else ""))
        while slots and not slots[-1][1]:
            slots.pop()
        if slots:
            rows.append(slots)
    margin = min((next(i for i, (_, text) in enumerate(row) if text) for row in rows), default=0)
    return render_rows([row[margin:] for row in rows])


def soffice() -> str | None:
    """The LibreOffice program, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_doc(path: Path) -> str:
    """A Word 97-2003 (or Kingsoft .wps) compound file, through LibreOffice."""
    return _via_libreoffice(path, kind=".doc")


def read_rtf(path: Path) -> str:
    """An RTF file (often saved as .doc), through LibreOffice."""
    return _via_libreoffice(path, kind="RTF")


def _via_libreoffice(path: Path, *, kind: str) -> str:
    """Convert a Word-format file (``.doc``, ``.wps``, RTF) to .docx with LibreOffice and read that."""
    from zeren.loaders.formats.worddoc import read_docx

    program = soffice()
    if program is None:
        raise LoaderError(str(path), f"reading {kind} files needs LibreOffice: {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="zeren-convert-") as work:
        folder = Path(work)
        # LibreOffice picks its import filter by content; the name only needs a plain suffix
        source = folder / ("input.rtf" if kind == "RTF" else "input.doc")
        shutil.copyfile(path, source)
        command = [
            program,
            f"-env:UserInstallation={folder.joinpath('profile').as_uri()}",  # no clash with a running LibreOffice
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(folder),
            str(source),
        ]
        env = dict(os.environ, HOME=str(folder))
        try:
            subprocess.run(command, capture_output=True, timeout=CONVERT_SECONDS, env=env, check=False)
        except subprocess.TimeoutExpired as err:
            raise LoaderError(str(path), f"LibreOffice took over {CONVERT_SECONDS} s to convert it") from err
        converted = folder / "input.docx"
        if not converted.exists():
            raise LoaderError(str(path), f"LibreOffice could not convert this {kind} file (damaged?)")
        return read_docx(converted)
