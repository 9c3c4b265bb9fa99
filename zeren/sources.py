"""Turn the paths a user names into records or a graph, with progress and a failure list.

A saved graph (``.json`` written by ``zeren build``) is loaded as it is; anything
else is read as documents (folders recursively) and built.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import click
import networkx as nx

from zeren.errors import LoaderError

if TYPE_CHECKING:
    from collections.abc import Callable

    from zeren.loaders.records import Extraction

    Amend = Callable[[Extraction], Extraction]

__all__ = [
    "Loaded",
    "extract_with_progress",
    "load_graph_or_documents",
    "report_failures",
    "resolution_options",
]


@dataclass
class Loaded:
    """What the user's paths gave: records, failed files, the graph (empty until built), time taken."""

    extractions: list[Extraction] = field(default_factory=list)
    failures: list[LoaderError] = field(default_factory=list)
    graph: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)
    seconds: float = 0.0


def extract_with_progress(paths: list[Path], amend: Amend | None = None) -> Loaded:
    """Extract every document under ``paths``, showing a progress bar on a terminal.

    ``amend`` (the user's statements about the documents) is applied to each extraction.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from zeren.loaders.batch import extract_paths
    from zeren.loaders.inputs import collect_files

    files = collect_files(paths)
    started = time.perf_counter()
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
        batch = extract_paths(files, progress=lambda p: bar.update(job, advance=1, description=Path(p).name))
    extractions = [amend(e) for e in batch.extractions] if amend else batch.extractions
    return Loaded(extractions, list(batch.failures), seconds=time.perf_counter() - started)


def load_graph_or_documents(
    paths: list[Path],
    *,
    aliases: Path | None = None,
    gazetteer: Path | None = None,
    amend: Amend | None = None,
) -> Loaded:
    """Load a saved graph when given exactly one ``.json`` file, else extract and build."""
    from zeren.graph.build import build_graph

    if len(paths) == 1 and paths[0].suffix.lower() == ".json":
        from zeren.graph.io import load_graph

        return Loaded(graph=load_graph(paths[0]))
    loaded = extract_with_progress(paths, amend)
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
    if loaded.extractions or loaded.failures:
        notes = sum(e.notes_seen for e in loaded.extractions)
        tasks = sum(len(e.tasks) for e in loaded.extractions)
        unparsed = sum(len(e.report) for e in loaded.extractions)
        click.echo(
            f"{len(loaded.extractions)} document(s) read, {len(loaded.failures)} failed; "
            f"{notes} responsibility note(s) seen, {tasks} task(s) made, {unparsed} reported unparsed.",
            err=True,
        )
