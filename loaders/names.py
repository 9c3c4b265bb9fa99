"""Split a written list of responsible units into single names, as the document means them.

The naming conventions of the evaluation README, rules 1–4: split on ``、，,；;``
and on ``和/及/与`` only between whole units; restore elided shared parts
(``楚雄市、禄丰县人民政府``, ``X党工委及管委会``, a level prefix written once);
drop a closing ``等`` but keep a collective after it; keep collectives whole
(``各县、市、区政府``). Names keep their written form otherwise.

>>> split_names("州烟草专卖局等州级相关部门、楚雄市、禄丰县人民政府")
['州烟草专卖局', '州级相关部门', '楚雄市人民政府', '禄丰县人民政府']
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

__all__ = ["split_names", "is_unit", "is_collective", "top_level_split", "strip_verbs"]

# how the names of units end; a list piece that ends otherwise is not a whole unit
_UNIT_END = re.compile(
    r"(局|委|办|厅|部|院|会|府|室|处|科|队|站|所|中心|公司|集团|单位|部门|机构|行|关|组|街道|镇|乡"
    r"|区|县|市|州|社|联|馆|团|台|校|班|署|司|园|中央|专班|指挥部|工委|党委|分局|支行|银行|海关|法院|检察院)$"
)
_COLLECTIVE = re.compile(
    r"^(各|有关|相关|全|其他|其它|\d+个?|[一二三四五六七八九十]+个)|各|有关|相关|成员单位|所属|驻\S+单位"
)
# the levels a 各 collective may list: 各区、县级市 / 各县(市、区) / 各乡镇(街道)
_BARE_LEVEL = re.compile(
    r"^(县级市|县级区|市辖区|自治县|县|市|区|镇|乡|乡镇|街道|州|省|县市|市区|县区|旗|开发区|园区)"
    r"(\([^()]*\))?(人民政府|政府|党委|管委会|办事处)?(\([^()]*\))?$"
)
_GOV_TAIL = re.compile(
    r"^(.+?(?:街道|[省市县区州镇乡旗]))(人民政府|政府|党委|党委政府|管委会|人大常委会|委员会|办事处)$"
)
_PLACE_ONLY = re.compile(r"^[\u4e00-\u9fff]{1,8}(?:街道|[省市县区州镇乡旗])$")
# a place written twice into one name (玉津区玉津区应急管理局): a copy-paste slip
_DOUBLED_PLACE = re.compile(r"^([\u4e00-\u9fff]{1,8}?(?:街道|[省市县区州镇乡旗]))\1(?=.)")
# words of the sentence left on a name (各乡镇抓好, 县财政局要): not part of the unit
_LEFT_VERBS = (
    *(
        "按职责分工负责",
        "按职责分工落实",
        "按职能分工负责",
        "按职责负责",
        "按职责落实",
        "分工负责",
        "负责落实",
    ),
    *("抓好", "做好", "认真", "切实", "积极", "全力", "具体", "分别", "共同", "统筹", "组织", "结合实际"),
    *("要", "应", "须", "需"),
)
_TRAILING_VERBS = re.compile("(?:" + "|".join(_LEFT_VERBS) + ")+$")
_VERB_LAST = frozenset(verb[-1] for verb in _LEFT_VERBS)  # how a name with a verb left on it ends
_TYPE_WORDS = ("管理委员会", "党工委", "管委会", "人民政府", "党委", "政府", "纪委", "监委", "工委", "委员会")
_LEVEL_PREFIX = re.compile(r"^([省市县区州镇乡])(?![级直属场域])")
_GENERIC = ("单位", "部门", "机构", "企业", "单位负责")
# units that carry a place of their own, or belong to vertical systems and enterprises
# (供电局, 海关, 银行): a level prefix written for local departments never applies to them
_HAS_PLACE = re.compile(
    r"[省市县区州镇乡旗村]|街道|社区|海关|供电|电网|电力|公司|银行|支行|分行|邮政(?!管理局)|烟草|铁路|集团|银保监|证监|人民银行|调查队|气象|通信管理"
    r"|^(中国|国家|人行|驻|北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南"
    r"|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)"
)
# words of a department's name that hold a place character without naming a place (农业农村局, 市场监管局)
_PLACE_WORDS = re.compile(r"农村|城乡|乡村|^市场|城市|县域|乡镇企业")
_CONJ = re.compile(r"[和及与]")
_OPEN, _CLOSE = "(", ")"


def top_level_split(text: str, seps: str) -> list[str]:
    """Split on any of ``seps`` outside brackets, so ``各县(市、区)政府`` stays one piece."""
    if not _OPENERS.search(text):  # no bracket opens: every separator splits (the usual case)
        return _separators(seps).split(text)
    parts: list[str] = []
    depth = start = 0
    for m in _bracket_tokens(seps).finditer(text):
        ch = m.group()
        if ch in "(《“":
            depth += 1
        elif ch in ")》”":
            if depth:
                depth -= 1
        elif depth == 0:
            parts.append(text[start : m.start()])
            start = m.end()
    parts.append(text[start:])
    return parts


_OPENERS = re.compile("[(《“]")


@cache
def _separators(seps: str) -> re.Pattern:
    return re.compile("[" + re.escape(seps) + "]")


@cache
def _bracket_tokens(seps: str) -> re.Pattern:
    """Brackets and separators: the only characters :func:`top_level_split` has to look at."""
    return re.compile("[" + re.escape("(《“)》”" + seps) + "]")


def strip_verbs(name: str) -> str:
    """``各乡镇抓好`` → ``各乡镇``: verbs of the sentence left on a name go, when a unit remains."""
    if name.rstrip("\n")[-1:] not in _VERB_LAST:  # no verb ends the name: skip the scan
        return name
    bare = _TRAILING_VERBS.sub("", name)
    return bare if bare != name and bare and (is_unit(bare) or is_collective(bare)) else name


def _base(name: str) -> str:
    """The name without a trailing bracketed remark: ``区政府(管委会)`` → ``区政府``."""
    if not name.endswith((")", ")\n")):
        return name
    return _REMARK.sub("", name) or name


_REMARK = re.compile(r"\([^()]*\)$")


@lru_cache(maxsize=65536)  # the same names are asked about again and again
def is_unit(name: str) -> bool:
    """Whether ``name`` reads as a whole unit (ends the way unit names end)."""
    base = _base(name)
    return bool(base) and bool(_UNIT_END.search(base)) and base not in ("中央", "地方", "有关", "相关")


@lru_cache(maxsize=65536)
def is_collective(name: str) -> bool:
    """A collective (``各县市人民政府``, ``州级有关部门``, ``13个街道、镇``): kept whole, never prefixed."""
    return (
        bool(_COLLECTIVE.search(name))
        or name in _GENERIC
        or name.endswith(("级有关部门", "级相关部门", "级各部门"))
    )


def _split_conj(piece: str) -> list[str]:
    """Split on 和/及/与 where both sides are whole units; restore an elided stem."""
    for m in _CONJ.finditer(piece):
        left, right = piece[: m.start()], piece[m.end() :]
        if not (is_unit(left) and (is_unit(right) or right in _TYPE_WORDS)):
            continue
        if len(right) < 2 or len(left) < 2 or right in _GENERIC:
            continue
        rest = _split_conj(right)
        first = rest[0]
        # 各州(市)党委和政府: a collective's head is shared; a single unit's 县委和政府 too
        shared = first not in ("政府", "人民政府") or left.startswith("各")
        if first in _TYPE_WORDS and shared:
            for word in _TYPE_WORDS:
                if left.endswith(word) and len(left) > len(word):
                    rest[0] = left[: -len(word)] + first
                    break
        return [left, *rest]
    return [piece]


_CONJ_HEAD = re.compile(r"^[和及与]")


def _split_deng(piece: str) -> list[str]:
    """``A等B`` → A and the collective B; a closing ``等`` is dropped."""
    idx = piece.find("等")
    while idx > 0:
        left, right = piece[:idx], _CONJ_HEAD.sub("", piece[idx + 1 :])
        if is_unit(left) and (not right or is_collective(right) or is_unit(right)):
            return [left] + ([right] if right else [])
        idx = piece.find("等", idx + 1)
    return [piece]


_TIERS = re.compile(r"^[省市州县区乡镇](?:[一二两三四五]级|各级|级)")
_TIER = re.compile(r"[省市州县区乡镇]")
_LEVEL_END = re.compile(r"[县市区镇乡道州旗]\)?$")


def _rejoin_levels(pieces: list[str]) -> list[str]:
    """``各县、市、区政府``, ``13个街道、镇`` and ``省、市、县三级财政部门`` were split on 、 but are one collective."""
    out: list[str] = []
    for piece in pieces:
        if _TIERS.match(piece) and out and _TIER.fullmatch(out[-1]):
            k = len(out)
            while k and _TIER.fullmatch(out[k - 1]):
                k -= 1
            out[k:] = ["、".join([*out[k:], piece])]
            continue
        joinable = out and _BARE_LEVEL.match(piece) and (is_collective(out[-1]) or _BARE_LEVEL.match(out[-1]))
        if joinable and _LEVEL_END.search(out[-1]):
            out[-1] = out[-1] + "、" + piece
            continue
        out.append(piece)
    return out


def _same_level(piece: str, tail: re.Match) -> bool:
    """甲街道、乙街道办事处: a 街道's tail goes only to a 街道, and only a 街道 takes 办事处."""
    street_piece, street_tail = piece.endswith("街道"), tail.group(1).endswith("街道")
    return street_piece == street_tail if (street_piece or tail.group(2) == "办事处") else True


def _restore_gov(pieces: list[str]) -> list[str]:
    """``楚雄市、禄丰县、武定县人民政府``: the bare places take the government tail."""
    out = list(pieces)
    for i, piece in enumerate(out):
        if not _PLACE_ONLY.match(piece) or is_collective(piece):
            continue
        for later in out[i + 1 :]:
            if _PLACE_ONLY.match(later):
                continue
            m = _GOV_TAIL.match(later)
            # 甲街道、乙街道办事处: a township-level tail goes only to places of that level
            if m and _same_level(piece, m) and not is_collective(later):
                out[i] = piece + m.group(2)
            break
    return out


def _spread_prefix(pieces: list[str]) -> list[str]:
    """A level prefix written once (``市发改委、国土房管局``) applies to later bare departments.

    Not to names with a place of their own, vertical agencies or enterprises
    (``楚雄银保监分局``, ``合肥海关``), nor to collectives.
    """
    if not pieces:
        return pieces
    m = _LEVEL_PREFIX.match(pieces[0])
    if not m or is_collective(pieces[0]):
        return pieces
    prefix = m.group(1)
    bare = [i for i, p in enumerate(pieces[1:], 1) if _takes_prefix(p)]
    if not bare:
        return pieces
    out = list(pieces)
    for i in bare:
        out[i] = prefix + out[i]
    return out


@lru_cache(maxsize=16384)  # a name recurs in list after list
def _takes_prefix(name: str) -> bool:
    """A bare department (``国土房管局``): no collective, no place of its own."""
    return not is_collective(name) and not _HAS_PLACE.search(_PLACE_WORDS.sub("", _base(name)))


@lru_cache(maxsize=16384)
def _piece_names(raw: str) -> tuple[str, ...]:
    """One piece between list separators → its names, split at 等 and 和/及/与."""
    return tuple(name for part in _split_deng(raw) for name in _split_conj(part))


@lru_cache(maxsize=16384)
def _final_name(piece: str) -> str:
    """A name as listed: stray punctuation, a doubled place (``青山县青山县财政局``) and trailing verbs gone."""
    piece = piece.strip("。.,:：")
    m = _DOUBLED_PLACE.match(piece)  # anchored: at most one, at the start
    if m is not None:
        piece = m.group(1) + piece[m.end() :]
    return strip_verbs(piece)


def split_names(text: str) -> list[str]:
    """A written list of units → single names after the naming conventions.

    ``text`` should already be cleaned (simplified, spaces removed). Empty
    pieces and leftover punctuation are dropped; order is kept, duplicates removed.
    """
    return list(_split_cached(text))


_SPACE_RUN = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def _split_cached(text: str) -> tuple[str, ...]:  # the same lists recur note after note
    return tuple(_split(text))


def _split(text: str) -> list[str]:
    text = _SPACE_RUN.sub("", text).strip("。.,，;；:：、")
    if not text:
        return []
    pieces: list[str] = []
    for raw in top_level_split(text, "、,;，；"):
        raw = raw.strip("。.:：")
        if not raw:
            continue
        pieces.extend(_piece_names(raw))
    pieces = _rejoin_levels([p for p in pieces if p])
    pieces = _restore_gov(pieces)
    pieces = _spread_prefix(pieces)
    seen: dict[str, None] = {}
    for p in pieces:
        p = _final_name(p)
        if p and p not in seen:
            seen[p] = None
    return list(seen)
