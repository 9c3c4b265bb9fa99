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
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["generate_documents", "write_corpus", "generate_plans", "GeneratedPlan", "alias_gold"]

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


# ---------------------------------------------------------------------------
# Plans with exact answers: many layouts × realistic damage, for scoring.
# ---------------------------------------------------------------------------

# spellings one document may use for the same department (the gold groups them)
_VARIANTS = {
    "发展改革局": "发改局",
    "人力资源社会保障局": "人社局",
    "住房城乡建设局": "住建局",
    "市场监管局": "市场监督管理局",
    "投资促进局": "投促局",
}
_TOWN_HEADS = ("东", "西", "南", "北", "上", "下", "新", "老", "高", "长")
_TOWN_TAILS = ("坪", "桥", "坝", "营", "铺", "场", "口", "关")
_CONTROL = "\x01\x7f\x85"


@dataclass
class GeneratedPlan:
    """One generated plan: its file name, text and the answers the scorer reads."""

    name: str
    text: str
    gold: list[dict]  # one row per task, in the scorer's gold format
    spellings: dict[str, list[str]]  # canonical name → the spellings this plan writes it in
    collectives: list[str]  # "doc|name" collectives, left out of the alias score
    place: str


class _Plan:
    """State while one plan is written: its vocabulary, the answers so far."""

    def __init__(self, rng: random.Random, doc: str, damage: bool) -> None:
        self.rng, self.doc, self.damage = rng, doc, damage
        self.place, self.prefix = _place(rng)
        self.gold: list[dict] = []
        self.spellings: dict[str, set[str]] = {}
        self.collectives: set[str] = set()
        self.figures = iter(rng.sample(range(2, 999), 200))
        self.first_named = rng.random() < 0.12  # the plan says the first-named unit leads

    def unit(self) -> tuple[str, str]:
        """(written, canonical) of one department, sometimes in a short spelling."""
        dept = self.rng.choice(_DEPARTMENTS)
        canonical = self.prefix + dept
        written = canonical
        if dept in _VARIANTS and self.rng.random() < 0.4:
            written = self.prefix + _VARIANTS[dept]
        self.spellings.setdefault(canonical, set()).add(written)
        return written, canonical

    def units(self, k: int) -> list[str]:
        out: list[str] = []
        seen: set[str] = set()
        while len(out) < k:
            written, canonical = self.unit()
            if canonical not in seen:
                seen.add(canonical)
                out.append(written)
        return out

    def collective(self) -> str:
        name = self.rng.choice(_COLLECTIVES + ("各乡镇(街道)",)).format(level=self.prefix)
        self.collectives.add(name)
        return name

    def towns(self) -> tuple[str, list[str]]:
        """``甲镇、乙镇人民政府`` and the two governments it names (a shared tail restored)."""
        # a town's name carries its county's stem: towns of two counties never share a name here
        stem = self.place[:2]
        a, b = (stem + t for t in self.rng.sample([h + t for h in _TOWN_HEADS for t in _TOWN_TAILS], 2))
        return f"{a}镇、{b}镇人民政府", [f"{a}镇人民政府", f"{b}镇人民政府"]

    def listing(self, names: list[str]) -> str:
        """A written list; a level prefix may be written once for departments that share it."""
        bare = all(n.startswith(self.prefix) and n not in self.collectives for n in names)
        if bare and len(names) > 1 and self.rng.random() < 0.25:
            return "、".join([names[0]] + [n[len(self.prefix) :] for n in names[1:]])
        return "、".join(names)

    def hurt(self, name: str) -> str:
        """A stray space or control character inside a name, as copies leave them."""
        if not self.damage or len(name) < 4 or self.rng.random() > 0.15:
            return name
        if self.rng.random() < 0.15:  # letter-spaced, as some PDF copies are
            return " ".join(name)
        k = self.rng.randint(2, len(name) - 2)
        return name[:k] + self.rng.choice((" ", " ", "\u3000", *_CONTROL)) + name[k:]

    def measure(self, topic: str, year: int) -> tuple[str, str]:
        """(text, key): the key is unique in the document."""
        figure = next(self.figures)
        key = f"完成{figure}个以上{topic}项目"
        text = (
            f"{self.rng.choice(_VERBS)}{topic}工作,围绕{topic}重点领域补短板、强弱项,"
            f"力争到{year}年底{key}。{self.rng.choice(_TAILS)}"
        )
        return text, key

    def answer(
        self,
        key: str,
        plan: str,
        leads: list[str],
        supports: list[str],
        leaders: list[str] | tuple[str, ...] = (),
        deadline: str | None = None,
    ) -> None:
        self.gold.append(
            {
                "doc": self.doc,
                "key": key,
                "plan": plan,
                "leads": list(leads),
                "supports": list(supports),
                "leaders": list(leaders),
                "deadline": deadline,
            }
        )


def _parties(p: _Plan) -> tuple[list[str], list[str], list[str], list[str]]:
    """(written leads, written supports, answer leads, answer supports) of one note."""
    leads = p.units(1)
    supports = p.units(p.rng.randint(1, 3))
    supports = [s for s in supports if s not in leads] or [u for u in p.units(2) if u not in leads][:1]
    gold_s = list(supports)
    roll = p.rng.random()
    if roll < 0.15:
        c = p.collective()
        supports.append(c)
        gold_s.append(c)
    elif roll < 0.22:
        written, names = p.towns()
        supports.append(written)
        gold_s.extend(names)
    return leads, supports, list(leads), gold_s


def _inline_note(
    p: _Plan, leads: list[str], supports: list[str], leader: str, deadline: str
) -> tuple[str, str, str]:
    """One responsibility note in one of many written styles, with the leader and deadline it names."""
    lead_s, sup_s = p.hurt(p.listing(leads)), p.hurt(p.listing(supports))
    if p.rng.random() < 0.5:
        deadline = ""
    post = p.rng.choice(("", "", f"(副{p.place[-1]}长)"))  # an official's post, a remark on the name
    head = f"牵头领导:{leader}{post};" if leader else ""
    tail = f";完成时限:{deadline}" if deadline else ""
    style = p.rng.randrange(10)
    if style == 0:
        note = f"({head}牵头单位:{lead_s};责任单位:{sup_s}{tail})"
    elif style == 1:
        note = f"({head}牵头单位:{lead_s};配合单位:{sup_s}{tail})".translate(_FULL)
    elif style == 2:
        note = f"【{head}牵头单位：{lead_s}；协同责任单位：{sup_s}{tail}】"
    elif style == 3:
        note = f"〔{head}主要牵头部门：{lead_s} 配合部门：{sup_s}{tail}〕"
    elif style == 4:
        note = f"[{head}牵头单位:{lead_s};具体责任单位:{sup_s}{tail}]"
    elif style == 5:
        note = f"【牵头单位】{lead_s}【配合单位】{sup_s}"
        note += (f"【牵头领导】{leader}" if leader else "") + (f"【完成时限】{deadline}" if deadline else "")
    elif style == 6:
        note, leader = f"({lead_s}牵头,{sup_s}配合" + (f",{deadline})" if deadline else ")"), ""
    elif style == 7:  # a dash and verbs, no bracket
        note, leader, deadline = f"——{lead_s}牵头,{sup_s}配合", "", ""
    elif style == 8:  # 牵头单位为X
        note, leader, deadline = f"牵头单位为{p.listing(leads)},配合单位为{p.listing(supports)}。", "", ""
    else:  # the lead marked in a box after its name, one list for all
        note, leader, deadline = f"(责任单位:{lead_s}〔牵头〕、{sup_s})", "", ""
    return note, leader, deadline


_FULL = str.maketrans({"(": "（", ")": "）", ":": "：", ";": "；"})
_OPENERS = "(（【〔["


@lru_cache(maxsize=1)
def _to_traditional():
    import opencc  # imported late, as the normaliser does: loading its dictionaries takes time

    return opencc.OpenCC("s2t")


def _traditional(text: str) -> str:
    return _to_traditional().convert(text)


def _cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _wrap(p: _Plan, line: str) -> str:
    """A hard line break inside a long paragraph, or inside a note, as PDF copies have."""
    if not p.damage or p.rng.random() > 0.35:
        return line
    cut = max(line.rfind(c) for c in _OPENERS) if p.rng.random() < 0.5 else -1
    # inside the note (the bracket left open joins the lines again), else inside the text
    span = range(cut + 6, len(line) - 3) if cut > 0 else range(24, min(len(line), 60))
    inner = [k for k in span if _cjk(line[k - 1]) and _cjk(line[k])]
    if not inner:
        return line
    k = p.rng.choice(inner)
    return line[:k] + "\n" + line[k:]


def _table(p: _Plan, plan: str, year: int, topics: tuple[str, ...]) -> list[str]:
    """A task table rendered one row a line (| or tabs) or one cell a line."""
    leader_col = p.rng.choice(("牵头领导", "总责任人", ""))
    header = (
        ["序号", "工作任务"] + ([leader_col] if leader_col else []) + ["牵头单位", "配合单位", "完成时限"]
    )
    rows = []
    for row in range(1, p.rng.randint(3, 6)):
        text, key = p.measure(p.rng.choice(topics), year)
        leader = p.rng.choice(_SURNAMES) + p.rng.choice(_GIVEN)
        leads, supports, gold_l, gold_s = _parties(p)
        deadline = p.rng.choice(_DEADLINES).format(year=year)
        cells = (
            [str(row), text]
            + ([leader] if leader_col else [])
            + [
                p.hurt(p.listing(leads)),
                p.hurt(p.listing(supports)),
                deadline,
            ]
        )
        rows.append(cells)
        p.answer(key, plan, gold_l, gold_s, [leader] if leader_col else [], deadline)
    style = p.rng.randrange(3)
    if style < 2:
        sep = " | " if style == 0 else "\t"
        out = [sep.join(header)]
        for r in rows:
            if p.damage and p.rng.random() < 0.2:  # a long cell broken across two lines
                k = p.rng.randint(8, len(r[1]) - 4)
                r = [r[0], r[1][:k] + "\n" + r[1][k:], *r[2:]]
            out.append(sep.join(r))
        return out
    out = []
    for h in header:  # one cell a line; a long header word may break in two
        if p.damage and h.endswith("单位") and p.rng.random() < 0.4:
            out += [h[:-2], "单位"]
        else:
            out.append(h)
    for r in rows:
        out += r
    return out


def _plan_text(seed: int, index: int, damage: bool) -> GeneratedPlan:
    rng = random.Random(seed * 7_000_003 + index * 31 + (1 if damage else 0))
    doc = f"plan-{seed:04d}-{index:06d}"
    p = _Plan(rng, doc, damage)
    year = rng.randint(2018, 2026)
    theme, topics = rng.choice(_THEMES)
    plan = f"{p.place}{year}年{theme}行动方案"
    issuer = f"{p.place}人民政府办公室"
    lines = [
        f"{issuer}关于印发{plan}的通知",
        f"各乡镇人民政府,{p.prefix}直各部门:",
        f"经{p.place}人民政府同意,现将《{plan}》印发给你们,请认真贯彻执行。",
        issuer,
        f"{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
        plan,
        f"为推动{theme}工作取得实效,结合{p.place}实际,制定本方案。",
        "一、重点任务",
    ]
    if p.first_named:
        lines.append("(各项任务中列第一位者为牵头单位,其他为配合单位,下同)")
    number = 0
    for s, topic in enumerate(rng.sample(topics, 3)):
        lines.append(f"({_SECTIONS[s]}){topic}攻坚行动")
        for _ in range(rng.randint(2, 4)):
            number += 1
            text, key = p.measure(topic, year)
            leads, supports, gold_l, gold_s = _parties(p)
            leader = rng.choice(_SURNAMES) + rng.choice(_GIVEN) if rng.random() < 0.2 else ""
            deadline = rng.choice(_DEADLINES).format(year=year) if rng.random() < 0.3 else ""
            form = rng.random()
            if p.first_named:  # the declaration above holds: the first-named unit leads
                lines.append(f"{number}.{text}(责任单位:{p.hurt(p.listing(leads + supports))})")
                deadline = leader = ""
            elif form < 0.12:  # labelled lines under the measure
                lines.append(f"{number}.{text}")
                lines.append(f"牵头单位:{p.hurt(p.listing(leads))}")
                cut = p.rng.choice(("配合单位:", "配合单\n位:", "配合单位:\n")) if p.damage else "配合单位:"
                lines.append(f"{cut}{p.hurt(p.listing(supports))}")  # a label cut from its rest or value
                deadline = leader = ""
            elif form < 0.22:  # labels with no colon and no bracket, closing the paragraph
                lines.append(f"{number}.{text}牵头单位{p.listing(leads)};责任单位{p.listing(supports)}")
                deadline = leader = ""
            elif form < 0.30:  # a sentence of verbs closing the paragraph
                lines.append(f"{number}.{text}由{p.listing(leads)}牵头,{p.listing(supports)}配合。")
                deadline = leader = ""
            else:
                note, leader, deadline = _inline_note(p, leads, supports, leader, deadline)
                lines.append(_wrap(p, f"{number}.{text}{note}"))
            p.answer(key, plan, gold_l, gold_s, [leader] if leader else [], deadline or None)
    lines.append("二、任务分解")
    lines += _table(p, plan, year, topics)
    lines += [
        "三、保障措施",
        f"(一)加强组织领导。成立{theme}工作专班,由{p.prefix}政府分管领导任组长,统筹推进各项工作。",
    ]
    if damage and rng.random() < 0.1:  # a copy in traditional script; the answers stay simplified
        lines = [_traditional(line) for line in lines]
    sep = "\r\n" if damage and rng.random() < 0.2 else "\n"
    if damage and rng.random() < 0.3:
        lines = [x for line in lines for x in (line, "")]  # blank lines between paragraphs
    return GeneratedPlan(
        f"{doc}.txt",
        sep.join(lines) + sep,
        p.gold,
        {canonical: sorted(written) for canonical, written in p.spellings.items()},
        sorted(f"{doc}|{c}" for c in p.collectives),
        p.place,
    )


def generate_plans(n: int, *, seed: int = 0, damage: bool = False) -> Iterator[GeneratedPlan]:
    """``n`` plans with their answers, in many layouts; ``damage`` adds line breaks, stray spaces, control characters.

    >>> plan = next(generate_plans(1, seed=3, damage=True))
    >>> plan.name, len(plan.gold) > 5, all(row["leads"] for row in plan.gold)
    ('plan-0003-000000.txt', True, True)
    """
    for index in range(n):
        yield _plan_text(seed, index, damage)


def alias_gold(plans: list[GeneratedPlan]) -> dict:
    """The scorer's ``aliases.json`` for ``plans``: one jurisdiction per place, spellings grouped across plans."""
    units: dict[tuple[str, str], list[str]] = {}
    for plan in plans:
        doc = plan.name.removesuffix(".txt")
        for canonical, written in plan.spellings.items():
            units.setdefault((plan.place, canonical), []).extend(f"{doc}|{w}" for w in written)
    return {
        "groups": [
            sorted(set(names)) for names in units.values() if len({n.split("|")[1] for n in names}) > 1
        ],
        "ignore": sorted(c for plan in plans for c in plan.collectives),
        "jurisdictions": {plan.name.removesuffix(".txt"): plan.place for plan in plans},
    }
