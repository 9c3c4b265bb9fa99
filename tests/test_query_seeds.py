"""Known answers on the two seed documents, counted by hand from the seeds and their gold.

Gold (eval/gold): in the Wuding 2024 table 邓开荣 is the lead official of 30
of the 83 tasks, the most; in the Chuxiong 2019 notice 州工业和信息化局 leads
19 tasks, the most; five Chuxiong tasks and two Wuding tasks have two or more
lead units (one Chuxiong task six); the notice announces 六大攻坚工程 and
contains five plans.
"""

from __future__ import annotations

from zeren.queries import run_query

CX, WD = "chuxiong-2019-six-campaigns", "wuding-2024-park-campaign"


def test_the_official_leading_most_of_the_2024_table(seeds_nx_graph):
    df = run_query("leader_workload", seeds_nx_graph, doc=WD)
    assert (df["name"].iloc[0], df["led"].iloc[0]) == ("邓开荣", 30)
    assert list(df["led"]) == [30, 10, 5, 3, 2, 1, 1]
    assert bool(df["overloaded"].iloc[0]) is True  # 30 > 2 × median 3


def test_the_unit_leading_most_tasks_of_the_2019_notice(seeds_nx_graph):
    df = run_query("workload", seeds_nx_graph, doc=CX).sort_values(["led", "agency"], ascending=[False, True])
    assert (df["agency"].iloc[0], df["led"].iloc[0]) == ("agency:楚雄州工业和信息化局", 19)
    assert df["led"].iloc[1] == 8  # 州发展改革委


def test_tasks_with_several_leads(seeds_nx_graph):
    cx = run_query("multi_lead_tasks", seeds_nx_graph, doc=CX)
    assert list(cx["n_leads"]) == [6, 2, 2, 2, 2]
    assert "深入推进实施市场主体培育发展攻坚工程" in cx["text"].iloc[0]
    wd = run_query("multi_lead_tasks", seeds_nx_graph, doc=WD)
    assert len(wd) == 2
    assert "指导产业园区谋划、储备、申报" in wd["text"].iloc[0]
    assert wd["leads"].iloc[0] == "武定县发展改革局、武定县财政局"
    assert "落实县党政领导包挂产业园区" in wd["text"].iloc[1]


def test_the_2019_notice_misses_one_announced_plan(seeds_nx_graph):
    df = run_query("gaps_missing_plans", seeds_nx_graph)
    assert [tuple(r) for r in df[["doc", "announced", "contained", "missing"]].itertuples(index=False)] == [
        (f"doc:{CX}", 6, 5, 1)
    ]
