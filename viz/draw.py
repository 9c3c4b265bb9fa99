"""Turning a (cut or folded) Zeren graph into a styled ``View``.

Each drawn node carries what the page's filters read: ``kind``, ``name``,
``item`` (a task, or a plan standing in for its tasks), ``plans``, ``docs`` and
``level``; each edge its ``role`` (the edge kind).
"""

from __future__ import annotations

import re

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

from .details import view_details
from .i18n import DEFAULT_LANG, message
from .layout import seeded_layout, spread_labels
from .page import View
from .style import EDGE_STYLE, GROUP, NODE_STYLE, agency_size, edge_label, legend_entries
from .tooltips import level_name, node_tooltip, rows_tooltip

__all__ = ["graph_view", "layout_options", "LABELLED_AGENCIES", "place_nodes"]

_TASK_LABELS_UP_TO = 30  # beyond this many tasks their labels only clutter; hover or click shows the text
_PLAN_LABELS_UP_TO = 60
_SPREAD_ALL_UP_TO = 300  # above this many nodes only labelled ones are pushed apart (the cost is quadratic)
LABELLED_AGENCIES = 20
"""Agencies labelled at every zoom, busiest first; the others show their name on hover."""


def graph_view(
    H: nx.MultiDiGraph,
    title: str,
    *,
    loads: dict[str, tuple[int, int, float]],
    center: str | None = None,
    height: str = "78vh",
    notes: list[str] | None = None,
    lang: str = DEFAULT_LANG,
    G: nx.MultiDiGraph | None = None,
    communities: dict[str, int] | None = None,
) -> View:
    """Draw every node and edge of ``H`` with the shared styles, filters, legend and layout.

    ``G`` is the graph ``H`` was cut or folded from; the details panel reads it,
    so a folded plan still lists its tasks. ``communities`` (agency → number)
    lets the page colour and filter agencies by co-responsibility community.
    """
    view = View(title, height=height, lang=lang)
    view.notes = list(notes or [])
    max_load = max((load for _, _, load in loads.values()), default=0.0)
    max_folded = max((a.get("folded_tasks", 0) for _, a in H.nodes(data=True)), default=0)
    counts = {k: sum(1 for _, a in H.nodes(data=True) if a.get("kind") == k) for k in (TASK, PLAN)}
    labelled = _labelled_agencies(H, loads)
    for node, attrs in H.nodes(data=True):
        view.add_node(
            node,
            **_node(
                node,
                attrs,
                loads,
                (max_load, max_folded),
                labels={
                    TASK: counts[TASK] <= _TASK_LABELS_UP_TO,
                    PLAN: counts[PLAN] <= _PLAN_LABELS_UP_TO,
                    AGENCY: labelled,
                },
                lang=lang,
                docs=G if G is not None else H,
            ),
        )
    if center is not None and center in H:
        spot = view.node_map[center]
        spot.update(
            borderWidth=4,
            size=max(spot.get("size", 14), 30),
            font={"size": 44, "strokeWidth": 6, "strokeColor": "#ffffff", "color": "#000000"},
        )
        spot["label"] = spot["name"]
        spot["color"] = {"background": spot["color"], "border": "#000000"}
    max_tasks = max((a.get("tasks", 1) for *_, a in H.edges(keys=True, data=True)), default=1)
    for i, (u, v, key, attrs) in enumerate(H.edges(keys=True, data=True)):
        view.add_edge(u, v, **_edge(i, key, attrs, max_tasks, lang))
    kinds = [
        k
        for k in (DOCUMENT, PLAN, TASK, AGENCY, LEADER, GROUP)
        if any(a.get("kind") == k for _, a in H.nodes(data=True))
    ]
    edge_kinds = [
        k for k in (LEADS, SUPPORTS, CONTAINS, HAS_TASK) if any(key == k for *_, key in H.edges(keys=True))
    ]
    view.legend = legend_entries(kinds, edge_kinds, lang)
    for row in view.legend:
        # Folded plans and documents stand for their tasks; say what their size means.
        if row["kind"] in (PLAN, DOCUMENT) and any(
            a.get("kind") == row["kind"] and "folded_tasks" in a for _, a in H.nodes(data=True)
        ):
            row["text"] = message("view.legend.folded", lang).format(kind=row["text"])
    agencies = sum(1 for _, a in H.nodes(data=True) if a.get("kind") == AGENCY)
    if agencies > len(labelled):
        view.notes.append(message("view.note.labels", lang).format(n=len(labelled)))
    view.filters = _filters(H, edge_kinds, lang)
    if communities:
        drawn = sorted({c for n in view.nodes if (c := communities.get(n["id"])) is not None})
        for spot in view.nodes:
            if spot["id"] in communities:
                spot["community"] = communities[spot["id"]]
        view.filters["community"] = [(str(c), str(c + 1)) for c in drawn]
    years = sorted({y for n in view.nodes for y in n.get("years", [])})
    view.filters["year"] = [(y, y) for y in years] if len(years) > 1 else []
    view.details = view_details(G if G is not None else H, list(H.nodes), lang)
    place_nodes(view, H)
    view.options = layout_options(H.number_of_nodes(), arrows=True)
    return view


def place_nodes(view: View, H: nx.Graph) -> None:
    """Give every drawn node its precomputed position (the page starts with physics off).

    Nodes whose label shows at every zoom are then nudged apart until their labels do not overlap.
    """
    boxes = {}
    every = len(view.nodes) <= _SPREAD_ALL_UP_TO
    for spot in view.nodes:
        label = str(spot.get("label") or "").strip()
        dot = 2 * float(spot.get("size", 10))
        if label and spot["kind"] != TASK:
            size = (spot.get("font") or {}).get("size", 14)
            # CJK glyphs are about one em wide; the label sits under a node of radius ``size``
            boxes[spot["id"]] = (max(size * len(label) + 8, dot), size * 1.3 + dot)
        elif every:
            # in small views every dot takes part, so no hub ends up covering a task
            boxes[spot["id"]] = (dot + 6, dot + 6)
    for node, (x, y) in spread_labels(seeded_layout(H), boxes).items():
        spot = view.node_map.get(node)
        if spot is not None:
            spot["x"], spot["y"] = x, y


def _labelled_agencies(H: nx.MultiDiGraph, loads: dict[str, tuple[int, int, float]]) -> set[str]:
    agencies = [n for n, a in H.nodes(data=True) if a.get("kind") == AGENCY]
    ranked = sorted(agencies, key=lambda n: (-loads.get(n, (0, 0, 0.0))[2], n))
    return set(ranked[:LABELLED_AGENCIES])


def layout_options(n_nodes: int, *, arrows: bool) -> dict:
    """vis-network options: positions come precomputed, so physics starts off (the page's button runs it)."""
    return {
        "nodes": {
            "font": {"size": 14, "face": "Noto Sans CJK SC, Microsoft YaHei, sans-serif"},
            "borderWidth": 1,
            # vis hides a label drawn smaller than drawThreshold px; big labels stay readable zoomed out
            "scaling": {"label": {"enabled": False, "drawThreshold": 4}},
        },
        "edges": {
            "smooth": False,
            "arrows": {"to": {"enabled": arrows, "scaleFactor": 0.5}},
            "color": {"inherit": False},
        },
        "physics": {
            "enabled": False,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -70,
                "centralGravity": 0.01,
                "springLength": 90,
                "springConstant": 0.06,
                "avoidOverlap": 0.3,
            },
            "minVelocity": 1.5,
            "stabilization": {"enabled": False},
        },
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": n_nodes > 500,
            "hideEdgesOnZoom": n_nodes > 1000,
        },
    }


def _node(
    node: str,
    attrs: dict,
    loads: dict,
    scale: tuple[float, int],
    *,
    labels: dict,
    lang: str,
    docs: nx.MultiDiGraph,
) -> dict:
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
        "search": [name],
    }
    led, supported, load = loads.get(node, (0, 0, 0.0))
    if kind == TASK:
        doc = attrs.get("doc", "")
        out["label"] = _short(name, 12) if labels[TASK] else " "
        out["item"] = True
        out["plans"] = [attrs.get("plan_id")]
        out["docs"] = [doc_id(doc)]
        out["years"] = _years(docs, doc)
        out["search"] = [attrs.get("text") or name]
        out["title"] = node_tooltip(node, attrs, lang=lang)
    elif kind == PLAN:
        doc = attrs.get("doc", "")
        out["label"] = _short(name, 18) if labels[PLAN] or "folded_tasks" in attrs else " "
        out["plans"] = [node]
        out["docs"] = [doc_id(doc)]
        out["years"] = _years(docs, doc)
        out["title"] = node_tooltip(node, attrs, lang=lang)
        _mark_folded(out, attrs, scale[1], lang)
    elif kind == DOCUMENT:
        out["label"] = _short(str(attrs.get("title") or name), 18)
        out["font"] = {"size": 34, "strokeWidth": 5, "strokeColor": "#ffffff", "color": "#444444"}
        out["docs"] = [node]
        out["years"] = _years(docs, node.removeprefix("doc:"))
        out["search"] = [name, str(attrs.get("title") or ""), node.removeprefix("doc:")]
        out["title"] = node_tooltip(node, attrs, lang=lang)
        _mark_folded(out, attrs, scale[1], lang)
    elif kind in (AGENCY, LEADER):
        out["level"] = attrs.get("level", "")
        out["jurisdiction"] = attrs.get("jurisdiction") or ""
        out["search"] = sorted({name, *(attrs.get("spellings") or [])})
        out["title"] = node_tooltip(
            node, attrs, led=led, supported=supported, load=load if kind == AGENCY else None, lang=lang
        )
        if kind == AGENCY:
            out["size"] = agency_size(load, scale[0])
            if node in labels[AGENCY]:
                # The busiest agencies keep a readable label when the whole graph is zoomed out.
                share = (load / scale[0]) ** 0.5 if scale[0] > 0 else 0.0
                out["font"] = {"size": round(22 + 34 * share), "strokeWidth": 5, "strokeColor": "#ffffff"}
            else:
                out["label"] = " "
    else:  # a group of small actors
        level = attrs.get("level", "")
        out["level"] = level
        members = int(attrs.get("members") or 0)
        if level:
            name = message("view.group.level", lang).format(n=members, level=level_name(level, lang))
        else:
            name = message("view.group.leaders", lang).format(n=members)
        out["name"] = out["label"] = name
        out["search"] = [name]
        out["title"] = rows_tooltip(
            name,
            [
                (message("view.field.members", lang), members),
                (message("view.field.level", lang), level_name(level, lang)),
            ],
        )
    out["label"] = out["label"] or " "
    return out


def _years(G: nx.MultiDiGraph, doc: str) -> list[str]:
    """The year of a document: from its date, else a 20xx in its id (``wuding-2024-…``)."""
    attrs = G.nodes.get(doc_id(doc), {}) if doc else {}
    date = str(attrs.get("date") or "")
    if len(date) >= 4 and date[:4].isdigit():
        return [date[:4]]
    found = re.search(r"(?<!\d)(19|20)\d{2}(?!\d)", doc)
    return [found.group(0)] if found else []


def _mark_folded(out: dict, attrs: dict, max_folded: int, lang: str) -> None:
    """A plan or document standing in for its tasks is sized by them and filtered as an item."""
    if "folded_tasks" in attrs:
        out["item"] = True
        out["size"] = agency_size(attrs["folded_tasks"], max_folded)
        out["title"] += f"<br>{message('view.field.tasks', lang)}: {int(attrs['folded_tasks'])}"


def _edge(i: int, key: str, attrs: dict, max_tasks: int, lang: str) -> dict:
    style = EDGE_STYLE.get(key, EDGE_STYLE[HAS_TASK])
    out = {
        "id": f"e{i}",
        "role": key,
        "color": style["color"],
        "width": style["width"],
        "dashes": style["dashes"],
    }
    label = edge_label(key if key in EDGE_STYLE else HAS_TASK, lang)
    if "tasks" in attrs:
        out["width"] = round(style["width"] * (1 + 3 * attrs["tasks"] / max_tasks), 2)
        out["title"] = rows_tooltip(label, [(message("view.field.tasks", lang), attrs["tasks"])])
    elif attrs.get("raw"):
        out["title"] = rows_tooltip(label, [(message("view.field.written_as", lang), attrs["raw"])])
    return out


def _filters(H: nx.MultiDiGraph, edge_kinds: list[str], lang: str) -> dict[str, list[tuple[str, str]]]:
    """Choices of the page's drop-downs (years are added from the drawn items)."""
    plans = sorted(
        (n, f"{a.get('doc', '')} · {a.get('title') or a.get('name')}")
        for n, a in H.nodes(data=True)
        if a.get("kind") == PLAN
    )
    docs = sorted(
        (n, a.get("title") or a.get("name") or n) for n, a in H.nodes(data=True) if a.get("kind") == DOCUMENT
    )
    present = {a.get("level") for _, a in H.nodes(data=True) if a.get("kind") in (AGENCY, GROUP)}
    levels = [(lv, level_name(lv, lang) or lv) for lv in LEVELS if lv in present]
    roles = [(k, edge_label(k, lang)) for k in (LEADS, SUPPORTS) if k in edge_kinds]
    places = sorted(
        {
            str(a["jurisdiction"])
            for _, a in H.nodes(data=True)
            if a.get("kind") == AGENCY and a.get("jurisdiction")
        }
    )
    return {
        "plan": plans,
        "doc": docs,
        "level": levels,
        "jurisdiction": [(p, p) for p in places],
        "role": roles,
    }


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
