"""Each saved query on the small hand-made graph (tests/neo4j_fixtures.small_graph): exact answers."""

from __future__ import annotations

import pandas as pd
import pytest

from zeren.queries import run_query

F, Z, S, R = (
    "agency:青山县财政局",
    "agency:青山县住房城乡建设局",
    "agency:青山县商务局",
    "agency:青山县自然资源局",
)
C, V = "agency:青山县各乡镇人民政府", "agency:青山县有关部门"
D, YF, G_ = "agency:云岭州发展改革委", "agency:云岭州财政局", "agency:云岭州政务服务局"
PLAN_QS = "plan:qs-2023:1"


def rows(df, *cols):
    return [tuple(r) for r in df[list(cols)].itertuples(index=False)]


def test_workload_loads_partners_and_overload(query_graph):
    df = run_query("workload", query_graph)
    # units first by load, then the collective and the vague party, which are never ranked
    assert rows(df, "agency", "led", "supported", "load", "partners", "due_in_window", "overloaded") == [
        (F, 2, 1, 2.5, 3, 3, False),
        (Z, 1, 1, 1.5, 3, 2, False),
        (D, 1, 0, 1.0, 1, 0, False),
        (G_, 1, 0, 1.0, 0, 0, False),
        (S, 1, 0, 1.0, 2, 1, False),
        (YF, 0, 1, 0.5, 1, 0, False),
        (R, 0, 1, 0.5, 2, 1, False),
        (V, 1, 0, 1.0, 0, 1, False),
        (C, 0, 1, 0.5, 0, 0, False),
    ]
    assert list(df.columns) == [
        "agency", "name", "level", "jurisdiction", "kind", "led", "supported", "load", "lead_share",
        "plans", "documents", "partners", "due_in_window", "peers", "peer_median", "peer_spread",
        "ratio", "robust_z", "overloaded",
    ]  # fmt: skip
    assert rows(df.head(1), "name", "level", "jurisdiction", "kind", "plans", "documents") == [
        ("青山县财政局", "county", "青山县", "government", 1, 1)
    ]


def test_workload_compares_a_unit_with_its_peers_only(query_graph):
    df = run_query("workload", query_graph).set_index("agency")
    # 青山县 county units: loads 2.5, 1.5, 1.0, 0.5 → median 1.25; deviations 1.25, .25, .25, .75 → MAD .5
    assert df.loc[F, ["peers", "peer_median", "ratio"]].tolist() == [4, 1.25, 2.0]
    assert df.loc[F, "peer_spread"] == pytest.approx(1.4826 * 0.5)
    assert df.loc[F, "robust_z"] == pytest.approx((2.5 - 1.25) / 1.0)  # spread below min_spread 1
    assert df.loc[F, "lead_share"] == pytest.approx(2 / 3)
    # 云岭州 prefecture units are their own group: 1.0, 1.0, 0.5
    assert df.loc[D, ["peers", "peer_median", "robust_z"]].tolist() == [3, 1.0, 0.0]
    for apart in (C, V):
        assert df.loc[apart, "peers"] == 0 and pd.isna(df.loc[apart, "robust_z"])
    flagged = run_query("workload", query_graph, k=1.5, z=1.0, min_peers=3)
    assert rows(flagged[flagged["overloaded"]], "agency") == [(F,)]
    too_few = run_query("workload", query_graph, k=1.5, z=1.0, min_peers=5)
    assert not too_few["overloaded"].any()
    tight = run_query("workload", query_graph, k=1.5, z=1.0, min_peers=3, min_spread=2.0)
    assert not tight["overloaded"].any()  # z = 1.25 / 2 = 0.625


def test_workload_explains_a_flag_in_checkable_figures(query_graph):
    from zeren.queries.workload import explain

    df = run_query("workload", query_graph, k=1.5, z=1.0, min_peers=3)
    why = explain(df.iloc[0].to_dict())
    assert why == (
        "load 2.5 (2 led, 1 supported; 67% led) vs median 1.25 (spread 0.74) of 4 青山县 county units: "
        "2.0× median, robust z 1.2; 3 dated task(s) due"
    )
    assert explain(df.iloc[-1].to_dict()) == "collective or vague party: listed apart, not ranked"
    assert explain(df.iloc[0].to_dict(), "zh").startswith("负荷 2.5（牵头 2，配合 1，牵头占 67%）")


def test_workload_filters_weights_and_window(query_graph):
    df = run_query("workload", query_graph, jurisdiction="云岭州", lead_weight=2, support_weight=1)
    assert rows(df, "agency", "load") == [(D, 2.0), (G_, 2.0), (YF, 1.0)]
    # a window counts only the tasks due in it (or ongoing): one task, due 2023-12-31
    df = run_query("workload", query_graph, due_from="2023-07-01", due_to="2023-12-31")
    assert rows(df, "agency", "led", "supported", "due_in_window") == [(V, 1, 0, 1)]
    df = run_query("workload", query_graph, plan="青山县园区攻坚方案", level="county", k=1.5)
    assert rows(df, "agency", "overloaded")[:2] == [(F, False), (Z, False)]
    assert len(df) == 6


def test_leader_workload(query_graph):
    df = run_query("leader_workload", query_graph)
    assert rows(
        df, "leader", "name", "led", "plans", "documents", "agencies", "due_in_window", "overloaded"
    ) == [("leader:青山县:李明", "李明", 2, 1, 1, 3, 2, False)]


def test_hotspot_tasks(query_graph):
    df = run_query("hotspot_tasks", query_graph, n=3)
    assert rows(df, "task", "leads", "supports", "leaders", "parties") == [
        ("task:qs-2023:1", 1, 2, 1, 4),
        ("task:qs-2023:2", 2, 1, 0, 3),
        ("task:qs-2023:5", 1, 0, 1, 2),
    ]


def test_multi_lead_tasks(query_graph):
    df = run_query("multi_lead_tasks", query_graph)
    assert rows(df, "task", "n_leads", "leads", "leaders") == [
        ("task:qs-2023:2", 2, "青山县商务局、青山县财政局", "")
    ]


def test_agency_pairs(query_graph):
    df = run_query("agency_pairs", query_graph)
    assert rows(df, "agency_a", "agency_b", "shared", "co_led") == [
        (Z, F, 2, 0),
        (D, YF, 1, 0),
        (Z, S, 1, 0),
        (Z, R, 1, 0),
        (S, F, 1, 1),
        (R, F, 1, 0),
    ]
    assert len(run_query("agency_pairs", query_graph, min_shared=2, n=None)) == 1


def test_brokers(query_graph):
    df = run_query("brokers", query_graph)
    got = [(a, round(b, 9), p) for a, b, p in rows(df, "agency", "betweenness", "partners")]
    assert got == [(Z, 0.05, 3), (F, 0.05, 3), (D, 0.0, 1), (YF, 0.0, 1), (S, 0.0, 2), (R, 0.0, 2)]


def test_deadline_pileups(query_graph):
    df = run_query("deadline_pileups", query_graph, min_tasks=2)
    assert rows(df, "agency", "month", "tasks", "led") == [(F, "2023-06", 3, 2), (Z, "2023-06", 2, 1)]
    assert rows(
        run_query("deadline_pileups", query_graph, min_tasks=1, agency="青山县有关部门"),
        "agency",
        "month",
        "tasks",
    ) == [(V, "2023-12", 1)]


def test_gaps(query_graph):
    assert rows(run_query("gaps_no_lead", query_graph), "task", "supports") == [
        ("task:qs-2023:3", "青山县各乡镇人民政府")
    ]
    assert rows(run_query("gaps_vague_only", query_graph), "task", "units") == [
        ("task:qs-2023:3", "青山县各乡镇人民政府"),
        ("task:qs-2023:4", "青山县有关部门"),
    ]
    assert rows(run_query("gaps_no_deadline", query_graph), "task", "plan_share", "plan_tasks") == [
        ("task:qs-2023:3", 0.8, 5)
    ]
    assert rows(run_query("gaps_idle_mentions", query_graph), "plan", "mention") == [(PLAN_QS, "县档案馆")]
    assert rows(
        run_query("gaps_missing_plans", query_graph),
        "doc",
        "announced",
        "contained",
        "missing",
        "missing_titles",
    ) == [("doc:qs-2023", 2, 1, 1, "青山县招商攻坚方案")]
    assert rows(run_query("gaps_untargeted", query_graph), "plan", "target", "bigrams", "matched") == [
        (PLAN_QS, "到2025年园区产值突破百亿元", 9, 1)
    ]


def test_agency_by_name(query_graph):
    df = run_query("agency", query_graph, agency="青山县财政局")
    assert rows(df, "role", "task", "as_written", "deadline_end", "partners") == [
        ("LEADS", "task:qs-2023:2", "县财政局", "2023-06-30", "青山县住房城乡建设局、青山县商务局"),
        ("LEADS", "task:qs-2023:5", "县财政局", "2023-06-30", "李明"),
        (
            "SUPPORTS",
            "task:qs-2023:1",
            "县财政局",
            "2023-06-30",
            "李明、青山县住房城乡建设局、青山县自然资源局",
        ),
    ]
    assert len(run_query("agency", query_graph, agency="leader:青山县:李明")) == 2


def test_compare_years(query_graph):
    df = run_query("compare", query_graph, left="2023", right="yl-2024")
    assert rows(df, "agency", "change", "status", "in_both") == [
        (D, 1.0, "gained", False),
        (G_, 1.0, "gained", False),
        (YF, 0.5, "gained", False),
        (C, -0.5, "lost", False),
        (R, -0.5, "lost", False),
        (S, -1.0, "lost", False),
        (V, -1.0, "lost", False),
        (Z, -1.5, "lost", False),
        (F, -2.5, "lost", False),
    ]


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("nope", {}, "no saved query 'nope' (known: "),
        (
            "workload",
            {"colour": "red"},
            "query 'workload' has no parameter 'colour' (parameters: plan, doc, ",
        ),
        ("agency", {}, "query 'agency': agency is required (an id or a name)"),
        ("compare", {"left": "2023"}, "query 'compare': left and right are required"),
        ("workload", {"k": "lots"}, "query 'workload': k must be a number, not 'lots'"),
        ("hotspot_tasks", {"n": -1}, "query 'hotspot_tasks': n must be >= 0"),
    ],
)
def test_bad_query_or_parameter_is_a_query_error(query_graph, name, params, message):
    from zeren.errors import QueryError

    with pytest.raises(QueryError) as err:
        run_query(name, query_graph, **params)
    assert str(err.value).startswith(message)
    assert "\n" not in str(err.value)


def test_text_parameters_become_numbers(query_graph):
    assert list(run_query("hotspot_tasks", query_graph, n="2")["parties"]) == [4, 3]
    assert run_query("workload", query_graph, lead_weight="3", k="1")["load"].iloc[0] == 6.5


def test_unknown_backend_and_wrong_source(query_graph):
    from zeren.errors import QueryError

    with pytest.raises(QueryError, match=r"^unknown backend 'sql' \(use 'networkx' or 'neo4j'\)$"):
        run_query("workload", query_graph, backend="sql")
    with pytest.raises(QueryError, match=r"^backend 'neo4j' needs a neo4j Driver, not MultiDiGraph$"):
        run_query("workload", query_graph, backend="neo4j")


def test_a_query_sees_edges_added_after_an_earlier_query(query_graph):
    """The per-graph role index is dropped when the graph changes, also as seen through a view."""
    import networkx as nx

    G = query_graph.copy()
    view = nx.subgraph_view(G)  # every node and edge of G, now and later
    before, before_view = run_query("workload", G), run_query("workload", view)
    task = next(n for n, a in G.nodes(data=True) if a.get("kind") == "Task")
    G.add_node("agency:新设测试局", kind="Agency", name="新设测试局", level="county", jurisdiction="青山县")
    G.add_edge("agency:新设测试局", task, key="LEADS", raw="新设测试局", position=9)
    assert "agency:新设测试局" not in set(before["agency"]) | set(before_view["agency"])
    assert "agency:新设测试局" in set(run_query("workload", G)["agency"])
    assert "agency:新设测试局" in set(run_query("workload", view)["agency"])


def test_a_query_sees_documents_added_after_an_earlier_query(query_graph):
    """The per-graph index of nodes by kind is dropped when a node is added, also as seen through a view."""
    import networkx as nx

    G = query_graph.copy()
    view = nx.subgraph_view(G)
    before, before_view = run_query("gaps_missing_plans", G), run_query("gaps_missing_plans", view)
    G.add_node("doc:新增通知", kind="Document", title="新增通知", announced_count=3, announced_plans=[])
    assert "doc:新增通知" not in set(before["doc"]) | set(before_view["doc"])
    for graph in (G, view):
        row = run_query("gaps_missing_plans", graph).set_index("doc").loc["doc:新增通知"]
        assert (row["announced"], row["contained"], row["missing"]) == (3, 0, 3)
