"""Synthetic implementation plans for throughput benchmarks and scale tests.

Each document imitates the layouts of the real ones: a covering notice, a plan
with numbered sections, measures ending in an inline responsibility note
(``(牵头单位:X;责任单位:Y、Z)``, sometimes full-width or as ``X牵头,Y配合``),
and a task table written one row a line. Places, agencies and officials come
from small invented vocabularies; the same ``(seed, index)`` always gives the
same document, whatever ``n`` is.

>>> name, text = next(generate_documents(1, seed=7))
>>> name, "牵头单位" in text, 2_000 < len(text.encode()) < 20_000
('synthetic-0007-000000.txt', True, True)
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

__all__ = ["generate_documents", "write_corpus"]

_PLACE_HEADS = "青云石白松金玉鹤桃凤梅雁兰檀柏枫"
_PLACE_TAILS = ("山", "岭", "泉", "溪", "川", "河", "源", "坪", "湾", "塘", "屏", "阳")
_LEVELS = (("县", "县"), ("市", "市"), ("州", "州"), ("区", "区"))  # (place suffix, agency prefix)
_DEPARTMENTS = (
    "财政局", "发展改革局", "教育体育局", "卫生健康局", "自然资源局", "住房城乡建设局", "交通运输局",
    "农业农村局", "商务局", "文化和旅游局", "市场监管局", "生态环境局", "人力资源社会保障局", "民政局",
    "应急管理局", "科技局", "工业和信息化局", "政务服务管理局", "水务局", "林业和草原局", "统计局",
    "投资促进局", "委组织部", "委宣传部", "医疗保障局", "司法局",
)  # fmt: skip
_COLLECTIVES = ("各乡镇人民政府", "{level}级有关部门", "各街道办事处", "{level}直各部门")
_SURNAMES = "张李王赵刘陈杨黄周吴徐孙马朱胡郭何罗"
_GIVEN = ("明远", "海峰", "立新", "志强", "建华", "晓梅", "文斌", "春林", "玉兰", "国庆", "红梅", "德胜")
_THEMES = (
    ("营商环境提升", ("政务服务", "企业开办", "工程建设项目审批", "中小企业融资", "涉企收费清理")),
    ("园区经济攻坚", ("标准化厂房", "园区基础设施", "招商引资", "产业链延伸", "规上企业培育")),
    ("乡村振兴", ("农村公路", "高标准农田", "乡村旅游", "农村人居环境", "特色农产品品牌")),
    ("民生保障", ("养老服务体系", "职业技能培训", "城乡供水", "基层医疗卫生", "义务教育学位")),
    ("生态环境保护", ("河湖长制", "生态保护修复", "大气污染防治", "垃圾分类", "森林防火")),
)
_VERBS = ("加快推进", "健全完善", "深化", "持续强化", "全面提升", "统筹抓好")
_TAILS = (
    "建立工作台账,明确时间表和路线图,确保各项任务落到实处。",
    "加强部门协同配合,及时研究解决推进中的困难和问题。",
    "力争年内取得阶段性成效,形成一批可复制可推广的经验做法。",
    "强化要素保障,做好资金、土地、人才等方面的支持。",
)
_DEADLINES = (
    "{year}年4月底以前", "{year}年6月底前", "长期坚持", "每季度", "{year}年12月31日前",
    "{year}年上半年", "持续推进", "{year}年4月底以前,并长期坚持", "{year}年底前",
)  # fmt: skip
_SECTIONS = "一二三四五六七八九十"


def _place(rng: random.Random) -> tuple[str, str]:
    suffix, prefix = rng.choice(_LEVELS)
    return rng.choice(_PLACE_HEADS) + rng.choice(_PLACE_TAILS) + suffix, prefix


def _units(rng: random.Random, prefix: str, k: int) -> list[str]:
    units = [prefix + d for d in rng.sample(_DEPARTMENTS, k)]
    if rng.random() < 0.3:
        units.append(rng.choice(_COLLECTIVES).format(level=prefix))
    return units


def _note(rng: random.Random, leads: list[str], supports: list[str]) -> str:
    style = rng.random()
    if style < 0.6:
        return f"(牵头单位:{'、'.join(leads)};责任单位:{'、'.join(supports)})"
    if style < 0.85:
        return f"（牵头单位：{'、'.join(leads)}；责任单位：{'、'.join(supports)}）"
    return f"({'、'.join(leads)}牵头,{'、'.join(supports)}配合)"


def _measure(rng: random.Random, topic: str, year: int) -> str:
    figure = rng.randint(2, 50)
    return (
        f"{rng.choice(_VERBS)}{topic}工作,围绕{topic}重点领域补短板、强弱项,"
        f"力争到{year}年底完成{figure}个以上重点项目。{rng.choice(_TAILS)}"
    )


def _document(seed: int, index: int) -> str:
    rng = random.Random(seed * 1_000_003 + index)
    place, prefix = _place(rng)
    year = rng.randint(2018, 2026)
    theme, topics = rng.choice(_THEMES)
    title = f"{place}{year}年{theme}行动方案"
    issuer = f"{place}人民政府办公室"
    lines = [
        f"{issuer}关于印发{title}的通知",
        f"{place[0]}政办发〔{year}〕{rng.randint(1, 80)}号",
        f"各乡镇人民政府,{prefix}直各部门:",
        f"经{place}人民政府同意,现将《{title}》印发给你们,请认真贯彻执行。",
        issuer,
        f"{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
        "(此件公开发布)",
        title,
        f"为深入贯彻落实上级决策部署,推动{theme}工作取得实效,结合我{prefix}实际,制定本方案。",
        "一、总体要求",
        f"坚持问题导向和目标导向,聚焦{'、'.join(topics[:3])}等重点领域,压实部门责任,形成工作合力。",
        "二、重点任务",
    ]
    number = 0
    for s, topic in enumerate(rng.sample(topics, 3)):
        lines.append(f"({_SECTIONS[s]}){topic}攻坚行动")
        for _ in range(rng.randint(2, 4)):
            number += 1
            units = _units(rng, prefix, 1 + rng.randint(1, 4))  # distinct: a lead never also supports
            lines.append(f"{number}.{_measure(rng, topic, year)}{_note(rng, units[:1], units[1:])}")
    lines.append("三、任务分解")
    lines.append("序号 | 工作任务 | 牵头领导 | 牵头单位 | 配合单位 | 完成时限")
    for row in range(1, rng.randint(4, 8)):
        topic = rng.choice(topics)
        leader = rng.choice(_SURNAMES) + rng.choice(_GIVEN)
        units = _units(rng, prefix, 1 + rng.randint(1, 3))
        lead, supports = units[0], "、".join(units[1:])
        deadline = rng.choice(_DEADLINES).format(year=year)
        lines.append(f"{row} | {_measure(rng, topic, year)} | {leader} | {lead} | {supports} | {deadline}")
    lines += [
        "四、保障措施",
        f"(一)加强组织领导。成立{theme}工作专班,由{prefix}政府分管领导任组长,统筹推进各项工作。",
        f"(二)强化督查考核。{prefix}政府督查室要牵头抓好督查落实,定期通报工作进展。",
    ]
    return "\n".join(lines) + "\n"


def generate_documents(n: int, *, seed: int = 0) -> Iterator[tuple[str, str]]:
    """``n`` (file name, text) pairs of synthetic plans, deterministic by ``seed``."""
    for index in range(n):
        yield f"synthetic-{seed:04d}-{index:06d}.txt", _document(seed, index)


def write_corpus(folder: str | Path, n: int, *, seed: int = 0) -> list[Path]:
    """Write ``n`` synthetic plans as UTF-8 files into ``folder`` (created); their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in generate_documents(n, seed=seed):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
