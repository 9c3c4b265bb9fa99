"""scripts/neo4j-server: usage, status, and a real start/stop cycle in a throwaway state folder."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "neo4j-server"


def run(*args: str, home: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", str(SCRIPT), *args],
        env={**os.environ, "ZEREN_NEO4J_HOME": str(home), **env},
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_usage_and_status_when_stopped(tmp_path):
    out = run("frobnicate", home=tmp_path)
    assert (out.returncode, out.stderr) == (
        2,
        "usage: scripts/neo4j-server start|stop|status|build|import DIR\n",
    )
    out = run("status", home=tmp_path)
    assert (out.returncode, out.stdout) == (3, "neo4j-server: not running\n")
    out = run("stop", home=tmp_path)
    assert (out.returncode, out.stdout) == (0, "neo4j-server: not running\n")


@pytest.mark.slow
@pytest.mark.neo4j
def test_start_writes_a_private_env_file_and_stop_closes_the_port(tmp_path):
    if not (shutil.which("mvn") and shutil.which("javac")):
        pytest.skip("mvn and a JDK are needed to run a Neo4j server")
    from zeren.graph.neo4j_store import connect

    home = tmp_path / "neo4j"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    out = run(
        "start",
        home=home,
        NEO4J_BOLT_PORT=str(port),
        ZEREN_NEO4J_HEAP="1g",
        ZEREN_NEO4J_PAGECACHE="134217728",
    )
    if out.returncode != 0 and "maven failed" in out.stderr:
        pytest.skip("Maven Central not reachable to fetch Neo4j")
    try:
        assert out.returncode == 0, out.stderr
        env_file = home / "env"
        assert stat.S_IMODE(env_file.stat().st_mode) == 0o600
        lines = env_file.read_text(encoding="utf-8").splitlines()
        settings = dict(line.removeprefix("export ").split("=", 1) for line in lines)
        assert settings["NEO4J_URI"] == f"bolt://127.0.0.1:{port}"
        assert settings["NEO4J_PASSWORD"] not in out.stdout + out.stderr
        driver = connect(settings["NEO4J_URI"], settings["NEO4J_USER"], settings["NEO4J_PASSWORD"])
        try:
            assert driver.execute_query("RETURN 'ok' AS x").records[0]["x"] == "ok"
        finally:
            driver.close()
        assert run("status", home=home).stdout.startswith("neo4j-server: running (pid ")
    finally:
        stopped = run("stop", home=home)
    assert stopped.stdout == "neo4j-server: stopped\n"
    assert not (home / "env").exists()
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", port)) != 0
