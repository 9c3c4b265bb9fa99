"""Time reading and building the graph from documents (default: the two seeds).

    python benchmarks/build_bench.py [PATHS…] [--repeat 5]

Prints extraction and build times (best of N) and the graph's size.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from zeren.graph.build import build_graph
from zeren.loaders.batch import extract_paths

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path, default=[SEEDS])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    extract_times, build_times = [], []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        batch = extract_paths(args.paths)
        t1 = time.perf_counter()
        G = build_graph(batch.extractions)
        t2 = time.perf_counter()
        extract_times.append(t1 - t0)
        build_times.append(t2 - t1)
    tasks = sum(len(e.tasks) for e in batch.extractions)
    print(f"documents          {len(batch.extractions)} ({len(batch.failures)} failed)")
    print(f"tasks              {tasks}")
    print(f"graph              {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
    print(f"extract (best)     {min(extract_times) * 1000:.1f} ms")
    print(f"build graph (best) {min(build_times) * 1000:.1f} ms")
    print(
        f"total (best)       {min(a + b for a, b in zip(extract_times, build_times, strict=True)) * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
