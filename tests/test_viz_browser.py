"""The views and the report in real headless Chromium: drawn, searchable, filterable, offline, inert data."""

from __future__ import annotations

import pytest
from browser import browser, canvas_ink, open_page  # noqa: F401  (browser is a fixture)
from viz_graphs import sample_graph

from zeren import viz
from zeren.viz.report import write_report

pytestmark = pytest.mark.browser

HOSTILE_TASK = "task:qingshan-2025:5"


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    G = sample_graph()
    out = tmp_path_factory.mktemp("views")
    return {
        "whole": viz.write_html(viz.whole_graph_view(G), out / "whole.html"),
        "ego": viz.write_html(viz.ego_view(G, "青山县财政局"), out / "ego.html"),
        "coresponsibility": viz.write_html(viz.coresponsibility_view(G), out / "coresponsibility.html"),
        "folded": viz.write_html(viz.whole_graph_view(G, max_nodes=12), out / "folded.html"),
        "report": write_report(G, out / "report"),
    }


def _count(page) -> int:
    return page.evaluate("zeren.visibleCount()")


def _clean(probe) -> None:
    assert probe.console_errors == []
    assert probe.page_errors == []
    assert probe.dialogs == []
    assert probe.external_requests == []


# view, nodes drawn, (search text, nodes after search), (filter, value, nodes after filter)
CASES = [
    ("whole", 25, ("财政局", 10), ("plan", "plan:qingshan-2025:2", 8)),
    ("ego", 14, ("水务局", 2), ("plan", "plan:qingshan-2025:1", 10)),
    ("coresponsibility", 9, ("云岭州", 5), ("level", "county", 5)),
    ("folded", 12, ("other", 6), ("level", "prefecture", 4)),
]


@pytest.mark.parametrize(("name", "drawn", "search", "filt"), CASES, ids=[c[0] for c in CASES])
def test_view_draws_searches_and_filters(browser, pages, name, drawn, search, filt):  # noqa: F811
    with open_page(browser, pages[name]) as probe:
        page = probe.page
        assert page.evaluate("network.body.data.nodes.length") == drawn
        assert _count(page) == drawn
        assert canvas_ink(page) > 300
        assert page.evaluate("zeren.stabilized") is True
        page.fill("#zeren-search", search[0])
        assert _count(page) == search[1]
        assert page.text_content("#zeren-count") == f"{search[1]} of {drawn} nodes shown"
        probe.screenshot(f"{name}-search")
        page.fill("#zeren-search", "")
        assert _count(page) == drawn
        page.select_option(f"#zeren-filter-{filt[0]}", filt[1])
        assert _count(page) == filt[2]
        probe.screenshot(f"{name}-filter")
        page.click("#zeren-reset")
        assert _count(page) == drawn
        probe.screenshot(name)
        _clean(probe)


def test_whole_view_level_and_role_filters_combine(browser, pages):  # noqa: F811
    with open_page(browser, pages["whole"]) as probe:
        page = probe.page
        page.select_option("#zeren-filter-level", "prefecture")
        assert _count(page) == 10
        page.select_option("#zeren-filter-role", "SUPPORTS")
        # prefecture supporters: 云岭州财政局 on three tasks, 云岭州农业农村局 on one
        assert _count(page) == 3 + 2 + 1 + 2
        hidden_leads = page.evaluate("edges.get({filter: e => e.role === 'LEADS' && e.hidden}).length")
        assert hidden_leads == 11
        _clean(probe)


def test_hostile_task_text_shows_as_text_and_runs_nothing(browser, pages):  # noqa: F811
    with open_page(browser, pages["whole"]) as probe:
        page = probe.page
        page.fill("#zeren-search", "整治")
        point = page.evaluate(
            f"(() => network.canvasToDOM(network.getPositions(['{HOSTILE_TASK}'])['{HOSTILE_TASK}']))()"
        )
        box = page.locator("#mynetwork").bounding_box()
        assert box is not None
        page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
        page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
        tip = page.inner_text("div.vis-tooltip")
        assert tip.startswith(
            '整治<script>window.__pwned=1;alert(1)</script>河道<img src=x onerror="window.__pwned=2;alert(2)">'
        )
        assert "Source: qingshan-2025.txt:15" in tip
        assert (
            page.evaluate("document.querySelectorAll('div.vis-tooltip img, div.vis-tooltip script').length")
            == 0
        )
        assert page.evaluate("document.querySelectorAll('img').length") == 0
        page.wait_for_timeout(300)  # an onerror handler would have fired by now
        assert page.evaluate("typeof window.__pwned") == "undefined"
        probe.screenshot("whole-hostile-tooltip")
        _clean(probe)


def test_report_page_shows_tables_charts_and_links(browser, pages):  # noqa: F811
    with open_page(browser, pages["report"], wait_ready=False) as probe:
        page = probe.page
        page.wait_for_load_state("load")
        widths = page.evaluate("Array.from(document.images).map(i => i.complete ? i.naturalWidth : 0)")
        assert len(widths) == 2 and min(widths) > 300
        assert page.inner_text("#calendar-table tr:nth-child(2) td.agency") == "青山县财政局"
        links = page.evaluate(
            "Array.from(document.querySelectorAll('ul.views a')).map(a => a.getAttribute('href'))"
        )
        assert links[:2] == ["whole.html", "coresponsibility.html"]
        probe.screenshot("report")
        _clean(probe)
        page.click('a[href="coresponsibility.html"]')
        page.wait_for_function("window.zeren && window.zeren.ready === true", timeout=60_000)
        assert _count(page) == 9
        _clean(probe)
