"""Colours, shapes and sizes shared by every view, so a legend means the same everywhere."""

from __future__ import annotations

from zeren.graph.schema import AGENCY, CONTAINS, DOCUMENT, HAS_TASK, LEADER, LEADS, PLAN, SUPPORTS, TASK

from .i18n import DEFAULT_LANG, message

__all__ = [
    "GROUP",
    "NODE_STYLE",
    "EDGE_STYLE",
    "COMMUNITY_COLOURS",
    "agency_size",
    "legend_entries",
    "legend_row",
]

GROUP = "Group"  # several small agencies folded into one node by the large-graph fallback

NODE_STYLE: dict[str, dict] = {
    DOCUMENT: {"color": "#6c757d", "shape": "square", "size": 20, "label": "Document"},
    PLAN: {"color": "#e67e22", "shape": "diamond", "size": 18, "label": "Plan"},
    TASK: {"color": "#85c1e9", "shape": "dot", "size": 8, "label": "Task"},
    AGENCY: {"color": "#27ae60", "shape": "dot", "size": 14, "label": "Agency (size = load)"},
    LEADER: {"color": "#8e44ad", "shape": "star", "size": 14, "label": "Lead official"},
    GROUP: {"color": "#95a5a6", "shape": "square", "size": 16, "label": "Grouped small agencies"},
}

# LEADS and SUPPORTS must read apart even in greyscale: solid and thick vs dashed and thin.
EDGE_STYLE: dict[str, dict] = {
    LEADS: {"color": "#c0392b", "width": 2.5, "dashes": False, "label": "leads"},
    SUPPORTS: {"color": "#2980b9", "width": 1.2, "dashes": True, "label": "supports"},
    CONTAINS: {"color": "#c8c8c8", "width": 1.0, "dashes": False, "label": "contains plan"},
    HAS_TASK: {"color": "#c8c8c8", "width": 0.8, "dashes": False, "label": "has task"},
}

COMMUNITY_COLOURS = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
)  # fmt: skip


def agency_size(load: float, max_load: float) -> float:
    """Node radius for an agency: area grows with load, so a double load does not look four times bigger.

    >>> agency_size(0, 10), agency_size(10, 10)
    (10.0, 40.0)
    """
    if max_load <= 0:
        return 10.0
    return round(10.0 + 30.0 * (max(load, 0) / max_load) ** 0.5, 2)


def legend_row(colour: str, shape: str, text: str, *, dashes: bool = False) -> dict:
    """One legend row as the page template reads it; ``shape="line"`` draws an edge swatch."""
    return {"colour": colour, "shape": shape, "text": text, "line": shape == "line", "dashes": dashes}


def kind_label(kind: str, lang: str = DEFAULT_LANG) -> str:
    """A node kind as the legend names it (agencies say their size means load).

    >>> kind_label("Agency", "en"), kind_label("Plan")
    ('Agency (size = load)', '方案')
    """
    return message("view.legend.Agency" if kind == AGENCY else f"view.kind.{kind}", lang)


def edge_label(kind: str, lang: str = DEFAULT_LANG) -> str:
    """An edge kind in words: ``leads``, ``supports``, …"""
    return message(f"view.edge.{kind}", lang)


def legend_entries(kinds: list[str], edges: list[str], lang: str = DEFAULT_LANG) -> list[dict]:
    """Legend rows for the node and edge kinds a view actually shows; each row keeps its ``kind``."""
    rows = [
        {**legend_row(NODE_STYLE[k]["color"], NODE_STYLE[k]["shape"], kind_label(k, lang)), "kind": k}
        for k in kinds
    ]
    rows += [
        {
            **legend_row(EDGE_STYLE[e]["color"], "line", edge_label(e, lang), dashes=EDGE_STYLE[e]["dashes"]),
            "kind": e,
        }
        for e in edges
    ]
    return rows
