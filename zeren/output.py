"""Printing query tables: one shared ``--format`` / ``--output`` option set for every table command."""

from __future__ import annotations

import functools
import json
import math
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from zeren.errors import ZerenError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FORMATS", "table_output", "emit_tables", "write_jsonl", "jsonl_writer"]

FORMATS = ("table", "csv", "json", "xlsx")
LONG_TEXT_COLUMNS = {"text", "task_text", "target", "targets", "title", "plan", "spellings"}


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
    if isinstance(value, (list, tuple, set)):
        return "、".join(str(v) for v in value)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""  # a missing value, not the word "nan"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _as_table_text(title: str | None, df: pd.DataFrame) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not console.is_terminal:
        # piped output: no wrapping into a narrow default width
        console = Console(width=1000)
    table = Table(title=title)
    for column in df.columns:
        long_text = column in LONG_TEXT_COLUMNS
        table.add_column(str(column), overflow="fold" if long_text else "ellipsis", no_wrap=not long_text)
    for row in df.itertuples(index=False):
        table.add_row(*(_cell(v) for v in row))
    console.print(table)
    if df.empty:
        click.echo("(no rows)")


def _records(df: pd.DataFrame) -> list[dict]:
    return json.loads(df.to_json(orient="records", force_ascii=False, date_format="iso"))


def emit_tables(tables: dict[str, pd.DataFrame], fmt: str, output: Path | None) -> None:
    """Print or write one or more named tables in the chosen format."""
    many = len(tables) > 1
    if fmt == "xlsx":
        import pandas as pd

        if output is None:
            raise ZerenError("--format xlsx needs --output FILE.xlsx")
        with _writing(output), pd.ExcelWriter(output) as writer:
            for name, df in tables.items():
                df.to_excel(writer, sheet_name=name[:31], index=False)
        click.echo(f"Wrote {output}", err=True)
        return
    if fmt == "json":
        payload = (
            {k: _records(v) for k, v in tables.items()} if many else _records(next(iter(tables.values())))
        )
        text = json.dumps(payload, ensure_ascii=False, indent=1)
    elif fmt == "csv":
        parts = []
        for name, df in tables.items():
            body = df.to_csv(index=False)
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
            output.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        click.echo(f"Wrote {output}", err=True)


def write_jsonl(path: Path, rows: Iterable[dict]) -> None:
    """Write dicts as JSON lines, Chinese kept readable."""
    with jsonl_writer(path) as write:
        for row in rows:
            write(row)


@contextmanager
def jsonl_writer(path: Path) -> Iterator[Callable[[dict], None]]:
    """A function writing one dict as a JSON line; the file appears whole on exit, or not at all."""
    from zeren.atomic import atomic_path

    with _writing(path), atomic_path(path) as tmp, tmp.open("w", encoding="utf-8") as fh:

        def write(row: dict) -> None:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")

        yield write


@contextmanager
def _writing(path: Path) -> Iterator[None]:
    """A file the user named that cannot be written is one error line naming it, not a traceback."""
    try:
        yield
    except OSError as err:
        raise ZerenError(f"{path}: cannot write: {err.strerror or err}") from err
