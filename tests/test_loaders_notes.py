"""One responsibility note → roles (README rule 5), standing units (rule 6), deadlines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zeren.loaders.inline import _MID_LABEL, _mid_label
from zeren.loaders.notes import (
    LABEL,
    LABEL_WIDTH,
    LABEL_WORDS,
    ROLE_OF_LABEL,
    Roles,
    find_labels,
    is_deadline,
    parse_labelled,
    parse_note,
    parse_verb_sentence,
)


def roles(note: str, **kw) -> tuple:
    r = parse_note(note, **kw)
    assert r is not None
    return r.leads, r.supports, r.leaders, r.deadline


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        (
            "牵头单位:州发展改革委;责任单位:州财政局、州统计局",
            (("州发展改革委",), ("州财政局", "州统计局"), (), None),
        ),
        ("牵头部门:县教育局,责任单位:县财政局", (("县教育局",), ("县财政局",), (), None)),
        (
            "牵头单位:区政府办公室,责任单位:区政府有关部门,各街道(功能区)",
            (("区政府办公室",), ("区政府有关部门", "各街道(功能区)"), (), None),
        ),
        ("责任单位:县交通局、县财政局", (("县交通局", "县财政局"), (), (), None)),
        ("责任科室:组干科、机关党委", (("组干科", "机关党委"), (), (), None)),
        ("县商务局负责", (("县商务局",), (), (), None)),
        ("县商务局、县农业农村局牵头,县财政局配合", (("县商务局", "县农业农村局"), ("县财政局",), (), None)),
        ("州文物局牵头,各县(市)政府配合", (("州文物局",), ("各县(市)政府",), (), None)),
        (
            "市政府办公室牵头,市级各有关部门及各县市区政府按职责分工负责",
            (("市政府办公室",), ("市级各有关部门", "各县市区政府"), (), None),
        ),
        ("县成员单位按职责分工负责", (("县成员单位",), (), (), None)),
        ("县发改局牵头,县财政局负责落实,县审计局参与", (("县发改局",), ("县财政局", "县审计局"), (), None)),
        ("县应急局负责,县消防救援大队协办", (("县应急局",), ("县消防救援大队",), (), None)),
        # 指导: supports next to a unit that leads or is responsible, leads otherwise
        ("县卫健局负责,州卫健委指导", (("县卫健局",), ("州卫健委",), (), None)),
        ("州卫健委指导", (("州卫健委",), (), (), None)),
        # deadlines written inside the note
        ("牵头单位:县文旅局;责任单位:县财政局,6月底完成", (("县文旅局",), ("县财政局",), (), "6月底完成")),
        ("县水务局负责,2025年6月底前", (("县水务局",), (), (), "2025年6月底前")),
        (
            "牵头领导:李青山;牵头单位:县财政局;完成时限:2024年4月底以前,并长期坚持",
            (("县财政局",), (), ("李青山",), "2024年4月底以前,并长期坚持"),
        ),
    ],
)
def test_roles(note, expected):
    assert roles(note) == expected


def test_remarks_that_are_not_notes_give_none():
    for text in (
        "钛产业",
        "2019年1月至2月",
        "链主企业",
        "IGCC",
        "1",
        "由企业自主决定",
        "主导产业链图,招商目标企业库",
    ):
        assert parse_note(text) is None


def test_a_bare_list_of_units_counts_only_where_a_note_is_expected():
    assert parse_note("州级各责任单位") is None
    assert roles("州级各责任单位", bare_ok=True) == (("州级各责任单位",), (), (), None)


def test_the_first_named_leads_once_declared_in_this_note_and_later_ones():
    r = parse_note("省经信委、省发改委(省能源局)。列第一位者为牵头部门,下同")
    assert (r.leads, r.supports, r.first_leads) == (("省经信委",), ("省发改委(省能源局)",), True)
    r = parse_note("县交通局、县财政局负责,排在第一位的部门为牵头部门,下同")
    assert (r.leads, r.supports, r.first_leads) == (("县交通局",), ("县财政局",), True)
    r = parse_note("责任单位:县发改局、县财政局(第一责任单位为牵头单位,下同)")
    assert (r.leads, r.supports) == (("县发改局",), ("县财政局",))
    later = parse_note("县住建局、县自然资源局负责", first_leads=True)
    assert (later.leads, later.supports, later.first_leads) == (("县住建局",), ("县自然资源局",), False)
    assert parse_note("县住建局、县自然资源局负责").leads == ("县住建局", "县自然资源局")


def test_standing_units_are_read_from_the_note():
    r = parse_note(
        "责任单位:县工信局、县财政局等有关部门,各乡镇人民政府。以下措施均需各乡镇人民政府、园区管委会落实,不再单独列出"
    )
    assert r.leads == ("县工信局", "县财政局", "有关部门", "各乡镇人民政府")
    assert (r.standing, r.standing_self) == (("各乡镇人民政府", "园区管委会"), False)
    r = parse_note("县林草局牵头。具体任务均涉及各乡镇人民政府,不再做分工,下同")
    assert (r.leads, r.standing, r.standing_self) == (("县林草局",), ("各乡镇人民政府",), True)


def test_labelled_pairs_from_a_table_row():
    r = parse_labelled(
        [
            ("leader", "王明远、李立新"),
            ("lead", "县财政局"),
            ("sup", "县税务局等县级有关部门"),
            ("time", "2024年12月底以前"),
        ]
    )
    assert r == Roles(("县财政局",), ("县税务局", "县级有关部门"), ("王明远", "李立新"), "2024年12月底以前")
    assert parse_labelled([("resp", "金水区"), ("leader", "区长")]).leads == ("金水区",)


def test_deadlines_are_told_from_units():
    assert is_deadline("6月底完成") and is_deadline("持续推进") and is_deadline("2024年12月底以前")
    assert not is_deadline("县财政局") and not is_deadline("")


def test_a_unit_marked_in_place_takes_that_role():
    assert roles("责任单位:县财政局、县发改局(牵头)、县税务局") == (
        ("县发改局",),
        ("县财政局", "县税务局"),
        (),
        None,
    )
    r = parse_labelled([("resp", "县教育局(牵头)、县卫健局(配合)")])
    assert (r.leads, r.supports) == (("县教育局",), ("县卫健局",))


def test_short_labels_and_more_verbs():
    assert roles("牵头:县发改局;配合:县财政局、县统计局") == (
        ("县发改局",),
        ("县财政局", "县统计局"),
        (),
        None,
    )
    assert roles("县政府负总责,县应急局牵头,县消防救援大队参加") == (
        ("县应急局",),
        ("县政府", "县消防救援大队"),
        (),
        None,
    )


def test_a_unit_label_whose_value_names_no_unit_gives_no_note():
    assert parse_note("责任单位:待定") is None
    assert parse_note("牵头单位:;配合单位:") is None
    assert roles("牵头单位:县交通局;配合单位:另行明确") == (("县交通局",), (), (), None)


def test_the_first_named_lead_declaration_reads_without_units():
    r = parse_note("各项任务中列第一位者为牵头单位,其他为配合单位,下同")
    assert r == Roles(first_leads=True)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("由县交通局牵头,县财政局配合,2024年底前完成", (("县交通局",), ("县财政局",), (), "2024年底前完成")),
        ("县住建局牵头,各乡镇人民政府落实", (("县住建局",), ("各乡镇人民政府",), (), None)),
    ],
)
def test_parse_verb_sentence(sentence, expected):
    r = parse_verb_sentence(sentence)
    assert r is not None
    assert (r.leads, r.supports, r.leaders, r.deadline) == expected


@pytest.mark.parametrize(
    "sentence", ["县政府牵头抓总,各部门配合做好工作", "县财政局、县税务局负责", "加强统筹协调,形成工作合力"]
)
def test_parse_verb_sentence_refuses_prose(sentence):
    assert parse_verb_sentence(sentence) is None


def test_a_role_remark_inside_a_labelled_name_is_a_note_of_its_own():
    assert roles("牵头单位:县住建局(县水务局配合);责任单位:县财政局") == (
        ("县住建局",),
        ("县财政局", "县水务局"),
        (),
        None,
    )
    assert roles("牵头单位:县住建局(牵头)") == (("县住建局",), (), (), None)


def test_more_labels_for_officials():
    assert roles("责任单位:县交通局;督办领导:王明;完成时限:2024年6月") == (
        ("县交通局",),
        (),
        ("王明",),
        "2024年6月",
    )
    assert roles("牵头单位:县交通局;包保领导:李华") == (("县交通局",), (), ("李华",), None)


def test_unbracketed_notes_in_other_written_forms():
    from zeren.loaders.extract import parse_document

    def roles(note: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
        text = f"青山县方案\n1.修建乡村道路20公里,完善配套设施。{note}\n"
        return [(t.leads, t.supports) for t in parse_document(text, source="x.txt", doc="x").tasks]

    lead_support = [(("县交通运输局",), ("县财政局",))]
    assert roles("——县交通运输局牵头,县财政局配合") == lead_support
    assert roles("牵头单位为县交通运输局,配合单位为县财政局。") == lead_support
    assert roles("→牵头单位:县交通运输局;配合单位:县财政局") == lead_support
    assert roles("(县交通运输局〔牵头〕、县财政局)") == lead_support
    assert roles("由县交通运输局负责。") == [(("县交通运输局",), ())]
    assert roles("\n责任单位 县交通运输局 县财政局") == [(("县交通运输局", "县财政局"), ())]


# --- the windowed label scans (issue 13): the same matches as scanning every character ---

_PIECES = [
    *ROLE_OF_LABEL,
    "主要",
    "协同",
    "牵头",
    "单位",
    "领导",
    ":",
    "：",
    " ",
    "\t",
    "、",
    ";",
    "。",
    ",",
    "(",
    "县财政局",
]


def test_label_width_bounds_every_label():
    from re import _parser  # the width of the label words, as the regex engine computes it

    assert _parser.parse(LABEL_WORDS).getwidth()[1] <= LABEL_WIDTH


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_find_labels_matches_a_full_scan(text):
    full = [(m.span(), m.groups()) for m in LABEL.finditer(text)]
    assert [(m.span(), m.groups()) for m in find_labels(text)] == full


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_mid_label_matches_a_full_scan(text):
    full = _MID_LABEL.search(text)
    windowed = _mid_label(text)
    assert (windowed and windowed.span()) == (full and full.span())
