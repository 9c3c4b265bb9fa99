"""How big the views get and how long Chromium takes to draw them, at 1k to 100k tasks.

Run: ``.venv/bin/python benchmarks/viz_bench.py [--sizes 1000,1500,2000,10000,100000]``.
Graphs come from ``graph.synthetic``; each view is built in Python (including
the seeded layout), written as one HTML file, then opened in headless Debian
Chromium until the page's ``zeren.ready`` flag (set on vis-network's first
``afterDrawing``; positions are precomputed and physics is off, so that frame
is the final picture). ``render s`` is the page's own clock from navigation to
that frame, the median of ``--repeat`` loads; the target is 2 s for a 2,000-node
view. Prints one row per (size, view).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from zeren import viz
from zeren.graph.synthetic import synthetic_graph
from zeren.queries import run_query

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent


def views(G: nx.MultiDiGraph) -> Iterator[tuple[str, Callable[[], viz.View | viz.MatrixView]]]:
    """(label, thunk) per view; the whole view falls back to a level filter when it must refuse."""
    busiest = run_query("workload", G).iloc[0]["agency"]
    yield "whole", lambda: viz.whole_graph_view(G)
    yield "whole level=province", lambda: viz.whole_graph_view(G, level="province")
    yield "ego (busiest agency)", lambda: viz.ego_view(G, busiest)
    yield "co-responsibility", lambda: viz.coresponsibility_view(G)
    plan = max(
        (n for n, a in G.nodes(data=True) if a.get("kind") == "Plan"), key=lambda p: (G.out_degree(p), p)
    )
    yield "matrix (biggest plan)", lambda: viz.matrix_view(G, plan)


def _count(view: object, what: str) -> int:
    # the matrix is a table: its "nodes" are rows (tasks) and its "edges" the L/S marks
    if isinstance(view, viz.MatrixView):
        return len(view.rows) if what == "nodes" else sum(1 for r in view.rows for m in r["marks"] if m)
    return len(getattr(view, what))


def _slug(label: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in label).strip("-")


def render_ms(browser: Browser, path: Path, timeout_ms: int) -> tuple[float, float]:
    """(ms until first draw after stabilisation by the page's clock, wall ms from navigation)."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        start = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_function("window.zeren && window.zeren.ready === true", timeout=timeout_ms)
        wall = (time.perf_counter() - start) * 1000
        first = page.evaluate("zeren.firstDrawMs")
        # table pages (the matrix) are ready when loaded: their draw time is the load event's
        return first if first is not None else page.evaluate(
            "performance.timing.loadEventEnd - performance.timing.navigationStart"
        ), wall
    finally:
        page.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,1500,2000,10000,100000", help="task counts, comma-separated")
    parser.add_argument("--timeout", type=float, default=300, help="seconds to wait for one render")
    parser.add_argument(
        "--repeat", type=int, default=3, help="loads per view; the median is printed (the machine is shared)"
    )
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    # the tests' Chromium settings (ZEREN_CHROMIUM, offline flags) are the benchmark's too
    sys.path.insert(0, str(ROOT / "tests"))
    from browser import launch_chromium

    out = Path(tempfile.mkdtemp(prefix="zeren-viz-bench-"))
    header = f"{'tasks':>7} {'view':<22} {'nodes':>6} {'edges':>6} {'build s':>8} {'HTML MB':>8} {'render s':>9} {'wall s':>7}"
    print(header)
    print("-" * len(header))
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        for n in (int(s) for s in args.sizes.split(",")):
            G = synthetic_graph(n, seed=1)
            for label, make in views(G):
                started = time.perf_counter()
                try:
                    view = make()
                except viz.ViewError as err:
                    print(f"{n:>7} {label:<22} refused: {err}")
                    continue
                path = viz.write_html(view, out / f"{n}-{_slug(label)}.html")
                build = time.perf_counter() - started
                size = path.stat().st_size / 1e6
                try:
                    runs = sorted(
                        render_ms(browser, path, int(args.timeout * 1000)) for _ in range(args.repeat)
                    )
                    first, wall = runs[len(runs) // 2]
                    timing = f"{first / 1000:>9.2f} {wall / 1000:>7.2f}"
                except Exception as err:  # noqa: BLE001 - a timeout is a result here, not a crash
                    timing = f"{'timeout':>9} ({type(err).__name__})"
                print(
                    f"{n:>7} {label:<22} {_count(view, 'nodes'):>6} {_count(view, 'edges'):>6} {build:>8.1f} {size:>8.2f} {timing}",
                    flush=True,
                )
        browser.close()
    print(f"\nHTML written under {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
