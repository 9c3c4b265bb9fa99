"""Resolving a unit name as a document writes it to one canonical unit.

The same office is written many ways (``县财政局`` in its county's plan,
``武定县财政局`` in the prefecture's notice) and the same words name different
offices (``县财政局`` of two counties). ``resolve`` decides from the name and the
jurisdiction that issued the document; the canonical name carries the place, so
two spellings are one unit exactly when their canonical names are equal.

Rules, in order, on the key from ``agency_names.name_key`` (abbreviations
expanded, so 州人社局 = 州人力资源和社会保障局, 县政府 = 县人民政府):

1. Vague names (有关部门, 相关单位 …) are units of the issuing jurisdiction:
   ``有关部门`` in a 武定县 plan → ``武定县有关部门``.
2. Collectives (各县市人民政府, 10县市人民政府, 州级有关部门, …成员单位) too,
   a leading count written as 各; where the gazetteer knows the members
   (``各县市人民政府`` of 楚雄州) their ids are listed in ``members``.
3. Enterprises and banks keep their own name (they are named uniquely by it);
   their jurisdiction is the most local place the name mentions.
4. A name starting with a known place belongs to the most local place it
   starts with, written by its gazetteer name: ``武定县人民政府``,
   ``云南武定产业园区管委会`` → ``武定县产业园区管委会``.
5. A name starting with a level character (省 州 市 县 区 旗 乡 镇) is qualified by
   the document's jurisdiction when that is the level meant, else by the
   enclosing place of that level: ``州生态环境局武定分局`` in a 武定县 plan →
   ``楚雄州生态环境局武定分局``. A more local level (``县财政局`` in a
   prefecture notice) means each member county: a collective.
6. A national body's local office is the local unit (``国家税务总局武定县税务局``
   → ``武定县税务局``). Other national names — starting 国家/国务院/中央/全国,
   central ministries (财政部, …总局), or any name in a national document —
   are units of 中央, with 国家/国务院 dropped (``国家发展改革委`` = ``发展改革委``).
7. Anything else is a unit of the issuing jurisdiction: ``财政局`` in a 徐汇区
   plan → ``徐汇区财政局``; an unlisted township's government in a county
   (``青龙镇人民政府``) gets a township-level jurisdiction of that county.

A bare zone name stands for its committee (``武定产业园区`` → ``…产业园区管委会``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from zeren.graph.agency_names import agency_kind, name_key, zone_unit
from zeren.graph.gazetteer import NATIONAL, Gazetteer, Place
from zeren.graph.schema import LEVELS, agency_id

__all__ = ["AgencyRef", "resolve", "context_place"]


@dataclass(frozen=True)
class AgencyRef:
    """The unit a name resolves to; ``members`` lists member agency ids of a collective."""

    canonical: str
    jurisdiction: str
    level: str
    kind: str
    members: tuple[str, ...] = ()


_REL_LEVELS = {
    "省": ("province",),
    "州": ("prefecture",),
    "市": ("prefecture", "county"),
    "县": ("county",),
    "区": ("county",),
    "旗": ("county",),
    "乡": ("township",),
    "镇": ("township",),
}
# words that start with a level character without being one
_GUARDS = frozenset({"市场", "市政", "市容", "市民", "乡村", "区域", "县域", "市域", "镇村", "省际", "区块"})
_NATIONAL_SPELLINGS = frozenset({NATIONAL, "国家", "全国", "国务院", "中国"})
_NATIONAL_PREFIX = re.compile(r"^(?:国家|国务院)(?=.)")
_NATIONAL_MARK = re.compile(r"^(?:国家|国务院|全国|中国|共青团中央)")
# central ministries named without 国家, so that a local plan's 财政部 is not read as a local office
# fmt: off
_MINISTRIES = frozenset([
    "外交部", "国防部", "教育部", "科技部", "工业和信息化部", "公安部", "国家安全部", "民政部", "司法部",
    "财政部", "人力资源和社会保障部", "自然资源部", "生态环境部", "住房和城乡建设部", "交通运输部", "水利部",
    "农业农村部", "商务部", "文化和旅游部", "退役军人事务部", "应急管理部", "审计署",
])
# fmt: on
_TOWN = re.compile(r"^([\u4e00-\u9fff]{1,6}?(?:镇|乡|街道))(?=人民政府|党委|办事处)")
_COUNT = re.compile(r"^(?:各|\d+个?)")
_LEVEL_CHARS = "省州市县区乡镇旗、()"


def resolve(name: str, *, jurisdiction: str, level: str, gazetteer: Gazetteer | None = None) -> AgencyRef:
    """The unit ``name`` means in a document issued by ``jurisdiction`` (at ``level``).

    >>> resolve("县财政局", jurisdiction="武定县", level="county").canonical
    '武定县财政局'
    >>> resolve("州发展改革委", jurisdiction="楚雄州", level="prefecture").canonical
    '楚雄州发展改革委'
    """
    return _resolve_cached(name, jurisdiction, level, gazetteer or Gazetteer.bundled())


@lru_cache(maxsize=1 << 16)  # plans repeat the same few dozen names hundreds of times
def _resolve_cached(name: str, jurisdiction: str, level: str, gaz: Gazetteer) -> AgencyRef:
    key = name_key(name)
    if not key:
        raise ValueError(f"empty agency name {name!r}")
    return _resolve_key(key, context_place(jurisdiction, level, gaz), gaz)


def context_place(jurisdiction: str, level: str, gaz: Gazetteer) -> Place:
    """The place a document's names are read in; unknown jurisdictions stand as written."""
    if level == "national" or jurisdiction in _NATIONAL_SPELLINGS:
        return _national(gaz)
    known = gaz.get(jurisdiction) if jurisdiction else None
    if known is None and jurisdiction:
        chain = _place_prefix(jurisdiction, gaz)
        known = gaz.get(chain[1]) if chain else None
    return known or Place(jurisdiction, level if level in LEVELS else "other")


def _resolve_key(key: str, ctx: Place, gaz: Gazetteer) -> AgencyRef:
    kind = agency_kind(key)
    if kind == "vague":
        return _ref(ctx.name + key, ctx, kind)
    if kind == "collective":
        return _collective(key, ctx, gaz)
    rel = _relative_char(key)
    if kind in ("enterprise", "bank") and rel is None:
        return _ref(key, _named_place(key, ctx, gaz), kind)
    whole = gaz.get(key)
    if whole is not None and whole.level != "national":
        return _ref(whole.name + "人民政府", whole, "government")
    prefixed = _place_prefix(key, gaz)
    if prefixed:
        place, rest = prefixed
        keep = kind == "other" and not key.startswith(place.name)
        return _ref(key if keep else place.name + zone_unit(rest), _township(place, rest), kind)
    if rel is not None:
        return _relative(key, rel, kind, ctx, gaz)
    branch = _national_branch(key, gaz)
    if branch is not None:
        return _ref(branch[0].name + zone_unit(branch[1]), _township(*branch), kind)
    if ctx.level == "national" or _NATIONAL_MARK.match(key) or _is_ministry(key):
        return _ref(key if key in _MINISTRIES else _NATIONAL_PREFIX.sub("", key), _national(gaz), kind)
    return _ref(ctx.name + zone_unit(key), _township(ctx, key), kind)


def _relative(key: str, rel: str, kind: str, ctx: Place, gaz: Gazetteer) -> AgencyRef:
    rest = key[1:]
    target = _relative_target(ctx, rel, gaz)
    if target == "lower":
        return _ref(ctx.name + "各" + key, ctx, "collective", _members(key, ctx, gaz))
    if isinstance(target, Place):
        # 县 in 武定县 is dropped; a place of another spelling keeps the character
        unit = rest if target.name.endswith(rel) else key
        return _ref(target.name + zone_unit(unit), target, kind)
    # an enclosing place the gazetteer does not know: keep the document's place beside it
    return _ref(f"{key}({ctx.name})", Place("", _REL_LEVELS[rel][0]), kind)


def _collective(key: str, ctx: Place, gaz: Gazetteer) -> AgencyRef:
    target, rest = ctx, key
    prefixed = _place_prefix(key, gaz)
    rel = _relative_char(key)
    if prefixed:
        target, rest = prefixed
    elif rel is not None:
        own = _relative_target(ctx, rel, gaz)
        if isinstance(own, Place) and own.name.endswith(rel):
            target, rest = own, key[1:]
    body = _COUNT.sub("", rest)
    if body != rest:
        rest = "各" + body
    return _ref(target.name + rest, target, "collective", _members(body, target, gaz))


def _members(body: str, place: Place, gaz: Gazetteer) -> tuple[str, ...]:
    """Member unit ids of ``各县市人民政府``-like collectives, where the gazetteer knows them."""
    n = len(body) - len(body.lstrip(_LEVEL_CHARS))
    levels, unit = body[:n], body[n:]
    if n and levels[-1] + unit[:1] in _GUARDS:
        levels, unit = levels[:-1], levels[-1] + unit
    by_level = unit.startswith("级")  # 省级人民政府: every member at that level
    unit = unit[1:] if by_level else unit
    if not levels or not unit or unit[0] == "直" or agency_kind(unit) in ("vague", "collective"):
        return ()
    wanted = {level for c in levels for level in _REL_LEVELS.get(c, ())}
    return tuple(
        agency_id(m.name + unit)
        for m in gaz.complete_members(place)
        if (m.level in wanted if by_level else m.name[-1] in levels)
    )


def _relative_char(key: str) -> str | None:
    if len(key) > 1 and key[0] in _REL_LEVELS and key[:2] not in _GUARDS:
        return key[0]
    return None


def _relative_target(ctx: Place, rel: str, gaz: Gazetteer) -> Place | str:
    """The place a level character means in ``ctx``: a Place, "lower" or "unknown"."""
    if ctx.level != "national" and ctx.name.endswith(rel):
        return ctx
    for outer in gaz.ancestors(ctx):
        if outer.level != "national" and outer.name.endswith(rel):
            return outer
    levels = _REL_LEVELS[rel]
    if levels == (ctx.level,) or ctx.level == "other":
        return ctx
    if ctx.level in LEVELS and LEVELS.index(levels[-1]) > LEVELS.index(ctx.level):
        return "lower"
    return "unknown"


def _place_prefix(key: str, gaz: Gazetteer) -> tuple[Place, str] | None:
    """The most local known place ``key`` starts with (云南武定… → 武定县) and the rest."""
    found = gaz.match_prefix(key)
    while found:
        inner = gaz.match_prefix(found[1])
        if inner is None or not gaz.is_within(inner[0], found[0]):
            break
        found = inner
    return found


def _named_place(key: str, ctx: Place, gaz: Gazetteer) -> Place:
    mentioned = gaz.deepest_in(key)
    if mentioned is not None:
        return mentioned
    if ctx.level == "national" or _NATIONAL_MARK.match(key):
        return _national(gaz)
    return ctx


def _national(gaz: Gazetteer) -> Place:
    return gaz.get(NATIONAL) or Place(
        NATIONAL, "national"
    )  # a gazetteer built from a bare list may lack 中央


def _national_branch(key: str, gaz: Gazetteer) -> tuple[Place, str] | None:
    """The local office of a national body: 国家税务总局武定县税务局 → (武定县, 税务局)."""
    at = gaz.first_in(key) if _NATIONAL_MARK.match(key) else None
    return _place_prefix(key[at:], gaz) if at is not None else None


def _township(place: Place, rest: str) -> Place:
    """An unlisted township of a county (青龙镇人民政府) is a township-level place of its own."""
    town = _TOWN.match(rest) if place.level == "county" else None
    return Place(place.name + town.group(1), "township", place.name) if town else place


def _is_ministry(key: str) -> bool:
    return key in _MINISTRIES or key.endswith(("总局", "总署"))


def _ref(canonical: str, place: Place, kind: str, members: tuple[str, ...] = ()) -> AgencyRef:
    level = place.level if place.level in LEVELS else "other"
    return AgencyRef(canonical, place.name, level, kind, members)
