"""Pytest plugin: a real Neo4j for the tests that need one, and a small hand-checkable graph.

``neo4j_driver`` connects with ``NEO4J_URI``/``NEO4J_USER``/``NEO4J_PASSWORD``
or, when those are unset, the ``.neo4j/env`` that ``scripts/neo4j-server
start`` writes; it skips with the reason when no server answers. Tests clear
and reload the one database, so the fixture holds an exclusive file lock for
the test session: two test runs on one machine take turns instead of
overwriting each other's graph.
"""

from __future__ import annotations

import fcntl
import hashlib
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
import pytest

from zeren.graph.schema import (
    AGENCY,
    CONTAINS,
    DOCUMENT,
    HAS_TASK,
    LEADER,
    LEADS,
    PLAN,
    SUPPORTS,
    TASK,
    agency_id,
    doc_id,
    leader_id,
    plan_id,
    task_id,
)

ROOT = Path(__file__).resolve().parent.parent
ENV_FILE = ROOT / ".neo4j" / "env"
LOCK_WAIT = 900  # seconds another test run may hold the database


def neo4j_settings() -> dict[str, str]:
    """NEO4J_* from the environment, else from ``.neo4j/env`` (lines ``export KEY=value``)."""
    keys = ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD")
    found = {k: os.environ[k] for k in keys if os.environ.get(k)}
    if "NEO4J_URI" not in found and ENV_FILE.is_file():
        for line in ENV_FILE.read_text(encoding="utf-8").splitlines():
            key, _, value = line.removeprefix("export ").partition("=")
            if key in keys:
                found.setdefault(key, value.strip())
    return found


@pytest.fixture(scope="session")
def neo4j_env() -> dict[str, str]:
    settings = neo4j_settings()
    if "NEO4J_URI" not in settings:
        pytest.skip("no Neo4j configured: run scripts/neo4j-server start (or set NEO4J_URI)")
    return settings


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_env):
    from zeren.errors import BackendError
    from zeren.graph.neo4j_store import connect

    try:
        driver = connect(neo4j_env["NEO4J_URI"], neo4j_env.get("NEO4J_USER"), neo4j_env.get("NEO4J_PASSWORD"))
    except BackendError as err:
        pytest.skip(f"no Neo4j server reachable: {err}")
    tag = hashlib.sha1(neo4j_env["NEO4J_URI"].encode()).hexdigest()[:12]
    lock = open(Path(tempfile.gettempdir()) / f"zeren-neo4j-{tag}.lock", "w")  # noqa: SIM115
    deadline = time.monotonic() + LOCK_WAIT
    while True:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() > deadline:
                driver.close()
                lock.close()
                pytest.skip("the Neo4j test database stayed busy with another test run")
            time.sleep(1)
    try:
        yield driver
    finally:
        driver.close()
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()


def load_into(driver, G: nx.MultiDiGraph) -> None:
    """Replace the database's Zeren graph with ``G``."""
    from zeren.graph.neo4j_store import clear_graph, push_graph

    clear_graph(driver)
    push_graph(driver, G)


# --- a small graph in the schema's shape, every query's answer checkable by hand ---

QS, YL = "qs-2023", "yl-2024"


def add_agency(G, name, place, level, kind="government", docs=()):
    """An Agency node spelled one way; returns its id."""
    G.add_node(
        agency_id(name),
        kind=AGENCY,
        name=name,
        jurisdiction=place,
        level=level,
        agency_kind=kind,
        spellings=[name],
        docs=list(docs),
    )
    return agency_id(name)


def _task(G, doc, n, plan, title, text, deadline=None, end=None):
    tid = task_id(doc, n)
    G.add_node(
        tid,
        kind=TASK,
        name=text[:40],
        text=text,
        doc=doc,
        plan=title,
        plan_id=plan,
        section="",
        number=str(n),
        source=f"{doc}.txt",
        line=n,
        deadline=deadline,
        deadline_start=None,
        deadline_end=end,
        ongoing=False,
        recurring=False,
    )
    G.add_edge(plan, tid, key=HAS_TASK)
    return tid


def _role(G, holder, task, role, raw, position=0):
    G.add_edge(holder, task, key=role, raw=raw, position=position)


def small_graph() -> nx.MultiDiGraph:
    """Two invented documents: 青山县 2023 (one of two announced plans, five tasks) and 云岭州 2024."""
    G = nx.MultiDiGraph()
    G.add_node(
        doc_id(QS),
        kind=DOCUMENT,
        name="青山县园区攻坚通知",
        title="青山县园区攻坚通知",
        path=f"{QS}.txt",
        issuer="青山县人民政府办公室",
        jurisdiction="青山县",
        level="county",
        date="2023-05-01",
        announced_plans=["青山县园区攻坚方案", "青山县招商攻坚方案"],
        announced_count=2,
    )
    G.add_node(
        doc_id(YL),
        kind=DOCUMENT,
        name="云岭州营商环境通知",
        title="云岭州营商环境通知",
        path=f"{YL}.txt",
        issuer="云岭州人民政府办公室",
        jurisdiction="云岭州",
        level="prefecture",
        date="2024-02-01",
        announced_plans=[],
        announced_count=None,
    )
    pq, py = plan_id(QS, 1), plan_id(YL, 1)
    tq, ty = "青山县园区攻坚方案", "云岭州营商环境行动方案"
    G.add_node(
        pq,
        kind=PLAN,
        name=tq,
        title=tq,
        doc=QS,
        targets=["到2025年园区产值突破百亿元", "新增规上企业20户"],
        mentions=["县财政局", "县档案馆"],
    )
    G.add_node(py, kind=PLAN, name=ty, title=ty, doc=YL, targets=[], mentions=[])
    G.add_edge(doc_id(QS), pq, key=CONTAINS)
    G.add_edge(doc_id(YL), py, key=CONTAINS)
    fin = add_agency(G, "青山县财政局", "青山县", "county")
    hou = add_agency(G, "青山县住房城乡建设局", "青山县", "county")
    com = add_agency(G, "青山县商务局", "青山县", "county")
    res = add_agency(G, "青山县自然资源局", "青山县", "county")
    towns = add_agency(G, "青山县各乡镇人民政府", "青山县", "county", "collective")
    vague = add_agency(G, "青山县有关部门", "青山县", "county", "vague")
    dev = add_agency(G, "云岭州发展改革委", "云岭州", "prefecture")
    yfin = add_agency(G, "云岭州财政局", "云岭州", "prefecture")
    gov = add_agency(G, "云岭州政务服务局", "云岭州", "prefecture")
    li = leader_id("青山县", "李明")
    G.add_node(li, kind=LEADER, name="李明", jurisdiction="青山县")
    june = ("2023年6月底前", "2023-06-30")
    t1 = _task(G, QS, 1, pq, tq, "加快园区道路建设，完善基础设施配套。", *june)
    t2 = _task(G, QS, 2, pq, tq, "做好园区招商引资，新增规上企业。", *june)
    t3 = _task(G, QS, 3, pq, tq, "持续优化营商环境。")
    t4 = _task(G, QS, 4, pq, tq, "加强宣传引导。", "2023年12月底前", "2023-12-31")
    t5 = _task(G, QS, 5, pq, tq, "统筹推进园区数字化。", *june)
    y1 = _task(G, YL, 1, py, ty, "开展营商环境评价。")
    y2 = _task(G, YL, 2, py, ty, "推进政务服务一网通办。")
    _role(G, hou, t1, LEADS, "县住建局")
    _role(G, fin, t1, SUPPORTS, "县财政局")
    _role(G, res, t1, SUPPORTS, "县自然资源局", 1)
    _role(G, li, t1, LEADS, "李明")
    _role(G, com, t2, LEADS, "县商务局")
    _role(G, fin, t2, LEADS, "县财政局", 1)
    _role(G, hou, t2, SUPPORTS, "县住建局")
    _role(G, towns, t3, SUPPORTS, "各乡镇人民政府")
    _role(G, vague, t4, LEADS, "有关部门")
    _role(G, fin, t5, LEADS, "县财政局")
    _role(G, li, t5, LEADS, "李明")
    _role(G, dev, y1, LEADS, "州发展改革委")
    _role(G, yfin, y1, SUPPORTS, "州财政局")
    _role(G, gov, y2, LEADS, "州政务服务局")
    return G


@pytest.fixture
def query_graph() -> nx.MultiDiGraph:
    return small_graph()


def normalised(df) -> list[dict]:
    """Table rows comparable across backends: NaN and None alike, floats rounded, numpy scalars plain."""

    def cell(v):
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return None
        if isinstance(v, float):
            return round(v, 9)
        return v.item() if hasattr(v, "item") else v

    return [{k: cell(v) for k, v in row.items()} for row in df.to_dict("records")]


def zeren(*args, env: dict[str, str]) -> subprocess.CompletedProcess:
    """The zeren command in a subprocess, with ``env`` over this process's environment."""
    return subprocess.run(
        [sys.executable, "-m", "zeren", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **env},
    )
