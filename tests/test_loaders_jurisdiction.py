"""The issuing place of a document when its issuer line is missing, each fallback on invented text."""

from __future__ import annotations

import pytest

from zeren.loaders.extract import parse_document
from zeren.loaders.jurisdiction import (
    agency_place,
    infer_jurisdiction,
    national_units,
    number_place,
    opening_place,
    place_level,
    title_place,
)


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("云岭省", ("云岭省", "province")),
        ("青山自治区", ("青山自治区", "province")),
        ("上海市", ("上海市", "province")),
        ("云岭州", ("云岭州", "prefecture")),
        ("青山市", ("青山市", "prefecture")),
        ("白马盟", ("白马盟", "prefecture")),
        ("青山县", ("青山县", "county")),
        ("白石区", ("白石区", "county")),
        ("白马旗", ("白马旗", "county")),
        ("青河镇", ("青河镇", "township")),
        ("青河街道", ("青河街道", "township")),
        # the gazetteer knows these: a county-level city, and a short spelling
        ("楚雄市", ("楚雄市", "county")),
        ("霍山", ("霍山县", "county")),
        ("", ("", "")),
    ],
)
def test_place_level(place, expected):
    assert place_level(place) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("(云岭省)2023年青山市政府工作报告任务分解方案", "青山市"),
        ("青 山县2025年重点工作及责任清单", "青山县"),
        ("2024年白石区农村人居环境整治实施方案", "白石区"),
        ("2025年开发区重点工作及责任清单", ""),
        ("深入推进区域协同发展实施方案", ""),
        ("关于实施市场主体倍增工程的意见", ""),
        ("望江市2024年“无废城市”建设重点任务清单", "望江市"),
        ("“无废城市”建设试点工作方案", ""),
    ],
)
def test_title_place(title, expected):
    assert title_place(title) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["为落实上级部署,结合白石区实际,制定本方案。"], "白石区"),
        (
            ["根据《云岭州人民政府关于印发某方案的通知》(云政发〔2020〕3号),结合青山县实际,制定如下措施。"],
            "青山县",
        ),
        (["2006年省会郑州城市管理年任务"], "郑州市"),
        (["结合淮安实际,制定如下细则。"], "淮安市"),
        (["青山县人民政府办公室"], "青山县"),
        (["结合我县实际,制定本方案。"], ""),
        (["深入推进美丽乡村建设。"], ""),
    ],
)
def test_opening_place(lines, expected):
    assert opening_place(lines) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("晋发〔2021〕67号", "山西省"),
        ("皖政办〔2021〕3号", "安徽省"),
        ("许政 [2020] 20号", "许昌市"),
        ("国办发〔2018〕12号", "中央"),
        ("楚政办发〔2019〕5号", "楚雄州"),
        ("某政发〔2021〕1号", ""),
        ("根据晋发〔2021〕67号文件精神", ""),
    ],
)
def test_number_place(line, expected):
    assert number_place(line) == expected


def test_agency_place_counts_departments_not_member_governments():
    names = ["青山市财政局", "青山市教育局", "白石区人民政府", "白石区人民政府", "白石区人民政府", "市公安局"]
    assert agency_place(names) == "青山市"


def test_agency_place_without_places():
    assert agency_place(["市财政局", "各县市区人民政府", "有关单位"]) == ""


def test_fallbacks_in_order_of_trust():
    opening = ["结合白石区实际,制定本方案。", "云发〔2021〕1号"]
    assert infer_jurisdiction("青山县", "白马市工作方案", opening) == ("青山县", "county")
    assert infer_jurisdiction("", "白马市2024年工作方案", opening) == ("白马市", "prefecture")
    assert infer_jurisdiction("", "工作方案", opening) == ("白石区", "county")
    assert infer_jurisdiction("", "工作方案", opening[1:]) == ("云南省", "province")
    assert infer_jurisdiction("", "工作方案", [], ["青河县财政局"]) == ("青河县", "county")
    assert infer_jurisdiction("", "工作方案", []) == ("", "")


def test_parse_document_falls_back_to_document_number():
    text = "云发〔2022〕8号\n工作方案\n1.修路。(牵头单位:省交通厅)"
    document = parse_document(text, source="x.txt", doc="x").document
    assert (document.jurisdiction, document.level) == ("云南省", "province")


def test_parse_document_falls_back_to_agency_names():
    text = "工作方案\n1.修路。(牵头单位:青河县交通局;责任单位:青河县财政局)\n2.修桥。(牵头单位:青河县交通局)"
    document = parse_document(text, source="x.txt", doc="x").document
    assert (document.jurisdiction, document.level) == ("青河县", "county")


def test_state_council_bodies_make_a_document_without_issuer_national():
    ministries = ["工业和信息化部", "国家发展改革委", "交通运输部", "国家能源局", "各省级人民政府"]
    assert national_units(ministries) is True
    assert infer_jurisdiction("", "关于推动数字乡村高质量发展的若干措施", [], ministries) == (
        "中央",
        "national",
    )
    # local party departments end in 部 too, but carry their level
    assert national_units(["县委组织部", "县委宣传部", "县财政局"]) is False
    assert national_units(["商务部", "县商务局", "县财政局"]) is False  # one ministry among local units
    assert infer_jurisdiction("", "关于做好工作的通知", [], ["县委组织部", "县财政局"]) == ("", "")


def test_issue_dates_from_the_text_most_trusted_first():
    from zeren.loaders.document import issue_date
    from zeren.loaders.normalise import normalise_text

    def date(text: str, title: str = "") -> str:
        return issue_date(normalise_text(text), title)

    assert date("青山县人民政府办公室\n发布时间:2024-03-15\n正文。") == "2024-03-15"
    body = "青山县方案\n" + "正文一段,内容较长的段落。\n" * 30
    assert date(body + "青山县人民政府\n二〇二三年十一月五日\n") == "2023-11-05"  # 落款
    assert date("青政办发〔2022〕7号\n" + body) == "2022"
    assert date(body, "青山县2021年招商引资行动方案") == "2021"
    assert date(body, "关于落实《2020年政府工作报告》的通知") == ""  # a cited document's year is not ours


def test_user_statements_over_the_text(tmp_path):
    import pytest

    from zeren.errors import LoaderError
    from zeren.loaders.extract import parse_document
    from zeren.loaders.statements import Statement, apply_statements, read_manifest, stated_date

    text = "关于加快推进数字乡村建设的实施方案\n1.建设平台。(牵头单位:省农业农村厅;配合单位:省财政厅)\n"
    ex = parse_document(text, source="dir/p.txt", doc="p")
    assert ex.document.jurisdiction == "" and ex.document.date == ""
    stated = apply_statements(ex, batch=Statement(jurisdiction="江苏省", date=stated_date("2024年3月")))
    assert (stated.document.jurisdiction, stated.document.level, stated.document.date) == (
        "江苏省",
        "province",
        "2024-03",
    )
    manifest = tmp_path / "m.csv"
    manifest.write_text("document,issuer,date\np.txt,浙江省人民政府办公厅,2023-12-01\n", "utf-8")
    per_doc = apply_statements(ex, batch=Statement(jurisdiction="江苏省"), manifest=read_manifest(manifest))
    assert (per_doc.document.issuer, per_doc.document.jurisdiction, per_doc.document.date) == (
        "浙江省人民政府办公厅",
        "浙江省",
        "2023-12-01",
    )
    as_json = tmp_path / "m.json"
    as_json.write_text('{"p": {"jurisdiction": "安徽省"}}', "utf-8")
    assert apply_statements(ex, manifest=read_manifest(as_json)).document.jurisdiction == "安徽省"
    dated = parse_document("青山县人民政府\n2024年5月6日\n" + text, source="q.txt", doc="q")
    assert apply_statements(dated, batch=Statement(date="2020")).document.date == "2024-05-06"
    bad = tmp_path / "bad.csv"
    bad.write_text("document,date\np.txt,someday\n", "utf-8")
    with pytest.raises(LoaderError, match=r"bad.csv:2: not a date"):
        read_manifest(bad)
    with pytest.raises(ValueError):
        stated_date("2024-13")
