"""Parity: every saved query gives the same table on NetworkX and on a real Neo4j.

Each graph (the small hand-made one, a synthetic one of a few hundred plans,
the seeds once the pipeline builds them) is pushed once; every query then runs
on both backends with several parameter sets and the tables must be equal row
for row (floats compared after rounding to 9 decimals, None and NaN alike).
"""

from __future__ import annotations

import pytest
from neo4j_fixtures import load_into, normalised, small_graph

from zeren.queries import QUERIES, run_query

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module", params=["small", "synthetic", "seeds"])
def loaded(request, neo4j_driver):
    from zeren.graph.synthetic import synthetic_graph

    if request.param == "small":
        G = small_graph()
    elif request.param == "synthetic":
        G = synthetic_graph(4000, seed=7)
    else:
        G = request.getfixturevalue("seeds_nx_graph")
    G = with_statuses(G)
    load_into(neo4j_driver, G)
    return request.param, G


def with_statuses(G):
    """A copy where some tasks carry a ledger status (as 'zeren status import' sets), for ``progress``."""
    H = G.copy()
    tasks = sorted(n for n, a in H.nodes(data=True) if a.get("kind") == "Task")
    for i, t in enumerate(tasks):
        if i % 3 == 0:
            H.nodes[t]["status"] = ("done", "in_progress", "not_started", "reported")[(i // 3) % 4]
    return H


def cases(G, name: str) -> list[dict]:
    """Parameter sets for one query, drawn from the graph so filters select something."""
    top = run_query("workload", G)
    agency = top["agency"].iloc[0] if len(top) else "agency:none"
    plans = sorted(n for n, a in G.nodes(data=True) if a.get("kind") == "Plan")
    docs = sorted(a.get("doc") for n, a in G.nodes(data=True) if a.get("kind") == "Plan")
    years = sorted({(a.get("date") or "")[:4] for n, a in G.nodes(data=True) if a.get("kind") == "Document"})
    plan, doc = plans[0], docs[-1]
    by_name = {
        "workload": [
            {},
            {"plan": plan},
            {"doc": doc, "lead_weight": 2.0, "support_weight": 1.0, "k": 1.5},
            {"level": "county", "due_from": "2020-01-01", "due_to": "2023-06-30"},
            {"jurisdiction": top["jurisdiction"].iloc[0] if len(top) else None},
            {"k": 1.0, "z": 0.5, "min_peers": 2, "min_spread": 0.0},
            {"due_from": "2024-01-01", "min_peers": 1, "min_spread": 0.25},
        ],
        "leader_workload": [{}, {"doc": doc}, {"due_from": "2021-01-01", "k": 1.0}],
        "hotspot_tasks": [{}, {"n": 50}, {"plan": plan, "n": 3}],
        "multi_lead_tasks": [{}, {"min_leads": 3}, {"doc": doc}],
        "agency_pairs": [{}, {"n": None, "min_shared": 2}, {"plan": plan, "n": None}],
        "brokers": [{}, {"n": None}, {"doc": doc}],
        "centrality": [{}, {"n": None}, {"doc": doc}],
        "communities": [{}, {"min_shared": 2}, {"plan": plan, "seed": 3}],
        "deadline_pileups": [{}, {"min_tasks": 1}, {"min_tasks": 1, "agency": agency}],
        "gaps_no_lead": [{}, {"doc": doc}],
        "gaps_vague_only": [{}, {"plan": plan}],
        "gaps_no_deadline": [{}, {"min_share": 0.2}, {"doc": doc, "min_share": 0.0}],
        "gaps_idle_mentions": [{}, {"plan": plan}],
        "gaps_missing_plans": [{}, {"doc": doc}],
        "gaps_untargeted": [{}, {"min_coverage": 0.9}, {"doc": doc, "min_coverage": 1.01}],
        "agency": [
            {"agency": agency},
            {"agency": G.nodes[agency]["name"] if agency in G else "x"},
            {"agency": (G.nodes[agency].get("spellings") or ["x"])[-1] if agency in G else "x"},
        ],
        "compare": [{"left": years[0], "right": years[-1]}, {"left": docs[0], "right": doc}],
        "responsibilities": [{}, {"plan": plan}, {"doc": doc}],
        "progress": [{"as_of": "2024-06-30"}, {"level": "county", "as_of": "2030-01-01"}, {"doc": doc}],
    }
    return by_name[name]


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_networkx_and_cypher_tables_are_equal(loaded, neo4j_driver, name):
    kind, G = loaded
    nonempty = 0
    for params in cases(G, name):
        expected = run_query(name, G, **params)
        got = run_query(name, neo4j_driver, backend="neo4j", **params)
        assert list(got.columns) == list(expected.columns)
        assert got.dtypes.to_dict() == expected.dtypes.to_dict(), params
        assert normalised(got) == normalised(expected), params
        nonempty += len(expected) > 0
    if kind != "seeds":  # the generated graphs are made so that every query has rows
        assert nonempty > 0, "no parameter set gave rows: the parity check would be vacuous"
