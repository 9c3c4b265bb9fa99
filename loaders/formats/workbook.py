"""Excel .xlsx workbooks: every sheet as a block of `` | `` rows under its name.

Task lists (任务分解表) are often spreadsheets with merged cells for a shared
lead unit or section. The workbook is opened read-only so a large file
streams; read-only mode does not report merged ranges, so they are read from
the sheet XML in a separate streaming pass and filled from their top-left value.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import openpyxl
from openpyxl.utils.cell import range_boundaries

from zeren.loaders.formats.archive import check_office_zip
from zeren.loaders.formats.grid import MAX_ROW_SLOTS, Slot, check_row, render_rows

if TYPE_CHECKING:
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

__all__ = ["read_xlsx", "format_value"]

_MERGE = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref=[\"']([A-Z]{1,3}[0-9]+:[A-Z]{1,3}[0-9]+)[\"']"
)
_CHUNK = 4 * 1024**2
Range = tuple[int, int, int, int]  # min_col, min_row, max_col, max_row (1-based)


def read_xlsx(path: Path) -> str:
    """A .xlsx file: for each sheet with content, its name on a line, then its rows."""
    check_office_zip(path, required="xl/workbook.xml", kind=".xlsx")
    handle = path.open("rb")  # a handle, not a name: openpyxl refuses names not ending .xlsx (.et)
    try:
        with warnings.catch_warnings():  # "extension not supported" notes: about features we do not read
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except BaseException:
        handle.close()
        raise
    lines: list[str] = []
    try:
        with zipfile.ZipFile(path) as archive:
            for sheet in workbook.worksheets:
                if not hasattr(sheet, "iter_rows"):  # chartsheets hold no cells
                    continue
                # read-only sheets know their XML part only by this attribute
                merges = _merged_ranges(archive, sheet._worksheet_path)
                rows = _sheet_rows(sheet, merges)
                if rows:
                    lines.append(sheet.title)
                    lines.extend(rows)
    finally:
        workbook.close()
        handle.close()
    return "\n".join(lines)


def format_value(value: object) -> str:
    """A cell value as the sheet shows it, without float noise or midnight times.

    >>> format_value(3.0), format_value(0.1 + 0.2), format_value(dt.datetime(2024, 4, 30))
    ('3', '0.3', '2024-04-30')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.15g}"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value).strip()


def _merged_ranges(archive: zipfile.ZipFile, part: str) -> list[Range]:
    """Merged ranges of one sheet, found by scanning its XML bytes in chunks.

    ``<mergeCell ref="A1:B2"/>`` elements follow all the cells, so parsing the
    XML to reach them would build (and keep) a tree of the whole sheet.
    """
    ranges = []
    tail = b""
    with archive.open(part) as source:
        while chunk := source.read(_CHUNK):
            data = tail + chunk
            end = 0
            for match in _MERGE.finditer(data):
                ranges.append(range_boundaries(match.group(1).decode("ascii")))
                end = match.end()
            tail = data[max(end, len(data) - 200) :]  # a tag cut by the chunk boundary
    return ranges


def _sheet_rows(sheet: ReadOnlyWorksheet, merges: list[Range]) -> list[str]:
    sheet.reset_dimensions()  # a stale <dimension> would cut rows off
    # merges by first row; each is active until its last row, and covers only the cells
    # rows really have: a whole-column merge (A1:A1048576) costs what the sheet's rows cost
    pending = sorted(merges, key=lambda m: m[1], reverse=True)
    active: list[Range] = []
    tops: dict[Range, str] = {}
    rows: list[list[Slot]] = []
    total = width = 0
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        while pending and pending[-1][1] <= number:
            active.append(pending.pop())
        active = [m for m in active if m[3] >= number]
        # a plain cell is known by its column (small ints cost no memory), a merged one by its range
        slots: list[Slot] = [(col, format_value(v)) for col, v in enumerate(values, start=1)]
        width = max(width, next((i for i in range(len(slots), 0, -1) if slots[i - 1][1]), 0))
        for merge in active:
            min_col, min_row, max_col, _ = merge
            if number == min_row:
                tops[merge] = slots[min_col - 1][1] if min_col <= len(slots) else ""
            max_col = min(max_col, MAX_ROW_SLOTS)  # cut to the real width below
            slots.extend((col, "") for col in range(len(slots) + 1, max_col + 1))
            for col in range(min_col, max_col + 1):
                slots[col - 1] = (merge, tops.get(merge, ""))
        while slots and not slots[-1][1]:
            slots.pop()
        total += len(slots)
        check_row(len(slots), total)
        if slots:
            rows.append(slots)
    rows = [row[:width] for row in rows]  # a merge reaching past every real cell adds nothing
    # a margin column left empty on every row is layout, not data
    margin = min((next(i for i, (_, text) in enumerate(row) if text) for row in rows), default=0)
    return render_rows([row[margin:] for row in rows])
