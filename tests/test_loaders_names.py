"""Splitting written lists of units into names, after the naming conventions (rules 1–4)."""

from __future__ import annotations

import pytest

from zeren.loaders.names import is_collective, is_unit, split_names, top_level_split


@pytest.mark.parametrize(
    ("written", "names"),
    [
        # rule 1: list separators, and 和/及/与 only between whole units
        ("州交通局、州财政局,州统计局;州税务局", ["州交通局", "州财政局", "州统计局", "州税务局"]),
        ("云岭州工业和信息化局", ["云岭州工业和信息化局"]),
        ("州人力资源和社会保障局及州住房和城乡建设局", ["州人力资源和社会保障局", "州住房和城乡建设局"]),
        ("8县市人民政府和青山开发区管委会", ["8县市人民政府", "青山开发区管委会"]),
        ("县委编办及县直相关单位", ["县委编办", "县直相关单位"]),
        ("有关部门和单位", ["有关部门和单位"]),
        ("中央和国家机关工委", ["中央和国家机关工委"]),
        # rule 2: elided shared parts restored
        ("青山市、白石县、松溪县人民政府", ["青山市人民政府", "白石县人民政府", "松溪县人民政府"]),
        ("云岭产业园区党工委及管委会", ["云岭产业园区党工委", "云岭产业园区管委会"]),
        ("市发改委、国土房管局、规划局", ["市发改委", "市国土房管局", "市规划局"]),
        ("县委办公室、政府办公室", ["县委办公室", "县政府办公室"]),
        # a post administration is a department of the city; a post company is not
        ("市商务局、交通运输局、邮政管理局", ["市商务局", "市交通运输局", "市邮政管理局"]),
        ("市商务局、邮政公司", ["市商务局", "邮政公司"]),
        ("区委组织部、宣传部,街道党工委", ["区委组织部", "区宣传部", "街道党工委"]),
        (
            "市审批局、住建局,各市(区)人民政府,高新区管委会",
            ["市审批局", "市住建局", "各市(区)人民政府", "高新区管委会"],
        ),
        (
            "省财政厅、金融监管局、青山海关、云岭银保监局",
            ["省财政厅", "省金融监管局", "青山海关", "云岭银保监局"],
        ),
        ("县自然资源局、青山松溪供电局", ["县自然资源局", "青山松溪供电局"]),
        ("各乡镇人民政府、县直有关部门", ["各乡镇人民政府", "县直有关部门"]),
        # rule 3: a closing 等 dropped, a collective after it kept
        ("州烟草专卖局等州级相关部门", ["州烟草专卖局", "州级相关部门"]),
        ("县财政局、县税务局等", ["县财政局", "县税务局"]),
        ("区水务局等部门,区国投公司", ["区水务局", "部门", "区国投公司"]),
        ("民政部、青年联合会等和各省级人民政府", ["民政部", "青年联合会", "各省级人民政府"]),
        # rule 4: collectives whole
        ("各县、市、区政府", ["各县、市、区政府"]),
        ("各县、区人民政府(管委会)", ["各县、区人民政府(管委会)"]),
        ("各市、县(市、区)人民政府,省直各部门", ["各市、县(市、区)人民政府", "省直各部门"]),
        ("9个街道、镇", ["9个街道、镇"]),
        ("省发改委(省能源局)、省经信委", ["省发改委(省能源局)", "省经信委"]),
        ("", []),
        ("县财政局、、县财政局。", ["县财政局"]),
    ],
)
def test_split_names(written, names):
    assert split_names(written) == names


def test_units_and_collectives_are_told_apart():
    assert is_unit("县财政局") and is_unit("各县、区人民政府(管委会)") and is_unit("共青团中央")
    assert not is_unit("钛产业") and not is_unit("中央") and not is_unit("")
    assert is_collective("州级相关部门") and is_collective("各县市人民政府") and is_collective("部门")
    assert not is_collective("县财政局")


def test_top_level_split_leaves_brackets_and_titles_whole():
    assert top_level_split("A(甲、乙)、《丙、丁》、B", "、") == ["A(甲、乙)", "《丙、丁》", "B"]


def test_tiers_listed_before_a_collective_stay_one_unit():
    assert split_names("省、市、县三级财政部门、县审计局") == ["省、市、县三级财政部门", "县审计局"]
    assert split_names("县、乡两级政府") == ["县、乡两级政府"]


def test_words_of_the_sentence_come_off_names():
    assert split_names("市财政局、市自然资源和规划局按职责分工负责") == ["市财政局", "市自然资源和规划局"]
    assert split_names("各乡镇抓好") == ["各乡镇"]
    assert split_names("玉津区玉津区应急管理局") == ["玉津区应急管理局"]


def test_shared_tails_and_heads_are_restored():
    assert split_names("甲街道、乙街道办事处") == ["甲街道办事处", "乙街道办事处"]
    assert split_names("东坪镇、西桥镇人民政府") == ["东坪镇人民政府", "西桥镇人民政府"]
    assert split_names("各州(市)党委和政府") == ["各州(市)党委", "各州(市)政府"]
    assert split_names("各区、县级市") == ["各区、县级市"]
    assert split_names("区委宣传部、农业农村局、住房城乡建设局") == [
        "区委宣传部",
        "区农业农村局",
        "区住房城乡建设局",
    ]
