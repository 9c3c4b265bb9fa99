"""Turn the paths a user names into records or a graph, with progress and a failure list.

A saved graph (``.json`` written by ``zeren build``) is loaded as it is; anything
else is read as documents (folders recursively) and built.

An output may not be a file the run reads, nor a folder holding one: ``-o plan.txt``
would overwrite the document, and a view written into a folder of documents would
be read as a document by the next run. Everything printed goes through
``printable``, so a file name's odd bytes or newlines never break a line.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from zeren.errors import LoaderError, ZerenError
from zeren.safetext import path_text, printable

if TYPE_CHECKING:
    import networkx as nx
    from rich.progress import Progress

    from zeren.loaders.inputs import InputFile
    from zeren.loaders.records import Extraction

    Amend = Callable[[Extraction], Extraction]

__all__ = [
    "Loaded",
    "Tally",
    "extract_with_progress",
    "is_saved_graph",
    "load_graph_or_documents",
    "refuse_overwrite",
    "report_failures",
    "resolution_options",
]


def _empty_graph() -> nx.MultiDiGraph:
    import networkx as nx

    return nx.MultiDiGraph()


@dataclass
class Tally:
    """Counts over the documents read, kept when the Extractions themselves are not."""

    documents: int = 0
    notes: int = 0
    tasks: int = 0
    unparsed: int = 0

    def add(self, e: Extraction) -> None:
        self.documents += 1
        self.notes += e.notes_seen
        self.tasks += len(e.tasks)
        self.unparsed += len(e.report)

    @classmethod
    def of(cls, extractions: Iterable[Extraction]) -> Tally:
        tally = cls()
        for e in extractions:
            tally.add(e)
        return tally


@dataclass
class Loaded:
    """What the user's paths gave: records, failed files, warnings, the graph (empty until built), time."""

    extractions: list[Extraction] = field(default_factory=list)
    failures: list[LoaderError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # files read in part, or once for two names
    seconds: float = 0.0
    built: nx.MultiDiGraph | None = None  # made on first use: extracting alone never imports networkx
    tally: Tally | None = None  # set when documents were read

    @property
    def graph(self) -> nx.MultiDiGraph:
        if self.built is None:
            self.built = _empty_graph()
        return self.built

    @graph.setter
    def graph(self, G: nx.MultiDiGraph) -> None:
        self.built = G


def extract_with_progress(
    paths: list[Path],
    *,
    outputs: Iterable[Path | None] = (),
    amend: Amend | None = None,
    keep: Callable[[Extraction], None] | None = None,
    task_lines: bool = False,
) -> Loaded:
    """Extract every document under ``paths``, showing a progress bar on a terminal.

    ``outputs`` are the files (or folders) the command will write: refused if the run reads them.
    ``amend`` (the user's statements about the documents) is applied to each extraction.
    With ``keep``, each Extraction is handed to it in input order and only
    counted, not held, so memory stays flat whatever the corpus size.
    With ``task_lines``, tasks come as ``TaskLines`` (their tasks.jsonl text made by the workers).
    """
    from zeren.loaders.batch import iter_extractions, start_workers_early
    from zeren.loaders.inputs import collect_inputs

    start_workers_early(paths)
    collected = collect_inputs(paths)
    files = collected.files
    refuse_overwrite(outputs, files)
    started = time.perf_counter()
    tally = Tally()
    loaded = Loaded(warnings=list(collected.warnings), tally=tally)
    with _progress_bar(len(files)) as bar:
        job = bar.add_task("", total=len(files))
        for outcome in iter_extractions(files, task_lines=task_lines):
            if outcome.failure is not None:
                loaded.failures.append(outcome.failure)
            elif outcome.extraction is not None:
                extraction = amend(outcome.extraction) if amend else outcome.extraction
                tally.add(extraction)
                if keep is None:
                    loaded.extractions.append(extraction)
                else:
                    keep(extraction)
            loaded.warnings.extend(outcome.warnings)
            bar.update(job, advance=1, description=path_text(outcome.file.path.name))
    loaded.seconds = time.perf_counter() - started
    return loaded


class _NoBar:
    """The part of rich's Progress used here, doing nothing: one file, or no terminal to draw on."""

    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *_: object) -> None:
        return None

    def add_task(self, *_: object, **__: object) -> Any:
        return 0

    def update(self, *_: object, **__: object) -> None:
        return None


def _progress_bar(files: int) -> Progress | _NoBar:
    """A progress bar on standard error when it is a terminal and there are files to count.

    rich is imported only then: it is a fifth of the start-up of extracting one file.
    Piped stdout carries the table and nothing else.
    """
    if files < 2 or not sys.stderr.isatty():
        return _NoBar()
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    return Progress(
        TextColumn("Reading"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        transient=True,
        console=console,
        disable=not console.is_terminal,
    )


def is_saved_graph(paths: Sequence[Path]) -> bool:
    """Whether the paths name one saved graph (a ``.json`` from ``zeren build``), not documents."""
    return len(paths) == 1 and paths[0].suffix.lower() == ".json"


def load_graph_or_documents(
    paths: list[Path],
    *,
    aliases: Path | None = None,
    gazetteer: Path | None = None,
    outputs: Iterable[Path | None] = (),
    amend: Amend | None = None,
) -> Loaded:
    """Load a saved graph when given exactly one ``.json`` file, else extract and build."""
    if is_saved_graph(paths):
        refuse_overwrite(outputs, paths)
        from zeren.graph.io import load_graph

        return Loaded(built=load_graph(paths[0]))
    from zeren.graph.build import build_graph  # with the loaders it needs: not for a saved graph

    loaded = extract_with_progress(paths, outputs=outputs, amend=amend)
    started = time.perf_counter()
    loaded.graph = build_graph(loaded.extractions, **resolution_options(aliases, gazetteer))
    loaded.seconds += time.perf_counter() - started
    return loaded


def resolution_options(aliases: Path | None, gazetteer: Path | None) -> dict:
    """The build's keyword options for a user's agency table and gazetteer; an empty table is refused."""
    options: dict = {}
    if aliases is not None:
        from zeren.graph.aliases import load_overrides

        options["overrides"] = load_overrides(aliases)
    if gazetteer is not None:
        from zeren.graph.gazetteer import Gazetteer

        options["gazetteer"] = Gazetteer.load(gazetteer)
    return options


def refuse_overwrite(outputs: Iterable[Path | None], inputs: Iterable[Path | InputFile]) -> None:
    """Raise ZerenError when an output is a file the run reads, or a folder holding one.

    Compared by file identity (``samefile``), so another spelling, a symlink or a
    hard link to an input is caught too.
    """
    targets = [o for o in outputs if o is not None and o.exists()]
    if not targets:
        return
    files = [i if isinstance(i, Path) else i.path for i in inputs]
    for target in targets:
        folder = target.is_dir()
        for file in files:
            if _same(file, target) or (folder and _inside(file, target)):
                where = f" holds {path_text(file)}, which" if folder else ""
                raise ZerenError(
                    f"output {path_text(target)}{where} is read by this run; choose another output"
                )


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _inside(file: Path, folder: Path) -> bool:
    try:
        return file.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def report_failures(loaded: Loaded) -> None:
    """Print one line per warning and per failed file, and a summary of notes seen vs tasks made."""
    for warning in loaded.warnings:
        click.echo(f"Warning: {printable(warning)}", err=True)
    for failure in loaded.failures:
        click.echo(f"Error: {printable(str(failure))}", err=True)
    tally = loaded.tally or Tally.of(loaded.extractions)
    if tally.documents or loaded.failures:
        click.echo(
            f"{tally.documents} document(s) read, {len(loaded.failures)} failed; "
            f"{tally.notes} responsibility note(s) seen, {tally.tasks} task(s) made, "
            f"{tally.unparsed} reported unparsed.",
            err=True,
        )
