"""The pyvis views as data: nodes, styles, filters, folding, escaping, offline pages."""

from __future__ import annotations

import doctest
import re

import pytest
from viz_graphs import HOSTILE, sample_graph

from zeren import viz
from zeren.viz.page import _asset, script_json
from zeren.viz.tooltips import node_tooltip, source_ref


@pytest.fixture(scope="module")
def G():
    return sample_graph()


def _ids(view, kind):
    return sorted(n["id"] for n in view.nodes if n["kind"] == kind)


def test_whole_view_draws_every_node_and_edge(G):
    view = viz.whole_graph_view(G)
    assert (len(view.nodes), len(view.edges)) == (25, 35)
    kinds = {k: len(_ids(view, k)) for k in ("Document", "Plan", "Task", "Agency", "Leader")}
    assert kinds == {"Document": 2, "Plan": 4, "Task": 8, "Agency": 9, "Leader": 2}
    assert view.notes == []


def test_leads_and_supports_are_styled_apart(G):
    view = viz.whole_graph_view(G)
    styles = {
        (e["role"], e["color"], e["dashes"], e["width"])
        for e in view.edges
        if e["role"] in ("LEADS", "SUPPORTS")
    }
    assert styles == {("LEADS", "#c0392b", False, 2.5), ("SUPPORTS", "#2980b9", True, 1.2)}


def test_agencies_are_sized_by_load(G):
    view = viz.whole_graph_view(G)
    size = {n["id"]: n["size"] for n in view.nodes if n["kind"] == "Agency"}
    # workload's load = led + 0.5 × supported: 3.0 for the busiest, 1.0 for a single lead
    assert size["agency:青山县财政局"] == 40.0
    assert size["agency:青山县住房城乡建设局"] == round(10 + 30 * (1 / 3) ** 0.5, 2)


def test_legend_and_filter_choices(G):
    view = viz.whole_graph_view(G, lang="en")
    assert [row["text"] for row in view.legend] == [
        "Document", "Plan", "Task", "Agency (size = load)", "Lead official",
        "leads", "supports", "contains plan", "has task",
    ]  # fmt: skip
    assert view.filters["plan"][0] == ("plan:qingshan-2025:1", "qingshan-2025 · 园区项目建设攻坚")
    assert [v for v, _ in view.filters["doc"]] == ["doc:qingshan-2025", "doc:yunling-2025"]
    assert view.filters["role"] == [("LEADS", "leads"), ("SUPPORTS", "supports")]
    assert view.filters["level"] == [("prefecture", "prefecture"), ("county", "county")]
    assert view.filters["jurisdiction"] == [("云岭州", "云岭州"), ("青山县", "青山县")]
    assert view.filters["community"] == [("0", "1"), ("1", "2")]
    zh = viz.whole_graph_view(G)
    assert [row["text"] for row in zh.legend][:4] == ["文件", "方案", "任务", "单位（大小＝工作量）"]
    assert zh.filters["level"] == [("prefecture", "州（市）级"), ("county", "县级")]


def test_task_nodes_carry_what_the_page_filters_on(G):
    view = viz.whole_graph_view(G)
    task = view.node_map["task:yunling-2025:3"]
    assert (task["item"], task["plans"], task["docs"]) == (
        True,
        ["plan:yunling-2025:2"],
        ["doc:yunling-2025"],
    )
    assert view.node_map["agency:云岭州财政局"]["level"] == "prefecture"


def test_task_tooltip_has_text_plan_deadline_and_source(G):
    tip = node_tooltip("task:qingshan-2025:2", G.nodes["task:qingshan-2025:2"], lang="en")
    assert tip == (
        "<b>加快标准厂房二期建设。</b><br>Plan: 园区项目建设攻坚<br>Number: 2"
        "<br>Deadline: 2025年12月底前 (2025-12-31)<br>Source: qingshan-2025.txt:12"
    )


def test_hostile_task_text_is_escaped_in_its_tooltip(G):
    tip = node_tooltip("task:qingshan-2025:5", G.nodes["task:qingshan-2025:5"])
    assert tip.startswith(
        "<b>整治&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;河道"
        "&lt;img src=x onerror=&quot;window.__pwned=2;alert(2)&quot;&gt;</b><br>"
    )


def test_page_holds_no_live_hostile_markup(G):
    html = viz.whole_graph_view(G).generate_html()
    assert HOSTILE not in html
    assert "<img src=x" not in html
    assert 'onerror="window' not in html
    own = html.replace(_asset("vis-network.min.js"), "")  # the library quotes "<script>" in a polyfill
    # vis-network, the page's own script and two JSON data blocks (never run), nothing from the data
    assert own.count("<script") == 4
    assert own.count('<script type="application/json"') == 2


def test_page_is_one_file_with_no_remote_resources(G):
    html = viz.whole_graph_view(G).generate_html()
    assert re.findall(r"<(?:script|link|img)[^>]+(?:src|href)=", html) == []
    assert "cdn.jsdelivr" not in html and "cdnjs" not in html
    assert "vis.Network" in html and "vis-network" in html


def test_script_json_cannot_close_the_script_element():
    text = script_json({"t": "</script><!-- &"})
    assert text == '{"t": "\\u003c/script\\u003e\\u003c!-- \\u0026"}'


def test_source_ref_is_file_and_line():
    assert source_ref({"source": "/a/b/云岭州.docx", "line": 7}) == "云岭州.docx:7"
    assert source_ref({"source": "", "line": 7}) == ""


def test_filtering_by_plan_keeps_its_tasks_actors_plan_and_document(G):
    view = viz.whole_graph_view(G, plan="plan:qingshan-2025:2")
    assert sorted(n["id"] for n in view.nodes) == [
        "agency:青山县发展改革局", "agency:青山县水务局", "agency:青山县自然资源局", "agency:青山县财政局",
        "doc:qingshan-2025", "plan:qingshan-2025:2", "task:qingshan-2025:4", "task:qingshan-2025:5",
    ]  # fmt: skip


def test_filtering_by_plan_title_and_level(G):
    view = viz.whole_graph_view(G, plan="农村基础设施提升", level="prefecture")
    assert _ids(view, "Task") == ["task:yunling-2025:1", "task:yunling-2025:2"]
    assert _ids(view, "Agency") == ["agency:云岭州农业农村局", "agency:云岭州水务局", "agency:云岭州财政局"]


def test_unknown_plan_or_doc_is_a_clear_error(G):
    with pytest.raises(viz.ViewError, match=r"^no plan '不存在' in the graph; pass a plan id"):
        viz.whole_graph_view(G, plan="不存在")
    with pytest.raises(viz.ViewError, match=r"^no document 'nope' in the graph"):
        viz.whole_graph_view(G, doc="nope")


def test_big_graph_folds_tasks_and_groups_small_agencies(G):
    view = viz.whole_graph_view(G, max_nodes=12, lang="en")
    assert len(view.nodes) == 12
    assert _ids(view, "Task") == []
    assert _ids(view, "Agency") == ["agency:青山县发展改革局", "agency:青山县财政局"]
    assert _ids(view, "Leader") == ["leader:青山县:王志强"]
    assert _ids(view, "Group") == ["group:county", "group:leaders", "group:prefecture"]
    assert view.node_map["group:county"]["name"] == "3 other county agencies"
    folded = view.node_map["plan:qingshan-2025:1"]
    assert (folded["item"], folded["title"].endswith("<br>Tasks: 3")) == (True, True)
    county = [e for e in view.edges if e["from"] == "group:county" and e["to"] == "plan:qingshan-2025:2"]
    assert [(e["role"], e["title"]) for e in county] == [("LEADS", "<b>leads</b><br>Tasks: 2")]


def test_too_big_without_aggregation_asks_for_a_filter(G):
    with pytest.raises(viz.ViewError) as err:
        viz.whole_graph_view(G, max_nodes=12, aggregate=False)
    assert str(err.value) == (
        "the graph has 25 nodes and a view draws at most 12; narrow it with a filter (plan=, doc= or level=)"
    )


def test_bigger_graph_folds_plans_into_documents(G):
    view = viz.whole_graph_view(G, max_nodes=8, lang="en")
    assert sorted(n["id"] for n in view.nodes) == [
        "agency:青山县发展改革局", "agency:青山县财政局", "doc:qingshan-2025", "doc:yunling-2025",
        "group:county", "group:leaders", "group:prefecture", "leader:青山县:王志强",
    ]  # fmt: skip
    doc = view.node_map["doc:yunling-2025"]
    assert (doc["item"], doc["title"].endswith("<br>Tasks: 3")) == (True, True)
    assert view.notes[1] == "Plans are folded into their documents too (edge width = tasks)."
    # 云岭州财政局 (grouped) supports three yunling tasks, 云岭州农业农村局 one
    support = [
        e
        for e in view.edges
        if (e["from"], e["to"], e["role"]) == ("group:prefecture", "doc:yunling-2025", "SUPPORTS")
    ]
    assert [e["title"] for e in support] == ["<b>supports</b><br>Tasks: 4"]


@pytest.mark.parametrize(
    ("max_nodes", "problem"),
    [
        (
            4,
            "the graph has 13 nodes even with tasks and plans folded into documents and a view draws at most 4",
        ),
        (
            2,
            "the graph has 2 documents and a view draws at most 2 nodes even with tasks folded into documents",
        ),
    ],
    ids=["too big even folded", "more documents than the budget"],
)
def test_too_big_even_folded_asks_for_a_filter(G, max_nodes, problem):
    with pytest.raises(viz.ViewError) as err:
        viz.whole_graph_view(G, max_nodes=max_nodes)
    assert str(err.value) == f"{problem}; narrow it with a filter (plan=, doc= or level=)"


def test_ego_view_shows_tasks_partners_and_leaders(G):
    view = viz.ego_view(G, "青山县财政局")
    assert len(_ids(view, "Task")) == 5
    assert _ids(view, "Leader") == ["leader:青山县:李明", "leader:青山县:王志强"]
    assert _ids(view, "Agency") == [
        "agency:青山县住房城乡建设局", "agency:青山县发展改革局", "agency:青山县水务局",
        "agency:青山县自然资源局", "agency:青山县财政局",
    ]  # fmt: skip
    assert _ids(view, "Document") == []
    center = view.node_map["agency:青山县财政局"]
    assert (center["borderWidth"], center["color"]["border"]) == (4, "#000000")


def test_ego_view_one_hop_is_the_agencys_own_tasks(G):
    view = viz.ego_view(G, "agency:云岭州水务局", hops=1)
    assert sorted(n["id"] for n in view.nodes) == [
        "agency:云岭州水务局",
        "plan:yunling-2025:1",
        "task:yunling-2025:1",
    ]


def test_ego_view_of_unknown_agency(G):
    with pytest.raises(viz.ViewError) as err:
        viz.ego_view(G, "白云县财政局")
    assert str(err.value) == (
        "no agency '白云县财政局' in the graph; pass its id (agency:<canonical name>) or canonical name"
    )


def test_coresponsibility_edges_count_shared_tasks(G):
    view = viz.coresponsibility_view(G)
    assert len(view.nodes) == 9
    shared = {(e["from"], e["to"]): e["shared"] for e in view.edges}
    assert shared[("agency:青山县发展改革局", "agency:青山县财政局")] == 3
    assert shared[("agency:云岭州财政局", "agency:青山县水务局")] == 1
    assert len(shared) == 11
    assert max(e["width"] for e in view.edges) == 8.0


def test_coresponsibility_communities_split_the_two_places(G):
    A = viz.coresponsibility_graph(G)
    community = nx_communities(A)
    assert community["agency:青山县财政局"] == community["agency:青山县发展改革局"]
    assert community["agency:云岭州财政局"] == community["agency:云岭州农业农村局"]
    assert community["agency:青山县财政局"] != community["agency:云岭州农业农村局"]


def nx_communities(A):
    return {n: A.nodes[n]["community"] for n in A.nodes}


def test_write_html_writes_the_page(G, tmp_path):
    path = viz.write_html(viz.coresponsibility_view(G), tmp_path / "sub" / "co.html")
    assert path == tmp_path / "sub" / "co.html"
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_write_html_to_a_folder_that_cannot_exist(G, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(viz.ViewError, match=r"^cannot write .*file/co\.html"):
        viz.write_html(viz.coresponsibility_view(G), blocker / "co.html")


def test_big_ego_view_folds_tasks_into_plans(G):
    view = viz.ego_view(G, "青山县财政局", max_nodes=10, lang="en")
    assert len(view.nodes) == 9 and _ids(view, "Task") == []
    assert view.notes[0].startswith("Too many tasks to draw one by one")
    assert [r["text"] for r in view.legend][0] == "Plan (size = tasks)"


def test_ego_view_too_big_even_folded(G):
    with pytest.raises(viz.ViewError) as err:
        viz.ego_view(G, "青山县财政局", max_nodes=5)
    assert str(err.value) == (
        "9 nodes lie within 2 steps of 青山县财政局 even with tasks folded into plans, "
        "and a view draws at most 5; ask for fewer hops"
    )


@pytest.mark.parametrize(
    "module",
    [viz.calendar, viz.layout, viz.page, viz.style, viz.tooltips],
    ids=lambda m: m.__name__,
)
def test_module_doctests(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert (result.failed, result.attempted > 0) == (0, True)


# ---- the analyst's workspace: panel records, source pages, matrix, layout, languages ----


def test_task_details_name_units_officials_and_source(G):
    view = viz.whole_graph_view(G, lang="en")
    record = view.details["task:qingshan-2025:1"]
    assert record["heading"] == "建立园区重点项目库，实行清单化管理。"
    lists = {group["label"]: group["items"] for group in record["lists"]}
    # drawn nodes are named by id alone: the page has their text
    assert lists["Lead units"] == [["agency:青山县发展改革局"]]
    assert lists["Supporting units"] == [["agency:青山县财政局"], ["agency:青山县自然资源局"]]
    assert lists["Lead officials"] == [["leader:青山县:李明"]]
    assert record["source"] == {
        "doc": "qingshan-2025",
        "line": 11,
        "ref": "qingshan-2025.txt:11",
        "title": "青山县2025年园区经济攻坚行动方案",
    }
    assert ["Deadline", "2025年3月底前 (2025-03-31)"] in record["rows"]


def test_agency_details_list_spellings_partners_and_tasks(G):
    record = viz.whole_graph_view(G).details["agency:青山县水务局"]
    lists = {group["label"]: group["items"] for group in record["lists"]}
    assert [text for _, text in lists["写法"]] == ["县水利局", "青山县水务局"]
    # drawn partners and tasks are named by id, with the shared-task count or the role as a note
    assert lists["合作单位"][0] == ["agency:云岭州水务局", None, "×1"]
    assert lists["任务"] == [["task:qingshan-2025:5", None, "L"], ["task:yunling-2025:1", None, "S"]]
    assert ["牵头", "1"] in record["rows"] and ["工作量", "1.5"] in record["rows"]


def test_folded_plan_details_still_list_their_tasks(G):
    view = viz.whole_graph_view(G, max_nodes=12, lang="en")
    lists = {g["label"]: g["items"] for g in view.details["plan:qingshan-2025:2"]["lists"]}
    assert [i[0] for i in lists["Tasks"]] == ["task:qingshan-2025:4", "task:qingshan-2025:5"]
    assert lists["Tasks"][0][1] == "开展闲置土地专项清理。"  # not drawn: the text travels with the item
    assert lists["Units"][0] == ["agency:青山县财政局", None, "L0/S2"]


def test_search_terms_hold_every_spelling(G):
    view = viz.whole_graph_view(G)
    assert view.node_map["agency:青山县水务局"]["search"] == ["县水利局", "青山县水务局"]


def test_layout_is_precomputed_and_the_same_every_time(G):
    first, second = viz.whole_graph_view(G), viz.whole_graph_view(G)
    positions = [{n["id"]: (n["x"], n["y"]) for n in v.nodes} for v in (first, second)]
    assert positions[0] == positions[1] and len(positions[0]) == 25
    assert first.options["physics"]["enabled"] is False


def test_only_the_busiest_agencies_carry_a_label(G, monkeypatch):
    import zeren.viz.draw as draw

    monkeypatch.setattr(draw, "LABELLED_AGENCIES", 3)
    view = viz.whole_graph_view(G, lang="en")
    labelled = sorted(n["id"] for n in view.nodes if n["kind"] == "Agency" and n["label"].strip())
    # loads 3.0, 2.0, then 1.5 twice: the tie goes to the smaller id
    assert labelled == ["agency:云岭州农业农村局", "agency:青山县发展改革局", "agency:青山县财政局"]
    assert view.notes[-1] == "Only the 3 busiest agencies are labelled; hover the others for their names."


def test_matrix_marks_leads_and_supports_by_unit(G):
    matrix = viz.matrix_view(G, "园区项目建设攻坚", lang="en")
    assert matrix.title == "园区项目建设攻坚 · responsibility matrix"
    assert [u["name"] for u in matrix.units] == [
        "王志强", "青山县财政局", "青山县发展改革局", "青山县住房城乡建设局", "李明", "青山县自然资源局",
    ]  # fmt: skip
    assert [r["marks"] for r in matrix.rows] == [
        ["", "S", "L", "", "L", "S"],
        ["L", "S", "", "L", "", ""],
        ["L", "L", "S", "", "", ""],
    ]
    html = matrix.generate_html()
    assert html.count('<td class="m L">L</td>') == 6 and html.count('<td class="m S">S</td>') == 4


def test_matrix_of_unknown_plan_is_a_clear_error(G):
    with pytest.raises(viz.ViewError, match=r"^no plan '不存在' in the graph"):
        viz.matrix_view(G, "不存在")


def test_source_pages_escape_the_text_and_number_its_lines(G, tmp_path):
    docs = tmp_path / "in"
    (docs / "sub").mkdir(parents=True)
    (docs / "sub" / "qingshan-2025.txt").write_text(f"标题\n\n{HOSTILE}\n", encoding="utf-8")
    G = G.copy()
    G.nodes["doc:qingshan-2025"]["path"] = "sub/qingshan-2025.txt"
    G.nodes["doc:yunling-2025"]["path"] = "yunling-2025.txt"  # not on disk: no page, no error
    files = viz.source_files(G, [docs])
    assert files == {"qingshan-2025": docs / "sub" / "qingshan-2025.txt"}
    out = tmp_path / "out"
    links = viz.write_source_pages(files, out, titles={"qingshan-2025": "青山县方案"}, lang="en")
    assert links == {"qingshan-2025": "sources/qingshan-2025.html"}
    page = (out / "sources" / "qingshan-2025.html").read_text(encoding="utf-8")
    assert "<title>青山县方案 · source text</title>" in page
    assert '<tr id="L3">' in page and HOSTILE not in page and "&lt;script&gt;" in page
    assert page.count("<tr id=") == 3


def test_write_html_with_sources_links_the_tasks(G, tmp_path):
    (tmp_path / "qingshan-2025.txt").write_text("一\n" * 20, encoding="utf-8")
    G = G.copy()
    G.nodes["doc:qingshan-2025"]["path"] = "qingshan-2025.txt"
    view = viz.whole_graph_view(G)
    viz.write_html(view, tmp_path / "out" / "whole.html", sources=viz.source_files(G, [tmp_path]))
    assert view.source_links == {"qingshan-2025": "sources/qingshan-2025.html"}
    page = (tmp_path / "out" / "sources" / "qingshan-2025.html").read_text(encoding="utf-8")
    assert "<title>青山县2025年园区经济攻坚行动方案 · 原文</title>" in page


def test_every_view_string_exists_in_both_languages():
    from zeren.viz.i18n import MESSAGES, messages

    keys = [k for k in MESSAGES if k.startswith("view.")]
    assert len(keys) > 80 and all(MESSAGES[k][0] and MESSAGES[k][1] for k in keys)
    assert set(messages("zh", "view.")) == set(messages("en", "view."))
    with pytest.raises(viz.ViewError, match="unknown language 'fr'"):
        viz.whole_graph_view(sample_graph(), lang="fr")


def test_cli_writes_a_matrix_with_source_pages(tmp_path, samples_dir):
    from click.testing import CliRunner

    from zeren.cli import cli

    out = tmp_path / "matrix.html"
    plan = "plan:qingshan-2025-park-campaign:1"
    result = CliRunner().invoke(
        cli, ["viz", str(samples_dir), "--view", "matrix", "--plan", plan, "--lang", "en", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "responsibility matrix" in html and 'href="sources/' in html
    assert (tmp_path / "sources").is_dir()


def test_year_and_jurisdiction_filters_come_from_the_drawn_items(G):
    G = G.copy()
    G.nodes["doc:yunling-2025"]["date"] = "2024-05-01"
    view = viz.whole_graph_view(G)
    assert view.filters["year"] == [("2024", "2024"), ("2025", "2025")]
    assert view.node_map["task:yunling-2025:1"]["years"] == ["2024"]
    assert view.node_map["agency:云岭州水务局"]["jurisdiction"] == "云岭州"
    assert viz.whole_graph_view(sample_graph()).filters["year"] == []  # one year: no drop-down
