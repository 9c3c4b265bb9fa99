"""graph.neo4j_store on a real Neo4j: connecting, idempotent and interrupted pushes, injection-proof values."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from neo4j_fixtures import add_agency, load_into, small_graph

from zeren.errors import BackendError
from zeren.graph.neo4j_store import clear_graph, connect, count_graph, push_graph
from zeren.graph.schema import AGENCY, LEADS, PLAN, agency_id
from zeren.queries import run_query

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_server_that_is_down_is_a_backend_error():
    port = free_port()
    with pytest.raises(BackendError) as err:
        connect(f"bolt://127.0.0.1:{port}", "neo4j", "whatever")
    assert str(err.value) == f"Neo4j is not reachable at bolt://127.0.0.1:{port} (is the server running?)"


def test_a_bad_uri_is_a_backend_error():
    with pytest.raises(BackendError) as err:
        connect("http://127.0.0.1:1", "neo4j", "x")
    assert str(err.value) == (
        "bad Neo4j URI 'http://127.0.0.1:1': the scheme must be one of "
        "bolt, bolt+s, bolt+ssc, neo4j, neo4j+s, neo4j+ssc"
    )


@pytest.mark.neo4j
def test_a_refused_password_is_a_backend_error_without_the_password(neo4j_driver, neo4j_env):
    uri = neo4j_env["NEO4J_URI"]
    with pytest.raises(BackendError) as err:
        connect(uri, "neo4j", "not-the-password-42")
    assert str(err.value) == (
        f"Neo4j at {uri} refused the credentials of user 'neo4j' (check NEO4J_USER/NEO4J_PASSWORD)"
    )
    assert "not-the-password-42" not in str(err.value)


@pytest.mark.neo4j
def test_connect_reads_the_environment(neo4j_driver, neo4j_env, monkeypatch):
    for key, value in neo4j_env.items():
        monkeypatch.setenv(key, value)
    driver = connect()
    try:
        assert driver.execute_query("RETURN 1 AS one").records[0]["one"] == 1
    finally:
        driver.close()


@pytest.mark.neo4j
def test_pushing_twice_leaves_one_copy(neo4j_driver):
    G = small_graph()
    clear_graph(neo4j_driver)
    first = push_graph(neo4j_driver, G, batch_size=3)
    second = push_graph(neo4j_driver, G, batch_size=3)
    assert (first["nodes"], first["relationships"], first["created"]) == (21, 23, True)
    assert (second["nodes"], second["relationships"], second["created"], second["removed"]) == (
        21,
        23,
        False,
        0,
    )
    G2 = G.copy()
    G2.add_node(agency_id("青山县统计局"), kind=AGENCY, name="青山县统计局", docs=["qs-2023"])  # no task
    assert push_graph(neo4j_driver, G2)["removed"] == 0
    assert push_graph(neo4j_driver, G2)["removed"] == 0  # an identical re-push removes nothing
    clear_graph(neo4j_driver)
    push_graph(neo4j_driver, G)
    assert count_graph(neo4j_driver) == {"nodes": G.number_of_nodes(), "relationships": G.number_of_edges()}
    record = neo4j_driver.execute_query(
        "MATCH (a:Agency {id: $id})-[r:LEADS]->(t:Task {id: $t}) RETURN a.spellings AS s, r.raw AS raw, "
        "r.position AS pos, t.deadline_end AS end, t.ongoing AS ongoing",
        id=agency_id("青山县财政局"),
        t="task:qs-2023:2",
    ).records
    assert [dict(r) for r in record] == [
        {"s": ["青山县财政局"], "raw": "县财政局", "pos": 1, "end": "2023-06-30", "ongoing": False}
    ]


@pytest.mark.neo4j
def test_clear_graph_leaves_other_labels_alone(neo4j_driver):
    load_into(neo4j_driver, small_graph())
    neo4j_driver.execute_query("CREATE (:ZerenTestOther {id: 'keep'})")
    try:
        clear_graph(neo4j_driver, batch_size=4)
        assert count_graph(neo4j_driver) == {"nodes": 0, "relationships": 0}
        kept = neo4j_driver.execute_query("MATCH (n:ZerenTestOther) RETURN n.id AS id").records
        assert [r["id"] for r in kept] == ["keep"]
    finally:
        neo4j_driver.execute_query("MATCH (n:ZerenTestOther) DELETE n")


PUSHER = """
import sys
from zeren.graph.neo4j_store import connect, push_graph
from zeren.graph.synthetic import synthetic_graph
G = synthetic_graph(int(sys.argv[1]), seed=3)
print("generated", flush=True)
push_graph(connect(), G, batch_size=500)
print("done", flush=True)
"""


@pytest.mark.neo4j
@pytest.mark.slow
def test_a_push_killed_midway_then_pushed_again_leaves_one_copy(neo4j_driver, neo4j_env):
    from zeren.graph.synthetic import synthetic_graph

    n_tasks = 8000
    clear_graph(neo4j_driver)
    env = {**os.environ, **neo4j_env}
    proc = subprocess.Popen(
        [sys.executable, "-c", PUSHER, str(n_tasks)], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().strip() == "generated"
        deadline = time.monotonic() + 60
        while count_graph(neo4j_driver)["nodes"] < 1000 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert proc.poll() is None, "the push finished before it could be interrupted"
        proc.kill()
    finally:
        proc.kill()
        proc.wait(timeout=30)
    G = synthetic_graph(n_tasks, seed=3)
    partial = count_graph(neo4j_driver)
    assert 0 < partial["nodes"] + partial["relationships"] < G.number_of_nodes() + G.number_of_edges()
    push_graph(neo4j_driver, G)
    assert count_graph(neo4j_driver) == {"nodes": G.number_of_nodes(), "relationships": G.number_of_edges()}


NASTY = [
    "青山县'}) DETACH DELETE n //局",
    '云岭州"; MATCH (n) DETACH DELETE n; //',
    "$rows` {id: 1}) RETURN 1 //",
    "反斜杠\\'局\\\\",
]


@pytest.mark.neo4j
def test_injection_strings_are_stored_and_returned_as_plain_text(neo4j_driver):
    G = small_graph()
    task = "task:qs-2023:3"
    for i, name in enumerate(NASTY):
        add_agency(G, name, "青山县", "county")
        G.add_edge(agency_id(name), task, key=LEADS, raw=name, position=i)
    plan = "plan:qs-2023:1"
    G.nodes[plan]["title"] = G.nodes[plan]["name"] = NASTY[1]
    load_into(neo4j_driver, G)
    assert count_graph(neo4j_driver) == {"nodes": G.number_of_nodes(), "relationships": G.number_of_edges()}
    for name in NASTY:
        df = run_query("agency", neo4j_driver, backend="neo4j", agency=name)
        assert list(zip(df["name"], df["as_written"], df["task"], strict=True)) == [(name, name, task)]
    titles = neo4j_driver.execute_query("MATCH (p:Plan {id: $id}) RETURN p.title AS t", id=plan).records
    assert [r["t"] for r in titles] == [NASTY[1]]
    by_title = run_query("gaps_idle_mentions", neo4j_driver, backend="neo4j", plan=NASTY[1])
    assert list(by_title["title"]) == [NASTY[1]]
    assert G.nodes[plan]["kind"] == PLAN
