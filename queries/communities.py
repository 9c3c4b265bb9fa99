"""Communities of the co-responsibility network: which agencies in practice work as one cluster.

Louvain modularity (NetworkX, seeded, so the same graph gives the same
communities) on the agency–agency graph weighted by shared tasks. Communities
are numbered from 1 by size, largest first, ties by their first member's id;
``size`` is the community's member count and ``strength`` the agency's shared
tasks summed.

Neo4j community has no Graph Data Science library, so the ``.cypher`` side
fetches the pair table and this module's :func:`assign` runs Louvain in
NetworkX on it: both backends share that step.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from zeren.queries._common import frame
from zeren.queries.agency_pairs import pair_network, pair_rows

DESCRIPTION = "Communities (seeded Louvain) of the co-responsibility network"

COLUMNS = {"agency": str, "name": str, "community": int, "size": int, "strength": int}


def validate(*, min_shared=1, **_) -> None:
    if int(min_shared) < 1:
        raise ValueError("min_shared must be >= 1")


def assign(
    pairs: list[dict], *, min_shared: int = 1, seed: int = 7
) -> tuple[nx.Graph, dict[str, int], dict[str, str]]:
    """The weighted network of pairs sharing ``min_shared`` tasks, ``{agency: community}`` (1 = largest), names."""
    net, names = pair_network([r for r in pairs if int(r["shared"]) >= int(min_shared)])
    community: dict[str, int] = {}
    if net.number_of_nodes():
        found = nx.community.louvain_communities(net, weight="weight", seed=int(seed))
        for i, members in enumerate(sorted(found, key=lambda c: (-len(c), min(c))), start=1):
            community.update(dict.fromkeys(members, i))
    return net, community, names


def rank(pairs: list[dict], min_shared: int, seed: int) -> pd.DataFrame:
    net, community, names = assign(pairs, min_shared=min_shared, seed=seed)
    sizes: dict[int, int] = {}
    for c in community.values():
        sizes[c] = sizes.get(c, 0) + 1
    rows = [
        {
            "agency": a,
            "name": names[a],
            "community": community[a],
            "size": sizes[community[a]],
            "strength": int(net.degree(a, weight="weight")),
        }
        for a in net
    ]
    rows.sort(key=lambda r: (r["community"], -r["strength"], r["agency"]))
    return frame(rows, COLUMNS)


def communities(
    G: nx.MultiDiGraph,
    *,
    min_shared: int = 1,
    seed: int = 7,
    plan: str | None = None,
    doc: str | None = None,
) -> pd.DataFrame:
    """Every agency sharing a task with another, its community, the community's size; by community, then strength."""
    return rank(pair_rows(G, plan, doc), min_shared, seed)


def from_cypher(df: pd.DataFrame, *, min_shared=1, seed=7, plan=None, doc=None) -> pd.DataFrame:
    """The last step on Neo4j: the same Louvain on the pair table Cypher returned."""
    return rank(df.to_dict("records"), min_shared, seed)
