"""Both notebooks run top to bottom on the venv's Python with no error cell."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
KERNEL = "zeren-venv"


@pytest.fixture(scope="module")
def kernel_dir(tmp_path_factory) -> Path:
    """A kernelspec running this interpreter, so the notebooks import the package installed here."""
    folder = tmp_path_factory.mktemp("jupyter")
    spec = folder / "kernels" / KERNEL
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": "Zeren (.venv)", "language": "python"})
    )
    return folder


def run(name: str, kernel_dir: Path, monkeypatch, tmp_path: Path) -> nbformat.NotebookNode:
    monkeypatch.setenv("JUPYTER_PATH", str(kernel_dir))
    monkeypatch.setenv("ZEREN_REPORT_DIR", str(tmp_path / "report"))
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    client = NotebookClient(
        nb,
        kernel_name=KERNEL,
        timeout=300,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
        allow_errors=True,
    )
    client.execute()
    return nb


def outputs(nb: nbformat.NotebookNode) -> tuple[list[dict], str, str]:
    """Error outputs, all printed text, all HTML shown."""
    errors, text, html = [], [], []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out["output_type"] == "error":
                errors.append({"ename": out["ename"], "evalue": out["evalue"]})
            elif out["output_type"] == "stream":
                text.append(out["text"])
            else:
                html.append(out.get("data", {}).get("text/html", ""))
                text.append(out.get("data", {}).get("text/plain", ""))
    return errors, "\n".join(text), "\n".join(html)


def test_analyst_notebook_runs(kernel_dir, monkeypatch, tmp_path):
    errors, text, html = outputs(run("analyst", kernel_dir, monkeypatch, tmp_path))
    assert errors == []
    assert "documents read, 0 failed" in text
    assert "inspecting: " in text
    assert "community 1: " in text
    assert html.count("<iframe srcdoc=") == 2  # the ego and co-responsibility views, inline
    assert "vis.Network" in html


def test_planner_notebook_runs(kernel_dir, monkeypatch, tmp_path):
    errors, text, _ = outputs(run("planner", kernel_dir, monkeypatch, tmp_path))
    assert errors == []
    assert "county units overloaded" in text and "collectives listed apart" in text
    assert "support roles held by overloaded agencies" in text
    assert "ledger: 3 rows matched, 0 unmatched" in text
    assert "report written: index.html" in text
    assert (tmp_path / "report" / "index.html").is_file()


def test_notebooks_use_only_the_public_api():
    for path in NOTEBOOKS.glob("*.ipynb"):
        source = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
        assert "import viz." not in source and "from viz." not in source, path.name
        assert "queries._" not in source and "from queries." not in source, path.name
