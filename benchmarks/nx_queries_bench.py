"""Every saved query on the NetworkX backend, wall and CPU seconds, on one synthetic graph.

    .venv/bin/python benchmarks/nx_queries_bench.py --tasks 100000 [--skip centrality] [--first hotspot_tasks]

CPU seconds are the figure to compare on a shared machine (wall time grows with
the other processes). The queries run in the order of ``zeren queries``, the
same as ``benchmarks/queries_bench.py``; the first one also builds the per-graph
role index every later one reuses, so ``--first NAME`` runs NAME first to see a
query's cost on a graph no query has read yet.
"""

from __future__ import annotations

import argparse
import time

from zeren.graph.synthetic import synthetic_graph
from zeren.queries import NAMES, run_query


def params_for(G, name: str) -> dict:
    """The parameters queries_bench gives (a busy agency for ``agency``, two years for ``compare``)."""
    if name == "agency":
        return {"agency": run_query("deadline_pileups", G, min_tasks=1)["agency"].iloc[0]}
    if name == "compare":
        return {"left": "2018", "right": "2025"}
    return {}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tasks", type=int, default=100_000)
    ap.add_argument("--skip", nargs="*", default=[], help="queries not to run (e.g. centrality)")
    ap.add_argument("--first", default=None, help="run this query first")
    args = ap.parse_args(argv)
    G = synthetic_graph(args.tasks, seed=0)
    print(f"{args.tasks:,} tasks: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges")
    names = [n for n in NAMES if n not in args.skip]
    if args.first in names:
        names.remove(args.first)
        names.insert(0, args.first)
    params = {n: params_for(G, n) for n in names}
    G.__networkx_cache__.clear()  # the parameter look-ups above must not warm the first query
    print(f"{'query':<20}{'wall s':>9}{'cpu s':>9}{'rows':>9}")
    for name in names:
        wall, cpu = time.perf_counter(), time.process_time()
        rows = len(run_query(name, G, **params[name]))
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"{name:<20}{wall:>9.3f}{cpu:>9.3f}{rows:>9}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
