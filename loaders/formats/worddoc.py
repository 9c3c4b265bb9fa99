"""Word .docx files: body paragraphs and tables in document order.

The XML is walked directly (through python-docx's parsed tree) so text in
hyperlinks, content controls and tracked insertions is kept, deleted text and
the fallback copies of drawing objects are not, and a merged cell is known by
its ``w:tc`` element.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.table import Table
from lxml import etree

from loaders.formats.archive import check_office_zip
from loaders.formats.grid import Slot, is_layout, render_rows

__all__ = ["read_docx"]

_P, _TBL, _TC, _T = qn("w:p"), qn("w:tbl"), qn("w:tc"), qn("w:t")
_TAB, _BR, _CR = qn("w:tab"), qn("w:br"), qn("w:cr")
_NO_BREAK_HYPHEN, _SECT_PR = qn("w:noBreakHyphen"), qn("w:sectPr")
_SKIP = frozenset(
    {
        qn("w:del"),  # tracked deletions
        qn("w:pPr"),
        qn("w:rPr"),
        qn("w:instrText"),
        qn("w:txbxContent"),  # floating text boxes sit outside the reading order
        "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
    }
)


def read_docx(path: Path) -> str:
    """A .docx file as lines: one per paragraph (and soft line break), tables as rows."""
    check_office_zip(path, required="word/document.xml", kind=".docx")
    document = docx.Document(str(path))
    body = document.element.body
    return "\n".join(_block_lines(body, document))


def _block_lines(container: etree._Element, parent: object) -> Iterator[str]:
    for child in container:
        if child.tag == _P:
            for line in _paragraph_text(child).split("\n"):
                line = line.strip()
                if line:
                    yield line
        elif child.tag == _TBL:
            yield from _table_lines(child, parent)
        elif child.tag != _SECT_PR and child.tag not in _SKIP:
            yield from _block_lines(child, parent)  # content controls, custom XML wrappers


def _paragraph_text(paragraph: etree._Element) -> str:
    parts: list[str] = []

    def walk(element: etree._Element) -> None:
        for child in element:
            tag = child.tag
            if tag == _T:
                parts.append(child.text or "")
            elif tag == _TAB:
                parts.append("\t")
            elif tag in (_BR, _CR):
                parts.append("\n")
            elif tag == _NO_BREAK_HYPHEN:
                parts.append("-")
            elif tag not in _SKIP and isinstance(tag, str):
                walk(child)

    walk(paragraph)
    return "".join(parts)


def _cell_text(tc: etree._Element, parent: object) -> str:
    return " ".join(_block_lines(tc, parent))


def _table_lines(tbl: etree._Element, parent: object) -> Iterator[str]:
    if tbl.find(f".//{_TC}//{_TBL}") is not None:
        yield from _cells_as_blocks(tbl, parent)  # a table holding tables lays out the page
        return
    table = Table(tbl, parent)
    texts: dict[etree._Element, str] = {}
    rows: list[list[Slot]] = []
    for row in table.rows:
        slots: list[Slot] = [(None, "")] * row.grid_cols_before
        for cell in row.cells:
            tc = cell._tc  # the merged cell's own element, the same for each slot it spans
            if tc not in texts:
                texts[tc] = _cell_text(tc, parent)
            slots.append((tc, texts[tc]))
        rows.append(slots)
    if is_layout(rows):
        yield from _cells_as_blocks(tbl, parent)
    else:
        yield from render_rows(rows)


def _cells_as_blocks(tbl: etree._Element, parent: object) -> Iterator[str]:
    for tr in tbl.iterchildren(qn("w:tr")):
        for tc in tr.iterchildren(_TC):
            yield from _block_lines(tc, parent)
