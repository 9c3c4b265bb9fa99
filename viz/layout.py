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

__all__ = ["seeded_layout", "spread_labels", "SPACING"]

SPACING = 50.0
"""Pixels between neighbouring nodes at zoom 1: room for a label of a few characters."""

_ITERATIONS = 60
_MAX_STEP = SPACING / 2  # per round of spread_labels
_ASPECT = 2.2  # wider than the view (about 1.5): rows of pieces never fill their width


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
    # Small graphs get more room per node: their hubs are drawn large next to the gaps.
    room = 1.5 if U.number_of_nodes() < 100 else 0.75
    placed = [_piece_layout(U.subgraph(sorted(piece)), seed, room) for piece in pieces]
    return _pack(placed)


def _piece_layout(P: nx.Graph, seed: int, room: float) -> tuple[dict[str, tuple[float, float]], float]:
    """One connected piece laid out around (0, 0); returns positions and the piece's radius."""
    n = P.number_of_nodes()
    if n == 1:
        return {next(iter(P.nodes)): (0.0, 0.0)}, SPACING / 2
    # Area grows with the node count, so the spacing between neighbours stays about SPACING.
    radius = SPACING * math.sqrt(n) * room
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


def spread_labels(
    positions: dict[str, tuple[float, float]], boxes: dict[str, tuple[float, float]], *, rounds: int = 80
) -> dict[str, tuple[float, float]]:
    """Move nodes apart until their boxes (``{node: (width, height)}``: label and dot) stop overlapping.

    Force layouts pull hubs together, and hubs are the nodes that carry labels,
    so their names land on one another. Each round pushes every overlapping
    pair apart, half each, along the axis that needs the smaller move; nodes
    without a box stay where they are. Deterministic (no randomness, fixed order).

    >>> spread_labels({"a": (0.0, 0.0), "b": (10.0, 0.0)}, {"a": (40.0, 10.0), "b": (40.0, 10.0)})
    {'a': (0.0, -5.0), 'b': (10.0, 5.0)}
    """
    import numpy as np

    moving = sorted(n for n in boxes if n in positions)
    out = dict(positions)
    if len(moving) < 2:
        return out
    xy = np.array([positions[n] for n in moving], dtype=float)
    half = np.array([boxes[n] for n in moving], dtype=float) / 2
    reach = half[:, None, :] + half[None, :, :]
    upper = np.triu(np.ones((len(moving), len(moving)), dtype=bool), k=1)
    for _ in range(rounds):
        delta = xy[None, :, :] - xy[:, None, :]  # delta[i, j] = j - i
        overlap = reach - np.abs(delta)
        hit = (overlap[..., 0] > 0) & (overlap[..., 1] > 0) & upper
        if not hit.any():
            break
        vertical = overlap[..., 1] <= overlap[..., 0]
        sign = np.where(delta >= 0, 1.0, -1.0)
        push = np.zeros_like(delta)
        push[..., 1] = np.where(hit & vertical, overlap[..., 1] / 2 * sign[..., 1], 0.0)
        push[..., 0] = np.where(hit & ~vertical, overlap[..., 0] / 2 * sign[..., 0], 0.0)
        # j moves by +push[i, j], i by -push[i, j]; a node caught in many overlaps moves a bounded step
        step = push.sum(axis=0) - push.sum(axis=1)
        xy += np.clip(step, -_MAX_STEP, _MAX_STEP)
    for n, (x, y) in zip(moving, xy, strict=True):
        out[n] = (round(float(x), 1), round(float(y), 1))
    return out
