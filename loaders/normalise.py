"""Clean decoded text into lines the parsers can trust, keeping original line numbers.

Documents arrive in traditional or simplified script, with pinyin annotations
(``鄉(xiāng)``), full-width punctuation, stray spaces inside words and sentences
broken across lines. Every later step matches patterns on this cleaned text,
so each cleaned line remembers the 1-based line it started on for provenance.

>>> [line.text for line in normalise_text("各鄉(xiāng)鎮（牽頭單位：縣工\\n信商務科技局）")]
['各乡镇(牵头单位:县工信商务科技局)']
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from zeren.loaders.names import is_collective, is_unit
from zeren.loaders.notes import LABEL as NOTE_LABEL
from zeren.loaders.notes import LABEL_GRAMMAR, ROLE_OF_LABEL

__all__ = [
    "Line",
    "normalise_text",
    "clean_line",
    "to_simplified",
    "is_table_line",
    "strip_controls",
    "unflatten_table",
]


@dataclass(frozen=True)
class Line:
    """One cleaned line and the 1-based line of the decoded text where it starts."""

    no: int
    text: str


@lru_cache(maxsize=1)
def _converter():
    import opencc  # imported late: loading its dictionaries costs ~50 ms

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese (OpenCC ``t2s``); other text passes through."""
    return _converter().convert(text)


_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ ]{1,12}\)")
_PINYIN_OPEN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ ]")  # a cheap search before _PINYIN's
# full-width ASCII forms become ASCII; CJK punctuation (、。“”《》) is kept as written
_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH.update({0xFE52: ord("."), 0xFE50: ord(","), 0xFE51: ord("、"), 0xFE54: ord(";"), 0xFE55: ord(":")})
_WIDTH.update(
    {
        0x3000: 0x20,
        0x00A0: 0x20,
        0x3014: ord("("),
        0x3015: ord(")"),
        0x3010: ord("("),
        0x3011: ord(")"),
        0x2002: 0x20,
        0x2003: 0x20,
    }
)
# any character _WIDTH changes: most lines have none and skip the per-character translate
_WIDE = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_WIDTH)) + "]")
_WIDE_CHAR = {chr(wide): chr(narrow) for wide, narrow in _WIDTH.items()}


def _narrow(text: str) -> str:
    """``text.translate(_WIDTH)``, done as one replace per distinct wide character.

    A line holds a few kinds of them (（）：；); translate's per-character lookups cost five times more.
    No replacement is itself a key of ``_WIDTH``, so the order of the replaces does not matter.
    """
    for wide in set(_WIDE.findall(text)):
        text = text.replace(wide, _WIDE_CHAR[wide])
    return text


# every space but a single one between two letters or digits (``GDP 增长`` loses it, ``5G 基站``
# too, ``Wi Fi`` keeps it); each branch opens with the space itself, so the scan jumps from space to space
_SPACES = re.compile(r" (?: +|(?![A-Za-z0-9])|(?<![A-Za-z0-9] ))")
_BOX = re.compile(r"[│┃├┤┼┌┐└┘┬┴─━]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_HEADING = re.compile(
    r"^(第[一二三四五六七八九十]+[章节条部分]|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+[.、]|\(\d+\)|[①-⑳])"
)
_LABEL = re.compile(r"^((牵头|责任|配合|主要|协办|参与|协同|时限|完成|监督)[^:]{0,6}|[\u4e00-\u9fff]{2,5}):")
_TITLE_END = re.compile(
    r"(通知|方案|计划|意见|措施|细则|要点|清单|分解|分工表|分解表|任务表|一览表|决定|办法|规划)$"
)


# control characters (C0 but tab and line breaks, DEL, C1) that copies leave inside names;
# \x1c-\x1e and \x85 would also split lines where the text has no break
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """Text without control characters, so that names stay whole and safe for GraphML and terminals.

    >>> strip_controls("县\x01财政局\x85")
    '县财政局'
    """
    return _CONTROLS.sub("", text)


def is_table_line(text: str) -> bool:
    """A rendered table row: cells joined by ``|``, tabs, or box-drawing rules."""
    return _TABLE_MARK.search(text) is not None


_TABLE_MARK = re.compile(r"[|\t│┃├┤┼┌┐└┘┬┴─━]")  # one scan for what the three tests look for


_UNIT_GAP = re.compile(
    r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,15}) +(?=([\u4e00-\u9fff]{2,15})(?![\u4e00-\u9fff]))"
)


_CJK_GAP = re.compile(r" (?<=[\u4e00-\u9fff] ) *[\u4e00-\u9fff]")


_STANDS_ALONE = re.compile(r"^(各|有关|相关|[省市州县区镇乡]|[\u4e00-\u9fff]{2,8}?[省市州县区镇乡])")


_TAIL_WORDS = ("人民政府", "政府", "办事处", "管委会", "党委", "委员会", "党工委")


def _list_gap(m: re.Match) -> str:
    """A space between two whole unit names separates them (a cell's line break became a space).

    A stray space inside one name (``区委 宣传部``, ``市人力资源社会 保障局``) leaves
    two pieces that each end like a unit; after a name with a level or place, a
    list's next name carries its own.
    """
    left, right = m.group(1), m.group(2)
    if _LABEL_WORD.fullmatch(left):
        return left + ":"  # 责任单位 县交通局: a label whose colon is a space
    if not (is_unit(left) and is_unit(right)):
        return left + " "
    if right in _TAIL_WORDS or _EACH_SHORT.fullmatch(left):
        # 北营镇 人民政府: a government's tail; 各乡 镇人民政府: one collective, not a listing
        return left + " "
    if len(left) <= 2 and not _STANDS_ALONE.match(right):
        return left + " "  # 委组 织部: a two-character stub is the start of a name
    whole = bool(_STANDS_ALONE.match(right)) or not _STANDS_ALONE.match(left)
    return left + ("、" if whole else " ")


# a square-bracketed remark that reads as a note ([A牵头,B配合]); other square brackets
# (footnote marks, markdown links) are left as written
_SQUARE_NOTE = re.compile(
    r"[\[〖﹝]((?:[^\[\]〖〗﹝﹞()]|\([^()]*\))*?(?:牵头|负责|配合|参与|落实|协办|单位|部门|责任|时限)"
    r"(?:[^\[\]〖〗﹝﹞()]|\([^()]*\))*)[\]〗﹞]"
)


_SQUARE_OPEN = re.compile(r"[\[〖﹝]")


# 【牵头单位】A【责任单位】B: a label boxed instead of followed by a colon
_BOXED_LABEL = re.compile(
    r"[【〔\[［]\s*("
    + LABEL_GRAMMAR
    + "|"
    + "|".join(sorted(ROLE_OF_LABEL, key=len, reverse=True))
    + r")\s*[】〕\]］]"
)
# 牵头单位县水务局;责任单位县财政局: a unit label with no colon, directly before a unit name
_BARE_LABEL = re.compile(r"(?:^|(?<=[(\[;,。、]))(" + LABEL_GRAMMAR + r")(?:为|是)?(?=[省市州县区镇乡各])")
# what any label _colon_label changes ends with: a line without it has nothing to change
_BARE_UNIT_LABEL = re.compile(r"(?:单位|部门|科室|处室)(?:为|是)?[省市州县区镇乡各]")
_LABEL_WORD = re.compile(LABEL_GRAMMAR + "|" + "|".join(sorted(ROLE_OF_LABEL, key=len, reverse=True)))
# 。——县交通局牵头 / 。→牵头单位:…: a dash or an arrow before a note is no part of it
_NOTE_DASH = re.compile(r"(?<=[。;,])\s*(?:——|—|→|->)\s*(?=[\u4e00-\u9fff])")
_LEADING_SEMI = re.compile(r"(^|[。;；:：,，(（])\s*;")


_BOX_OPEN = re.compile(r"[【〔\[［]")


def _unbox_labels(text: str) -> str:
    """``【牵头单位】A【责任单位】B`` → ``牵头单位:A;责任单位:B``, as labelled notes are written elsewhere."""
    if not (_BOX_OPEN.search(text) and _BOXED_LABEL.search(text)):
        return text
    return _LEADING_SEMI.sub(r"\1", _BOXED_LABEL.sub(_unbox, text))


def _unbox(m: re.Match) -> str:
    # 县交通局〔牵头〕、县财政局: a box after a name with nothing to label marks that name's role
    after = m.string[m.end() : m.end() + 1]
    before = m.string[m.start() - 1 : m.start()] if m.start() else ""
    if (not after or after in "、,，;；)）。") and _CJK.match(before or " "):
        return f"({m.group(1)})"
    return f";{m.group(1)}:"


_CELL_GAP = re.compile(r" {2,}")


def _space_cells(text: str) -> str:
    """``1    任务    县财政局    年底``: a table rendered with runs of spaces between cells → tab-separated.

    Runs of spaces inside a sentence are rare; three or more cells, two of
    them Chinese, are a table row that lost its tabs or rules.
    """
    if "\t" in text or "|" in text or "  " not in text:
        return text
    cells = _CELL_GAP.split(text.strip(" "))
    if len(cells) < 3 or sum(1 for c in cells if _CJK.search(c)) < 2:
        return text
    return "\t".join(cells)


def _colon_label(m: re.Match) -> str:
    label = m.group(1)
    # a unit label, not a prose subject (牵头单位要…): only kind words that name units take a colon
    return label + ":" if label.endswith(("单位", "部门", "科室", "处室")) else m.group(0)


_PEOPLE_CELL = re.compile(r"[\u4e00-\u9fff]{2,4}(?: [\u4e00-\u9fff]{2,4})+")


def _people(cell: str) -> str:
    """``陈立 周敏``: a cell of short names that are no units held one official a line; keep them apart."""
    bare = cell.strip()
    if " " not in bare:  # one name, or a cell of text: nothing to keep apart
        return cell
    names = bare.split(" ")
    if not _PEOPLE_CELL.fullmatch(bare) or any(is_unit(n) or is_collective(n) for n in names):
        return cell
    return cell.replace(cell.strip(), "、".join(names))


def _split_people(text: str) -> str:
    if ("|" not in text and "\t" not in text) or " " not in text:  # a cell of names has a space
        return text
    parts = _CELL_SPLIT.split(text)
    return "".join(_people(p) if k % 2 == 0 else p for k, p in enumerate(parts))


# what any pass of clean_line but the bare-label one looks for, in one scan: most lines have none
# (one character class first, then what must follow each: the engine skips to candidates by the class)
_CLEAN_CLASS = r" —→【〔\[［〖﹝" + _WIDE.pattern[1:-1]
_CLEAN_TRIGGER = re.compile(
    "["
    + _CLEAN_CLASS
    + r"\-(](?:(?<=["
    + _CLEAN_CLASS
    + r"])|(?<=-)>|(?<=\()"
    + _PINYIN_OPEN.pattern[2:]
    + ")"
)


def clean_line(text: str) -> str:
    """Pinyin annotations dropped, widths unified, note brackets made round, spaces inside Chinese text removed."""
    # each pass runs only where its trigger character is (issue 13: most lines need few of them)
    if _CLEAN_TRIGGER.search(text):
        text = _unbox_labels(text)
        text = _narrow(text)
        text = _split_people(_space_cells(text))
        if _SQUARE_OPEN.search(text):
            text = _SQUARE_NOTE.sub(r"(\1)", text)
        if _PINYIN_OPEN.search(text):
            text = _PINYIN.sub("", text)
        if " " in text:
            if _CJK_GAP.search(text):  # what _UNIT_GAP needs at least; table rows' `` | `` is none
                text = _UNIT_GAP.sub(_list_gap, text)
            text = _SPACES.sub("", text)
        if "—" in text or "→" in text or "->" in text:
            text = _NOTE_DASH.sub("", text)
    if _BARE_UNIT_LABEL.search(text):
        text = _BARE_LABEL.sub(_colon_label, text)
    return text.strip(" \r\n")


_LIST_LABEL = re.compile(r"(?:单位|部门|牵头|配合):")
_LIST_SEP = re.compile(r"[、,;:]")
_NAME_SEP = re.compile(r"[、,;]")
_HEAD_END = re.compile(r"[、,;。]")
_HEAD_END_BRACKET = re.compile(r"[、,;。)\]]")
_SENTENCE_PUNCT = re.compile(r"[。,;]")
_SENTENCE_OR_LABEL = re.compile(r"[。,;:]")
_CELL_SPLIT = re.compile(r"(\||\t)")
_EACH_SHORT = re.compile(r"各[\u4e00-\u9fff]{1,2}")


def _list_cut(prev: str, nxt: str) -> bool:
    """``…配合单位:县住建局、县应急`` / ``管理局``: a labelled list whose last name the break cut in two."""
    if not _LIST_LABEL.search(prev) or not _CJK.match(prev[-1]) or _HEADING.match(nxt):
        return False  # a list closed by a bracket or a full stop is finished
    last = _LIST_SEP.split(prev)[-1]
    head = _HEAD_END_BRACKET.split(nxt, maxsplit=1)[0]
    if last and len(last) <= 2:
        pass  # one or two characters (县, 市委, 各街) start a name more often than they end one
    elif not last or is_unit(last) or is_collective(last):
        return False
    if not head:
        return False
    joined = last + head
    return is_unit(joined) or is_collective(joined)


_RUN_ON_HEAD = re.compile(r"^\s*序号\s")


def unflatten_table(line: str) -> list[str]:
    r"""A whole table flattened into one line (``序号 工作任务 责任分工 完成时限 1 … 2 …``) → one row a line.

    The header is the run of words that name columns; each row runs from its
    number to the next number; a text cell that ends in an unbracketed note
    (``…。A牵头;B配合``) where the row is a cell short gives the note its own cell.

    >>> unflatten_table("序号 工作任务 牵头单位 1 修路。 县交通局 2 建桥。 县住建局")
    ['序号\t工作任务\t牵头单位', '1\t修路。\t县交通局', '2\t建桥。\t县住建局']
    """
    if "序号" not in line or not _RUN_ON_HEAD.match(line):
        return [line]
    from zeren.loaders.tables import NUM, TEXT, column_role  # tables reads normalised lines

    words = line.split()
    header: list[str] = []
    while len(header) < len(words) and column_role(words[len(header)]):
        header.append(words[len(header)])
    roles = [column_role(h) for h in header]
    rest = words[len(header) :]
    if len(header) < 3 or roles[0] != NUM or TEXT not in roles or not rest or rest[0] != "1":
        return [line]
    rows: list[list[str]] = []
    for word in rest:
        if rows and word == str(len(rows) + 1) and len(rows[-1]) >= 2 or not rows:
            rows.append([word])
        else:
            rows[-1].append(word)
    at = roles.index(TEXT)
    for row in rows:
        cut = row[at].rfind("。") if len(row) == len(header) - 1 and at < len(row) else -1
        if 0 < cut < len(row[at]) - 1:
            row[at : at + 1] = [row[at][: cut + 1], row[at][cut + 1 :]]
    return ["\t".join(header)] + ["\t".join(row) for row in rows]


def _wrap_width(lines: list[str]) -> int:
    """The width a hard-wrapped text (a PDF copy) cuts its lines at, or 0 when it is not wrapped."""
    lengths = [len(t) for t in set(lines) if len(t) >= 20 and not is_table_line(t)]
    if len(lengths) < 12:
        return 0
    width, _ = Counter(lengths).most_common(1)[0]
    near = sum(1 for n in lengths if abs(n - width) <= 1)
    return width if near * 2 >= len(lengths) else 0


def _full_line(raw: str, nxt: str, width: int) -> bool:
    """A line filled to the wrap width runs on into the next, whatever its last character."""
    if not width or len(raw) < width - 1 or not nxt or is_table_line(nxt):
        return False
    return not (_HEADING.match(nxt) or _LABEL.match(nxt) or nxt.startswith(("附件", "(")))


def _list_ends_whole(prev: str, nxt: str) -> bool:
    """``配合部门:A、县发展改革局`` / ``社会投资…``: the last name is whole and the next line does not extend it."""
    last = _LIST_SEP.split(prev)[-1]
    head = _HEAD_END.split(nxt, maxsplit=1)[0]
    whole = is_unit(last) or is_collective(last)
    return whole and not (is_unit(last + head) or is_collective(last + head))


def _unit_list(text: str) -> bool:
    """``县财政局、县民政局``: a line that is nothing but whole unit names."""
    if "。" in text or "(" in text:
        return False
    pieces = [p for p in _NAME_SEP.split(text) if p]
    return bool(pieces) and all(is_unit(p) or is_collective(p) for p in pieces)


_TAIL = 200  # how much of a paragraph joined so far decides whether the next line continues it


def _label_cut(prev: str, nxt: str) -> bool:
    """``配合单`` / ``位:县财政局``, or ``责任单位:`` / ``县财政局``: a label cut from its rest or from its value."""
    if prev.endswith(":"):
        return bool(NOTE_LABEL.search(prev[-10:]))
    cut = nxt.find(":", 0, 8)
    return cut > 0 and len(prev) <= 10 and bool(NOTE_LABEL.fullmatch(prev + nxt[: cut + 1]))


def _wraps(prev: str, nxt: str, *, across_blank: bool) -> bool:
    """Whether ``nxt`` continues the sentence ``prev`` was cut in (a wrapped line).

    Short lines and lines that read as unit names are cells of a table written
    one cell a line, not continuations; across a blank line only a paragraph
    that already has a sentence in it is continued. ``prev`` may be a long
    paragraph joined so far: only its last characters are searched, so joining
    stays linear.
    """
    if not nxt:
        return False
    if prev[-1:] in ("。", ")") and not (nxt[0] in "、,;。:)”%+" and len(prev) >= 10):
        # a closed sentence or note (most lines): none of the cut-list, cut-label or mid-sentence
        # tests below can hold, only a line that no sentence starts with continues it
        return False
    tail = prev[-_TAIL:]
    if is_table_line(tail) or is_table_line(nxt):
        return False
    if across_blank and not _SENTENCE_PUNCT.search(tail):
        return False
    if prev[-1:] in ("。", ")"):
        return True  # the test above: the next line starts with what no sentence starts with
    if nxt[0] in "、,;。:)”%+" and len(prev) >= 10:
        return True  # no line starts with these: a hard wrap cut the sentence
    if _list_cut(tail, nxt) or _label_cut(tail, nxt):
        return True
    label_runs_on = _LABEL.match(prev) and len(prev) >= 25 and _CJK.match(prev[-1]) and ":" not in nxt
    if label_runs_on and _CJK.match(nxt[0]) and not (_HEADING.match(nxt) or _TITLE_END.search(nxt)):
        # 责任单位:…、有关直 / 属单位: a labelled list cut by the wrap; a list that ended
        # with a whole unit is followed by a paragraph of its own
        return not _list_ends_whole(tail, nxt)
    if len(nxt) < 8 and not nxt.endswith(("。", ")", ";")):
        return False
    if len(prev) <= _TAIL and _unit_list(prev):
        return False  # a cell listing units (one cell a line): the next line is the next cell
    if _TITLE_END.search(nxt) and not _SENTENCE_OR_LABEL.search(nxt):
        return False  # a title line after a page header
    head = _NAME_SEP.split(nxt, maxsplit=1)[0]
    if "。" not in head and "(" not in head and is_unit(head):
        return False
    if _HEADING.match(nxt) or _LABEL.match(nxt) or nxt.startswith(("附件", "(")):
        return False
    if not (_CJK.match(nxt[0]) or nxt[0] in "“0123456789"):
        return False
    last = prev[-1]
    if last in ",、“(+":
        return len(prev) >= 10
    if not (_CJK.match(last) or last in "”%") or len(prev) < 20 or _TITLE_END.search(tail):
        return False
    # a heading line has no sentence of its own; it is not wrapped into the next line
    return not (len(prev) <= 30 and _HEADING.match(prev) and "。" not in prev)


def normalise_text(text: str) -> list[Line]:
    """Decoded text → cleaned, non-empty lines with broken sentences and names rejoined.

    A line joins the next one when it leaves a bracket open (a note cut by a line
    break) or when it stops mid-sentence at a long line's end, possibly across one
    blank line, as copies from PDF and web pages do.
    """
    raw = to_simplified(strip_controls(text)).splitlines()
    cleaned = [(no, clean_line(row)) for no, line in enumerate(raw, 1) for row in unflatten_table(line)]
    width = _wrap_width([t for _, t in cleaned])
    out: list[Line] = []
    i = 0
    while i < len(cleaned):
        no, line = cleaned[i]
        i += 1
        if not line:
            continue
        note_joins = 0  # a bracket never closed must not swallow the rest of the file
        opened = line.count("(") - line.count(")"), line.count("[") - line.count("]")
        table = is_table_line(line)  # a joined line never gains cells: checked once
        while i < len(cleaned) and not table:
            j = i
            if not cleaned[j][1] and j + 1 < len(cleaned):
                j += 1  # one blank line may sit inside a wrapped paragraph
            nxt = cleaned[j][1]
            note_cut = (
                (opened[0] > 0 or opened[1] > 0)  # the cheap test first: most lines close their brackets
                and j == i
                and nxt
                and not is_table_line(nxt)
                and note_joins < 3
                and not line.endswith("。")  # a note that lost only its ")" is finished
                and not _HEADING.match(nxt)
            )
            if note_cut:
                note_joins += 1
            elif not (
                _wraps(line, nxt, across_blank=j > i)
                or (width and j == i and _full_line(cleaned[i - 1][1], nxt, width))
            ):
                break
            line += nxt
            opened = (
                opened[0] + nxt.count("(") - nxt.count(")"),
                opened[1] + nxt.count("[") - nxt.count("]"),
            )
            i = j + 1
        # an annotation or a square-bracketed note may have been cut by the wrap
        if _PINYIN_OPEN.search(line):
            line = _PINYIN.sub("", line)
        if _SQUARE_OPEN.search(line):
            line = _SQUARE_NOTE.sub(r"(\1)", line)
        out.append(Line(no, line))
    return out
