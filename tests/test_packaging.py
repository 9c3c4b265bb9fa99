"""The built wheel, installed into a fresh venv outside the checkout, as a new user gets it.

It installs one top-level name, ``zeren``; carries everything read at run time
(data, templates, Cypher, samples, the CJK font); and runs the demo and the
report in a fresh home with system fonts hidden from matplotlib, without one
missing-glyph warning.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow

# matplotlib sees only its own bundled fonts (no CJK glyphs), then Zeren's run; a missing glyph is an error
HIDE_SYSTEM_FONTS = """
import sys, warnings
import matplotlib
import matplotlib.font_manager as fm
fm.fontManager.ttflist = [f for f in fm.fontManager.ttflist if f.fname.startswith(matplotlib.get_data_path())]
warnings.filterwarnings("error", message=".*missing from font")
from zeren.cli import main
sys.argv = ["zeren", *sys.argv[1:]]
main()
"""


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    """A fresh venv with only the built wheel (and its dependencies) installed; returns its python."""
    base = tmp_path_factory.mktemp("wheel")
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
            str(base),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(base.glob("zeren-*.whl"))
    subprocess.run([sys.executable, "-m", "venv", str(base / "venv")], check=True, timeout=120)
    python = base / "venv" / "bin" / "python"
    result = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(wheel)], capture_output=True, text=True, timeout=900
    )
    if result.returncode != 0:
        pytest.fail(f"installing the wheel failed: {result.stderr[-2000:]}")
    return python


def _fresh_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "MPL"))}
    env.update(HOME=str(home), MPLCONFIGDIR=str(home / "mpl"), XDG_CACHE_HOME=str(home / "cache"))
    return env


def test_wheel_installs_one_top_level_name(venv):
    site = Path(
        subprocess.run(
            [str(venv), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    shown = subprocess.run(
        [str(venv), "-m", "pip", "show", "-f", "zeren"], capture_output=True, text=True, check=True
    ).stdout
    files = [line.strip() for line in shown.split("Files:", 1)[1].splitlines() if line.strip()]
    tops = {f.split("/")[0] for f in files if not f.startswith("..")}
    assert {t for t in tops if not t.startswith("zeren-")} == {"zeren"}
    for sub in ("graph", "loaders", "queries", "viz"):
        assert (site / "zeren" / sub / "__init__.py").is_file()
    for name in ("graph", "loaders", "queries", "viz"):
        result = subprocess.run(
            [str(venv), "-c", f"import {name}"], capture_output=True, text=True, cwd=site.parent
        )
        assert result.returncode != 0 and "No module named" in result.stderr, name
    ok = subprocess.run(
        [str(venv), "-c", "import zeren.loaders, zeren.graph, zeren.queries, zeren.viz; print('ok')"],
        cwd=site.parent,
        capture_output=True,
        text=True,
    )
    assert ok.stdout.strip() == "ok", ok.stderr


@pytest.mark.skipif(
    platform.python_implementation() != "CPython" or platform.machine() not in ("x86_64", "AMD64", "arm64"),
    reason="neo4j-rust-ext is a dependency only where PyPI has its wheels (x86-64, Apple silicon)",
)
def test_wheel_brings_the_drivers_compiled_packer(venv):
    # without it a push takes about twice the client CPU; a venv once lost it unnoticed
    found = subprocess.run(
        [
            str(venv),
            "-c",
            "import importlib.util; print(importlib.util.find_spec('neo4j._rust') is not None)",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert found.stdout.strip() == "True"


def test_demo_and_report_in_a_fresh_home_without_system_fonts(venv, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    out = tmp_path / "demo"
    env = _fresh_env(home)
    demo = subprocess.run(
        [str(venv), "-c", HIDE_SYSTEM_FONTS, "demo", "-o", str(out)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert demo.returncode == 0, demo.stderr[-3000:]
    assert "missing from font" not in demo.stderr
    report = subprocess.run(
        [str(venv), "-c", HIDE_SYSTEM_FONTS, "report", str(out / "graph.json"), "-o", str(tmp_path / "r")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert report.returncode == 0, report.stderr[-3000:]
    for png in [*(out / "report").glob("*.png"), *(tmp_path / "r").glob("*.png")]:
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (tmp_path / "r" / "ZerenNotoSansSC-Regular.otf").is_file()
    assert (out / "workload.csv").read_text(encoding="utf-8").count("\n") > 10
    assert str(ROOT) not in (out / "graph.json").read_text(encoding="utf-8")
