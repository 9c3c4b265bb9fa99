"""The ``zeren`` command: a thin click layer over the library.

Each command parses its options, calls one library function and prints. Library
errors (``ZerenError``) become one ``Error: …`` line and a non-zero exit.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from zeren import __version__
from zeren.errors import ZerenError
from zeren.output import emit_tables, jsonl_writer, table_output, write_jsonl
from zeren.sources import (
    Loaded,
    extract_with_progress,
    load_graph_or_documents,
    report_failures,
    resolution_options,
)

if TYPE_CHECKING:
    import pandas as pd

    from zeren.loaders.records import Extraction

__all__ = ["cli", "main"]

F = TypeVar("F", bound=Callable[..., Any])

PATHS = click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
SOURCES = click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
ALIASES = click.option(
    "--aliases",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Agency table (from 'zeren agencies') whose corrections the build honours.",
)
GAZETTEER = click.option(
    "--gazetteer",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Extra gazetteer JSON merged over the bundled one.",
)
BACKEND = click.option(
    "--backend",
    type=click.Choice(["networkx", "neo4j"]),
    default="networkx",
    show_default=True,
    help="Run the saved query on the embedded graph or on Neo4j (NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD).",
)
NEO4J_OPTIONS = [
    click.option("--uri", envvar="NEO4J_URI", help="Bolt URI of the server [env NEO4J_URI]."),
    click.option(
        "--user",
        envvar="NEO4J_USER",
        help="User name [env NEO4J_USER]; the password comes only from NEO4J_PASSWORD.",
    ),
    click.option("--database", default=None, help="Database name (default: the server's default)."),
]


def output_option(help: str, *, folder: bool = False) -> Callable[[F], F]:
    """The required ``-o/--output`` of a command that writes a file (or a folder)."""
    kind = click.Path(file_okay=not folder, dir_okay=folder, path_type=Path)
    return click.option("-o", "--output", required=True, type=kind, help=help)


def neo4j_options(command: F) -> F:
    for option in reversed(NEO4J_OPTIONS):
        command = option(command)
    return command


class Failed(Exception):
    """Some files of a batch failed; the rest was written."""


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="zeren")
def cli() -> None:
    """Read Chinese government plans into a graph of who is responsible for what.

    \b
    Example:
      zeren extract plans/ -o tasks.jsonl --agencies agencies.jsonl
      zeren build plans/ -o graph.json
      zeren workload graph.json
    """


def _finish(loaded: Loaded) -> None:
    report_failures(loaded)
    if loaded.failures:
        raise Failed


def _graph(sources: tuple[Path, ...], aliases: Path | None = None, gazetteer: Path | None = None) -> Loaded:
    if not sources:
        raise ZerenError("name a saved graph (.json) or documents/folders to read")
    loaded = load_graph_or_documents(list(sources), aliases=aliases, gazetteer=gazetteer)
    if loaded.extractions or loaded.failures:
        report_failures(loaded)
    return loaded


@cli.command()
@PATHS
@output_option("tasks.jsonl to write.")
@click.option(
    "--agencies",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write agencies.jsonl (name → canonical unit).",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the parse report (notes that became no task) as JSON lines.",
)
@ALIASES
@GAZETTEER
def extract(paths, output, agencies, report_path, aliases, gazetteer):
    """Extract tasks from documents into tasks.jsonl (the scorer's format).

    \b
    Example:
      zeren extract ../shared/corpus/seeds -o tasks.jsonl --agencies agencies.jsonl --report report.jsonl
    """
    from contextlib import ExitStack

    from zeren.loaders.export import report_row, task_row

    options = resolution_options(aliases, gazetteer) if agencies else {}
    names: dict[tuple[str, str], dict] = {}
    with ExitStack() as files:
        write_task = files.enter_context(jsonl_writer(output))
        write_report = files.enter_context(jsonl_writer(report_path)) if report_path else None

        def keep(e: Extraction) -> None:
            # written as each document arrives, in input order: nothing held but agency names
            for t in e.tasks:
                write_task(task_row(t))
            for r in e.report:
                if write_report is not None:
                    write_report(report_row(r))
                else:
                    click.echo(f"Unparsed: {r.path}:{r.line}: {r.reason}", err=True)
            if agencies:
                from zeren.graph.aliases import agency_rows

                for row in agency_rows([e], **options):
                    names.setdefault((row["doc"], row["name"]), row)

        loaded = extract_with_progress(list(paths), keep)
    if agencies:
        write_jsonl(agencies, (names[k] for k in sorted(names)))
    _finish(loaded)


@cli.command()
@PATHS
@output_option("Graph file to write (.json); .graphml/.gexf export for Gephi.")
@ALIASES
@GAZETTEER
def build(paths, output, aliases, gazetteer):
    """Build the responsibility graph from documents and save it.

    \b
    Example:
      zeren build ../shared/corpus/seeds -o graph.json
      zeren build plans/ -o graph.graphml
    """
    from zeren.graph.io import export_graph, save_graph

    loaded = load_graph_or_documents(list(paths), aliases=aliases, gazetteer=gazetteer)
    G = loaded.graph
    if output.suffix.lower() == ".json":
        save_graph(G, output)
    else:
        export_graph(G, output)
    kinds: dict[str, int] = {}
    for _, data in G.nodes(data=True):
        kinds[data.get("kind", "?")] = kinds.get(data.get("kind", "?"), 0) + 1
    summary = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    click.echo(
        f"Wrote {output}: {summary}; {G.number_of_edges()} edges; read and built in {loaded.seconds:.2f} s",
        err=True,
    )
    _finish(loaded)


@cli.command()
@click.argument("graph_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@output_option(".graphml, .gexf or .json")
def export(graph_file, output):
    """Export a saved graph for Gephi or other tools.

    \b
    Example:
      zeren export graph.json -o graph.gexf
    """
    from zeren.graph.io import export_graph, load_graph

    export_graph(load_graph(graph_file), output)
    click.echo(f"Wrote {output}", err=True)


@cli.command()
@SOURCES
@output_option("Agency table to write (TSV), to review and correct.")
@ALIASES
@GAZETTEER
def agencies(sources, output, aliases, gazetteer):
    """List every unit with its spellings in an editable table.

    Correct merges or splits in the file and pass it to later builds with --aliases.

    \b
    Example:
      zeren agencies plans/ -o agencies.tsv
      zeren build plans/ --aliases agencies.tsv -o graph.json
    """
    from zeren.graph.aliases import write_agency_table

    loaded = _graph(sources, aliases, gazetteer)
    write_agency_table(loaded.graph, output)
    click.echo(f"Wrote {output}", err=True)


@cli.command("queries")
def list_queries():
    """List the saved queries with a one-line description.

    \b
    Example:
      zeren queries
    """
    from zeren.queries import QUERIES

    for name, entry in QUERIES.items():
        click.echo(f"{name:20} {entry[0]}")


def _run(
    name: str,
    loaded: Loaded | None,
    backend: str,
    uri: str | None,
    user: str | None,
    database: str | None,
    **params: Any,
) -> pd.DataFrame:
    from zeren.queries import run_query

    if backend == "neo4j":
        from zeren.graph.neo4j_store import connect

        driver = connect(uri=uri, user=user)
        try:
            return run_query(name, driver, backend="neo4j", database=database, **params)
        finally:
            driver.close()
    assert loaded is not None, "the networkx backend reads a graph the caller loaded"
    return run_query(name, loaded.graph, backend="networkx", **params)


def _query_source(
    sources: tuple[Path, ...], backend: str, aliases: Path | None, gazetteer: Path | None
) -> Loaded | None:
    if backend == "neo4j":
        if sources:
            raise ZerenError("with --backend neo4j the graph comes from the server; name no files")
        return None
    return _graph(sources, aliases, gazetteer)


def _query_command(
    name: str, doc: str, extra_options: Sequence[Callable[[F], F]] = (), *, group: bool = False
) -> click.Command:
    """Make a table command for one saved query, or for a group of them (queries.GROUPS)."""

    def command(sources, fmt, output, backend, uri, user, database, aliases, gazetteer, **params):
        from zeren.queries import GROUPS

        loaded = _query_source(sources, backend, aliases, gazetteer)
        params = {k: v for k, v in params.items() if v is not None}
        names = GROUPS[name] if group else [name.replace("-", "_")]
        tables = {n: _run(n, loaded, backend, uri, user, database, **_params_for(n, params)) for n in names}
        emit_tables(tables, fmt, output)
        if loaded is not None and loaded.failures:
            raise Failed

    command.__doc__ = doc
    command.__name__ = name.replace("-", "_")
    for option in reversed(extra_options):
        command = option(command)
    command = GAZETTEER(ALIASES(neo4j_options(BACKEND(table_output(SOURCES(command))))))
    return cli.command(name)(command)


@cli.command("query")
@click.argument("name")
@SOURCES
@click.option(
    "-p", "--param", "pairs", multiple=True, metavar="KEY=VALUE", help="A query parameter; repeatable."
)
@table_output
@BACKEND
@neo4j_options
@ALIASES
@GAZETTEER
def query(name, sources, pairs, fmt, output, backend, uri, user, database, aliases, gazetteer):
    """Run any saved query by name (see 'zeren queries'), with its parameters.

    \b
    Example:
      zeren query brokers graph.json
      zeren query deadline_pileups graph.json -p min_tasks=3 --format csv
    """
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise ZerenError(f"--param takes KEY=VALUE, not {pair!r}")
        params[key.replace("-", "_")] = value
    loaded = _query_source(sources, backend, aliases, gazetteer)
    emit_tables({name: _run(name, loaded, backend, uri, user, database, **params)}, fmt, output)
    if loaded is not None and loaded.failures:
        raise Failed


def _params_for(query: str, params: dict[str, Any]) -> dict[str, Any]:
    import inspect

    from zeren.queries import QUERIES

    accepted = inspect.signature(QUERIES[query][1]).parameters
    return {k: v for k, v in params.items() if k in accepted}


_query_command(
    "workload",
    """Agency workload: tasks led and supported, weighted load, overload flag.

    \b
    Example:
      zeren workload graph.json
      zeren workload ../shared/corpus/seeds --level county --format csv -o workload.csv
      zeren workload --backend neo4j --format json
    """,
    [
        click.option("--plan", help="Only tasks of this plan (title)."),
        click.option("--doc", help="Only tasks of this document (id)."),
        click.option("--level", help="Only agencies of this level (province, prefecture, county, …)."),
        click.option("--jurisdiction", help="Only agencies of this jurisdiction (e.g. 武定县)."),
        click.option("--lead-weight", type=float, help="Weight of a led task in the load."),
        click.option("--support-weight", type=float, help="Weight of a supported task in the load."),
        click.option("--due-from", help="Start of the due window (YYYY-MM-DD)."),
        click.option("--due-to", help="End of the due window (YYYY-MM-DD)."),
    ],
)
_query_command(
    "leader-workload",
    """Lead officials' workload: tasks led and plans touched.

    \b
    Example:
      zeren leader-workload graph.json
    """,
)
_query_command(
    "hotspots",
    """Shared-responsibility hotspots: crowded tasks, several leads, agency pairs, brokers, deadline pile-ups.

    \b
    Example:
      zeren hotspots graph.json --top 10
    """,
    [click.option("--top", type=int, help="Rows per table.")],
    group=True,
)
_query_command(
    "gaps",
    """Coverage gaps: no lead, only vague collectives, no deadline, idle units, missing plans, untargeted goals.

    \b
    Example:
      zeren gaps ../shared/corpus/seeds
    """,
    group=True,
)
_query_command(
    "agency",
    """Everything about one unit: its tasks by role, partners, deadlines, plans and spellings.

    \b
    Example:
      zeren agency graph.json --agency 武定县财政局
    """,
    [click.option("--agency", "agency", required=True, help="Agency id or name.")],
)
_query_command(
    "compare",
    """Two documents side by side: units that gained or lost load, tasks in both.

    \b
    Example:
      zeren compare graph.json --left plan-2023 --right plan-2024
    """,
    [
        click.option("--left", required=True, help="First document id or year."),
        click.option("--right", required=True, help="Second document id or year."),
    ],
)


@cli.command()
@SOURCES
@output_option("HTML file to write.")
@click.option(
    "--view",
    type=click.Choice(["graph", "ego", "coresponsibility"]),
    default="graph",
    show_default=True,
    help="Whole graph, one agency's neighbourhood, or the agency–agency network.",
)
@click.option("--agency", help="Agency id or name, for --view ego.")
@click.option("--plan", help="Only this plan (title), for --view graph.")
@click.option("--doc", help="Only this document (id), for --view graph.")
@click.option("--level", help="Only agencies of this level, for --view graph.")
@ALIASES
@GAZETTEER
def viz(sources, output, view, agency, plan, doc, level, aliases, gazetteer):
    """Write an interactive HTML view of the graph (opens offline).

    \b
    Example:
      zeren viz ../shared/corpus/seeds -o graph.html
      zeren viz graph.json --view ego --agency 武定县财政局 -o ego.html
    """
    from zeren.viz import coresponsibility_view, ego_view, whole_graph_view, write_html

    loaded = _graph(sources, aliases, gazetteer)
    if view == "ego":
        if not agency:
            raise ZerenError("--view ego needs --agency NAME")
        drawn = ego_view(loaded.graph, agency)
    elif view == "coresponsibility":
        drawn = coresponsibility_view(loaded.graph)
    else:
        drawn = whole_graph_view(loaded.graph, plan=plan, doc=doc, level=level)
    write_html(drawn, output)
    click.echo(f"Wrote {output}", err=True)
    if loaded.failures:
        raise Failed


@cli.command()
@SOURCES
@output_option("Folder to write the report into.", folder=True)
@ALIASES
@GAZETTEER
def report(sources, output, aliases, gazetteer):
    """Write a planner's report: workload table and chart, hotspots, gaps, deadline calendar, views.

    \b
    Example:
      zeren report ../shared/corpus/seeds -o report/
    """
    from zeren.viz.report import write_report

    loaded = _graph(sources, aliases, gazetteer)
    index = write_report(loaded.graph, output)
    click.echo(f"Wrote {index}", err=True)
    if loaded.failures:
        raise Failed


@cli.group()
def neo4j():
    """Push a graph to a Neo4j server, or clear it.

    The password is read only from NEO4J_PASSWORD, never from the command line.
    """


@neo4j.command("push")
@click.argument("graph_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@neo4j_options
@click.option("--clear", is_flag=True, help="Delete the server's Zeren graph first.")
def neo4j_push(graph_file, uri, user, database, clear):
    """Push a saved graph to Neo4j: the server then holds what the file holds for its documents.

    \b
    Example:
      NEO4J_PASSWORD=… zeren neo4j push graph.json --uri bolt://localhost:7687 --user neo4j
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from zeren.graph.io import load_graph
    from zeren.graph.neo4j_store import clear_graph, connect, push_graph

    G = load_graph(graph_file)
    driver = connect(uri=uri, user=user)
    try:
        if clear:
            clear_graph(driver, database=database)
        with Progress(
            TextColumn("Pushing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), transient=True
        ) as bar:
            job = bar.add_task("", total=None)
            written = push_graph(
                driver,
                G,
                database=database,
                progress=lambda done, total: bar.update(job, completed=done, total=total),
            )
    finally:
        driver.close()
    if written["removed"]:
        click.echo(f"Removed {written['removed']} stale nodes/relationships of these documents", err=True)
    if written["other_documents"]:
        click.echo(
            f"Note: the server also holds {written['other_documents']} other document(s), left as they were "
            "(use --clear to replace everything)",
            err=True,
        )
    click.echo(f"Pushed {written['nodes']} nodes and {written['relationships']} relationships", err=True)


@neo4j.command("import")
@click.argument("graph_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@output_option("Folder for the CSVs of 'neo4j-admin database import'.", folder=True)
@click.option(
    "--server-home",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="State folder of a local server run by scripts/neo4j-server (e.g. .neo4j): "
    "bulk-load the CSVs into it (it restarts on the new store), then create the constraints.",
)
def neo4j_import(graph_file, output, server_home):
    """Bulk-load a saved graph: write admin-import CSVs, and load them into a local server.

    The offline importer is the fastest way into an empty database; it replaces
    the server's whole database.

    \b
    Example:
      zeren neo4j import graph.json -o import/ --server-home .neo4j
    """
    from zeren.graph.io import load_graph
    from zeren.graph.neo4j_store import import_into_local_server, write_import_csvs

    written = write_import_csvs(load_graph(graph_file), output)
    click.echo(
        f"Wrote {output}: {written['nodes']} nodes and {written['relationships']} relationships as CSV",
        err=True,
    )
    if server_home is None:
        click.echo(
            "Load with: neo4j-admin database import full neo4j --overwrite-destination --multiline-fields=true "
            f"--array-delimiter=U+001F --nodes={output}/nodes-*.csv --relationships={output}/rels-*.csv "
            "(one option per file), then run 'zeren neo4j push' once for the constraints",
            err=True,
        )
        return
    held = import_into_local_server(output, server_home)
    click.echo(
        f"Imported {held['nodes']} nodes and {held['relationships']} relationships; constraints created",
        err=True,
    )


@neo4j.command("clear")
@neo4j_options
def neo4j_clear(uri, user, database):
    """Delete every Zeren node and relationship on the server.

    \b
    Example:
      zeren neo4j clear
    """
    from zeren.graph.neo4j_store import clear_graph, connect

    driver = connect(uri=uri, user=user)
    try:
        clear_graph(driver, database=database)
    finally:
        driver.close()


@cli.command()
@click.option(
    "-o",
    "--output",
    default=Path("out"),
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the demo's files.",
)
@click.option(
    "--sources",
    "source_dir",
    type=click.Path(exists=True, path_type=Path),
    help="Documents to use instead of the bundled samples.",
)
def demo(output, source_dir):
    """Run the whole job on the bundled sample plans: tasks, graph, tables, HTML views and report.

    \b
    Example:
      zeren demo -o out/
    """
    from zeren.demo import run_demo

    for line in run_demo(output, sources=source_dir):
        click.echo(line)


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except Failed:
        sys.exit(1)
    except ZerenError as err:
        click.echo(f"Error: {err}", err=True)
        sys.exit(1)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except click.exceptions.Exit as err:
        sys.exit(err.exit_code)
    except BrokenPipeError:
        sys.exit(1)
    except Exception as err:  # a bug: still one line for the user, the traceback on request
        if os.environ.get("ZEREN_DEBUG"):
            raise
        click.echo(
            f"Error: unexpected {type(err).__name__}: {err} (set ZEREN_DEBUG=1 for the traceback)", err=True
        )
        sys.exit(2)
