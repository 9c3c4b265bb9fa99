"""A bounded, seeded fuzz of the parser, the HTML and Markdown readers and the decoders.

Whatever the input, the only exception allowed out is one of Zeren's own
(``ZerenError``, one line naming the file): anything else would reach the user
as "unexpected …". The inputs are built from the pieces plans are made of
(numbering, brackets, responsibility labels, table pipes, tags, byte-order marks)
mixed with arbitrary text, so that examples land near the parser's branches
rather than only in noise. The budget is fixed and derandomized: the same
examples run every time.
"""

from __future__ import annotations

import codecs
import contextlib
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from zeren.errors import ZerenError
from zeren.loaders.extract import extract_file, parse_document
from zeren.loaders.formats.encoding import decode_bytes, decode_file
from zeren.loaders.formats.htmlpage import html_to_text
from zeren.loaders.formats.plaintext import markdown_to_text

FUZZ = settings(
    max_examples=1500,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

PLAN_PIECES = [
    "\n",
    "\n\n",
    "一、",
    "二、",
    "（一）",
    "(二)",
    "1.",
    "2、",
    "(3)",
    "（",
    "）",
    "(",
    ")",
    "【",
    "】",
    "牵头单位",
    "责任单位",
    "配合单位",
    "牵头",
    "配合",
    "负责",
    ":",
    "：",
    ";",
    "；",
    "、",
    "，",
    "。",
    "县财政局",
    "州发展改革委",
    "市住房城乡建设局",
    "各乡（镇）人民政府",
    "县政府办",
    "县长",
    "副县长",
    "2025年12月底前",
    "长期坚持",
    "持续推进",
    "实施方案",
    "行动方案",
    "附件",
    "|",
    " | ",
    "\t",
    "　",
    "序号",
    "工作任务",
    "完成时限",
    "×",
    "#",
    "---",
    "<",
    ">",
    "\x00",
    "\x01",
    "\u200b",
    "\ufeff",
]
HTML_PIECES = [
    "<p>",
    "</p>",
    "<br>",
    "<table>",
    "</table>",
    "<tr>",
    "</tr>",
    "<td>",
    "</td>",
    "<th>",
    "<td rowspan=",
    "<td colspan=",
    "3>",
    "99999>",
    "-1>",
    "0>",
    "<ol start=",
    "<li>",
    "<nav>",
    "<script>",
    "</script>",
    "<style>",
    "<div class=breadcrumb>",
    "<a href='/'>",
    "</a>",
    "<!--",
    "-->",
    "<?xml version='1.0'?>",
    "<![CDATA[",
    "]]>",
    "&nbsp;",
    "&#0;",
    "&#x1F;",
    "&amp;",
    "<meta charset=gbk>",
    '"',
    "'",
    "=",
]
ENCODINGS = ["utf-8", "gbk", "gb18030", "big5", "utf-16-le", "utf-16-be", "shift_jis", "latin-1"]
BOMS = [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]


def _mixed(pieces: list[str], max_size: int = 60) -> st.SearchStrategy[str]:
    part = st.sampled_from(pieces) | st.text(max_size=8)
    return st.lists(part, max_size=max_size).map("".join)


@FUZZ
@given(_mixed(PLAN_PIECES, 120))
def test_parse_document_raises_only_zeren_errors(text):
    try:
        extraction = parse_document(text, source="fuzz.txt", doc="fuzz")
    except ZerenError:
        return
    # every task keeps to what a task is: text and at least one named unit
    for task in extraction.tasks:
        assert isinstance(task.text, str)
        assert task.leads or task.supports or task.leaders


@FUZZ
@given(_mixed(HTML_PIECES + PLAN_PIECES, 80))
@example("<p><?xml version='1.0'?>&#x1F;")  # found by this test: lxml refused the moved tail
@example("<p>a<!-- c -->\x1b</p>")
def test_html_to_text_raises_only_zeren_errors(markup):
    with contextlib.suppress(ZerenError):
        assert isinstance(html_to_text(markup), str)


@FUZZ
@given(_mixed(PLAN_PIECES, 80))
def test_markdown_to_text_raises_only_zeren_errors(text):
    with contextlib.suppress(ZerenError):
        assert isinstance(markdown_to_text(text), str)


def _encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


# damaged bytes are reported as ReadWarnings; that they are reported is tested in test_loaders_badinput
@pytest.mark.filterwarnings("ignore::zeren.loaders.formats.warn.ReadWarning")
@FUZZ
@given(
    st.sampled_from(BOMS),
    _mixed(PLAN_PIECES, 40),
    st.sampled_from(ENCODINGS),
    st.binary(max_size=40),
    st.sampled_from([None, "gb2312", "utf-8", "x-no-such-charset", "", "utf-7", "\x00"]),
)
@example(b"", "", "utf-8", b"\x00", "\x00")  # found by this test: codecs.lookup raised ValueError
def test_decode_bytes_raises_only_zeren_errors(bom, text, encoding, noise, declared):
    data = bom + _encoded(text, encoding) + noise
    try:
        assert isinstance(decode_bytes(data, "fuzz.txt", declared=declared), str)
    except ZerenError as err:
        assert str(err).startswith("fuzz.txt")


@settings(FUZZ, max_examples=300)
@given(
    st.sampled_from([".txt", ".md", ".html", ".htm"]),
    st.sampled_from(BOMS),
    _mixed(HTML_PIECES + PLAN_PIECES, 60),
    st.sampled_from(ENCODINGS),
)
def test_reading_a_file_raises_only_zeren_errors(suffix, bom, text, encoding):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(bom + _encoded(text, encoding))
        with contextlib.suppress(ZerenError):
            assert isinstance(decode_file(path), str)
        try:
            extract_file(path)
        except ZerenError as err:
            assert str(err).startswith(str(path))
