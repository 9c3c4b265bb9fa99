"""The structure queries: centrality and communities of the co-responsibility network."""

from __future__ import annotations

import networkx as nx
import pytest
from viz_graphs import sample_graph

from zeren.errors import QueryError
from zeren.queries import run_query


@pytest.fixture(scope="module")
def G():
    return sample_graph()


def test_centrality_ranks_the_broker_first(G):
    table = run_query("centrality", G, n=None)
    assert len(table) == 9
    top = table.iloc[0]
    # 青山县财政局 shares tasks with every other 青山县 unit (and most often)
    assert (top["name"], top["partners"], top["strength"]) == ("青山县财政局", 4, 7)
    assert top["degree"] == pytest.approx(0.5)
    # 青山县水务局 alone ties the two places together: the highest betweenness after the hub
    between = table.sort_values("betweenness", ascending=False)["name"].tolist()
    assert between[:2] == ["青山县财政局", "青山县水务局"]
    assert table["eigenvector"].between(0, 1).all()


def test_centrality_can_be_scoped_and_cut(G):
    assert run_query("centrality", G, n=2)["name"].tolist() == ["青山县财政局", "青山县发展改革局"]
    scoped = run_query("centrality", G, doc="yunling-2025", n=None)
    assert "agency:青山县财政局" not in set(scoped["agency"])
    with pytest.raises(QueryError, match="n must be >= 0"):
        run_query("centrality", G, n=-1)


def test_communities_split_the_two_places_and_are_seeded(G):
    table = run_query("communities", G)
    community = dict(zip(table["name"], table["community"], strict=True))
    assert community["青山县财政局"] == community["青山县发展改革局"]
    assert community["云岭州财政局"] == community["云岭州农业农村局"]
    assert community["青山县财政局"] != community["云岭州财政局"]
    assert table["community"].min() == 1
    sizes = table.groupby("community")["agency"].count().tolist()
    assert sizes == sorted(sizes, reverse=True) and table["size"].tolist() == [
        sizes[c - 1] for c in table["community"]
    ]
    assert run_query("communities", G).equals(table)


def test_communities_need_at_least_one_shared_task(G):
    with pytest.raises(QueryError, match="min_shared must be >= 1"):
        run_query("communities", G, min_shared=0)
    assert len(run_query("communities", G, min_shared=3)) == 2  # only 青山县财政局 and 发展改革局 share 3


@pytest.mark.parametrize("name", ["brokers", "centrality"])
def test_betweenness_above_the_sample_is_a_seeded_estimate_and_sample_0_is_exact(name):
    from zeren.graph.synthetic import synthetic_graph
    from zeren.queries.agency_pairs import pair_network, pair_rows

    G = synthetic_graph(1500, seed=3)
    net, _ = pair_network(pair_rows(G))
    assert len(net) > 200  # more agencies than the default sample
    estimate = run_query(name, G, n=None)
    assert estimate.equals(run_query(name, G, n=None))  # seeded: the same table every time
    exact = run_query(name, G, n=None, sample=0).set_index("agency")["betweenness"]
    truth = nx.betweenness_centrality(net)
    digits = 6 if name == "centrality" else 12
    assert all(abs(exact[a] - round(truth[a], digits)) < 1e-9 for a in net)
    estimated = estimate.set_index("agency")["betweenness"]
    assert not all(abs(estimated[a] - exact[a]) < 1e-9 for a in net)  # the sample was used
