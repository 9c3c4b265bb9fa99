"""Neo4j findings of the hardening issue (#12, rows 8–11) and index use, each reproduced first.

8: credentials in a URI never echoed, the env file 0600, empty settings refused;
9: a push makes the server hold what the file holds for its documents;
10: a push that loses the server prints one ``Error:`` line, no driver noise;
11: both backends sort strings in one order (UTF-16 code units);
and EXPLAIN shows index seeks for lookups by agency, document and plan.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import threading
from pathlib import Path

import pytest
from neo4j_fixtures import add_agency, load_into, normalised, small_graph, zeren

from zeren.errors import BackendError
from zeren.graph.io import save_graph
from zeren.graph.neo4j_store import clear_graph, connect, count_graph, push_graph, redact
from zeren.graph.schema import LEADS, SUPPORTS, agency_id
from zeren.queries import run_query
from zeren.queries._run import cypher_text

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- 8: credentials and settings ---


def test_a_password_in_the_uri_is_never_echoed():
    uri = f"bolt://u:S3cret-pw@127.0.0.1:{free_port()}"
    with pytest.raises(BackendError) as err:
        connect(uri, "neo4j", "x")
    assert "S3cret-pw" not in str(err.value)
    assert "u:***@127.0.0.1" in str(err.value)
    with pytest.raises(BackendError) as err:
        connect("http://u:S3cret-pw@127.0.0.1:1", "neo4j", "x")
    assert "S3cret-pw" not in str(err.value)


def test_the_cli_never_echoes_a_password_in_the_uri(tmp_path):
    graph = save_graph(small_graph(), tmp_path / "g.json")
    uri = f"bolt://u:S3cret-pw@127.0.0.1:{free_port()}"
    result = zeren("neo4j", "push", graph, env={"NEO4J_URI": uri})
    assert result.returncode == 1
    assert "S3cret-pw" not in result.stderr + result.stdout
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: ")


def test_redact_keeps_uris_without_password():
    assert redact("at bolt://127.0.0.1:7687", "bolt://127.0.0.1:7687") == "at bolt://127.0.0.1:7687"
    assert redact("x bolt://a:b@h y", "bolt://a:b@h") == "x bolt://a:***@h y"


@pytest.mark.parametrize("name", ["NEO4J_URI", "NEO4J_USER"])
def test_an_empty_setting_is_refused(monkeypatch, name):
    monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{free_port()}")
    monkeypatch.setenv(name, "")
    with pytest.raises(BackendError, match=f"{name} is set but empty"):
        connect()


def test_the_cli_refuses_an_empty_uri(tmp_path):
    result = zeren("workload", "--backend", "neo4j", env={"NEO4J_URI": ""})
    assert result.returncode == 1
    assert result.stderr.strip() == "Error: NEO4J_URI is set but empty: give a value or unset it"


def test_the_env_file_is_written_0600_even_when_it_existed(tmp_path):
    env_file = tmp_path / "env"
    env_file.write_text("old\n", encoding="utf-8")
    env_file.chmod(0o644)
    script = ROOT / "scripts" / "neo4j-server"
    # the script's own write_env function, run alone
    subprocess.run(
        [
            "bash",
            "-c",
            f"source <(sed -n '/^write_env()/,/^}}/p' {script}); ENVFILE={env_file}; write_env 4242 pw",
        ],
        check=True,
        timeout=30,
    )
    assert env_file.stat().st_mode & 0o777 == 0o600
    assert "NEO4J_URI=bolt://127.0.0.1:4242" in env_file.read_text(encoding="utf-8")


# --- 9: a push makes the server match the file ---


def edited(G):
    """The small graph with a deadline removed, a LEADS edge and a task deleted."""
    G = G.copy()
    G.nodes["task:qs-2023:1"]["deadline"] = None
    G.nodes["task:qs-2023:1"]["deadline_end"] = None
    G.remove_edge(agency_id("青山县财政局"), "task:qs-2023:2", key=LEADS)
    G.remove_node("task:qs-2023:4")
    G.remove_node(agency_id("青山县有关部门"))  # its only task is gone
    return G


@pytest.mark.neo4j
def test_a_re_push_of_an_edited_graph_leaves_exactly_the_file(neo4j_driver):
    G = small_graph()
    load_into(neo4j_driver, G)
    H = edited(G)
    out = push_graph(neo4j_driver, H)
    assert out["created"] is False and out["removed"] >= 3 and out["other_documents"] == 0
    assert count_graph(neo4j_driver) == {"nodes": H.number_of_nodes(), "relationships": H.number_of_edges()}
    record = neo4j_driver.execute_query(
        "MATCH (t:Task {id: 'task:qs-2023:1'}) RETURN t.deadline AS d, t.deadline_end AS e"
    ).records
    assert [dict(r) for r in record] == [{"d": None, "e": None}]
    for name in ("gaps_no_deadline", "workload", "hotspot_tasks"):
        a = run_query(name, H)
        b = run_query(name, neo4j_driver, backend="neo4j")
        assert normalised(a) == normalised(b), name


@pytest.mark.neo4j
def test_a_push_says_when_the_server_holds_other_documents(neo4j_driver):
    G = small_graph()
    qs = G.subgraph([n for n, a in G.nodes(data=True) if "yl-2024" not in n and a.get("doc") != "yl-2024"])
    yl_only = G.subgraph(
        [n for n, a in G.nodes(data=True) if "qs-2023" not in n and a.get("doc") != "qs-2023"]
    ).copy()
    clear_graph(neo4j_driver)
    push_graph(neo4j_driver, qs.copy())
    out = push_graph(neo4j_driver, yl_only)
    assert out["other_documents"] == 1
    # the other document is left alone
    held = neo4j_driver.execute_query("MATCH (t:Task) RETURN count(t) AS c").records[0]["c"]
    assert held == sum(1 for _, a in G.nodes(data=True) if a["kind"] == "Task")


@pytest.mark.neo4j
def test_cli_counts_and_gaps_agree_after_an_edited_re_push(neo4j_driver, neo4j_env, tmp_path):
    graph = save_graph(small_graph(), tmp_path / "g.json")
    assert zeren("neo4j", "push", graph, "--clear", env=neo4j_env).returncode == 0
    H = edited(small_graph())
    save_graph(H, graph)
    pushed = zeren("neo4j", "push", graph, env=neo4j_env)
    assert pushed.returncode == 0, pushed.stderr
    assert f"Pushed {H.number_of_nodes()} nodes and {H.number_of_edges()} relationships" in pushed.stderr
    assert count_graph(neo4j_driver) == {"nodes": H.number_of_nodes(), "relationships": H.number_of_edges()}
    embedded = zeren("gaps", graph, "--format", "json", env={})
    served = zeren("gaps", "--backend", "neo4j", "--format", "json", env=neo4j_env)
    assert served.stdout == embedded.stdout


# --- 10: one Error line when the server goes away ---


class CuttingProxy:
    """Forwards TCP to the server until ``limit`` bytes went up, then drops every connection."""

    def __init__(self, host: str, port: int, limit: int) -> None:
        self.target, self.limit, self.sent = (host, port), limit, 0
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.cut = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self.cut.is_set():
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            if self.cut.is_set():
                client.close()
                return
            server = socket.create_connection(self.target)
            threading.Thread(target=self._pipe, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(server, client, False), daemon=True).start()

    def _pipe(self, src, dst, upward: bool) -> None:
        try:
            while data := src.recv(65536):
                if upward:
                    self.sent += len(data)
                    if self.sent > self.limit:
                        self.cut.set()
                        self.sock.close()
                        break
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()


@pytest.mark.neo4j
def test_a_push_that_loses_the_server_prints_one_error_line(neo4j_driver, neo4j_env, tmp_path):
    from zeren.graph.synthetic import synthetic_graph

    graph = save_graph(synthetic_graph(3000, seed=5), tmp_path / "g.json")
    host, port = neo4j_env["NEO4J_URI"].rsplit("//", 1)[1].rsplit(":", 1)
    proxy = CuttingProxy(host, int(port), limit=400_000)
    env = {**neo4j_env, "NEO4J_URI": f"bolt://127.0.0.1:{proxy.port}"}
    result = zeren("neo4j", "push", graph, "--clear", env=env)
    assert proxy.cut.is_set()
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr


# --- 11: one string order on both backends ---


@pytest.mark.neo4j
def test_both_backends_order_strings_alike_for_every_character(neo4j_driver):
    """A CJK Extension B character (above U+FFFF) against a private-use one (U+E816)."""
    G = small_graph()
    plan = "plan:qs-2023:1"
    ext_b, private = "县\U0002aa36溪管委会", "县\ue816溪管委会"
    assert sorted([ext_b, private]) == [private, ext_b]  # by code point; UTF-16 puts ext_b first
    G.nodes[plan]["mentions"] = [private, ext_b]  # mentioned in the plan, holding none of its tasks
    for i, name in enumerate((private, ext_b)):
        add_agency(G, name, "青山县", "county", docs=["yl-2024"])
        G.add_edge(agency_id(name), "task:yl-2024:2", key=SUPPORTS, raw=name, position=i + 1)
    load_into(neo4j_driver, G)
    for name, params in (
        ("gaps_idle_mentions", {}),
        ("agency_pairs", {"n": None}),
        ("brokers", {"n": None}),
        ("workload", {}),
        ("hotspot_tasks", {}),
    ):
        embedded = normalised(run_query(name, G, **params))
        served = normalised(run_query(name, neo4j_driver, backend="neo4j", **params))
        assert embedded == served, name
    mentions = run_query("gaps_idle_mentions", G, plan=plan)["mention"].tolist()
    assert {ext_b, private} <= set(mentions)


# --- index seeks ---


def _operators(plan) -> set[str]:
    found = {plan.operator_type if hasattr(plan, "operator_type") else plan["operatorType"]}
    for child in plan.children if hasattr(plan, "children") else plan.get("children", []):
        found |= _operators(child)
    return {op.split("@")[0] for op in found}


@pytest.mark.neo4j
@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("agency", {"agency": "青山县财政局"}),
        ("gaps_no_deadline", {"doc": "qs-2023", "plan": None, "min_share": 0.5}),
        ("hotspot_tasks", {"doc": None, "plan": "plan:qs-2023:1", "n": 5}),
        ("gaps_idle_mentions", {"doc": "qs-2023", "plan": None}),
        ("gaps_missing_plans", {"doc": "qs-2023"}),
    ],
)
def test_lookups_by_agency_document_and_plan_use_index_seeks(neo4j_driver, name, params):
    load_into(neo4j_driver, small_graph())
    with neo4j_driver.session() as session:
        summary = session.run("EXPLAIN " + cypher_text(name), params).consume()
    operators = _operators(summary.plan)
    assert any("IndexSeek" in op for op in operators), sorted(operators)
