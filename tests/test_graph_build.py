"""build_graph: records → the schema graph, on records built in code and on the seeds."""

from __future__ import annotations

import doctest
import time

import pytest

from zeren import graph
from zeren.errors import LoaderError
from zeren.graph.build import build_graph
from zeren.graph.schema import AGENCY, LEADS, SUPPORTS
from zeren.loaders.extract import extract_file, parse_document
from zeren.loaders.records import Document, Extraction, Plan, Task

DOC = Document(
    "qingshan-2025",
    "/corpus/qingshan-2025.txt",
    title="青山县人民政府办公室关于印发青山县园区攻坚方案的通知",
    issuer="青山县人民政府办公室",
    jurisdiction="青山县",
    level="county",
    date="2025-04-02",
    announced_plans=("青山县园区攻坚方案",),
    announced_count=1,
)
PLAN = "青山县园区攻坚方案"


def qingshan() -> Extraction:
    tasks = [
        Task(
            DOC.id, PLAN, "建立园区重点项目库，实行清单化管理。", leads=("县发改局",),
            supports=("县应急局", "县应急管理局", "县财政局"), leaders=("李明",), deadline="2025年6月底前",
            section="一、项目建设", number="1", source=DOC.path, line=7,
        ),
        Task(
            DOC.id, PLAN, "争取专项债券支持园区基础设施。", leads=("县财政局",), supports=("有关部门",),
            deadline="每季度", section="一、项目建设", number="2", source=DOC.path, line=8,
        ),
    ]  # fmt: skip
    plan = Plan(DOC.id, PLAN, line=5, targets=("新增规上企业3户",), mentions=("县财政局",))
    return Extraction(DOC, [plan], tasks)


def test_nodes_and_attributes():
    G = build_graph([qingshan()])
    assert list(G.nodes) == [
        "doc:qingshan-2025",
        "plan:qingshan-2025:1",
        "task:qingshan-2025:1",
        "task:qingshan-2025:2",
        "agency:青山县发展改革局",
        "agency:青山县应急管理局",
        "agency:青山县有关部门",
        "agency:青山县财政局",
        "leader:青山县:李明",
    ]
    assert G.nodes["doc:qingshan-2025"] == {
        "kind": "Document", "name": DOC.title, "title": DOC.title, "path": DOC.path,
        "issuer": "青山县人民政府办公室", "jurisdiction": "青山县", "level": "county", "date": "2025-04-02",
        "announced_plans": ["青山县园区攻坚方案"], "announced_count": 1,
    }  # fmt: skip
    assert G.nodes["plan:qingshan-2025:1"] == {
        "kind": "Plan", "name": PLAN, "title": PLAN, "doc": DOC.id,
        "targets": ["新增规上企业3户"], "mentions": ["县财政局"],
    }  # fmt: skip
    assert G.nodes["task:qingshan-2025:1"] == {
        "kind": "Task", "name": "建立园区重点项目库，实行清单化管理。", "text": "建立园区重点项目库，实行清单化管理。",
        "doc": DOC.id, "plan": PLAN, "plan_id": "plan:qingshan-2025:1", "section": "一、项目建设", "number": "1",
        "source": DOC.path, "line": 7, "lines": [7], "deadline": "2025年6月底前", "deadline_start": None,
        "deadline_end": "2025-06-30", "ongoing": False, "recurring": False,
    }  # fmt: skip
    assert G.nodes["task:qingshan-2025:2"]["recurring"] is True
    assert G.nodes["agency:青山县应急管理局"] == {
        "kind": "Agency", "name": "青山县应急管理局", "jurisdiction": "青山县", "level": "county",
        "agency_kind": "government", "spellings": ["县应急局", "县应急管理局"], "docs": [DOC.id],
    }  # fmt: skip
    assert G.nodes["agency:青山县有关部门"]["agency_kind"] == "vague"
    assert G.nodes["leader:青山县:李明"] == {"kind": "Leader", "name": "李明", "jurisdiction": "青山县"}


def test_edges_carry_kind_raw_and_position():
    G = build_graph([qingshan()])
    edges = [(u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True)]
    assert edges[:4] == [
        ("doc:qingshan-2025", "plan:qingshan-2025:1", "CONTAINS", {}),
        ("plan:qingshan-2025:1", "task:qingshan-2025:1", "HAS_TASK", {}),
        ("plan:qingshan-2025:1", "task:qingshan-2025:2", "HAS_TASK", {}),
        ("agency:青山县发展改革局", "task:qingshan-2025:1", "LEADS", {"raw": "县发改局", "position": 0}),
    ]
    # two spellings of one unit in one note: one edge, the first spelling
    assert G.get_edge_data("agency:青山县应急管理局", "task:qingshan-2025:1") == {
        SUPPORTS: {"raw": "县应急局", "position": 0}
    }
    assert G.get_edge_data("agency:青山县财政局", "task:qingshan-2025:1") == {
        SUPPORTS: {"raw": "县财政局", "position": 2}
    }
    assert G.get_edge_data("leader:青山县:李明", "task:qingshan-2025:1") == {
        LEADS: {"raw": "李明", "position": 0}
    }
    assert G.number_of_edges() == 9


def test_same_input_same_graph_whatever_the_order():
    other = Extraction(
        Document("baishui-2025", "/corpus/baishui-2025.txt", jurisdiction="白水县", level="county"),
        [Plan("baishui-2025", "白水县方案")],
        [Task("baishui-2025", "白水县方案", "修路。", leads=("县财政局",))],
    )
    a = build_graph([qingshan(), other])
    b = build_graph([other, qingshan()])
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))
    assert "agency:白水县财政局" in a and "agency:青山县财政局" in a


def test_task_of_an_unlisted_plan_gets_a_plan_node():
    ex = Extraction(
        DOC, [Plan(DOC.id, PLAN)], [Task(DOC.id, "附件：任务清单", "修路。", leads=("县交通运输局",))]
    )
    G = build_graph([ex])
    assert G.nodes["plan:qingshan-2025:2"]["title"] == "附件：任务清单"
    assert G.nodes["task:qingshan-2025:1"]["plan_id"] == "plan:qingshan-2025:2"
    assert G.has_edge("doc:qingshan-2025", "plan:qingshan-2025:2", key="CONTAINS")


def test_collective_node_lists_members():
    doc = Document("yl", "/corpus/yl.txt", jurisdiction="楚雄州", level="prefecture")
    ex = Extraction(doc, [Plan("yl", "方案")], [Task("yl", "方案", "修路。", supports=("各县市人民政府",))])
    node = build_graph([ex]).nodes["agency:楚雄州各县市人民政府"]
    assert node["agency_kind"] == "collective"
    assert node["members"][-1] == "agency:武定县人民政府"
    assert len(node["members"]) == 10


def test_two_documents_with_one_id_are_refused():
    with pytest.raises(LoaderError) as err:
        build_graph([qingshan(), Extraction(Document(DOC.id, "/elsewhere/qingshan-2025.docx"))])
    assert str(err.value) == (
        "/elsewhere/qingshan-2025.docx: document id 'qingshan-2025' is also the id of "
        "/corpus/qingshan-2025.txt (rename one file)"
    )


def test_empty_unit_name_names_file_and_line():
    ex = Extraction(DOC, [Plan(DOC.id, PLAN)], [Task(DOC.id, PLAN, "修路。", leads=("。",), line=12)])
    with pytest.raises(LoaderError) as err:
        build_graph([ex])
    assert str(err.value) == "/corpus/qingshan-2025.txt:12: unit name '。' is empty"


# Two invented plans in the seeds' inline-note style: another county of 楚雄州 and 武定县.
SHUANGBAI = """双柏县人民政府办公室关于印发双柏县2025年园区提质增效行动方案的通知
各乡镇人民政府,县直各部门:
现将《双柏县2025年园区提质增效行动方案》印发给你们,请认真贯彻落实。
双柏县人民政府办公室
2025年3月12日
双柏县2025年园区提质增效行动方案
一、重点任务
1.完善园区道路管网。加快园区主干道和污水管网建设。(牵头单位:县住房城乡建设局;责任单位:县财政局、县自然资源局)
2.强化资金保障。统筹安排园区发展专项资金。(牵头单位:县财政局;责任单位:县政府办公室、县发展改革局)
3.抓好招商引资。围绕绿色食品产业开展精准招商。(牵头单位:县人民政府;责任单位:州发展改革委、县投资促进局)
"""
WUDING = """武定县人民政府办公室关于印发武定县2025年重点项目攻坚行动方案的通知
各乡镇人民政府,县直各部门:
武定县人民政府办公室
2025年4月2日
武定县2025年重点项目攻坚行动方案
一、重点任务
1.加快项目前期工作。建立重点项目储备库。(牵头单位:县政府;责任单位:县财政局、县发展改革局,2025年6月底前)
"""


def test_seeds_and_another_county(seeds_dir):
    extractions = [extract_file(p) for p in sorted(seeds_dir.glob("*.txt"))]
    extractions.append(parse_document(SHUANGBAI, source="shuangbai.txt", doc="shuangbai-2025-sample"))
    extractions.append(parse_document(WUDING, source="wuding.txt", doc="wuding-2025-sample"))
    start = time.perf_counter()
    G = build_graph(extractions)
    assert time.perf_counter() - start < 1.0

    wuding_finance, shuangbai_finance = G.nodes["agency:武定县财政局"], G.nodes["agency:双柏县财政局"]
    assert "wuding-2024-park-campaign" in wuding_finance["docs"]
    assert "shuangbai-2025-sample" not in wuding_finance["docs"]
    assert shuangbai_finance["docs"] == ["shuangbai-2025-sample"]

    county_government = G.nodes["agency:武定县人民政府"]
    assert county_government["docs"] == ["chuxiong-2019-six-campaigns", "wuding-2025-sample"]
    assert county_government["spellings"] == ["县政府", "武定县人民政府"]
    assert county_government["level"] == "county"

    drc = G.nodes["agency:楚雄州发展改革委"]
    assert (drc["jurisdiction"], drc["level"]) == ("楚雄州", "prefecture")
    assert drc["docs"] == ["chuxiong-2019-six-campaigns", "shuangbai-2025-sample"]

    branch = G.nodes["agency:楚雄州生态环境局武定分局"]
    assert branch["spellings"] == ["州生态环境局武定分局"]
    assert "agency:楚雄州生态环境局" in G
    assert G.nodes["agency:武定县委组织部"]["agency_kind"] == "party"

    park = G.nodes["agency:武定县产业园区管委会"]
    assert park["spellings"] == ["云南武定产业园区管委会", "武定产业园区"]
    assert G.nodes["agency:楚雄州人力资源和社会保障局"]["spellings"] == ["州人力资源和社会保障局", "州人社局"]

    # every role edge starts at an agency or leader and ends at a task, with its raw name
    for u, v, k, d in G.edges(keys=True, data=True):
        if k in (LEADS, SUPPORTS):
            assert G.nodes[u]["kind"] in (AGENCY, "Leader")
            assert G.nodes[v]["kind"] == "Task"
            assert d["raw"] and d["position"] >= 0


def test_seed_graph_is_deterministic(seeds_dir):
    paths = sorted(seeds_dir.glob("*.txt"))
    a = build_graph([extract_file(p) for p in paths])
    b = build_graph([extract_file(p) for p in reversed(paths)])
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))


@pytest.mark.parametrize(
    "module", [graph.agencies, graph.agency_names, graph.build, graph.gazetteer], ids=lambda m: m.__name__
)
def test_module_doctests(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert (result.failed, result.attempted > 0) == (0, True)
