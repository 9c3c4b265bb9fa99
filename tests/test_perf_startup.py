"""Start-up: the commands that need no tables or graph import neither pandas nor networkx.

Timings live in benchmarks/startup_bench.py; here only what is imported is checked,
which does not depend on how busy the machine is.
"""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("pandas", "networkx", "matplotlib", "numpy", "neo4j", "pyvis")

PROBE = """
import json, sys
sys.argv = ["zeren", *json.loads(sys.argv[1])]
from zeren.cli import main
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})), file=sys.stderr)
"""


def imported(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(list(args))], capture_output=True, text=True, timeout=120
    )
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def test_help_imports_no_table_or_graph_library():
    assert imported("--help").isdisjoint(HEAVY)


def test_extracting_one_file_imports_no_table_or_graph_library(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "一、修缮青山县老街排水管网。（牵头单位：县住建局；配合单位：县财政局）\n", encoding="utf-8"
    )
    out = tmp_path / "tasks.jsonl"
    modules = imported("extract", str(plan), "-o", str(out))
    assert out.read_text(encoding="utf-8").count("\n") == 1
    assert modules.isdisjoint(HEAVY)
    assert "rich" not in modules  # no progress bar to draw for one file, nor off a terminal


def test_a_query_on_a_saved_graph_imports_no_loader(tmp_path):
    from zeren.graph.io import save_graph
    from zeren.graph.synthetic import synthetic_graph

    graph = save_graph(synthetic_graph(30, seed=1), tmp_path / "g.json")
    probe = PROBE.replace('m.split(".")[0] for m in sys.modules', "m for m in sys.modules")
    done = subprocess.run(
        [sys.executable, "-c", probe, json.dumps(["workload", str(graph), "--format", "csv"])],
        capture_output=True,
        text=True,
        timeout=120,
    )
    modules = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert "zeren.queries.workload" in modules
    assert not {m for m in modules if m.startswith(("zeren.loaders", "zeren.graph.build", "rich"))}
