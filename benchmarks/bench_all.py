"""Zeren's speed at every stage, in one run, beside its references (``make bench``).

    .venv/bin/python benchmarks/bench_all.py [--docs 2000] [--sizes 10k] [--repeat 5]

1. Extraction through the CLI (``zeren extract``) on generated plans
   (``loaders.synthetic``), on all cores and on one, beside the naive regex
   script and the read + decode + OpenCC floor of ``benchmarks/naive_regex.py``;
   peak memory (RSS of the whole process tree) of each, sampled in a second, untimed run.
2. Start-up: ``zeren --help`` and ``zeren extract`` of one small file (median of ``--repeat``).
3. A saved query from the CLI on a saved graph of ``--graph-tasks`` tasks, first
   run (parses the JSON and fills the cache) and next (from the cache).
4. Push into Neo4j (empty database) and every saved query on both backends, at
   each of ``--sizes`` (``benchmarks/queries_bench.py``; skipped without a server).
5. Bulk import: admin-import CSVs written, then ``neo4j-admin database import``
   into a second, temporary local server (``--import-size``).

Prints figures only; the machine may be shared, so compare within one run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MB = 1024**2


def _tree_rss_mb(root: int) -> float:
    """Resident memory of ``root`` and all its descendants (Linux /proc), in MB."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        parents[pid] = int(stat[1])
        rss[pid] = int(stat[21]) * os.sysconf("SC_PAGE_SIZE")
    tree, todo = {root}, [root]
    while todo:
        parent = todo.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in tree:
                tree.add(pid)
                todo.append(pid)
    return sum(rss.get(pid, 0) for pid in tree) / MB


def run_measured(
    cmd: list[str], env: dict[str, str] | None = None, *, memory: bool = True
) -> tuple[float, float, int]:
    """Wall seconds, peak resident memory of the whole process tree (MB, sampled) and exit code."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, **(env or {})}
    )
    if not memory:
        proc.wait()
        return time.perf_counter() - start, 0.0, proc.returncode
    peak = 0.0
    while proc.poll() is None:
        peak = max(peak, _tree_rss_mb(proc.pid))
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    return seconds, peak, proc.returncode


def corpus_size(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*.txt")) / MB


def bench_extraction(tmp: Path, docs: int, rows: list[tuple[str, str, str]]) -> None:
    from zeren.loaders.synthetic import write_corpus

    folder = tmp / "corpus"
    write_corpus(folder, docs, seed=0)
    size = corpus_size(folder)
    zeren = str(BIN / "zeren")
    cores = len(os.sched_getaffinity(0))
    print(f"\n== Extraction: {docs} generated plans, {size:.1f} MB, {cores} core(s)")
    for label, cmd, env in (
        (
            f"zeren extract, {cores} workers",
            [zeren, "extract", str(folder), "-o", str(tmp / "t.jsonl"), "--report", str(tmp / "r.jsonl")],
            {},
        ),
        (
            "zeren extract, 1 worker",
            [zeren, "extract", str(folder), "-o", str(tmp / "t1.jsonl"), "--report", str(tmp / "r1.jsonl")],
            {"ZEREN_WORKERS": "1"},
        ),
        (
            "naive regex script",
            [sys.executable, str(ROOT / "benchmarks" / "naive_regex.py"), str(folder)],
            {},
        ),
        (
            "floor: read+decode+OpenCC+trigger",
            [sys.executable, str(ROOT / "benchmarks" / "naive_regex.py"), str(folder), "--mode", "floor"],
            {},
        ),
    ):
        # timed on its own: sampling /proc for memory takes CPU from the workers on a small machine
        seconds, _, code = run_measured(cmd, env, memory=False)
        _, rss, _ = run_measured(cmd, env)
        status = "" if code == 0 else f"  (exit {code})"
        print(
            f"{label:<36}{seconds:8.2f} s {size / seconds:8.1f} MB/s   peak RSS (all processes) {rss:6.0f} MB{status}"
        )
        rows.append((label, f"{size / seconds:.1f} MB/s", f"peak RSS {rss:.0f} MB"))
    same = (tmp / "t.jsonl").read_bytes() == (tmp / "t1.jsonl").read_bytes()
    print(f"parallel output identical to serial: {same}")
    rows.append(("extract output parallel == serial", str(same), ""))


def bench_startup(tmp: Path, repeat: int, rows: list[tuple[str, str, str]]) -> None:
    one = tmp / "one.txt"
    one.write_text(
        "一、修缮青山县老街排水管网。（牵头单位：县住建局；配合单位：县财政局）\n", encoding="utf-8"
    )
    zeren = str(BIN / "zeren")
    print(f"\n== Start-up (median of {repeat})")
    for label, cmd in (
        ("zeren --help", [zeren, "--help"]),
        ("zeren extract one small file", [zeren, "extract", str(one), "-o", str(tmp / "one.jsonl")]),
        ("python -c pass (interpreter alone)", [sys.executable, "-c", "pass"]),
    ):
        times = [run_measured(cmd, memory=False)[0] for _ in range(repeat)]
        median = statistics.median(times)
        print(f"{label:<36}{median:8.3f} s  (min {min(times):.3f})")
        rows.append((label, f"{median:.3f} s", f"min {min(times):.3f} s"))


def bench_saved_query(tmp: Path, tasks: int, rows: list[tuple[str, str, str]]) -> None:
    from zeren.graph.io import save_graph
    from zeren.graph.synthetic import synthetic_graph

    cache = tmp / "cache"
    env = {"ZEREN_CACHE_DIR": str(cache)}
    G = synthetic_graph(tasks, seed=0)
    path = tmp / "graph.json"
    os.environ["ZEREN_CACHE_DIR"] = "off"  # the first run must parse the JSON
    save_graph(G, path)
    del os.environ["ZEREN_CACHE_DIR"]
    zeren = str(BIN / "zeren")
    print(f"\n== Saved query from the CLI: {tasks:,} tasks, {path.stat().st_size / MB:.0f} MB graph.json")
    for label in ("first run (JSON, fills the cache)", "next run (cache)", "again (cache)"):
        seconds, rss, _ = run_measured([zeren, "workload", str(path), "--format", "csv"], env)
        print(f"zeren workload, {label:<28}{seconds:8.2f} s   peak RSS {rss:6.0f} MB")
    rows.append((f"CLI query on saved {tasks // 1000}k-task graph", f"{seconds:.2f} s", "from the cache"))


def bench_backends(tmp: Path, sizes: list[str], rows: list[tuple[str, str, str]]) -> None:
    print(f"\n== Saved queries on both backends, push into Neo4j: {', '.join(sizes)} tasks")
    raw = tmp / "queries.json"
    cmd = [
        sys.executable,
        str(ROOT / "benchmarks" / "queries_bench.py"),
        "--sizes",
        *sizes,
        "--json",
        str(raw),
    ]
    settings = ROOT / ".neo4j" / "env"
    if not os.environ.get("NEO4J_URI") and not settings.is_file():
        print("no Neo4j server (scripts/neo4j-server start): NetworkX only")
        cmd += ["--backends", "networkx"]
    if subprocess.run(cmd, check=False).returncode != 0 or not raw.is_file():
        rows.append(("queries on both backends", "failed", "see above"))
        return
    for r in json.loads(raw.read_text(encoding="utf-8")):
        size = f"{r['tasks'] // 1000}k"
        if "push_s" in r:
            rows.append(
                (
                    f"neo4j push {size} (empty db)",
                    f"{r['push_rels_per_s']:,.0f} rel/s",
                    f"{r['push_s']:.1f} s, client peak RSS {r['push_peak_mb']:,.0f} MB, {r['packer']} packer; "
                    f"first push {r['first_push_rels_per_s']:,.0f} rel/s (server JIT warming)",
                )
            )
        slowest = {}
        for backend in ("networkx", "neo4j"):
            times = {q: by[backend][0] for q, by in r["queries"].items() if backend in by}
            if times:
                q = max(times, key=times.__getitem__)
                slowest[backend] = (sum(times.values()), q, times[q])
        for backend, (total, q, worst) in slowest.items():
            rows.append((f"all queries {size}, {backend}", f"{total:.2f} s", f"slowest {q} {worst:.2f} s"))
        both = {q: by for q, by in r["queries"].items() if {"networkx", "neo4j"} <= by.keys()}
        if both:
            slower = sorted(q for q, by in both.items() if by["networkx"][0] > by["neo4j"][0])
            rows.append(
                (
                    f"queries {size} where NetworkX is slower than Neo4j",
                    f"{len(slower)} of {len(both)}",
                    ", ".join(slower),
                )
            )


def bench_import(tmp: Path, size: str, rows: list[tuple[str, str, str]]) -> None:
    """CSV writing and ``neo4j-admin database import`` into a second, temporary local server."""
    import re
    import shutil

    from zeren.graph.neo4j_store import write_import_csvs
    from zeren.graph.synthetic import synthetic_graph

    built = ROOT / ".neo4j"
    if not (built / "classpath").is_file():
        print("\n== Bulk import: skipped (no built server in .neo4j: scripts/neo4j-server build)")
        return
    tasks = {"1k": 1_000, "10k": 10_000, "100k": 100_000, "1M": 1_000_000}[size]
    G = synthetic_graph(tasks, seed=0)
    csv = tmp / "import-csv"
    start = time.perf_counter()
    write_import_csvs(G, csv)
    csv_s = time.perf_counter() - start
    home = tmp / "import-server"
    home.mkdir()
    for name in ("classpath", "build.stamp"):
        shutil.copy(built / name, home / name)
    shutil.copytree(built / "classes", home / "classes")
    env = {**os.environ, "ZEREN_NEO4J_HOME": str(home), "ZEREN_NEO4J_HEAP": "1g"}
    script = ROOT / "scripts" / "neo4j-server"
    start = time.perf_counter()
    done = subprocess.run(["bash", str(script), "import", str(csv)], env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    subprocess.run(["bash", str(script), "stop"], env=env, capture_output=True, check=False)
    rels = G.number_of_edges()
    print(f"\n== Bulk import: {size} tasks, {G.number_of_nodes():,} nodes, {rels:,} relationships")
    print(f"write admin-import CSVs            {csv_s:8.2f} s {rels / csv_s:10,.0f} rel/s")
    if done.returncode != 0:
        print(f"neo4j-admin import failed: {done.stderr.strip()[-300:]}")
        return
    match = re.search(r"IMPORT DONE in (?:(\d+)m )?(\d+)s (\d+)ms", done.stderr)
    importer = (int(match[1] or 0) * 60 + int(match[2]) + int(match[3]) / 1000) if match else float("nan")
    print(f"neo4j-admin database import        {importer:8.2f} s {rels / importer:10,.0f} rel/s")
    print(f"  + stop, import, restart on it   {wall:8.2f} s wall")
    rows.append(
        (f"admin import {size}", f"{rels / importer:,.0f} rel/s", f"{importer:.1f} s; CSVs {csv_s:.1f} s")
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000, help="generated plans to extract (default 2000)")
    ap.add_argument("--repeat", type=int, default=7, help="runs per start-up figure (default 7)")
    ap.add_argument("--graph-tasks", type=int, default=10_000, help="tasks of the saved graph (default 10k)")
    ap.add_argument(
        "--sizes", nargs="*", default=["10k"], help="graph sizes for the backends (10k, 100k, 1M; none skips)"
    )
    ap.add_argument(
        "--import-size", default="10k", choices=["none", "1k", "10k", "100k", "1M"], help="admin import size"
    )
    args = ap.parse_args(argv)
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="zeren-bench-") as name:
        tmp = Path(name)
        bench_extraction(tmp, args.docs, rows)
        bench_startup(tmp, args.repeat, rows)
        bench_saved_query(tmp, args.graph_tasks, rows)
        if args.sizes:
            bench_backends(tmp, args.sizes, rows)
        if args.import_size != "none":
            bench_import(tmp, args.import_size, rows)
    print("\n== Summary")
    for label, figure, note in rows:
        print(f"{label:<40}{figure:>14}   {note}")


if __name__ == "__main__":
    main()
