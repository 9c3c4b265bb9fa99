"""Gap: units a plan names in its organisation/safeguard sections that hold no task in it.

A mention is active when some role edge on one of the plan's tasks was written
with that name (``raw``), or its holder's name or spellings include it;
otherwise the unit is asked to help in general but given nothing to do.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx
import pandas as pd

from zeren.graph.schema import HAS_TASK, PLAN
from zeren.queries._common import edge_kind, frame, of_kind, task_order, task_roles, text_key

DESCRIPTION = "Units mentioned by a plan that hold none of its tasks"

COLUMNS = {"plan": str, "doc": str, "title": str, "mention": str}


def plan_in_scope(node: str, attrs: Mapping[str, Any], plan: str | None, doc: str | None) -> bool:
    if plan is not None and plan not in (node, attrs.get("title")):
        return False
    return doc is None or doc in (attrs.get("doc"), f"doc:{attrs.get('doc')}")


def plan_tasks(G: nx.MultiDiGraph, p: str) -> list[str]:
    return sorted(
        {
            v
            for v, keyed in G._succ[p].items()
            for key, data in keyed.items()
            if edge_kind(key, data) == HAS_TASK
        }
    )


def gaps_idle_mentions(
    G: nx.MultiDiGraph, *, plan: str | None = None, doc: str | None = None
) -> pd.DataFrame:
    """(plan, mention) rows for mentions with no task, by plan then mention."""
    nodes = G._node
    held_by = {t: held for t, _, held in task_roles(G)}
    known: dict[str, set] = {}  # a unit's name and spellings, gathered once
    rows = []
    for p, attrs in of_kind(G, PLAN):
        if not plan_in_scope(p, attrs, plan, doc):
            continue
        idle = set(attrs.get("mentions") or ())
        for t in plan_tasks(G, p) if idle else ():
            for u, _, _, data in held_by.get(t, ()):
                words = known.get(u)
                if words is None:
                    words = known[u] = {nodes[u].get("name"), *(nodes[u].get("spellings") or ())}
                idle -= words
                idle.discard(data.get("raw"))
            if not idle:
                break
        for m in sorted(idle, key=text_key):
            rows.append(
                {
                    "plan": p,
                    "doc": attrs.get("doc"),
                    "title": attrs.get("title"),
                    "mention": m,
                    "_key": (task_order(p, attrs), text_key(m)),
                }
            )
    rows.sort(key=lambda r: r["_key"])
    return frame(rows, COLUMNS)
