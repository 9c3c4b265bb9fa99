"""Agencies joined by the tasks they share, coloured by community.

Communities (Louvain modularity on shared-task weights) show which agencies in
practice work as one cluster, whatever the organisation chart says.
"""

from __future__ import annotations

import networkx as nx

from zeren.graph.schema import AGENCY, LEVELS

from .data import actor_loads, agency_pair_counts
from .draw import layout_options
from .page import View
from .style import COMMUNITY_COLOURS, agency_size, legend_row
from .tooltips import node_tooltip, rows_tooltip
from .whole import MAX_NODES

__all__ = ["coresponsibility_graph", "coresponsibility_view"]

_SHARED_COLOUR = "#9aa5b1"


def coresponsibility_graph(G: nx.MultiDiGraph, *, min_shared: int = 1, seed: int = 7) -> nx.Graph:
    """Agency–agency graph: edge ``weight`` = tasks both lead or support; node ``community`` = Louvain class.

    Communities are numbered by size, largest first, so colours are stable between runs.
    """
    A = nx.Graph()
    for (a, b), shared in agency_pair_counts(G).items():
        if shared >= min_shared:
            A.add_edge(a, b, weight=shared)
    if A.number_of_nodes():
        communities = nx.community.louvain_communities(A, weight="weight", seed=seed)
        ranked = sorted(communities, key=lambda c: (-len(c), min(c)))
        for i, members in enumerate(ranked):
            for member in members:
                A.nodes[member]["community"] = i
    return A


def coresponsibility_view(
    G: nx.MultiDiGraph,
    *,
    min_shared: int = 1,
    max_nodes: int = MAX_NODES,
    height: str = "78vh",
    title: str = "Co-responsibility · agencies sharing tasks",
) -> View:
    """The co-responsibility network; past ``max_nodes`` agencies only the most connected are drawn."""
    A = coresponsibility_graph(G, min_shared=min_shared)
    notes = []
    if A.number_of_nodes() > max_nodes:
        strength = dict(A.degree(weight="weight"))
        top = sorted(A.nodes, key=lambda n: (-strength[n], n))[:max_nodes]
        notes.append(
            f"{A.number_of_nodes():,} agencies share tasks; the {max_nodes:,} sharing most are drawn."
        )
        A = A.subgraph(top).copy()
    loads = actor_loads(G)
    max_load = max((loads.get(n, (0, 0, 0.0))[2] for n in A.nodes), default=0.0)
    max_shared = max((w for *_, w in A.edges(data="weight")), default=1)
    view = View(title, height=height, directed=False)
    view.notes = notes
    for node in sorted(A.nodes):
        attrs = G.nodes[node]
        led, supported, load = loads.get(node, (0, 0, 0.0))
        community = A.nodes[node].get("community", 0)
        tip = node_tooltip(node, attrs, led=led, supported=supported, load=load)
        tip += f"<br>Community: {community + 1}"
        view.add_node(
            node, label=attrs.get("name", node), shape="dot", color=COMMUNITY_COLOURS[community % len(COMMUNITY_COLOURS)],
            size=agency_size(load, max_load), font={"size": round(agency_size(load, max_load) * 0.45 + 8)}, title=tip, kind=AGENCY, name=attrs.get("name", node),
            level=attrs.get("level", ""), actor_only=True, community=community,
        )  # fmt: skip
    for i, (a, b, shared) in enumerate(sorted((*sorted(e[:2]), e[2]) for e in A.edges(data="weight"))):
        names = f"{G.nodes[a].get('name', a)} — {G.nodes[b].get('name', b)}"
        view.add_edge(
            a, b, id=f"e{i}", role="SHARES", width=round(1 + 7 * shared / max_shared, 2), color=_SHARED_COLOUR,
            title=rows_tooltip(names, [("Shared tasks", shared)]), shared=shared,
        )  # fmt: skip
    n_comm = len({A.nodes[n].get("community") for n in A.nodes})
    view.legend = [
        legend_row(COMMUNITY_COLOURS[i], "dot", f"Community {i + 1}")
        for i in range(min(n_comm, len(COMMUNITY_COLOURS)))
    ] + [legend_row(_SHARED_COLOUR, "line", "shared tasks (width)")]
    view.filters = {"level": [(lv, lv) for lv in LEVELS if lv in {G.nodes[n].get("level") for n in A.nodes}]}
    view.options = layout_options(A.number_of_nodes(), arrows=False)
    view.options["physics"]["forceAtlas2Based"]["springLength"] = 140
    return view
