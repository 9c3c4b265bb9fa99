"""Centrality of every agency in the co-responsibility network: degree, betweenness, eigenvector.

The network joins two agencies when they hold roles on a common task (the
``agency_pairs`` table, ``shared`` tasks as edge weight). ``partners`` is the
degree, ``degree`` NetworkX's normalised degree centrality, ``strength`` the
shared tasks summed, ``betweenness`` the normalised unweighted betweenness and
``eigenvector`` the weighted eigenvector centrality (power iteration, rounded to
six places so both backends print the same digits).

As in ``brokers``, betweenness above ``sample`` agencies (default 200) is a
**seeded estimate** from that many source agencies (the same graph always gives
the same table, on both backends): exact betweenness costs one shortest-path
search per agency, half a minute at 100k tasks. ``sample=0`` asks for exact scores.

Neo4j community has no Graph Data Science library and Cypher alone cannot
compute betweenness or eigenvector centrality, so the ``.cypher`` side only
fetches the pair table and this module's :func:`rank` computes every score in
NetworkX: both backends run the same function on the same rows.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from zeren.queries._common import frame
from zeren.queries.agency_pairs import pair_network, pair_rows
from zeren.queries.brokers import DEFAULT_SAMPLE, betweenness
from zeren.queries.brokers import validate as validate  # the same parameters (n, sample)

DESCRIPTION = (
    "Agency centrality in the co-responsibility network (degree, betweenness, eigenvector; "
    f"betweenness a seeded estimate above {DEFAULT_SAMPLE} agencies)"
)

COLUMNS = {
    "agency": str,
    "name": str,
    "partners": int,
    "strength": int,
    "degree": float,
    "betweenness": float,
    "eigenvector": float,
}

_DIGITS = 6


def eigenvector(net: nx.Graph) -> dict[str, float]:
    """Weighted eigenvector centrality; power iteration from NetworkX, with its linear-algebra twin as fallback."""
    if net.number_of_edges() == 0:
        return dict.fromkeys(net, 0.0)
    try:
        return nx.eigenvector_centrality(net, max_iter=2000, tol=1e-9, weight="weight")
    except nx.PowerIterationFailedConvergence:
        return nx.eigenvector_centrality_numpy(net, weight="weight")


def rank(pairs: list[dict], n: int | None, sample: int | None = DEFAULT_SAMPLE) -> pd.DataFrame:
    """Scores of every agency in ``pairs`` (agency_a/b, name_a/b, shared), by eigenvector, then betweenness, then id."""
    net, names = pair_network(pairs)
    degree = nx.degree_centrality(net) if len(net) > 1 else dict.fromkeys(net, 0.0)
    between = betweenness(net, sample)
    eigen = eigenvector(net)
    rows = [
        {
            "agency": a,
            "name": names[a],
            "partners": net.degree(a),
            "strength": int(net.degree(a, weight="weight")),
            "degree": round(degree[a], _DIGITS),
            "betweenness": round(between[a], _DIGITS),
            "eigenvector": round(abs(eigen[a]), _DIGITS),
        }
        for a in net
    ]
    rows.sort(key=lambda r: (-r["eigenvector"], -r["betweenness"], r["agency"]))
    return frame(rows if n is None else rows[: int(n)], COLUMNS)


def centrality(
    G: nx.MultiDiGraph,
    *,
    n: int | None = 20,
    sample: int | None = DEFAULT_SAMPLE,
    plan: str | None = None,
    doc: str | None = None,
) -> pd.DataFrame:
    """The ``n`` most central agencies (all when None); betweenness estimated above ``sample`` agencies."""
    return rank(pair_rows(G, plan, doc), n, sample)


def from_cypher(df: pd.DataFrame, *, n=20, sample=DEFAULT_SAMPLE, plan=None, doc=None) -> pd.DataFrame:
    """The last step on Neo4j: the same :func:`rank` on the pair table Cypher returned."""
    return rank(df.to_dict("records"), n, sample)
