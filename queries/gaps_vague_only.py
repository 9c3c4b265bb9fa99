"""Gap: tasks owned only by vague or collective units (各有关部门, 各县市人民政府 …).

A task is listed when it has role holders, no lead official, and every agency
on it has ``agency_kind`` ``vague`` or ``collective``: no single named unit
answers for it.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from zeren.graph.schema import LEADER
from zeren.queries._common import frame, joined, task_fields, task_roles

DESCRIPTION = "Tasks whose only owners are vague or collective units"

COLUMNS = {"task": str, "doc": str, "plan": str, "text": str, "units": str}

VAGUE_KINDS = ("vague", "collective")


def gaps_vague_only(G: nx.MultiDiGraph, *, plan: str | None = None, doc: str | None = None) -> pd.DataFrame:
    """Tasks held only by vague/collective agencies, in document order."""
    nodes = G._node
    rows = []
    for t, _, held in task_roles(G, plan, doc):
        if not held:
            continue
        for u, k, _, _ in held:  # most tasks stop at their first holder
            if k == LEADER or nodes[u].get("agency_kind") not in VAGUE_KINDS:
                break
        else:
            rows.append(task_fields(G, t, units=joined(nodes[u].get("name") for u, *_ in held)))
    rows.sort(key=lambda r: r["_key"])
    return frame(rows, COLUMNS)
