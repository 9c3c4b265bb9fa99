"""Large synthetic Zeren graphs, for parity tests and benchmarks.

``synthetic_graph(n_tasks, seed=0)`` generates the graph directly, following
``graph.schema`` (ids, kinds, attributes, edge kinds and keys), instead of
going through the loaders and ``build_graph``: a million tasks must be
generated in about a minute, and queries only see the graph's shape. The
names are invented (青山县, 云岭州 …), drawn with a skewed popularity so a few
units carry most tasks, as in real plans; deadlines, leaders, collectives,
vague units, plans with undated tasks, idle mentions and documents announcing
more plans than they hold all occur, so every saved query has rows.
"""

from __future__ import annotations

import random

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

__all__ = ["synthetic_graph"]

_SYL = "青云岭石河川山林泉清安和平宁康永兴华阳明德昌盛丰源南北东西"
_DEPTS = (
    "财政局",
    "发展改革委",
    "教育局",
    "公安局",
    "民政局",
    "人力资源社会保障局",
    "自然资源局",
    "生态环境局",
    "住房城乡建设局",
    "交通运输局",
    "水务局",
    "农业农村局",
    "商务局",
    "文化旅游局",
    "卫生健康委",
    "应急管理局",
    "审计局",
    "市场监管局",
    "统计局",
    "医保局",
    "林草局",
    "工业和信息化局",
    "科技局",
    "司法局",
    "退役军人事务局",
    "税务局",
    "委组织部",
    "委宣传部",
    "委统战部",
    "投资促进局",
)
_COLLECTIVE = ("各乡镇人民政府", "各街道办事处")
_VAGUE = ("有关部门", "相关单位")
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
_WORDS = (
    "推进",
    "园区",
    "产业",
    "招商",
    "项目",
    "建设",
    "企业",
    "服务",
    "培育",
    "提升",
    "优化",
    "营商环境",
    "基础设施",
    "数字化",
    "绿色",
    "发展",
    "投资",
    "人才",
    "金融",
    "保障",
    "农业",
    "旅游",
    "改造",
    "标准",
    "监管",
    "创新",
    "平台",
    "配套",
    "融资",
    "就业",
    "消费",
    "物流",
    "能源",
    "水利",
    "教育",
    "医疗",
)
_LEVELS = (("province", "省"), ("prefecture", "州"), ("county", "县"))


def _place(rng: random.Random, suffix: str, taken: set[str]) -> str:
    while True:
        name = rng.choice(_SYL) + rng.choice(_SYL) + suffix
        if name not in taken:
            taken.add(name)
            return name


def _sentence(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_WORDS) for _ in range(n))


def synthetic_graph(n_tasks: int, *, seed: int = 0) -> nx.MultiDiGraph:
    """A schema-shaped graph with exactly ``n_tasks`` tasks; the same ``seed`` gives the same graph."""
    if n_tasks < 1:
        raise ValueError("n_tasks must be >= 1")
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    n_places = max(3, min(400, n_tasks // 250))
    taken: set[str] = set()
    places = []
    for i in range(n_places):
        level, suffix = _LEVELS[0] if i == 0 else _LEVELS[1] if i % 8 == 1 else _LEVELS[2]
        places.append((_place(rng, suffix, taken), level, suffix))
    units: dict[str, list[tuple[str, str]]] = {}  # place → [(agency id, short spelling)]
    leaders: dict[str, list[str]] = {}
    for place, level, suffix in places:
        pool = []
        for dept in _DEPTS:
            name = place + dept
            pool.append((_add_agency(G, name, place, level, "government"), suffix + dept))
        for coll in _COLLECTIVE:
            pool.append((_add_agency(G, place + coll, place, level, "collective"), coll))
        for vague in _VAGUE:
            pool.append((_add_agency(G, place + vague, place, level, "vague"), suffix + vague))
        units[place] = pool
        leaders[place] = []
        for _ in range(4):
            person = rng.choice(_SURNAMES) + rng.choice(_GIVEN) + rng.choice(_GIVEN)
            lid = leader_id(place, person)
            G.add_node(lid, kind=LEADER, name=person, jurisdiction=place)
            leaders[place].append(lid)
    made, d = 0, 0
    while made < n_tasks:
        d += 1
        place, level, _ = rng.choice(places)
        made = _add_document(G, rng, d, place, level, units[place], leaders[place], made, n_tasks)
    return G


def _add_agency(G: nx.MultiDiGraph, name: str, place: str, level: str, kind: str) -> str:
    aid = agency_id(name)
    G.add_node(
        aid,
        kind=AGENCY,
        name=name,
        jurisdiction=place,
        level=level,
        agency_kind=kind,
        spellings=[name],
        docs=[],
    )
    return aid


def _add_document(G, rng, d, place, level, pool, bosses, made, n_tasks) -> int:
    doc = f"syn-{d:06d}"
    year = rng.randint(2018, 2025)
    n_plans = rng.choice((1, 1, 1, 2, 3, 5))
    plan_titles = [f"{place}{year}年{_sentence(rng, 2)}行动方案{p}" for p in range(1, n_plans + 1)]
    announced = n_plans + 1 if rng.random() < 0.1 else n_plans
    G.add_node(
        doc_id(doc),
        kind=DOCUMENT,
        name=f"{place}关于印发{_sentence(rng, 2)}方案的通知",
        title=f"{place}关于印发{_sentence(rng, 2)}方案的通知",
        path=f"synthetic/{doc}.txt",
        issuer=f"{place}人民政府办公室",
        jurisdiction=place,
        level=level,
        date=f"{year}-03-15",
        announced_plans=plan_titles + ([f"{place}{year}年缺失方案"] if announced > n_plans else []),
        announced_count=announced,
    )
    weights = [1.0 / (i + 1) for i in range(len(pool))]  # skewed: a few units carry most tasks
    n = 0
    for p, title in enumerate(plan_titles, start=1):
        pid = plan_id(doc, p)
        dated = rng.random() < 0.7
        targets = [
            f"到{year + 2}年{_sentence(rng, 3)}达到{rng.randint(5, 90)}%" for _ in range(rng.randint(0, 3))
        ]
        mentions = [rng.choice(pool)[1] for _ in range(rng.randint(0, 3))] + (
            [f"{place}档案馆"] if rng.random() < 0.3 else []
        )
        G.add_node(pid, kind=PLAN, name=title, title=title, doc=doc, targets=targets, mentions=mentions)
        G.add_edge(doc_id(doc), pid, key=CONTAINS)
        for _ in range(rng.randint(3, 25)):
            if made >= n_tasks:
                return made
            n += 1
            made += 1
            tid = task_id(doc, n)
            text = _sentence(rng, rng.randint(6, 18)) + "。"
            deadline = deadline_end = None
            if dated and rng.random() < 0.85:
                month = rng.randint(1, 12)
                deadline, deadline_end = f"{year}年{month}月底前", f"{year}-{month:02d}-28"
            G.add_node(
                tid,
                kind=TASK,
                name=text[:40],
                text=text,
                doc=doc,
                plan=title,
                plan_id=pid,
                section="重点任务",
                number=str(n),
                source=f"synthetic/{doc}.txt",
                line=10 + n,
                deadline=deadline,
                deadline_start=None,
                deadline_end=deadline_end,
                ongoing=False,
                recurring=False,
            )
            G.add_edge(pid, tid, key=HAS_TASK)
            _assign(G, rng, tid, pool, weights, bosses)
    return made


def _assign(G, rng, tid, pool, weights, bosses) -> None:
    r = rng.random()
    n_leads = 0 if r < 0.05 else 2 if r < 0.2 else 3 if r < 0.25 else 1
    n_sup = rng.choice((0, 1, 2, 2, 3, 4, 6))
    picked: list[tuple[str, str]] = []
    for _ in range(n_leads + n_sup):
        aid, raw = rng.choices(pool, weights)[0]
        if aid not in {a for a, _ in picked}:
            picked.append((aid, raw))
    for pos, (aid, raw) in enumerate(picked):
        role = LEADS if pos < n_leads else SUPPORTS
        G.add_edge(aid, tid, key=role, raw=raw, position=pos if role == LEADS else pos - n_leads)
    if rng.random() < 0.3:
        boss = rng.choice(bosses)
        G.add_edge(boss, tid, key=LEADS, raw=G.nodes[boss]["name"], position=0)
