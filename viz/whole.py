"""The whole graph in one view: documents, plans, tasks, agencies and lead officials."""

from __future__ import annotations

import networkx as nx

from zeren.graph.schema import AGENCY, DOCUMENT, LEADER, PLAN

from .aggregate import count_kinds, fold_plans, fold_tasks, group_small_actors
from .data import actor_loads
from .draw import graph_view
from .i18n import DEFAULT_LANG, message
from .page import View, ViewError
from .select import select_tasks, task_subgraph

__all__ = ["MAX_NODES", "whole_graph_view"]

MAX_NODES = 2000
"""Most nodes a view hands the browser. vis-network lays 2,000 out in a few seconds;
past that the view folds tasks into plans and groups small agencies, or refuses."""
_NARROW = "narrow it with a filter (plan=, doc= or level=)"


def whole_graph_view(
    G: nx.MultiDiGraph,
    *,
    plan: str | None = None,
    doc: str | None = None,
    level: str | None = None,
    max_nodes: int = MAX_NODES,
    aggregate: bool = True,
    title: str | None = None,
    height: str = "78vh",
    lang: str = DEFAULT_LANG,
) -> View:
    """Every node of ``G`` (or of one plan/document/agency level), styled and filterable.

    Past ``max_nodes`` nodes, with ``aggregate`` the view folds tasks into their
    plans (and, when plans and documents alone would fill half the budget, plans
    into their documents), then groups the least-loaded agencies by level.
    Without ``aggregate``, or when the documents alone do not fit, it raises
    ``ViewError`` asking for a filter.
    """
    H = G
    if plan or doc or level:
        H = task_subgraph(G, select_tasks(G, plan=plan, doc=doc, level=level), level=level)
    docs = count_kinds(H).get(DOCUMENT, 0)
    if aggregate and docs >= max_nodes:
        # Folding cannot go below one node per document: refuse before the costly steps.
        raise ViewError(
            f"the graph has {docs:,} documents and a view draws at most {max_nodes:,} nodes even with tasks "
            f"folded into documents; {_NARROW}"
        )
    loads = actor_loads(H)
    notes = []
    if H.number_of_nodes() > max_nodes:
        if not aggregate:
            raise _too_big(H.number_of_nodes(), max_nodes)
        notes.append(message("view.note.folded", lang).format(n=H.number_of_nodes(), max=max_nodes))
        H = fold_tasks(H)
        if H.number_of_nodes() > max_nodes and _fixed_nodes(H) > max_nodes // 2:
            H = fold_plans(H)
            notes.append(message("view.note.folded_plans", lang))
        if H.number_of_nodes() > max_nodes:
            counts = count_kinds(H)
            actors = counts.get(AGENCY, 0) + counts.get(LEADER, 0)
            room = max_nodes - _fixed_nodes(H) - _group_count(H)
            if room < 1:
                raise _too_big(H.number_of_nodes(), max_nodes, folded=len(notes))
            H = group_small_actors(H, room, {n: load for n, (_, _, load) in loads.items()})
            notes.append(message("view.note.grouped", lang).format(room=room, actors=actors))
    from .coresponsibility import agency_communities

    return graph_view(
        H,
        title or message("view.title.whole", lang),
        loads=loads,
        height=height,
        notes=notes,
        lang=lang,
        G=G,
        communities=agency_communities(G),
    )


def _fixed_nodes(H: nx.MultiDiGraph) -> int:
    # Documents and plans are never grouped away.
    counts = count_kinds(H)
    return counts.get(DOCUMENT, 0) + counts.get(PLAN, 0)


def _group_count(H: nx.MultiDiGraph) -> int:
    # One group node per agency level present, plus one for lead officials.
    kinds = {
        (a.get("kind"), a.get("level") if a.get("kind") == AGENCY else "") for _, a in H.nodes(data=True)
    }
    return sum(1 for kind, _ in kinds if kind in (AGENCY, LEADER))


def _too_big(n: int, max_nodes: int, *, folded: int = 0) -> ViewError:
    steps = ("", "even with tasks folded into plans ", "even with tasks and plans folded into documents ")
    how = steps[folded]
    return ViewError(f"the graph has {n:,} nodes {how}and a view draws at most {max_nodes:,}; {_NARROW}")
