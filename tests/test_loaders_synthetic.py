"""Synthetic plans: deterministic, a few KB each, in the seeds' layouts, parsed into tasks."""

from __future__ import annotations

import doctest
from pathlib import Path

from zeren import loaders
from zeren.loaders.extract import parse_document
from zeren.loaders.readers import read_text
from zeren.loaders.synthetic import generate_documents, write_corpus


def test_deterministic_and_independent_of_n() -> None:
    assert list(generate_documents(3, seed=5)) == list(generate_documents(5, seed=5))[:3]
    assert list(generate_documents(3, seed=5)) != list(generate_documents(3, seed=6))


def test_names_unique_and_sizes_a_few_kb() -> None:
    documents = list(generate_documents(200, seed=1))
    assert len({name for name, _ in documents}) == 200
    assert all(2_000 < len(text.encode()) < 20_000 for _, text in documents)
    assert len({text for _, text in documents}) == 200


def test_every_measure_becomes_a_task() -> None:
    for name, text in generate_documents(20, seed=2):
        extraction = parse_document(text, source=name, doc=name.removesuffix(".txt"))
        inline = sum(text.count(marker) for marker in ("牵头单位:", "牵头单位：", "牵头,"))
        rows = sum(1 for line in text.split("\n") if line[:1].isdigit() and " | " in line)
        assert len(extraction.tasks) == inline + rows, name
        assert all(task.leads for task in extraction.tasks), name
        assert all(not set(task.leads) & set(task.supports) for task in extraction.tasks), name


def test_write_corpus(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "corpus", 4, seed=3)
    assert [p.name for p in paths] == [f"synthetic-0003-{i:06d}.txt" for i in range(4)]
    assert [read_text(p) for p in paths] == [text for _, text in generate_documents(4, seed=3)]


def test_doctests() -> None:
    result = doctest.testmod(loaders.synthetic)
    assert result.failed == 0 and result.attempted > 0
