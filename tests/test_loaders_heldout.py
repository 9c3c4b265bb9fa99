"""Plans the extractor was never tuned on, scored by the shared scorer against hand-written answers.

Each ``tests/fixtures/heldout/<doc>.txt`` is an invented plan in a layout the
shared corpus covers thinly (notes in 【】/〔〕, ①②③ and 第一条 numbering,
markdown and tab-separated task tables, a notice with two attachments,
traditional characters, a note after several sub-items, labelled notes
inside a paragraph, labels on the line under a numbered title, a 责任主体
table, notes in square brackets, a label after a comma or boxed as
``【牵头单位】``, a standing note for every township, ``X、Y按职责分工负责`` with
no lead, a table whose cells are separated by runs of spaces, …);
``<doc>.expected.jsonl`` holds its answers, written from the eval README's
conventions before the extractor was run on it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from scoring import run_scorer, write_tasks

from loaders.extract import extract_file

HELDOUT = Path(__file__).resolve().parent / "fixtures" / "heldout"
DOCS = sorted(p.stem for p in HELDOUT.glob("*.txt"))


@pytest.fixture(scope="module")
def heldout_report(shared_dir, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("heldout")
    gold = out / "gold"
    gold.mkdir()
    for doc in DOCS:
        shutil.copy(HELDOUT / f"{doc}.expected.jsonl", gold / f"{doc}.jsonl")
    pred = write_tasks(out / "tasks.jsonl", (extract_file(HELDOUT / f"{doc}.txt") for doc in DOCS))
    return run_scorer(shared_dir, pred, gold=gold)


def test_every_document_has_expected_answers():
    assert len(DOCS) == 18
    for doc in DOCS:
        rows = [
            json.loads(line) for line in (HELDOUT / f"{doc}.expected.jsonl").read_text("utf-8").splitlines()
        ]
        assert rows and all(row["doc"] == doc and row["key"] for row in rows)


@pytest.mark.parametrize("doc", DOCS)
def test_heldout_assignment_f1(heldout_report, doc):
    scores = heldout_report["docs"][doc]
    assert scores["matched"] == scores["gold_tasks"]
    assert scores["assignment_f1"] >= 0.9


def test_heldout_overall(heldout_report):
    overall = heldout_report["overall"]
    assert overall["task_recall"] == 1.0
    assert overall["task_precision"] == 1.0
    assert overall["deadline_accuracy"] == 1.0
    assert overall["plan_accuracy"] == 1.0
    assert overall["assignment_f1"] == 1.0


def test_heldout_jurisdictions():
    found = {doc: extract_file(HELDOUT / f"{doc}.txt").document for doc in DOCS}
    assert {doc: (d.jurisdiction, d.level) for doc, d in found.items()} == {
        "h01-bixi-bracket-notes": ("碧溪县", "county"),
        "h02-luming-markdown-table": ("鹿鸣市", "prefecture"),
        "h03-yunling-traditional": ("云岭州", "prefecture"),
        "h04-bailu-two-attachments": ("白鹭市", "prefecture"),
        "h05-qingshan-articles": ("青山县", "county"),
        "h06-xinghu-note-after-subitems": ("星湖市", "prefecture"),
        "h07-yanhui-tab-table": ("雁回镇", "township"),
        "h08-jichuan-first-named-leads": ("霁川市", "prefecture"),
        "h09-chenghu-leading-notes": ("澄湖县", "county"),
        "h10-songxi-pipe-table": ("松溪区", "county"),
        "h11-hexi-midparagraph-labels": ("河西市", "prefecture"),
        "h12-yanqi-labels-under-title": ("雁栖县", "county"),
        "h13-wangjiang-duty-subject-table": ("望江市", "prefecture"),
        "h14-qingyuan-square-brackets": ("清源镇", "township"),
        "h15-lanshan-comma-and-box-labels": ("岚山市", "prefecture"),
        "h16-fengyang-county-standing-note": ("枫阳县", "county"),
        # a national-style text that names no issuer: nothing to read the jurisdiction from
        "h17-national-duty-division": ("", ""),
        "h18-tiecheng-space-table": ("铁城区", "county"),
    }
