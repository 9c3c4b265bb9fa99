"""Two documents or years side by side: which units gained or lost load.

``left`` and ``right`` each select tasks by document id (with or without
``doc:``) or by year (the first four characters of the document's ``date``).
Load is weighted as in ``workload``; ``change = load_right - load_left``;
``status`` is ``gained``/``lost``/``same``; ``in_both`` marks units holding
tasks on both sides.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from zeren.graph.schema import AGENCY, DOCUMENT, LEADS
from zeren.queries._common import frame, of_kind, task_roles

DESCRIPTION = "Two documents or years side by side: load gained or lost per agency"

COLUMNS = {
    "agency": str,
    "name": str,
    "tasks_left": int,
    "tasks_right": int,
    "load_left": float,
    "load_right": float,
    "change": float,
    "status": str,
    "in_both": bool,
}


def validate(*, left=None, right=None, **_) -> None:
    if left is None or right is None:
        raise ValueError("left and right are required (a document id or a year each)")


def _side(doc: str | None, date: str, wanted: str | None) -> bool:
    return wanted in (doc, f"doc:{doc}") or date[:4] == wanted


def compare(
    G: nx.MultiDiGraph,
    *,
    left: str | None = None,
    right: str | None = None,
    lead_weight: float = 1.0,
    support_weight: float = 0.5,
) -> pd.DataFrame:
    """One row per agency holding a task on either side, biggest gain first."""
    validate(left=left, right=right)
    nodes = G._node
    dates = {d: a.get("date") or "" for d, a in of_kind(G, DOCUMENT)}
    acc: dict[str, dict] = {}
    for t, ta, held in task_roles(G, kinds=(AGENCY,)):
        doc = ta.get("doc")
        date = dates.get(f"doc:{doc}", "")
        sides = [s for s, w in (("left", left), ("right", right)) if _side(doc, date, w)]
        if not sides:
            continue
        for a, _, role, _ in held:
            rec = acc.setdefault(
                a, {f"{s}_{r}": set() for s in ("left", "right") for r in ("led", "sup", "all")}
            )
            for s in sides:
                rec[f"{s}_{'led' if role == LEADS else 'sup'}"].add(t)
                rec[f"{s}_all"].add(t)
    rows = []
    lw, sw = float(lead_weight), float(support_weight)
    for a, rec in acc.items():
        load_left = lw * len(rec["left_led"]) + sw * len(rec["left_sup"])
        load_right = lw * len(rec["right_led"]) + sw * len(rec["right_sup"])
        change = load_right - load_left
        rows.append(
            {
                "agency": a,
                "name": nodes[a].get("name"),
                "tasks_left": len(rec["left_all"]),
                "tasks_right": len(rec["right_all"]),
                "load_left": load_left,
                "load_right": load_right,
                "change": change,
                "status": "gained" if change > 0 else "lost" if change < 0 else "same",
                "in_both": bool(rec["left_all"]) and bool(rec["right_all"]),
            }
        )
    rows.sort(key=lambda r: (-r["change"], r["agency"]))
    return frame(rows, COLUMNS)
