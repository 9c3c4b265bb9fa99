"""Workload of the lead officials (Leader nodes): tasks they lead, and who is overloaded.

Leaders only lead, so the load is the number of tasks led; ``overloaded``
means ``led > k × median(led)`` over the leaders listed (Neo4j's
``percentileCont``). ``agencies`` counts the distinct agencies holding a role
on the same tasks.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from zeren.graph.schema import AGENCY, LEADER, LEADS
from zeren.queries._common import frame, in_window, percentile_cont, task_roles

DESCRIPTION = "Tasks led per lead official, agencies alongside, overload flag"

COLUMNS = {
    "leader": str,
    "name": str,
    "jurisdiction": str,
    "led": int,
    "plans": int,
    "documents": int,
    "agencies": int,
    "due_in_window": int,
    "overloaded": bool,
}


def leader_workload(
    G: nx.MultiDiGraph,
    *,
    plan: str | None = None,
    doc: str | None = None,
    jurisdiction: str | None = None,
    due_from: str | None = None,
    due_to: str | None = None,
    k: float = 2.0,
) -> pd.DataFrame:
    """One row per leader leading a task in scope, most tasks first."""
    nodes = G._node
    acc: dict[str, dict] = {}
    for t, _, held in task_roles(G, plan, doc):
        agencies = None
        for u, kind, role, _ in held:
            if kind != LEADER or role != LEADS:
                continue
            if agencies is None:  # most tasks have no lead official: gathered only for those that do
                agencies = {a for a, k, *_ in held if k == AGENCY}
            if jurisdiction is not None and nodes[u].get("jurisdiction") != jurisdiction:
                continue
            rec = acc.setdefault(u, {"tasks": set(), "agencies": set()})
            rec["tasks"].add(t)
            rec["agencies"] |= agencies
    rows = []
    for u, rec in acc.items():
        nu = nodes[u]
        tasks = [nodes[t] for t in rec["tasks"]]
        rows.append(
            {
                "leader": u,
                "name": nu.get("name"),
                "jurisdiction": nu.get("jurisdiction"),
                "led": len(tasks),
                "plans": len({x.get("plan_id") for x in tasks} - {None}),
                "documents": len({x.get("doc") for x in tasks} - {None}),
                "agencies": len(rec["agencies"]),
                "due_in_window": sum(in_window(x.get("deadline_end"), due_from, due_to) for x in tasks),
            }
        )
    median = percentile_cont([float(r["led"]) for r in rows], 0.5) or 0.0
    for r in rows:
        r["overloaded"] = r["led"] > float(k) * median
    rows.sort(key=lambda r: (-r["led"], r["leader"]))
    return frame(rows, COLUMNS)
