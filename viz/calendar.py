"""Deadlines per agency per month: where work piles up and for whom."""

from __future__ import annotations

import networkx as nx
import pandas as pd

from zeren.graph.schema import AGENCY, ROLE_EDGES, TASK

__all__ = ["deadline_month", "deadline_calendar"]


def deadline_month(attrs: dict) -> str | None:
    """``YYYY-MM`` a task falls due: its end date, else its start; None for undated or ongoing tasks.

    >>> deadline_month({"deadline_start": "2025-01-01", "deadline_end": "2025-06-30"})
    '2025-06'
    """
    date = attrs.get("deadline_end") or attrs.get("deadline_start")
    return str(date)[:7] if date and len(str(date)) >= 7 else None


def deadline_calendar(G: nx.MultiDiGraph, *, top: int | None = 25, role: str | None = None) -> pd.DataFrame:
    """Month × agency grid: rows agency names (busiest first), columns ``YYYY-MM``, cells tasks due.

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
    frame = pd.Series(counts).unstack(fill_value=0).astype(int)
    frame = frame.reindex(sorted(frame.columns), axis=1)
    order = sorted(
        frame.index, key=lambda name: (-int(frame.loc[name].sum()), -int(frame.loc[name].max()), name)
    )
    frame = frame.loc[order]
    frame.index.name = "agency"
    return frame.head(top) if top else frame
