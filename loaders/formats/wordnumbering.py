"""Word's automatic list numbers (``一、``, ``（二）``, ``3.``), which are not in the text runs.

A plan written in Word often numbers its sections and measures with a list
style; the numbers live in ``numbering.xml`` and are computed when the page is
drawn. The task parser needs them (headings, item numbers), so they are
counted here in document order and put back in front of each paragraph.
"""

from __future__ import annotations

from lxml import etree

__all__ = ["Numbering", "format_number"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = f"{_W}val"
_CN = "〇一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def _chinese(n: int) -> str:
    if n < 10:
        return _CN[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, digits in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):  # fmt: skip
        count, n = divmod(n, value)
        out += digits * count
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A counter value in one of Word's number formats.

    >>> [format_number(n, "chineseCounting") for n in (1, 10, 12, 20, 31)]
    ['一', '十', '十二', '二十', '三十一']
    >>> format_number(3, "decimalEnclosedCircle"), format_number(4, "upperRoman"), format_number(2, "lowerLetter")
    ('③', 'IV', 'b')
    """
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital"):  # fmt: skip
        return _chinese(n)
    if fmt.startswith("decimalEnclosedCircle") and 1 <= n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt == "ideographTraditional" and 1 <= n <= len(_STEMS):
        return _STEMS[n - 1]
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n) if fmt == "lowerRoman" else _roman(n).upper()
    if fmt in ("lowerLetter", "upperLetter"):
        return _letters(n) if fmt == "lowerLetter" else _letters(n).upper()
    return str(n)


def _val(element: etree._Element | None, name: str) -> str | None:
    child = element.find(f"{_W}{name}") if element is not None else None
    return child.get(_VAL) if child is not None else None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class Numbering:
    """Counts list numbers through one document; ``label(paragraph)`` gives the next one."""

    def __init__(self, numbering_xml: bytes | None, styles_xml: bytes | None) -> None:
        self._levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId → ilvl → (start, fmt, text)
        self._style_num: dict[str, tuple[str | None, int | None]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        # Parsed on first need: templates carry large numbering and style parts
        # that most plain documents never use.
        self._numbering_xml = numbering_xml if numbering_xml and b"numFmt" in numbering_xml else None
        self._styles_xml = styles_xml if styles_xml and b"numPr" in styles_xml else None
        self._loaded = False

    def _load(self) -> None:
        self._loaded = True
        if self._numbering_xml:
            self._read_numbering(etree.fromstring(self._numbering_xml, _PARSER))
        if self._styles_xml:
            self._read_styles(etree.fromstring(self._styles_xml, _PARSER))

    def _read_numbering(self, root: etree._Element) -> None:
        abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
        for node in root.iter(f"{_W}abstractNum"):
            levels = {}
            for lvl in node.iter(f"{_W}lvl"):
                levels[_int(lvl.get(f"{_W}ilvl"), 0)] = (
                    _int(_val(lvl, "start"), 1),
                    _val(lvl, "numFmt") or "decimal",
                    _val(lvl, "lvlText") or "",
                )
            abstract[node.get(f"{_W}abstractNumId", "")] = levels
        for num in root.iter(f"{_W}num"):
            levels = dict(abstract.get(_val(num, "abstractNumId") or "", {}))
            for override in num.iter(f"{_W}lvlOverride"):
                ilvl = _int(override.get(f"{_W}ilvl"), 0)
                start = _val(override, "startOverride")
                if ilvl in levels and start is not None:
                    levels[ilvl] = (_int(start, 1), *levels[ilvl][1:])
            self._levels[num.get(f"{_W}numId", "")] = levels

    def _read_styles(self, root: etree._Element) -> None:
        based: dict[str, str] = {}
        for style in root.iter(f"{_W}style"):
            sid = style.get(f"{_W}styleId", "")
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            if num_pr is not None:
                self._style_num[sid] = (_val(num_pr, "numId"), _int(_val(num_pr, "ilvl"), 0))
            parent = _val(style, "basedOn")
            if parent:
                based[sid] = parent
        for sid in list(based):  # a style inherits the list of the style it is based on
            seen, current = set(), sid
            while current not in self._style_num and current in based and current not in seen:
                seen.add(current)
                current = based[current]
            if current in self._style_num and sid not in self._style_num:
                self._style_num[sid] = self._style_num[current]

    def label(self, paragraph: etree._Element) -> str:
        """The number Word would draw before ``paragraph`` ('' when none), counting it."""
        ppr = paragraph.find(f"{_W}pPr")
        if ppr is None or self._numbering_xml is None:
            return ""
        num_pr = ppr.find(f"{_W}numPr")
        style = _val(ppr, "pStyle")
        if num_pr is None and (style is None or self._styles_xml is None):
            return ""
        if not self._loaded:
            self._load()
        num_id, ilvl = _val(num_pr, "numId"), _val(num_pr, "ilvl")
        if style in self._style_num:
            style_num, style_lvl = self._style_num[style]
            num_id = num_id or style_num
            ilvl = ilvl if ilvl is not None else str(style_lvl)
        key = num_id or ""
        levels = self._levels.get(key)
        if not levels:
            return ""
        level = _int(ilvl, 0)
        if level not in levels or levels[level][1] in ("bullet", "none"):
            return ""
        counters = self._counters.setdefault(key, {})
        counters[level] = counters.get(level, levels[level][0] - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]  # a new item restarts the levels below it
        text = levels[level][2]
        for k in range(9):
            if f"%{k + 1}" in text:
                start, fmt, _ = levels.get(k, (1, "decimal", ""))
                text = text.replace(f"%{k + 1}", format_number(counters.get(k, start), fmt))
        return text
