"""read_text on text files: encodings detected, line ends unified, Markdown tables, big files, the corpus."""

from __future__ import annotations

import codecs
import doctest
import importlib
import time
from pathlib import Path

import pytest

from zeren import loaders
from zeren.loaders.readers import SUPPORTED_SUFFIXES, read_text

PLAN = "青山县2024年营商环境行动方案\n1.优化服务。(牵头单位:县政务服务管理局;责任单位:县财政局、县税务局)\n"
TRADITIONAL = (
    "青山縣2024年營商環境行動方案\n1.優化服務。(牽頭單位:縣政務服務管理局;責任單位:縣財政局、縣稅務局)\n"
)


def test_supported_suffixes() -> None:
    assert SUPPORTED_SUFFIXES == (
        ".txt", ".md", ".html", ".htm", ".docx", ".xlsx", ".pdf",
        ".doc", ".wps", ".rtf", ".xls", ".et", ".ofd", ".zip",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (PLAN.encode("utf-8"), PLAN),
        (codecs.BOM_UTF8 + PLAN.encode("utf-8"), PLAN),
        (PLAN.encode("gbk"), PLAN),
        ((PLAN + "䶮𠀀").encode("gb18030"), PLAN + "䶮𠀀"),  # outside GBK: only GB18030 has them
        (TRADITIONAL.encode("big5"), TRADITIONAL),
        (PLAN.encode("utf-16"), PLAN),  # with a byte-order mark
        (PLAN.encode("utf-16-le"), PLAN),  # without one: detected
        (PLAN.encode("utf-16-be"), PLAN),
        (PLAN.encode("utf-32"), PLAN),
        ("县局".encode("gbk"), "县局"),  # too short to guess: GB18030 preferred
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "gbk",
        "gb18030",
        "big5",
        "utf16-bom",
        "utf16le",
        "utf16be",
        "utf32",
        "short-gbk",
    ],
)
def test_text_encodings(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(data)
    assert read_text(path) == expected


def test_nearly_utf8_keeps_its_text(tmp_path: Path) -> None:
    # Two stray bytes in a UTF-8 file: marked, not a reason to read the rest as GB18030.
    path = tmp_path / "plan.txt"
    path.write_bytes(PLAN.encode() * 20 + b"\xb8\xdf" + "云岭州".encode())
    assert read_text(path) == PLAN * 20 + "\ufffd\ufffd云岭州"


def test_line_ends_unified(tmp_path: Path) -> None:
    path = tmp_path / "plan.TXT"  # the suffix is matched without regard to case
    path.write_bytes("一、总体要求\r\n二、重点任务\r三、保障措施\n".encode("gbk"))
    assert read_text(path) == "一、总体要求\n二、重点任务\n三、保障措施\n"


def test_markdown_tables_and_headings(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(
        "# 云岭州2023年行动方案\n\n## 一、重点任务\n\n"
        "| 序号 | 工作任务 | 牵头单位 |\n|:---:|---|---|\n| 1 | 修路 | 州交通运输局 |\n| 2 | 建桥 \\| 修涵 | 州财政局 |\n",
        encoding="utf-8",
    )
    assert read_text(path) == (
        "云岭州2023年行动方案\n\n一、重点任务\n\n序号 | 工作任务 | 牵头单位\n1 | 修路 | 州交通运输局\n"
        "2 | 建桥 | 修涵 | 州财政局\n"
    )


def test_hundred_megabyte_file(tmp_path: Path) -> None:
    block = (PLAN * 40).replace("\n", "\r\n").encode("utf-8")
    path = tmp_path / "big.txt"
    with path.open("wb") as out:
        for _ in range(100 * 1024**2 // len(block) + 1):
            out.write(block)
    start = time.perf_counter()
    text = read_text(path)
    seconds = time.perf_counter() - start
    assert len(text) == (100 * 1024**2 // len(block) + 1) * len(PLAN) * 40
    assert text.startswith(PLAN) and "\r" not in text
    assert seconds < 30  # about 2 s on a laptop; a hang or quadratic decode would blow this


def test_module_doctests() -> None:
    for name in (
        "readers",
        "formats.encoding",
        "formats.grid",
        "formats.htmlpage",
        "formats.pdfdoc",
        "formats.plaintext",
        "formats.workbook",
        "formats.wordnumbering",
    ):
        module = importlib.import_module(f"{loaders.__name__}.{name}")
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert result.failed == 0, module.__name__
        assert result.attempted > 0, module.__name__


def test_reads_the_seeds(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        text = read_text(path)
        assert "\r" not in text and "\ufeff" not in text
        assert text.count("\n") > 50, path.name


def test_reads_dev_web_pages(shared_dir: Path) -> None:
    pages = sorted((shared_dir / "corpus" / "dev").glob("*.htm*"))
    assert pages
    for path in pages:
        lines = read_text(path).split("\n")
        assert len(lines) > 20, path.name
        assert all(line and line == line.strip() for line in lines), path.name
        assert not any("<" in line and ">" in line and "style=" in line for line in lines), path.name
        # the page's date line survives as a line of its own
        assert any(line.endswith("日") and line[:4].isdigit() and len(line) <= 11 for line in lines), (
            path.name
        )
