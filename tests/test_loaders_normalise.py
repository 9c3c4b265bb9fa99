"""Cleaning decoded text: script, pinyin, widths, spaces, broken lines, line numbers."""

from __future__ import annotations

from zeren.loaders.normalise import Line, clean_line, is_table_line, normalise_text, to_simplified


def texts(text: str) -> list[str]:
    return [line.text for line in normalise_text(text)]


def test_traditional_becomes_simplified():
    assert to_simplified("雲嶺州財政局牽頭") == "云岭州财政局牵头"


def test_pinyin_annotations_are_dropped_and_real_brackets_kept():
    assert clean_line("青山縣各鄉(xiāng)鎮(zhèn)") == "青山縣各鄉鎮"
    assert clean_line("聯合循環發電系統(IGCC)") == "聯合循環發電系統(IGCC)"
    assert clean_line("龍頭企業(鏈主企業)") == "龍頭企業(鏈主企業)"


def test_full_width_punctuation_is_unified_and_chinese_marks_kept():
    assert clean_line("（牵头单位：县财政局；责任单位：县税务局、县统计局）") == (
        "(牵头单位:县财政局;责任单位:县税务局、县统计局)"
    )
    assert clean_line("“一码通”，《方案》。") == "“一码通”,《方案》。"
    assert clean_line("13﹒开展推广") == "13.开展推广"


def test_spaces_inside_chinese_go_and_spaces_between_latin_words_stay():
    assert clean_line("推動 工業項目　“標準地” 出讓") == "推動工業項目“標準地”出讓"
    assert clean_line("支持 IPv6 and 5G 网络") == "支持IPv6 and 5G网络"


def test_a_name_broken_across_lines_is_rejoined_with_the_first_line_number():
    lines = normalise_text("標題\n(牽頭單位:縣交通局;責任單位:縣工\n信商務局)\n下一行")
    assert lines == [Line(1, "标题"), Line(2, "(牵头单位:县交通局;责任单位:县工信商务局)"), Line(4, "下一行")]


def test_a_sentence_wrapped_across_a_blank_line_is_rejoined():
    text = (
        "2.鼓励民营企业参与基础设施建设运营。引导民营企业\n\n参与道路、桥梁等基础设施建设运营。(县交通局负责)"
    )
    assert normalise_text(text) == [
        Line(
            1,
            "2.鼓励民营企业参与基础设施建设运营。引导民营企业参与道路、桥梁等基础设施建设运营。(县交通局负责)",
        )
    ]


def test_a_long_line_cut_mid_word_joins_the_next_line():
    text = "2024年工作目标:园区党建工作与园区经济深度融合,示范点打造有新突\n破,干部队伍建设进一步提升。\n1.推动党建"
    assert texts(text) == [
        "2024年工作目标:园区党建工作与园区经济深度融合,示范点打造有新突破,干部队伍建设进一步提升。",
        "1.推动党建",
    ]


def test_headings_titles_table_cells_and_unit_cells_are_not_joined():
    text = (
        "(一)开展园区党建引领强化攻坚专项行动计划\n探索建立企业党组织书记列席会议制度。\n"
        "青山县人民政府网站首页设为首页无障碍浏览加入收藏\n关于实施市场主体倍增工程的意见\n"
        "具体工作举措 |\n牵头单位 |\n"
        "加快推进全县中小学校舍改造和设备更新工作\n县教育局、县财政局"
    )
    assert texts(text) == [
        "(一)开展园区党建引领强化攻坚专项行动计划",
        "探索建立企业党组织书记列席会议制度。",
        "青山县人民政府网站首页设为首页无障碍浏览加入收藏",
        "关于实施市场主体倍增工程的意见",
        "具体工作举措|",
        "牵头单位|",
        "加快推进全县中小学校舍改造和设备更新工作",
        "县教育局、县财政局",
    ]


def test_blank_lines_vanish_but_numbers_stay_those_of_the_original():
    assert normalise_text("\n\n甲方案\n\n乙") == [Line(3, "甲方案"), Line(5, "乙")]


def test_table_lines_are_recognised_in_each_rendering():
    assert is_table_line("序号|") and is_table_line("a\tb") and is_table_line("│1│县财政局│")
    assert not is_table_line("一、总体要求")


def test_a_hard_wrapped_copy_is_reflowed_even_where_a_cut_falls_after_a_full_stop():
    body = (
        "".join(f"推进第{k}片区基础设施建设,完善供水供电道路等配套设施。" for k in range(10, 40))
        + "(县住建局负责)"
    )
    wrapped = "\n".join(body[k : k + 27] for k in range(0, len(body), 27))
    assert texts("一、重点任务\n" + wrapped + "\n二、保障措施") == ["一、重点任务", body, "二、保障措施"]


def test_square_brackets_round_a_note_become_round_and_others_stay():
    assert clean_line("3.深化管理。［镇党政办负责］见[1]") == "3.深化管理。(镇党政办负责)见[1]"
    assert clean_line("推进改造。[县住建局牵头,县财政局配合]") == "推进改造。(县住建局牵头,县财政局配合)"
    assert clean_line("详见[附表]和〖县水务局配合〗") == "详见[附表]和(县水务局配合)"


def test_a_labelled_list_ending_in_a_whole_unit_does_not_swallow_the_next_paragraph():
    lines = normalise_text(
        "牵头部门：县住房城乡建设局；配合部门：县自然资源局、县发展改革局\n"
        "社会投资简易低风险项目审批时间压缩至15个工作日以内。\n"
        "责任单位：县财政局、县教育体育局、县卫生健康局、县人民\n"
        "政府办公室。\n"
    )
    assert [line.text for line in lines] == [
        "牵头部门:县住房城乡建设局;配合部门:县自然资源局、县发展改革局",
        "社会投资简易低风险项目审批时间压缩至15个工作日以内。",
        "责任单位:县财政局、县教育体育局、县卫生健康局、县人民政府办公室。",
    ]


def test_boxed_labels_become_colon_labels():
    assert clean_line("3.建设物流中心。【牵头单位】县邮政管理局【责任单位】县商务局、县供销社") == (
        "3.建设物流中心。牵头单位:县邮政管理局;责任单位:县商务局、县供销社"
    )
    assert clean_line("【牵头单位】县供销社 【完成时限】长期坚持") == "牵头单位:县供销社;完成时限:长期坚持"
    # a box round a whole note, or round something that is no label, stays a bracket
    assert clean_line("【牵头单位：县农业局】") == "(牵头单位:县农业局)"
    assert clean_line("【专栏】重点项目") == "(专栏)重点项目"


def test_runs_of_spaces_between_cells_make_a_table_row():
    assert clean_line("1     新建口袋公园8个      区城管局      2024年9月底") == (
        "1\t新建口袋公园8个\t区城管局\t2024年9月底"
    )
    assert is_table_line(clean_line("序号  重点任务  责任单位  完成时限"))
    # one gap, or cells that are not Chinese, are not a table
    assert clean_line("推进  老旧小区改造") == "推进老旧小区改造"
    assert not is_table_line(clean_line("Tel  0871  1234"))


def test_control_characters_are_stripped_before_lines_are_cut():
    from zeren.loaders.extract import parse_document

    text = "青山县方案\n1.修路。(牵头单位:县\x01交通局;责任单位:县财\x85政局\x7f)\n"
    task = parse_document(text, source="x.txt", doc="x").tasks[0]
    assert (task.leads, task.supports) == (("县交通局",), ("县财政局",))


def test_long_lines_and_long_wrapped_paragraphs_are_read_in_one_pass():
    """Issue 12 row 3: brackets on one line and a hard-wrapped paragraph, each read in linear time.

    At these sizes a step that rescanned the rest of the line per bracket or per
    join would take minutes; the output is checked, the time is the benchmark's.
    """
    from zeren.loaders.extract import parse_document

    brackets = parse_document("(3)" * 30_000, source="x.txt", doc="x")
    assert brackets.tasks == [] and brackets.report == []
    para = "推进农村公路建设改造提升完善设施加强管护," * 10_000 + "年底前完成。"
    wrapped = "\n".join(para[k : k + 40] for k in range(0, len(para), 40))
    lines = normalise_text(wrapped + "\n(牵头单位:县交通局;责任单位:县财政局)")
    assert len(lines) == 2 and lines[0].text == para
    assert parse_document(wrapped, source="x.txt", doc="x").tasks == []


def test_a_label_cut_from_its_rest_or_its_value_is_rejoined():
    text = "方案\n1.修路。\n牵头单位:县交通局\n配合单\n位:县财政局\n2.建桥。\n责任单位:\n县住建局、县水务局\n"
    assert [line.text for line in normalise_text(text)] == [
        "方案",
        "1.修路。",
        "牵头单位:县交通局",
        "配合单位:县财政局",
        "2.建桥。",
        "责任单位:县住建局、县水务局",
    ]
