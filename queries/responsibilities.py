"""Long format for pivot tables: one row per task × party × role.

Each row names the plan, document and its issue date, the task (id, text,
deadline, source file and line), the party (agency or lead official, its
level, place and kind), its role (``LEADS``/``SUPPORTS``) and the name as the
document wrote it. Load it into a spreadsheet's pivot table to count by any
of these. Rows in document order, then role (LEADS first), then party.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from zeren.graph.schema import AGENCY, DOCUMENT, LEADER
from zeren.queries._common import frame, of_kind, task_order, task_roles

DESCRIPTION = "Long format: one row per task × party × role, with plan, document, date, deadline, source"

COLUMNS = {
    "doc": str,
    "date": str,
    "plan": str,
    "task": str,
    "text": str,
    "deadline": str,
    "deadline_end": str,
    "party": str,
    "party_type": str,
    "level": str,
    "jurisdiction": str,
    "kind": str,
    "role": str,
    "as_written": str,
    "source": str,
    "line": int,
}


def responsibilities(G: nx.MultiDiGraph, *, plan: str | None = None, doc: str | None = None) -> pd.DataFrame:
    """Rows (task, party, role) for every task in scope."""
    nodes = G._node
    dates = {n: a.get("date") for n, a in of_kind(G, DOCUMENT)}
    rows = []
    for t, ta, held in task_roles(G, plan, doc, (AGENCY, LEADER)):
        for party, kind, role, data in held:
            pa = nodes[party]
            rows.append(
                {
                    "doc": ta.get("doc"),
                    "date": dates.get(f"doc:{ta.get('doc')}") or None,
                    "plan": ta.get("plan"),
                    "task": t,
                    "text": ta.get("text"),
                    "deadline": ta.get("deadline"),
                    "deadline_end": ta.get("deadline_end"),
                    "party": pa.get("name"),
                    "party_type": kind,
                    "level": pa.get("level"),
                    "jurisdiction": pa.get("jurisdiction"),
                    "kind": pa.get("agency_kind"),
                    "role": role,
                    "as_written": data.get("raw"),
                    "source": ta.get("source"),
                    "line": ta.get("line") or 0,
                    "_key": (*task_order(t, ta), role, party),
                }
            )
    rows.sort(key=lambda r: r["_key"])
    return frame(rows, COLUMNS)
