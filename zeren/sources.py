"""Turn the paths a user names into records or a graph, with progress and a failure list.

A saved graph (``.json`` written by ``zeren build``) is loaded as it is; anything
else is read as documents (folders recursively) and built.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import click

from zeren.errors import LoaderError

if TYPE_CHECKING:
    import networkx as nx

    from zeren.loaders.records import Extraction

__all__ = [
    "Loaded",
    "extract_with_progress",
    "load_graph_or_documents",
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
    """What the user's paths gave: records, failed files, the graph (empty until built), time taken."""

    extractions: list[Extraction] = field(default_factory=list)
    failures: list[LoaderError] = field(default_factory=list)
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


def extract_with_progress(paths: list[Path], keep: Callable[[Extraction], None] | None = None) -> Loaded:
    """Extract every document under ``paths``, showing a progress bar on a terminal.

    With ``keep``, each Extraction is handed to it in input order and only
    counted, not held, so memory stays flat whatever the corpus size.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from zeren.loaders.batch import iter_extractions
    from zeren.loaders.inputs import collect_files

    files = collect_files(paths)
    started = time.perf_counter()
    tally = Tally()
    loaded = Loaded(tally=tally)
    with Progress(
        TextColumn("Reading"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        transient=True,
        disable=len(files) < 2,
    ) as bar:
        job = bar.add_task("", total=len(files))
        for f, outcome in iter_extractions(files):
            if isinstance(outcome, LoaderError):
                loaded.failures.append(outcome)
            else:
                tally.add(outcome)
                if keep is None:
                    loaded.extractions.append(outcome)
                else:
                    keep(outcome)
            bar.update(job, advance=1, description=f.path.name)
    loaded.seconds = time.perf_counter() - started
    return loaded


def load_graph_or_documents(
    paths: list[Path], *, aliases: Path | None = None, gazetteer: Path | None = None
) -> Loaded:
    """Load a saved graph when given exactly one ``.json`` file, else extract and build."""
    from zeren.graph.build import build_graph

    if len(paths) == 1 and paths[0].suffix.lower() == ".json":
        from zeren.graph.io import load_graph

        return Loaded(built=load_graph(paths[0]))
    loaded = extract_with_progress(paths)
    started = time.perf_counter()
    loaded.graph = build_graph(loaded.extractions, **resolution_options(aliases, gazetteer))
    loaded.seconds += time.perf_counter() - started
    return loaded


def resolution_options(aliases: Path | None, gazetteer: Path | None) -> dict:
    options: dict = {}
    if aliases is not None:
        from zeren.graph.aliases import load_overrides

        options["overrides"] = load_overrides(aliases)
    if gazetteer is not None:
        from zeren.graph.gazetteer import Gazetteer

        options["gazetteer"] = Gazetteer.load(gazetteer)
    return options


def report_failures(loaded: Loaded) -> None:
    """Print one line per failed file and a summary of notes seen vs tasks made."""
    for failure in loaded.failures:
        click.echo(f"Error: {failure}", err=True)
    tally = loaded.tally or Tally.of(loaded.extractions)
    if tally.documents or loaded.failures:
        click.echo(
            f"{tally.documents} document(s) read, {len(loaded.failures)} failed; "
            f"{tally.notes} responsibility note(s) seen, {tally.tasks} task(s) made, "
            f"{tally.unparsed} reported unparsed.",
            err=True,
        )
