"""Graph files: the native node-link JSON, and GraphML/GEXF exports."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from bad_files import error_reading

from zeren.errors import GraphFileError
from zeren.graph.build import build_graph
from zeren.graph.io import export_graph, load_graph, save_graph
from zeren.loaders.extract import extract_file
from zeren.loaders.records import Document, Extraction, Plan, Task


def sample() -> nx.MultiDiGraph:
    doc = Document("qs", "/corpus/qs.txt", title="青山县方案", jurisdiction="青山县", level="county")
    task = Task(
        "qs", "青山县方案", "修路。", leads=("县交通运输局",), supports=("县财政局",), leaders=("李明",)
    )
    return build_graph([Extraction(doc, [Plan("qs", "青山县方案")], [task])])


def test_save_and_load_round_trip(tmp_path):
    G = sample()
    path = save_graph(G, tmp_path / "g.json")
    H = load_graph(path)
    assert isinstance(H, nx.MultiDiGraph)
    assert list(H.nodes(data=True)) == list(G.nodes(data=True))
    assert list(H.edges(keys=True, data=True)) == list(G.edges(keys=True, data=True))


def test_saved_file_is_readable_json_with_a_header(tmp_path):
    path = save_graph(sample(), tmp_path / "g.json")
    text = path.read_text(encoding="utf-8")
    assert "青山县交通运输局" in text  # Chinese kept, not \u-escaped
    data = json.loads(text)
    assert data["zeren_graph"] == 1
    assert (data["directed"], data["multigraph"]) == (True, True)
    assert {link["key"] for link in data["links"]} == {"CONTAINS", "HAS_TASK", "LEADS", "SUPPORTS"}


@pytest.mark.parametrize("content", ['{"nodes": [], "links": []}', "not json at all", "[1, 2]"])
def test_wrong_file_is_refused(tmp_path, content):
    path = tmp_path / "other.json"
    assert error_reading(load_graph, path, content, GraphFileError) == f"{path}: not a Zeren graph file"


def test_newer_version_is_refused(tmp_path):
    path = tmp_path / "g.json"
    content = '{"zeren_graph": 2, "nodes": [], "links": []}'
    message = error_reading(load_graph, path, content, GraphFileError)
    assert message == f"{path}: Zeren graph file version 2 (this Zeren reads 1)"


def test_missing_file(tmp_path):
    path = tmp_path / "none.json"
    assert error_reading(load_graph, path, None, GraphFileError) == f"{path}: no such graph file"


def test_graphml_export_encodes_lists_and_drops_none(tmp_path):
    G = sample()
    path = export_graph(G, tmp_path / "g.graphml")
    H = nx.read_graphml(path, force_multigraph=True)
    assert H.number_of_nodes() == G.number_of_nodes()
    assert H.number_of_edges() == G.number_of_edges()
    agency = H.nodes["agency:青山县财政局"]
    assert json.loads(agency["spellings"]) == ["县财政局"]
    task = H.nodes["task:qs:1"]
    assert "deadline" not in task and "deadline_end" not in task
    assert task["text"] == "修路。"
    keys = {(u, v): k for u, v, k in H.edges(keys=True)}
    assert keys[("agency:青山县交通运输局", "task:qs:1")] == "LEADS"


def test_gexf_export_keeps_edge_kinds_and_labels(tmp_path):
    path = export_graph(sample(), tmp_path / "g.gexf")
    H = nx.read_gexf(path)
    assert H.nodes["agency:青山县财政局"]["label"] == "青山县财政局"
    assert json.loads(H.nodes["doc:qs"]["announced_plans"]) == []
    kinds = {(u, v): d["kind"] for u, v, d in H.edges(data=True)}
    assert kinds[("agency:青山县财政局", "task:qs:1")] == "SUPPORTS"
    assert kinds[("leader:青山县:李明", "task:qs:1")] == "LEADS"


def test_json_export_is_the_native_file(tmp_path):
    path = export_graph(sample(), tmp_path / "g.JSON")
    assert load_graph(path).number_of_nodes() == 6


def test_unknown_suffix_is_refused(tmp_path):
    with pytest.raises(GraphFileError) as err:
        export_graph(sample(), tmp_path / "g.dot")
    assert (
        str(err.value) == f"{tmp_path / 'g.dot'}: unknown graph format '.dot'; use .json, .graphml or .gexf"
    )


def test_seed_graph_round_trips_and_exports(seeds_dir, tmp_path):
    G = build_graph([extract_file(p) for p in sorted(seeds_dir.glob("*.txt"))])
    H = load_graph(save_graph(G, tmp_path / "seeds.json"))
    assert list(H.nodes(data=True)) == list(G.nodes(data=True))
    assert list(H.edges(keys=True, data=True)) == list(G.edges(keys=True, data=True))
    for suffix, read in ((".graphml", nx.read_graphml), (".gexf", nx.read_gexf)):
        exported = read(export_graph(G, tmp_path / f"seeds{suffix}"))
        assert exported.number_of_nodes() == G.number_of_nodes()
        assert exported.number_of_edges() == G.number_of_edges()


def test_saved_graph_holds_no_path_of_this_machine(tmp_path):
    from zeren.graph.build import build_graph
    from zeren.loaders.batch import extract_paths

    folder = tmp_path / "plans" / "county"
    folder.mkdir(parents=True)
    (folder / "p.txt").write_text(
        "青山县修路方案\n1.修路。(牵头单位:县交通局;责任单位:县财政局)\n", encoding="utf-8"
    )
    path = save_graph(build_graph(extract_paths([folder]).extractions), tmp_path / "g.json")
    text = path.read_text(encoding="utf-8")
    assert str(tmp_path) not in text
    assert '"p.txt:2"' in text or '"p.txt"' in text
