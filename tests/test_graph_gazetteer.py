"""The gazetteer: bundled places, user files merged over them, and their errors."""

from __future__ import annotations

import json

import pytest
from bad_files import error_reading

from zeren.errors import LoaderError
from zeren.graph.agencies import resolve
from zeren.graph.gazetteer import Gazetteer, Place


def _known(gaz: Gazetteer, spelling: str) -> Place:
    place = gaz.get(spelling)
    assert place is not None, f"{spelling} is not in the gazetteer"
    return place


def test_bundled_knows_the_corpus_jurisdictions():
    gaz = Gazetteer.bundled()
    chuxiong = _known(gaz, "楚雄彝族自治州")
    assert chuxiong == gaz.get("楚雄州") == gaz.get("楚雄")
    assert (chuxiong.name, chuxiong.level, chuxiong.parent) == ("楚雄州", "prefecture", "云南省")
    counties = [p.name for p in gaz.members(chuxiong) if p.level == "county"]
    assert len(counties) == 10
    assert {"武定县", "楚雄市", "禄丰县", "双柏县"} <= set(counties)
    assert _known(gaz, "安徽省").parent == "中央"
    assert [p.name for p in gaz.ancestors(_known(gaz, "武定县"))] == ["楚雄州", "云南省", "中央"]


def test_match_prefix_prefers_the_longest_spelling():
    match = Gazetteer.bundled().match_prefix("楚雄彝族自治州人民政府")
    assert match is not None
    place, rest = match
    assert (place.name, rest) == ("楚雄州", "人民政府")
    assert Gazetteer.bundled().match_prefix("楚雄州") is None


def test_user_file_adds_places(tmp_path):
    path = tmp_path / "places.json"
    places = [
        {"name": "云岭州", "level": "prefecture", "parent": "云南省", "aliases": ["云岭"], "complete": True},
        {"name": "青山县", "level": "county", "parent": "云岭州", "aliases": ["青山"]},
        {"name": "白雾县", "level": "county", "parent": "云岭州", "aliases": []},
    ]
    path.write_text(json.dumps({"places": places}, ensure_ascii=False), encoding="utf-8")
    gaz = Gazetteer.load(path)
    assert gaz.get("武定县") is not None  # bundled places stay
    assert len(gaz) == len(Gazetteer.bundled()) + 3
    ref = resolve("州财政局", jurisdiction="青山县", level="county", gazetteer=gaz)
    assert (ref.canonical, ref.jurisdiction, ref.level) == ("云岭州财政局", "云岭州", "prefecture")
    collective = resolve("各县人民政府", jurisdiction="云岭州", level="prefecture", gazetteer=gaz)
    assert collective.members == ("agency:青山县人民政府", "agency:白雾县人民政府")


def test_members_only_of_places_listed_complete():
    gaz = Gazetteer.hand_listed()
    assert len(gaz.complete_members(_known(gaz, "楚雄州"))) == 10
    assert gaz.complete_members(_known(gaz, "安徽省")) == ()  # only some of its cities are listed
    bundled = Gazetteer.bundled()
    assert len(bundled.complete_members(_known(bundled, "楚雄州"))) == 10  # national data agrees
    assert len(resolve("各省级人民政府", jurisdiction="中央", level="national").members) == 31


def test_national_data_places_a_county_not_hand_listed():
    hand, gaz = Gazetteer.hand_listed(), Gazetteer.bundled()
    assert hand.get("睢宁县") is None
    assert [p.name for p in gaz.ancestors(_known(gaz, "睢宁县"))] == ["徐州市", "江苏省", "中央"]
    assert [p.name for p in gaz.ancestors(_known(gaz, "仙桃市"))] == ["湖北省", "中央"]  # 省直辖
    assert [p.name for p in gaz.ancestors(_known(gaz, "徐汇区"))] == ["上海市", "中央"]
    ref = resolve("市财政局", jurisdiction="睢宁县", level="county")
    assert (ref.canonical, ref.level) == ("徐州市财政局", "prefecture")
    assert resolve("省交通运输厅", jurisdiction="睢宁县", level="county").canonical == "江苏省交通运输厅"


def test_collective_of_a_real_prefecture_lists_its_real_members():
    members = resolve("各县（市、区）人民政府", jurisdiction="临汾市", level="prefecture").members
    assert len(members) == 17
    assert {"agency:尧都区人民政府", "agency:永和县人民政府", "agency:霍州市人民政府"} <= set(members)
    cities = resolve("各市人民政府", jurisdiction="安徽省", level="province").members
    assert len(cities) == 16 and cities[0] == "agency:合肥市人民政府"


def test_national_data_keeps_hand_listed_names_and_members():
    gaz = Gazetteer.bundled()
    assert _known(gaz, "禄丰市").name == "禄丰县"  # the hand list's spelling stays the name
    assert gaz.get("楚雄彝族自治州") is gaz.get("楚雄州")
    assert _known(gaz, "禄劝县").name == "禄劝彝族苗族自治县"


def test_short_county_names_are_found_only_whole():
    gaz = Gazetteer.bundled()
    assert _known(gaz, "永和").name == "永和县"
    assert gaz.match_prefix("永和财政局") is None  # 永和 inside text is an ordinary word
    match = gaz.match_prefix("永和县财政局")
    assert match is not None and match[0].name == "永和县"
    assert gaz.deepest_in("美丽城乡建设") is None
    assert gaz.match_prefix("新县城建设") is None  # 新县 is a county, but found only whole
    # a name two counties share names neither; their prefecture tells which
    assert gaz.get("通州区") is None
    assert _known(gaz, "北京市通州区").parent == "北京市"


def test_autonomous_area_spelling_falls_back_to_its_stem():
    gaz = Gazetteer.bundled()
    assert _known(gaz, "湘西自治州").name == "湘西州"
    assert _known(gaz, "楚雄自治州").name == "楚雄州"
    assert gaz.get("青山自治县") is None


def test_user_entry_replaces_bundled_one_of_the_same_name():
    gaz = Gazetteer.bundled().merged([Place("禄丰县", "county", "楚雄州", ("禄丰市", "禄丰", "金山"))])
    assert _known(gaz, "金山").name == "禄丰县"
    assert len(gaz) == len(Gazetteer.bundled())


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", ": not JSON: Expecting property name enclosed in double quotes"),
        ("[]", ': a gazetteer is a JSON object with a "places" list'),
        ('{"places": [{"level": "county"}]}', ': place 1: needs a non-empty "name"'),
        (
            '{"places": [{"name": "青山县", "level": "city"}]}',
            ": place 1 (青山县): level must be one of national, province, prefecture, county, township, other",
        ),
        (
            '{"places": [{"name": "青山县", "level": "county", "aliases": "青山"}]}',
            ": place 1 (青山县): aliases must be a list of names",
        ),
        (
            '{"places": [{"name": "青山县", "level": "county", "complete": "yes"}]}',
            ": place 1 (青山县): complete must be true or false",
        ),
    ],
)
def test_bad_user_file_names_file_and_problem(tmp_path, content, message):
    path = tmp_path / "places.json"
    error = error_reading(Gazetteer.load, path, content, LoaderError)
    assert error.startswith(str(path))
    assert error.endswith(message)


def test_user_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "places.json"
    content = '{"places": [{"name": "青山县"}]}'.encode("gb18030")
    assert error_reading(Gazetteer.load, path, content, LoaderError) == f"{path}: gazetteer is not UTF-8 text"


def test_missing_user_file(tmp_path):
    assert "cannot read gazetteer" in error_reading(Gazetteer.load, tmp_path / "nope.json", None, LoaderError)
