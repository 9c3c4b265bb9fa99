"""Gap: documents that announce more plans than they contain.

``announced`` is the larger of ``announced_count`` (e.g. 六大攻坚工程 → 6)
and the number of ``announced_plans`` titles; ``missing_titles`` lists the
announced titles that no contained plan's title includes (or is included in),
joined with ``、`` in announced order.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import pandas as pd

from zeren.graph.schema import CONTAINS, DOCUMENT
from zeren.queries._common import JOIN, edge_kind, frame, of_kind

DESCRIPTION = "Documents announcing more plans than they contain"

COLUMNS = {
    "doc": str,
    "title": str,
    "announced": int,
    "contained": int,
    "missing": int,
    "missing_titles": str,
}


def gaps_missing_plans(G: nx.MultiDiGraph, *, doc: str | None = None) -> pd.DataFrame:
    """One row per document whose announcement exceeds its plans, by document id."""
    nodes = G._node
    rows: list[dict[str, Any]] = []
    for d, attrs in of_kind(G, DOCUMENT):
        if doc is not None and d not in (doc, f"doc:{doc}"):
            continue
        plans = {
            v
            for v, keyed in G._succ[d].items()
            for key, data in keyed.items()
            if edge_kind(key, data) == CONTAINS
        }
        titles = {nodes[p].get("title") for p in plans} - {None}
        ann = list(attrs.get("announced_plans") or ())
        announced = max(attrs.get("announced_count") or 0, len(ann))
        if announced <= len(plans):
            continue
        lost = [x for x in ann if not any(x in y or y in x for y in titles)]
        rows.append(
            {
                "doc": d,
                "title": attrs.get("title"),
                "announced": announced,
                "contained": len(plans),
                "missing": announced - len(plans),
                "missing_titles": JOIN.join(lost),
            }
        )
    rows.sort(key=lambda r: r["doc"])
    return frame(rows, COLUMNS)
