"""Deadlines per agency over time: where work piles up and for whom.

The columns are a true time axis: every month (or quarter, or year) between
the first and the last deadline is a column, empty ones included, so 2006 and
2024 are eighteen years apart on the page, not one step. The step is the
month for spans up to three years, the quarter up to twelve, else the year.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from zeren.graph.schema import AGENCY, ROLE_EDGES, TASK

__all__ = ["deadline_month", "deadline_calendar", "time_axis"]

_MONTHS_BY_MONTH, _MONTHS_BY_QUARTER = 36, 144


def deadline_month(attrs: dict) -> str | None:
    """``YYYY-MM`` a task falls due: its end date, else its start; None for undated or ongoing tasks.

    >>> deadline_month({"deadline_start": "2025-01-01", "deadline_end": "2025-06-30"})
    '2025-06'
    """
    date = attrs.get("deadline_end") or attrs.get("deadline_start")
    return str(date)[:7] if date and len(str(date)) >= 7 else None


def time_axis(months: list[str], step: str | None = None) -> tuple[list[str], dict[str, str]]:
    """Every period from the first to the last of ``months`` (``YYYY-MM``), and each month's period.

    ``step`` is ``month`` (``YYYY-MM``), ``quarter`` (``YYYYQn``) or ``year``
    (``YYYY``); None picks by span.

    >>> time_axis(["2025-03", "2025-06"])[0]
    ['2025-03', '2025-04', '2025-05', '2025-06']
    >>> time_axis(["2006-05", "2024-12"])[0][:2], len(time_axis(["2006-05", "2024-12"])[0])
    (['2006', '2007'], 19)
    """
    if not months:
        return [], {}
    first, last = min(months), max(months)
    start, end = int(first[:4]) * 12 + int(first[5:7]) - 1, int(last[:4]) * 12 + int(last[5:7]) - 1
    step = step or (
        "month"
        if end - start < _MONTHS_BY_MONTH
        else "quarter"
        if end - start < _MONTHS_BY_QUARTER
        else "year"
    )

    def period(n: int) -> str:
        year, month = divmod(n, 12)
        if step == "month":
            return f"{year:04d}-{month + 1:02d}"
        return f"{year:04d}Q{month // 3 + 1}" if step == "quarter" else f"{year:04d}"

    axis = list(dict.fromkeys(period(n) for n in range(start, end + 1)))
    return axis, {m: period(int(m[:4]) * 12 + int(m[5:7]) - 1) for m in months}


def deadline_calendar(
    G: nx.MultiDiGraph, *, top: int | None = 25, role: str | None = None, step: str | None = None
) -> pd.DataFrame:
    """Period × agency grid: rows agency names (busiest first), columns periods on a true time axis
    (:func:`time_axis`), cells tasks due.

    A task counts for every agency that leads or supports it (``role="LEADS"``
    keeps only the leads). Agencies with no dated task are left out; ``top``
    keeps the busiest rows (None keeps all).
    """
    counts: dict[tuple[str, str], int] = {}
    for actor, task, kind in G.edges(keys=True):
        if kind not in ROLE_EDGES or (role and kind != role):
            continue
        if G.nodes[actor].get("kind") != AGENCY or G.nodes[task].get("kind") != TASK:
            continue
        month = deadline_month(G.nodes[task])
        if month:
            name = G.nodes[actor].get("name", actor)
            counts[(name, month)] = counts.get((name, month), 0) + 1
    if not counts:
        return pd.DataFrame(dtype=int)
    axis, period = time_axis(sorted({m for _, m in counts}), step)
    by_period: dict[tuple[str, str], int] = {}
    for (name, month), n in counts.items():
        by_period[(name, period[month])] = by_period.get((name, period[month]), 0) + n
    frame = pd.Series(by_period).unstack(fill_value=0).astype(int)
    frame = frame.reindex(axis, axis=1, fill_value=0)
    order = sorted(
        frame.index, key=lambda name: (-int(frame.loc[name].sum()), -int(frame.loc[name].max()), name)
    )
    frame = frame.loc[order]
    frame.index.name = "agency"
    return frame.head(top) if top else frame
