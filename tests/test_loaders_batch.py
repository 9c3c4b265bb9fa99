"""The batch layer: extraction on all cores gives the same bytes as one core, in input order."""

from __future__ import annotations

import hashlib
import json

import pytest

from zeren.errors import LoaderError
from zeren.loaders.batch import extract_paths, iter_extractions
from zeren.loaders.export import report_row, task_row
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
