"""How fast files are read and extracted, and how much memory it takes.

Writes synthetic plans (``loaders.synthetic``) into a temporary folder, then
times ``read_text`` over all of them, the full ``extract_paths`` pipeline, and
the same plans as .html/.docx/.xlsx, one large text file and one large
workbook. Timings run without tracemalloc; peak
Python memory is measured in a second pass with it on. Prints figures only.

    .venv/bin/python benchmarks/extract_throughput.py --docs 1000 --big-mb 100
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from html import escape
from pathlib import Path

import docx
import openpyxl

from zeren.loaders.batch import BatchResult, extract_paths
from zeren.loaders.readers import read_text
from zeren.loaders.synthetic import generate_documents, write_corpus

MB = 1024**2


def _timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _peak(work: Callable[[], object]) -> float:
    """Peak traced Python allocation in MB while ``work`` runs."""
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1] / MB
    finally:
        tracemalloc.stop()


def _maxrss_mb() -> float:
    # ru_maxrss is kilobytes on Linux, bytes on macOS
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / MB


def bench_corpus(folder: Path, docs: int, seed: int) -> None:
    paths = write_corpus(folder, docs, seed=seed)
    size = sum(p.stat().st_size for p in paths) / MB
    print(f"corpus: {docs} documents, {size:.1f} MB in {folder}")

    seconds = _timed(partial(_read_all, paths))
    print(f"read_text:     {seconds:7.2f} s  {size / seconds:8.1f} MB/s  {docs / seconds:9.0f} docs/s")

    outcome: dict[str, BatchResult] = {}

    def extract_all() -> None:
        outcome["result"] = extract_paths([folder])

    seconds = _timed(extract_all)
    result = outcome["result"]
    tasks = sum(len(e.tasks) for e in result.extractions)
    print(
        f"extract_paths: {seconds:7.2f} s  {size / seconds:8.1f} MB/s  {docs / seconds:9.0f} docs/s"
        f"  ({tasks} tasks, {len(result.failures)} failures)"
    )
    print(f"extract_paths peak Python memory (tracemalloc): {_peak(extract_all):.1f} MB")


def bench_big_file(folder: Path, megabytes: int, seed: int) -> None:
    path = folder / "big.txt"
    target = megabytes * MB
    batch = 0
    with path.open("w", encoding="utf-8") as out:
        while out.tell() < target:
            batch += 1  # each batch of 200 plans uses its own seed, so the text does not repeat
            for _, text in generate_documents(200, seed=seed * 10_000 + batch):
                out.write(text)
    size = path.stat().st_size / MB
    seconds = _timed(lambda: read_text(path))
    print(f"big file:      {size:.0f} MB read in {seconds:.2f} s  ({size / seconds:.0f} MB/s)")
    print(f"big file peak Python memory (tracemalloc): {_peak(lambda: read_text(path)):.1f} MB")


def _read_all(paths: list[Path]) -> None:
    for path in paths:
        read_text(path)


def _blocks(text: str) -> list[str | list[list[str]]]:
    """A synthetic plan as paragraphs (str) and tables (rows of cells, from runs of `` | `` lines)."""
    blocks: list[str | list[list[str]]] = []
    table: list[list[str]] | None = None
    for line in text.strip().split("\n"):
        if " | " not in line:
            table = None
            blocks.append(line)
            continue
        if table is None:
            table = []
            blocks.append(table)
        table.append(line.split(" | "))
    return blocks


def _write_html(text: str, path: Path) -> None:
    parts = ['<html><head><meta charset="utf-8"></head><body><div class="nav"><a href="/">首页</a></div>']
    for body in _blocks(text):
        if isinstance(body, str):
            parts.append(f"<p>{escape(body)}</p>")
        else:
            rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in body)
            parts.append(f"<table>{rows}</table>")
    path.write_text("".join(parts) + "</body></html>", encoding="utf-8")


def _write_docx(text: str, path: Path) -> None:
    document = docx.Document()
    for body in _blocks(text):
        if isinstance(body, str):
            document.add_paragraph(body)
        else:
            table = document.add_table(rows=len(body), cols=len(body[0]))
            for r, row in enumerate(body):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
    document.save(str(path))


def _write_xlsx(text: str, path: Path) -> None:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("任务")
    for line in text.strip().split("\n"):
        sheet.append(line.split(" | "))
    workbook.save(path)


def bench_formats(folder: Path, docs: int, seed: int) -> None:
    """read_text on the same plans written as .html, .docx and .xlsx."""
    writers = {".html": _write_html, ".docx": _write_docx, ".xlsx": _write_xlsx}
    for suffix, write in writers.items():
        paths: list[Path] = []
        for name, text in generate_documents(docs, seed=seed):
            path = folder / (Path(name).stem + suffix)
            write(text, path)
            paths.append(path)
        size = sum(p.stat().st_size for p in paths) / MB
        seconds = _timed(partial(_read_all, paths))
        print(
            f"read_text {suffix:6} {docs} files, {size:5.1f} MB: {seconds:6.2f} s  {docs / seconds:7.0f} docs/s"
        )


def bench_big_xlsx(folder: Path, rows: int, seed: int) -> None:
    path = folder / "big.xlsx"
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("任务分解表")
    sheet.append(["序号", "工作任务", "牵头领导", "牵头单位", "配合单位", "完成时限"])
    written = 0
    while written < rows:
        for _, text in generate_documents(100, seed=seed * 10_000 + written):
            for line in text.split("\n"):
                cells = line.split(" | ")
                if len(cells) == 6 and cells[0].isdigit():
                    sheet.append(cells)
                    written += 1
    workbook.save(path)
    size = path.stat().st_size / MB
    seconds = _timed(lambda: read_text(path))
    peak = _peak(lambda: read_text(path))
    print(
        f"big xlsx:      {written} rows, {size:.1f} MB read in {seconds:.2f} s; peak Python memory {peak:.0f} MB"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--docs", type=int, default=1000, help="synthetic documents to generate (default 1000)"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic corpus (default 0)")
    parser.add_argument("--big-mb", type=int, default=100, help="size of the single large file; 0 skips it")
    parser.add_argument("--format-docs", type=int, default=200, help="plans per format for .html/.docx/.xlsx")
    parser.add_argument(
        "--xlsx-rows", type=int, default=50_000, help="rows of the large workbook; 0 skips it"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="zeren-bench-") as tmp:
        bench_corpus(Path(tmp) / "corpus", args.docs, args.seed)
        if args.format_docs:
            bench_formats(Path(tmp), args.format_docs, args.seed)
        if args.big_mb:
            bench_big_file(Path(tmp), args.big_mb, args.seed)
        if args.xlsx_rows:
            bench_big_xlsx(Path(tmp), args.xlsx_rows, args.seed)
    print(f"process max RSS: {_maxrss_mb():.0f} MB")


if __name__ == "__main__":
    main()
