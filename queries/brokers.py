"""Brokers: agencies that sit between others in the co-responsibility network.

The network joins two agencies when they hold roles on a common task (the
``agency_pairs`` table); ``betweenness`` is NetworkX's normalised,
unweighted betweenness centrality on it, ``partners`` the agency's degree.
Neo4j community has no Graph Data Science library, so the ``.cypher`` side
fetches the pair table and this module's :func:`rank` computes the scores: both
backends run the same function on the same table.

By default the scores are a **bounded, seeded approximation**: exact
betweenness costs one shortest-path search per agency (hours from ~1,000
plans), so above ``sample`` agencies (default 200) it is estimated from
``sample`` source agencies chosen with a fixed seed (NetworkX's ``k``
sampling): the same graph always gives the same table, on both backends, in
seconds at 100k tasks. ``sample=0`` asks for the exact scores.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from zeren.queries._common import frame
from zeren.queries.agency_pairs import pair_network, pair_rows

DEFAULT_SAMPLE = 200  # source agencies for the approximation; 0 = exact

DESCRIPTION = (
    "Agencies with the highest betweenness in the co-responsibility network "
    f"(above {DEFAULT_SAMPLE} agencies a seeded estimate; sample=0 for exact)"
)

COLUMNS = {"agency": str, "name": str, "betweenness": float, "partners": int}


def validate(*, n=None, sample=None, **_) -> None:
    if n is not None and int(n) < 0:
        raise ValueError("n must be >= 0")
    if sample is not None and int(sample) < 0:
        raise ValueError("sample must be >= 0 (0 = exact)")


def betweenness(net: nx.Graph, sample: int | None) -> dict[str, float]:
    """Normalised betweenness counting hops (weights unused): exact up to ``sample`` agencies, else
    estimated from ``sample`` sources chosen with a fixed seed; ``sample`` 0 or None = exact."""
    k = None if not sample or int(sample) >= len(net) else int(sample)
    return nx.betweenness_centrality(net, k=k, seed=0 if k else None)


def rank(pairs: list[dict], n: int | None, sample: int | None = None) -> pd.DataFrame:
    """Betweenness of every agency in ``pairs`` (rows with agency_a/b and name_a/b), top ``n``."""
    net, names = pair_network(pairs)
    scores = betweenness(net, sample)
    rows = [{"agency": a, "name": names[a], "betweenness": scores[a], "partners": net.degree(a)} for a in net]
    rows.sort(key=lambda r: (-r["betweenness"], r["agency"]))
    return frame(rows if n is None else rows[: int(n)], COLUMNS)


def brokers(
    G: nx.MultiDiGraph,
    *,
    n: int | None = 20,
    sample: int | None = DEFAULT_SAMPLE,
    plan: str | None = None,
    doc: str | None = None,
) -> pd.DataFrame:
    """The ``n`` agencies (all when None) with the highest betweenness, then by id.

    Approximate above ``sample`` agencies (seeded, so repeatable); ``sample=0`` is exact.
    """
    return rank(pair_rows(G, plan, doc), n, sample)


def from_cypher(df: pd.DataFrame, *, n=20, sample=DEFAULT_SAMPLE, plan=None, doc=None) -> pd.DataFrame:
    """The last step on Neo4j: the same :func:`rank` on the pair table Cypher returned."""
    return rank(df.to_dict("records"), n, sample)
