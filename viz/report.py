"""The planner's page: one ``index.html`` with tables, charts and links to the views beside it.

Written for someone who never opens a terminal: plain headings, the busiest
agencies first, and every table the one ``zeren query`` prints.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

import networkx as nx
import pandas as pd

from zeren.atomic import write_text
from zeren.graph.schema import AGENCY, DOCUMENT, LEADER, PLAN, TASK
from zeren.queries import GROUPS, QUERIES

from .calendar import deadline_calendar
from .charts import calendar_chart, workload_chart
from .coresponsibility import coresponsibility_view
from .data import table
from .ego import ego_view
from .fonts import copy_font
from .page import View, ViewError, _environment, write_html
from .whole import whole_graph_view

__all__ = ["write_report", "report_sections", "MAX_ROWS"]

MAX_ROWS = 200  # rows per table on the page; the CLI prints the rest

# (query, heading, what it tells a planner)
_SECTIONS = (
    ("workload", "Workload by agency", "Tasks each agency leads or supports, busiest first."),
    ("leader_workload", "Workload by lead official", "Tasks each named official is in charge of."),
    (
        "hotspot_tasks",
        "Hotspot tasks",
        "Tasks shared by unusually many agencies: hard to coordinate, easy to drop.",
    ),
    (
        "multi_lead_tasks",
        "Tasks with several leads",
        "More than one agency leads these; make sure one owns the result.",
    ),
    ("deadline_pileups", "Deadline pile-ups", "Agencies with many tasks due in the same month."),
    (
        "agency_pairs",
        "Agencies that share tasks",
        "Pairs of agencies working on the same tasks, most shared first.",
    ),
    ("brokers", "Brokers", "Agencies that connect otherwise separate groups of agencies."),
)


def write_report(
    G: nx.MultiDiGraph, out_dir: str | Path, *, title: str = "Zeren report", egos: int = 5
) -> Path:
    """Write ``index.html``, its PNG charts and the HTML views into ``out_dir``; return the index path."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ViewError(f"cannot create report folder {out}: {err.strerror or err}") from err
    work = table("workload", G)
    grid = deadline_calendar(G)
    charts = {
        "workload": workload_chart(work, out / "workload.png").name
        if work is not None and len(work)
        else None,
        "calendar": calendar_chart(grid, out / "deadlines.png").name,
    }
    views, problems = _write_views(G, out, work, egos)
    font = copy_font(out)
    html = (
        _environment()
        .get_template("report.html.j2")
        .render(
            title=title,
            font=font,
            summary=_summary(G),
            overloaded=_overloaded(work),
            sections=report_sections(G),
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


def report_sections(G: nx.MultiDiGraph) -> list[dict]:
    """Each saved query the page shows: ``{"query", "heading", "about", "columns", "rows", "total"}``."""
    sections = []
    for query, heading, about in (*_SECTIONS, *_gap_sections()):
        frame = table(query, G)
        sections.append(
            {
                "query": query,
                "heading": heading,
                "about": about,
                "columns": list(frame.columns),
                "rows": [[_cell(v) for v in row] for row in frame.head(MAX_ROWS).itertuples(index=False)],
                "total": len(frame),
            }
        )
    return sections


def _gap_sections() -> list[tuple[str, str, str]]:
    return [
        (name, "Gap: " + name.removeprefix("gaps_").replace("_", " "), QUERIES[name][0] + ".")
        for name in GROUPS["gaps"]
    ]


def _write_views(
    G: nx.MultiDiGraph, out: Path, work: pd.DataFrame | None, egos: int
) -> tuple[list[dict], list[str]]:
    views, problems = [], []
    makers: list[tuple[str, str, str, Callable[[], View]]] = [
        ("whole.html", "The whole graph", "Documents, plans, tasks and agencies; search and filter.", lambda: whole_graph_view(G)),
        ("coresponsibility.html", "Co-responsibility network", "Agencies joined by shared tasks, coloured by cluster.", lambda: coresponsibility_view(G)),
    ]  # fmt: skip
    if work is not None and "agency" in work.columns:
        for i, agency in enumerate(work["agency"].head(egos), start=1):
            name = str(work["name"].iloc[i - 1]) if "name" in work.columns else str(agency)
            makers.append(
                (
                    f"agency-{i}.html",
                    name,
                    "Its tasks, partners and lead officials.",
                    partial(ego_view, G, agency),
                )
            )
    for file, label, about, make in makers:
        try:
            write_html(make(), out / file)
        except ViewError as err:
            problems.append(f"{label}: {err}")
            continue
        views.append({"file": file, "label": label, "about": about})
    return views, problems


def _summary(G: nx.MultiDiGraph) -> dict[str, int]:
    counts = {k: 0 for k in (DOCUMENT, PLAN, TASK, AGENCY, LEADER)}
    for _, kind in G.nodes(data="kind"):
        if kind in counts:
            counts[kind] += 1
    return {
        "documents": counts[DOCUMENT],
        "plans": counts[PLAN],
        "tasks": counts[TASK],
        "agencies": counts[AGENCY],
        "lead officials": counts[LEADER],
    }


def _overloaded(work: pd.DataFrame | None) -> list[dict]:
    """Rows the workload query flags as overloaded, with how far above the median load they sit."""
    if work is None or not {"overloaded", "load"} <= set(work.columns) or work.empty:
        return []
    median = float(work["load"].median())
    rows = work[work["overloaded"].astype(bool)]
    return [
        {
            "name": r.get("name", r.get("agency")),
            "led": r.get("led"),
            "supported": r.get("supported"),
            "load": _cell(r["load"]),
            "median": _cell(median),
            "ratio": f"{float(r['load']) / median:.1f}" if median else "",
        }
        for r in rows.to_dict("records")
    ]


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
