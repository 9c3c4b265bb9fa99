"""String rules for agency names: one comparison key per name, and its kind.

Documents shorten unit names in a few well-known ways (发改委 for 发展改革委,
人社局 for 人力资源和社会保障局, 政府 for 人民政府 …). Rather than patching names
document by document, every name goes through ``name_key``: Unicode
normalisation (widths, brackets), spaces removed, the party prefix 中共 dropped,
then the ordered ``ABBREVIATIONS`` table that rewrites each short form to one
full form. Two spellings with the same key are the same unit once qualified by
the same jurisdiction (see ``graph.agencies``).

``agency_kind`` sorts a key into ``schema.AGENCY_KINDS`` by its wording.

>>> name_key("州人社局") == name_key("州人力资源和社会保障局")
True
>>> agency_kind("县委组织部"), agency_kind("各县市人民政府"), agency_kind("有关部门")
('party', 'collective', 'vague')
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["ABBREVIATIONS", "spelling_key", "name_key", "agency_kind", "zone_unit"]

# (pattern, replacement), applied in order to the whole key. Add a row here
# (never a per-document patch) when a new abbreviation shows up.
ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    (r"^(?:中国共产党|中共)(?!中央)", ""),  # 中共武定县委 = 武定县委; 中共中央 stays
    (r"(?<!人民)政府", "人民政府"),
    (r"人民政府办$", "人民政府办公室"),
    (r"委办$", "委办公室"),
    (r"管理委员会", "管委会"),
    (r"纪律检查委员会", "纪委"),
    (r"监察委员会", "监委"),
    (r"机构编制委员会办公室", "编办"),
    (r"国有资产监督管理委员?会?$", "国资委"),
    (r"银行保险监督管理委员?会?", "银保监会"),
    (r"证券监督管理委员?会?", "证监会"),
    (r"发展和改革委员会|发展和改革委|发改委", "发展改革委"),
    (r"发展和改革局|发改局", "发展改革局"),
    (r"卫生和健康", "卫生健康"),
    (r"卫健(委|局)$", r"卫生健康\1"),
    (r"委员会$", "委"),
    (r"工信(局|厅|部|委)$", r"工业和信息化\1"),
    (r"工业信息化", "工业和信息化"),
    (r"经信(局|厅|委)$", r"经济和信息化\1"),
    (r"人社(局|厅|部)$", r"人力资源和社会保障\1"),
    (r"人力资源社会保障", "人力资源和社会保障"),
    (r"住建(局|厅|部|委)$", r"住房和城乡建设\1"),
    (r"住房城乡建设", "住房和城乡建设"),
    (r"应急(局|厅|部)$", r"应急管理\1"),
    (r"市场监管(总局|局|厅)$", r"市场监督管理\1"),
    (r"市场局$", "市场监督管理局"),
    (r"政务服务局$", "政务服务管理局"),
    (r"文旅(局|厅)$", r"文化和旅游\1"),
    (r"文化旅游(局|厅|部)$", r"文化和旅游\1"),
    (r"交运局$", "交通运输局"),
    (r"教体局$", "教育体育局"),
    (r"林草局$", "林业和草原局"),
    (r"科学技术(局|厅|部)$", r"科技\1"),
    (r"医疗保障局$", "医保局"),
    (r"药品监督管理局$", "药监局"),
    (r"广播电视总局$", "广电总局"),
    (r"供销社$", "供销合作社"),
    (r"^(?:中国人民银行|人民银行|人行)", "中国人民银行"),
    (r"民航机场集团", "机场集团"),
)
_COMPILED = tuple((re.compile(p), r) for p, r in ABBREVIATIONS)
_EDGE_PUNCT = "。．.，,；;：:、 \u3000"

_VAGUE = re.compile(
    r"^(?:各|其他|其它)*(?:有关|相关)*(?:行业)?(?:主管)?(?:直属)?(?:部门|单位|机构)+"
    r"(?:(?:和|及|与)(?:有关|相关)?(?:部门|单位|机构))?$"
)
_COLLECTIVE = re.compile(r"^(?:\d+个?|驻)|各|有关|相关|(?:成员|牵头|责任)单位$|试点")
_BANK = re.compile(r"银行|信用社|信用联社|农商行|农信社")
_ENTERPRISE = re.compile(r"公司|集团|供电局|电网|运营商|有限|股份|企业$|厂$")
_PARTY = re.compile(
    r"党委|党工委|党组|党校|纪委|监委|组织部|宣传部|统战部|政法委|编办|工委|团委|共青团|^中央(?!和国家机关)"
    r"|(?:^|[省州市县区乡镇旗])委"
)
_MASS = re.compile(r"工会|妇联|妇女联合会|工商联|科协|残联|贸促会|红十字会|文联|侨联")
_GOVERNMENT = re.compile(
    r"(?:人民政府|管委会|办事处|局|厅|委|办|办公室|部|署|会|中心|处|科|室|所|站|院|队|社|组|专班|海关|指挥部)$"
    r"|局|厅"
)
_ZONE = re.compile(r"(?:园区|开发区|经开区|高新区|工业园|产业园|新区|保税区|试验区|示范区)$")
# The first rule that matches decides, so the narrower wordings come first: 县委组织部
# is party although it ends like a government office, 各县级商业银行 a collective of banks.
_KIND_RULES = (
    (_VAGUE, "vague"),
    (_COLLECTIVE, "collective"),
    (_BANK, "bank"),
    (_ENTERPRISE, "enterprise"),
    (_PARTY, "party"),
    (_MASS, "other"),
    (_GOVERNMENT, "government"),
    (_ZONE, "government"),
)


def spelling_key(name: str) -> str:
    """A name as written, with widths normalised and spaces and edge punctuation removed."""
    return "".join(unicodedata.normalize("NFKC", name).split()).strip(_EDGE_PUNCT)


@lru_cache(
    maxsize=1 << 16
)  # dozens of substitutions a name; the same names come back document after document
def name_key(name: str) -> str:
    """The comparison key of a name: normalised and with abbreviations expanded."""
    key = spelling_key(name)
    for pattern, replacement in _COMPILED:
        key = pattern.sub(replacement, key)
    return key


def agency_kind(key: str) -> str:
    """The kind (``schema.AGENCY_KINDS``) of a unit from the wording of its key."""
    return next((kind for pattern, kind in _KIND_RULES if pattern.search(key)), "other")


def zone_unit(rest: str) -> str:
    """A bare zone name means its administrative committee: 产业园区 → 产业园区管委会."""
    return rest + "管委会" if _ZONE.search(rest) else rest
