"""Gap: tasks that name responsible units but no lead (neither agency nor official).

Without a lead, nobody convenes the supporting units; these are the measures
most likely to stall.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from zeren.graph.schema import LEADS
from zeren.queries._common import frame, joined, task_fields, task_roles

DESCRIPTION = "Tasks with supporting units but no lead agency or lead official"

COLUMNS = {"task": str, "doc": str, "plan": str, "text": str, "supports": str}


def gaps_no_lead(G: nx.MultiDiGraph, *, plan: str | None = None, doc: str | None = None) -> pd.DataFrame:
    """Tasks with at least one role holder and no LEADS edge, in document order."""
    nodes = G._node
    rows = []
    for t, _, held in task_roles(G, plan, doc):
        if not held or LEADS in {r for _, _, r, _ in held}:
            continue
        rows.append(
            task_fields(
                G,
                t,
                supports=joined(nodes[u].get("name") for u, *_ in held),
            )
        )
    rows.sort(key=lambda r: r["_key"])
    return frame(rows, COLUMNS)
