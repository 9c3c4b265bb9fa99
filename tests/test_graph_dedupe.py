"""One task per measure: a measure stated inline and again as a task-table row is one task."""

from __future__ import annotations

from zeren.graph.build import build_graph
from zeren.graph.dedupe import merge_repeated
from zeren.loaders.extract import parse_document
from zeren.loaders.records import Task

# An invented plan in the usual shape: measures in the text, then the same in an appended table.
PLAN = """青山县物流园区建设三年行动方案

一、重点任务
（一）加快建设青山县物流园，完善冷链仓储设施，年内建成冷库两座。（牵头单位：县商务局；责任单位：县财政局）
（二）推进乡镇快递服务站点全覆盖，打通农村物流最后一公里。（牵头单位：县邮政管理局；责任单位：各乡镇人民政府）
（三）推进村级快递服务站点全覆盖，打通农村物流最后一公里。（牵头单位：县交通运输局）

附件：重点任务分解表
序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限
1 | 加快建设青山县物流园，完善冷链仓储设施，年内建成冷库2座 | 县商务局 | 县发展改革局、县自然资源局 | 2025年12月底前
2 | 制定物流企业培育扶持办法 | 县发展改革局 | 县财政局 | 2025年6月底前
"""


def graph():
    ex = parse_document(PLAN, source="qingshan-2025-logistics.txt", doc="qingshan-2025-logistics")
    assert len(ex.tasks) == 5  # the records keep both copies: the scorer's export is unchanged
    return build_graph([ex])


def holders(G, task, role):
    return sorted(u.removeprefix("agency:") for u, _, k in G.in_edges(task, keys=True) if k == role)


def test_a_measure_repeated_as_a_table_row_is_one_task_with_both_lines_and_all_parties():
    G = graph()
    tasks = sorted(n for n, a in G.nodes(data=True) if a["kind"] == "Task")
    assert tasks == [f"task:qingshan-2025-logistics:{n}" for n in (1, 2, 3, 5)]  # ids of the copies kept
    park = G.nodes["task:qingshan-2025-logistics:1"]
    assert park["lines"] == [4, 10]
    assert park["deadline"] == "2025年12月底前"  # only the table copy gives one
    assert holders(G, "task:qingshan-2025-logistics:1", "LEADS") == ["青山县商务局"]
    assert holders(G, "task:qingshan-2025-logistics:1", "SUPPORTS") == [
        "青山县发展改革局", "青山县自然资源局", "青山县财政局",
    ]  # fmt: skip


def test_similar_measures_side_by_side_stay_apart():
    G = graph()
    # (二) and (三) differ by one word but are both inline: two measures, two leads
    assert G.nodes["task:qingshan-2025-logistics:2"]["lines"] == [5]
    assert G.nodes["task:qingshan-2025-logistics:3"]["lines"] == [6]


def test_each_copy_merges_at_most_once_and_a_lead_in_either_copy_leads():
    inline = Task(
        "d", "p", "（1）建成青山县城市综合物流配送中心。", leads=("县商务局",), supports=("县交通局",), line=3
    )
    row_a = Task("d", "p", "1 | 建成青山县城市综合物流配送中心 | 县交通局", leads=("县交通局",), line=20)
    row_b = Task("d", "p", "2 | 建成青山县城市综合物流配送中心。 | 县邮政局", leads=("县邮政局",), line=21)
    merged = merge_repeated([inline, row_a, row_b])
    assert [(t.leads, t.supports, lines, n) for t, lines, n in merged] == [
        (("县商务局", "县交通局"), (), (3, 20), 1),
        (("县邮政局",), (), (21,), 3),
    ]
    assert merge_repeated([inline, row_a], min_similarity=1.01)[0][1] == (3,)
