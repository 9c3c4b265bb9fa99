"""Printing query tables: one shared ``--format`` / ``--output`` option set for every table command.

- ``table``: a terminal table that fits the terminal (``COLUMNS`` when piped,
  else unlimited). Numbers keep their full width; text columns are cut with
  ``…``; no column is narrower than its header; columns that do not fit are
  left out, named in a note below the table.
- ``csv`` / ``json``: every column; several tables in one CSV are separated by
  ``# name`` lines.
- ``xlsx``: one sheet per table, bold frozen header, autofilter, column widths
  fitted to the text (CJK characters count double).

Every CSV and xlsx cell from text goes through :func:`zeren.cells.safe_cell`
(no formula ever runs) and xlsx cells are written as strings, never formulas.
Every file is written through :func:`zeren.atomic.atomic_path`: an interrupted
run leaves the previous file or none, never a partial one.
"""

from __future__ import annotations

import functools
import json
import math
import os
import sys
import textwrap
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from zeren.atomic import atomic_path, write_text
from zeren.cells import safe_cell
from zeren.errors import ZerenError
from zeren.safetext import path_text, printable

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "FORMATS",
    "table_output",
    "emit_tables",
    "write_csv",
    "write_jsonl",
    "jsonl_writer",
    "fit_columns",
    "terminal_width",
]

FORMATS = ("table", "csv", "json", "xlsx")
LONG_TEXT_COLUMNS = {
    "text",
    "task_text",
    "target",
    "targets",
    "title",
    "plan",
    "spellings",
    "why",
    "partners_names",
}
WRAPPED_COLUMNS = {"why"}  # sentences to read whole: wrapped, not cut
ID_COLUMNS = ("agency", "task", "leader")  # shown last when a name or text column says the same
_TEXT_FLOOR = 12  # a text column is cut no narrower than this (or its header, if wider)
_XLSX_MAX_WIDTH = 60


def table_output(command: Callable) -> Callable:
    """Add ``--format`` and ``--output`` to a command that returns tables."""

    @click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="Output format; xlsx needs --output.",
    )
    @click.option(
        "--output",
        "-o",
        "output",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write to this file instead of standard output.",
    )
    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return command(*args, **kwargs)

    return wrapper


def _cell(value: object) -> str:
    """A value as terminal text: a control character in a name is shown escaped, never sent raw."""
    if isinstance(value, (list, tuple, set)):
        return printable("、".join(str(v) for v in value))
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""  # a missing value, not the word "nan"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".") if abs(value) < 1e15 else f"{value:g}"
    return printable(str(value))


def _numeric(series: pd.Series) -> bool:
    from pandas.api.types import is_bool_dtype, is_numeric_dtype

    return is_numeric_dtype(series) or is_bool_dtype(series)


def terminal_width() -> int | None:
    """Width to fit: the terminal's, else ``COLUMNS`` when set, else None (no limit when piped)."""
    if sys.stdout.isatty():
        return os.get_terminal_size(sys.stdout.fileno()).columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else None


def fit_columns(df: pd.DataFrame, width: int | None) -> tuple[dict[str, int], list[str]]:
    """Column widths that fit ``width`` (None: natural widths) and the columns left out.

    Numbers keep their natural width; text may be cut to its floor (its header,
    or ``_TEXT_FLOOR`` cells). Columns are kept by priority: the row's label
    (``name`` or ``text``), then numbers, then other text, ids of agencies and
    tasks last when a label is there; they are shown in their own order and the
    long text columns take the space left.
    """
    from rich.cells import cell_len

    cells = {c: [_cell(v) for v in df[c]] for c in df.columns}
    natural = {c: max([cell_len(str(c)), *(cell_len(v) for v in cells[c])]) for c in df.columns}
    floor = {
        c: natural[c] if _numeric(df[c]) else min(natural[c], max(cell_len(str(c)), _TEXT_FLOOR))
        for c in df.columns
    }
    if width is None:
        return natural, []
    has_names = bool({"name", "text"} & set(df.columns))
    label = next((c for c in ("name", "text") if c in df.columns), None)

    def priority(c: str) -> tuple[int, int]:
        # the row's label first, then the figures, then other text; ids last where a label says the same
        rank = 0 if c == label else 3 if has_names and c in ID_COLUMNS else 1 if _numeric(df[c]) else 2
        return rank, list(df.columns).index(c)

    order = sorted(df.columns, key=priority)
    chrome = 1  # the left border; each column adds its padding and right border
    kept: list[str] = []
    for c in order:
        if chrome + sum(floor[k] + 3 for k in kept) + floor[c] + 3 <= width:
            kept.append(c)
    kept = [c for c in df.columns if c in kept]
    widths = {c: floor[c] for c in kept}
    spare = width - chrome - sum(widths[c] + 3 for c in kept)
    for c in sorted(
        kept, key=lambda c: (c != label, c in LONG_TEXT_COLUMNS)
    ):  # the label first, long text last
        grow = min(spare, natural[c] - widths[c])
        widths[c] += grow
        spare -= grow
    return widths, [c for c in df.columns if c not in kept]


def _as_table_text(title: str | None, df: pd.DataFrame) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    width = terminal_width()
    widths, hidden = fit_columns(df, width)
    console = Console(width=width or max(80, sum(widths.values()) + 3 * len(widths) + 1), highlight=False)
    table = Table(title=Text(printable(title)) if title else None)
    for column in widths:
        numeric = _numeric(df[column])
        wrap = column in WRAPPED_COLUMNS
        table.add_column(
            Text(printable(str(column))),
            width=widths[column],
            no_wrap=not wrap,
            overflow="fold" if wrap else "ellipsis",
            justify="right" if numeric and df[column].dtype != bool else "left",
        )
    for row in df[list(widths)].itertuples(index=False):
        table.add_row(*(Text(_cell(v)) for v in row))  # Text: a "[/]" in a name is not rich markup
    console.print(table)
    if hidden:
        note = (
            f"({len(hidden)} column(s) left out at this width: {', '.join(map(str, hidden))}; "
            "--format csv or xlsx has them all)"
        )
        click.echo(textwrap.fill(note, width=width or len(note)))
    if df.empty:
        click.echo("(no rows)")


def _records(df: pd.DataFrame) -> list[dict]:
    return json.loads(df.to_json(orient="records", force_ascii=False, date_format="iso"))


def _safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    return df.apply(lambda col: col.map(safe_cell) if col.dtype == object else col)


def emit_tables(tables: dict[str, pd.DataFrame], fmt: str, output: Path | None) -> None:
    """Print or write one or more named tables in the chosen format."""
    many = len(tables) > 1
    if fmt == "xlsx":
        if output is None:
            raise ZerenError("--format xlsx needs --output FILE.xlsx")
        with _writing(output), atomic_path(output) as tmp:
            write_xlsx(tables, tmp)
        click.echo(f"Wrote {path_text(output)}", err=True)
        return
    if fmt == "json":
        payload = (
            {k: _records(v) for k, v in tables.items()} if many else _records(next(iter(tables.values())))
        )
        text = json.dumps(payload, ensure_ascii=False, indent=1)
    elif fmt == "csv":
        parts = []
        for name, df in tables.items():
            body = _safe_frame(df).to_csv(index=False)
            parts.append(f"# {name}\n{body}" if many else body)
        text = "\n".join(parts)
    else:
        if output is None:
            for name, df in tables.items():
                _as_table_text(name if many else None, df)
            return
        text = "\n\n".join(f"{name}\n{df.to_string(index=False)}" for name, df in tables.items())
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        with _writing(output):
            write_text(output, text if text.endswith("\n") else text + "\n")
        click.echo(f"Wrote {path_text(output)}", err=True)


def write_xlsx(tables: dict[str, pd.DataFrame], path: Path) -> None:
    """One sheet per table: bold frozen header, autofilter, fitted widths; text cells never formulas."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from rich.cells import cell_len

    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for name, df in tables.items():
        sheet = book.create_sheet(_sheet_name(name, used))
        sheet.append([str(c) for c in df.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in df.itertuples(index=False):
            sheet.append([_xlsx_value(v) for v in row])
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # a string, even if it starts with "="
        for i, column in enumerate(df.columns, 1):
            texts = [str(column), *(_cell(v) for v in df[column])]
            width = min(_XLSX_MAX_WIDTH, max(cell_len(t) for t in texts) + 2)
            letter = get_column_letter(i)
            sheet.column_dimensions[letter].width = width
            if column in LONG_TEXT_COLUMNS:
                for cell in sheet[letter][1:]:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "A2"
        if len(df.columns):
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(df.columns))}{max(1, len(df) + 1)}"
    if not tables:
        book.create_sheet("empty")
    book.save(path)


def _xlsx_value(value: object) -> object:
    if isinstance(value, (list, tuple, set)):
        value = "、".join(str(v) for v in value)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):  # numpy scalars → Python numbers
        value = value.item()
    return safe_cell(value)


def _sheet_name(name: str, used: set[str]) -> str:
    """A valid, unique sheet name (31 characters, none of ``[]:*?/\\``)."""
    base = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)[:31] or "table"
    candidate, n = base, 2
    while candidate.lower() in used:
        suffix = f"~{n}"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(candidate.lower())
    return candidate


def write_csv(df: pd.DataFrame, path: Path) -> None:
    """One table as CSV, formula-like text neutralised, written atomically."""
    with _writing(path), atomic_path(path) as tmp:
        _safe_frame(df).to_csv(tmp, index=False)


def write_jsonl(path: Path, rows: Iterable[dict]) -> None:
    """Write dicts as JSON lines, Chinese kept readable."""
    with jsonl_writer(path) as write:
        for row in rows:
            write(row)


@contextmanager
def jsonl_writer(path: Path) -> Iterator[Callable[[dict | str], None]]:
    """A function writing one dict as a JSON line, or text already made of JSON lines as it is;
    the file appears whole on exit, or not at all."""
    from zeren.atomic import atomic_path

    with (
        _writing(path),
        atomic_path(path) as tmp,
        tmp.open("w", encoding="utf-8", errors="backslashreplace") as fh,
    ):

        def write(row: dict | str) -> None:
            fh.write(row if isinstance(row, str) else json.dumps(row, ensure_ascii=False) + "\n")

        yield write


@contextmanager
def _writing(path: Path) -> Iterator[None]:
    """A file the user named that cannot be written is one error line naming it, not a traceback."""
    try:
        yield
    except OSError as err:
        raise ZerenError(f"{path}: cannot write: {err.strerror or err}") from err
