"""Task tables in each text rendering → measures with roles."""

from __future__ import annotations

from zeren.loaders.extract import parse_document
from zeren.loaders.normalise import normalise_text
from zeren.loaders.tables import (
    LEAD,
    LEADER,
    NUM,
    OTHER,
    RESP,
    SUP,
    TEXT,
    TIME,
    column_role,
    find_tables,
    header_roles,
)


def rows(text: str) -> list[tuple]:
    ex = parse_document(text, source="t.txt", doc="t")
    return [(t.text, t.leads, t.supports, t.leaders, t.deadline, t.section) for t in ex.tasks]


# the traditional one-cell-a-line layout with pinyin annotations (invented content)
CELL_PER_LINE = """雲嶺縣園區提質增效2024年度重點任務清單
序號 |
具體工作舉措 |
牽頭領導 |
牽頭單位 |
配合單位 |
完成時限 |
一、黨建質量提升行動(2024年度工作目標:黨對園區的領導進一步加強) |
1 |
壓實園區黨工委主體責任,制定責任清單。 |
張明遠 |
雲嶺產業園區管委會 |
縣委辦公室 |
2024年4月底以前,并長期堅持 |
2 |
統籌各鄉(xiāng)鎮(zhèn)幹部資源選優配強園區班子。 |
李立新 |
縣委組織部 |
縣委編辦、縣人力資源和社會保障局等縣級有關部門 |
2024年12月底以前 |
二、保障措施 |
3 |
落實縣黨政領導包掛園區機制。 |
張明遠 |
縣委辦公室、政府辦公室 |
領導小組成員單位 |
2024年12月底以前 |
"""


def test_one_cell_a_line_traditional_with_pinyin():
    assert rows(CELL_PER_LINE) == [
        (
            "1 | 压实园区党工委主体责任,制定责任清单。 | 张明远 | 云岭产业园区管委会 | 县委办公室 | 2024年4月底以前,并长期坚持",
            ("云岭产业园区管委会",),
            ("县委办公室",),
            ("张明远",),
            "2024年4月底以前,并长期坚持",
            "一、党建质量提升行动(2024年度工作目标:党对园区的领导进一步加强)",
        ),
        (
            "2 | 统筹各乡镇干部资源选优配强园区班子。 | 李立新 | 县委组织部 | 县委编办、县人力资源和社会保障局等县级有关部门 | 2024年12月底以前",
            ("县委组织部",),
            ("县委编办", "县人力资源和社会保障局", "县级有关部门"),
            ("李立新",),
            "2024年12月底以前",
            "一、党建质量提升行动(2024年度工作目标:党对园区的领导进一步加强)",
        ),
        (
            "3 | 落实县党政领导包挂园区机制。 | 张明远 | 县委办公室、政府办公室 | 领导小组成员单位 | 2024年12月底以前",
            ("县委办公室", "县政府办公室"),
            ("领导小组成员单位",),
            ("张明远",),
            "2024年12月底以前",
            "二、保障措施",
        ),
    ]
    ex = parse_document(CELL_PER_LINE, source="t.txt", doc="t")
    assert [p.title for p in ex.plans] == ["云岭县园区提质增效2024年度重点任务清单"]
    assert {t.plan for t in ex.tasks} == {"云岭县园区提质增效2024年度重点任务清单"}
    assert [t.number for t in ex.tasks] == ["1", "2", "3"]
    assert ex.notes_seen == 3


def test_pipe_rows_with_section_rows_two_header_rows_and_repeated_merged_cells():
    text = (
        "附表\n"
        "序号 | 重点任务 | 责任单位 | 责任单位 | 时间节点\n"
        "序号 | 重点任务 | 牵头单位 | 配合单位 | 时间节点\n"
        "一、营商环境\n"
        "1 | 推行企业开办一日办结。 | 县市场监管局 | 县税务局 县公安局 | 2025年6月底前\n"
        "2 | 清理涉企收费。 | 县市场监管局 | 县发展改革局 | \n"
        "二、园区建设\n"
        "3 | 建设标准化厂房。 |  |  | 2025年底前\n"
        "县政府办公室2025年3月1日印发\n"
    )
    assert rows(text) == [
        (
            "1 | 推行企业开办一日办结。 | 县市场监管局 | 县税务局、县公安局 | 2025年6月底前",
            ("县市场监管局",),
            ("县税务局", "县公安局"),
            (),
            "2025年6月底前",
            "一、营商环境",
        ),
        (
            "2 | 清理涉企收费。 | 县市场监管局 | 县发展改革局 | 2025年6月底前",
            ("县市场监管局",),
            ("县发展改革局",),
            (),
            "2025年6月底前",
            "一、营商环境",
        ),
        (
            "3 | 建设标准化厂房。 | 县市场监管局 | 2025年底前",
            ("县市场监管局",),
            (),
            (),
            "2025年底前",
            "二、园区建设",
        ),
    ]


def test_tab_separated_rows():
    text = "工作任务\t责任领导\t主要责任单位\t完成时间\n开展河湖清四乱。\t王海峰\t县水务局、各乡镇人民政府\t全年\n"
    assert rows(text) == [
        (
            "开展河湖清四乱。 | 王海峰 | 县水务局、各乡镇人民政府 | 全年",
            ("县水务局", "各乡镇人民政府"),
            (),
            ("王海峰",),
            "全年",
            "",
        )
    ]


BOX = """任务表
┌──┬────┬──────────┬─────┬───┐
│序号│责任单位│ 任务目标 │ 完成时间 │责任人│
├──┼────┼──────────┼─────┼───┤
│ 1 │ 青山区 │1.新建绿地10万平方米。│2026.11.30│ 区长 │
│ │ ├──────────┼─────┤ │
│ │ │2.新建游园3个,每个面积│2026.04.30│ │
│ │ │不少于2000平方米。 │ │ │
├──┼────┼──────────┼─────┼───┤
│ 2 │ 白石区 │1.新植乔木1万株。 │2026.04.30│ 区长 │
│ │ ├──────────┼─────┤ │
│ │ │2.新建绿道5公里,其中 │2026.10.31│ │
"""


def test_box_drawing_grid_with_merged_cells_and_a_cut_off_last_row():
    ex = parse_document(BOX, source="b.txt", doc="b")
    assert [(t.text, t.leads, t.leaders, t.deadline) for t in ex.tasks] == [
        ("1 | 青山区 | 1.新建绿地10万平方米。 | 2026.11.30 | 区长", ("青山区",), ("区长",), "2026.11.30"),
        (
            "1 | 青山区 | 2.新建游园3个,每个面积不少于2000平方米。 | 2026.04.30 | 区长",
            ("青山区",),
            ("区长",),
            "2026.04.30",
        ),
        ("2 | 白石区 | 1.新植乔木1万株。 | 2026.04.30 | 区长", ("白石区",), ("区长",), "2026.04.30"),
    ]
    assert [(r.line, r.reason) for r in ex.report] == [(12, "table ends mid-row (the copy is cut off)")]


def test_one_cell_a_line_without_markers_header_words_split_and_cells_missing():
    text = "\n\n".join(
        ["工作分解", "序号", "项目", "类别", "具 体 内 容", "牵头", "部门", "相关责任部门", "完成", "时间"]
        + ["21", "推进全民健身", "体育局", "9个街道、镇", "2027年"]
        + ["22", "建设社区体育设施", "体育局", "规划局等相关部门,9个街道、镇", "2026年"]
        + ["序号", "项目", "类别", "具体内容", "牵头部门", "相关责任部门", "完成时间"]
        + ["23", "举办全民运动会", "体育局", "各街道", "2028年", "24"]
    )
    assert rows(text) == [
        (
            "21 | 推进全民健身 | 体育局 | 9个街道、镇 | 2027年",
            ("体育局",),
            ("9个街道、镇",),
            (),
            "2027年",
            "",
        ),
        (
            "22 | 建设社区体育设施 | 体育局 | 规划局等相关部门,9个街道、镇 | 2026年",
            ("体育局",),
            ("规划局", "相关部门", "9个街道、镇"),
            (),
            "2026年",
            "",
        ),
        ("23 | 举办全民运动会 | 体育局 | 各街道 | 2028年", ("体育局",), ("各街道",), (), "2028年", ""),
    ]


def test_column_roles_from_header_words():
    assert [
        column_role(h)
        for h in (
            "序号",
            "具体工作举措",
            "分管领导",
            "牵头部门",
            "协同单位",
            "相关责任部门",
            "完成时限",
            "备注",
            "单位",
            "考核指标",
            "评分部门",
            "总责任人",
            "责任分工",
            "职能",
        )
    ] == [
        NUM,
        TEXT,
        LEADER,
        LEAD,
        SUP,
        RESP,
        TIME,
        OTHER,
        OTHER,  # the unit of a figure (%, 万人), kept in the row's text
        TEXT,  # the head word decides, not 考核
        OTHER,  # a scoring department is no party to the task
        LEADER,
        RESP,
        None,
    ]
    assert header_roles(["序号", "工作任务", "备注"]) is None
    assert header_roles(["序号", "工作任务", "牵头单位"]) == [NUM, TEXT, LEAD]


def test_find_tables_reports_the_lines_it_covers():
    lines = normalise_text("前言\n序号 | 工作任务 | 牵头单位\n1 | 修路。 | 县交通局\n结语")
    [table] = find_tables(lines)
    assert (table.start, table.end, len(table.rows)) == (1, 3, 1)


def test_markdown_table_with_its_rule_row():
    text = "| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n|---|---|---|---|\n| 1 | 修缮校舍。 | 县教育局 | 县财政局 |\n"
    ex = parse_document(text, source="m.md", doc="m")
    assert [(t.text, t.leads, t.supports) for t in ex.tasks] == [
        ("1 | 修缮校舍。 | 县教育局 | 县财政局", ("县教育局",), ("县财政局",))
    ]
    assert ex.report == [] and ex.notes_seen == 1


def test_columns_without_a_role_are_kept_in_the_text_only():
    text = "序号 | 工作任务 | 责任领导 | 牵头单位 | 完成时限 | 备注\n1 | 修缮校舍。 | 王明远(副县长) | 县教育局 | 2025年底 | 续建\n"
    assert rows(text) == [
        (
            "1 | 修缮校舍。 | 王明远(副县长) | 县教育局 | 2025年底 | 续建",
            ("县教育局",),
            (),
            ("王明远",),
            "2025年底",
            "",
        )
    ]
    assert column_role("备注") == OTHER and column_role("建设内容及规模") == TEXT


def test_a_unit_cell_holding_a_note_of_its_own():
    text = "序号 | 工作任务 | 责任单位 | 完成时限\n1 | 修缮校舍。 | 牵头单位:县教育局;配合单位:县财政局 | 2025年底\n2 | 建设操场。 | 县体育局牵头,县教育局配合 | 2026年底\n"
    assert [(r[1], r[2]) for r in rows(text)] == [
        (("县教育局",), ("县财政局",)),
        (("县体育局",), ("县教育局",)),
    ]


def test_a_section_row_written_in_cells_sets_the_section():
    text = "序号 | 工作任务 | 牵头单位\n一 | 党建引领 | \n1 | 建强班子。 | 县委组织部\n"
    assert rows(text) == [("1 | 建强班子。 | 县委组织部", ("县委组织部",), (), (), None, "一、党建引领")]


def test_numbers_with_a_stop_start_rows_in_a_cell_stream():
    text = "序号 |\n工作任务 |\n牵头单位 |\n1. |\n修路。 |\n县交通局 |\n2. |\n架桥。 |\n县住建局 |\n"
    assert [(r[0], r[1]) for r in rows(text)] == [
        ("1. | 修路。 | 县交通局", ("县交通局",)),
        ("2. | 架桥。 | 县住建局", ("县住建局",)),
    ]


def test_a_blank_lead_cell_repeats_the_lead_above_and_ditto_repeats_any_cell():
    text = (
        "青山镇安全生产任务分解表\n"
        "序号\t整治任务\t牵头单位\t责任单位\t完成时限\n"
        "1\t排查燃气隐患\t镇应急办\t镇市场监管所\t2024年6月底\n"
        "2\t整治自建房隐患\t\t镇综合执法队\t2024年9月底\n"
        "3\t整治电动车充电\t镇派出所\t同上\t2024年8月底\n"
    )
    assert [(t[1], t[2], t[4]) for t in rows(text)] == [
        (("镇应急办",), ("镇市场监管所",), "2024年6月底"),
        (("镇应急办",), ("镇综合执法队",), "2024年9月底"),
        (("镇派出所",), ("镇综合执法队",), "2024年8月底"),
    ]


def test_a_markdown_task_table_with_main_and_cooperating_units():
    text = (
        "青山市营商环境任务分工方案\n"
        "| 序号 | 重点任务 | 主要责任单位 | 协同单位 | 完成时间 |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| 1 | 推行企业开办一日办结 | 市市场监管局 | 市公安局、市税务局 | 2024年6月底前 |\n"
    )
    assert rows(text) == [
        (
            "1 | 推行企业开办一日办结 | 市市场监管局 | 市公安局、市税务局 | 2024年6月底前",
            ("市市场监管局",),
            ("市公安局", "市税务局"),
            (),
            "2024年6月底前",
            "",
        )
    ]


def test_a_header_remark_that_the_first_named_unit_leads_holds_for_every_row():
    text = (
        "青山县任务表\n序号 | 工作任务 | 责任单位(牵头单位列第一位) | 完成时限\n"
        "1 | 修路 | 县交通局、县财政局 | 2024年底\n2 | 修桥 | 县住建局、县财政局、县水务局 | 2025年底\n"
    )
    assert [(t[1], t[2], t[4]) for t in rows(text)] == [
        (("县交通局",), ("县财政局",), "2024年底"),
        (("县住建局",), ("县财政局", "县水务局"), "2025年底"),
    ]


def test_host_and_co_host_columns():
    assert column_role("主办单位") == RESP
    assert column_role("负责单位") == RESP
    assert column_role("协办单位") == SUP
    assert column_role("责任单位(牵头单位列第一位)") == RESP
    text = "青山县任务表\n序号 | 工作任务 | 主办单位 | 协办单位\n1 | 修路 | 县交通局 | 县财政局\n"
    assert [(t[1], t[2]) for t in rows(text)] == [(("县交通局",), ("县财政局",))]


def test_a_named_works_column_holds_the_task():
    # 民生工程 lists: the task column is headed by what is built, not by 任务
    assert [column_role(h) for h in ("工程名称", "任务名称", "建设工程")] == [TEXT, TEXT, TEXT]


def test_a_row_cut_across_two_lines_is_one_row():
    text = (
        "青山县2024年交通建设任务分解\n"
        "序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限\n"
        "1 | 推进快速通道建设,完成路基工程\n"
        "和桥梁下部结构施工。 | 县交通运输局 | 县自然资源局、县财政局 | 2024年底\n"
        "2 | 改造危桥5座。 | 县交通运\n"
        "输局 | 县财政局 | 2024年9月\n"
    )
    ex = parse_document(text, source="x.txt", doc="x")
    assert [(t.number, t.leads, t.supports, t.deadline) for t in ex.tasks] == [
        ("1", ("县交通运输局",), ("县自然资源局", "县财政局"), "2024年底"),
        ("2", ("县交通运输局",), ("县财政局",), "2024年9月"),
    ]
    assert "路基工程和桥梁" in ex.tasks[0].text and ex.report == []
