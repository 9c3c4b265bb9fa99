"""A plan's responsibility matrix: tasks × units with L (leads) and S (supports), the RACI-style table.

Analysts draw this by hand to see at a glance who carries a plan: rows are the
plan's tasks in document order, columns its units ordered by tasks led, then
supported. The page sorts by any column in the browser and links each task to
its source line when the source pages were written.
"""

from __future__ import annotations

from collections import Counter

import networkx as nx

from zeren.graph.schema import AGENCY, HAS_TASK, LEADER, LEADS, ROLE_EDGES

from .i18n import DEFAULT_LANG, message, messages
from .page import _environment, script_json
from .select import resolve_plan
from .tooltips import deadline_text, source_ref

__all__ = ["MatrixView", "matrix_view"]


class MatrixView:
    """The matrix as data (``units``, ``rows``) plus the page ``write_html`` writes."""

    def __init__(self, title: str, units: list[dict], rows: list[dict], lang: str) -> None:
        self.title = title
        self.units = units
        self.rows = rows
        self.lang = lang
        self.source_links: dict[str, str] = {}
        self.details: dict[str, dict] = {
            r["task"]: {"kind": "Task", "source": {"doc": r["doc"]}} for r in rows if r["doc"]
        }

    def generate_html(self) -> str:
        """The page as one string: an escaped table and a small sorting script, nothing remote."""
        return (
            _environment()
            .get_template("matrix.html.j2")
            .render(
                lang_html=message("lang.html", self.lang),
                title=self.title,
                t=messages(self.lang, "view."),
                units=self.units,
                rows=self.rows,
                links=self.source_links,
                totals_json=script_json(len(self.units)),
            )
        )


def matrix_view(G: nx.MultiDiGraph, plan: str, *, lang: str = DEFAULT_LANG) -> MatrixView:
    """The matrix of ``plan`` (an id or exact title); ``ViewError`` when no such plan."""
    pid = resolve_plan(G, plan)
    tasks = sorted(
        (t for _, t, k in G.out_edges(pid, keys=True) if k == HAS_TASK),
        key=lambda t: (int(G.nodes[t].get("line") or 0), _order(t)),
    )
    marks: dict[str, dict[str, str]] = {}
    led: Counter[str] = Counter()
    supported: Counter[str] = Counter()
    for task in tasks:
        row = marks.setdefault(task, {})
        for actor, _, key in G.in_edges(task, keys=True):
            if key not in ROLE_EDGES or G.nodes[actor].get("kind") not in (AGENCY, LEADER):
                continue
            if key == LEADS:
                row[actor] = "L"
                led[actor] += 1
            elif row.get(actor) != "L":
                row[actor] = "S"
                supported[actor] += 1
    order = sorted(set(led) | set(supported), key=lambda a: (-led[a], -supported[a], a))
    units = [
        {
            "id": a,
            "name": str(G.nodes[a].get("name") or a),
            "leader": G.nodes[a].get("kind") == LEADER,
            "led": led[a],
            "supported": supported[a],
        }
        for a in order
    ]
    rows = []
    for task in tasks:
        attrs = G.nodes[task]
        rows.append(
            {
                "task": task,
                "no": attrs.get("number") or "",
                "order": _order(task),
                "text": str(attrs.get("text") or attrs.get("name") or task),
                "deadline": deadline_text(attrs) or "",
                "doc": attrs.get("doc") or "",
                "line": int(attrs.get("line") or 0),
                "ref": source_ref(attrs),
                "marks": [marks[task].get(a, "") for a in order],
            }
        )
    title = message("view.title.matrix", lang).format(plan=G.nodes[pid].get("title") or pid)
    return MatrixView(title, units, rows, lang)


def _order(task: str) -> int:
    tail = task.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else 0
