"""Pairs of agencies that share the most tasks: the co-responsibility network's heaviest edges.

Each unordered pair appears once, ``agency_a < agency_b`` by id. ``shared``
counts tasks where both hold any role, ``co_led`` those both lead.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import networkx as nx
import pandas as pd

from zeren.graph.schema import AGENCY, LEADS
from zeren.queries._common import frame, task_roles

DESCRIPTION = "Agency pairs sharing the most tasks (co-responsibility edge weights)"

COLUMNS = {
    "agency_a": str,
    "name_a": str,
    "agency_b": str,
    "name_b": str,
    "shared": int,
    "co_led": int,
}


def pair_rows(G: nx.MultiDiGraph, plan: str | None = None, doc: str | None = None) -> list[dict]:
    """Every co-responsible pair with its weights, heaviest first (also the input of ``brokers``)."""
    shared: Counter[tuple[str, str]] = Counter()
    co_led: Counter[tuple[str, str]] = Counter()
    for _, _, held in task_roles(G, plan, doc, (AGENCY,)):
        if len(held) < 2:
            continue
        shared.update(combinations(sorted({u for u, *_ in held}), 2))
        leads = sorted({u for u, _, r, _ in held if r == LEADS})
        if len(leads) > 1:
            co_led.update(combinations(leads, 2))
    nodes = G._node
    rows = [
        {
            "agency_a": a,
            "name_a": nodes[a].get("name"),
            "agency_b": b,
            "name_b": nodes[b].get("name"),
            "shared": w,
            "co_led": co_led.get((a, b), 0),
        }
        for (a, b), w in shared.items()
    ]
    rows.sort(key=lambda r: (-r["shared"], r["agency_a"], r["agency_b"]))
    return rows


def validate(*, n=None, **_) -> None:
    if n is not None and int(n) < 0:
        raise ValueError("n must be >= 0")


def agency_pairs(
    G: nx.MultiDiGraph,
    *,
    n: int | None = 20,
    min_shared: int = 1,
    plan: str | None = None,
    doc: str | None = None,
) -> pd.DataFrame:
    """The ``n`` pairs (all when None) sharing at least ``min_shared`` tasks, heaviest first."""
    rows = [r for r in pair_rows(G, plan, doc) if r["shared"] >= int(min_shared)]
    return frame(rows if n is None else rows[: int(n)], COLUMNS)


def pair_network(pairs: list[dict]) -> tuple[nx.Graph, dict[str, str]]:
    """The weighted agency–agency graph of a pair table, built in a fixed order, and agency names."""
    pairs = sorted(pairs, key=lambda r: (r["agency_a"], r["agency_b"]))
    names: dict[str, str] = {}
    for r in pairs:
        names[r["agency_a"]] = r["name_a"]
        names[r["agency_b"]] = r["name_b"]
    net = nx.Graph()
    net.add_nodes_from(sorted(names))
    net.add_weighted_edges_from((r["agency_a"], r["agency_b"], int(r["shared"])) for r in pairs)
    return net, names
