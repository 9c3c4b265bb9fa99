"""Agencies joined by the tasks they share, coloured by community.

Communities (the ``communities`` saved query: seeded Louvain on shared-task
weights) show which agencies in practice work as one cluster, whatever the
organisation chart says.
"""

from __future__ import annotations

import networkx as nx

from zeren.graph.schema import AGENCY, LEVELS
from zeren.queries import run_query

from .data import actor_loads
from .details import view_details
from .draw import LABELLED_AGENCIES, layout_options, place_nodes
from .i18n import DEFAULT_LANG, message
from .page import View
from .style import COMMUNITY_COLOURS, agency_size, legend_row
from .tooltips import level_name, node_tooltip, rows_tooltip
from .whole import MAX_NODES

__all__ = ["coresponsibility_graph", "coresponsibility_view", "agency_communities"]

_SHARED_COLOUR = "#9aa5b1"


def agency_communities(G: nx.MultiDiGraph, *, min_shared: int = 1, seed: int = 7) -> dict[str, int]:
    """``{agency: community}`` numbered from 0, largest community first (the ``communities`` query)."""
    table = run_query("communities", G, min_shared=min_shared, seed=seed)
    return {a: int(c) - 1 for a, c in zip(table["agency"], table["community"], strict=True)}


def coresponsibility_graph(G: nx.MultiDiGraph, *, min_shared: int = 1, seed: int = 7) -> nx.Graph:
    """Agency–agency graph: edge ``weight`` = tasks both lead or support; node ``community`` = Louvain class.

    Communities are numbered by size, largest first, so colours are stable between runs.
    """
    pairs = run_query("agency_pairs", G, n=None, min_shared=min_shared)
    A = nx.Graph()
    for a, b, shared in zip(pairs["agency_a"], pairs["agency_b"], pairs["shared"], strict=True):
        A.add_edge(a, b, weight=int(shared))
    for member, community in agency_communities(G, min_shared=min_shared, seed=seed).items():
        if member in A:
            A.nodes[member]["community"] = community
    return A


def coresponsibility_view(
    G: nx.MultiDiGraph,
    *,
    min_shared: int = 1,
    max_nodes: int = MAX_NODES,
    height: str = "78vh",
    title: str | None = None,
    lang: str = DEFAULT_LANG,
) -> View:
    """The co-responsibility network; past ``max_nodes`` agencies only the most connected are drawn."""
    A = coresponsibility_graph(G, min_shared=min_shared)
    notes = []
    if A.number_of_nodes() > max_nodes:
        strength = dict(A.degree(weight="weight"))
        top = sorted(A.nodes, key=lambda n: (-strength[n], n))[:max_nodes]
        notes.append(message("view.note.co_top", lang).format(n=A.number_of_nodes(), max=max_nodes))
        A = A.subgraph(top).copy()
    loads = actor_loads(G)
    max_load = max((loads.get(n, (0, 0, 0.0))[2] for n in A.nodes), default=0.0)
    max_shared = max((w for *_, w in A.edges(data="weight")), default=1)
    labelled = set(sorted(A.nodes, key=lambda n: (-loads.get(n, (0, 0, 0.0))[2], n))[:LABELLED_AGENCIES])
    view = View(
        title or message("view.title.coresponsibility", lang), height=height, directed=False, lang=lang
    )
    view.notes = notes
    community_word = message("view.field.community", lang)
    for node in sorted(A.nodes):
        attrs = G.nodes[node]
        led, supported, load = loads.get(node, (0, 0, 0.0))
        community = A.nodes[node].get("community", 0)
        tip = node_tooltip(node, attrs, led=led, supported=supported, load=load, lang=lang)
        tip += f"<br>{community_word}: {community + 1}"
        size = agency_size(load, max_load)
        name = attrs.get("name", node)
        font = {
            "size": round(16 + 22 * (load / max_load) ** 0.5) if max_load else 16,
            "strokeWidth": 4,
            "strokeColor": "#ffffff",
        }
        view.add_node(
            node, label=name if node in labelled else " ", shape="dot",
            color=COMMUNITY_COLOURS[community % len(COMMUNITY_COLOURS)], size=size, font=font, title=tip,
            kind=AGENCY, name=name, search=sorted({name, *(attrs.get("spellings") or [])}),
            level=attrs.get("level", ""), jurisdiction=attrs.get("jurisdiction") or "", actor_only=True,
            community=community,
        )  # fmt: skip
    shared_word = message("view.field.shared", lang)
    for i, (a, b, shared) in enumerate(sorted((*sorted(e[:2]), e[2]) for e in A.edges(data="weight"))):
        names = f"{G.nodes[a].get('name', a)} — {G.nodes[b].get('name', b)}"
        view.add_edge(
            a, b, id=f"e{i}", role="SHARES", width=round(1 + 7 * shared / max_shared, 2), color=_SHARED_COLOUR,
            title=rows_tooltip(names, [(shared_word, shared)]), shared=shared,
        )  # fmt: skip
    n_comm = len({A.nodes[n].get("community") for n in A.nodes})
    view.legend = [
        legend_row(COMMUNITY_COLOURS[i], "dot", message("view.legend.community", lang).format(n=i + 1))
        for i in range(min(n_comm, len(COMMUNITY_COLOURS)))
    ] + [legend_row(_SHARED_COLOUR, "line", message("view.legend.shared", lang))]
    present = {G.nodes[n].get("level") for n in A.nodes}
    view.filters = {
        "level": [(lv, level_name(lv, lang) or lv) for lv in LEVELS if lv in present],
        "jurisdiction": sorted({(j, j) for n in A.nodes if (j := G.nodes[n].get("jurisdiction"))}),
        "community": [(str(i), str(i + 1)) for i in range(n_comm)],
    }
    if len(labelled) < A.number_of_nodes():
        view.notes.append(message("view.note.labels", lang).format(n=len(labelled)))
    view.details = view_details(G, list(A.nodes), lang)
    place_nodes(view, A)
    view.options = layout_options(A.number_of_nodes(), arrows=False)
    return view
