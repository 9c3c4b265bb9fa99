"""Web pages: the main text and real tables, without menus, scripts or footers.

Government portals wrap the article in navigation bars, breadcrumbs, share
buttons and footers, and often lay the whole page out with a one-column
``<table>``. Boilerplate is dropped by tag, by ARIA role, by id/class words
and by link density; a table becomes `` | `` rows only when it holds data
(at least two filled cells in some row and no nested table).
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml import etree

from zeren.loaders.formats.encoding import decode_bytes
from zeren.loaders.formats.grid import Slot, check_row, is_layout, render_rows

__all__ = ["read_html", "html_to_text"]

_DROP_TAGS = frozenset({
    "script", "style", "noscript", "template", "head", "nav", "aside", "iframe", "frame", "frameset",
    "button", "select", "option", "svg", "canvas", "object", "embed", "input", "textarea", "map",
    "audio", "video",
})  # fmt: skip
_BLOCK_TAGS = frozenset({
    "address", "article", "blockquote", "caption", "center", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul", "body", "html",
})  # fmt: skip
_BOILER_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "search", "menu", "menubar", "complementary"}
)
# Words of id/class names that mark page furniture on Chinese and other portals
# (dh/daohang = 导航, weizhi = 位置 breadcrumbs, fenxiang = 分享).
_BOILER_WORDS = re.compile(
    r"(?:^|[^a-z])(?:[a-z]*nav|navbar|navigation|menu|menubar|breadcrumbs?|crumbs?|footer|foot|sidebar|"
    r"share|sharing|fenxiang|copyright|topbar|toolbar|skip|login|search|friendlinks?|banner|advert|ads?|"
    r"comments?|pager|pagination|qrcode|erweima|daohang|dh|weizhi|location|sitemap|bottom)"
    r"(?:$|[^a-z])"
)
# A breadcrumb trail says what it is even when its class name does not (class="position").
_BREADCRUMB_TEXT = re.compile(r"^\s*(?:您(?:现在|当前)?|现在|当前)(?:的|所在)?位置\s*[:：]")
_BREADCRUMB_CHARS = 120  # a trail is a handful of links; longer text is content that opens so
_DOWNLOAD = re.compile(r"\.(?:docx?|xlsx?|pdf|wps|et|zip|rar|ofd)(?:$|[?#])", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.I)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_XML_DECLARATION = re.compile(r"^<\?xml[^>]*\?>")
# lxml parses these (also as &#x1F;) but refuses to have them set: dropped from a moved tail
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SPACES = re.compile(r"[ \t\n\r\f\xa0]+")
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
# A line break between two wide characters is no space (CSS Text 3, segment break rules).
_CJK_BREAK = re.compile(rf"(?<=[{_WIDE}])[ \t\r\f\xa0]*\n[ \t\n\r\f\xa0]*(?=[{_WIDE}])")
_LAYOUT_CELL_CHARS = 3000  # a cell longer than this holds a page, not a datum
_MAIN_TAGS = ("main", "article")
_MIN_MAIN_CHARS = 20  # a shorter <article> is a teaser in a list, not the page's content


def read_html(path: Path) -> str:
    """A .html/.htm file: encoding from a BOM, ``<meta charset>`` or detection."""
    data = path.read_bytes()
    match = _META_CHARSET.search(data[:8192])
    declared = match.group(1).decode("ascii", "replace") if match else None
    return html_to_text(decode_bytes(data, str(path), declared=declared))


def html_to_text(markup: str) -> str:
    """The readable text of a page or a fragment of one, one block a line.

    >>> html_to_text("<nav><a href='/'>首页</a></nav><p>青山县<br>财政局</p><script>x()</script>")
    '青山县\\n财政局'
    >>> html_to_text("<table><tr><td rowspan=2>1</td><td>甲</td></tr><tr><td>乙</td></tr></table>")
    '1 | 甲\\n1 | 乙'
    """
    markup = _XML_DECLARATION.sub("", markup.strip(), count=1)
    try:
        root = lxml.html.document_fromstring(markup)
    except etree.ParserError:  # nothing but whitespace or comments
        return ""
    _drop_boilerplate(root)
    main = _main_element(root)
    lines = _Lines()
    _render(main, lines)
    lines.flush()
    return "\n".join(lines.done)


def _text_len(element: etree._Element) -> int:
    return len("".join(element.itertext()).strip())


def _drop_boilerplate(root: etree._Element) -> None:
    total = max(_text_len(root), 1)
    doomed = []
    for element in root.iter():
        if not isinstance(element.tag, str):  # comments, processing instructions
            doomed.append(element)
            continue
        tag = element.tag.lower()
        if tag in _DROP_TAGS or tag == "footer" or (tag == "header" and not _inside(element, _MAIN_TAGS)):
            doomed.append(element)
            continue
        if tag in ("html", "body"):
            continue
        if element.get("hidden") is not None or _HIDDEN.search(element.get("style", "")):
            doomed.append(element)  # never shown to a reader
            continue
        marked = element.get("role", "").lower() in _BOILER_ROLES or _BOILER_WORDS.search(
            f"{element.get('id', '')} {element.get('class', '')}".lower()
        )
        # The guard keeps an oddly named wrapper that holds most of the page.
        furniture = (marked or _is_link_list(element)) and _text_len(element) < 0.5 * total
        if furniture or _is_breadcrumb(element):
            doomed.append(element)
    for element in doomed:
        _remove(element)


def _is_breadcrumb(element: etree._Element) -> bool:
    """``当前位置：首页 > 信息公开``: a short block opening with the trail's label."""
    text = "".join(element.itertext())
    return len(text.strip()) <= _BREADCRUMB_CHARS and _BREADCRUMB_TEXT.match(text) is not None


def _inside(element: etree._Element, tags: tuple[str, ...]) -> bool:
    return any(isinstance(a.tag, str) and a.tag.lower() in tags for a in element.iterancestors())


def _is_link_list(element: etree._Element) -> bool:
    """Menus and link lists: mostly link text, several links, none a document download."""
    if element.tag not in ("ul", "ol", "dl", "div", "table", "td", "section", "p"):
        return False
    links = element.findall(".//a")
    if len(links) < 3 or any(_DOWNLOAD.search(a.get("href", "")) for a in links):
        return False
    linked = sum(len("".join(a.itertext()).strip()) for a in links)
    return linked >= 0.7 * max(_text_len(element), 1)


def _remove(element: etree._Element) -> None:
    """Remove an element but keep the text that follows it inside its parent."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = _NOT_XML.sub("", (previous.tail or "") + tail)
        else:
            parent.text = _NOT_XML.sub("", (parent.text or "") + tail)
    parent.remove(element)


def _main_element(root: etree._Element) -> etree._Element:
    """``<main>``, ``<article>`` or ``role=main`` when the page marks its content so."""
    marked = [e for e in root.iter(*_MAIN_TAGS) if _text_len(e) >= _MIN_MAIN_CHARS]
    marked += [e for e in root.iterfind(".//*[@role='main']") if _text_len(e) >= _MIN_MAIN_CHARS]
    if not marked:
        return root
    return max(marked, key=_text_len)


class _Lines:
    """Collects inline text and breaks it into lines at block boundaries."""

    def __init__(self) -> None:
        self.done: list[str] = []
        self.prefix = ""  # put before the next line that has text (a list item's number)
        self._parts: list[str] = []

    def add(self, text: str | None) -> None:
        if text:
            self._parts.append(text)

    def flush(self) -> None:
        if not self._parts:
            return
        text = _SPACES.sub(" ", _CJK_BREAK.sub("", "".join(self._parts))).strip()
        self._parts = []
        if text:
            self.done.append(self.prefix + text)
            self.prefix = ""


def _render(element: etree._Element, lines: _Lines) -> None:
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if tag == "br":
        lines.flush()
    elif tag == "table" and _render_table(element, lines):
        pass
    elif tag in _BLOCK_TAGS:
        lines.flush()
        lines.add(element.text)
        number = _list_start(element) if tag == "ol" else None
        for child in element:
            if number is not None and isinstance(child.tag, str) and child.tag.lower() == "li":
                lines.flush()
                lines.prefix = f"{number}."  # the number a browser draws is part of the text read
                number += 1
            _render(child, lines)
        lines.flush()
    else:
        lines.add(element.text)
        for child in element:
            _render(child, lines)
    lines.add(element.tail)


def _list_start(ol: etree._Element) -> int | None:
    """First number of an ordered list; None for lettered or roman ones, left unnumbered."""
    if ol.get("type", "1") != "1":
        return None
    try:
        return int(ol.get("start", "1"))
    except ValueError:
        return 1


def _own_rows(table: etree._Element) -> list[etree._Element]:
    rows = []
    for child in table:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "tr":
            rows.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            rows.extend(c for c in child if isinstance(c.tag, str) and c.tag.lower() == "tr")
    return rows


def _span(cell: etree._Element, name: str, limit: int) -> int:
    try:
        value = int(re.sub(r"\D.*", "", cell.get(name, "1").strip()) or 1)
    except ValueError:
        value = 1
    return min(max(value, 1), limit)


def _cell_text(cell: etree._Element) -> str:
    inner = _Lines()
    inner.add(cell.text)
    for child in cell:
        _render(child, inner)
    inner.flush()
    return " ".join(inner.done)


def _render_table(table: etree._Element, lines: _Lines) -> bool:
    """Write a data table as rows; False leaves a layout table to be read as blocks."""
    rows = _own_rows(table)
    cells = [[c for c in row if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")] for row in rows]
    if any(cell.find(".//table") is not None for row in cells for cell in row):
        return False
    grid: dict[tuple[int, int], Slot] = {}
    for r, row in enumerate(cells):
        c = 0
        for cell in row:
            while (r, c) in grid:
                c += 1
            text = _cell_text(cell)
            if len(text) > _LAYOUT_CELL_CHARS:
                return False
            rowspan, colspan = _span(cell, "rowspan", len(rows) - r), _span(cell, "colspan", 1000)
            check_row(c + colspan, len(grid) + rowspan * colspan)
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[(r + dr, c + dc)] = (id(cell), text)
            c += colspan
    width = max((c + 1 for _, c in grid), default=0)
    slots = [[grid.get((r, c), (None, "")) for c in range(width)] for r in range(len(rows))]
    for r in range(len(slots)):  # trim slots past a row's last cell so short rows pad alike
        while slots[r] and slots[r][-1][0] is None:
            slots[r].pop()
    if is_layout(slots):
        return False
    lines.flush()
    caption = table.find("caption")
    if caption is not None:
        lines.add(_cell_text(caption))
        lines.flush()
    lines.done.extend(render_rows(slots))
    return True
