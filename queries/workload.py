"""Agency workload: how many tasks each unit leads and supports, and who is overloaded.

``load = lead_weight × led + support_weight × supported``. A unit is
``overloaded`` when its load exceeds ``k`` times the median load of the units
listed (median = Neo4j's ``percentileCont(load, 0.5)``), a rule both backends
compute the same way. ``partners`` counts the distinct other agencies holding
any role on the same tasks; ``due_in_window`` the tasks whose ``deadline_end``
lies in ``[due_from, due_to]`` (ISO dates, open where None).
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from zeren.graph.schema import AGENCY, LEADS
from zeren.queries._common import frame, in_window, percentile_cont, roles, scope_tasks

DESCRIPTION = "Tasks led and supported per agency, weighted load, partners, overload flag"

COLUMNS = {
    "agency": str,
    "name": str,
    "level": str,
    "jurisdiction": str,
    "kind": str,
    "led": int,
    "supported": int,
    "load": float,
    "plans": int,
    "documents": int,
    "partners": int,
    "due_in_window": int,
    "overloaded": bool,
}


def workload(
    G: nx.MultiDiGraph,
    *,
    plan: str | None = None,
    doc: str | None = None,
    level: str | None = None,
    jurisdiction: str | None = None,
    lead_weight: float = 1.0,
    support_weight: float = 0.5,
    due_from: str | None = None,
    due_to: str | None = None,
    k: float = 2.0,
) -> pd.DataFrame:
    """One row per agency holding a task in scope, heaviest load first.

    ``plan`` is a plan id or title, ``doc`` a document id; ``level`` and
    ``jurisdiction`` filter the agencies listed (their partners are counted
    whatever their level).
    """
    acc: dict[str, dict] = {}
    for t in scope_tasks(G, plan, doc):
        held = list(roles(G, t, (AGENCY,)))
        on_task = {a for a, *_ in held}
        for a, _, role, _ in held:
            na = G.nodes[a]
            if level is not None and na.get("level") != level:
                continue
            if jurisdiction is not None and na.get("jurisdiction") != jurisdiction:
                continue
            rec = acc.setdefault(a, {"led": set(), "sup": set(), "tasks": set(), "partners": set()})
            rec["led" if role == LEADS else "sup"].add(t)
            rec["tasks"].add(t)
            rec["partners"] |= on_task - {a}
    rows = []
    for a, rec in acc.items():
        na = G.nodes[a]
        tasks = [G.nodes[t] for t in rec["tasks"]]
        led, sup = len(rec["led"]), len(rec["sup"])
        rows.append(
            {
                "agency": a,
                "name": na.get("name"),
                "level": na.get("level"),
                "jurisdiction": na.get("jurisdiction"),
                "kind": na.get("agency_kind"),
                "led": led,
                "supported": sup,
                "load": float(lead_weight) * led + float(support_weight) * sup,
                "plans": len({x.get("plan_id") for x in tasks} - {None}),
                "documents": len({x.get("doc") for x in tasks} - {None}),
                "partners": len(rec["partners"]),
                "due_in_window": sum(in_window(x.get("deadline_end"), due_from, due_to) for x in tasks),
            }
        )
    median = percentile_cont([r["load"] for r in rows], 0.5) or 0.0
    for r in rows:
        r["overloaded"] = r["load"] > float(k) * median
    rows.sort(key=lambda r: (-r["load"], r["agency"]))
    return frame(rows, COLUMNS)
