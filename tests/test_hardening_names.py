"""Issue 12 rows 2, 6 and 12: odd file names, control characters and hostile side files.

Each test first builds the situation the finding describes (a GBK byte in a file
name, a newline in one, ``\\x01`` and escape sequences in a name, a gazetteer of
100,000 nested brackets, an empty agency table) and runs the real ``zeren``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.dom.minidom
from pathlib import Path

import networkx as nx
import pytest

from zeren.graph.io import export_graph, load_graph, save_graph
from zeren.safetext import path_text, printable, xml_text

ZEREN = [sys.executable, "-m", "zeren"]
OLD_GRAPH = '{"zeren_graph": 1, "old": true}\n'
# a GBK-encoded name (广州.txt) as a zip unpacked on Linux leaves it: not UTF-8
GBK_NAME = "广州".encode("gbk") + b".txt"


def run(*args, cwd=None) -> subprocess.CompletedProcess:
    """Run zeren with bytes-safe arguments; output decoded leniently, as a terminal would show it."""
    result = subprocess.run([*ZEREN, *map(str, args)], capture_output=True, cwd=cwd, timeout=300)
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )


def _odd_folder(samples_dir: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "d"
    folder.mkdir()
    sample = next(samples_dir.glob("*.txt")).read_bytes()
    # the same plan under three names, each copy made distinct so none is read as a duplicate
    (folder / "plain.txt").write_bytes(sample + b"\n1\n")
    Path(folder / GBK_NAME.decode("utf-8", "surrogateescape")).write_bytes(sample + b"\n2\n")
    (folder / "two\nError: lines.txt").write_bytes(sample + b"\n3\n")
    return folder


def test_a_non_utf8_file_name_is_read_and_written_escaped(samples_dir, tmp_path):
    folder = _odd_folder(samples_dir, tmp_path)
    graph = tmp_path / "graph.json"
    graph.write_text(OLD_GRAPH, encoding="utf-8")
    result = run("build", folder, "-o", graph)
    assert result.returncode == 0, result.stderr
    G = load_graph(graph)
    docs = {d["doc"] for _, d in G.nodes(data=True) if d.get("kind") == "Task"}
    assert docs == {"plain", "\\xb9\\xe3\\xd6\\xdd", "two\\nError: lines"}

    tasks, agencies, report = (tmp_path / n for n in ("tasks.jsonl", "agencies.jsonl", "report.jsonl"))
    result = run("extract", folder, "-o", tasks, "--agencies", agencies, "--report", report)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in tasks.read_text(encoding="utf-8").splitlines()]
    per_source = {r["source"] for r in rows}
    assert per_source == {"plain.txt", "\\xb9\\xe3\\xd6\\xdd.txt", "two\\nError: lines.txt"}
    # all three documents give the same tasks: nothing cut short
    assert len(rows) % 3 == 0 and sum(r["source"] == "plain.txt" for r in rows) == len(rows) // 3
    assert agencies.read_text(encoding="utf-8").count("\n") > 0


def test_a_bad_file_with_odd_bytes_and_a_newline_in_its_name_is_one_escaped_error_line(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / (GBK_NAME.decode("utf-8", "surrogateescape") + "\nError: forged.txt")).write_bytes(
        b"\x00\x01" * 50
    )
    result = run("extract", folder, "-o", tmp_path / "t.jsonl")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors == [
        f"Error: {folder}/\\xb9\\xe3\\xd6\\xdd.txt\\nError: forged.txt: binary content (NUL bytes), not a text file"
    ]


def test_an_output_name_with_odd_bytes_is_written_and_shown_escaped(samples_dir, tmp_path):
    out = tmp_path / GBK_NAME.decode("utf-8", "surrogateescape").replace(".txt", ".html")
    result = run("viz", samples_dir, "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.exists()
    assert "Wrote " + str(tmp_path) + "/\\xb9\\xe3\\xd6\\xdd.html" in result.stderr


@pytest.fixture
def control_graph(samples_dir, tmp_path) -> Path:
    """A saved graph whose agency names carry \\x01, an ESC sequence and a C1 CSI, as a JSON file can."""
    from zeren.graph.build import build_graph
    from zeren.loaders.batch import extract_paths

    G = build_graph(extract_paths([samples_dir]).extractions)
    renamed = {}
    for node, data in G.nodes(data=True):
        if data.get("kind") == "Agency" and data.get("name", "").endswith("财政局"):
            data["name"] = data["name"].replace("财政局", "财\x01政\x1b[2J局\x9b")
            renamed[node] = node.replace("财政局", "财\x01政局")
    assert renamed
    path = tmp_path / "controls.json"
    save_graph(nx.relabel_nodes(G, renamed), path)
    return path


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_control_characters_in_names_export_as_valid_xml(control_graph, tmp_path, suffix):
    out = tmp_path / f"g{suffix}"
    result = run("export", control_graph, "-o", out)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    xml.dom.minidom.parseString(text.encode("utf-8"))  # raises on anything XML cannot hold
    assert "财\\x01政\\x1b[2J局" in text and "\x01" not in text and "\x1b" not in text
    # the export keeps every node: escaping never merges two ids
    G = nx.read_graphml(out) if suffix == ".graphml" else nx.read_gexf(out)
    assert G.number_of_nodes() == load_graph(control_graph).number_of_nodes()


def test_a_control_character_in_a_document_builds_a_valid_graphml(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "白云县产业发展实施方案\n一、重点任务\n（一）推进县\x01财政局改革。（牵头单位：县\x01财政局；责任单位：县发展改革局）\n",
        encoding="utf-8",
    )
    out = tmp_path / "g.graphml"
    result = run("build", plan, "-o", out)
    assert result.returncode == 0, result.stderr
    xml.dom.minidom.parse(str(out))


def test_control_characters_never_reach_the_terminal_raw(control_graph):
    for command in (["workload", control_graph], ["hotspots", control_graph], ["gaps", control_graph]):
        result = run(*command)
        assert result.returncode == 0, result.stderr
        for raw in ("\x01", "\x1b", "\x9b"):
            assert raw not in result.stdout and raw not in result.stderr, (command, repr(raw))
    assert "财\\x01政\\x1b[2J局\\x9b" in run("workload", control_graph).stdout
    result = run("agency", control_graph, "--agency", "\x1b[2Jnobody")
    assert "\x1b" not in result.stderr


def test_rich_markup_in_a_name_is_text_not_markup(control_graph, tmp_path):
    G = load_graph(control_graph)
    for _, data in G.nodes(data=True):
        if data.get("kind") == "Agency" and "政" in data.get("name", ""):
            data["name"] = "县财[/]政[link=http://x]局"
    save_graph(G, tmp_path / "markup.json")
    result = run("workload", tmp_path / "markup.json")
    assert result.returncode == 0, result.stderr
    assert "县财[/]政[link=http://x]局" in result.stdout


def test_a_deeply_nested_gazetteer_or_graph_file_is_one_error_line(samples_dir, tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000, encoding="utf-8")
    result = run("build", samples_dir, "--gazetteer", deep, "-o", tmp_path / "g.json")
    assert result.returncode == 1
    assert (
        result.stderr.strip().splitlines()[-1] == f"Error: {deep}: gazetteer is nested too deeply to be read"
    )
    assert "RecursionError" not in result.stderr
    result = run("workload", deep)
    assert result.returncode == 1 and "unexpected" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"Error: {deep}: graph file is nested too deeply to be read"
    ]


@pytest.mark.parametrize(
    "content", ["", "\ufeff\n\n", "# only a comment\n", "canonical\tjurisdiction\tspelling\n"]
)
def test_an_empty_agency_table_is_refused(samples_dir, tmp_path, content):
    table = tmp_path / "agencies.tsv"
    table.write_text(content, encoding="utf-8")
    result = run("build", samples_dir, "--aliases", table, "-o", tmp_path / "g.json")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {table}: the agency table has no rows (write one with 'zeren agencies')"
    ]
    assert not (tmp_path / "g.json").exists()


def test_safe_text_escapes_are_distinct_and_leave_plain_names_alone():
    assert printable("武定县财政局") == "武定县财政局"
    assert path_text(Path("d") / GBK_NAME.decode("utf-8", "surrogateescape")) == "d/\\xb9\\xe3\\xd6\\xdd.txt"
    names = ["县\x01局", "县\x02局", "县\n局", "县\udcff局", "县\ufffe局"]
    assert len({printable(n) for n in names}) == len(names)
    assert xml_text("a\tb\nc\x00") == "a\tb\nc\\x00"


def test_export_graph_escapes_what_xml_cannot_hold(tmp_path):
    G = nx.MultiDiGraph()
    G.add_node("agency:县\x01局", kind="Agency", name="县\x01局", spellings=["县\x0b局"])
    G.add_node("task:1", kind="Task", text="surrogate \udcff here")
    G.add_edge("agency:县\x01局", "task:1", key="LEADS", raw="县\x01局")
    for suffix in (".graphml", ".gexf"):
        out = export_graph(G, tmp_path / f"g{suffix}")
        xml.dom.minidom.parse(str(out))


def test_a_missing_side_file_with_odd_bytes_in_its_name_is_shown_escaped(samples_dir, tmp_path):
    missing = tmp_path / (GBK_NAME.decode("utf-8", "surrogateescape") + "\nError: x.tsv")
    result = run("build", samples_dir, "--aliases", missing, "-o", tmp_path / "g.json")
    assert result.returncode == 1 and "\ufffd" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"Error: {tmp_path}/\\xb9\\xe3\\xd6\\xdd.txt\\nError: x.tsv: cannot read agency table: No such file or directory"
    ]
    result = run("export", missing.with_suffix(".json"), "-o", tmp_path / "g.gexf")
    assert result.returncode == 1 and "\\xb9\\xe3\\xd6\\xdd" in result.stderr


def test_piped_standard_output_holds_the_table_and_nothing_else(samples_dir):
    result = run("workload", samples_dir, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("[")  # no blank line of a progress bar before it
    assert json.loads(result.stdout)
