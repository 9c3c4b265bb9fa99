"""A push streamed from a saved graph file: the reader (graph.stream) and what the server then holds."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from neo4j_fixtures import add_agency, small_graph

import zeren.graph.stream as stream
from zeren.errors import GraphFileError
from zeren.graph.io import save_graph
from zeren.graph.neo4j_store import clear_graph, count_graph, push_graph, push_graph_file
from zeren.graph.schema import LEADER, LEADS, SUPPORTS, agency_id
from zeren.graph.stream import check_graph_file, iter_graph_file


def odd_graph() -> nx.MultiDiGraph:
    """The small graph plus what a stream must not lose: ids that do not tell their kind, odd keys, nulls."""
    G = small_graph()
    add_agency(G, "青山县`档案馆", "青山县", "county", docs=["qs-2023"])
    G.nodes[agency_id("青山县`档案馆")]["odd`key"] = "值"
    G.add_node("张三-青山县", kind=LEADER, name="张三", jurisdiction="青山县")  # no "leader:" prefix
    G.add_node("agency:其实是领导", kind=LEADER, name="其实是领导", jurisdiction="青山县")
    G.add_edge("张三-青山县", "task:qs-2023:1", key=LEADS, raw="张三", position=0)
    G.add_edge("agency:其实是领导", "task:qs-2023:2", key=LEADS, raw="其实是领导", position=0)
    G.add_edge(agency_id("青山县`档案馆"), "task:qs-2023:3", key=SUPPORTS, raw="档案馆", position=None)
    G.nodes["task:qs-2023:3"]["extra"] = {"nested": [1, "二"]}
    G.nodes["task:qs-2023:4"]["empty"] = []
    G.nodes["task:qs-2023:4"]["big"] = 12345678901234
    return G


@pytest.mark.parametrize("chunk", [1, 7, 1 << 20])
def test_the_stream_yields_every_node_and_link_of_the_file(tmp_path, monkeypatch, chunk):
    G = odd_graph()
    path = save_graph(G, tmp_path / "g.json")
    monkeypatch.setattr(stream, "_CHUNK", chunk)  # values split across reads anywhere
    items = list(iter_graph_file(path))
    data = nx.node_link_data(G, edges="links")
    assert items == [("node", n) for n in data["nodes"]] + [("link", e) for e in data["links"]]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"zeren_graph": 1, "nodes": [{"id": "a"}, {"id": ', "damaged Zeren graph file"),
        ('{"zeren_graph": 1, "nodes": [{"id": "a"} {"id": "b"}]}', "damaged Zeren graph file"),
        ('{"zeren_graph": 1, "nodes": [3]}', "damaged Zeren graph file (a node that is not an object)"),
        ('{"nodes": []}', "not a Zeren graph file"),
        ("[1, 2]", "not a Zeren graph file"),
        ('{"zeren_graph": 7, "nodes": []}', "Zeren graph file version 7 (this Zeren reads 1)"),
    ],
)
def test_a_damaged_file_is_one_error_naming_it(tmp_path, text, message):
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GraphFileError) as err:
        list(iter_graph_file(path))
    assert str(err.value).startswith(f"{path}: {message}")


def test_the_header_check_reads_no_further(tmp_path):
    path = tmp_path / "g.json"
    path.write_text('{"zeren_graph": 1, "nodes": [oops', encoding="utf-8")
    check_graph_file(path)  # the damage is further on: found by the push, not here
    with pytest.raises(GraphFileError, match="no such graph file"):
        check_graph_file(tmp_path / "absent.json")


def _dump(driver) -> tuple[list, list]:
    nodes = driver.execute_query("MATCH (n) RETURN labels(n) AS l, properties(n) AS p").records
    rels = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p"
    ).records
    return (
        sorted((r["l"], json.dumps(r["p"], sort_keys=True, ensure_ascii=False)) for r in nodes),
        sorted(
            (r["a"], r["t"], r["b"], json.dumps(r["p"], sort_keys=True, ensure_ascii=False)) for r in rels
        ),
    )


@pytest.mark.neo4j
def test_a_streamed_push_holds_what_an_in_memory_merge_holds(neo4j_driver, tmp_path):
    G = odd_graph()
    path = save_graph(G, tmp_path / "g.json")
    clear_graph(neo4j_driver)
    out = push_graph_file(neo4j_driver, path, batch_size=2, workers=3)
    assert (out["created"], out["nodes"], out["relationships"]) == (
        True,
        G.number_of_nodes(),
        G.number_of_edges(),
    )
    created = _dump(neo4j_driver)
    assert count_graph(neo4j_driver) == {"nodes": G.number_of_nodes(), "relationships": G.number_of_edges()}
    again = push_graph(neo4j_driver, G)  # the MERGE path replaces every property with the graph's
    assert (again["created"], again["removed"]) == (False, 0)
    assert _dump(neo4j_driver) == created
    leaders = neo4j_driver.execute_query(
        "MATCH (l:Leader)-[:LEADS]->(t:Task) WHERE l.id IN $ids RETURN l.id AS l, t.id AS t ORDER BY l",
        ids=["agency:其实是领导", "张三-青山县"],
    ).records
    assert [(r["l"], r["t"]) for r in leaders] == [
        ("agency:其实是领导", "task:qs-2023:2"),
        ("张三-青山县", "task:qs-2023:1"),
    ]


@pytest.mark.neo4j
def test_a_file_pushed_into_a_populated_database_is_merged(neo4j_driver, tmp_path):
    G = small_graph()
    clear_graph(neo4j_driver)
    push_graph(neo4j_driver, G)
    G.remove_node("task:qs-2023:5")
    out = push_graph_file(neo4j_driver, save_graph(G, tmp_path / "g.json"))
    assert out["created"] is False and out["removed"] >= 1
    assert count_graph(neo4j_driver) == {"nodes": G.number_of_nodes(), "relationships": G.number_of_edges()}


@pytest.mark.neo4j
@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda d: d["links"].append(
                {"source": "agency:无此单位", "target": "task:qs-2023:1", "key": LEADS}
            ),
            "1 link(s) name a node it does not hold before its links",
        ),
        (
            lambda d: d["links"].append({"source": "某某", "target": "task:qs-2023:1", "key": LEADS}),
            "link '某某' -> 'task:qs-2023:1' names a node the file does not hold",
        ),
        (lambda d: d["nodes"].append({"id": "x", "kind": "Robot"}), "node 'x' has kind 'Robot'"),
    ],
)
def test_a_file_damaged_part_way_says_what_the_server_holds(neo4j_driver, tmp_path, edit, message):
    data = {"zeren_graph": 1, **nx.node_link_data(small_graph(), edges="links")}
    edit(data)
    path = tmp_path / "g.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    clear_graph(neo4j_driver)
    with pytest.raises(GraphFileError) as err:
        push_graph_file(neo4j_driver, path, batch_size=4)
    assert str(err.value).startswith(f"{path}: {message}")
    assert str(err.value).endswith("the server holds what came before it (push the mended file again)")
