"""One agency's neighbourhood: its tasks, the partners on them and their lead officials."""

from __future__ import annotations

import networkx as nx

from zeren.graph.schema import PLAN, ROLE_EDGES, TASK

from .aggregate import fold_tasks
from .data import actor_loads
from .draw import graph_view
from .i18n import DEFAULT_LANG, message
from .page import View, ViewError
from .select import resolve_agency
from .whole import MAX_NODES

__all__ = ["ego_view"]


def ego_view(
    G: nx.MultiDiGraph,
    agency_id: str,
    hops: int = 2,
    *,
    max_nodes: int = MAX_NODES,
    height: str = "78vh",
    title: str | None = None,
    lang: str = DEFAULT_LANG,
) -> View:
    """Nodes within ``hops`` steps of the agency along LEADS/SUPPORTS edges, plus the plans of its tasks.

    ``agency_id`` is an agency (or lead official) id or canonical name. Past
    ``max_nodes`` the tasks are folded into their plans; if that is still too
    many, ``ViewError`` asks for fewer hops.
    """
    center = resolve_agency(G, agency_id)
    roles = nx.Graph()
    roles.add_node(center)
    roles.add_edges_from((u, v) for u, v, k in G.edges(keys=True) if k in ROLE_EDGES)
    near = set(nx.single_source_shortest_path_length(roles, center, cutoff=hops))
    tasks = {n for n in near if G.nodes[n].get("kind") == TASK}
    near |= {G.nodes[t]["plan_id"] for t in tasks if G.nodes[t].get("plan_id") in G}
    H = G.subgraph(near).copy()
    name = G.nodes[center].get("name", center)
    plans = sum(1 for n in near if G.nodes[n].get("kind") == PLAN)
    notes = []
    if H.number_of_nodes() > max_nodes:
        H = fold_tasks(H)
        notes.append(message("view.note.ego_folded", lang))
        if H.number_of_nodes() > max_nodes:
            raise ViewError(
                f"{H.number_of_nodes():,} nodes lie within {hops} steps of {agency_id} even with tasks folded "
                f"into plans, and a view draws at most {max_nodes:,}; ask for fewer hops"
            )
    from .coresponsibility import agency_communities

    view = graph_view(
        H,
        title or message("view.title.ego", lang).format(name=name),
        loads=actor_loads(G),
        center=center,
        height=height,
        notes=notes,
        lang=lang,
        G=G,
        communities=agency_communities(G),
    )
    view.notes.insert(
        len(notes), message("view.note.ego", lang).format(tasks=len(tasks), plans=plans, hops=hops, name=name)
    )
    return view
