"""Word .docx files: body paragraphs and tables in document order.

Only ``word/document.xml`` (with the numbering and styles parts) is parsed,
with lxml, and walked directly: opening the whole package with python-docx
costs ten times more for the same text. Text in hyperlinks, content controls and tracked
insertions is kept; deleted text, field codes, text boxes and the fallback
copies of drawing objects are not. Automatic list numbers are put back in
front of their paragraphs (``wordnumbering``). Merged cells (``gridSpan``,
``vMerge``) are repeated in every slot they cover.
"""

from __future__ import annotations

import zipfile
from collections.abc import Hashable, Iterator
from pathlib import Path

from lxml import etree

from zeren.loaders.formats.archive import check_office_zip
from zeren.loaders.formats.grid import MAX_ROW_SLOTS, Slot, check_row, is_layout, render_rows
from zeren.loaders.formats.wordnumbering import Numbering

__all__ = ["read_docx", "docx_xml_lines"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _T = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc", f"{_W}t"
_TAB, _BR, _CR, _NO_BREAK_HYPHEN = f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen"
_SKIP = frozenset(
    {
        f"{_W}del",  # tracked deletions
        f"{_W}moveFrom",  # the old place of moved text
        f"{_W}pPr",
        f"{_W}rPr",
        f"{_W}sectPr",
        f"{_W}tblPr",
        f"{_W}tblGrid",
        f"{_W}trPr",
        f"{_W}tcPr",
        f"{_W}instrText",
        f"{_W}txbxContent",  # floating text boxes sit outside the reading order
        "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
    }
)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)


def read_docx(path: Path) -> str:
    """A .docx file as lines: one per paragraph (and soft line break), tables as rows."""
    check_office_zip(path, required="word/document.xml", kind=".docx")
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml")
        # list numbers come from a paragraph's own numPr or from its style
        numbered = b"numPr" in xml or b"pStyle" in xml
        parts = set(archive.namelist()) if numbered else set()
        numbering = Numbering(
            archive.read("word/numbering.xml") if "word/numbering.xml" in parts else None,
            archive.read("word/styles.xml") if "word/styles.xml" in parts else None,
        )
    return "\n".join(docx_xml_lines(xml, numbering))


def docx_xml_lines(xml: bytes, numbering: Numbering | None = None) -> Iterator[str]:
    """The lines of a WordprocessingML main document part."""
    root = etree.fromstring(xml, _PARSER)
    body = root.find(f"{_W}body")
    if body is not None:
        yield from _block_lines(body, numbering or Numbering(None, None))


def _block_lines(container: etree._Element, numbering: Numbering) -> Iterator[str]:
    for child in container:
        if child.tag == _P:
            for line in (numbering.label(child) + _paragraph_text(child)).split("\n"):
                line = line.strip()
                if line:
                    yield line
        elif child.tag == _TBL:
            yield from _table_lines(child, numbering)
        elif child.tag not in _SKIP and isinstance(child.tag, str):
            yield from _block_lines(child, numbering)  # content controls, custom XML wrappers


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


def _rows(tbl: etree._Element) -> Iterator[etree._Element]:
    for child in tbl:
        if child.tag == _TR:
            yield child
        elif child.tag not in _SKIP and isinstance(child.tag, str) and child.tag != _TBL:
            yield from _rows(child)  # rows wrapped in content controls


def _cells(tr: etree._Element) -> Iterator[etree._Element]:
    for child in tr:
        if child.tag == _TC:
            yield child
        elif child.tag not in _SKIP and isinstance(child.tag, str):
            yield from _cells(child)


def _int_prop(parent: etree._Element | None, name: str, default: int) -> int:
    element = parent.find(f"{_W}{name}") if parent is not None else None
    try:
        return max(int(element.get(f"{_W}val")), 0) if element is not None else default
    except (TypeError, ValueError):
        return default


def _table_lines(tbl: etree._Element, numbering: Numbering) -> Iterator[str]:
    if any(tc.find(f".//{_TBL}") is not None for tr in _rows(tbl) for tc in _cells(tr)):
        yield from _cells_as_blocks(tbl, numbering)  # a table holding tables lays out the page
        return
    rows: list[list[Slot]] = []
    cell_lines: dict[Hashable, list[str]] = {}
    total = 0
    for tr in _rows(tbl):
        above = rows[-1] if rows else []
        before = _int_prop(tr.find(f"{_W}trPr"), "gridBefore", 0)
        check_row(before, total)  # before allocating: gridBefore=10^8 would ask for gigabytes
        slots: list[Slot] = [(None, "")] * before
        for tc in _cells(tr):
            props = tc.find(f"{_W}tcPr")
            span = _int_prop(props, "gridSpan", 1) or 1
            check_row(len(slots) + span, total)
            span = min(span, MAX_ROW_SLOTS)
            merge = props.find(f"{_W}vMerge") if props is not None else None
            column = len(slots)
            if merge is not None and merge.get(f"{_W}val", "continue") == "continue" and column < len(above):
                key = above[column][0]  # continues the cell above: same key, same text
            else:
                key = len(cell_lines)  # a serial number: lxml proxies, and so their ids, are reused
                cell_lines[key] = list(_block_lines(tc, numbering))
            slots.extend([(key, " ".join(cell_lines.get(key, ())))] * span)
        total += len(slots)
        rows.append(slots)
    if is_layout(rows):
        for lines in cell_lines.values():  # read once already: list numbers must not count twice
            yield from lines
    else:
        yield from render_rows(rows)


def _cells_as_blocks(tbl: etree._Element, numbering: Numbering) -> Iterator[str]:
    for tr in _rows(tbl):
        for tc in _cells(tr):
            yield from _block_lines(tc, numbering)
