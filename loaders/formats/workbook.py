"""Excel .xlsx workbooks: every sheet as a block of `` | `` rows under its name.

Task lists (任务分解表) are often spreadsheets with merged cells for a shared
lead unit or section. The workbook is opened read-only so a large file
streams; read-only mode does not report merged ranges, so they are read from
the sheet XML in a separate streaming pass and filled from their top-left value.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
from lxml import etree
from openpyxl.utils.cell import range_boundaries

from loaders.formats.archive import check_office_zip
from loaders.formats.grid import Slot, render_rows

__all__ = ["read_xlsx", "format_value"]

_MERGE_TAG = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}mergeCell"
Range = tuple[int, int, int, int]  # min_col, min_row, max_col, max_row (1-based)


def read_xlsx(path: Path) -> str:
    """A .xlsx file: for each sheet with content, its name on a line, then its rows."""
    check_office_zip(path, required="xl/workbook.xml", kind=".xlsx")
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
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
    ranges = []
    with archive.open(part) as source:
        for _, element in etree.iterparse(source, events=("end",), tag=_MERGE_TAG, huge_tree=True):
            ref = element.get("ref")
            if ref and ":" in ref:
                ranges.append(range_boundaries(ref))
            element.clear()
    return ranges


def _sheet_rows(sheet: object, merges: list[Range]) -> list[str]:
    sheet.reset_dimensions()  # a stale <dimension> would cut rows off
    by_row: dict[int, list[Range]] = {}
    for merge in merges:
        for row in range(merge[1], merge[3] + 1):
            by_row.setdefault(row, []).append(merge)
    tops: dict[Range, str] = {}
    rows: list[list[Slot]] = []
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        slots: list[Slot] = [((number, col), format_value(v)) for col, v in enumerate(values, start=1)]
        for merge in by_row.get(number, ()):
            min_col, min_row, max_col, _ = merge
            if number == min_row:
                tops[merge] = slots[min_col - 1][1] if min_col <= len(slots) else ""
            slots.extend(((number, col), "") for col in range(len(slots) + 1, max_col + 1))
            for col in range(min_col, max_col + 1):
                slots[col - 1] = (merge, tops.get(merge, ""))
        while slots and not slots[-1][1]:
            slots.pop()
        if slots:
            rows.append(slots)
    # a margin column left empty on every row is layout, not data
    margin = min((next(i for i, (_, text) in enumerate(row) if text) for row in rows), default=0)
    return render_rows([row[margin:] for row in rows])
