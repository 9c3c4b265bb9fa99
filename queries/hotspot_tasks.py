"""Shared-responsibility hotspots: the tasks with the most parties.

A party is a distinct agency or leader holding a role (LEADS or SUPPORTS) on
the task; many parties on one measure means diluted accountability.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from zeren.graph.schema import AGENCY, LEADER, LEADS, SUPPORTS
from zeren.queries._common import frame, task_fields, task_order, task_roles

DESCRIPTION = "Tasks with the most responsible parties (agencies and leaders), top n"

COLUMNS = {
    "task": str,
    "doc": str,
    "plan": str,
    "text": str,
    "leads": int,
    "supports": int,
    "leaders": int,
    "parties": int,
}


def validate(*, n=10, **_) -> None:
    if n is None or int(n) < 0:
        raise ValueError("n must be >= 0")


def hotspot_tasks(
    G: nx.MultiDiGraph, *, n: int = 10, plan: str | None = None, doc: str | None = None
) -> pd.DataFrame:
    """The ``n`` tasks with most parties; ties in document order."""
    validate(n=n)
    counted = []
    for t, ta, held in task_roles(G, plan, doc):
        if held:
            parties = len({u for u, *_ in held})
            counted.append((-parties, task_order(t, ta), t, held))
    # only the first n become rows: the sort key alone orders every task
    counted.sort(key=lambda c: c[:2])
    rows = [
        task_fields(
            G,
            t,
            leads=len({u for u, k, r, _ in held if k == AGENCY and r == LEADS}),
            supports=len({u for u, k, r, _ in held if k == AGENCY and r == SUPPORTS}),
            leaders=len({u for u, k, *_ in held if k == LEADER}),
            parties=-minus_parties,
        )
        for minus_parties, _, t, held in counted[: int(n)]
    ]
    return frame(rows, COLUMNS)
