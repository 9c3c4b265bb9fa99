"""Each document format read into lines: order kept, tables as `` | `` rows, merged cells repeated.

Files are generated in ``tmp_path`` with python-docx, openpyxl and fpdf2 so the
fixtures are small, readable code. PDFs need a CJK TrueType font (Debian
``fonts-wqy-microhei``); without one those tests skip.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import openpyxl
import pytest

from zeren.loaders.formats.htmlpage import html_to_text
from zeren.loaders.readers import read_text

# ---------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>青山县人民政府</title>
<style>p { color: red }</style><script>var menu = "首页";</script></head>
<body>
<div class="top-nav"><ul><li><a href="/">首页</a></li><li><a href="/zw">政务公开</a></li>
<li><a href="/hd">互动交流</a></li></ul></div>
<div class="breadcrumb">当前位置：首页 &gt; 政策文件</div>
<div id="content">
<h1>青山县2024年营商环境提升行动方案</h1>
<p>一、工作目标</p>
<p>　　优化政务服务。(牵头单位:青山县政务服务管理局;<br>责任单位:县财政局)</p>
<p>县发展改革
局负责</p>
<table border="1">
<tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>完成时限</th></tr>
<tr><td>1</td><td>完善制度</td><td rowspan="2">县财政局</td><td>2024年底前</td></tr>
<tr><td>2</td><td>优化服务</td><td>长期坚持</td></tr>
<tr><td>3</td><td colspan="2">统筹推进</td><td>每季度</td></tr>
<tr><td colspan="4">二、保障措施</td></tr>
</table>
<p>二、保障措施&nbsp;&nbsp;</p>
</div>
<div class="share">分享到：<a href="#">微信</a><a href="#">微博</a><a href="#">QQ</a></div>
<footer>版权所有：青山县人民政府办公室</footer>
<noscript>请开启脚本</noscript>
</body></html>"""

PAGE_LINES = [
    "青山县2024年营商环境提升行动方案",
    "一、工作目标",
    "优化政务服务。(牵头单位:青山县政务服务管理局;",
    "责任单位:县财政局)",
    "县发展改革局负责",
    "序号 | 工作任务 | 牵头单位 | 完成时限",
    "1 | 完善制度 | 县财政局 | 2024年底前",
    "2 | 优化服务 | 县财政局 | 长期坚持",
    "3 | 统筹推进 | 统筹推进 | 每季度",
    "二、保障措施",
    "二、保障措施",
]


def test_html_keeps_main_text_and_tables(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    assert read_text(path).split("\n") == PAGE_LINES


def test_html_declared_gbk(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    markup = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>'
    path.write_bytes((markup + "<body><p>云岭州财政局</p><p>州发展改革委</p></body></html>").encode("gbk"))
    assert read_text(path) == "云岭州财政局\n州发展改革委"


def test_html_fragment_with_layout_table() -> None:
    # Portal pages put the whole article into one table cell; it is no data table.
    fragment = (
        "<tbody><tr><td id='UCAP-CONTENT'><p>青山县人民政府关于促进就业的意见</p>"
        "<p>（一）稳定就业。（县人社局、县财政局负责）</p></td></tr><tr><td></td></tr></tbody>"
    )
    assert (
        html_to_text(fragment)
        == "青山县人民政府关于促进就业的意见\n（一）稳定就业。（县人社局、县财政局负责）"
    )


def test_html_nested_tables_keep_inner_data_table() -> None:
    markup = (
        "<table><tr><td><a href='/a'>首页</a></td><td>"
        "<p>任务表</p><table><tr><td>牵头单位</td><td>配合单位</td></tr>"
        "<tr><td>县财政局</td><td>县审计局</td></tr></table></td></tr></table>"
    )
    assert html_to_text(markup) == "首页\n任务表\n牵头单位 | 配合单位\n县财政局 | 县审计局"


def test_html_article_element_preferred() -> None:
    markup = (
        "<body><div>热点新闻 今日要闻 图片新闻 视频新闻</div>"
        "<article><h1>云岭州2023年行动方案</h1><p>一、主要任务。加快推进园区建设,提升承载能力。</p></article>"
        "<div>友情链接</div></body>"
    )
    assert html_to_text(markup) == "云岭州2023年行动方案\n一、主要任务。加快推进园区建设,提升承载能力。"


# ---------------------------------------------------------------- DOCX


def _docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("青山县2024年园区经济攻坚行动方案")
    document.add_paragraph("　　一、攻坚目标 ")
    table = document.add_table(rows=4, cols=4)
    values = [
        ["序号", "工作任务", "牵头单位", "完成时限"],
        ["1", "完善制度", "县财政局", "2024年6月底前"],
        ["2", "优化服务", "", "长期坚持"],
        ["3", "统筹推进", "", "每季度"],
    ]
    for r, row in enumerate(values):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 2).merge(table.cell(2, 2))  # one lead unit for two rows
    table.cell(3, 1).merge(table.cell(3, 2))
    cell = table.cell(1, 1)
    cell.add_paragraph("细化措施")  # a second paragraph in a cell stays in that cell
    paragraph = document.add_paragraph("二、保障措施")
    paragraph.add_run().add_break()
    paragraph.add_run("(牵头单位:县委组织部;责任单位:县财政局)")
    box = document.add_table(rows=1, cols=1)
    box.cell(0, 0).text = "附件:任务清单"  # a one-cell table only frames text
    document.save(str(path))
    return path


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    text = read_text(_docx(tmp_path / "plan.docx"))
    assert text.split("\n") == [
        "青山县2024年园区经济攻坚行动方案",
        "一、攻坚目标",
        "序号 | 工作任务 | 牵头单位 | 完成时限",
        "1 | 完善制度 细化措施 | 县财政局 | 2024年6月底前",
        "2 | 优化服务 | 县财政局 | 长期坚持",
        "3 | 统筹推进 | 统筹推进 | 每季度",
        "二、保障措施",
        "(牵头单位:县委组织部;责任单位:县财政局)",
        "附件:任务清单",
    ]


# ---------------------------------------------------------------- XLSX


def _xlsx(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "任务分解表"
    sheet.append(["青山县2024年重点任务分解表"])
    sheet.merge_cells("A1:E1")
    sheet.append(["序号", "工作任务", "牵头单位", "配合单位", "完成时限"])
    sheet.append([1, "完善制度", "县财政局", "县审计局", dt.datetime(2024, 6, 30)])
    sheet.append([2, "优化服务", None, None, "长期坚持"])
    sheet.merge_cells("C3:C4")
    sheet.append([])
    sheet.append([3.0, "统筹推进", None, "县统计局、县税务局", "每季度"])
    sheet.merge_cells("B6:C6")
    workbook.create_sheet("空白")
    notes = workbook.create_sheet("说明")
    notes["B2"] = "云岭州"
    notes["C2"] = 0.5
    workbook.save(path)
    return path


def test_xlsx_every_sheet_with_merges_filled(tmp_path: Path) -> None:
    text = read_text(_xlsx(tmp_path / "tasks.xlsx"))
    assert text.split("\n") == [
        "任务分解表",
        "青山县2024年重点任务分解表",
        "序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限",
        "1 | 完善制度 | 县财政局 | 县审计局 | 2024-06-30",
        "2 | 优化服务 | 县财政局 |  | 长期坚持",
        "3 | 统筹推进 | 统筹推进 | 县统计局、县税务局 | 每季度",
        "说明",
        "云岭州 | 0.5",
    ]


# ---------------------------------------------------------------- PDF

_FONTS = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
)


@pytest.fixture
def pdf_font() -> Path:
    for font in _FONTS:
        if font.is_file():
            return font
    pytest.skip("no CJK TrueType font for fpdf2 (apt install fonts-wqy-microhei)")


def _pdf(path: Path, font: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("cjk", fname=str(font))
    pdf.set_font("cjk", size=12)
    pdf.add_page()
    pdf.multi_cell(0, 8, "青山县2024年营商环境行动方案", new_x="LMARGIN", new_y="NEXT")
    long = "加快推进标准化厂房建设,完善园区水电路网等基础设施配套,力争全年新增厂房十万平方米以上。" * 2
    pdf.multi_cell(
        0, 8, long + "(牵头单位:县工业和信息化局;责任单位:县财政局)", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.multi_cell(0, 8, "二、任务分解", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(15, 60, 40, 40), first_row_as_headings=False) as table:
        row = table.row()
        for value in ("序号", "工作任务", "牵头单位", "完成时限"):
            row.cell(value)
        row = table.row()
        for value, span in (("1", 1), ("完善制度", 1), ("县财政局", 2), ("2024年底前", 1)):
            row.cell(value, rowspan=span)
        row = table.row()
        row.cell("2")
        row.cell("优化服务")
        row.cell("长期坚持")
        row = table.row()
        row.cell("3")
        row.cell("统筹推进", colspan=2)
        row.cell("每季度")
    pdf.add_page()
    pdf.multi_cell(0, 8, "三、保障措施", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def test_pdf_text_tables_and_wrapped_paragraphs(tmp_path: Path, pdf_font: Path) -> None:
    text = read_text(_pdf(tmp_path / "plan.pdf", pdf_font))
    long = "加快推进标准化厂房建设,完善园区水电路网等基础设施配套,力争全年新增厂房十万平方米以上。" * 2
    assert text.split("\n") == [
        "青山县2024年营商环境行动方案",
        long + "(牵头单位:县工业和信息化局;责任单位:县财政局)",
        "二、任务分解",
        "序号 | 工作任务 | 牵头单位 | 完成时限",
        "1 | 完善制度 | 县财政局 | 2024年底前",
        "2 | 优化服务 | 县财政局 | 长期坚持",
        "3 | 统筹推进 | 统筹推进 | 每季度",
        "三、保障措施",
    ]


def test_html_mislabelled_charset_and_hidden_parts(tmp_path: Path) -> None:
    # A page moved to UTF-8 that kept its old gb2312 <meta>: valid UTF-8 wins.
    path = tmp_path / "moved.html"
    markup = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>'
        '<div style="display: none">隐藏的旧栏目</div><input type="hidden" value="1">'
        "<p>松林县人民政府办公室</p><p hidden>草稿</p></body></html>"
    )
    path.write_bytes(markup.encode("utf-8"))
    assert read_text(path) == "松林县人民政府办公室"


PORTAL = """<html><head><meta charset="utf-8"><title>云岭州人民政府</title></head><body>
<div class="header"><img src="logo.png" alt="云岭州人民政府"><div class="search"><input>搜索</div></div>
<div class="dh"><a href="/">首页</a><a href="/zwgk">政务公开</a><a href="/bs">政务服务</a><a href="/hd">互动交流</a></div>
<div class="weizhi">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/wj">政策文件</a></div>
<table class="xxgk"><tr><td>索引号：</td><td>11530000/2023-00012</td><td>发文机关：</td><td>云岭州人民政府办公室</td></tr>
<tr><td>成文日期：</td><td>2023年03月01日</td><td>发文字号：</td><td>云政办发〔2023〕5号</td></tr></table>
<div class="left-menu"><ul><li><a href="/a">通知公告</a></li><li><a href="/b">政策解读</a></li>
<li><a href="/c">规划计划</a></li></ul></div>
<div id="zoom" class="TRS_Editor"><p align="center">云岭州2023年乡村振兴行动方案</p>
<p>　　1.加快农村公路建设。（牵头单位：州交通运输局；责任单位：州财政局）</p>
<p>附件：<a href="/files/renwu.xlsx">任务分解表.xlsx</a>　<a href="/files/fj2.docx">附件2.docx</a>
<a href="/files/fj3.pdf">附件3.pdf</a></p></div>
<div class="fenxiang">分享：<a href="#">微信</a><a href="#">微博</a><a href="#">QQ空间</a></div>
<div class="bottom"><p>主办：云岭州人民政府办公室　ICP备案号：滇ICP备00000000号</p></div>
</body></html>"""


def test_html_portal_page(tmp_path: Path) -> None:
    path = tmp_path / "portal.html"
    path.write_text(PORTAL, encoding="utf-8")
    assert read_text(path).split("\n") == [
        "索引号： | 11530000/2023-00012 | 发文机关： | 云岭州人民政府办公室",
        "成文日期： | 2023年03月01日 | 发文字号： | 云政办发〔2023〕5号",
        "云岭州2023年乡村振兴行动方案",
        "1.加快农村公路建设。（牵头单位：州交通运输局；责任单位：州财政局）",
        "附件：任务分解表.xlsx\u3000附件2.docx 附件3.pdf",  # a full-width space is kept
    ]


def test_docx_table_of_tables_read_as_blocks(tmp_path: Path) -> None:
    document = docx.Document()
    frame = document.add_table(rows=1, cols=2)
    frame.cell(0, 0).text = "白溪县"
    inner = frame.cell(0, 1).add_table(rows=2, cols=2)
    for (r, c), value in {
        (0, 0): "牵头单位",
        (0, 1): "配合单位",
        (1, 0): "县财政局",
        (1, 1): "县审计局",
    }.items():
        inner.cell(r, c).text = value
    path = tmp_path / "frame.docx"
    document.save(str(path))
    assert read_text(path).split("\n") == ["白溪县", "牵头单位 | 配合单位", "县财政局 | 县审计局"]


def test_pdf_paragraphs_across_pages_without_page_numbers_and_heads(tmp_path: Path, pdf_font: Path) -> None:
    from fpdf import FPDF

    class Numbered(FPDF):
        def header(self) -> None:
            self.set_font("cjk", size=9)
            self.cell(0, 8, "青山县人民政府行政规范性文件", align="C", new_x="LMARGIN", new_y="NEXT")
            self.set_font("cjk", size=12)

        def footer(self) -> None:
            self.set_y(-15)
            self.cell(0, 10, f"— {self.page_no()} —", align="C")

    pdf = Numbered()
    pdf.add_font("cjk", fname=str(pdf_font))
    pdf.set_font("cjk", size=12)
    pdf.add_page()
    paragraphs = [
        f"{n}.推进园区建设。"
        + "加快标准化厂房建设完善园区水电路网配套提升承载能力" * 4
        + "(牵头单位:县工业和信息化局)"
        for n in range(1, 36)
    ]
    for paragraph in paragraphs:
        pdf.multi_cell(0, 7, paragraph, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "long.pdf"
    pdf.output(str(path))
    assert pdf.page_no() == 3
    assert read_text(path).split("\n") == paragraphs


def _seed_lines(seeds_dir: Path) -> list[str]:
    text = read_text(seeds_dir / "chuxiong-2019-six-campaigns.txt")
    # fpdf2 breaks lines at spaces, which real PDF writers do not do inside CJK text
    return [line.strip().replace(". ", ".") for line in text.split("\n") if line.strip()]


def test_seed_round_trip_docx_and_html(tmp_path: Path, seeds_dir: Path) -> None:
    from html import escape

    lines = _seed_lines(seeds_dir)
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(tmp_path / "seed.docx"))
    page = "".join(f"<p>{escape(line)}</p>\n" for line in lines)
    (tmp_path / "seed.html").write_text(f"<html><body>{page}</body></html>", encoding="utf-8")
    assert read_text(tmp_path / "seed.docx").split("\n") == lines
    assert read_text(tmp_path / "seed.html").split("\n") == lines


def test_seed_round_trip_pdf(tmp_path: Path, seeds_dir: Path, pdf_font: Path) -> None:
    # Every measure wraps over several PDF lines; reading must give the paragraphs back.
    from fpdf import FPDF

    lines = _seed_lines(seeds_dir)
    pdf = FPDF()
    pdf.add_font("cjk", fname=str(pdf_font))
    pdf.set_font("cjk", size=12)
    pdf.add_page()
    for line in lines:
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "seed.pdf"))
    got = read_text(tmp_path / "seed.pdf").split("\n")
    assert pdf.page_no() > 10
    # pdfplumber may read a wide gap between two digits as a space
    assert [line.replace(" ", "") for line in got] == [line.replace(" ", "") for line in lines]


def test_docx_automatic_list_numbers(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    numbering = document.part.numbering_part.element
    levels = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {ns} w:abstractNumId="90">'
            + "".join(
                f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
                for i, (fmt, text) in enumerate(levels)
            )
            + "</w:abstractNum>"
        ),
    )
    numbering.append(parse_xml(f'<w:num {ns} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    outline = [("总体要求", 0), ("指导思想", 1), ("重点任务", 0), ("园区建设", 1), ("修路", 2), ("建桥", 2),
               ("产业培育", 1), ("招商", 2)]  # fmt: skip
    for text, level in outline:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {ns}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
        )
    document.add_paragraph("普通段落")
    document.add_paragraph("甲", style="List Number")  # numbered through its paragraph style
    document.add_paragraph("乙", style="List Number")
    document.add_paragraph("要点", style="List Bullet")  # a bullet is no number
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    assert read_text(path).split("\n") == [
        "一、总体要求", "（一）指导思想", "二、重点任务", "（一）园区建设", "1.修路", "2.建桥",
        "（二）产业培育", "1.招商", "普通段落", "1.甲", "2.乙", "要点",
    ]  # fmt: skip


def test_html_ordered_lists_keep_their_numbers() -> None:
    markup = "<ol start='3'><li>修路</li><li><p>建桥</p></li></ol><ul><li>县财政局</li></ul><ol type='a'><li>附则</li></ol>"
    assert html_to_text(markup) == "3.修路\n4.建桥\n县财政局\n附则"


def test_docx_tracked_changes_and_hyperlinks(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    paragraph = document.add_paragraph("牵头单位:")
    for xml in (
        f'<w:del {ns} w:id="1" w:author="a"><w:r><w:delText>县财政局</w:delText></w:r></w:del>',
        f'<w:ins {ns} w:id="2" w:author="a"><w:r><w:t>县审计局</w:t></w:r></w:ins>',
        f"<w:hyperlink {ns}><w:r><w:t>(详见附件)</w:t></w:r></w:hyperlink>",
        f"<w:r {ns}><w:tab/><w:t>2024年底前</w:t></w:r>",
    ):
        paragraph._p.append(parse_xml(xml))
    path = tmp_path / "tracked.docx"
    document.save(str(path))
    assert read_text(path) == "牵头单位:县审计局(详见附件)\t2024年底前"


def test_html_breadcrumb_found_by_its_label_not_its_class() -> None:
    page = (
        "<div class='position'>您现在的位置：<a href='/'>首页</a> &gt;&gt; <a href='/xxgk/'>信息公开</a></div>"
        "<p>当前位置：首页</p><p>项目位置：青山县城关镇</p><p>青山县2025年工作要点</p>"
    )
    assert html_to_text(page) == "项目位置：青山县城关镇\n青山县2025年工作要点"


# ---------------------------------------------------------------- legacy, Kingsoft, OFD, bundles

LEGACY = Path(__file__).resolve().parent / "fixtures" / "legacy"
# plan.docx and plan.xlsx were written with python-docx and openpyxl; plan.doc and plan.xls
# are LibreOffice's conversions of them ("MS Word 97" via .odt, "MS Excel 97").


def _tasks(path: Path) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    from zeren.loaders.batch import extract_paths

    batch = extract_paths([path])
    assert batch.failures == [], batch.failures
    return [(t.text, t.leads, t.supports) for e in batch.extractions for t in e.tasks]


def _needs_libreoffice() -> None:
    from zeren.loaders.formats.legacy import soffice

    if soffice() is None:
        pytest.skip("LibreOffice is not installed (bash scripts/system-deps installs it)")


@pytest.mark.parametrize(
    ("fixture", "name", "same_as"),
    [
        ("plan.xls", "plan.xls", "plan.xlsx"),
        ("plan.xls", "plan.et", "plan.xlsx"),  # Kingsoft spreadsheets are BIFF files
        ("plan.xls", "plan.xlsx", "plan.xlsx"),  # a real .xls saved under an .xlsx name
        ("plan.xlsx", "plan.et", "plan.xlsx"),  # newer Kingsoft files are OOXML
        ("plan.docx", "plan.doc", "plan.docx"),  # a .docx saved under a .doc name
        ("plan.docx", "plan.wps", "plan.docx"),
        ("plan.doc", "plan.doc", "plan.docx"),
        ("plan.doc", "plan.wps", "plan.docx"),  # Kingsoft documents are Word compound files
        ("plan.doc", "plan.docx", "plan.docx"),  # and a .doc under a .docx name
    ],
)
def test_legacy_and_kingsoft_files_give_the_same_tasks(
    tmp_path: Path, fixture: str, name: str, same_as: str
) -> None:
    if fixture.endswith(".doc"):
        _needs_libreoffice()
    target = tmp_path / name
    target.write_bytes((LEGACY / fixture).read_bytes())
    expected = _tasks(LEGACY / same_as)
    assert len(expected) >= 3
    assert _tasks(target) == expected


def test_xls_text_with_merged_cells() -> None:
    lines = read_text(LEGACY / "plan.xls").split("\n")
    assert lines[0] == "任务分解表"
    assert "2 | 整治路域环境 | 县住房城乡建设局 | 县财政局" in lines  # D3:D4 merged


def test_html_saved_as_xls_is_read_as_a_page(tmp_path: Path) -> None:
    path = tmp_path / "tasks.xls"
    path.write_text(
        "<html><head><meta charset='utf-8'></head><body><table>"
        "<tr><td>序号</td><td>工作任务</td><td>牵头单位</td></tr>"
        "<tr><td>1</td><td>修桥</td><td>县住建局</td></tr></table></body></html>",
        encoding="utf-8",
    )
    assert read_text(path) == "序号 | 工作任务 | 牵头单位\n1 | 修桥 | 县住建局"


def test_doc_without_libreoffice_names_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zeren.errors import LoaderError
    from zeren.loaders.formats import legacy

    monkeypatch.setattr(legacy.shutil, "which", lambda name: None)
    path = tmp_path / "plan.wps"
    path.write_bytes((LEGACY / "plan.doc").read_bytes())
    with pytest.raises(LoaderError) as err:
        read_text(path)
    assert str(err.value) == (
        f"{path}: reading .doc files needs LibreOffice: install LibreOffice "
        "(apt-get install libreoffice-writer-nogui)"
    )


def _ofd(path: Path) -> Path:
    import zipfile

    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    page = (
        f"<ofd:Page {ns}><ofd:Content><ofd:Layer>"
        '<ofd:TextObject Boundary="20 20 170 6"><ofd:TextCode X="0" Y="5">白雾县农村公路提升行动方案</ofd:TextCode></ofd:TextObject>'
        '<ofd:TextObject Boundary="20 40 170 6"><ofd:TextCode X="0" Y="5">1.实施危桥改造。(牵头单位:县交通运输局;</ofd:TextCode></ofd:TextObject>'
        '<ofd:TextObject Boundary="20 48 40 6"><ofd:TextCode X="0" Y="5">责任单位:县财政局)</ofd:TextCode></ofd:TextObject>'
        '<ofd:TextObject Boundary="20 30 170 6"><ofd:TextCode X="0" Y="5">一、重点任务</ofd:TextCode></ofd:TextObject>'
        "</ofd:Layer></ofd:Content></ofd:Page>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "OFD.xml",
            f"<ofd:OFD {ns}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        )
        archive.writestr(
            "Doc_0/Document.xml",
            f'<ofd:Document {ns}><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>',
        )
        archive.writestr("Doc_0/Pages/Page_0/Content.xml", page)
    return path


def test_ofd_text_layer_in_reading_order(tmp_path: Path) -> None:
    text = read_text(_ofd(tmp_path / "plan.ofd"))
    assert text.split("\n") == [
        "白雾县农村公路提升行动方案",
        "一、重点任务",
        "1.实施危桥改造。(牵头单位:县交通运输局;责任单位:县财政局)",  # a wrapped line joined
    ]


def test_zip_bundle_members_are_documents(tmp_path: Path) -> None:
    import zipfile

    from zeren.loaders.batch import extract_paths

    bundle = tmp_path / "附件.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.write(LEGACY / "plan.xlsx", "任务分解表.xlsx")
        archive.write(LEGACY / "plan.docx", "sub/方案.docx")
        archive.writestr("说明.xyz", "x")
    batch = extract_paths([bundle])
    assert [e.document.id for e in batch.extractions] == ["附件!方案", "附件!任务分解表"]
    assert [e.document.path for e in batch.extractions] == [
        "附件.zip!sub/方案.docx",
        "附件.zip!任务分解表.xlsx",
    ]
    by_id = {e.document.id: [(t.text, t.leads, t.supports) for t in e.tasks] for e in batch.extractions}
    assert by_id["附件!任务分解表"] == _tasks(LEGACY / "plan.xlsx")
    assert by_id["附件!方案"] == _tasks(LEGACY / "plan.docx")
    assert [f.path for f in batch.failures] == [f"{bundle}!说明.xyz"]  # reported, not skipped


def test_zip_bundle_with_gbk_member_names(tmp_path: Path) -> None:
    import zipfile

    from zeren.loaders.inputs import collect_files

    bundle = tmp_path / "bundle.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("ABCDEF.txt", "x")
    # as Chinese Windows writes it: GBK bytes, no UTF-8 flag (zipfile would set the flag)
    bundle.write_bytes(bundle.read_bytes().replace(b"ABCDEF.txt", "任务表.txt".encode("gbk")))
    assert [f.source for f in collect_files([bundle])] == ["bundle.zip!任务表.txt"]


def test_zip_bundle_bomb_is_refused(tmp_path: Path) -> None:
    import zipfile

    from zeren.loaders.batch import extract_paths

    bundle = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bundle, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.txt", b"\n" * (120 * 1024**2))
    batch = extract_paths([bundle])
    assert batch.extractions == []
    assert [str(f) for f in batch.failures] == [
        f"{bundle}: cannot open zip bundle (expands to 120 MB, over the 100 MB limit)"
    ]


def test_notice_page_and_its_attachments_are_one_document_set(tmp_path: Path) -> None:
    from zeren.graph.build import build_graph
    from zeren.loaders.batch import extract_paths

    workbook = openpyxl.Workbook()  # an attachment that names no place of its own
    for row in (["序号", "工作任务", "牵头单位", "配合单位"], [1, "改造危桥", "县交通运输局", "市财政局"]):
        workbook.active.append(row)
    workbook.save(tmp_path / "附件1.xlsx")
    (tmp_path / "附件1_copy.xlsx").write_bytes((tmp_path / "附件1.xlsx").read_bytes())  # a copy, not linked
    (tmp_path / "notice.html").write_text(
        "<html><head><meta charset='utf-8'></head><body>"
        "<h1>睢宁县人民政府办公室关于印发睢宁县农村公路提升行动方案的通知</h1>"
        "<p>睢政办发〔2024〕12号</p><p>各镇人民政府,县各有关部门:现将方案印发给你们,请认真贯彻落实。</p>"
        "<p>睢宁县人民政府办公室</p><p>2024年3月5日</p>"
        "<p>附件:<a href='%E9%99%84%E4%BB%B61.xlsx'>附件1.任务分解表</a></p></body></html>",
        encoding="utf-8",
    )
    batch = extract_paths([tmp_path])
    docs = {e.document.id: e.document for e in batch.extractions}
    notice, attachment = docs["notice"], docs["附件1"]
    assert notice.jurisdiction == "睢宁县" and notice.date == "2024-03-05"
    assert (attachment.title, attachment.date, attachment.jurisdiction) == (
        notice.title,
        notice.date,
        notice.jurisdiction,
    )
    # read in the notice's place, a county of the national gazetteer: 市 is its prefecture
    graph = build_graph(batch.extractions)
    assert "agency:徐州市财政局" in graph and "agency:睢宁县交通运输局" in graph
    # the copy has the same bytes as 附件1.xlsx: read once, with a warning naming both
    assert "附件1_copy" not in docs
    assert batch.warnings == ["附件1_copy.xlsx: identical content to 附件1.xlsx; read once"]
