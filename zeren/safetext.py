"""Text safe to print and to write: control characters and undecodable file-name bytes shown escaped.

A file name on Linux is bytes; Python keeps a byte that is not UTF-8 as a lone
surrogate (``\\udcff``), which no UTF-8 file can hold and which a terminal shows
as garbage. Control characters in a name (a newline, an escape sequence) would
split an ``Error:`` line or drive the terminal. One rule for all of them: each is
shown as a visible escape — ``\\xff`` for a file-name byte, ``\\n`` ``\\t``
``\\r``, ``\\x01`` for other controls — so two different names stay different.

>>> printable("d/\\udcff.txt")
'd/\\\\xff.txt'
>>> printable("县\\x01财政局\\n")
'县\\\\x01财政局\\\\n'
>>> xml_text("a\\tb\\x1b[31m")
'a\\tb\\\\x1b[31m'
"""

from __future__ import annotations

import os
import re

__all__ = ["printable", "path_text", "xml_text"]

# C0 and C1 controls and DEL (C1 0x9b is a terminal's CSI), lone surrogates, and the two non-characters
_NOT_PRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# what XML 1.0 cannot hold at all; tab, newline and carriage return it can
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a file-name byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` as one safe line for a terminal or a log: every control character escaped."""
    return _NOT_PRINTABLE.sub(_escape, text)


def path_text(path: str | os.PathLike[str]) -> str:
    """A file name as text: bytes that were not UTF-8 as ``\\xNN``, controls escaped."""
    return printable(os.fspath(path))


def xml_text(text: str) -> str:
    """``text`` with what XML 1.0 cannot hold escaped; tabs and newlines kept."""
    return _NOT_XML.sub(_escape, text)
