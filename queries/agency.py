"""Everything about one unit: each task it holds, in which role, as written, with whom and by when.

``agency`` is a node id (``agency:…`` or ``leader:…``), a name, or any
spelling a document used for the unit (its ``spellings``, e.g. ``州人社局``);
every node with that id, name or spelling is included. ``as_written`` is the spelling the
document used on that task; ``partners`` the other holders' names.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from zeren.graph.schema import AGENCY, LEADER, ROLE_EDGES
from zeren.queries._common import edge_kind, frame, joined, of_kind, roles, task_order

DESCRIPTION = "One agency or leader: tasks by role, spellings, partners, deadlines, plans"

COLUMNS = {
    "agency": str,
    "name": str,
    "role": str,
    "task": str,
    "doc": str,
    "plan": str,
    "text": str,
    "as_written": str,
    "deadline": str,
    "deadline_end": str,
    "partners": str,
}


def validate(*, agency=None, **_) -> None:
    if agency is None or str(agency).strip() == "":
        raise ValueError("agency is required (an id or a name)")


def agency(G: nx.MultiDiGraph, *, agency: str | None = None) -> pd.DataFrame:
    """Rows (unit, role, task) ordered by unit id, role (LEADS first) and document order."""
    validate(agency=agency)
    rows = []
    for a, attrs in [*of_kind(G, AGENCY), *of_kind(G, LEADER)]:
        if agency not in (a, attrs.get("name")) and agency not in (attrs.get("spellings") or ()):
            continue
        for _, t, key, data in G.out_edges(a, keys=True, data=True):
            role = edge_kind(key, data)
            if role not in ROLE_EDGES:
                continue
            ta = G.nodes[t]
            rows.append(
                {
                    "agency": a,
                    "name": attrs.get("name"),
                    "role": role,
                    "task": t,
                    "doc": ta.get("doc"),
                    "plan": ta.get("plan"),
                    "text": ta.get("text"),
                    "as_written": data.get("raw"),
                    "deadline": ta.get("deadline"),
                    "deadline_end": ta.get("deadline_end"),
                    "partners": joined(G.nodes[u].get("name") for u, *_ in roles(G, t) if u != a),
                    "_key": (a, role, task_order(t, ta)),
                }
            )
    rows.sort(key=lambda r: r["_key"])
    return frame(rows, COLUMNS)
