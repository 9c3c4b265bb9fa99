"""The real pipeline over the shared corpus, scored by the shared scorer against the gold.

Thresholds are what the extraction reaches today (see the eval README for the
measures); a drop below them is a regression.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from scoring import run_scorer, write_tasks

from zeren.loaders.batch import extract_paths

SEEDS = ("chuxiong-2019-six-campaigns", "wuding-2024-park-campaign")


def score(shared: Path, folder: Path, out: Path, docs: tuple[str, ...] = ()) -> dict:
    result = extract_paths([folder])
    assert result.failures == []
    return run_scorer(shared, write_tasks(out / "tasks.jsonl", result.extractions), docs=docs)


@pytest.fixture(scope="module")
def corpus_report(shared_dir, tmp_path_factory) -> dict:
    return score(shared_dir, shared_dir / "corpus", tmp_path_factory.mktemp("corpus"))


def test_each_seed_is_extracted_completely(shared_dir, seeds_dir, tmp_path):
    report = score(shared_dir, seeds_dir, tmp_path, SEEDS)
    for doc in SEEDS:
        d = report["docs"][doc]
        assert d["matched"] == d["gold_tasks"], doc  # task recall 1.0
        assert d["assignment_f1"] >= 0.97, doc


def test_whole_corpus_meets_the_targets(corpus_report):
    overall = corpus_report["overall"]
    assert overall["docs"] >= 28
    assert overall["assignment_f1"] >= 0.98
    assert overall["task_recall"] >= 0.99
    assert overall["task_precision"] >= 0.98
    assert overall["deadline_accuracy"] >= 0.98
    assert overall["plan_accuracy"] >= 0.95


def test_every_document_scores_well(corpus_report):
    scores = {doc: d["assignment_f1"] for doc, d in corpus_report["docs"].items()}
    assert min(scores.values()) >= 0.85, scores
    assert [doc for doc, f1 in scores.items() if f1 < 0.95] == []
