"""PDF files with a text layer: page text in reading order, ruled tables as rows.

A PDF has lines, not paragraphs: a measure and its responsibility note wrap
over several lines. Lines that run to the right margin are joined with the
next unless that one is indented or starts a new numbered item, so a note is
not cut in two; for the same reason page numbers and running heads or feet
(a first or last line repeated on many pages) are dropped. A PDF with no
characters at all is a scan and is refused.
"""

from __future__ import annotations

import logging
import os
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from statistics import median

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from zeren.errors import LoaderError
from zeren.loaders.formats.grid import Slot, render_rows

__all__ = ["read_pdf", "reflow", "max_pages", "MAX_PAGES", "MAX_INFLATED_BYTES"]

MAX_PAGES = 500  # a plan runs to dozens of pages; ZEREN_MAX_PDF_PAGES raises the cap
MAX_INFLATED_BYTES = 100 * 1024**2  # page content and fonts; images are never inflated
_STREAM = re.compile(rb"stream\r?\n")

BBox = tuple[float, float, float, float]
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_WRAP = re.compile(rf"(?<=[{_WIDE}])\s*\n\s*(?=[{_WIDE}])")
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(
    r"^[-—–－\s]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*(?:/|共)\s*\d{1,4}\s*页?)?[-—–－\s]*$"
)
_ITEM_START = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[(（][一二三四五六七八九十百\d]+[)）]|\d+[.、．]\D|"
    r"第[一二三四五六七八九十百\d]+[章节条部分]|[①-⑳]|附件|\d{4}年\d{1,2}月\d{1,2}日$)"
)


def max_pages() -> int:
    """The page cap: ``ZEREN_MAX_PDF_PAGES`` when set to a positive number, else ``MAX_PAGES``."""
    value = os.environ.get("ZEREN_MAX_PDF_PAGES", "")
    return int(value) if value.isdigit() and int(value) > 0 else MAX_PAGES


def _check_inflated(path: Path) -> None:
    """Refuse a PDF whose compressed streams (images aside) inflate past the cap, before pdfminer does."""
    data = path.read_bytes()
    total = 0
    for match in _STREAM.finditer(data):
        start = match.end()
        head = data[max(0, start - 600) : match.start()]
        head = head[max(head.rfind(b"obj"), 0) :]  # this stream's dictionary
        if b"/Image" in head or b"FlateDecode" not in head:
            continue
        end = data.find(b"endstream", start)
        inflater = zlib.decompressobj()
        chunk = data[start : end if end > 0 else len(data)]
        try:
            while chunk and total <= MAX_INFLATED_BYTES:
                total += len(inflater.decompress(chunk, 1 << 20))
                chunk = inflater.unconsumed_tail
        except zlib.error:
            continue  # damaged: pdfminer will say so
        if total > MAX_INFLATED_BYTES:
            raise LoaderError(
                str(path), f"its streams inflate to over {MAX_INFLATED_BYTES // 1024**2} MB (the limit)"
            )


def read_pdf(path: Path) -> str:
    """A .pdf file: every page's lines and tables, top to bottom."""
    _check_inflated(path)
    with _quiet_pdfminer():
        pages, has_text = _read_pages(path)
    if not has_text:
        raise LoaderError(str(path), "no text layer (scanned PDF?)")
    _drop_running_lines(pages)
    out: list[str] = []
    run: list[dict] = []  # text lines since the last table; a paragraph may cross a page
    for items in pages:
        for item in items:
            if isinstance(item, dict):
                run.append(item)
            else:
                out.extend(reflow(run))
                run = []
                out.extend(item)
    out.extend(reflow(run))
    return "\n".join(out)


def _read_pages(path: Path) -> tuple[list[list[dict | list[str]]], bool]:
    try:
        pdf = pdfplumber.open(path)
    except PdfminerException as err:
        cause = err.args[0] if err.args else err
        if isinstance(cause, PDFPasswordIncorrect):
            raise LoaderError(str(path), "encrypted PDF (a password is needed)") from err
        raise LoaderError(str(path), f"not a readable PDF ({type(cause).__name__}: {cause})") from err
    pages: list[list[dict | list[str]]] = []
    has_text = False
    with pdf:
        limit = max_pages()
        if len(pdf.pages) > limit:
            raise LoaderError(
                str(path),
                f"{len(pdf.pages)} pages, over the {limit}-page limit (set ZEREN_MAX_PDF_PAGES to raise it)",
            )
        for number, page in enumerate(pdf.pages):
            has_text = has_text or bool(page.chars)
            pages.append(_page_items(page, number))
            page.close()  # frees the page's cached layout; long files stay small in memory
    return pages, has_text


@contextmanager
def _quiet_pdfminer() -> Iterator[None]:
    """pdfminer logs every repaired glitch of a damaged PDF; without a handler they reach stderr."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _drop_running_lines(pages: list[list[dict | list[str]]]) -> None:
    """Remove running heads and feet: a first or last line repeated on many pages.

    Left in, they would cut every paragraph that crosses a page.
    """

    def key(item: dict | list[str]) -> str | None:
        return _DIGITS.sub("#", item["text"].strip()) if isinstance(item, dict) else None

    edges: Counter[str] = Counter()
    for items in pages:
        ends = {key(items[0]), key(items[-1])} if items else set()
        edges.update(k for k in ends if k)
    repeated = {k for k, n in edges.items() if n >= max(3, len(pages) // 2)}
    if not repeated:
        return
    for items in pages:
        while items and key(items[0]) in repeated:
            items.pop(0)
        while items and key(items[-1]) in repeated:
            items.pop()


def _inside(obj: dict, boxes: list[BBox]) -> bool:
    x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _page_items(page: pdfplumber.page.Page, number: int) -> list[dict | list[str]]:
    """Text lines (dicts) and tables (lists of row lines) of one page, top to bottom."""
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]
    text_page = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    lines = [dict(line, page=number) for line in text_page.extract_text_lines(return_chars=False)]
    # A bare page number at the foot or head of the page would split a paragraph in two.
    if lines and _PAGE_NUMBER.match(lines[-1]["text"]) and lines[-1]["top"] > 0.8 * page.height:
        lines.pop()
    if lines and _PAGE_NUMBER.match(lines[0]["text"]) and lines[0]["bottom"] < 0.15 * page.height:
        lines.pop(0)
    items: list[tuple[float, int, dict | list[str]]] = [(line["top"], 0, line) for line in lines]
    items += [(table.bbox[1], 1, _table_rows(table)) for table in tables]
    items.sort(key=lambda item: (item[0], item[1]))
    return [payload for _, _, payload in items]


def reflow(lines: list[dict]) -> list[str]:
    """Join wrapped lines into paragraphs (line dicts: text, x0, x1, top, bottom).

    >>> box = dict(x0=0, x1=100, top=0, bottom=10)
    >>> reflow([dict(box, text="加强统筹(牵头单位:县财"), dict(box, x1=30, top=12, bottom=22, text="政局)"),
    ...         dict(box, x1=40, top=24, bottom=34, text="二、保障")])
    ['加强统筹(牵头单位:县财政局)', '二、保障']
    """
    if not lines:
        return []
    left = min(line["x0"] for line in lines)
    right = max(line["x1"] for line in lines)
    size = median(line["bottom"] - line["top"] for line in lines) or 1.0
    paragraphs: list[str] = []
    previous: dict | None = None
    for line in lines:
        text = line["text"].strip()
        if not text:
            continue
        if (
            previous is not None
            and previous["x1"] >= right - 1.5 * size
            and line["x0"] <= left + 0.5 * size
            and (line.get("page") != previous.get("page") or line["top"] - previous["bottom"] < size)
            and not _ITEM_START.match(text)
            and not paragraphs[-1].endswith((")", "）"))  # a responsibility note closes its measure
        ):
            glue = " " if paragraphs[-1][-1:].isascii() and text[:1].isascii() else ""
            paragraphs[-1] = paragraphs[-1] + glue + text
        else:
            paragraphs.append(text)
        previous = line
    return paragraphs


def _cell_key(bbox: BBox | None, cells: list[BBox], slot: BBox) -> BBox | None:
    """The cell owning a grid slot: itself, or the merged cell that covers its centre."""
    if bbox is not None:
        return bbox
    x, y = (slot[0] + slot[2]) / 2, (slot[1] + slot[3]) / 2
    for x0, top, x1, bottom in cells:
        if x0 <= x <= x1 and top <= y <= bottom:
            return (x0, top, x1, bottom)
    return None


def _table_rows(table: pdfplumber.table.Table) -> list[str]:
    texts = table.extract()
    grid_rows = table.rows
    columns = table.columns
    cells = [bbox for row in grid_rows for bbox in row.cells if bbox is not None]
    by_box: dict[BBox, str] = {}
    for row, values in zip(grid_rows, texts, strict=False):
        for bbox, value in zip(row.cells, values, strict=False):
            if bbox is not None:
                by_box[bbox] = _WRAP.sub("", value or "")
    rows: list[list[Slot]] = []
    for r, row in enumerate(grid_rows):
        slots: list[Slot] = []
        for c, bbox in enumerate(row.cells):
            column = columns[c].bbox if c < len(columns) else row.bbox
            slot = (column[0], row.bbox[1], column[2], row.bbox[3])
            key = _cell_key(bbox, cells, slot)
            slots.append((key if key is not None else (r, c), by_box.get(key, "") if key else ""))
        rows.append(slots)
    return render_rows(rows)
