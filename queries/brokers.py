"""Brokers: agencies that sit between others in the co-responsibility network.

The network joins two agencies when they hold roles on a common task (the
``agency_pairs`` table); ``betweenness`` is NetworkX's normalised,
unweighted betweenness centrality on it, ``partners`` the agency's degree.
Neo4j community has no Graph Data Science library, so the ``.cypher`` side
fetches the pair table and this module's :func:`rank` computes the scores: both
backends run the same function on the same table. ``sample`` (a node count)
switches to NetworkX's seeded approximation for very large networks.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from zeren.queries._common import frame
from zeren.queries.agency_pairs import pair_rows

DESCRIPTION = "Agencies with the highest betweenness in the co-responsibility network"

COLUMNS = {"agency": str, "name": str, "betweenness": float, "partners": int}


def validate(*, n=None, **_) -> None:
    if n is not None and int(n) < 0:
        raise ValueError("n must be >= 0")


def rank(pairs: list[dict], n: int | None, sample: int | None = None) -> pd.DataFrame:
    """Betweenness of every agency in ``pairs`` (rows with agency_a/b and name_a/b), top ``n``."""
    pairs = sorted(pairs, key=lambda r: (r["agency_a"], r["agency_b"]))
    names: dict[str, str] = {}
    for r in pairs:
        names[r["agency_a"]] = r["name_a"]
        names[r["agency_b"]] = r["name_b"]
    net = nx.Graph()
    net.add_nodes_from(sorted(names))
    net.add_edges_from((r["agency_a"], r["agency_b"]) for r in pairs)
    k = None if sample is None or int(sample) >= len(net) else int(sample)
    scores = nx.betweenness_centrality(net, k=k, seed=0 if k else None)
    rows = [{"agency": a, "name": names[a], "betweenness": scores[a], "partners": net.degree(a)} for a in net]
    rows.sort(key=lambda r: (-r["betweenness"], r["agency"]))
    return frame(rows if n is None else rows[: int(n)], COLUMNS)


def brokers(
    G: nx.MultiDiGraph,
    *,
    n: int | None = 20,
    sample: int | None = None,
    plan: str | None = None,
    doc: str | None = None,
) -> pd.DataFrame:
    """The ``n`` agencies (all when None) with the highest betweenness, then by id."""
    return rank(pair_rows(G, plan, doc), n, sample)


def from_cypher(df: pd.DataFrame, *, n=20, sample=None, plan=None, doc=None) -> pd.DataFrame:
    """The last step on Neo4j: the same :func:`rank` on the pair table Cypher returned."""
    return rank(df.to_dict("records"), n, sample)
