"""Running the shared scorer (../shared/eval/score.py) from tests, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from zeren.loaders.export import task_row
from zeren.loaders.records import Extraction


def write_tasks(path: Path, extractions: Iterable[Extraction]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for extraction in extractions:
            for task in extraction.tasks:
                fh.write(json.dumps(task_row(task), ensure_ascii=False) + "\n")
    return path


def run_scorer(
    shared: Path,
    pred: Path,
    *,
    gold: Path | None = None,
    docs: Iterable[str] = (),
    aliases: Path | None = None,
) -> dict:
    """The scorer's ``--json`` report for ``pred`` against ``gold`` (default: the shared gold)."""
    cmd = [sys.executable, str(shared / "eval" / "score.py"), "--gold", str(gold or shared / "eval" / "gold")]
    cmd += ["--pred", str(pred), "--json"]
    if docs:
        cmd += ["--docs", *docs]
    if aliases:
        cmd += ["--aliases", str(aliases)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True, timeout=120)
    return json.loads(done.stdout)
