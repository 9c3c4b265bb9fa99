"""The batch layer: extraction on all cores gives the same bytes as one core, in input order."""

from __future__ import annotations

import hashlib
import json
import pickle

import pytest

from zeren.errors import LoaderError
from zeren.loaders.batch import extract_paths, iter_extractions
from zeren.loaders.export import TaskLines, report_row, task_line, task_row
from zeren.loaders.inputs import collect_files
from zeren.loaders.synthetic import write_corpus


def checksum(batch) -> str:
    digest = hashlib.sha256()
    for e in batch.extractions:
        for row in (*map(task_row, e.tasks), *map(report_row, e.report)):
            digest.update(json.dumps(row, ensure_ascii=False, sort_keys=True).encode() + b"\n")
    for failure in batch.failures:
        digest.update(str(failure).encode() + b"\n")
    return digest.hexdigest()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, 60, seed=11)
    (folder / "zz-broken.docx").write_bytes(b"not a zip at all")
    return folder


def test_parallel_extraction_is_byte_identical_to_serial(corpus):
    serial = extract_paths([corpus], workers=1)
    parallel = extract_paths([corpus], workers=3)
    assert len(serial.extractions) == 60 and len(serial.failures) == 1
    assert checksum(parallel) == checksum(serial)


def test_task_lines_from_workers_are_the_tasks_jsonl_text_and_the_same_records(corpus):
    files = collect_files([corpus])
    plain = [o.extraction for o in iter_extractions(files, workers=1) if o.extraction]
    lined = [o.extraction for o in iter_extractions(files, workers=2, task_lines=True) if o.extraction]
    assert sum(len(e.tasks) for e in plain) > 100
    for before, after in zip(plain, lined, strict=True):
        assert isinstance(after.tasks, TaskLines)
        assert after.tasks.text == "".join(
            json.dumps(task_row(t), ensure_ascii=False) + "\n" for t in before.tasks
        )
        assert len(after.tasks) == len(before.tasks)
        assert list(after.tasks) == before.tasks and after == before  # rebuilt from the text, field for field


def test_task_lines_keep_odd_characters_and_split_only_on_newlines():
    from zeren.loaders.records import Task

    odd = Task(doc="d", plan="p", text="一\u2028二\x85三\n四\x00", leads=("县财政局",), deadline=None, line=7)
    back = pickle.loads(pickle.dumps(TaskLines([odd, odd])))
    assert back.text == task_line(odd) * 2 and list(back) == [odd, odd]


def test_results_come_back_in_input_order_with_failures_in_place(corpus):
    files = collect_files([corpus])
    names = [o.file.source for o in iter_extractions(files, workers=2)]
    assert names == sorted(names)
    outcomes = {o.file.source: o for o in iter_extractions(files, workers=2)}
    assert isinstance(outcomes["zz-broken.docx"].failure, LoaderError)
    assert outcomes["zz-broken.docx"].extraction is None
    assert "zz-broken.docx" in str(outcomes["zz-broken.docx"].failure)


def test_a_bad_worker_setting_is_a_clear_error(monkeypatch, corpus):
    from zeren.errors import ZerenError

    monkeypatch.setenv("ZEREN_WORKERS", "many")
    with pytest.raises(ZerenError, match="ZEREN_WORKERS must be a whole number"):
        extract_paths([corpus])
