"""The planner's report: files written, tables and calendar as the queries give them, data escaped."""

from __future__ import annotations

import warnings

import networkx as nx
import pytest
from viz_graphs import sample_graph

from zeren.graph.schema import LEADS, TASK
from zeren.viz import ViewError
from zeren.viz.calendar import deadline_calendar, deadline_month
from zeren.viz.charts import calendar_chart, workload_chart
from zeren.viz.data import workload
from zeren.viz.fonts import SHIPPED_FAMILY, SHIPPED_FONT, cjk_font_family
from zeren.viz.report import write_report

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    G = sample_graph()
    # A unit whose name is markup: the page must show it as text.
    G.add_node("agency:<b>恶意</b>局", kind="Agency", name="<b>恶意</b>局", jurisdiction="青山县", level="county",
               agency_kind="other", spellings=["<b>恶意</b>局"], docs=[])  # fmt: skip
    G.add_edge("agency:<b>恶意</b>局", "task:qingshan-2025:1", key=LEADS, raw="<b>恶意</b>局", position=1)
    out = tmp_path_factory.mktemp("report")
    return write_report(G, out), G


def test_report_writes_index_charts_and_views(report):
    index, _ = report
    assert index.name == "index.html"
    assert sorted(p.name for p in index.parent.iterdir()) == [
        "ZerenNotoSansSC-Regular.otf", "agency-1.html", "agency-2.html", "agency-3.html", "agency-4.html", "agency-5.html",
        "coresponsibility.html", "deadlines.png", "index.html", "whole.html", "workload.png",
    ]  # fmt: skip
    for chart in ("workload.png", "deadlines.png"):
        assert (index.parent / chart).read_bytes()[:8] == PNG


def test_report_links_every_view_beside_it(report):
    index, _ = report
    html = index.read_text(encoding="utf-8")
    for name in ("whole.html", "coresponsibility.html", "agency-1.html", "agency-5.html"):
        assert f'<a href="{name}">' in html
    assert '<a href="agency-1.html">青山县财政局</a>' in html


def test_report_escapes_names_that_look_like_markup(report):
    index, _ = report
    html = index.read_text(encoding="utf-8")
    assert "&lt;b&gt;恶意&lt;/b&gt;局" in html
    assert "<b>恶意" not in html


def test_report_summary_counts(report):
    html = report[0].read_text(encoding="utf-8")
    assert "<div><b>8</b>任务</div>" in html
    assert "<div><b>10</b>单位</div>" in html


def test_report_speaks_chinese_by_default_and_english_on_request(tmp_path):
    from zeren.viz.i18n import MESSAGES

    zh = write_report(sample_graph(), tmp_path / "zh").read_text(encoding="utf-8")
    en = write_report(sample_graph(), tmp_path / "en", lang="en").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in zh and '<html lang="en">' in en
    assert "哪些单位负担过重" in zh and "Who is overloaded" in en
    assert "Who is overloaded" not in zh and "哪些单位负担过重" not in en
    # every report string has both languages, and the page shows the rule with its defaults
    assert all(zh_text and en_text for k, (zh_text, en_text) in MESSAGES.items() if k.startswith("report."))
    assert "at least 2 times its peers&#39; median and its robust z-score is at least 3.5" in en
    assert "至少为同组中位数的 2 倍，且稳健 z 值至少为 3.5" in zh


def test_report_overloaded_section_uses_peers_and_lists_collectives_apart(tmp_path):
    import re

    from zeren.queries import run_query

    G = sample_graph()
    html = write_report(G, tmp_path / "r", lang="en").read_text(encoding="utf-8")
    work = run_query("workload", G)
    flagged = work[work["overloaded"]]
    section = html[html.index('id="overloaded"') : html.index('id="progress"')]
    rows = re.findall(r"<tr><td>([^<]+)</td>", section)
    apart = work[work["kind"].isin(["collective", "vague"])]["name"].tolist()
    assert rows == flagged["name"].tolist() + apart
    if flagged.empty:
        assert "No agency is flagged as overloaded." in section


def test_calendar_grid_counts_tasks_per_agency_and_month():
    grid = deadline_calendar(sample_graph())
    # a true time axis: every month from the first deadline to the last, empty ones too
    assert list(grid.columns) == [f"2025-{m:02d}" for m in range(3, 13)]
    assert grid.loc["青山县财政局"].tolist() == [1, 0, 0, 2, 0, 0, 0, 0, 0, 1]
    assert grid.index[:3].tolist() == ["青山县财政局", "云岭州财政局", "青山县发展改革局"]
    assert len(grid) == 9


def test_calendar_of_leads_only_and_top():
    grid = deadline_calendar(sample_graph(), role=LEADS, top=2)
    assert {k: {m: n for m, n in v.items() if n} for k, v in grid.to_dict("index").items()} == {
        "云岭州工业和信息化局": {"2025-06": 1},
        "云岭州水务局": {"2025-09": 1},
    }


def test_calendar_spaces_years_by_real_time():
    from zeren.viz.calendar import time_axis

    axis, period = time_axis(["2006-05", "2024-12"])
    assert axis == [str(y) for y in range(2006, 2025)]  # 2006 and 2024 are 18 steps apart, not one
    assert period == {"2006-05": "2006", "2024-12": "2024"}
    assert time_axis(["2023-11", "2027-02"])[0][:3] == ["2023Q4", "2024Q1", "2024Q2"]


def test_deadline_month_skips_undated_and_ongoing():
    G = sample_graph()
    months = [deadline_month(a) for _, a in sorted(G.nodes(data=True)) if a["kind"] == TASK]
    assert months == ["2025-03", "2025-12", None, "2025-06", "2025-06", "2025-09", None, "2025-06"]


def test_charts_render_chinese_without_missing_glyphs(tmp_path):
    G = sample_graph()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph … missing from font" for tofu
        bars = workload_chart(workload(G), tmp_path / "w.png")
        heat = calendar_chart(deadline_calendar(G), tmp_path / "c.png")
        zh = workload_chart(workload(G), tmp_path / "wz.png", lang="zh")  # the report's Chinese labels
        empty = calendar_chart(deadline_calendar(nx.MultiDiGraph()), tmp_path / "cz.png", lang="zh")
        heat_zh = calendar_chart(deadline_calendar(G), tmp_path / "hz.png", lang="zh")
    assert all(p.read_bytes()[:8] == PNG for p in (bars, heat, zh, empty, heat_zh))


def test_workload_chart_needs_its_columns(tmp_path):
    with pytest.raises(ViewError, match=r"^workload table lacks column\(s\) led, supported for the chart$"):
        workload_chart(workload(sample_graph())[["name"]], tmp_path / "w.png")


def test_the_shipped_font_comes_first_and_covers_plan_text():
    from matplotlib.font_manager import FontProperties, findfont
    from matplotlib.ft2font import FT2Font

    families = cjk_font_family()
    assert families[0] == SHIPPED_FAMILY and families[-1] == "DejaVu Sans"
    assert findfont(FontProperties(family=SHIPPED_FAMILY), fallback_to_default=False) == str(SHIPPED_FONT)
    charmap = FT2Font(str(SHIPPED_FONT)).get_charmap()
    assert all(ord(c) in charmap for c in "武定县人力资源和社会保障局牵头（配合）：；①Ⅱ—…2024年")


def test_report_page_brings_its_font(tmp_path):
    index = write_report(sample_graph(), tmp_path / "r")
    assert (tmp_path / "r" / SHIPPED_FONT.name).stat().st_size == SHIPPED_FONT.stat().st_size
    assert f'url("{SHIPPED_FONT.name}")' in index.read_text(encoding="utf-8")


def test_report_into_a_path_that_is_a_file(tmp_path):
    blocker = tmp_path / "taken"
    blocker.write_text("x")
    with pytest.raises(ViewError, match=r"^cannot create report folder .*taken"):
        write_report(sample_graph(), blocker)


def test_report_of_an_empty_graph_says_so(tmp_path):
    index = write_report(nx.MultiDiGraph(), tmp_path / "r")
    assert sorted(p.name for p in index.parent.iterdir()) == [
        "ZerenNotoSansSC-Regular.otf", "coresponsibility.html", "deadlines.png", "index.html", "whole.html",
    ]  # fmt: skip
    html = index.read_text(encoding="utf-8")
    assert "没有单位被标记为负担过重。" in html
    assert "没有任务给出具体完成时限。" in html
