"""Resolving written names to canonical units (graph.agencies, graph.agency_names)."""

from __future__ import annotations

from typing import TypedDict

import pytest

from zeren.graph.agencies import AgencyRef, resolve
from zeren.graph.agency_names import agency_kind, name_key
from zeren.graph.schema import AGENCY_KINDS, LEVELS


class Issuer(TypedDict):
    """The keywords of ``resolve`` that say who issued the document."""

    jurisdiction: str
    level: str


COUNTY: Issuer = {"jurisdiction": "武定县", "level": "county"}
PREFECTURE: Issuer = {"jurisdiction": "楚雄州", "level": "prefecture"}
PROVINCE: Issuer = {"jurisdiction": "安徽省", "level": "province"}
NATIONAL: Issuer = {"jurisdiction": "中央", "level": "national"}


@pytest.mark.parametrize(
    ("name", "context", "expected"),
    [
        ("县财政局", COUNTY, AgencyRef("武定县财政局", "武定县", "county", "government")),
        ("县政府", COUNTY, AgencyRef("武定县人民政府", "武定县", "county", "government")),
        ("州发展改革委", PREFECTURE, AgencyRef("楚雄州发展改革委", "楚雄州", "prefecture", "government")),
        ("州委", PREFECTURE, AgencyRef("楚雄州委", "楚雄州", "prefecture", "party")),
        ("武定县人民政府", PREFECTURE, AgencyRef("武定县人民政府", "武定县", "county", "government")),
        ("禄丰县人民政府", PREFECTURE, AgencyRef("禄丰县人民政府", "禄丰县", "county", "government")),
        ("楚雄彝族自治州财政局", COUNTY, AgencyRef("楚雄州财政局", "楚雄州", "prefecture", "government")),
        (
            "州生态环境局武定分局",
            COUNTY,
            AgencyRef("楚雄州生态环境局武定分局", "楚雄州", "prefecture", "government"),
        ),
        ("省市场监管局", PROVINCE, AgencyRef("安徽省市场监督管理局", "安徽省", "province", "government")),
        ("省发展改革委", COUNTY, AgencyRef("云南省发展改革委", "云南省", "province", "government")),
        ("国家发展改革委", NATIONAL, AgencyRef("发展改革委", "中央", "national", "government")),
        ("市场监管总局", NATIONAL, AgencyRef("市场监督管理总局", "中央", "national", "government")),
        ("财政部", COUNTY, AgencyRef("财政部", "中央", "national", "government")),
        (
            "青龙镇人民政府",
            COUNTY,
            AgencyRef("武定县青龙镇人民政府", "武定县青龙镇", "township", "government"),
        ),
        (
            "武定县青龙镇人民政府",
            PREFECTURE,
            AgencyRef("武定县青龙镇人民政府", "武定县青龙镇", "township", "government"),
        ),
        ("猫街镇人民政府", PREFECTURE, AgencyRef("猫街镇人民政府", "猫街镇", "township", "government")),
        ("县乡村振兴局", COUNTY, AgencyRef("武定县乡村振兴局", "武定县", "county", "government")),
        ("市场监督管理局", COUNTY, AgencyRef("武定县市场监督管理局", "武定县", "county", "government")),
        ("国家税务总局武定县税务局", PREFECTURE, AgencyRef("武定县税务局", "武定县", "county", "government")),
        ("国家安全部", NATIONAL, AgencyRef("国家安全部", "中央", "national", "government")),
        ("国务院扶贫办", NATIONAL, AgencyRef("扶贫办", "中央", "national", "government")),
        ("中央宣传部", NATIONAL, AgencyRef("中央宣传部", "中央", "national", "party")),
        ("人民银行", NATIONAL, AgencyRef("中国人民银行", "中央", "national", "bank")),
        (
            "人行楚雄州中心支行",
            PREFECTURE,
            AgencyRef("中国人民银行楚雄州中心支行", "楚雄州", "prefecture", "bank"),
        ),
        (
            "云南电网公司楚雄供电局",
            PREFECTURE,
            AgencyRef("云南电网公司楚雄供电局", "楚雄州", "prefecture", "enterprise"),
        ),
        ("省机场集团", PROVINCE, AgencyRef("安徽省机场集团", "安徽省", "province", "enterprise")),
        ("县委组织部", COUNTY, AgencyRef("武定县委组织部", "武定县", "county", "party")),
        ("中共武定县委", PREFECTURE, AgencyRef("武定县委", "武定县", "county", "party")),
        ("县纪委县监委", COUNTY, AgencyRef("武定县纪委县监委", "武定县", "county", "party")),
        ("云南武定产业园区党工委", COUNTY, AgencyRef("武定县产业园区党工委", "武定县", "county", "party")),
        (
            "云南武定产业园区管委会",
            COUNTY,
            AgencyRef("武定县产业园区管委会", "武定县", "county", "government"),
        ),
        ("武定产业园区", COUNTY, AgencyRef("武定县产业园区管委会", "武定县", "county", "government")),
        ("县总工会", COUNTY, AgencyRef("武定县总工会", "武定县", "county", "other")),
        ("有关部门", COUNTY, AgencyRef("武定县有关部门", "武定县", "county", "vague")),
        ("各有关部门和单位", NATIONAL, AgencyRef("中央各有关部门和单位", "中央", "national", "vague")),
        ("州级有关部门", PREFECTURE, AgencyRef("楚雄州级有关部门", "楚雄州", "prefecture", "collective")),
        ("领导小组成员单位", COUNTY, AgencyRef("武定县领导小组成员单位", "武定县", "county", "collective")),
        (
            "财政局",
            {"jurisdiction": "徐汇区", "level": "county"},
            AgencyRef("徐汇区财政局", "徐汇区", "county", "government"),
        ),
        (
            "市卫健委",
            {"jurisdiction": "灵璧县", "level": "county"},
            AgencyRef("宿州市卫生健康委", "宿州市", "prefecture", "government"),
        ),
        (
            "金水区",
            {"jurisdiction": "郑州市", "level": "prefecture"},
            AgencyRef("金水区人民政府", "金水区", "county", "government"),
        ),
    ],
)
def test_resolve(name, context, expected):
    assert resolve(name, **context) == expected


def test_same_relative_name_in_two_counties_is_two_units():
    wuding = resolve("县财政局", jurisdiction="武定县", level="county")
    shuangbai = resolve("县财政局", jurisdiction="双柏县", level="county")
    assert (wuding.canonical, shuangbai.canonical) == ("武定县财政局", "双柏县财政局")


def test_unknown_county_keeps_its_own_name():
    ref = resolve("县财政局", jurisdiction="青山县", level="county")
    assert ref == AgencyRef("青山县财政局", "青山县", "county", "government")


@pytest.mark.parametrize(
    ("a", "b", "context"),
    [
        ("州人社局", "州人力资源和社会保障局", PREFECTURE),
        ("州政务服务局", "州政务服务管理局", PREFECTURE),
        ("县住房和城乡建设局", "县住房城乡建设局", COUNTY),
        ("县应急局", "县应急管理局", COUNTY),
        ("省市场监督管理局", "省市场监管局", PROVINCE),
        ("州发改委", "州发展和改革委员会", PREFECTURE),
        ("州发改委", "州发展改革委", PREFECTURE),
        ("县工信局", "县工业和信息化局", COUNTY),
        ("县人民政府", "县政府", COUNTY),
        ("县 财政局", "县财政局", COUNTY),
        ("州卫健委", "州卫生健康委员会", PREFECTURE),
        ("发展改革委", "国家发展改革委", NATIONAL),
        ("统计局", "国家统计局", NATIONAL),
        ("省民航机场集团", "省机场集团", PROVINCE),
        ("国家税务总局武定县税务局", "县税务局", COUNTY),
        ("各县市人民政府", "10县市人民政府", PREFECTURE),
    ],
)
def test_variants_merge(a, b, context):
    assert resolve(a, **context).canonical == resolve(b, **context).canonical


@pytest.mark.parametrize(
    ("a", "b", "context"),
    [
        ("州生态环境局武定分局", "州生态环境局", COUNTY),
        ("县委", "县人民政府", COUNTY),
        ("县委办公室", "县政府办公室", COUNTY),
        ("州委改革办", "州审改办", PREFECTURE),
        ("云南武定产业园区党工委", "云南武定产业园区管委会", COUNTY),
        ("县财政局", "州财政局", COUNTY),
    ],
)
def test_different_units_stay_apart(a, b, context):
    assert resolve(a, **context).canonical != resolve(b, **context).canonical


def test_prefecture_collective_lists_its_member_counties():
    ref = resolve("各县市人民政府", **PREFECTURE)
    assert ref.kind == "collective"
    assert ref.canonical == "楚雄州各县市人民政府"
    assert len(ref.members) == 10
    assert "agency:武定县人民政府" in ref.members
    assert "agency:楚雄市人民政府" in ref.members


def test_lower_level_name_in_a_prefecture_notice_is_a_collective_of_counties():
    ref = resolve("县财政局", **PREFECTURE)
    assert (ref.canonical, ref.kind) == ("楚雄州各县财政局", "collective")
    assert "agency:武定县财政局" in ref.members
    assert "agency:楚雄市财政局" not in ref.members  # 楚雄市 is a 市, not a 县


def test_collective_without_known_members_lists_none():
    assert resolve("州级有关部门", **PREFECTURE).members == ()


def test_document_without_jurisdiction_qualifies_by_its_label():
    ref = resolve("县财政局", jurisdiction="[doc-x]", level="other")
    assert ref.canonical == "[doc-x]县财政局"


def test_empty_name_is_refused():
    with pytest.raises(ValueError, match="empty agency name"):
        resolve(" 。", **COUNTY)


def test_every_ref_has_a_schema_kind_and_level():
    names = ["县财政局", "州委", "各县市人民政府", "有关部门", "人行楚雄州中心支行", "省机场集团", "县总工会"]
    for name in names:
        ref = resolve(name, **COUNTY)
        assert ref.kind in AGENCY_KINDS
        assert ref.level in LEVELS


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("县人社局", "县人力资源和社会保障局"),
        ("县 政府", "县人民政府"),
        ("省发改委（省能源局）", "省发展改革委(省能源局)"),
        ("县政府办", "县人民政府办公室"),
        ("中共楚雄州委", "楚雄州委"),
        ("中共中央宣传部", "中共中央宣传部"),
        ("县工信商务科技局", "县工信商务科技局"),
    ],
)
def test_name_key(name, key):
    assert name_key(name) == key


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("县委组织部", "party"),
        ("园区党工委", "party"),
        ("县纪委县监委", "party"),
        ("省投资集团", "enterprise"),
        ("楚雄武定供电局", "enterprise"),
        ("各县级政策性和商业银行", "collective"),
        ("农商银行", "bank"),
        ("10县市人民政府", "collective"),
        ("各成员单位", "collective"),
        ("相关部门", "vague"),
        ("各有关部门", "vague"),
        ("县财政局", "government"),
        ("州科协", "other"),
    ],
)
def test_agency_kind(key, kind):
    assert agency_kind(key) == kind
