"""Plain text and Markdown files: decode, unify line ends, lay Markdown tables out as rows."""

from __future__ import annotations

import re
from pathlib import Path

from zeren.loaders.formats.encoding import decode_file
from zeren.loaders.formats.grid import CELL_SEPARATOR

__all__ = ["read_plain", "read_markdown", "markdown_to_text"]

_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M)
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_PIPE = re.compile(r"(?<!\\)\|")


def read_plain(path: Path, data: bytes | None = None) -> str:
    """A .txt file, encoding detected, line ends as ``\\n``; ``data``: its bytes, when already read."""
    return decode_file(path, data)


def read_markdown(path: Path, data: bytes | None = None) -> str:
    """A .md file as text (see ``markdown_to_text``)."""
    return markdown_to_text(read_plain(path, data))


def markdown_to_text(text: str) -> str:
    """Drop heading marks and table rules; write pipe-table rows as `` | `` rows.

    Numbering such as ``一、`` must start the line for the heading finders, so
    the ``#`` marks go; the rest of the Markdown is left as written.

    >>> markdown_to_text("# 一、总体要求\\n| 序号 | 牵头单位 |\\n|---|---|\\n| 1 | 县财政局 |")
    '一、总体要求\\n序号 | 牵头单位\\n1 | 县财政局'
    """
    text = _MD_HEADING.sub(r"\1", text)
    lines = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("|"):
            if _MD_RULE.match(stripped):
                continue
            body = stripped[1:-1] if stripped.endswith("|") and len(stripped) > 1 else stripped[1:]
            cells = [cell.strip().replace("\\|", "|") for cell in _MD_PIPE.split(body)]
            line = CELL_SEPARATOR.join(cells)
        lines.append(line)
    return "\n".join(lines)
