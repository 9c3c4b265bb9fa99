"""Gap: tasks without a deadline in plans that otherwise set deadlines.

A plan "sets deadlines" when at least ``min_share`` of its tasks (in scope)
have deadline text; its tasks without one are listed with that share, since
a plan that dates most measures probably forgot the rest.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import pandas as pd

from zeren.queries._common import frame, has_deadline, scope_tasks, task_order

DESCRIPTION = "Tasks missing a deadline where their plan dates most tasks"

COLUMNS = {"task": str, "doc": str, "plan": str, "text": str, "plan_share": float, "plan_tasks": int}


def gaps_no_deadline(
    G: nx.MultiDiGraph, *, min_share: float = 0.5, plan: str | None = None, doc: str | None = None
) -> pd.DataFrame:
    """Undated tasks of plans where the dated share is at least ``min_share``, in document order."""
    nodes = G._node
    by_plan: dict[str | None, list[tuple[str, dict[str, Any]]]] = {}
    for t in scope_tasks(G, plan, doc):
        ta = nodes[t]
        by_plan.setdefault(ta.get("plan_id"), []).append((t, ta))
    rows: list[dict[str, Any]] = []
    for tasks in by_plan.values():
        undated = [(t, ta) for t, ta in tasks if not has_deadline(ta)]
        share = float(len(tasks) - len(undated)) / len(tasks)
        if share < float(min_share):
            continue
        for t, ta in undated:
            rows.append(
                {
                    "task": t,
                    "doc": ta.get("doc"),
                    "plan": ta.get("plan"),
                    "text": ta.get("text"),
                    "plan_share": share,
                    "plan_tasks": len(tasks),
                    "_key": task_order(t, ta),
                }
            )
    rows.sort(key=lambda r: r["_key"])
    return frame(rows, COLUMNS)
