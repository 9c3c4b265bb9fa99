"""Bulk import: `zeren neo4j import` writes admin-import CSVs and loads them into a local server.

Runs a second, small server of its own (scripts/neo4j-server with its own state
folder), since the import replaces the whole database.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from neo4j_fixtures import small_graph
from test_query_parity import cases, normalised

from zeren.graph.io import save_graph
from zeren.graph.neo4j_store import connect, count_graph, write_import_csvs
from zeren.queries import QUERIES, run_query

ROOT = Path(__file__).resolve().parent.parent


def test_the_csvs_hold_every_node_and_relationship_once(tmp_path):
    G = small_graph()
    write_import_csvs(G, tmp_path)
    nodes = sum(len(p.read_text(encoding="utf-8").splitlines()) - 1 for p in tmp_path.glob("nodes-*.csv"))
    rels = sum(len(p.read_text(encoding="utf-8").splitlines()) - 1 for p in tmp_path.glob("rels-*.csv"))
    assert (nodes, rels) == (G.number_of_nodes(), G.number_of_edges())
    header = (tmp_path / "nodes-Task.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("id:ID(Task),") and "line:long" in header and "ongoing:boolean" in header


@pytest.mark.neo4j
@pytest.mark.slow
def test_import_into_a_local_server_answers_like_networkx(tmp_path):
    if not shutil.which("mvn") or not shutil.which("javac"):
        pytest.skip("no mvn/javac to run a local Neo4j")
    home = tmp_path / "neo4j"
    home.mkdir()
    G = small_graph()
    graph = save_graph(G, tmp_path / "g.json")
    env = {**os.environ, "ZEREN_NEO4J_HOME": str(home), "ZEREN_NEO4J_HEAP": "1g"}
    env["ZEREN_NEO4J_PAGECACHE"] = str(64 * 1024**2)
    # the classpath resolved for the main test server is reused (no second Maven run)
    for name in ("classpath", "classes", "build.stamp"):
        source = ROOT / ".neo4j" / name
        if source.is_dir():
            shutil.copytree(source, home / name)
        elif source.is_file():
            shutil.copy(source, home / name)
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "zeren",
                "neo4j",
                "import",
                graph,
                "-o",
                tmp_path / "csv",
                "--server-home",
                home,
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=900,
        )
        assert done.returncode == 0, done.stderr
        assert f"Imported {G.number_of_nodes()} nodes and {G.number_of_edges()} relationships" in done.stderr
        settings = dict(
            line.removeprefix("export ").split("=", 1) for line in (home / "env").read_text().splitlines()
        )
        driver = connect(settings["NEO4J_URI"], settings["NEO4J_USER"], settings["NEO4J_PASSWORD"])
        try:
            assert count_graph(driver) == {"nodes": G.number_of_nodes(), "relationships": G.number_of_edges()}
            constraints = driver.execute_query("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS c")
            assert "zeren_task_id" in constraints.records[0]["c"]
            for name in QUERIES:
                for params in cases(G, name):
                    expected = normalised(run_query(name, G, **params))
                    assert normalised(run_query(name, driver, backend="neo4j", **params)) == expected, name
        finally:
            driver.close()
    finally:
        subprocess.run(["bash", str(ROOT / "scripts" / "neo4j-server"), "stop"], env=env, timeout=120)
