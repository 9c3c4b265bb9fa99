"""Progress per unit from an imported ledger (``zeren status import``): done, overdue, unreported.

A task's ``status`` is set by the ledger import (``graph.ledger``): ``done``,
``in_progress``, ``not_started`` or ``reported`` (a note that says neither);
tasks the ledger does not mention have none (``unreported``). A task is
``overdue`` when its ``deadline_end`` is before ``as_of`` (ISO date, default
today) and it is not done. Each unit counts every task it leads or supports;
``led_overdue`` the overdue ones it leads. Rows: most overdue first.
"""

from __future__ import annotations

from datetime import date

import networkx as nx
import pandas as pd

from zeren.graph.schema import AGENCY, LEADS
from zeren.queries._common import agency_fields, agency_listed, frame, task_roles

DESCRIPTION = "Per agency: tasks done, in progress, not started, unreported and overdue (from a ledger)"

STATUSES = ("done", "in_progress", "not_started", "reported")

COLUMNS = {
    "agency": str,
    "name": str,
    "level": str,
    "jurisdiction": str,
    "kind": str,
    "tasks": int,
    "done": int,
    "in_progress": int,
    "not_started": int,
    "reported": int,
    "unreported": int,
    "overdue": int,
    "led_overdue": int,
}


def overdue(attrs: dict, as_of: str) -> bool:
    end = attrs.get("deadline_end")
    return end is not None and end < as_of and attrs.get("status") != "done"


def progress(
    G: nx.MultiDiGraph,
    *,
    plan: str | None = None,
    doc: str | None = None,
    level: str | None = None,
    jurisdiction: str | None = None,
    as_of: str | None = None,
) -> pd.DataFrame:
    """One row per agency holding a task in scope, most overdue first."""
    today = as_of or date.today().isoformat()
    nodes = G._node
    acc: dict[str, dict[str, set]] = {}
    for t, _, held in task_roles(G, plan, doc, (AGENCY,)):
        for a, _, role, _ in held:
            if not agency_listed(nodes[a], level, jurisdiction):
                continue
            rec = acc.setdefault(a, {"tasks": set(), "led": set()})
            rec["tasks"].add(t)
            if role == LEADS:
                rec["led"].add(t)
    rows = []
    for a, rec in acc.items():
        states = [nodes[t].get("status") for t in rec["tasks"]]
        rows.append(
            {
                **agency_fields(a, nodes[a]),
                "tasks": len(rec["tasks"]),
                **{s: states.count(s) for s in STATUSES},
                "unreported": sum(s is None for s in states),
                "overdue": sum(overdue(nodes[t], today) for t in rec["tasks"]),
                "led_overdue": sum(overdue(nodes[t], today) for t in rec["led"]),
            }
        )
    rows.sort(key=lambda r: (-r["overdue"], -r["tasks"], r["agency"]))
    return frame(rows, COLUMNS)
