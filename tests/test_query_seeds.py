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
    # three measures are stated inline and again in the task table with a different lead unit;
    # merged into one task each (graph.dedupe), they show both leads
    merged = [t for t in wd["task"] if len(seeds_nx_graph.nodes[t]["lines"]) == 2]
    assert len(merged) == 3
    wd = wd[~wd["task"].isin(merged)]
    assert len(wd) == 2
    assert "指导产业园区谋划、储备、申报" in wd["text"].iloc[0]
    assert wd["leads"].iloc[0] == "武定县发展改革局、武定县财政局"
    assert "落实县党政领导包挂产业园区" in wd["text"].iloc[1]


def test_the_2019_notice_misses_one_announced_plan(seeds_nx_graph):
    df = run_query("gaps_missing_plans", seeds_nx_graph)
    assert [tuple(r) for r in df[["doc", "announced", "contained", "missing"]].itertuples(index=False)] == [
        (f"doc:{CX}", 6, 5, 1)
    ]


def test_county_overload_flags_only_units_far_above_their_peers(seeds_nx_graph):
    """Counted by hand in the 2024 武定县 plan (inline notes and the task table, a measure stated in both once).

    - 县委办公室 leads table rows 3 and 50 and supports row 1: 2 led + 1 supported, load 2.5;
    - 县税务局 leads nothing and supports four measures (inline (1)–(3) of 财税管理, the
      嘉定 cooperation measure; table row 7 repeats inline (1)): 0 led + 4 supported;
    - 县级有关部门 (a collective) supports table rows 6, 30, 40 and others: never a ranked unit;
    - the park committee leads 32 measures: 34 notes naming it as lead, two of them repeats.
    """
    df = run_query("workload", seeds_nx_graph, level="county").set_index("name")
    office, tax = df.loc["武定县委办公室"], df.loc["武定县税务局"]
    assert (office["led"], office["supported"], office["load"]) == (2, 1, 2.5)
    assert (tax["led"], tax["supported"]) == (0, 4)
    assert not office["overloaded"] and not tax["overloaded"]
    assert df.loc["武定县产业园区管委会", "led"] == 32
    apart = df[df["kind"].isin(["collective", "vague"])]
    assert "武定县级有关部门" in apart.index and not apart["overloaded"].any()
    assert (apart["peers"] == 0).all() and apart["robust_z"].isna().all()
    # collectives come after every unit: they are listed, not ranked
    kinds = df["kind"].isin(["collective", "vague"]).tolist()
    assert kinds == sorted(kinds)
    flagged = df[df["overloaded"]]
    # every flagged unit carries at least 5× its peers' median and sits 3.5 spreads above it
    assert len(flagged) == 4 and (flagged["ratio"] >= 5).all() and (flagged["robust_z"] >= 3.5).all()
    assert set(flagged.index) == {
        "武定县产业园区管委会",
        "武定县工信商务科技局",
        "武定县发展改革局",
        "武定县财政局",
    }
    # the heaviest unit not flagged carries under 4× the median
    assert df.loc[~df["overloaded"] & ~df["kind"].isin(["collective", "vague"]), "ratio"].max() < 4
