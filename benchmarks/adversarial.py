"""Worst-case parse time over adversarial lines, and whether it grows linearly.

Each case builds one document of a hostile shape at doubling sizes and times
``parse_document`` on it (normalising, line joining, note finding, all of it):

- ``brackets``: ``(3)`` repeated on one line (issue 12, row 3);
- ``cjk-brackets``: ``（一）`` and ``【甲】`` repeated on one line;
- ``wrapped``: one unbroken paragraph hard-wrapped every 35 characters;
- ``names``: one responsibility note listing ever more units;
- ``notes-line``: many measures with their notes on one single line;
- ``long-line``: one line of prose with no note at all;
- ``open-brackets``: ``(`` repeated, never closed.

It prints seconds per kB at each size and the ratio of times per doubling:
about 2 is linear, about 4 quadratic. A case stops doubling once the next
size would likely pass ``--budget`` seconds. Prints figures only.

    .venv/bin/python benchmarks/adversarial.py --max-kb 256 --budget 20
"""

from __future__ import annotations

import argparse
import math
import time
from collections.abc import Callable

from zeren.loaders.extract import parse_document

HEADER = "青山县营商环境提升行动方案\n一、重点任务\n"
UNITS = ["县财政局", "县发展改革局", "县住房城乡建设局", "县自然资源局", "县市场监管局", "县交通运输局"]


def _fill(unit: str, kb: int) -> str:
    """``unit`` repeated to about ``kb`` kilobytes of UTF-8."""
    return unit * max(1, kb * 1024 // len(unit.encode("utf-8")))


def brackets(kb: int) -> str:
    return HEADER + _fill("(3)", kb) + "\n"


def cjk_brackets(kb: int) -> str:
    return HEADER + _fill("（一）【甲】", kb) + "\n"


def wrapped(kb: int) -> str:
    words = _fill("推进营商环境优化提升工作持续深化改革创新", kb)
    return HEADER + "\n".join(words[i : i + 35] for i in range(0, len(words), 35)) + "\n"


def names(kb: int) -> str:
    listed = "、".join(f"{u[:1]}{i}{u[1:]}" for i, u in zip(range(kb * 60), _cycle(UNITS), strict=False))
    return HEADER + f"（一）优化审批服务。（牵头单位：县政务服务管理局；责任单位：{listed}）\n"


def notes_line(kb: int) -> str:
    measure = "（一）优化审批服务，压缩办理时限。（牵头单位：县财政局；责任单位：县发展改革局、县市场监管局）"
    return HEADER + _fill(measure, kb) + "\n"


def long_line(kb: int) -> str:
    return HEADER + _fill("持续优化营商环境，推动政务服务提质增效，", kb) + "\n"


def open_brackets(kb: int) -> str:
    return HEADER + _fill("(牵头单位：", kb) + "\n"


def _cycle(items: list[str]):
    while True:
        yield from items


CASES: dict[str, Callable[[int], str]] = {
    "brackets": brackets,
    "cjk-brackets": cjk_brackets,
    "wrapped": wrapped,
    "names": names,
    "notes-line": notes_line,
    "long-line": long_line,
    "open-brackets": open_brackets,
}


def _seconds(text: str) -> float:
    """The best of up to three runs (fewer when a run is long): the machine's noise only adds time."""
    best, spent = float("inf"), 0.0
    for _ in range(3):
        start = time.perf_counter()
        parse_document(text, source="adversarial.txt", doc="adversarial")
        took = time.perf_counter() - start
        best, spent = min(best, took), spent + took
        if spent > 1.0:
            break
    return best


def run_case(name: str, make: Callable[[int], str], sizes: list[int], budget: float) -> list[tuple]:
    rows: list[tuple] = []
    previous: float | None = None
    for kb in sizes:
        text = make(kb)
        real_kb = len(text.encode("utf-8")) / 1024
        seconds = _seconds(text)
        ratio = seconds / previous if previous else None
        rows.append((name, real_kb, seconds, seconds / real_kb, ratio))
        ratio_text = f"{ratio:5.1f}" if ratio else "    -"
        print(
            f"{name:14} {real_kb:9.0f} {seconds:10.3f} {seconds / real_kb * 1000:12.3f} {ratio_text}",
            flush=True,
        )
        growth = max(ratio or 2.0, 2.0)
        if seconds * growth > budget:
            print(f"{name:14} stopped: the next size would take about {seconds * growth:.0f} s", flush=True)
            break
        previous = seconds
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-kb", type=int, default=4)
    parser.add_argument("--max-kb", type=int, default=256)
    parser.add_argument("--budget", type=float, default=20.0, help="Seconds one parse may take at most.")
    parser.add_argument("--case", choices=sorted(CASES), action="append", help="Only these cases.")
    args = parser.parse_args()
    sizes = []
    kb = args.min_kb
    while kb <= args.max_kb:
        sizes.append(kb)
        kb *= 2
    print(f"{'case':14} {'kB':>9} {'seconds':>10} {'ms per kB':>12} {'×/doubling':>5}")
    summary = []
    for name in args.case or CASES:
        rows = run_case(name, CASES[name], sizes, args.budget)
        worst = max(rows, key=lambda r: r[3])
        # growth per doubling from the first run of 20 ms on (shorter ones are noise) to the last: one
        # slow run between them (a collector pause, another process) does not make a linear parse look quadratic
        timed = [r for r in rows if r[2] >= 0.02]
        ratio = None
        if len(timed) >= 2:
            doublings = math.log2(timed[-1][1] / timed[0][1])
            ratio = (timed[-1][2] / timed[0][2]) ** (1 / doublings)
        summary.append((name, worst, ratio))
    print(
        "\nworst case per kind (ms per kB at its size; time ratio per doubling from 20 ms to the largest size):"
    )
    for name, worst, ratio in summary:
        verdict = "-" if ratio is None else ("linear" if ratio < 3.0 else "SUPERLINEAR")
        ratio_text = f"{ratio:.1f}" if ratio else "-"
        print(
            f"{name:14} {worst[3] * 1000:10.3f} ms/kB at {worst[1]:.0f} kB   ×{ratio_text:>5}/doubling  {verdict}"
        )


if __name__ == "__main__":
    main()
