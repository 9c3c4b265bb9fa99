"""Shared fixtures: where the shared corpus lives, and skips when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# the Neo4j fixtures (neo4j_driver, …) live in their own module
pytest_plugins = ["neo4j_fixtures"]

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ZEREN_SHARED", ROOT.parent / "shared")).resolve()
SAMPLES = ROOT / "zeren" / "samples" / "plans"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"shared corpus not found at {SHARED} (set ZEREN_SHARED to its folder)")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "corpus" / "seeds"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    return tmp_path


@pytest.fixture(scope="session")
def seeds_nx_graph(seeds_dir: Path):
    """The graph of both seed documents, built once by the real pipeline."""
    from zeren.graph.build import build_graph
    from zeren.loaders.batch import extract_paths

    batch = extract_paths(sorted(seeds_dir.glob("*.txt")))
    assert batch.failures == []
    return build_graph(batch.extractions)
