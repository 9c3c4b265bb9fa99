"""Turning a (cut or folded) Zeren graph into a styled ``View``.

Each drawn node carries what the page's filters read: ``kind``, ``name``,
``item`` (a task, or a plan standing in for its tasks), ``plans``, ``docs`` and
``level``; each edge its ``role`` (the edge kind).
"""

from __future__ import annotations

import networkx as nx

from zeren.graph.schema import (
    AGENCY,
    CONTAINS,
    DOCUMENT,
    HAS_TASK,
    LEADER,
    LEADS,
    LEVELS,
    PLAN,
    SUPPORTS,
    TASK,
    doc_id,
)

from .page import View
from .style import EDGE_STYLE, GROUP, NODE_STYLE, agency_size, legend_entries
from .tooltips import node_tooltip, rows_tooltip

__all__ = ["graph_view", "layout_options"]

_TASK_LABELS_UP_TO = 80  # beyond this many tasks their labels only clutter; the tooltip has the text


def graph_view(
    H: nx.MultiDiGraph,
    title: str,
    *,
    loads: dict[str, tuple[int, int, float]],
    center: str | None = None,
    height: str = "78vh",
    notes: list[str] | None = None,
) -> View:
    """Draw every node and edge of ``H`` with the shared styles, filters and legend."""
    view = View(title, height=height)
    view.notes = list(notes or [])
    max_load = max((load for _, _, load in loads.values()), default=0.0)
    max_folded = max((a.get("folded_tasks", 0) for _, a in H.nodes(data=True)), default=0)
    tasks = sum(1 for _, a in H.nodes(data=True) if a.get("kind") == TASK)
    for node, attrs in H.nodes(data=True):
        view.add_node(
            node, **_node(node, attrs, loads, (max_load, max_folded), label_tasks=tasks <= _TASK_LABELS_UP_TO)
        )
    if center is not None and center in H:
        spot = view.node_map[center]
        spot.update(borderWidth=4, size=max(spot.get("size", 14), 30), font={"size": 16, "bold": True})
        spot["color"] = {"background": spot["color"], "border": "#000000"}
    max_tasks = max((a.get("tasks", 1) for *_, a in H.edges(keys=True, data=True)), default=1)
    for i, (u, v, key, attrs) in enumerate(H.edges(keys=True, data=True)):
        view.add_edge(u, v, **_edge(i, key, attrs, max_tasks))
    kinds = [
        k
        for k in (DOCUMENT, PLAN, TASK, AGENCY, LEADER, GROUP)
        if any(a.get("kind") == k for _, a in H.nodes(data=True))
    ]
    edge_kinds = [
        k for k in (LEADS, SUPPORTS, CONTAINS, HAS_TASK) if any(key == k for *_, key in H.edges(keys=True))
    ]
    view.legend = legend_entries(kinds, edge_kinds)
    for row in view.legend:
        # Folded plans and documents stand for their tasks; say what their size means.
        if row["text"] in ("Plan", "Document") and any(
            a.get("kind") == row["text"] and "folded_tasks" in a for _, a in H.nodes(data=True)
        ):
            row["text"] += " (size = tasks)"
    view.filters = _filters(H, edge_kinds)
    view.options = layout_options(H.number_of_nodes(), arrows=True)
    return view


def layout_options(n_nodes: int, *, arrows: bool) -> dict:
    """vis-network options: ForceAtlas2 with a stabilisation budget that shrinks as graphs grow."""
    iterations = 300 if n_nodes <= 300 else 150 if n_nodes <= 1000 else 100
    return {
        "nodes": {
            "font": {"size": 12, "face": "Noto Sans CJK SC, Microsoft YaHei, sans-serif"},
            "borderWidth": 1,
        },
        "edges": {
            "smooth": False,
            "arrows": {"to": {"enabled": arrows, "scaleFactor": 0.5}},
            "color": {"inherit": False},
        },
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -70,
                "centralGravity": 0.01,
                "springLength": 90,
                "springConstant": 0.06,
                "avoidOverlap": 0.3,
            },
            "minVelocity": 1.5,
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 50, "fit": True},
        },
        "layout": {"improvedLayout": n_nodes <= 150, "randomSeed": 7},
        "interaction": {"hover": True, "tooltipDelay": 100, "hideEdgesOnDrag": n_nodes > 500},
    }


def _node(node: str, attrs: dict, loads: dict, scale: tuple[float, int], *, label_tasks: bool) -> dict:
    kind = attrs.get("kind", "")
    style = NODE_STYLE.get(kind, NODE_STYLE[GROUP])
    name = str(attrs.get("name") or node)
    out = {
        "label": name,
        "shape": style["shape"],
        "color": style["color"],
        "size": style["size"],
        "kind": kind,
        "name": name,
    }
    led, supported, load = loads.get(node, (0, 0, 0.0))
    if kind == TASK:
        out["label"] = _short(name, 12) if label_tasks else " "
        out["item"] = True
        out["plans"] = [attrs.get("plan_id")]
        out["docs"] = [doc_id(attrs.get("doc", ""))]
        out["title"] = node_tooltip(node, attrs)
    elif kind == PLAN:
        out["label"] = _short(name, 18)
        out["plans"] = [node]
        out["docs"] = [doc_id(attrs.get("doc", ""))]
        out["title"] = node_tooltip(node, attrs)
        _mark_folded(out, attrs, scale[1])
    elif kind == DOCUMENT:
        out["label"] = _short(str(attrs.get("title") or name), 18)
        out["docs"] = [node]
        out["title"] = node_tooltip(node, attrs)
        _mark_folded(out, attrs, scale[1])
    elif kind in (AGENCY, LEADER):
        out["level"] = attrs.get("level", "")
        out["title"] = node_tooltip(
            node, attrs, led=led, supported=supported, load=load if kind == AGENCY else None
        )
        if kind == AGENCY:
            out["size"] = agency_size(load, scale[0])
            # Busy agencies keep a readable label when the whole graph is zoomed out.
            out["font"] = {"size": round(out["size"] * 0.45 + 8)}
    else:  # a group of small actors
        out["level"] = attrs.get("level", "")
        out["title"] = rows_tooltip(name, [("Members", attrs.get("members")), ("Level", attrs.get("level"))])
    out["label"] = out["label"] or " "
    return out


def _mark_folded(out: dict, attrs: dict, max_folded: int) -> None:
    """A plan or document standing in for its tasks is sized by them and filtered as an item."""
    if "folded_tasks" in attrs:
        out["item"] = True
        out["size"] = agency_size(attrs["folded_tasks"], max_folded)
        out["title"] += f"<br>Tasks: {int(attrs['folded_tasks'])}"


def _edge(i: int, key: str, attrs: dict, max_tasks: int) -> dict:
    style = EDGE_STYLE.get(key, EDGE_STYLE[HAS_TASK])
    out = {
        "id": f"e{i}",
        "role": key,
        "color": style["color"],
        "width": style["width"],
        "dashes": style["dashes"],
    }
    if "tasks" in attrs:
        out["width"] = round(style["width"] * (1 + 3 * attrs["tasks"] / max_tasks), 2)
        out["title"] = rows_tooltip(style["label"], [("Tasks", attrs["tasks"])])
    elif attrs.get("raw"):
        out["title"] = rows_tooltip(style["label"], [("Written as", attrs["raw"])])
    return out


def _filters(H: nx.MultiDiGraph, edge_kinds: list[str]) -> dict[str, list[tuple[str, str]]]:
    plans = sorted(
        (n, f"{a.get('doc', '')} · {a.get('title') or a.get('name')}")
        for n, a in H.nodes(data=True)
        if a.get("kind") == PLAN
    )
    docs = sorted(
        (n, a.get("title") or a.get("name") or n) for n, a in H.nodes(data=True) if a.get("kind") == DOCUMENT
    )
    present = {a.get("level") for _, a in H.nodes(data=True) if a.get("kind") in (AGENCY, GROUP)}
    levels = [(lv, lv) for lv in LEVELS if lv in present]
    roles = [(k, EDGE_STYLE[k]["label"]) for k in (LEADS, SUPPORTS) if k in edge_kinds]
    return {"plan": plans, "doc": docs, "role": roles, "level": levels}


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
