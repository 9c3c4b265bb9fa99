"""Task status from a supervision ledger (督查督办台账): which measures are done, and when.

A ledger is a table (``.xlsx`` or ``.csv``) a supervision office keeps: one
row per task with the task's text or number, its progress as written
(完成情况/进度) and a completion date (完成时间). :func:`read_ledger` reads it;
:func:`match_ledger` joins each row to one task of the graph; :func:`apply_status`
returns a copy of the graph whose tasks carry:

- ``status``: ``done`` (已完成, 办结, 已落实 …), ``in_progress`` (推进中, 正在 …),
  ``not_started`` (未启动, 尚未 …) or ``reported`` (a note that says neither);
- ``progress``: the progress text as written; ``completed``: the completion
  date (ISO) where one is given; ``status_source``: ``ledger-file:row``.

The status lives in the saved graph (``zeren status import`` rewrites it), so
every later command and both backends see it. A row is matched by a task id
(``task:<doc>:<n>``) if it gives one, else by its text (the most similar task
text, at least :data:`MIN_SIMILARITY`, or a text contained in one task's), else
by its number where exactly one task has it; rows matching nothing are returned
unmatched, never dropped.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

import networkx as nx

from zeren.cells import unsafe_cell
from zeren.errors import LoaderError
from zeren.graph.schema import TASK
from zeren.loaders.deadlines import parse_deadline

__all__ = ["LedgerRow", "read_ledger", "classify", "match_ledger", "apply_status", "MIN_SIMILARITY"]

MIN_SIMILARITY = 0.6
TEXT_HEADERS = (
    "工作任务",
    "重点任务",
    "任务内容",
    "工作内容",
    "具体任务",
    "主要任务",
    "任务",
    "task",
    "text",
)
NUMBER_HEADERS = ("序号", "编号", "任务编号", "number")
ID_HEADERS = ("task_id", "任务ID", "id")
PROGRESS_HEADERS = ("完成情况", "进展情况", "推进情况", "落实情况", "进度", "进展", "progress", "status")
DATE_HEADERS = ("完成时间", "完成日期", "办结时间", "办结日期", "completed")

_DONE = re.compile(r"已完成|已办结|办结|已落实|全面完成|完成$|^完成|done", re.I)
_NOT_DONE = re.compile(r"未完成|未办结|未落实|尚未|未启动|未开始|not started", re.I)
_NOT_STARTED = re.compile(r"未启动|未开始|尚未启动|尚未开展|not started", re.I)
_GOING = re.compile(r"推进中|正在|进行中|部分完成|持续推进|有序推进|in progress", re.I)
_NOT_TEXT = re.compile(r"[\s\W_]+")


@dataclass(frozen=True)
class LedgerRow:
    row: int  # line (csv) or row (xlsx) in the ledger, 1-based, header included
    text: str = ""
    number: str = ""
    task_id: str = ""
    progress: str = ""
    completed: str = ""


def classify(progress: str, completed: str = "") -> str:
    """The status a progress note says.

    >>> [classify(p) for p in ("已完成", "正在推进", "未启动", "完成80%，部分完成", "按计划实施")]
    ['done', 'in_progress', 'not_started', 'in_progress', 'reported']
    >>> classify("", "2024-11-30")
    'done'
    """
    text = progress.strip()
    if _NOT_STARTED.search(text):
        return "not_started"
    if _GOING.search(text):
        return "in_progress"
    if _DONE.search(text) and not _NOT_DONE.search(text):
        return "done"
    if not text and completed:
        return "done"
    return "reported"


def read_ledger(path: str | Path) -> list[LedgerRow]:
    """Rows of a ledger (.xlsx, .csv); a file without a progress column and a task column is refused."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            table = _xlsx_rows(path)
        elif suffix in (".csv", ".tsv", ".txt"):
            raw = path.read_bytes()
            text = raw.decode("utf-8-sig") if not raw.startswith(b"\xff\xfe") else raw.decode("utf-16")
            delimiter = "\t" if suffix == ".tsv" else ","
            table = [[c.strip() for c in r] for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
        else:
            raise LoaderError(str(path), f"a ledger must be .xlsx or .csv, not {suffix or 'no extension'}")
    except OSError as err:
        raise LoaderError(str(path), f"cannot read: {err.strerror or err}") from err
    except UnicodeDecodeError as err:
        raise LoaderError(str(path), "not UTF-8 text (save the ledger as UTF-8 CSV or .xlsx)") from err
    return _rows(path, table)


def _xlsx_rows(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many kinds for a broken file
        raise LoaderError(str(path), f"not a readable .xlsx file ({type(err).__name__})") from err
    try:
        sheet = book.worksheets[0]
        return [[_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _text(value: object) -> str:
    if value is None:
        return ""
    if hasattr(value, "date") and hasattr(value, "isoformat"):  # a datetime cell
        return value.date().isoformat() if hasattr(value, "hour") else value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _column(header: list[str], names: Sequence[str]) -> int | None:
    for name in names:
        for i, cell in enumerate(header):
            if cell.replace(" ", "") == name:
                return i
    for name in names:  # 完成情况（截至11月） and the like
        for i, cell in enumerate(header):
            if name in cell:
                return i
    return None


def _header(path: Path, table: list[list[str]]) -> int:
    """Index of the first row naming a progress column and a task column (a title may come first)."""
    for i, header in enumerate(table):
        if sum(bool(c) for c in header) < 2:  # a title above the table
            continue
        progress = _column(header, PROGRESS_HEADERS)
        task = {_column(header, h) for h in (TEXT_HEADERS, NUMBER_HEADERS, ID_HEADERS)} - {None, progress}
        if progress is not None and task:
            return i
    raise LoaderError(
        str(path), "no header row with a progress column (完成情况/进度) and a task column (工作任务/序号)"
    )


def _rows(path: Path, table: list[list[str]]) -> list[LedgerRow]:
    start = _header(path, table)
    header = table[start]
    progress, date = _column(header, PROGRESS_HEADERS), _column(header, DATE_HEADERS)
    text, number, tid = (_column(header, h) for h in (TEXT_HEADERS, NUMBER_HEADERS, ID_HEADERS))

    def cell(values: list[str], i: int | None) -> str:
        return unsafe_cell(values[i]) if i is not None and i < len(values) else ""

    rows = []
    for no, values in enumerate(table[start + 1 :], start + 2):
        row = LedgerRow(
            no,
            text=cell(values, text),
            number=cell(values, number),
            task_id=cell(values, tid) if cell(values, tid).startswith("task:") else "",
            progress=cell(values, progress),
            completed=_iso(cell(values, date)),
        )
        if row.text or row.number or row.task_id:
            rows.append(row)
    return rows


def _iso(text: str) -> str:
    if not text:
        return ""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    parsed = parse_deadline(text)
    return parsed.end.isoformat() if parsed is not None and parsed.end is not None else ""


def _core(text: str) -> str:
    return _NOT_TEXT.sub("", re.sub(r"^\s*[(（]?\d+[)）.、．]?", "", text))


def match_ledger(
    G: nx.MultiDiGraph, rows: Sequence[LedgerRow], *, min_similarity: float = MIN_SIMILARITY
) -> tuple[dict[str, LedgerRow], list[LedgerRow]]:
    """``({task id: ledger row}, unmatched rows)``; a later row for the same task wins."""
    tasks = {n: a for n, a in G.nodes(data=True) if a.get("kind") == TASK}
    cores = {n: _core(max(str(a.get("text") or "").split(" | "), key=len)) for n, a in tasks.items()}
    by_number: dict[str, list[str]] = {}
    for n, a in tasks.items():
        by_number.setdefault(str(a.get("number") or "").strip("()（）.、"), []).append(n)
    matched: dict[str, LedgerRow] = {}
    unmatched = []
    for row in rows:
        found = _by_id(row, tasks) or _by_text(row, cores, min_similarity) or _by_number(row, by_number)
        if found is None:
            unmatched.append(row)
        else:
            matched[found] = row
    return matched, unmatched


def _by_id(row: LedgerRow, tasks: dict) -> str | None:
    return row.task_id if row.task_id in tasks else None


def _by_text(row: LedgerRow, cores: dict[str, str], min_similarity: float) -> str | None:
    want = _core(row.text)
    if len(want) < 4:
        return None
    inside = [n for n, c in cores.items() if want in c or (len(c) >= 8 and c in want)]
    if len(inside) == 1:
        return inside[0]
    best, score = None, min_similarity
    for n, c in cores.items():
        sm = SequenceMatcher(None, want, c, autojunk=False)
        if sm.real_quick_ratio() >= score and sm.quick_ratio() >= score and sm.ratio() >= score:
            best, score = n, sm.ratio()
    return best


def _by_number(row: LedgerRow, by_number: dict[str, list[str]]) -> str | None:
    found = by_number.get(row.number.strip("()（）.、")) if row.number else None
    return found[0] if found and len(found) == 1 else None


def apply_status(G: nx.MultiDiGraph, matched: dict[str, LedgerRow], source: str) -> nx.MultiDiGraph:
    """A copy of ``G`` whose matched tasks carry ``status``, ``progress``, ``completed``, ``status_source``."""
    H = G.copy()
    for task, row in matched.items():
        H.nodes[task].update(
            status=classify(row.progress, row.completed),
            progress=row.progress or None,
            completed=row.completed or None,
            status_source=f"{source}:{row.row}",
        )
    return H
