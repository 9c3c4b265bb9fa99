"""Tasks with several lead agencies: nobody alone answers for them.

``leads`` lists the lead agencies' names (sorted, joined with ``、``);
leaders named on the task are listed apart and not counted as leads.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from zeren.graph.schema import AGENCY, LEADER, LEADS
from zeren.queries._common import frame, joined, task_fields, task_roles

DESCRIPTION = "Tasks with at least min_leads lead agencies"

COLUMNS = {
    "task": str,
    "doc": str,
    "plan": str,
    "text": str,
    "n_leads": int,
    "leads": str,
    "leaders": str,
}


def multi_lead_tasks(
    G: nx.MultiDiGraph, *, min_leads: int = 2, plan: str | None = None, doc: str | None = None
) -> pd.DataFrame:
    """Tasks with ``min_leads`` or more lead agencies, most leads first, then document order."""
    nodes = G._node
    rows = []
    for t, _, held in task_roles(G, plan, doc):
        leads = {u for u, k, r, _ in held if k == AGENCY and r == LEADS}
        if len(leads) < int(min_leads):
            continue
        rows.append(
            task_fields(
                G,
                t,
                n_leads=len(leads),
                leads=joined(nodes[u].get("name") for u in leads),
                leaders=joined(nodes[u].get("name") for u, k, *_ in held if k == LEADER),
            )
        )
    rows.sort(key=lambda r: (-r["n_leads"], r["_key"]))
    return frame(rows, COLUMNS)
