"""The speed-ups change no output: memoised parsing, chunked workers and late imports.

Timings live in benchmarks/ (``bench_all.py``, ``extract_throughput.py``); here
only what must stay the same whatever the speed is checked.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from types import ModuleType

import pytest

import zeren.loaders.batch as batch
from zeren.loaders import document, extract, inline, names, normalise, notes, rows, tables
from zeren.loaders.batch import extract_paths
from zeren.loaders.export import report_row, task_row
from zeren.loaders.extract import parse_document
from zeren.loaders.synthetic import generate_plans, write_corpus

MEMOISED: tuple[ModuleType, ...] = (document, extract, inline, names, normalise, notes, rows, tables)


def _clear_caches() -> int:
    cleared = 0
    for module in MEMOISED:
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)) and value.__module__ == module.__name__:
                value.cache_clear()
                cleared += 1
    return cleared


def _rows(text: str, doc: str) -> list[str]:
    ex = parse_document(text, source=f"{doc}.txt", doc=doc)
    out = [*map(task_row, ex.tasks), *map(report_row, ex.report)]
    return [json.dumps(row, ensure_ascii=False, sort_keys=True) for row in out]


def test_memoised_parsing_does_not_depend_on_what_was_read_before():
    """Each plan read with cold caches gives what it gives after the others warmed them, in any order."""
    plans = [(p.name, p.text) for p in generate_plans(40, seed=2024, damage=True)]
    assert _clear_caches() >= 5  # the memoised readers are found, so the cold run is cold
    cold = {}
    for name, text in plans:
        _clear_caches()
        cold[name] = _rows(text, name)
    warm = {name: _rows(text, name) for name, text in reversed(plans)}
    assert sum(len(r) for r in cold.values()) > 200
    assert warm == cold


@pytest.fixture()
def mixed_corpus(tmp_path):
    write_corpus(tmp_path, 30, seed=23)
    big = "\n".join(p.text for p in generate_plans(60, seed=24))  # one file larger than a chunk
    (tmp_path / "synthetic-big.txt").write_text(big, encoding="utf-8")
    (tmp_path / "synthetic-0000-000011.docx").write_bytes(b"not a zip at all")  # fails inside a chunk
    return tmp_path


def _digest(result) -> list[str]:
    lines = []
    for e in result.extractions:
        lines += [json.dumps(task_row(t), ensure_ascii=False) for t in e.tasks]
        lines += [json.dumps(report_row(r), ensure_ascii=False) for r in e.report]
    return lines + [str(f) for f in result.failures] + result.warnings


def test_chunks_of_files_give_the_serial_bytes_in_input_order(mixed_corpus, monkeypatch):
    assert (mixed_corpus / "synthetic-big.txt").stat().st_size > batch.CHUNK_BYTES
    serial = extract_paths([mixed_corpus], workers=1)
    monkeypatch.setattr(batch, "CHUNK_FILES", 3)  # many chunks, one bad file in the middle of one
    chunked = extract_paths([mixed_corpus], workers=2)
    assert len(serial.extractions) == 31 and len(serial.failures) == 1
    assert [e.document.id for e in chunked.extractions] == [e.document.id for e in serial.extractions]
    assert _digest(chunked) == _digest(serial)


def test_chunks_close_at_either_bound(tmp_path, monkeypatch):
    files = write_corpus(tmp_path, 10, seed=5)
    from zeren.loaders.inputs import collect_files

    inputs = collect_files([tmp_path])
    monkeypatch.setattr(batch, "CHUNK_FILES", 4)
    assert [len(c) for c in batch._chunks(inputs)] == [4, 4, 2]
    monkeypatch.setattr(batch, "CHUNK_BYTES", 1)  # every file is past the byte bound
    assert [len(c) for c in batch._chunks(inputs)] == [1] * len(files)


PROBE = """
import json, sys
sys.argv = ["zeren", "extract", sys.argv[1], "-o", sys.argv[2]]
from zeren.cli import main
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def test_extracting_one_utf8_file_imports_no_process_pool_or_encoding_guesser(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text("青山县修路行动方案\n1.修路。(牵头单位:县交通局;责任单位:县财政局)\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(plan), str(tmp_path / "tasks.jsonl")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert (tmp_path / "tasks.jsonl").read_text(encoding="utf-8").count("\n") == 1
    assert "zeren.loaders.batch" in loaded
    assert loaded.isdisjoint({"multiprocessing", "concurrent.futures.process", "charset_normalizer"})


# sha256 of `zeren extract`'s outputs on generated plans with damage (every 4th file
# GB18030), recorded from the code as it was before any speed work. A change to these
# outputs must be meant: then record the new sums here and say why in the commit.
BEFORE_SPEED_WORK = {
    777: {
        "tasks": "ecedd9e24b41b2455c5f430ee69de0bd06b513aaea024d39fdde3f5ecafe725b",
        "agencies": "6edae5e62c15e098f9c3e626048a90ebd0511c1478c8684a8ec065e495c6039c",
        "report": "3aa742c389ecbe74aed89144351f1adf45f88c21c42bae9d987ead494a51e698",
    },
    5: {
        "tasks": "ede18322929fbcbf1720a04c5c1ee13422c4136ce5f3012d9406fcc51806bdac",
        "agencies": "9878427b2e30032cded1181b7f436648372f22133fc20954cfc2d4bc423a7a8d",
        "report": "1b08dc6733ccc69d238a5ae022700e8434f4b3b7090b85fa762441051638b7ec",
    },
}
PLANS_PER_SEED = {777: 300, 5: 200}


@pytest.mark.parametrize("seed", sorted(BEFORE_SPEED_WORK))
def test_extract_output_is_the_same_as_before_the_speed_work(tmp_path, seed):
    folder = tmp_path / f"damaged{seed}"
    folder.mkdir()
    for k, plan in enumerate(generate_plans(PLANS_PER_SEED[seed], seed=seed, damage=True)):
        (folder / plan.name).write_bytes(plan.text.encode("gb18030" if k % 4 == 3 else "utf-8"))
    out = {name: tmp_path / f"{name}.jsonl" for name in ("tasks", "agencies", "report")}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "zeren",
            "extract",
            str(folder),
            "-o",
            str(out["tasks"]),
            "--agencies",
            str(out["agencies"]),
            "--report",
            str(out["report"]),
        ],
        check=True,
        capture_output=True,
    )
    sums = {name: hashlib.sha256(path.read_bytes()).hexdigest() for name, path in out.items()}
    assert sums == BEFORE_SPEED_WORK[seed]
