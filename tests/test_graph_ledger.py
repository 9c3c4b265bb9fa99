"""Task status from a supervision ledger: read (.csv, .xlsx), matched to tasks, counted per unit."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from zeren.errors import LoaderError
from zeren.graph.ledger import classify, match_ledger, read_ledger

ZEREN = [sys.executable, "-m", "zeren"]
BY = "baiyun-2025-rural-revitalisation"

# An invented ledger as a supervision office keeps it: a title row, then the header; task text
# abbreviated or reworded, one row by number only, one row about a task no plan has.
LEDGER = [
    ["白云县2025年乡村振兴重点任务落实情况台账（截至11月底）"],
    ["序号", "工作任务", "责任单位", "完成情况", "完成时间"],
    ["1", "稳定粮食生产，建设高标准农田2万亩", "县农业农村局", "已完成", "2025-09-30"],
    ["2", "巩固拓展脱贫攻坚成果", "县乡村振兴局", "正在推进，监测对象全部纳入帮扶", ""],
    ["3", "发展乡村特色产业，新建农产品初加工厂5个", "县农业农村局", "未启动", ""],
    ["4", "推进农村人居环境整治", "县住房和城乡建设局", "按计划实施", ""],
    ["9", "建设县城第二水厂", "县水务局", "已完成", "2025年6月底"],
]


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([*ZEREN, *map(str, args)], capture_output=True, text=True, timeout=300)


@pytest.fixture
def graph(samples_dir, tmp_path) -> Path:
    path = tmp_path / "graph.json"
    assert run("build", samples_dir, "-o", path).returncode == 0
    return path


def write_csv(path: Path) -> Path:
    import csv

    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(LEDGER)
    return path


def write_xlsx(path: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    for row in LEDGER:
        book.active.append(row)
    book.save(path)
    return path


def test_progress_notes_are_classified():
    assert [classify(p) for p in ("已完成", "已办结", "未完成", "尚未启动", "推进中", "部分完成")] == [
        "done", "done", "reported", "not_started", "in_progress", "in_progress",
    ]  # fmt: skip


@pytest.mark.parametrize("writer", [write_csv, write_xlsx])
def test_ledger_rows_match_tasks_and_the_rest_are_reported(graph, tmp_path, writer):
    from zeren.graph.io import load_graph

    ledger = writer(tmp_path / f"ledger.{'csv' if writer is write_csv else 'xlsx'}")
    rows = read_ledger(ledger)
    assert [r.row for r in rows] == [3, 4, 5, 6, 7]
    matched, unmatched = match_ledger(load_graph(graph), rows)
    assert {t: r.row for t, r in matched.items()} == {f"task:{BY}:{n}": n + 2 for n in (1, 2, 3, 4)}
    assert [r.text for r in unmatched] == ["建设县城第二水厂"]


def test_status_import_writes_the_graph_and_workload_shows_done_and_overdue(graph, tmp_path):
    ledger = write_xlsx(tmp_path / "ledger.xlsx")
    result = run("status", "import", ledger, graph)
    assert result.returncode == 1  # one row matched nothing: said, not dropped
    assert "4 of 5 ledger row(s) matched (1 done, 1 in_progress, 1 not_started, 1 reported)" in result.stderr
    assert f"Unmatched: {ledger}:7: 建设县城第二水厂" in result.stderr
    nodes = {n["id"]: n for n in json.loads(graph.read_text(encoding="utf-8"))["nodes"]}
    first = nodes[f"task:{BY}:1"]
    assert (first["status"], first["progress"], first["completed"]) == ("done", "已完成", "2025-09-30")
    assert first["status_source"] == "ledger.xlsx:3"
    rows = json.loads(run("workload", graph, "--status", "--format", "json").stdout)
    farm = next(r for r in rows if r["name"] == "白云县农业农村局")
    # it leads (一) done and (三) not started (no deadline), supports (四): one done, nothing overdue yet
    assert (farm["done"], farm["overdue"]) == (1, 0)
    late = json.loads(run("progress", graph, "--as-of", "2026-01-01", "--format", "json").stdout)
    farm = next(r for r in late if r["name"] == "白云县农业农村局")
    assert (farm["tasks"], farm["done"], farm["not_started"], farm["reported"]) == (3, 1, 1, 1)


def test_status_needs_an_imported_ledger(graph):
    result = run("workload", graph, "--status")
    assert result.returncode == 1
    assert "no task in this graph has a status; run 'zeren status import' first" in result.stderr


def test_a_ledger_without_a_progress_column_is_refused(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("序号,工作任务\n1,修路\n", encoding="utf-8")
    with pytest.raises(LoaderError, match=r"bad.csv: no header row with a progress column"):
        read_ledger(bad)
