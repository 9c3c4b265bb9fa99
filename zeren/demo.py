"""The demo: the whole job on the bundled sample plans, written into one folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from zeren.errors import ZerenError
from zeren.safetext import path_text

__all__ = ["SAMPLES", "run_demo"]

SAMPLES = Path(__file__).resolve().parent / "samples"


def run_demo(output: Path, *, sources: Path | None = None) -> Iterator[str]:
    """Extract, build, query and draw; yield one line per file written."""
    from zeren.graph.aliases import agency_rows
    from zeren.graph.build import build_graph
    from zeren.graph.gazetteer import Gazetteer
    from zeren.graph.io import export_graph, save_graph
    from zeren.loaders.batch import extract_paths
    from zeren.loaders.export import task_row
    from zeren.output import write_csv, write_jsonl
    from zeren.queries import GROUPS, run_query
    from zeren.viz import coresponsibility_view, source_files, whole_graph_view, write_html
    from zeren.viz.report import write_report

    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ZerenError(
            f"{path_text(output)}: cannot create the demo folder: {err.strerror or err}"
        ) from err
    from zeren.loaders.inputs import collect_files
    from zeren.sources import refuse_overwrite

    folder = sources or SAMPLES / "plans"
    inputs = collect_files([folder])
    refuse_overwrite([output], inputs)
    gazetteer = Gazetteer.load(SAMPLES / "gazetteer.json") if sources is None else None
    batch = extract_paths(inputs)
    for failure in batch.failures:
        yield f"Error: {failure}"
    write_jsonl(output / "tasks.jsonl", (task_row(t) for e in batch.extractions for t in e.tasks))
    write_jsonl(output / "agencies.jsonl", agency_rows(batch.extractions, gazetteer=gazetteer))
    tasks = sum(len(e.tasks) for e in batch.extractions)
    yield f"{len(batch.extractions)} documents, {tasks} tasks → {output / 'tasks.jsonl'}"

    G = build_graph(batch.extractions, gazetteer=gazetteer)
    save_graph(G, output / "graph.json")
    export_graph(G, output / "graph.graphml")
    yield f"graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges → {output / 'graph.json'}"

    for name in ["workload", *GROUPS["hotspots"], *GROUPS["gaps"]]:
        path = output / f"{name}.csv"
        write_csv(run_query(name, G), path)
        yield f"table → {path}"

    pages = source_files(G, [folder])  # each task links to its line in a page per document
    write_html(whole_graph_view(G), output / "graph.html", sources=pages)
    yield f"interactive graph → {output / 'graph.html'}"
    write_html(coresponsibility_view(G), output / "coresponsibility.html", sources=pages)
    yield f"co-responsibility network → {output / 'coresponsibility.html'}"
    yield f"report → {write_report(G, output / 'report', sources=pages)}"
