"""Node positions computed once in Python, so a view draws at once and the same way every time.

vis-network's own physics takes seconds to settle a few thousand nodes and
lands somewhere new on each load. Here a seeded force layout (NetworkX's
Fruchterman–Reingold, sparse above a few hundred nodes) runs per connected
piece, and the pieces are packed on a grid, largest first, so separate
documents do not drift into one another.
"""

from __future__ import annotations

import math

import networkx as nx

__all__ = ["seeded_layout", "SPACING"]

SPACING = 50.0
"""Pixels between neighbouring nodes at zoom 1: room for a label of a few characters."""

_ITERATIONS = 60
_ASPECT = 1.6  # the view's usual width over height


def seeded_layout(H: nx.Graph, *, seed: int = 7, weight: str | None = None) -> dict[str, tuple[float, float]]:
    """``{node: (x, y)}`` in vis-network pixels; the same graph and seed give the same positions.

    >>> pos = seeded_layout(nx.path_graph(["a", "b", "c"]))
    >>> pos == seeded_layout(nx.path_graph(["a", "b", "c"])), sorted(pos)
    (True, ['a', 'b', 'c'])
    """
    U = nx.Graph()
    U.add_nodes_from(sorted(H.nodes))
    U.add_edges_from((u, v) for u, v in H.edges() if u != v)
    pieces = sorted(nx.connected_components(U), key=lambda c: (-len(c), min(c)))
    placed: list[tuple[dict[str, tuple[float, float]], float]] = []
    for piece in pieces:
        placed.append(_piece_layout(U.subgraph(sorted(piece)), seed))
    return _pack(placed)


def _piece_layout(P: nx.Graph, seed: int) -> tuple[dict[str, tuple[float, float]], float]:
    """One connected piece laid out around (0, 0); returns positions and the piece's radius."""
    n = P.number_of_nodes()
    if n == 1:
        return {next(iter(P.nodes)): (0.0, 0.0)}, SPACING / 2
    # Area grows with the node count, so the spacing between neighbours stays about SPACING.
    # Small pieces get more room per node: their hubs are drawn large next to the gaps.
    radius = SPACING * math.sqrt(n) * (1.5 if n < 100 else 0.75)
    # k twice the default spreads the hubs apart, so their labels do not sit on one another
    raw = nx.spring_layout(P, k=2 / math.sqrt(n), seed=seed, iterations=_ITERATIONS, scale=radius)
    return {node: (float(x), float(y)) for node, (x, y) in raw.items()}, radius


def _pack(placed: list[tuple[dict[str, tuple[float, float]], float]]) -> dict[str, tuple[float, float]]:
    """Rows of pieces, largest first, in a block about as wide as a screen (16:10) allows."""
    if not placed:
        return {}
    area = sum((2 * r + SPACING) ** 2 for _, r in placed)
    width = max(2 * placed[0][1], math.sqrt(area * _ASPECT))
    out: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for positions, radius in placed:
        size = 2 * radius + SPACING
        if x > 0 and x + size > width + SPACING:
            x, y = 0.0, y + row_height
            row_height = 0.0
        for node, (px, py) in positions.items():
            out[node] = (round(x + radius + px, 1), round(y + radius + py, 1))
        x += size
        row_height = max(row_height, size)
    return out
