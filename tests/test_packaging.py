"""A built wheel carries everything the code reads at run time (data, templates, Cypher, samples)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_runs_the_demo_outside_the_checkout(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(tmp_path.glob("zeren-*.whl"))
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    out = tmp_path / "demo"
    # run from an empty folder with the wheel's files first on the path, so nothing is read from the checkout
    code = f"import sys; sys.path.insert(0, {str(site)!r}); from zeren.cli import main; sys.argv = ['zeren', 'demo', '-o', {str(out)!r}]; main()"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert (out / "report" / "index.html").stat().st_size > 0
    assert (out / "workload.csv").read_text(encoding="utf-8").count("\n") > 10
