"""The views and the report in real headless Chromium: drawn, searchable, filterable, offline, inert data."""

from __future__ import annotations

import pytest
from browser import browser, canvas_ink, open_page  # noqa: F401  (browser is a fixture)
from viz_graphs import HOSTILE, sample_graph, source_texts

from zeren import viz
from zeren.viz.report import write_report

pytestmark = pytest.mark.browser

HOSTILE_TASK = "task:qingshan-2025:5"


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    G = sample_graph()
    out = tmp_path_factory.mktemp("views")
    return {
        "whole": viz.write_html(viz.whole_graph_view(G, lang="en"), out / "whole.html"),
        "ego": viz.write_html(viz.ego_view(G, "青山县财政局", lang="en"), out / "ego.html"),
        "coresponsibility": viz.write_html(
            viz.coresponsibility_view(G, lang="en"), out / "coresponsibility.html"
        ),
        "folded": viz.write_html(viz.whole_graph_view(G, max_nodes=12, lang="en"), out / "folded.html"),
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


# ---- the analyst's workspace: panel, source pages, alias search, empty filters, PNG, Chinese ----


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """Views of the sample graph read from real files, so the source pages exist."""
    G = sample_graph()
    docs = tmp_path_factory.mktemp("docs")
    for doc, lines in source_texts().items():
        (docs / f"{doc}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for _, attrs in G.nodes(data=True):
        if attrs.get("kind") == "Document":
            attrs["path"] = f"{attrs['name']}.txt"
        elif attrs.get("kind") == "Task":
            attrs["source"] = f"{attrs['doc']}.txt"
    files = viz.source_files(G, [docs])
    out = tmp_path_factory.mktemp("workspace")
    return {
        "zh": viz.write_html(viz.whole_graph_view(G), out / "whole.html", sources=files),
        "en": viz.write_html(viz.whole_graph_view(G, lang="en"), out / "en" / "whole.html", sources=files),
        "matrix": viz.write_html(
            viz.matrix_view(G, "plan:qingshan-2025:1"), out / "matrix.html", sources=files
        ),
        "out": out,
    }


def _click_node(page, node_id: str) -> None:
    page.evaluate(f"network.focus('{node_id}', {{scale: 1.2, animation: false}})")
    point = page.evaluate(f"(() => network.canvasToDOM(network.getPositions(['{node_id}'])['{node_id}']))()")
    box = page.locator("#mynetwork").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def _list(page, label: str) -> list[str]:
    return page.eval_on_selector_all(
        f'#zeren-details ul[data-list="{label}"] li', "els => els.map(e => e.textContent)"
    )


def test_clicking_a_task_shows_its_units_and_source_that_opens_at_the_line(browser, workspace):  # noqa: F811
    with open_page(browser, workspace["zh"]) as probe:
        page = probe.page
        _click_node(page, "task:qingshan-2025:1")
        assert page.evaluate("zeren.selected") == "task:qingshan-2025:1"
        assert page.inner_text("#zeren-details .heading") == "建立园区重点项目库，实行清单化管理。"
        assert _list(page, "牵头单位") == ["青山县发展改革局"]
        assert _list(page, "配合单位") == ["青山县财政局", "青山县自然资源局"]
        assert _list(page, "牵头领导") == ["李明"]
        link = page.locator("#zeren-source-link")
        assert link.get_attribute("href") == "sources/qingshan-2025.html#L11"
        probe.screenshot("workspace-task-panel")
        # the lead unit is clickable; back and forward walk the selections
        page.click('#zeren-details a[data-node="agency:青山县发展改革局"]')
        assert page.inner_text("#zeren-details .heading") == "青山县发展改革局"
        assert "青山县财政局  [×3]" in _list(page, "合作单位")
        page.click("#zeren-back")
        assert page.evaluate("zeren.selected") == "task:qingshan-2025:1"
        page.click("#zeren-forward")
        assert page.evaluate("zeren.selected") == "agency:青山县发展改革局"
        page.click("#zeren-back")
        with page.context.expect_page() as opened:
            page.click("#zeren-source-link")
        source = opened.value
        source.wait_for_load_state("load")
        assert source.evaluate("location.hash") == "#L11"
        assert source.evaluate("document.querySelector('tr:target').id") == "L11"
        assert source.inner_text("tr:target td.t") == "建立园区重点项目库，实行清单化管理。"
        highlight = source.evaluate("getComputedStyle(document.querySelector('tr:target')).backgroundColor")
        assert highlight == "rgb(255, 240, 168)"
        source.screenshot(
            path=str(probe.screenshot("workspace-task-panel").parent / "source-viewer-sample.png")
        )
        # the hostile line shows as text on the source page and runs nothing
        assert source.inner_text("#L15 td.t") == HOSTILE
        assert (
            source.evaluate("document.querySelectorAll('#zeren-source img, #zeren-source script').length")
            == 0
        )
        assert source.evaluate("typeof window.__pwned") == "undefined"
        _clean(probe)


def test_hostile_task_text_stays_text_in_the_panel(browser, workspace):  # noqa: F811
    with open_page(browser, workspace["zh"]) as probe:
        page = probe.page
        page.evaluate(f"zeren.show('{HOSTILE_TASK}')")
        assert page.inner_text("#zeren-details .heading") == HOSTILE
        assert page.evaluate("document.querySelectorAll('#zeren-panel img, #zeren-panel script').length") == 0
        page.wait_for_timeout(300)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        _clean(probe)


def test_search_by_an_alias_finds_the_unit_with_suggestions(browser, workspace):  # noqa: F811
    with open_page(browser, workspace["zh"]) as probe:
        page = probe.page
        suggestions = page.eval_on_selector_all("#zeren-suggest option", "os => os.map(o => o.value)")
        assert "县水利局" in suggestions and "青山县水务局" in suggestions
        page.fill("#zeren-search", "水利局")
        hits = page.evaluate("network.getSelectedNodes()")
        assert hits == ["agency:青山县水务局"]
        assert not page.evaluate("nodes.get('agency:青山县水务局').hidden")
        assert page.evaluate("nodes.get('agency:青山县水务局').label") == "青山县水务局"
        _clean(probe)


def test_a_filter_that_matches_nothing_says_so(browser, workspace):  # noqa: F811
    with open_page(browser, workspace["zh"]) as probe:
        page = probe.page
        assert page.is_hidden("#zeren-empty")
        page.select_option("#zeren-filter-plan", "plan:qingshan-2025:1")
        page.select_option("#zeren-filter-level", "prefecture")
        assert _count(page) == 0
        assert page.is_visible("#zeren-empty")
        assert page.inner_text("#zeren-empty").startswith("没有符合")
        probe.screenshot("workspace-empty-filter")
        page.click("#zeren-reset")
        assert page.is_hidden("#zeren-empty") and _count(page) == 25
        page.fill("#zeren-search", "不存在的单位")
        assert page.is_visible("#zeren-empty")
        _clean(probe)


def test_png_export_writes_an_image(browser, workspace, tmp_path):  # noqa: F811
    with open_page(browser, workspace["zh"]) as probe:
        page = probe.page
        with page.expect_download() as download:
            page.click("#zeren-png")
        target = tmp_path / "view.png"
        download.value.save_as(target)
        data = target.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000
        _clean(probe)


def test_pages_speak_chinese_by_default_and_english_when_asked(browser, workspace):  # noqa: F811
    with open_page(browser, workspace["zh"]) as probe:
        page = probe.page
        assert page.evaluate("document.documentElement.lang") == "zh-CN"
        assert page.inner_text("#zeren-reset") == "重置"
        assert page.inner_text("#zeren-png") == "导出PNG"
        assert "图例" in page.inner_text("#zeren-panel") and "单位（大小＝工作量）" in page.inner_text(
            "#legend"
        )
        assert page.inner_text("#zeren-count") == "25 个节点"
        _clean(probe)
    with open_page(browser, workspace["en"]) as probe:
        page = probe.page
        assert page.evaluate("document.documentElement.lang") == "en"
        assert page.inner_text("#zeren-reset") == "Reset"
        assert "Legend" in page.inner_text("#zeren-panel")
        _clean(probe)


def test_first_draw_is_the_precomputed_layout(browser, workspace):  # noqa: F811
    positions = []
    for _ in range(2):
        with open_page(browser, workspace["zh"]) as probe:
            positions.append(probe.page.evaluate("network.getPositions()"))
            assert probe.page.evaluate("network.physics.physicsEnabled") is False
    assert positions[0] == positions[1]
    with open_page(browser, workspace["zh"]) as probe:
        page = probe.page
        page.click("#zeren-physics")
        assert page.evaluate("network.physics.physicsEnabled") is True
        assert page.inner_text("#zeren-physics") == "停止物理布局"
        page.click("#zeren-physics")
        page.click("#zeren-fit")
        _clean(probe)


def test_matrix_sorts_by_a_unit_and_links_sources(browser, workspace):  # noqa: F811
    with open_page(browser, workspace["matrix"]) as probe:
        page = probe.page
        heads = page.eval_on_selector_all("th.unit", "hs => hs.map(h => h.textContent)")
        # by tasks led, then supported: the lead official 王志强 leads two of the plan's three tasks
        assert heads == [
            "王志强",
            "青山县财政局",
            "青山县发展改革局",
            "青山县住房城乡建设局",
            "李明",
            "青山县自然资源局",
        ]
        column = heads.index("青山县财政局") + 4
        page.click(f"thead th:nth-child({column})")
        marks = page.eval_on_selector_all(f"tbody td:nth-child({column})", "ts => ts.map(t => t.textContent)")
        assert marks == ["L", "S", "S"]
        assert page.inner_text("tbody tr:first-child td.text").startswith("争取专项债券支持园区基础设施。")
        links = page.eval_on_selector_all("a.src", "as => as.map(a => a.getAttribute('href'))")
        assert links == [f"sources/qingshan-2025.html#L{n}" for n in (13, 11, 12)]  # in the sorted order
        probe.screenshot("matrix-sample")
        _clean(probe)


# ---- the shared corpus, as an analyst first sees it (screenshots for review) ----


@pytest.fixture(scope="module")
def corpus_pages(shared_dir, tmp_path_factory):
    from zeren.graph.build import build_graph
    from zeren.loaders.batch import extract_paths
    from zeren.queries import run_query

    corpus = shared_dir / "corpus"
    G = build_graph(extract_paths([corpus]).extractions)
    files = viz.source_files(G, [corpus])
    out = tmp_path_factory.mktemp("corpus")
    busiest = run_query("workload", G).iloc[0]["agency"]
    plans = sorted(
        (n for n, a in G.nodes(data=True) if a.get("kind") == "Plan"),
        key=lambda p: (-G.out_degree(p), p),
    )
    return {
        "G": G,
        "files": files,
        "whole": viz.write_html(viz.whole_graph_view(G), out / "whole.html", sources=files),
        "ego": viz.write_html(viz.ego_view(G, busiest), out / "ego.html", sources=files),
        "matrix": viz.write_html(viz.matrix_view(G, plans[0]), out / "matrix.html", sources=files),
    }


def test_corpus_views_are_labelled_and_link_every_source(browser, corpus_pages):  # noqa: F811
    G = corpus_pages["G"]
    documents = sum(1 for _, a in G.nodes(data=True) if a.get("kind") == "Document")
    assert len(corpus_pages["files"]) == documents
    with open_page(browser, corpus_pages["whole"]) as probe:
        page = probe.page
        labelled = page.evaluate("nodes.get({filter: n => n.kind === 'Agency' && n.label !== ' '}).length")
        assert labelled == 20
        assert page.evaluate("Object.keys(network.getPositions()).length") == len(G)
        probe.screenshot("corpus-whole")
        _clean(probe)
    with open_page(browser, corpus_pages["ego"]) as probe:
        probe.screenshot("corpus-ego")
        task = probe.page.evaluate("nodes.get({filter: n => n.kind === 'Task'})[0].id")
        probe.page.evaluate(f"zeren.show('{task}')")
        href = probe.page.get_attribute("#zeren-source-link", "href")
        assert href is not None and href.startswith("sources/") and "#L" in href
        probe.screenshot("corpus-ego-panel")
        with probe.page.context.expect_page() as opened:
            probe.page.click("#zeren-source-link")
        source = opened.value
        source.wait_for_load_state("load")
        line = href.rsplit("#L", 1)[1]
        assert source.evaluate("document.querySelector('tr:target').id") == f"L{line}"
        source.screenshot(path=str(probe.screenshot("corpus-ego-panel").parent / "corpus-source.png"))
        _clean(probe)
    with open_page(browser, corpus_pages["matrix"]) as probe:
        assert probe.page.locator("td.m.L").count() > 0
        probe.screenshot("corpus-matrix")
        _clean(probe)


def test_colour_by_community_and_filter_by_one(browser, workspace):  # noqa: F811
    with open_page(browser, workspace["zh"]) as probe:
        page = probe.page
        before = page.evaluate("nodes.get('agency:云岭州财政局').color")
        page.select_option("#zeren-colour", "community")
        colours = page.evaluate(
            "[nodes.get('agency:云岭州财政局').color, nodes.get('agency:青山县财政局').color]"
        )
        assert colours[0] != before and colours[0] != colours[1]
        page.select_option("#zeren-colour", "kind")
        assert page.evaluate("nodes.get('agency:云岭州财政局').color") == before
        community = page.evaluate("String(nodes.get('agency:云岭州财政局').community)")
        page.select_option("#zeren-filter-community", community)
        shown = page.evaluate("nodes.get({filter: n => !n.hidden && n.kind === 'Agency'}).map(n => n.id)")
        assert "agency:云岭州财政局" in shown and "agency:青山县财政局" not in shown
        _clean(probe)
