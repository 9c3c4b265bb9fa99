"""Deadline pile-ups: one agency with many tasks due in the same month.

The month is the first seven characters (``YYYY-MM``) of a task's
``deadline_end``; tasks without one are left out. ``tasks`` counts tasks held
in any role, ``led`` those it leads.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from zeren.graph.schema import AGENCY, LEADS
from zeren.queries._common import frame, task_roles

DESCRIPTION = "Agencies with at least min_tasks tasks due in the same month"

COLUMNS = {"agency": str, "name": str, "month": str, "tasks": int, "led": int}


def deadline_pileups(
    G: nx.MultiDiGraph,
    *,
    min_tasks: int = 3,
    agency: str | None = None,
    plan: str | None = None,
    doc: str | None = None,
) -> pd.DataFrame:
    """(agency, month) cells with ``min_tasks`` or more tasks; ``agency`` = id or name, None = all."""
    nodes = G._node
    cells: dict[tuple[str, str], dict] = {}
    for t, ta, held in task_roles(G, plan, doc, (AGENCY,)):
        end = ta.get("deadline_end")
        if not end:
            continue
        month = end[:7]
        for u, _, role, _ in held:
            if agency is not None and agency not in (u, nodes[u].get("name")):
                continue
            cell = cells.setdefault((u, month), {"tasks": set(), "led": set()})
            cell["tasks"].add(t)
            if role == LEADS:
                cell["led"].add(t)
    rows = [
        {
            "agency": u,
            "name": nodes[u].get("name"),
            "month": month,
            "tasks": len(c["tasks"]),
            "led": len(c["led"]),
        }
        for (u, month), c in cells.items()
        if len(c["tasks"]) >= int(min_tasks)
    ]
    rows.sort(key=lambda r: (-r["tasks"], r["agency"], r["month"]))
    return frame(rows, COLUMNS)
