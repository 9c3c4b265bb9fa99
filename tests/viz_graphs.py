"""Small Zeren graphs built by hand after graph/schema.py, for the viz tests.

Written out node by node (not through graph.build) so the viz tests pin the
schema they rely on and do not change when the builder's resolution rules do.
"""

from __future__ import annotations

import networkx as nx

from zeren.graph.schema import (
    AGENCY,
    CONTAINS,
    DOCUMENT,
    HAS_TASK,
    LEADER,
    LEADS,
    PLAN,
    SUPPORTS,
    TASK,
    agency_id,
    doc_id,
    leader_id,
    plan_id,
    task_id,
)

HOSTILE = '整治<script>window.__pwned=1;alert(1)</script>河道<img src=x onerror="window.__pwned=2;alert(2)">'

# (doc, plan n, text, leads, supports, leaders, deadline text, start, end)
# fmt: off
_TASKS = [
    ("qingshan-2025", 1, "建立园区重点项目库，实行清单化管理。", ["青山县发展改革局"], ["青山县财政局", "青山县自然资源局"], ["李明"], "2025年3月底前", None, "2025-03-31"),
    ("qingshan-2025", 1, "加快标准厂房二期建设。", ["青山县住房城乡建设局"], ["青山县财政局"], ["王志强"], "2025年12月底前", None, "2025-12-31"),
    ("qingshan-2025", 1, "争取专项债券支持园区基础设施。", ["青山县财政局"], ["青山县发展改革局"], ["王志强"], "每季度", None, None),
    ("qingshan-2025", 2, "开展闲置土地专项清理。", ["青山县自然资源局"], ["青山县财政局", "青山县发展改革局"], [], "2025年6月底前", None, "2025-06-30"),
    ("qingshan-2025", 2, HOSTILE, ["青山县水务局"], ["青山县财政局"], [], "2025年6月底前", None, "2025-06-30"),
    ("yunling-2025", 1, "推进云岭州农村供水保障。", ["云岭州水务局"], ["云岭州财政局", "青山县水务局"], [], "2025年9月底前", None, "2025-09-30"),
    ("yunling-2025", 1, "完善农村人居环境整治长效机制。", ["云岭州农业农村局"], ["云岭州财政局"], [], "长期坚持", None, None),
    ("yunling-2025", 2, "建设数字乡村示范点3个。", ["云岭州工业和信息化局"], ["云岭州农业农村局", "云岭州财政局"], [], "2025年6月底前", None, "2025-06-30"),
]
# fmt: on

# fmt: off
_DOCS = {
    "qingshan-2025": ("青山县2025年园区经济攻坚行动方案", "青山县", "county", ["园区项目建设攻坚", "要素保障攻坚"]),
    "yunling-2025": ("云岭州乡村振兴三年行动方案", "云岭州", "prefecture", ["农村基础设施提升", "数字乡村建设"]),
}
# fmt: on

_JURISDICTION = {"青山县": ("青山县", "county"), "云岭州": ("云岭州", "prefecture")}

# Other spellings the alias file or the documents give a unit (an old name the search must still find).
ALIASES = {"青山县水务局": ["县水利局"]}


def source_texts() -> dict[str, list[str]]:
    """The documents' text, one entry a line, with each task on the line its node records (10 + n)."""
    texts = {}
    for doc, (title, *_rest) in _DOCS.items():
        lines = [title, "", "为贯彻落实上级部署，制定本方案。"] + [f"（说明第{i}行）" for i in range(4, 11)]
        lines += [text for d, _, text, *_ in _TASKS if d == doc]
        texts[doc] = lines
    return texts


def sample_graph() -> nx.MultiDiGraph:
    """Two documents, four plans, eight tasks (one hostile), eight agencies, two leaders."""
    G = nx.MultiDiGraph()
    for doc, (title, jurisdiction, level, plans) in _DOCS.items():
        G.add_node(
            doc_id(doc), kind=DOCUMENT, name=doc, title=title, path=f"/corpus/{doc}.txt", issuer=f"{jurisdiction}人民政府办公室",
            jurisdiction=jurisdiction, level=level, date="2025-04-02", announced_plans=[], announced_count=None,
        )  # fmt: skip
        for n, plan in enumerate(plans, start=1):
            G.add_node(plan_id(doc, n), kind=PLAN, name=plan, title=plan, doc=doc, targets=[], mentions=[])
            G.add_edge(doc_id(doc), plan_id(doc, n), key=CONTAINS)
    counters: dict[str, int] = {}
    for doc, plan_n, text, leads, supports, leaders, deadline, start, end in _TASKS:
        counters[doc] = counters.get(doc, 0) + 1
        tid = task_id(doc, counters[doc])
        pid = plan_id(doc, plan_n)
        G.add_node(
            tid, kind=TASK, name=text[:40], text=text, doc=doc, plan=G.nodes[pid]["title"], plan_id=pid,
            section="", number=str(counters[doc]), source=f"/corpus/{doc}.txt", line=10 + counters[doc],
            deadline=deadline, deadline_start=start, deadline_end=end, ongoing=deadline == "长期坚持",
            recurring=deadline == "每季度",
        )  # fmt: skip
        G.add_edge(pid, tid, key=HAS_TASK)
        for role, names in ((LEADS, leads), (SUPPORTS, supports)):
            for position, name in enumerate(names):
                aid = _agency(G, name)
                G.add_edge(aid, tid, key=role, raw=name, position=position)
        for position, name in enumerate(leaders):
            lid = leader_id(_DOCS[doc][1], name)
            G.add_node(lid, kind=LEADER, name=name, jurisdiction=_DOCS[doc][1])
            G.add_edge(lid, tid, key=LEADS, raw=name, position=position)
    return G


def _agency(G: nx.MultiDiGraph, name: str) -> str:
    aid = agency_id(name)
    if aid not in G:
        jurisdiction, level = _JURISDICTION[name[:3]]
        G.add_node(
            aid,
            kind=AGENCY,
            name=name,
            jurisdiction=jurisdiction,
            level=level,
            agency_kind="government",
            spellings=sorted([name, *ALIASES.get(name, [])]),
            docs=[],
        )
    return aid
