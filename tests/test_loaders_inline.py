"""Measures in running text and their notes, in every placement the documents use."""

from __future__ import annotations

from zeren.loaders.inline import ProseState, label_sentences, note_groups, numbering, parse_prose
from zeren.loaders.normalise import normalise_text


def parse(text: str) -> tuple[list[tuple], ProseState]:
    state = ProseState()
    found = parse_prose(normalise_text(text), state)
    return [
        (f.line, f.text, f.roles.leads, f.roles.supports, f.roles.deadline, f.section, f.number)
        for f in found
    ], state


def test_a_note_closing_a_paragraph_makes_one_measure_with_its_heading():
    found, state = parse(
        "二、重点任务\n(一)提升产业链水平\n加快产业体系建设。(牵头单位:州发展改革委;责任单位:州财政局、8县市人民政府和云岭开发区管委会)"
    )
    assert found == [
        (
            2,
            "(一)提升产业链水平加快产业体系建设。",
            ("州发展改革委",),
            ("州财政局", "8县市人民政府", "云岭开发区管委会"),
            None,
            "(一)提升产业链水平",
            "(一)",
        )
    ]
    assert state.notes_seen == 1 and state.report == []


def test_sub_items_each_with_their_own_note_are_separate_measures():
    found, _ = parse(
        "3.提高园区服务水平\n(1)推进政企分离。(牵头单位:青山园区管委会;责任单位:县财政局)\n"
        "(2)剥离社会管理职能。(牵头单位:县委编办;责任单位:青山园区管委会、县政务服务局)"
    )
    assert [(f[1], f[2], f[3], f[6]) for f in found] == [
        ("(1)推进政企分离。", ("青山园区管委会",), ("县财政局",), "(1)"),
        ("(2)剥离社会管理职能。", ("县委编办",), ("青山园区管委会", "县政务服务局"), "(2)"),
    ]


def test_several_notes_in_one_paragraph_split_it():
    found, _ = parse("1.建设标准化厂房。(县工信局负责)完善园区路网,加快供水工程。(县住建局牵头,县水务局配合)")
    assert [(f[1], f[2], f[3]) for f in found] == [
        ("1.建设标准化厂房。", ("县工信局",), ()),
        ("完善园区路网,加快供水工程。", ("县住建局",), ("县水务局",)),
    ]


def test_a_note_at_the_start_of_a_measure_covers_the_text_after_it():
    found, _ = parse("(牵头单位:县商务局;责任单位:县财政局)加快建设电商服务中心,培育直播电商。")
    assert [(f[1], f[2], f[3]) for f in found] == [
        ("加快建设电商服务中心,培育直播电商。", ("县商务局",), ("县财政局",))
    ]


def test_a_note_on_its_own_line_belongs_to_the_paragraph_before():
    found, _ = parse("4.推进河湖长制落实。\n(县水务局牵头,各乡镇人民政府配合)")
    assert [(f[0], f[1], f[2], f[3]) for f in found] == [
        (1, "4.推进河湖长制落实。", ("县水务局",), ("各乡镇人民政府",))
    ]


def test_labelled_lines_after_a_measure_with_a_time_limit():
    found, _ = parse(
        "(一)完善公平竞争审查机制。\n责任单位:市发改委、市市场监管局(第一责任单位为牵头单位,下同)\n时限要求:持续推进\n"
        "(二)落实招投标政策。\n责任单位:市建设局、市交通局"
    )
    assert [(f[1], f[2], f[3], f[4]) for f in found] == [
        ("(一)完善公平竞争审查机制。", ("市发改委",), ("市市场监管局",), "持续推进"),
        ("(二)落实招投标政策。", ("市建设局",), ("市交通局",), None),
    ]


def test_a_numbered_item_runs_from_its_number_to_the_note():
    found, _ = parse(
        "13.开展新模式推广。\n智能化制造。鼓励企业应用数字技术。\n数字化管理。打通管理环节。(责任单位:省经信厅)"
    )
    assert [(f[1], f[6]) for f in found] == [
        ("13.开展新模式推广。智能化制造。鼓励企业应用数字技术。数字化管理。打通管理环节。", "13")
    ]


def test_a_note_missing_its_bracket_is_read_when_finished_and_reported_when_cut_off():
    found, state = parse(
        "1.加快项目建设。(牵头单位:州发改委;责任单位:州财政局。\n\n2.深化审批改革。(牵头单位:区审批局;责任单位:区政"
    )
    assert [(f[1], f[2], f[3]) for f in found] == [("1.加快项目建设。", ("州发改委",), ("州财政局",))]
    assert state.report == [
        (3, "note is cut off (its closing bracket and end are missing)", "牵头单位:区审批局;责任单位:区政")
    ]


def test_what_does_not_become_a_measure_is_reported():
    found, state = parse(
        "(牵头单位:县财政局)\n一、调整能源结构(省发改委总牵头)\n州政府督查室要牵头抓好督查落实工作。\n"
        "(二)强化督查。县督查室牵头督查。\n(县督查室负责)"
    )
    assert [f[1] for f in found] == ["(二)强化督查。县督查室牵头督查。"]
    assert [r[:2] for r in state.report] == [
        (1, "note follows no measure"),
        (2, "note on a section heading, not on a measure"),
        (3, "mentions 牵头/责任单位 outside a responsibility note"),
    ]


def test_the_first_named_rule_carries_to_later_notes():
    found, _ = parse(
        "1.推广纳税人试点。(县税务局、县财政局负责,排在第一位的部门为牵头部门,下同)\n2.简化核准手续。(县商务局、县税务局负责)"
    )
    assert [(f[2], f[3]) for f in found] == [(("县税务局",), ("县财政局",)), (("县商务局",), ("县税务局",))]


def test_helpers():
    assert note_groups("a(b(c))d(e") == [(1, 7), (8, 10)]
    assert [numbering(t) for t in ("3.修路", "(1)修路", "(一)修路", "一、修路", "①修路", "2024年修路")] == [
        "3",
        "(1)",
        "(一)",
        "一",
        "①",
        "",
    ]


def test_a_label_inside_the_paragraph_after_its_last_sentence():
    found, _ = parse("5.推进垃圾分类。牵头单位:县城管局;责任单位:各乡镇人民政府")
    assert [(f[1], f[2], f[3]) for f in found] == [("5.推进垃圾分类。", ("县城管局",), ("各乡镇人民政府",))]


def test_time_limits_in_a_bracket_of_their_own_or_on_the_next_line():
    found, state = parse(
        "1.修缮校舍。(县教育局为牵头单位,县财政局为配合单位)(2025年8月底前)\n"
        "2.新建运动场。【县体育局负责】\n完成时限:2025年底前\n完成时限:2026年底前"
    )
    assert [(f[1], f[2], f[3], f[4]) for f in found] == [
        ("1.修缮校舍。", ("县教育局",), ("县财政局",), "2025年8月底前"),
        ("2.新建运动场。", ("县体育局",), (), "2025年底前,2026年底前"),
    ]
    assert state.report == []


def test_a_note_on_a_measure_heading_takes_the_body_below_it():
    found, _ = parse(
        "(一)推进厂房建设(县工信局负责)\n加快建设标准化厂房。\n完善配套设施。\n(二)保障用地(县自然资源局负责)"
    )
    assert [(f[1], f[2]) for f in found] == [
        ("(一)推进厂房建设加快建设标准化厂房。完善配套设施。", ("县工信局",)),
        ("(二)保障用地", ("县自然资源局",)),
    ]


def test_a_note_after_several_sub_items_covers_their_item():
    found, state = parse(
        "一、夯实基础\n(一)建设光网。\n1.新建基站80个。\n2.新增千兆用户5000户。\n"
        "牵头单位:县工信局\n配合单位:县财政局\n(二)建设算力。\n1.建成数据中心。\n(牵头单位:县数据局)"
    )
    assert [(f[0], f[1], f[2], f[3]) for f in found] == [
        (2, "(一)建设光网。1.新建基站80个。2.新增千兆用户5000户。", ("县工信局",), ("县财政局",)),
        (7, "(二)建设算力。1.建成数据中心。", ("县数据局",), ()),
    ]
    assert state.report == []


def test_a_note_after_a_sub_item_with_noted_siblings_stays_with_it():
    found, _ = parse("(一)建设光网。\n1.新建基站。(牵头单位:县工信局)\n2.新增用户。\n(牵头单位:县通信办)")
    assert [(f[1], f[2]) for f in found] == [("1.新建基站。", ("县工信局",)), ("2.新增用户。", ("县通信办",))]


def test_a_note_under_a_section_heading_is_not_widened_to_the_section():
    found, _ = parse("一、重点任务\n1.修路。\n2.修桥。\n(牵头单位:县交通局)")
    assert [(f[1], f[2]) for f in found] == [("2.修桥。", ("县交通局",))]


def test_the_first_named_lead_declaration_alone_is_no_measure():
    found, state = parse(
        "一、重点任务\n(各项任务中列第一位者为牵头单位,其他为配合单位,下同)\n1.修路。(责任单位:县交通局、县财政局)"
    )
    assert [(f[1], f[2], f[3]) for f in found] == [("1.修路。", ("县交通局",), ("县财政局",))]
    assert state.first_leads and state.report == []


def test_a_note_after_the_plan_title_is_reported():
    found, state = parse("青山县公路建设行动方案\n(牵头单位:县交通局)\n1.修路。(牵头单位:县交通局)")
    assert [f[1] for f in found] == ["1.修路。"]
    assert state.report == [(2, "note follows the plan title, not a measure", "(牵头单位:县交通局)")]


def test_an_unbracketed_closing_sentence_note():
    found, state = parse(
        "(一)修路。由县交通局牵头,县财政局、县自然资源局配合,2024年底前完成。\n"
        "(二)修桥。建立联席会议制度。\n县住建局牵头,县水务局配合。"
    )
    assert found == [
        (1, "(一)修路。", ("县交通局",), ("县财政局", "县自然资源局"), "2024年底前完成", "", "(一)"),
        (2, "(二)修桥。建立联席会议制度。", ("县住建局",), ("县水务局",), None, "", "(二)"),
    ]
    assert state.report == []


def test_prose_that_mentions_a_lead_is_not_a_sentence_note():
    found, state = parse("(一)修路。县政府牵头抓总,各部门配合做好工作。")
    assert found == []
    assert state.report == [
        (
            1,
            "mentions 牵头/责任单位 outside a responsibility note",
            "(一)修路。县政府牵头抓总,各部门配合做好工作。",
        )
    ]


def test_a_bracketed_time_limit_on_its_own_line_joins_the_measure_before():
    found, state = parse(
        "1.修桥。\n(牵头单位:县住建局)\n(完成时限:2024年底)\n2.修路。(牵头单位:县交通局;完成时限:2025年)\n(2026年)"
    )
    assert [(f[1], f[4]) for f in found] == [("1.修桥。", "2024年底"), ("2.修路。", "2025年")]
    assert state.report == []


def test_a_second_bracketed_time_limit_is_reported():
    found, state = parse("1.修路。(牵头单位:县交通局;完成时限:2025年)\n(完成时限:2026年)")
    assert [(f[1], f[4]) for f in found] == [("1.修路。", "2025年")]
    assert state.report == [
        (2, "bracketed time limit has no measure to join (the one above has its own)", "(完成时限:2026年)")
    ]


def test_label_sentences_run_to_the_first_sentence_without_a_label():
    assert label_sentences("责任单位:县商务局(牵头)、县公安局。完成时限:年底前。再办一件事。") == (
        "责任单位:县商务局(牵头)、县公安局。完成时限:年底前。",
        "再办一件事。",
    )
    assert label_sentences("牵头单位:县商务局") == ("牵头单位:县商务局", "")


def test_labelled_notes_inside_a_paragraph_are_notes_of_its_measures():
    found, state = parse(
        "(一)培育消费新场景\n"
        "1.打造夜间经济街区。每个乡镇建成1个。责任单位:县商务局(牵头)、县文化和旅游局,各乡镇人民政府。"
        "完成时限:2024年底前。\n"
        "2.推进甲事项。牵头单位:县交通运输局。继续推进乙工作。整治丙问题。牵头单位:县公安局;配合单位:县司法局。\n"
    )
    assert found == [
        (
            2,
            "1.打造夜间经济街区。每个乡镇建成1个。",
            ("县商务局",),
            ("县文化和旅游局", "各乡镇人民政府"),
            "2024年底前",
            "(一)培育消费新场景",
            "1",
        ),
        (3, "2.推进甲事项。", ("县交通运输局",), (), None, "(一)培育消费新场景", "2"),
        (3, "继续推进乙工作。整治丙问题。", ("县公安局",), ("县司法局",), None, "(一)培育消费新场景", ""),
    ]
    assert parse("3.推进丁事项。牵头单位:县商务局。加快戊工作。\n")[0] == [
        (1, "3.推进丁事项。加快戊工作。", ("县商务局",), (), None, "", "3")
    ]


def test_labels_on_the_lines_under_a_numbered_title_are_its_note_and_its_body_follows():
    found, _ = parse(
        "二、攻坚任务\n1.规范涉企检查\n牵头部门：县司法局；配合部门：县市场监管局\n完成时间：长期坚持\n"
        "推行“综合查一次”，同一部门对同一企业年度检查原则上不超过1次。\n三、保障措施\n加强调度。\n"
    )
    assert found == [
        (
            2,
            "1.规范涉企检查推行“综合查一次”,同一部门对同一企业年度检查原则上不超过1次。",
            ("县司法局",),
            ("县市场监管局",),
            "长期坚持",
            "二、攻坚任务",
            "1",
        )
    ]


def test_a_label_after_a_comma_closes_the_measure_before_it():
    found, _ = parse(
        "1.改造步行街2条,打造示范街区,责任单位:县商务局、县公安局。\n"
        "2.新增停车泊位500个,牵头单位:县住建局;配合单位:县城管局;完成时限:2025年6月30日前。\n"
    )
    assert found == [
        (1, "1.改造步行街2条,打造示范街区", ("县商务局", "县公安局"), (), None, "", "1"),
        (2, "2.新增停车泊位500个", ("县住建局",), ("县城管局",), "2025年6月30日前", "", "2"),
    ]
