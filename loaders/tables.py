"""Task tables in any text rendering → rows of cells with each column's role.

Readers render tables in several ways, and copied documents add their own:
one row a line with cells joined by ``|`` or tabs; one cell a line ending in
`` |``; one cell a line with no marker at all; box-drawing grids with merged
cells. Each is turned into the same shape — a header naming the columns, then
rows of cells, with section rows (``一、…行动``) and repeated headers set apart —
so that one function maps a row to its roles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from zeren.loaders.normalise import Line

__all__ = ["Row", "Table", "find_tables", "column_role", "header_roles", "OTHER"]

NUM, TEXT, LEAD, RESP, SUP, LEADER, TIME = "num", "text", "lead", "resp", "sup", "leader", "time"
OTHER = "other"  # a known column that holds no role (备注, 完成情况): kept in the row's text

_BOX_SEP = re.compile(r"[│┃├┤┼┌┐└┘┬┴┣┫╋┏┓┗┛┳┻]")
_BOX = re.compile(r"[│┃├┤┼┌┐└┘┬┴─━┣┫╋┏┓┗┛┳┻]")
_RULE = re.compile(r"^[─━\-]+$")
_SECTION = re.compile(r"^([一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十]+)")
_NUMBER = re.compile(r"^\d{1,4}[.、]?$")
_CN_NUMBER = re.compile(r"^(\(?[一二三四五六七八九十]+\)?|[一二三四五六七八九十]+、)$")


def _num(text: str) -> int:
    return int(text.rstrip(".、"))


_WS = re.compile(r"\s")
_HEADER_REMARK = re.compile(r"\([^()]*\)$")
_DIGIT = re.compile(r"\d")
_LEADER_HEADER = re.compile(r"(责任人|负责人|联系人|牵头人)$")
_OVERSEER_HEADER = re.compile(r"评分|统计|考核|报送|审核|监测|评价|数据来源|督查|督办")
_UNIT_KIND = re.compile(r"单位|部门|科室")
_UNIT_KIND_ANY = re.compile(r"单位|部门|科室|处室")
_TIME_HEADER = re.compile(r"时限|时间|节点|进度安排|完成期限")
_SUPPORT_HEADER = re.compile(r"配合|协同|协办|参与|协作")
_RESP_HEADER = re.compile(r"责任|主体|承办|实施|主办|主责|负责")
_RESP_KIND = re.compile(r"单位|部门|科室|处室|主体|分工")
_TEXT_HEAD = re.compile(r"(任务|内容|措施|举措|指标|项目|事项|工程|要点)$")
_REMARK_HEADER = re.compile(r"备注|说明|情况|进展|考核|分值|佐证|依据")
_TEXT_HEADER = re.compile(r"任务|工作|内容|举措|措施|项目|工程|名称|类别|事项|目标|要点|指标|要求")
_FIGURE_HEADER = re.compile(r"标准|成效|资金|金额|投资|规模|地点|备案")


@lru_cache(maxsize=8192)
def column_role(header: str) -> str | None:
    """What a column holds, from its header text (``牵头单位`` → lead); None if not a task column."""
    h = _WS.sub("", header)
    h = _HEADER_REMARK.sub("", h) or h  # 责任单位(牵头单位列第一位): the remark is no part of the role
    if not h or len(h) > 12 or _SECTION.match(h) or _DIGIT.search(h):
        return None
    if h in ("序号", "编号", "序"):
        return NUM
    if h in ("单位", "计量单位", "单位名称"):
        return OTHER  # the unit of a figure (%, 万人), or a list of units with no role
    if "领导" in h or _LEADER_HEADER.search(h):
        return LEADER
    # a department that scores, counts or receives reports is not a party to the task
    if _OVERSEER_HEADER.search(h) and _UNIT_KIND.search(h):
        return OTHER
    if _TIME_HEADER.search(h):
        return TIME
    if "牵头" in h and _UNIT_KIND_ANY.search(h):
        return LEAD
    if _SUPPORT_HEADER.search(h):
        return SUP
    if _RESP_HEADER.search(h) and _RESP_KIND.search(h):
        return RESP
    if _TEXT_HEAD.search(h):
        return TEXT  # the head word decides: 考核指标 names what is done, not who scores it
    if _REMARK_HEADER.search(h):
        return OTHER
    if _TEXT_HEADER.search(h):
        return TEXT
    if _FIGURE_HEADER.search(h):
        return OTHER
    return None


def header_roles(cells: list[str]) -> list[str | None] | None:
    """A row's column roles when it is a header row: every cell names a column, some a unit."""
    roles = []
    for cell in cells:
        role = column_role(cell)
        if role is None and cell:
            return None  # a cell that names no column: a body row, known at its first such cell
        roles.append(role)
    named = [r for c, r in zip(cells, roles, strict=True) if c]
    if len(named) < 3:
        return None
    if not ({LEAD, RESP} & set(named)) or TEXT not in named:
        return None
    return roles


@dataclass
class Row:
    """One table row: where it starts, its cells, and the section row above it."""

    no: int
    cells: list[str]
    section: str = ""
    number: str = ""


@dataclass
class Table:
    """A task table found in the text: lines [start, end) of the cleaned lines."""

    start: int
    end: int
    roles: list[str | None]
    rows: list[Row] = field(default_factory=list)
    skipped: list[tuple[int, str, str]] = field(default_factory=list)  # (line, reason, text)
    first_leads: bool = False  # the header says the first-named unit leads (牵头单位列第一位)


_FIRST_NAMED = re.compile(r"(第一|首)位?[^,;。)]{0,6}为?牵头|牵头[^,;。)]{0,4}(列|排|居)(第一|首)位?")


def _declares_first(cells: list[str]) -> bool:
    return any(_FIRST_NAMED.search(c) for c in cells)


def _is_box(text: str) -> bool:
    return bool(_BOX.search(text))


_CELL_SEP = re.compile(r"\||\t")


def _pipe_cells(text: str) -> list[str]:
    cells = [c.strip() for c in _CELL_SEP.split(text)]
    if len(cells) > 1 and text.startswith("|") and text.endswith("|"):
        cells = cells[1:-1]  # markdown style: | a | b |
    return cells


def _single_cell(text: str) -> bool:
    return text.endswith("|") and text.count("|") == 1 and "\t" not in text


_KIND_WORD = re.compile(r"单位|部门|科室|处室|领导|时限|时间|内容|任务|事项")


def _broken_head(text: str, nxt: str) -> bool:
    """``配合`` then ``单位``: the next line finishes this header word, so it is not a cell yet."""
    return (
        bool(_KIND_WORD.fullmatch(nxt))
        and column_role(text + nxt) is not None
        and not _KIND_WORD.search(text)
    )


def _merge_header(cells: list[tuple[int, str]], start: int) -> tuple[list[str], int] | None:
    """Read header cells from a cell stream at ``start``; words split over lines are rejoined."""
    header: list[str] = []
    i = start
    while i < len(cells):
        text = cells[i][1]
        joins = header and _KIND_WORD.fullmatch(text) and not _KIND_WORD.search(header[-1])
        if joins and column_role(header[-1] + text):
            header[-1] += text  # 配合 / 单位: a header word broken across lines
            i += 1
            continue
        if column_role(text) and not (i + 1 < len(cells) and _broken_head(text, cells[i + 1][1])):
            header.append(text)
            i += 1
            continue
        merged = False
        for k in (2, 3):
            joined = "".join(c for _, c in cells[i : i + k])
            if i + k <= len(cells) and column_role(joined):
                header.append(joined)
                i += k
                merged = True
                break
        if not merged:
            break
    if header_roles(header) is None:
        return None
    return header, i


def _stream_rows(cells: list[tuple[int, str]]) -> tuple[Table | None, int]:
    """One cell a line: header, then rows started by consecutive numbers in the 序号 column."""
    found = None
    for s in range(min(len(cells), 40)):
        found = _merge_header(cells, s)
        if found:
            break
    if not found:
        return None, 0
    header, i = found
    roles = header_roles(header) or []
    ncols = len(header)
    table = Table(cells[s][0], 0, roles, first_leads=_declares_first(header))
    has_num = roles[0] == NUM
    section = ""
    while i < len(cells):
        no, text = cells[i]
        again = _merge_header(cells, i)
        if again and header_roles(again[0]) != roles:
            return table, i  # one table right after another: the next one starts here
        if again:
            i = again[1]
            continue
        if _SECTION.match(text) and not _NUMBER.match(text):
            section = text
            i += 1
            continue
        if has_num and not _NUMBER.match(text):
            break
        j = _row_end(cells, i, ncols, has_num)
        row = _fit(cells[i:j], roles)
        table.rows.append(Row(no, _align(row, roles), section, text if has_num else ""))
        i = j
    return table, i


def _row_end(cells: list[tuple[int, str]], i: int, ncols: int, has_num: bool) -> int:
    """Where the row starting at ``i`` ends in a one-cell-a-line stream.

    A row runs to the next consecutive number; a cell may wrap onto two lines
    (more cells than columns) and a figure cell may equal the next number, so
    of the places the next number appears, the one nearest the header's width
    wins.
    """
    text = cells[i][1]
    stops: list[int] = []
    j = i + 1
    while j < len(cells) and j - i < 2 * ncols:
        nxt = cells[j][1]
        # numbers may skip (3 → 68) or restart under a new section: any number may start a row
        if has_num and _NUMBER.match(nxt) and j - i >= 3:
            stops.append(j)
        elif (_SECTION.match(nxt) and not _NUMBER.match(nxt) and j - i >= 3) or _merge_header(cells, j):
            stops.append(j)
            break
        j += 1
    if not stops:
        return min(len(cells), i + ncols)

    def fit(k: int) -> tuple[int, bool, int]:
        follows = _NUMBER.match(cells[k][1]) is not None and _num(cells[k][1]) == _num(text) + 1
        return abs(k - i - ncols), not follows, k

    return min(stops, key=fit)


def _fit(row: list[tuple[int, str]], roles: list[str | None]) -> list[str]:
    """A row with more cells than columns had a text cell wrap: the surplus joins the first text column."""
    cells = [c for _, c in row]
    extra = len(cells) - len(roles)
    if extra <= 0 or TEXT not in roles:
        return _align(cells, roles)
    at = roles.index(TEXT)
    return cells[:at] + ["".join(cells[at : at + extra + 1])] + cells[at + extra + 1 :]


def _align(cells: list[str], roles: list[str | None]) -> list[str]:
    """Fit a row with missing (merged) cells to the header: number first, the rest from the right."""
    n = len(roles)
    if len(cells) >= n:
        return cells[:n]
    if roles and roles[0] == NUM and cells:
        rest = cells[1:]
        return [cells[0]] + [""] * (n - 1 - len(rest)) + rest
    return [""] * (n - len(cells)) + cells


def _has_cells(text: str) -> bool:
    return "|" in text or "\t" in text


def _merge_roles(first: list[str | None], second: list[str | None]) -> list[str | None]:
    """Two header rows (``责任单位`` over ``牵头单位 | 配合单位``): the more specific role wins."""
    if len(first) != len(second):
        return second
    return [
        b if b not in (None, RESP) or a in (None, RESP) else a for a, b in zip(first, second, strict=True)
    ]


def _rejoin_rows(lines: list[Line], ncols: int) -> list[tuple[int, list[str]]]:
    """Rows a line break cut in two (``1 | 推进…工程`` / ``和桥梁施工。 | 县交通局 | …``) made whole.

    A row short of the header's width whose cells and the next line's make it
    exactly, the next not opening a row of its own (a number, a section), was
    one row: the cut cell's two halves join.
    """
    out: list[tuple[int, list[str]]] = []
    for line in lines:
        cells = _pipe_cells(line.text)
        if out and len(cells) > 1:
            no, prev = out[-1]
            opens = _NUMBER.match(cells[0]) or _SECTION.match(cells[0]) or _CN_NUMBER.match(cells[0])
            if len(prev) > 1 and len(prev) + len(cells) - 1 == ncols and not opens:
                out[-1] = (no, [*prev[:-1], prev[-1] + cells[0], *cells[1:]])
                continue
        out.append((line.no, cells))
    return out


_MD_RULE_CELL = re.compile(r":?-{2,}:?")


def _row_tables(lines: list[Line], start: int) -> tuple[Table | None, int]:
    """One row a line (``a | b | c`` or tab-separated), header anywhere, section rows between.

    A row that is one cell across the table (a section heading) comes without
    separators; it belongs to the table when a row with cells follows it.
    """
    i = start
    roles = None
    first = False
    while i < len(lines) and _has_cells(lines[i].text) and roles is None:
        roles = header_roles(_pipe_cells(lines[i].text))
        first = roles is not None and _declares_first(_pipe_cells(lines[i].text))
        i += 1
    while roles is not None and i < len(lines) and _has_cells(lines[i].text):
        more = header_roles(_pipe_cells(lines[i].text))
        if more is None:
            break
        roles = _merge_roles(roles, more)
        first = first or _declares_first(_pipe_cells(lines[i].text))
        i += 1
    end = i
    while end < len(lines):
        text = lines[end].text
        if _has_cells(text) or (
            end + 1 < len(lines) and _has_cells(lines[end + 1].text) and len(text) <= 80 and roles is not None
        ):
            end += 1
        else:
            break
    if roles is None:
        return None, end
    table = Table(lines[start].no, 0, roles, first_leads=first)
    section = ""
    for no, cells in _rejoin_rows(lines[i:end], len(roles)):
        line = Line(no, " | ".join(cells))
        if header_roles(cells) or all(_MD_RULE_CELL.fullmatch(c) for c in cells if c):
            continue  # a repeated header, or markdown's |---|---| rule
        filled = [c for c in cells if c]
        if len(set(filled)) == 1 and (_SECTION.match(filled[0]) or len(cells) < len(roles)):
            section = filled[0]
            continue
        units = [c for c, r in zip(cells, roles, strict=False) if r in (LEAD, RESP, SUP) and c]
        if roles[0] == NUM and cells and _CN_NUMBER.match(cells[0]) and not units:
            # 一 | 党建引领 |  |  : a section row written in cells
            head = cells[0] + ("、" if cells[0][-1] not in "、)" else "")
            section = head + "".join(c for c in cells[1:] if c)
            continue
        # the renderer pads rows to the table's width; a shorter row lost its blank tail
        cells = (cells + [""] * len(roles))[: max(len(roles), len(cells))]
        number = cells[0] if roles[0] == NUM else ""
        table.rows.append(Row(line.no, cells, section, number))
    return table, end


def _box_table(lines: list[Line], start: int) -> tuple[Table | None, int]:
    """A box-drawing grid: each column's text runs until a rule crosses that column."""
    end = start
    while end < len(lines) and _is_box(lines[end].text):
        end += 1
    grid = []
    for line in lines[start:end]:
        parts = _BOX_SEP.split(line.text)
        grid.append((line.no, [p.strip() for p in parts[1:-1]] if len(parts) > 2 else []))
    ncols = max((len(c) for _, c in grid), default=0)
    blocks: list[list[str]] = [[""] for _ in range(ncols)]
    fine: list[tuple[int, list[int]]] = []
    open_row = False
    for no, cells in grid:
        if len(cells) != ncols:
            open_row = False  # a frame line (┌──┐) or a line of another shape closes the row
            for col in range(ncols):
                blocks[col].append("")
            continue
        rules = [bool(_RULE.match(c)) for c in cells]
        if any(rules):
            for col, is_rule in enumerate(rules):
                if is_rule:
                    blocks[col].append("")
            open_row = False
            continue
        if not open_row:
            fine.append((no, [len(b) - 1 for b in blocks]))
            open_row = True
        for col, text in enumerate(cells):
            blocks[col][-1] += text
    closed = bool(grid) and not open_row
    rows = [(no, [blocks[c][ids[c]] for c in range(ncols)]) for no, ids in fine]
    roles = None
    table = None
    for k, (_no, cells) in enumerate(rows):
        found = header_roles(cells)
        if found:
            roles = found
            table = Table(lines[start].no, 0, roles, first_leads=_declares_first(cells))
            body = rows[k + 1 :]
            if not closed and body:
                last_no, last = body.pop()
                table.skipped.append((last_no, "table ends mid-row (the copy is cut off)", " | ".join(last)))
            section = ""
            for no, cells in body:
                filled = [c for c in cells if c]
                if len(filled) == 1 and _SECTION.match(filled[0]):
                    section = filled[0]
                    continue
                table.rows.append(Row(no, cells, section, cells[0] if roles[0] == NUM else ""))
            break
    return table, end


def _bare_stream(lines: list[Line], start: int) -> tuple[Table | None, int]:
    cells = [(line.no, line.text) for line in lines[start : start + 400]]
    table, used = _stream_rows(cells)
    return table, start + used


def find_tables(lines: list[Line]) -> list[Table]:
    """Every task table among the cleaned lines, with the range of lines it covers."""
    tables: list[Table] = []
    i = 0
    plain_until = 0  # lines already found to hold no task table
    while i < len(lines):
        text = lines[i].text
        table, end = None, i + 1
        if i < plain_until:
            pass
        elif _is_box(text):
            table, end = _box_table(lines, i)
        elif _single_cell(text):
            j = i
            while j < len(lines) and _single_cell(lines[j].text):
                j += 1
            cells = [(line.no, line.text[:-1].strip()) for line in lines[i:j]]
            table, used = _stream_rows(cells)
            end = j
        elif _has_cells(text):
            table, end = _row_tables(lines, i)
        elif ("序" in text or "编" in text) and column_role(text) == NUM:  # 序号, 编号: the cheap test first
            table, end = _bare_stream(lines, i)
            end = max(end, i + 1)
        if table is None:
            # not a task table: its lines stay prose, where notes inside them are still read
            plain_until, end = max(plain_until, end), i + 1
        else:
            table.start, table.end = i, end
            tables.append(table)
        i = max(end, i + 1)
    return tables
