"""docs/cli.md is the --help of every command, and stays so."""

from __future__ import annotations

from pathlib import Path

from zeren.clidoc import render_cli_reference

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def test_cli_reference_is_up_to_date():
    expected = render_cli_reference() + "\n"
    assert DOC.read_text(encoding="utf-8") == expected, (
        "docs/cli.md is stale: run python -m zeren.clidoc > docs/cli.md"
    )
