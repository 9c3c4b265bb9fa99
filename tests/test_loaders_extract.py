"""The whole pipeline on invented documents in both seed styles, files, batches and export rows."""

from __future__ import annotations

import json

from zeren.errors import LoaderError
from zeren.loaders.batch import BatchResult, extract_paths
from zeren.loaders.export import report_row, task_row
from zeren.loaders.extract import extract_file, parse_document
from zeren.loaders.inputs import collect_files
from zeren.loaders.records import Document, ReportEntry, Task

# a covering notice issuing three campaigns of which two are included, simplified inline notes
NOTICE = """云岭州人民政府办公室关于印发2025年三大攻坚行动实施方案的通知
各县市人民政府,州直各部门:
经州人民政府同意,现将《云岭州2025年“三大攻坚行动”实施方案》印发给你们,请认真遵照执行。
云岭州人民政府办公室
2025年3月6日
云岭州2025年园区提升攻坚行动实施方案
一、主要目标
全年新增规上企业20户,园区营业收入增长12%。
二、重点任务
(一)推进标准化厂房建设
加快厂房建设。(牵头单位:州工业和信息化局;责任单位:州财政局、青山市、白石县人民政府。以下各项工作均需各县市人民政府落实,不再列出)
(二)强化要素保障
保障园区用地。(牵头单位:州自然资源局;责任单位:州财政局)
三、保障措施
(一)加强组织领导。州工业和信息化局要牵头抓好督查落实工作。
云岭州2025年文旅融合攻坚行动实施方案
1.打造精品线路。(州文化和旅游局负责)
"""


def test_parse_document_simplified_inline_style():
    ex = parse_document(NOTICE, source="n.txt", doc="n")
    assert ex.document == Document(
        id="n",
        path="n.txt",
        title="云岭州人民政府办公室关于印发2025年三大攻坚行动实施方案的通知",
        issuer="云岭州人民政府办公室",
        jurisdiction="云岭州",
        level="prefecture",
        date="2025-03-06",
        announced_plans=(),  # the umbrella title names none of the three plans
        announced_count=3,
    )
    assert [(p.title, p.line, p.targets) for p in ex.plans] == [
        ("云岭州2025年园区提升攻坚行动实施方案", 6, ("全年新增规上企业20户,园区营业收入增长12%。",)),
        ("云岭州2025年文旅融合攻坚行动实施方案", 16, ()),
    ]
    assert ex.plans[0].mentions == ("州工业和信息化局",)
    assert [(t.plan[8:12], t.line, t.leads, t.supports, t.section) for t in ex.tasks] == [
        (
            "园区提升",
            10,
            ("州工业和信息化局",),
            ("州财政局", "青山市人民政府", "白石县人民政府"),
            "(一)推进标准化厂房建设",
        ),
        ("园区提升", 12, ("州自然资源局",), ("州财政局", "各县市人民政府"), "(二)强化要素保障"),
        ("文旅融合", 17, ("州文化和旅游局",), (), "三、保障措施"),
    ]
    assert [(r.line, r.reason) for r in ex.report] == [
        (15, "mentions 牵头/责任单位 outside a responsibility note")
    ]
    assert ex.notes_seen == 3


def test_parse_document_traditional_table_style(tmp_path):
    text = (
        "中共青山縣委辦公室\n青山縣人民政府辦公室\n2024年7月1日\n青山縣2024年園區攻堅年行動方案\n"
        "1.推動黨建質量提升\n探索建立企業黨組織書記列席制度。(牽頭單位:青山產業園區黨工委;責任單位:縣委組織部、縣工\n信商務局)\n"
        "附件\n青山產業園區2024年度重點任務清單\n序號 |\n具體工作舉措 |\n牽頭單位 |\n完成時限 |\n1 |\n推進各鄉(xiāng)鎮(zhèn)園區共建。 |\n縣財政局 |\n2024年底以前 |\n"
    )
    ex = parse_document(text, source="q.txt", doc="q")
    assert (ex.document.issuer, ex.document.jurisdiction, ex.document.level) == (
        "青山县人民政府办公室",
        "青山县",
        "county",
    )
    assert [(t.plan, t.text, t.leads, t.supports, t.deadline, t.line) for t in ex.tasks] == [
        (
            "青山县2024年园区攻坚年行动方案",
            "1.推动党建质量提升探索建立企业党组织书记列席制度。",
            ("青山产业园区党工委",),
            ("县委组织部", "县工信商务局"),
            None,
            5,
        ),
        (
            "青山产业园区2024年度重点任务清单",
            "1 | 推进各乡镇园区共建。 | 县财政局 | 2024年底以前",
            ("县财政局",),
            (),
            "2024年底以前",
            14,
        ),
    ]


def test_national_issuer_and_empty_text():
    ex = parse_document("国务院办公厅关于印发某某工作方案的通知\n", source="g.txt", doc="g")
    assert (ex.document.jurisdiction, ex.document.level, ex.document.announced_plans) == (
        "中央",
        "national",
        ("某某工作方案",),
    )
    empty = parse_document("", source="e.txt", doc="e")
    assert (empty.tasks, empty.report, empty.notes_seen, empty.document.title) == ([], [], 0, "")


def test_files_batches_and_failures(tmp_path):
    (tmp_path / "sub").mkdir()
    good = tmp_path / "sub" / "b-plan.txt"
    good.write_text("县方案\n1.修路。(县交通局负责)\n", encoding="utf-8")
    (tmp_path / "a-plan.txt").write_text("县方案\n", encoding="utf-8")
    (tmp_path / "notes.xyz").write_text("x", encoding="utf-8")
    named = tmp_path / "named.xyz"
    named.write_text("y", encoding="utf-8")  # not the same content as notes.xyz: both are read
    found = collect_files([tmp_path, good, named])
    # every entry of a folder is an input (notes.xyz fails when read: never skipped silently)
    # and each file once: good and named are in the folder named too
    assert [f.path for f in found] == [tmp_path / "a-plan.txt", named, tmp_path / "notes.xyz", good]
    # names kept in records are relative to what was named: no path of this machine is saved
    assert [f.source for f in found] == ["a-plan.txt", "named.xyz", "notes.xyz", "sub/b-plan.txt"]

    ex = extract_file(good)
    assert (ex.document.id, ex.tasks[0].source, ex.tasks[0].leads) == ("b-plan", "b-plan.txt", ("县交通局",))

    seen = []
    result = extract_paths(
        [tmp_path / "a-plan.txt", good, named, tmp_path / "missing.txt"], progress=seen.append
    )
    assert isinstance(result, BatchResult)
    assert [e.document.id for e in result.extractions] == ["a-plan", "b-plan"]
    assert [type(f) for f in result.failures] == [LoaderError, LoaderError]
    assert [f.path for f in result.failures] == [str(named), str(tmp_path / "missing.txt")]
    assert seen == [tmp_path / "a-plan.txt", good, named, tmp_path / "missing.txt"]


def test_export_rows_are_the_scorer_format_plus_provenance():
    task = Task(
        doc="d",
        plan="某方案",
        text="修路。",
        leads=("县交通局",),
        supports=("县财政局",),
        leaders=("王明远",),
        deadline="2025年底前",
        section="一、基础设施",
        number="1",
        source="d.txt",
        line=7,
    )
    row = task_row(task)
    assert row == {
        "doc": "d",
        "plan": "某方案",
        "text": "修路。",
        "leads": ["县交通局"],
        "supports": ["县财政局"],
        "leaders": ["王明远"],
        "deadline": "2025年底前",
        "source": "d.txt",
        "line": 7,
        "section": "一、基础设施",
        "number": "1",
    }
    assert '"县交通局"' in json.dumps(row, ensure_ascii=False)
    entry = ReportEntry("d.txt", 3, "note follows no measure", "(县财政局负责)")
    assert report_row(entry) == {
        "path": "d.txt",
        "line": 3,
        "reason": "note follows no measure",
        "text": "(县财政局负责)",
    }


def test_jurisdiction_and_level_of_issuers():
    from zeren.loaders.document import jurisdiction_of

    assert [
        jurisdiction_of(i)
        for i in (
            "国务院办公厅",
            "云岭省人民政府办公厅",
            "青山州人民政府办公室",
            "中共白石县委办公室",
            "上海市松溪区人民政府办公室",
            "北京市人民政府",
            "青山县桃源镇人民政府",
            "某某协会",
        )
    ] == [
        ("中央", "national"),
        ("云岭省", "province"),
        ("青山州", "prefecture"),
        ("白石县", "county"),
        ("上海市松溪区", "county"),
        ("北京市", "province"),
        ("青山县桃源镇", "township"),
        ("", ""),
    ]


def test_announced_plans_and_their_count():
    from zeren.loaders.document import announced
    from zeren.loaders.normalise import normalise_text

    lines = normalise_text(
        "青山县人民政府关于印发《甲方案》《乙方案》的通知\n现将《甲方案》《乙方案》印发给你们。\n"
    )
    assert announced(lines) == (("甲方案", "乙方案"), 2)
    cited = normalise_text("为贯彻《云岭省人民政府关于印发某规定的通知》精神,制定本措施。")
    assert announced(cited) == ((), None)
    six = normalise_text("某州人民政府办公室关于印发2025年十二大攻坚行动实施方案的通知")
    assert announced(six) == ((), 12)


def test_an_umbrella_title_is_set_apart_from_the_plans_it_announces():
    from zeren.loaders.document import announcement
    from zeren.loaders.normalise import normalise_text

    umbrella = normalise_text(
        "青山县人民政府关于印发青山县2024年“三项行动”实施方案的通知\n"
        "现将《青山县2024年“三项行动”实施方案》印发给你们,请认真贯彻执行。\n"
    )
    assert announcement(umbrella) == ((), ("青山县2024年“三项行动”实施方案",), 3)


def test_plans_listed_one_by_one_are_announced_with_the_count():
    from zeren.loaders.document import announced
    from zeren.loaders.normalise import normalise_text

    listed = normalise_text(
        "云岭州人民政府办公室关于印发2024年五大攻坚行动实施方案的通知\n"
        "各县市人民政府:\n"
        "现将以下5个方案印发给你们,请认真组织实施。\n"
        "附件:1.云岭州2024年招商引资攻坚行动方案\n"
        "2.云岭州2024年园区建设攻坚行动方案\n"
        "3.云岭州2024年项目建设攻坚行动方案\n"
        "云岭州人民政府办公室\n"
    )
    assert announced(listed) == (
        (
            "云岭州2024年招商引资攻坚行动方案",
            "云岭州2024年园区建设攻坚行动方案",
            "云岭州2024年项目建设攻坚行动方案",
        ),
        5,
    )
    counted = normalise_text(
        "关于印发碧溪县两项工作方案的通知\n现将《碧溪县控辍保学工作方案》《碧溪县营养改善工作方案》印发给你们。"
    )
    assert announced(counted) == (("碧溪县控辍保学工作方案", "碧溪县营养改善工作方案"), 2)
    attachments = normalise_text(
        "关于印发白鹭市三个专项行动方案的通知\n现将有关方案印发给你们。\n"
        "附件1:白鹭市治超专项行动方案\n附件2:白鹭市治污专项行动方案\n"
    )
    assert announced(attachments) == (("白鹭市治超专项行动方案", "白鹭市治污专项行动方案"), 3)


def test_notes_that_cannot_be_attached_are_reported_with_a_reason():
    text = (
        "青山县公路建设行动方案\n"
        "1.修建乡村公路20公里。(牵头单位:县交通运输局;配合单位:县财政局\n"
        "2.改造危桥3座。(责任单位:待定)\n"
        "3.新建客运站。(牵头单位:县交通运输局)\n"
    )
    ex = parse_document(text, source="p.txt", doc="p")
    assert [(t.text, t.leads) for t in ex.tasks] == [("3.新建客运站。", ("县交通运输局",))]
    assert ex.report == [
        ReportEntry(
            "p.txt",
            2,
            "note is cut off (its closing bracket and end are missing)",
            "牵头单位:县交通运输局;配合单位:县财政局",
        ),
        ReportEntry(
            "p.txt",
            3,
            "bracketed remark names 牵头/责任单位 but could not be read as a note",
            "责任单位:待定",
        ),
    ]
    assert ex.notes_seen == 3


def test_table_rows_missing_cells_are_reported_with_a_reason():
    text = (
        "青山县任务分解表\n"
        "序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限\n"
        "1 | 修建乡村公路20公里 |  |  | \n"
        "2 |  |  |  | \n"
        "3 | 改造危桥3座 | 县交通运输局 | 县财政局 | 2024年底\n"
    )
    ex = parse_document(text, source="t.txt", doc="t")
    assert [(t.leads, t.supports, t.deadline) for t in ex.tasks] == [
        (("县交通运输局",), ("县财政局",), "2024年底")
    ]
    assert [(r.line, r.reason, r.text) for r in ex.report] == [
        (3, "table row names no responsible unit", "1 | 修建乡村公路20公里"),
        (4, "table row has no task text (cut off or empty)", "2 |  |  |  | "),
    ]


def test_attachment_titles_on_their_number_line_start_plans():
    text = (
        "白鹭市人民政府关于印发两个方案的通知\n各区:\n"
        "现将《白鹭市城市更新行动方案》《白鹭市老旧小区改造工作计划》印发给你们。\n"
        "附件1:白鹭市城市更新行动方案\n1.修路。(牵头单位:市交通局)\n"
        "附件2:白鹭市老旧小区改造工作计划\n1.修房。(牵头单位:市住建局)\n"
    )
    ex = parse_document(text, source="n.txt", doc="n")
    assert [p.title for p in ex.plans] == ["白鹭市城市更新行动方案", "白鹭市老旧小区改造工作计划"]
    assert [(t.plan, t.leads) for t in ex.tasks] == [
        ("白鹭市城市更新行动方案", ("市交通局",)),
        ("白鹭市老旧小区改造工作计划", ("市住建局",)),
    ]
    assert (ex.document.jurisdiction, ex.document.level) == ("白鹭市", "prefecture")


def test_measures_before_any_plan_title_belong_to_the_umbrella_title():
    ex = parse_document(
        "青山县人民政府关于印发青山县“两项行动”实施方案的通知\n"
        "现将《青山县“两项行动”实施方案》印发给你们。\n"
        "1.修缮校舍。(牵头单位:县教育体育局)\n",
        source="u.txt",
        doc="u",
    )
    assert (ex.document.announced_plans, ex.document.announced_count) == ((), 2)
    assert [(t.plan, t.leads) for t in ex.tasks] == [("青山县“两项行动”实施方案", ("县教育体育局",))]


def test_a_bare_attachment_mark_is_not_the_title_and_a_repeated_title_is_not_a_wrap():
    # a Word attachment: the 附件 mark, the title, then the table's merged first row repeating it
    title = "柳河县2025年食品安全重点工作任务分工表"
    row = "1 | 抽检食用农产品1200批次 | 县农业农村局 | 县市场监管局 | 2025年11月底前\n"
    ex = parse_document(
        f"附件\n{title}\n{title}\n序号 | 工作任务 | 牵头单位 | 配合单位 | 时间节点\n{row}",
        source="a.docx",
        doc="a",
    )
    assert (ex.document.title, [p.title for p in ex.plans]) == (title, [title])
    assert [(t.plan, t.leads, t.supports) for t in ex.tasks] == [
        (title, ("县农业农村局",), ("县市场监管局",))
    ]
    plain = parse_document(
        f"附件1\n柳河县食品安全重点工作\n序号 | 工作任务 | 牵头单位 | 配合单位 | 时间节点\n{row}",
        source="b.docx",
        doc="b",
    )
    assert [t.plan for t in plain.tasks] == ["柳河县食品安全重点工作"]


def test_unknown_labels_get_their_role_and_are_reported():
    from zeren.loaders.extract import parse_document

    text = "青山县方案\n1.修路。(协同牵头单位:县交通局;具体配合单位:县财政局)\n2.建桥。牵头单位县住建局;责任单位县水务局\n"
    ex = parse_document(text, source="x.txt", doc="x")
    assert [(t.leads, t.supports) for t in ex.tasks] == [
        (("县交通局",), ("县财政局",)),
        (("县住建局",), ("县水务局",)),
    ]
    reported = [(r.line, r.reason) for r in ex.report]
    assert (2, "unknown label '协同牵头单位' read by its head word") in reported
    assert (2, "unknown label '具体配合单位' read by its head word") in reported


def test_explain_shows_blocks_tasks_and_reports(tmp_path):
    from click.testing import CliRunner

    from zeren.cli import cli
    from zeren.loaders.explain import explain_text

    text = "青山县方案\n一、任务\n1.修路。(牵头单位:县交通局)\n序号 | 工作任务 | 牵头单位\n1 | 建桥。 | 县住建局\n2.通水。(责任单位:待定)\n"
    lines = explain_text(text, source="x.txt", doc="x")
    assert lines[0].startswith("x.txt: jurisdiction 青山县 (county)") and "2 task(s)" in lines[0]
    assert any(line.startswith("L3     measure") for line in lines)
    assert any(line.startswith("L4     table [num text lead]") for line in lines)
    assert "         → task [青山县方案] leads 县住建局" in lines
    assert any(line.startswith("         ! ") for line in lines)
    path = tmp_path / "x.txt"
    path.write_text(text, "utf-8")
    done = CliRunner().invoke(cli, ["extract", "--explain", str(path)])
    assert done.exit_code == 0 and done.output.splitlines() == lines


def test_the_plan_is_the_documents_own_title_not_a_sheet_name_or_a_cited_document():
    from zeren.loaders.extract import parse_document

    sheet = "Sheet1\n青山县2024年重点工作任务分解表\n序号 | 工作任务 | 牵头单位\n1 | 修建乡村道路20公里。 | 县交通运输局\n"
    cited = (
        "根据《政府工作报告》和《青山县国民经济和社会发展第十四个五年规划纲要》,制定本方案。\n"
        "青山县2024年重点工作任务分工方案\n1.修建乡村道路20公里。(牵头单位:县交通运输局)\n"
    )
    for text, plan in (
        (sheet, "青山县2024年重点工作任务分解表"),
        (cited, "青山县2024年重点工作任务分工方案"),
    ):
        assert [t.plan for t in parse_document(text, source="x.txt", doc="x").tasks] == [plan]
