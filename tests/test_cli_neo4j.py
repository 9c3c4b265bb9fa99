"""The Neo4j path as a user takes it: push a built graph, then ask the same questions of the server."""

from __future__ import annotations

import json

import pytest
from neo4j_fixtures import zeren

pytestmark = pytest.mark.neo4j


def test_push_then_query_gives_the_embedded_tables(neo4j_driver, neo4j_env, seeds_dir, tmp_path):
    graph = tmp_path / "graph.json"
    assert zeren("build", seeds_dir, "-o", graph, env={}).returncode == 0
    pushed = zeren("neo4j", "push", graph, "--clear", env=neo4j_env)
    assert pushed.returncode == 0, pushed.stderr
    assert pushed.stderr.strip().endswith("relationships") and "Pushed " in pushed.stderr
    assert neo4j_env["NEO4J_PASSWORD"] not in pushed.stderr + pushed.stdout
    for command in (["workload"], ["leader-workload"], ["hotspots", "--top", "10"], ["gaps"]):
        embedded = zeren(*command, graph, "--format", "json", env={})
        served = zeren(*command, "--backend", "neo4j", "--format", "json", env=neo4j_env)
        assert served.returncode == 0, served.stderr
        assert json.loads(served.stdout) == json.loads(embedded.stdout), command


def test_a_wrong_password_is_one_line_and_never_echoed(neo4j_driver, neo4j_env):
    wrong = {**neo4j_env, "NEO4J_PASSWORD": "not-the-password-3141"}
    result = zeren("workload", "--backend", "neo4j", env=wrong)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ")
    assert "not-the-password-3141" not in result.stderr
