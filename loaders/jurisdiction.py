"""Which place issues a document, when its issuer line does not say.

Relative names (``市财政局``) only mean a unit once the issuing place is known,
and many saved pages lose the issuer line. The fallbacks, most trusted first:
the issuer, the title (spaces inside it repaired), a place named in the first
lines (``结合官渡区实际``, ``省会郑州``), the document-number prefix
(``晋发〔2021〕67号`` → 山西省), the place most agency names start with, and
finally 中央 when State Council bodies make up most of the names. The level
comes from the gazetteer when it knows the place, else from the suffix
(省 → province, 市/州/盟 → prefecture, 县/区/旗 → county …).

>>> place_level("霍山县")
('霍山县', 'county')
>>> number_place("皖政办〔2021〕3号")
'安徽省'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

__all__ = [
    "PROVINCE_ABBREVIATIONS",
    "place_level",
    "title_place",
    "opening_place",
    "number_place",
    "agency_place",
    "national_units",
    "infer_jurisdiction",
    "body_place",
]

# the one-character abbreviations of provinces used in document numbers (晋发, 皖政)
PROVINCE_ABBREVIATIONS = {
    "国": "中央",
    "京": "北京市",
    "津": "天津市",
    "沪": "上海市",
    "渝": "重庆市",
    "冀": "河北省",
    "晋": "山西省",
    "蒙": "内蒙古自治区",
    "辽": "辽宁省",
    "吉": "吉林省",
    "黑": "黑龙江省",
    "苏": "江苏省",
    "浙": "浙江省",
    "皖": "安徽省",
    "闽": "福建省",
    "赣": "江西省",
    "鲁": "山东省",
    "豫": "河南省",
    "鄂": "湖北省",
    "湘": "湖南省",
    "粤": "广东省",
    "桂": "广西壮族自治区",
    "琼": "海南省",
    "川": "四川省",
    "黔": "贵州省",
    "云": "云南省",
    "藏": "西藏自治区",
    "陕": "陕西省",
    "甘": "甘肃省",
    "青": "青海省",
    "宁": "宁夏回族自治区",
    "新": "新疆维吾尔自治区",
}
_MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")
_SUFFIX = r"(?:特别行政区|自治区|自治州|自治县|自治旗|地区|街道|省|州|盟|市|县|区|旗|镇|乡)"
_PLACE = re.compile(rf"[\u4e00-\u9fff]{{1,8}}?{_SUFFIX}")
_CHAIN = re.compile(rf"^((?:[\u4e00-\u9fff]{{1,8}}?{_SUFFIX}){{1,3}})")
# words inside a stem that show it names a kind of area or a phrase, not a jurisdiction
_NOT_STEM = re.compile(
    r"开发|示范|保税|试验|功能|自贸|高新|经开|产业|园|省会|城乡|推进|加快|建设|实施|深化|全面|关于|促进"
    r"|开展|做好|打造|优化|提升|推动|发展|坚持|落实|加强|工作|重点|有关|相关|所属|直属"
    r"|^[各全本我该对在为把将]|[的和与及等年月日]$"
)
_SLOGAN = re.compile(r"城乡|美丽|和谐|平安|文明|智慧|数字|绿色|幸福|宜居|振兴")
_NUMBER = re.compile(
    r"^([\u4e00-\u9fff]{1,6}?)(?:政办发|政办函|政办|政发|政函|政字|政|委办发|委发|委|办发|办函|发|办)"
    r"\s*[〔\[【(]\s*\d{4}\s*[〕\]】)]\s*第?\s*\d+\s*号$"
)
# what follows a place that opens a line naming the issuer (青山县人民政府, 云岭州2024年…)
_ISSUER_AFTER = re.compile(r"(人民政府|政府|[省市州县区旗]委|党委|办公|委员会|\d{4}年|关于)")
_OPENING = (
    re.compile(rf"结合([\u4e00-\u9fff]{{2,10}}?{_SUFFIX}?)(?:的)?实际"),
    re.compile(r"省会([\u4e00-\u9fff]{2})"),
)


@cache
def _gazetteer():
    # the gazetteer lives with the graph; the loaders only read it
    from zeren.graph.gazetteer import Gazetteer

    return Gazetteer.bundled()


def _known(spelling: str):
    return _gazetteer().get(spelling) if spelling else None


def _plausible(place: str) -> bool:
    """A name with a place suffix that is a jurisdiction, not 开发区/全市/城市."""
    if _known(place) is not None:
        return True
    m = re.fullmatch(rf"([\u4e00-\u9fff]+?){_SUFFIX}", place)
    if not m:
        return False
    stem = m.group(1)
    # a campaign word (美丽城乡, 平安乡村) ends with a place suffix without being a place
    return 2 <= len(stem) <= 4 and not _NOT_STEM.search(stem) and not _SLOGAN.search(place)


def place_level(place: str) -> tuple[str, str]:
    """(canonical name, level) of a place, the gazetteer's where it knows it.

    >>> place_level("湖北省"), place_level("青山县")
    (('湖北省', 'province'), ('青山县', 'county'))
    """
    if not place:
        return "", ""
    if place == "中央":
        return place, "national"
    known = _known(place)
    if known is not None:
        return known.name, known.level
    if place in _MUNICIPALITIES or place.endswith(("省", "自治区", "特别行政区")):
        return place, "province"
    if place.endswith(("县级市",)):
        return place, "county"
    if place.endswith(("州", "市", "盟", "地区")):
        return place, "prefecture"
    if place.endswith(("县", "区", "旗")):
        return place, "county"
    return place, "township"


def _chain_place(text: str) -> str:
    """The most local place of a chain a text opens with (``湖北省咸宁市…`` → 咸宁市), or ''."""
    m = _CHAIN.match(text)
    if not m:
        return ""
    places = _PLACE.findall(m.group(1))
    good = []
    for place in places:
        if not _plausible(place):
            break
        good.append(place)
    return good[-1] if good else ""


def title_place(title: str) -> str:
    """The place a title opens with, spaces, years and brackets set aside.

    >>> title_place("(湖北省)2023年咸宁市政府工作报告任务分解")
    '咸宁市'
    >>> title_place("2025年开发区重点工作清单")
    ''
    >>> title_place("望江市2024年“无废城市”建设任务清单")
    '望江市'
    """
    text = re.sub(r"\s+", "", title)
    # a quoted slogan (“无废城市”) is no place: it ends the chain the title opens with
    text = re.sub(r"“[^“”]*”", "|", text)
    text = re.sub(r"[()（）〔〕【】\[\]《》“”\"]|\d{4}(?:-\d{4})?年?(?:度)?", "", text)
    text = re.sub(r"^(关于|中共)", "", text)
    return _chain_place(text)


def opening_place(texts: Iterable[str]) -> str:
    """A place the opening lines name: ``结合X实际``, ``省会X``, or a known place before any cited title.

    >>> opening_place(["为落实上级部署,结合云岭州实际,制定本方案。"])
    '云岭州'
    """
    for raw in texts:
        # documents cited in 《》 and their numbers are other issuers'
        text = re.sub(r"《[^《》]*》|[(（][^()（）]*[〔\[]\d{4}[〕\]][^()（）]*[)）]|\s+", "", raw)
        for pattern in _OPENING:
            for m in pattern.finditer(text):
                found = m.group(1)
                if pattern is _OPENING[1] and _known(found) is None:
                    found += "市"  # a 省会 is always a city
                known = _known(found)
                if known is not None:
                    return known.name
                if _plausible(found):
                    return found
        head = _chain_place(text)
        if head and _ISSUER_AFTER.match(text, text.index(head) + len(head)):
            return place_level(head)[0]
    return ""


def number_place(line: str) -> str:
    """The issuer a document number stands alone for (``许政〔2020〕20号``), or ''.

    A province is read from its one-character abbreviation; a city only where
    the gazetteer knows exactly one place (with the places inside it) whose
    name starts with the prefix.
    """
    text = re.sub(r"\s+", "", line)
    m = _NUMBER.match(text)
    if not m:
        return ""
    prefix = m.group(1)
    if prefix in PROVINCE_ABBREVIATIONS:
        return PROVINCE_ABBREVIATIONS[prefix]
    gaz = _gazetteer()
    matches = [p for p in gaz if p.level != "national" and p.name.startswith(prefix)]
    # 楚 is 楚雄州, not also its 楚雄市: a place inside another match does not compete
    names = {p.name for p in matches}
    outer = [p.name for p in matches if not any(a.name in names for a in gaz.ancestors(p))]
    return outer[0] if len(outer) == 1 else ""


def agency_place(names: Iterable[str]) -> str:
    """The place most department names start with (``咸宁市财政局`` → 咸宁市), or ''.

    Governments of places (``青山县人民政府``) are left out: a plan lists its
    members' governments, while its own departments carry its own name.
    """
    counts: Counter[str] = Counter()
    for name in names:
        place = _chain_place(name)
        rest = name[len(place) :] if place and name.startswith(place) else ""
        if (
            not rest
            or re.fullmatch(r"(人民)?政府|党委|管委会|委员会", rest)
            or name.startswith(("各", "有关"))
        ):
            continue
        counts[place] += 1
    return counts.most_common(1)[0][0] if counts else ""


# State Council bodies name no place: 国务院…, 国家…局, …部, …总局/总署 (a local 县委组织部 carries its level)
_NATIONAL_HEAD = re.compile(r"^(?:国务院|国家|中共中央|中央|全国|最高人民|中国人民银行)")
_NATIONAL_TAIL = re.compile(r"[\u4e00-\u9fff]{2,10}(?:部|总局|总署)$")
_LOCAL_HEAD = tuple("省市州盟县区旗乡镇各有相")


def national_units(names: Iterable[str]) -> bool:
    """Whether State Council bodies (``工业和信息化部``, ``国家能源局``) make up most of ``names``.

    A national document often has no issuer line; its units say whose it is.

    >>> national_units(["商务部", "农业农村部", "国家邮政局"]), national_units(["县委组织部", "县财政局"])
    (True, False)
    """
    counted = national = 0
    for name in names:
        if name.startswith(("各", "有关", "相关")):
            continue  # collectives say nothing about the level
        counted += 1
        tail = _NATIONAL_TAIL.fullmatch(name) and not name.startswith(_LOCAL_HEAD) and not _chain_place(name)
        national += bool(_NATIONAL_HEAD.match(name) or tail)
    return national >= 2 and national * 2 > counted


_WHOLE = re.compile(r"全(省|市|州|县|区|盟|旗)")
_LEVEL_SUFFIX = {
    "省": ("省", "自治区"),
    "市": ("市",),
    "州": ("州",),
    "县": ("县",),
    "区": ("区",),
    "盟": ("盟",),
}
_LEVEL_SUFFIX["旗"] = ("旗",)


_SUFFIX_CHAR = re.compile(r"自治区|[省市州县区盟旗]")


def _places_named(text: str) -> list[str]:
    """Places named anywhere in ``text``: the gazetteer's spelling where it knows one, else a 2-character stem."""
    out = []
    for m in _SUFFIX_CHAR.finditer(text):
        end = m.end()
        tries = [text[max(0, m.start() - n) : end] for n in (2, 3, 4) if m.start() - n >= 0]
        known = next((t for t in tries if _known(t) is not None), "")
        if known:
            out.append(known)
        elif (
            tries
            and re.fullmatch(r"[\u4e00-\u9fff]{2}", tries[0][:2])
            and not tries[0].startswith(("全", "各", "本"))
        ):
            out.append(tries[0])
    return out


def body_place(texts: Iterable[str]) -> str:
    """The place a body speaks for: its ``全省``/``全县`` says the level, the place of that level it names most says which.

    >>> body_place(["推进全省数字乡村建设,江苏省走在前列。", "全省覆盖,省农业农村厅牵头,江苏省统筹。"])
    '江苏省'
    """
    wholes: Counter[str] = Counter()
    places: Counter[str] = Counter()
    for raw in texts:
        text = re.sub(r"《[^《》]*》", "", raw)  # cited documents are other issuers'
        wholes.update(_WHOLE.findall(text))
        places.update(_places_named(text))
    if not wholes:
        return ""
    level = wholes.most_common(1)[0][0]
    fits = [(n, p) for p, n in places.items() if p.endswith(_LEVEL_SUFFIX[level]) and _plausible(p)]
    if not fits:
        return ""
    count, place = max(fits)
    return place if count >= 2 else ""


def infer_jurisdiction(
    issuer_place: str,
    title: str,
    opening: list[str],
    names: Iterable[str] = (),
    body: Iterable[str] = (),
) -> tuple[str, str]:
    """(jurisdiction, level) from the first fallback that names a place; ('', '') when none does."""
    if issuer_place:
        return issuer_place, place_level(issuer_place)[1]
    for found in (
        title_place(title),
        opening_place(opening),
        next((p for p in map(number_place, opening) if p), ""),
        body_place(body),
        agency_place(names),
    ):
        if found:
            return place_level(found)
    if national_units(names):
        return place_level("中央")
    return "", ""
