"""Tables the views and the report show, taken from the saved queries.

The report must show the very tables ``zeren query`` prints, so every table
comes from ``queries.run_query``; the helpers here reshape those tables the
way a drawing needs them, and count role edges for lead officials, whom the
workload query does not list.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx
import pandas as pd

from zeren.graph.schema import AGENCY, LEADER, LEADS, SUPPORTS
from zeren.queries import run_query

__all__ = ["table", "workload", "actor_loads", "agency_pair_counts"]


def table(name: str, G: nx.MultiDiGraph, **params: Any) -> pd.DataFrame:
    """The saved query ``name`` on ``G``: the same table ``zeren query`` prints."""
    return run_query(name, G, **params)


def workload(G: nx.MultiDiGraph) -> pd.DataFrame:
    """The ``workload`` query's table (agency, name, level, …, led, supported, load, …)."""
    return table("workload", G)


def actor_loads(G: nx.MultiDiGraph) -> dict[str, tuple[int, int, float]]:
    """``(led, supported, load)`` per agency or leader id; load from the workload query where it has one."""
    loads = {a: (led, sup, float(total)) for a, (led, sup, total) in _raw_counts(G).items()}
    frame = workload(G)
    if frame is not None and not frame.empty and {"agency", "load"} <= set(frame.columns):
        for row in frame.itertuples(index=False):
            node = _agency_node(G, row.agency)
            if node in loads:
                led, sup, _ = loads[node]
                loads[node] = (led, sup, float(row.load))
    return loads


def agency_pair_counts(G: nx.MultiDiGraph) -> dict[tuple[str, str], int]:
    """Tasks shared by each pair of agencies (``agency_pairs`` query, every pair), keyed ``(a, b)`` with a < b."""
    pairs = table("agency_pairs", G, n=None)
    return {
        (a, b): int(n) for a, b, n in zip(pairs["agency_a"], pairs["agency_b"], pairs["shared"], strict=True)
    }


def _agency_node(G: nx.MultiDiGraph, value: str) -> str:
    # The workload table may name agencies by id or by canonical name.
    return value if value in G else f"agency:{value}"


def _raw_counts(G: nx.MultiDiGraph) -> dict[str, tuple[int, int, int]]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for actor, _task, kind in G.edges(keys=True):
        if kind == LEADS:
            counts[actor][0] += 1
        elif kind == SUPPORTS:
            counts[actor][1] += 1
    return {
        a: (led, sup, led + sup)
        for a, (led, sup) in counts.items()
        if G.nodes[a].get("kind") in (AGENCY, LEADER)
    }
