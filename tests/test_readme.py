"""The README stays true: its set-up commands exist and its Python snippet runs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _first_block(language: str) -> str:
    match = re.search(rf"```{language}\n(.*?)```", README, re.S)
    assert match is not None, f"README.md has no ```{language} block"
    return match.group(1)


def test_readme_opens_with_the_two_setup_commands():
    first_block = _first_block("bash")
    commands = [line.split("#")[0].strip() for line in first_block.splitlines() if line.strip()]
    assert commands == ["make demo", "make test"]
    targets = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demo:", targets, re.M) and re.search(r"^test:", targets, re.M)
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_python_snippet_runs(seeds_dir, monkeypatch):
    snippet = _first_block("python")
    monkeypatch.chdir(ROOT)
    namespace: dict = {}
    exec(compile(snippet, "README.md", "exec"), namespace)
    assert len(namespace["G"]) > 100


def test_demo_command_writes_the_tables_and_the_graph(tmp_path):
    result = subprocess.run(
        [str(Path(sys.executable).parent / "zeren"), "demo", "-o", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    for name in ("tasks.jsonl", "graph.json", "workload.csv", "graph.html", "report/index.html"):
        assert (tmp_path / name).stat().st_size > 0, name
