"""The planner's page: one ``index.html`` with tables, charts and links to the views beside it.

Written for someone who never opens a terminal: plain headings, the busiest
agencies first, and every table the one ``zeren query`` prints.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path

import networkx as nx
import pandas as pd

from zeren.atomic import write_text
from zeren.graph.schema import AGENCY, DOCUMENT, LEADER, PLAN, TASK
from zeren.queries import GROUPS, QUERIES
from zeren.queries._run import query_params
from zeren.queries.workload import APART, explain

from .calendar import deadline_calendar
from .charts import calendar_chart, workload_chart
from .coresponsibility import coresponsibility_view
from .data import table
from .ego import ego_view
from .fonts import copy_font
from .i18n import DEFAULT_LANG, message, messages
from .page import View, ViewError, _environment, write_html
from .whole import whole_graph_view

__all__ = ["write_report", "report_sections", "MAX_ROWS"]

MAX_ROWS = 200  # rows per table on the page; the CLI prints the rest

# the saved queries the page shows, in order; headings and explanations live in viz/i18n.py
_SECTIONS = (
    "workload",
    "leader_workload",
    "hotspot_tasks",
    "multi_lead_tasks",
    "deadline_pileups",
    "agency_pairs",
    "brokers",
)


def write_report(
    G: nx.MultiDiGraph,
    out_dir: str | Path,
    *,
    title: str | None = None,
    egos: int = 5,
    lang: str = DEFAULT_LANG,
    sources: Mapping[str, Path] | None = None,
) -> Path:
    """Write ``index.html``, its PNG charts and the HTML views into ``out_dir``; return the index path.

    The page and its views speak Chinese unless ``lang="en"``. With ``sources``
    (``{doc: file}``, from :func:`zeren.viz.source_files`) the views' tasks link to
    a page per document at their source line.
    """
    words = messages(lang, "report.")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ViewError(f"cannot create report folder {out}: {err.strerror or err}") from err
    work = table("workload", G)
    grid = deadline_calendar(G)
    charts = {
        "workload": workload_chart(_ranked(work), out / "workload.png", lang=lang).name
        if work is not None and len(_ranked(work))
        else None,
        "calendar": calendar_chart(grid, out / "deadlines.png", lang=lang).name,
    }
    views, problems = _write_views(G, out, _ranked(work), egos, words, lang, sources)
    font = copy_font(out)
    defaults = query_params(QUERIES["workload"][1])
    html = (
        _environment()
        .get_template("report.html.j2")
        .render(
            lang_html=message("lang.html", lang),
            t=words,
            title=title or words["report.title"],
            font=font,
            summary=_summary(G, words),
            overloaded=_overloaded(work, lang),
            overload_rule=words["report.overloaded.about"].format(
                **{k: _cell(v) for k, v in defaults.items()}
            ),
            apart=_apart(work),
            progress=_progress(G),
            sections=report_sections(G, lang),
            calendar=_calendar_rows(grid),
            months=list(grid.columns),
            charts=charts,
            views=views,
            problems=problems,
            max_rows=MAX_ROWS,
        )
    )
    index = out / "index.html"
    try:
        write_text(index, html)
    except OSError as err:
        raise ViewError(f"cannot write {index}: {err.strerror or err}") from err
    return index


def report_sections(G: nx.MultiDiGraph, lang: str = DEFAULT_LANG) -> list[dict]:
    """Each saved query the page shows: ``{"query", "heading", "about", "columns", "rows", "total"}``."""
    words = messages(lang, "report.")
    sections = []
    for query in (*_SECTIONS, *GROUPS["gaps"]):
        frame = table(query, G)
        sections.append(
            {
                "query": query,
                "heading": words.get(f"report.section.{query}", query),
                "about": words.get(f"report.section.{query}.about", QUERIES[query][0] + "."),
                "columns": list(frame.columns),
                "rows": [[_cell(v) for v in row] for row in frame.head(MAX_ROWS).itertuples(index=False)],
                "total": len(frame),
            }
        )
    return sections


def _write_views(
    G: nx.MultiDiGraph,
    out: Path,
    work: pd.DataFrame | None,
    egos: int,
    words: dict[str, str],
    lang: str,
    sources: Mapping[str, Path] | None,
) -> tuple[list[dict], list[str]]:
    views, problems = [], []
    makers: list[tuple[str, str, str, Callable[[], View]]] = [
        ("whole.html", words["report.view.whole"], words["report.view.whole.about"], lambda: whole_graph_view(G, lang=lang)),
        ("coresponsibility.html", words["report.view.coresponsibility"], words["report.view.coresponsibility.about"], lambda: coresponsibility_view(G, lang=lang)),
    ]  # fmt: skip
    if work is not None and "agency" in work.columns:
        for i, agency in enumerate(work["agency"].head(egos), start=1):
            name = str(work["name"].iloc[i - 1]) if "name" in work.columns else str(agency)
            makers.append(
                (
                    f"agency-{i}.html",
                    name,
                    words["report.view.ego.about"],
                    partial(ego_view, G, agency, lang=lang),
                )
            )
    for file, label, about, make in makers:
        try:
            write_html(make(), out / file, sources=sources)
        except ViewError as err:
            problems.append(f"{label}: {err}")
            continue
        views.append({"file": file, "label": label, "about": about})
    return views, problems


def _summary(G: nx.MultiDiGraph, words: dict[str, str]) -> dict[str, int]:
    counts = {k: 0 for k in (DOCUMENT, PLAN, TASK, AGENCY, LEADER)}
    for _, kind in G.nodes(data="kind"):
        if kind in counts:
            counts[kind] += 1
    keys = {DOCUMENT: "documents", PLAN: "plans", TASK: "tasks", AGENCY: "agencies", LEADER: "leaders"}
    return {words[f"report.summary.{keys[k]}"]: n for k, n in counts.items()}


def _ranked(work: pd.DataFrame | None) -> pd.DataFrame:
    """The units of a workload table, without the collectives listed apart."""
    if work is None or "kind" not in work.columns:
        return pd.DataFrame() if work is None else work
    return work[~work["kind"].isin(APART)]


def _overloaded(work: pd.DataFrame | None, lang: str) -> list[dict]:
    """The units the workload query flags, with the figures that say why."""
    if work is None or work.empty or "overloaded" not in work.columns:
        return []
    return [
        {
            "name": r["name"],
            "led": r["led"],
            "supported": r["supported"],
            "load": _cell(r["load"]),
            "peers": r["peers"],
            "median": _cell(r["peer_median"]),
            "ratio": f"{r['ratio']:.1f}",
            "z": f"{r['robust_z']:.1f}",
            "why": explain(r, lang),
        }
        for r in work[work["overloaded"].astype(bool)].to_dict("records")
    ]


def _apart(work: pd.DataFrame | None) -> list[dict]:
    if work is None or work.empty or "kind" not in work.columns:
        return []
    rows = work[work["kind"].isin(APART)]
    return [
        {"name": r["name"], "led": r["led"], "supported": r["supported"], "load": _cell(r["load"])}
        for r in rows.to_dict("records")
    ]


def _progress(G: nx.MultiDiGraph) -> list[dict]:
    """Per unit done / overdue counts when a ledger was imported, else empty."""
    if not any(a.get("status") for _, a in G.nodes(data=True)):
        return []
    frame = table("progress", G)
    return frame.head(MAX_ROWS).to_dict("records")


def _calendar_rows(grid: pd.DataFrame) -> list[dict]:
    peak = int(grid.to_numpy().max()) if grid.size else 0
    return [
        {"agency": agency, "cells": [(int(v), _shade(int(v), peak)) for v in row], "total": int(sum(row))}
        for agency, row in zip(grid.index, grid.to_numpy().tolist(), strict=True)
    ]


def _shade(value: int, peak: int) -> str:
    # Fixed palette (light to dark orange) so the grid reads like the heat-map PNG.
    if not value or not peak:
        return "#ffffff"
    palette = ("#fee8c8", "#fdd49e", "#fdbb84", "#fc8d59", "#e34a33", "#b30000")
    return palette[min(len(palette) - 1, (value * len(palette) - 1) // peak)]


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)
