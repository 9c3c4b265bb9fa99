"""Benchmark the saved queries on synthetic graphs: NetworkX vs Neo4j, and the push into Neo4j.

    .venv/bin/python benchmarks/queries_bench.py --sizes 10k 100k 1M [--backends networkx neo4j] [--push-only]

For each size (tasks) a child process generates ``graph.synthetic.synthetic_graph``,
times every saved query on NetworkX and records its peak memory (max RSS of the
child: graph + queries), then — when Neo4j is chosen — saves the graph to a
file, clears the database, pushes the file as ``zeren neo4j push`` does (streamed,
create-only) in a process of its own, whose peak RSS is the client's memory —
twice, clearing between: the figure is the faster, warm push, and the first
(while the server's JIT compiles) is shown beside it — and
times every query through Cypher. ``--push-only`` skips the queries (a 1M-task
run: about 1.25M nodes and 4.6M relationships).
``brokers`` runs with its defaults (a seeded 200-agency betweenness sample). Neo4j settings come from NEO4J_* or ``.neo4j/env``;
the benchmark takes the same lock as the tests, since it clears the database.
Prints one table per size and, with ``--json``, the raw numbers.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import importlib.util
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000, "1M": 1_000_000}
PUSH_RUNS = 2


def _env_file_settings() -> dict[str, str]:
    out = {}
    env_file = ROOT / ".neo4j" / "env"
    if env_file.is_file():
        for line in env_file.read_text(encoding="utf-8").splitlines():
            key, _, value = line.removeprefix("export ").partition("=")
            if key.startswith("NEO4J_"):
                out[key] = value.strip()
    return out


def _params(G, name: str, n_tasks: int) -> dict:
    from zeren.queries import run_query

    if name == "agency":
        top = run_query("deadline_pileups", G, min_tasks=1)
        return {"agency": top["agency"].iloc[0]}
    if name == "compare":
        return {"left": "2018", "right": "2025"}
    return {}


def _say(msg: str) -> None:
    """Progress on stderr, so a long size still shows what it measured if stopped."""
    print(msg, file=sys.stderr, flush=True)


def _timed(fn):
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def run_one(n_tasks: int, backends: list[str], only: list[str] | None) -> dict:
    """Everything for one size, in this (child) process."""
    sys.path.insert(0, str(ROOT))
    from zeren.graph.synthetic import synthetic_graph
    from zeren.queries import QUERIES, run_query

    names = [n for n in QUERIES if not only or n in only]  # only ["-"]: none
    result: dict = {"tasks": n_tasks, "queries": {n: {} for n in names}}
    result["generate_s"], G = _timed(lambda: synthetic_graph(n_tasks, seed=0))
    result["nodes"], result["relationships"] = G.number_of_nodes(), G.number_of_edges()
    _say(
        f"[{n_tasks}] generated {result['nodes']} nodes, {result['relationships']} relationships "
        f"in {result['generate_s']:.1f} s"
    )
    params = {n: _params(G, n, n_tasks) for n in names}
    if "networkx" in backends:
        for name in names:
            secs, df = _timed(lambda name=name: run_query(name, G, **params[name]))
            result["queries"][name]["networkx"] = (secs, len(df))
            _say(f"[{n_tasks}] networkx {name}: {secs:.3f} s, {len(df)} rows")
        result["networkx_peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        _say(f"[{n_tasks}] networkx peak memory {result['networkx_peak_mb']:.0f} MB")
    if "neo4j" in backends:
        from zeren.graph.io import save_graph
        from zeren.graph.neo4j_store import clear_graph, connect

        driver = connect()
        try:
            pushes = []
            with tempfile.TemporaryDirectory() as tmp:
                path = save_graph(G, Path(tmp) / "graph.json")
                result["file_mb"] = path.stat().st_size / 1e6
                # a server's first big push runs while its JIT compiles: the figure is the warm one, both shown
                for run in range(PUSH_RUNS):
                    result["clear_s"], _ = _timed(lambda: clear_graph(driver))
                    pushed = subprocess.run(
                        [sys.executable, __file__, "--push", str(path)],
                        stdout=subprocess.PIPE,
                        text=True,
                        check=True,
                    )
                    pushes.append(json.loads(pushed.stdout.strip().splitlines()[-1]))
                    _say(
                        f"[{n_tasks}] neo4j push {run + 1}: {pushes[-1]['push_s']:.1f} s, "
                        f"{G.number_of_edges() / pushes[-1]['push_s']:.0f} rel/s, "
                        f"client peak RSS {pushes[-1]['push_peak_mb']:.0f} MB, {pushes[-1]['packer']} packer"
                    )
            result.update(min(pushes, key=lambda p: p["push_s"]))
            result["push_rels_per_s"] = G.number_of_edges() / result["push_s"]
            result["first_push_rels_per_s"] = G.number_of_edges() / pushes[0]["push_s"]
            for name in names:
                secs, df = _timed(lambda name=name: run_query(name, driver, backend="neo4j", **params[name]))
                result["queries"][name]["neo4j"] = (secs, len(df))
                _say(f"[{n_tasks}] neo4j {name}: {secs:.3f} s, {len(df)} rows")
        finally:
            driver.close()
    return result


def push_file(path: str) -> dict:
    """``zeren neo4j push`` of a saved graph into the (just cleared) database, in this process."""
    from zeren.graph.neo4j_store import connect, push_graph_file

    driver = connect()
    try:
        seconds, out = _timed(lambda: push_graph_file(driver, path))
    finally:
        driver.close()
    assert out["created"], "the database was not empty"
    # VmHWM, not ru_maxrss: that one keeps the forked parent's size across exec
    status = Path("/proc/self/status").read_text(encoding="utf-8").splitlines()
    peak_kb = next((int(line.split()[1]) for line in status if line.startswith("VmHWM:")), 0)
    # the driver packs rows in Rust when neo4j-rust-ext is installed, in Python otherwise (about twice the client CPU)
    packer = "compiled" if importlib.util.find_spec("neo4j._rust") else "pure Python"
    return {"push_s": seconds, "push_peak_mb": peak_kb / 1024, "packer": packer}


def print_table(r: dict) -> None:
    print(
        f"\n== {r['tasks']:,} tasks: {r['nodes']:,} nodes, {r['relationships']:,} relationships "
        f"(generated in {r['generate_s']:.1f} s)"
    )
    if "networkx_peak_mb" in r:
        print(f"NetworkX peak memory (max RSS, graph + queries): {r['networkx_peak_mb']:,.0f} MB")
    if "push_s" in r:
        print(
            f"Neo4j push of the saved graph ({r['file_mb']:,.0f} MB): {r['push_s']:.1f} s, "
            f"{r['push_rels_per_s']:,.0f} relationships/s, client peak RSS {r['push_peak_mb']:,.0f} MB, "
            f"{r['packer']} packer; first of {PUSH_RUNS} pushes {r['first_push_rels_per_s']:,.0f} relationships/s "
            f"(clear before: {r['clear_s']:.1f} s)"
        )
    if not r["queries"]:
        return
    print(f"{'query':<20}{'networkx s':>12}{'rows':>9}{'neo4j s':>12}{'rows':>9}")
    for name, by in r["queries"].items():
        nx_s, nx_rows = by.get("networkx", (float("nan"), ""))
        neo_s, neo_rows = by.get("neo4j", (float("nan"), ""))
        print(f"{name:<20}{nx_s:>12.3f}{nx_rows!s:>9}{neo_s:>12.3f}{neo_rows!s:>9}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--sizes", nargs="+", default=["10k"], choices=sorted(SIZES, key=lambda size: SIZES[size])
    )
    ap.add_argument("--backends", nargs="+", default=["networkx", "neo4j"], choices=["networkx", "neo4j"])
    ap.add_argument("--queries", nargs="+", default=None, help="only these saved queries")
    ap.add_argument("--push-only", action="store_true", help="only the Neo4j push: no queries")
    ap.add_argument("--json", type=Path, default=None, help="also write the raw numbers here")
    ap.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--push", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.push_only:
        args.backends, args.queries = ["neo4j"], ["-"]
    if args.push is not None:
        print(json.dumps(push_file(args.push)))
        return 0
    if args.child is not None:
        print(json.dumps(run_one(args.child, args.backends, args.queries)))
        return 0
    # a saved graph is not also kept in the user's graph cache (a 1M-task pickle is gigabytes)
    env = {**_env_file_settings(), **os.environ, "ZEREN_CACHE_DIR": "off"}
    lock = None
    if "neo4j" in args.backends:
        if not env.get("NEO4J_URI"):
            ap.error("no Neo4j configured: run scripts/neo4j-server start, or use --backends networkx")
        tag = hashlib.sha1(env["NEO4J_URI"].encode()).hexdigest()[:12]
        lock = open(Path(tempfile.gettempdir()) / f"zeren-neo4j-{tag}.lock", "w")  # noqa: SIM115
        print("waiting for the Neo4j lock (tests may be running)…", file=sys.stderr)
        fcntl.flock(lock, fcntl.LOCK_EX)
    results = []
    for size in args.sizes:
        cmd = [sys.executable, __file__, "--child", str(SIZES[size]), "--backends", *args.backends]
        if args.queries:
            cmd += ["--queries", *args.queries]
        out = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, text=True, check=False)
        if out.returncode != 0:
            return out.returncode
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print_table(results[-1])
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    if lock is not None:
        lock.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
