"""Render a table as text: one row a line, cells joined by `` | ``.

Every format hands over rows of ``(key, text)`` slots, one per grid column,
where a merged cell fills each slot it spans with the same key. Repeating a
merged cell keeps the columns aligned for the table parser; a row that is one
cell across the whole table (a section heading inside a task table) is written
once.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence

__all__ = [
    "CELL_SEPARATOR",
    "MAX_ROW_SLOTS",
    "MAX_TABLE_SLOTS",
    "Slot",
    "check_row",
    "clean_cell",
    "is_layout",
    "render_rows",
]

# Grid columns a table row may span, and slots a table may hold: a task table has a few
# dozen columns and thousands of rows; a 6 kB file asking for 10^8 slots is a bomb.
MAX_ROW_SLOTS = 1000
MAX_TABLE_SLOTS = 5_000_000

CELL_SEPARATOR = " | "
Slot = tuple[Hashable, str]  # (identity of the cell, its text)
_SPACE = re.compile(r"\s+")


def check_row(width: int, total: int) -> None:
    """Raise LoaderError when a row ``width`` slots wide, or a table of ``total`` slots, is over the caps."""
    from zeren.errors import LoaderError

    if width > MAX_ROW_SLOTS:
        raise LoaderError("", f"a table row spans {width:,} grid columns, over the {MAX_ROW_SLOTS:,} limit")
    if total > MAX_TABLE_SLOTS:
        raise LoaderError("", f"a table holds over {MAX_TABLE_SLOTS:,} cell slots (the limit)")


def clean_cell(text: str) -> str:
    """One line per cell: inner line breaks and runs of spaces become one space.

    >>> clean_cell(" 县财政局\\n 县发展改革局 ")
    '县财政局 县发展改革局'
    """
    return _SPACE.sub(" ", text).strip()


def is_layout(rows: Sequence[Sequence[Slot]]) -> bool:
    """A table with at most one filled cell in every row only boxes text, it is no data table."""
    return all(len({key for key, text in row if text}) <= 1 for row in rows)


def render_rows(rows: Sequence[Sequence[Slot]]) -> list[str]:
    """Lines of a table; rows padded to the widest, empty rows dropped.

    >>> render_rows([[(1, "序号"), (2, "牵头单位")], [(3, "1"), (4, "县财政局")], [(5, "合计"), (5, "合计")]])
    ['序号 | 牵头单位', '1 | 县财政局', '合计']
    """
    width = max((len(row) for row in rows), default=0)
    lines = []
    for row in rows:
        texts = [clean_cell(text) for _, text in row] + [""] * (width - len(row))
        if not any(texts):
            continue
        keys = {key for key, _ in row}
        if len(row) == width and len(keys) == 1:
            lines.append(texts[0])
        else:
            lines.append(CELL_SEPARATOR.join(texts))
    return lines
