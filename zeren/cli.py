"""The ``zeren`` command: a thin click layer over the library.

Each command parses its options, calls one library function and prints. Library
errors (``ZerenError``) become one ``Error: …`` line and a non-zero exit.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from zeren import __version__
from zeren.errors import ZerenError
from zeren.output import emit_tables, jsonl_writer, table_output, write_jsonl
from zeren.safetext import path_text, printable
from zeren.sources import (
    Loaded,
    extract_with_progress,
    is_saved_graph,
    load_graph_or_documents,
    refuse_overwrite,
    report_failures,
    resolution_options,
)

if TYPE_CHECKING:
    import pandas as pd

    from zeren.loaders.records import Extraction

__all__ = ["cli", "main"]

F = TypeVar("F", bound=Callable[..., Any])

# Files read are not checked by click (exists=True): its message would show a file name's
# undecodable bytes as U+FFFD; the readers' own one-line errors show them escaped.
PATHS = click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
SOURCES = click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
ALIASES = click.option(
    "--aliases",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Agency table (from 'zeren agencies') whose corrections the build honours.",
)
SOURCE_DIRS = click.option(
    "--sources",
    "source_dirs",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder the documents were read from, for the source pages (default: the folders read; "
    "needed with a saved graph). Repeatable.",
)
LANG = click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="Language of the page (the data stays as written).",
)
GAZETTEER = click.option(
    "--gazetteer",
    type=click.Path(dir_okay=False, path_type=Path),
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


def _refuse_resolution(aliases: Path | None, gazetteer: Path | None, where: str) -> None:
    """--aliases and --gazetteer act while names are resolved, so they cannot change a graph already built."""
    for flag, value in (("--aliases", aliases), ("--gazetteer", gazetteer)):
        if value is not None:
            raise ZerenError(
                f"{flag} applies when reading documents, not to {where}; rebuild with it instead"
            )


def _graph(
    sources: tuple[Path, ...],
    aliases: Path | None = None,
    gazetteer: Path | None = None,
    output: Path | None = None,
) -> Loaded:
    if not sources:
        raise ZerenError("name a saved graph (.json) or documents/folders to read")
    if is_saved_graph(sources):
        _refuse_resolution(aliases, gazetteer, f"a saved graph ({sources[0]})")
    loaded = load_graph_or_documents(list(sources), aliases=aliases, gazetteer=gazetteer, outputs=[output])
    if loaded.extractions or loaded.failures:
        report_failures(loaded)
    return loaded


STATED_JURISDICTION = click.option(
    "--jurisdiction",
    "stated_jurisdiction",
    metavar="PLACE",
    help="Where every document comes from (e.g. 江苏省), over what the text suggests.",
)
MANIFEST = click.option(
    "--manifest",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="CSV or JSON: document → issuer, date, jurisdiction (per document, over --jurisdiction).",
)
STATED_DATE = click.option(
    "--date",
    "stated_date",
    metavar="DATE",
    help="Issue date for documents whose text gives none (2024-03-15, 2024-03 or 2024).",
)


def _amend(jurisdiction: str | None, manifest: Path | None, date: str | None):
    """The user's statements as a function over extractions, or None when there are none."""
    if not (jurisdiction or manifest or date):
        return None
    from functools import partial

    from zeren.loaders.statements import Statement, apply_statements, read_manifest, stated_date

    try:
        batch = Statement(jurisdiction=(jurisdiction or "").strip(), date=stated_date(date or ""))
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--date") from None
    return partial(apply_statements, batch=batch, manifest=read_manifest(manifest) if manifest else None)


def _explain(ctx: click.Context, _param: click.Parameter, path: Path | None) -> None:
    """Print how one document was cut and read, then stop (no other option is needed)."""
    if path is None or ctx.resilient_parsing:
        return
    from zeren.loaders.explain import explain_text
    from zeren.loaders.readers import read_text

    try:
        lines = explain_text(read_text(path), source=path.name, doc=path.stem)
    except ZerenError as err:
        raise click.ClickException(str(err)) from None
    click.echo("\n".join(lines))
    ctx.exit(0)


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
@STATED_JURISDICTION
@MANIFEST
@STATED_DATE
@click.option(
    "--explain",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    is_eager=True,
    expose_value=False,
    callback=_explain,
    help="Print how FILE was cut (blocks, notes, roles, what was reported) and stop.",
)
def extract(
    paths, output, agencies, report_path, aliases, gazetteer, stated_jurisdiction, manifest, stated_date
):
    """Extract tasks from documents into tasks.jsonl (the scorer's format).

    \b
    Example:
      zeren extract ../shared/corpus/seeds -o tasks.jsonl --agencies agencies.jsonl --report report.jsonl
    """
    from contextlib import ExitStack

    from zeren.loaders.export import report_row, tasks_jsonl

    options = resolution_options(aliases, gazetteer) if agencies else {}
    names: dict[tuple[str, str], dict] = {}
    with ExitStack() as files:
        write_task = files.enter_context(jsonl_writer(output))
        write_report = files.enter_context(jsonl_writer(report_path)) if report_path else None

        def keep(e: Extraction) -> None:
            # written as each document arrives, in input order: nothing held but agency names
            write_task(tasks_jsonl(e.tasks))
            for r in e.report:
                if write_report is not None:
                    write_report(report_row(r))
                else:
                    click.echo(printable(f"Unparsed: {r.path}:{r.line}: {r.reason}"), err=True)
            if agencies:
                from zeren.graph.aliases import agency_rows

                for row in agency_rows([e], **options):
                    names.setdefault((row["doc"], row["name"]), row)

        loaded = extract_with_progress(
            list(paths),
            outputs=[output, agencies, report_path],
            amend=_amend(stated_jurisdiction, manifest, stated_date),
            keep=keep,
            task_lines=True,
        )
        if write_report is not None:
            # what a reader could not read (undecodable bytes, a file read once for two names) is
            # reported beside the notes the parser could not read
            for warning in loaded.warnings:
                write_report({"path": None, "line": None, "reason": warning, "text": ""})
    if agencies:
        write_jsonl(agencies, (names[k] for k in sorted(names)))
    _finish(loaded)


@cli.command()
@PATHS
@output_option("Graph file to write (.json); .graphml/.gexf export for Gephi.")
@ALIASES
@GAZETTEER
@STATED_JURISDICTION
@MANIFEST
@STATED_DATE
def build(paths, output, aliases, gazetteer, stated_jurisdiction, manifest, stated_date):
    """Build the responsibility graph from documents and save it.

    \b
    Example:
      zeren build ../shared/corpus/seeds -o graph.json
      zeren build plans/ -o graph.graphml
    """
    from zeren.graph.io import export_graph, save_graph

    amend = _amend(stated_jurisdiction, manifest, stated_date)
    loaded = load_graph_or_documents(
        list(paths), aliases=aliases, gazetteer=gazetteer, outputs=[output], amend=amend
    )
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
        f"Wrote {path_text(output)}: {summary}; {G.number_of_edges()} edges; read and built in {loaded.seconds:.2f} s",
        err=True,
    )
    _finish(loaded)


@cli.command()
@click.argument("graph_file", type=click.Path(dir_okay=False, path_type=Path))
@output_option(".graphml, .gexf or .json")
def export(graph_file, output):
    """Export a saved graph for Gephi or other tools.

    \b
    Example:
      zeren export graph.json -o graph.gexf
    """
    from zeren.graph.io import export_graph, load_graph

    refuse_overwrite([output], [graph_file])
    export_graph(load_graph(graph_file), output)
    click.echo(f"Wrote {path_text(output)}", err=True)


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

    loaded = _graph(sources, aliases, gazetteer, output)
    write_agency_table(loaded.graph, output)
    click.echo(f"Wrote {path_text(output)}", err=True)


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
    sources: tuple[Path, ...],
    backend: str,
    aliases: Path | None,
    gazetteer: Path | None,
    output: Path | None = None,
) -> Loaded | None:
    if backend == "neo4j":
        if sources:
            raise ZerenError("with --backend neo4j the graph comes from the server; name no files")
        _refuse_resolution(aliases, gazetteer, "the graph on the server")
        return None
    return _graph(sources, aliases, gazetteer, output)


TOP = click.option("--top", type=click.IntRange(min=1), help="Keep the first N rows of each table.")
FILTERS = ("plan", "doc", "level", "jurisdiction", "agency", "left", "right")


def _tables(
    names: Sequence[str],
    loaded: Loaded | None,
    backend: str,
    neo4j: tuple[str | None, str | None, str | None],
    params: dict[str, Any],
    *,
    each: bool = True,
) -> dict[str, pd.DataFrame]:
    """Run each query (``each``: with the parameters it takes); a filter naming nothing fails with the closest."""
    if loaded is not None:
        from zeren.queries._lookup import check_filters

        check_filters(loaded.graph, params)
    elif "compare" in names:
        _neo4j_refuse_years(params, *neo4j)
    return {
        n: _run(n, loaded, backend, *neo4j, **(_params_for(n, params) if each else params)) for n in names
    }


def _neo4j_refuse_years(
    params: dict[str, Any], uri: str | None, user: str | None, database: str | None
) -> None:
    from zeren.queries._lookup import UNDATED_CYPHER, is_year, refuse_years

    if not any(is_year(params.get(side)) for side in ("left", "right")):
        return
    from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

    from zeren.errors import BackendError
    from zeren.graph.neo4j_store import connect

    driver = connect(uri=uri, user=user)
    try:
        records, _, _ = driver.execute_query(UNDATED_CYPHER, database_=database)
    except (Neo4jError, ServiceUnavailable, SessionExpired) as err:
        raise BackendError(f"Neo4j failed listing document dates: {err}") from err
    finally:
        driver.close()
    refuse_years(params, [str(r["id"]).removeprefix("doc:") for r in records])


def _emit(
    tables: dict[str, pd.DataFrame], fmt: str, output: Path | None, top: int | None, params: dict
) -> None:
    """Write the tables (the first ``top`` rows each); a filter that leaves every table empty is an error."""
    if top is not None:
        tables = {n: df.head(top) for n, df in tables.items()}
    used = {k: v for k, v in params.items() if k in FILTERS and v is not None}
    if used and all(df.empty for df in tables.values()):
        given = ", ".join(f"--{k.replace('_', '-')} {v}" for k, v in used.items())
        raise ZerenError(f"no rows match {given}")
    emit_tables(tables, fmt, output)


def _query_command(
    name: str,
    doc: str,
    extra_options: Sequence[Callable[[F], F]] = (),
    *,
    group: bool = False,
    present: Callable[..., dict[str, pd.DataFrame]] | None = None,
) -> click.Command:
    """Make a table command for one saved query, or for a group of them (queries.GROUPS).

    ``present(tables, fmt, **params)`` may reshape the tables for printing (e.g. a "why" column).
    """

    def command(sources, fmt, output, backend, uri, user, database, aliases, gazetteer, top=None, **params):
        from zeren.queries import GROUPS

        loaded = _query_source(sources, backend, aliases, gazetteer, output)
        params = {k: v for k, v in params.items() if v is not None}
        names = GROUPS[name] if group else [name.replace("-", "_")]
        tables = _tables(names, loaded, backend, (uri, user, database), params)
        if present is not None:
            tables = present(tables, fmt, loaded=loaded, **params)
        _emit(tables, fmt, output, top, params)
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
@TOP
@BACKEND
@neo4j_options
@ALIASES
@GAZETTEER
def query(name, sources, pairs, fmt, output, top, backend, uri, user, database, aliases, gazetteer):
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
    loaded = _query_source(sources, backend, aliases, gazetteer, output)
    tables = _tables([name], loaded, backend, (uri, user, database), params, each=False)
    _emit(tables, fmt, output, top, params)
    if loaded is not None and loaded.failures:
        raise Failed


def _params_for(query: str, params: dict[str, Any]) -> dict[str, Any]:
    import inspect

    from zeren.queries import QUERIES

    accepted = inspect.signature(QUERIES[query][1]).parameters
    return {k: v for k, v in params.items() if k in accepted}


WORKLOAD_TERMINAL = (
    "name", "led", "supported", "load", "ratio", "robust_z", "overloaded", "peer_median", "peers",
    "lead_share", "due_in_window", "done", "overdue", "jurisdiction", "level", "kind", "partners",
    "plans", "documents", "peer_spread", "agency",
)  # fmt: skip


def _present_workload(tables, fmt, *, loaded=None, status=False, **params):
    """Each unit's "why" in figures; on a terminal, units and collectives as two tables, then the flags."""
    from zeren.queries.workload import APART, explain

    df = tables["workload"]
    df = df.assign(why=[explain(r) if r["overloaded"] else "" for r in df.to_dict("records")])
    if status:
        df = _with_progress(df, loaded, params)
    if fmt != "table":
        return {"workload": df}
    apart = df["kind"].isin(APART)
    units = df[~apart][[c for c in WORKLOAD_TERMINAL if c in df.columns]]
    out = {"workload (units against peers of the same level and place)": units}
    if apart.any():
        out["collectives and vague parties (listed apart, not ranked)"] = df[apart][
            ["name", "kind", "led", "supported", "load", "jurisdiction"]
        ]
    flagged = df[df["overloaded"]]
    if len(flagged):
        out["why flagged"] = flagged[["name", "why"]]
    return out


_query_command(
    "workload",
    """Agency workload against peers: load, peer median and spread, robust z, overload flag.

    A unit is compared with the units of its own level and place (a county
    bureau with the county's bureaus); collectives (县级有关部门, 各乡镇) are
    listed apart, never ranked. Flagged: at least --min-peers peers, load at
    least --k times the peer median and --z robust spreads above it. Each
    flagged unit says why in figures (column "why").

    \b
    Example:
      zeren workload graph.json --level county
      zeren workload graph.json --due-from 2024-01-01 --due-to 2024-12-31 --top 10
      zeren workload ../shared/corpus/seeds --level county --format csv -o workload.csv
      zeren workload graph.json --status          # with done/overdue from 'zeren status import'
    """,
    [
        click.option("--plan", help="Only tasks of this plan (title or id)."),
        click.option("--doc", help="Only tasks of this document (id)."),
        click.option("--level", help="Only agencies of this level (province, prefecture, county, …)."),
        click.option("--jurisdiction", help="Only agencies of this jurisdiction (e.g. 武定县)."),
        click.option("--lead-weight", type=float, help="Weight of a led task in the load [default: 1]."),
        click.option(
            "--support-weight", type=float, help="Weight of a supported task in the load [default: 0.5]."
        ),
        click.option(
            "--due-from", help="Start of the period (YYYY-MM-DD): count tasks due in it or ongoing."
        ),
        click.option("--due-to", help="End of the period (YYYY-MM-DD)."),
        click.option("--k", type=float, help="Flag at this many times the peer median load [default: 2]."),
        click.option("--z", type=float, help="Flag at this robust z-score above peers [default: 3.5]."),
        click.option("--min-peers", type=int, help="Flag only in peer groups this large [default: 5]."),
        click.option("--min-spread", type=float, help="Smallest spread a z-score divides by [default: 1]."),
        click.option("--status", is_flag=True, help="Add done and overdue counts from an imported ledger."),
        TOP,
    ],
    present=_present_workload,
)
_query_command(
    "leader-workload",
    """Lead officials' workload: tasks led and plans touched.

    \b
    Example:
      zeren leader-workload graph.json --top 5
    """,
    [TOP],
)
_query_command(
    "hotspots",
    """Shared-responsibility hotspots: crowded tasks, several leads, agency pairs, brokers, deadline pile-ups.

    \b
    Example:
      zeren hotspots graph.json --top 10
    """,
    [TOP],
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
    [
        click.option(
            "--agency", "agency", required=True, help="Agency id, name or any spelling a document used."
        )
    ],
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
        TOP,
    ],
)


def _with_progress(df, loaded: Loaded | None, params: dict) -> pd.DataFrame:
    """Workload rows joined with each unit's done and overdue counts (from 'zeren status import')."""
    if loaded is None:
        raise ZerenError(
            "--status reads task status from a saved graph; it is not available with --backend neo4j"
        )
    from zeren.queries import run_query

    if not any(a.get("status") for _, a in loaded.graph.nodes(data=True)):
        raise ZerenError("--status: no task in this graph has a status; run 'zeren status import' first")
    keep = {k: v for k, v in params.items() if k in ("plan", "doc", "level", "jurisdiction")}
    done = run_query("progress", loaded.graph, **keep)[["agency", "done", "overdue"]]
    return df.merge(done, on="agency", how="left")


_query_command(
    "responsibilities",
    """Long format for pivot tables: one row per task × party × role.

    Each row: document, date, plan, task id and text, deadline, party (agency or
    lead official) with level, place and kind, role, the name as written, source
    file and line.

    \b
    Example:
      zeren responsibilities graph.json --format xlsx -o responsibilities.xlsx
      zeren responsibilities graph.json --doc wuding-2024-park-campaign --format csv -o wd.csv
    """,
    [
        click.option("--plan", help="Only tasks of this plan (title or id)."),
        click.option("--doc", help="Only tasks of this document (id)."),
    ],
)
_query_command(
    "progress",
    """Progress per unit from an imported ledger: done, in progress, not started, unreported, overdue.

    \b
    Example:
      zeren status import ledger.xlsx graph.json
      zeren progress graph.json --level county --top 10
    """,
    [
        click.option("--plan", help="Only tasks of this plan (title or id)."),
        click.option("--doc", help="Only tasks of this document (id)."),
        click.option("--level", help="Only agencies of this level."),
        click.option("--jurisdiction", help="Only agencies of this jurisdiction."),
        click.option("--as-of", help="Overdue means due before this date (YYYY-MM-DD) [default: today]."),
        TOP,
    ],
)


@cli.group()
def status():
    """Task status (督查督办): join a progress ledger to the graph's tasks."""


@status.command("import")
@click.argument("ledger", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("graph_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Graph to write (.json) [default: GRAPH_FILE, rewritten in place].",
)
def status_import(ledger, graph_file, output):
    """Read a ledger (.xlsx or .csv: task text or number, 完成情况/进度, 完成时间) into a saved graph.

    Each row is matched to one task (by task id, else its text, else a unique
    number); the task gets status (done, in_progress, not_started, reported),
    progress, completed and status_source. Rows matching no task are listed and
    the exit code is 1.

    \b
    Example:
      zeren status import ledger.xlsx graph.json
      zeren workload graph.json --status
    """
    from zeren.graph.io import load_graph, save_graph
    from zeren.graph.ledger import apply_status, match_ledger, read_ledger

    rows = read_ledger(ledger)
    matched, unmatched = match_ledger(load_graph(graph_file), rows)
    G = apply_status(load_graph(graph_file), matched, ledger.name)
    target = output or graph_file
    save_graph(G, target)
    counts: dict[str, int] = {}
    for task in matched:
        counts[G.nodes[task]["status"]] = counts.get(G.nodes[task]["status"], 0) + 1
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "none"
    click.echo(f"Wrote {target}: {len(matched)} of {len(rows)} ledger row(s) matched ({summary})", err=True)
    for row in unmatched:
        click.echo(f"Unmatched: {ledger}:{row.row}: {row.text or row.number or row.task_id}", err=True)
    if unmatched:
        raise Failed


# the options each view uses; any other is refused rather than silently ignored
VIEW_OPTIONS = {
    "graph": {"plan", "doc", "level"},
    "ego": {"agency"},
    "coresponsibility": set(),
    "matrix": {"plan"},
}


@cli.command()
@SOURCES
@output_option("HTML file to write (source pages go into sources/ beside it).")
@click.option(
    "--view",
    type=click.Choice(["graph", "ego", "coresponsibility", "matrix"]),
    default="graph",
    show_default=True,
    help="Whole graph, one agency's neighbourhood, the agency–agency network, or a plan's task × unit matrix.",
)
@click.option("--agency", help="Agency id or name, for --view ego.")
@click.option("--plan", help="Only this plan (id or title), for --view graph; the plan of --view matrix.")
@click.option("--doc", help="Only this document (id), for --view graph.")
@click.option("--level", help="Only agencies of this level, for --view graph.")
@SOURCE_DIRS
@LANG
@ALIASES
@GAZETTEER
def viz(sources, output, view, agency, plan, doc, level, source_dirs, lang, aliases, gazetteer):
    """Write an interactive HTML view of the graph, and a source page per document (opens offline).

    \b
    Example:
      zeren viz ../shared/corpus/seeds -o graph.html
      zeren viz graph.json --sources ../shared/corpus/seeds --view ego --agency 武定县财政局 -o ego.html
      zeren viz ../shared/corpus/seeds --view matrix --plan 园区项目建设攻坚 --lang en -o matrix.html
    """
    from zeren.viz import (
        MatrixView,
        View,
        coresponsibility_view,
        ego_view,
        matrix_view,
        source_files,
        whole_graph_view,
        write_html,
    )

    given = {"agency": agency, "plan": plan, "doc": doc, "level": level}
    for option in sorted(k for k, v in given.items() if v is not None and k not in VIEW_OPTIONS[view]):
        raise ZerenError(f"--{option} does not apply to --view {view}")
    loaded = _graph(sources, aliases, gazetteer, output)
    G = loaded.graph
    drawn: View | MatrixView
    from zeren.queries._lookup import check_filters

    check_filters(G, given)  # a level or plan the graph lacks would draw a blank page
    if agency is not None:
        from zeren.queries._lookup import find_units

        units = find_units(G, agency)
        agency = units[0] if len(units) == 1 else agency  # a spelling as written finds its unit
    if view == "ego":
        if not agency:
            raise ZerenError("--view ego needs --agency NAME")
        drawn = ego_view(G, agency, lang=lang)
    elif view == "coresponsibility":
        drawn = coresponsibility_view(G, lang=lang)
    elif view == "matrix":
        if not plan:
            raise ZerenError("--view matrix needs --plan ID_OR_TITLE")
        drawn = matrix_view(G, plan, lang=lang)
    else:
        drawn = whole_graph_view(G, plan=plan, doc=doc, level=level, lang=lang)
    roots = list(source_dirs) or ([] if is_saved_graph(sources) else list(sources))
    files = source_files(G, roots) if roots else {}
    write_html(drawn, output, sources=files)
    documents = sum(1 for _, a in G.nodes(data=True) if a.get("kind") == "Document")
    click.echo(f"Wrote {path_text(output)}", err=True)
    if not roots and documents:
        click.echo("No source pages: pass --sources FOLDER (the folder the graph was built from).", err=True)
    elif len(files) < documents:
        click.echo(f"No source page for {documents - len(files)} of {documents} documents: not found under "
                   f"{', '.join(path_text(r) for r in roots)}.", err=True)  # fmt: skip
    if loaded.failures:
        raise Failed


@cli.command()
@SOURCES
@output_option("Folder to write the report into.", folder=True)
@LANG
@SOURCE_DIRS
@ALIASES
@GAZETTEER
def report(sources, output, lang, source_dirs, aliases, gazetteer):
    """Write a planner's report: who is overloaded and why, progress, deadline calendar, hotspots, gaps, views.

    \b
    Example:
      zeren report ../shared/corpus/seeds -o report/
      zeren report graph.json -o report-en/ --lang en
    """
    from zeren.viz import source_files
    from zeren.viz.report import write_report

    loaded = _graph(sources, aliases, gazetteer, output)
    roots = list(source_dirs) or ([] if is_saved_graph(sources) else list(sources))
    files = source_files(loaded.graph, roots) if roots else {}
    index = write_report(loaded.graph, output, lang=lang, sources=files)
    click.echo(f"Wrote {path_text(index)}", err=True)
    if loaded.failures:
        raise Failed


@cli.group()
def neo4j():
    """Push a graph to a Neo4j server, or clear it.

    The password is read only from NEO4J_PASSWORD, never from the command line.
    """


@neo4j.command("push")
@click.argument("graph_file", type=click.Path(dir_okay=False, path_type=Path))
@neo4j_options
@click.option("--clear", is_flag=True, help="Delete the server's Zeren graph first.")
def neo4j_push(graph_file, uri, user, database, clear):
    """Push a saved graph to Neo4j: the server then holds what the file holds for its documents.

    Into an empty database (or with --clear) the file is streamed and only
    created, never looked up, so memory stays flat however large the graph.

    \b
    Example:
      NEO4J_PASSWORD=… zeren neo4j push graph.json --uri bolt://localhost:7687 --user neo4j
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from zeren.graph.neo4j_store import clear_graph, connect, push_graph_file
    from zeren.graph.stream import check_graph_file

    check_graph_file(graph_file)
    driver = connect(uri=uri, user=user)
    try:
        if clear:
            clear_graph(driver, database=database)
        with Progress(
            TextColumn("Pushing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), transient=True
        ) as bar:
            job = bar.add_task("", total=None)
            written = push_graph_file(
                driver,
                graph_file,
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
        click.echo(printable(line))


def main() -> None:
    try:
        _main()
    finally:
        # The process ends here: its last garbage collection need not walk every object
        # still alive (a loaded graph, pandas), a sixth of a query's run at 10k tasks.
        gc.freeze()


def _main() -> None:
    try:
        cli.main(standalone_mode=False)
    except Failed:
        sys.exit(1)
    except ZerenError as err:
        click.echo(f"Error: {printable(str(err))}", err=True)
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
            printable(f"Error: unexpected {type(err).__name__}: {err} (set ZEREN_DEBUG=1 for the traceback)"),
            err=True,
        )
        sys.exit(2)
