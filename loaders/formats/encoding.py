"""Decode the bytes of a text-like file whose encoding nobody declared reliably.

Chinese government files come as UTF-8 (with or without BOM), GBK/GB18030,
Big5 or UTF-16. Strict UTF-8 goes first because a false positive is nearly
impossible; only then is the guessing of ``charset-normalizer`` consulted, on a
sample so a 100 MB file is not analysed byte by byte.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from zeren.errors import LoaderError
from zeren.loaders.formats.warn import note

__all__ = ["decode_bytes", "decode_file"]

_BOMS = (  # UTF-32 before UTF-16: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Every GB name decodes with its superset, so rare characters of GB18030 never fail.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "hz": "gb18030", "big5": "big5hkscs", "ascii": "utf-8"}
_SAMPLE = 64 * 1024
_SHORT = 200
_CHUNK = 8 * 1024**2
_BINARY = "binary content (NUL bytes), not a text file"
_UNDECODABLE = "cannot decode the text (binary content or an unknown encoding)"
# Characters that do not occur in real text: controls (but tab, newline, form feed,
# carriage return), C1 controls, private use, the replacement character.
_JUNK = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")
# What a wrong UTF-16 byte order rarely yields: CJK, full-width forms, ASCII text, the
# punctuation and symbols Chinese documents use (“” — … ① ■ ×).
_TEXTLIKE = re.compile(
    "[\t\n\r\x20-\x7e\xa0-\xff\u2000-\u206f\u2160-\u217f\u2190-\u21ff\u2460-\u24ff"
    "\u2500-\u25ff\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)
# Mojibake: UTF-8 or GBK bytes once decoded as Latin-1/cp1252 (é, å, ä… where 中文 should be).
_LATIN_HIGH = re.compile("[\xc0-\xff]")
_CJK = re.compile("[\u3400-\u9fff]")
_MOST_REPLACED = 0.01  # a text with more undecodable bytes than this is not decoded in part


def _canonical(name: str) -> str:
    name = codecs.lookup(name).name
    return _SUPERSETS.get(name, name)


def _sample(data: bytes) -> bytes:
    """The first bytes, cut after a newline so no multi-byte character is split."""
    if len(data) <= _SAMPLE:
        return data
    cut = data.rfind(b"\n", 0, _SAMPLE)
    return data[: cut + 1] if cut > 0 else data[:_SAMPLE]


def _junk_ratio(text: str) -> float:
    return len(_JUNK.findall(text)) / max(len(text), 1)


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: the byte order whose text looks most like text."""
    sample = data[:_SAMPLE]
    best, best_share = None, 0.9  # below this share of text-like characters: not text
    for encoding in ("utf-16-le", "utf-16-be"):
        try:  # not final: the sample may end inside a character
            text = codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        share = len(_TEXTLIKE.findall(text)) / max(len(text), 1)
        if "\x00" not in text and share >= best_share:
            best, best_share = encoding, share
    return best


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(data: bytes, path: str, *, declared: str | None = None) -> str:
    """Decode ``data`` read from ``path``; ``declared`` is a charset the file names itself.

    >>> decode_bytes("青山县财政局".encode("gbk"), "a.txt")
    '青山县财政局'
    >>> decode_bytes(codecs.BOM_UTF8 + "云岭州".encode(), "a.txt")
    '云岭州'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], encoding)
            if text is None:
                raise LoaderError(path, f"not valid {encoding.upper()} text despite its byte-order mark")
            return text
    has_nul = b"\x00" in data
    # Valid UTF-8 wins even over a declared charset: pages moved to UTF-8 often
    # keep their old gb2312 <meta>, while GBK text is practically never valid UTF-8.
    text = None if has_nul else _strict(data, "utf-8")
    if text is None and declared:
        try:
            text = _strict(data, _canonical(declared))
        except (LookupError, ValueError):  # an unknown name, or one codecs cannot even look up
            text = None
    if text is not None and "\x00" not in text:
        return _unmangled(text)
    if has_nul:
        utf16 = _sniff_utf16(data)
        text = _strict(data, utf16) if utf16 else None
        if text is None:
            raise LoaderError(path, _BINARY)
        return text
    text = data.decode("utf-8", errors="replace")
    if _nearly_clean(text):
        _note_replaced(text, "UTF-8")
        return text
    return _unmangled(_guess(data, path))


def _candidates(sample: bytes, size: int) -> list[str]:
    """Encodings to try once strict UTF-8 has failed, likeliest first."""
    # GB18030 is the commonest non-UTF-8 encoding of Chinese documents; a few bytes
    # are too little for the guesser, which then prefers rarer encodings.
    from charset_normalizer import from_bytes  # imported late: only text that is not UTF-8 needs it

    candidates = ["gb18030"] if size < _SHORT else []
    best = from_bytes(sample).best()
    if best is not None:
        candidates.append(_canonical(best.encoding))
    candidates.append("gb18030")
    return list(dict.fromkeys(candidates))


def _guess(data: bytes, path: str) -> str:
    candidates = _candidates(_sample(data), len(data))
    for encoding in candidates:
        text = _strict(data, encoding)
        if text is not None and _junk_ratio(text[:_SAMPLE]) < 0.01:
            return text
    # a few bad bytes (a cut character, a damaged copy) must not lose the whole document
    encoding = _least_damaged(_sample(data), candidates)
    text = data.decode(encoding, errors="replace")
    if _partly(text, encoding):
        return text
    raise LoaderError(path, _UNDECODABLE)


def _least_damaged(sample: bytes, candidates: list[str]) -> str:
    """The candidate that decodes ``sample`` with the fewest replaced or junk characters."""

    def damage(encoding: str) -> float:
        text = sample.decode(encoding, errors="replace")
        return _junk_ratio(text)

    return min(candidates, key=damage)


def _partly(text: str, encoding: str) -> bool:
    """Whether ``text``, decoded with replacement, is the file's text with a few bytes lost (noted)."""
    replaced = text.count("\ufffd")
    sample = text[:_SAMPLE]
    other_junk = len(_JUNK.findall(sample)) - sample.count("\ufffd")
    if replaced > max(_MOST_REPLACED * len(text), 16) or other_junk > 0.01 * max(len(sample), 1):
        return False
    _note_replaced(text, encoding.upper())
    return True


def _note_replaced(text: str, encoding: str) -> None:
    replaced = text.count("\ufffd")
    if replaced:
        note(f"{replaced} undecodable byte sequence(s) in {encoding} text, shown as U+FFFD")


def _unmangled(text: str) -> str:
    """Text that is mojibake (UTF-8 or GBK bytes once decoded as Latin-1) repaired, or noted."""
    sample = text[:_SAMPLE]
    if not _LATIN_HIGH.search(sample):
        return text  # the common case: no Latin-1 letter at all, so nothing to count
    high = len(_LATIN_HIGH.findall(sample))
    if high < 8 or high < 4 * len(_CJK.findall(sample)):
        return text
    for wrong in ("cp1252", "latin-1"):
        for right in ("utf-8", "gb18030"):
            try:
                fixed = text.encode(wrong).decode(right)
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            if len(_CJK.findall(fixed[:_SAMPLE])) > high // 4:
                note(f"mojibake repaired: {right.upper()} text that had been decoded as {wrong}")
                return fixed
    note("the text looks like mojibake (Latin letters where Chinese is expected); tasks may be missing")
    return text


def decode_file(path: Path, data: bytes | None = None) -> str:
    """Decode a text file in chunks, line ends unified to ``\\n``.

    The same choices as ``decode_bytes``, but the bytes are never all in memory
    at once, so a file of hundreds of megabytes costs about twice its text.
    ``data``: the whole file when the caller has read it already (a small file),
    so that it is not opened again for each pass.
    """
    name = str(path)

    def source() -> BinaryIO:
        return io.BytesIO(data) if data is not None else path.open("rb")

    if data is not None:
        head = data[:_SAMPLE]
    else:
        with path.open("rb") as handle:
            head = handle.read(_SAMPLE)
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            try:
                return _stream(source, name, encoding, len(bom))
            except UnicodeDecodeError as err:
                message = f"not valid {encoding.upper()} text despite its byte-order mark"
                raise LoaderError(name, message) from err
    if b"\x00" in head:
        utf16 = _sniff_utf16(head)
        if utf16 is None:
            raise LoaderError(name, _BINARY)
        candidates = [utf16]
    else:
        try:
            return _unmangled(_stream(source, name, "utf-8"))
        except UnicodeDecodeError:
            pass
        text = _stream(source, name, "utf-8", errors="replace")
        if _nearly_clean(text):
            _note_replaced(text, "UTF-8")
            return text
        candidates = _candidates(_sample(head), len(data) if data is not None else path.stat().st_size)
    for encoding in candidates:
        try:
            text = _stream(source, name, encoding)
        except UnicodeDecodeError:
            continue
        if _junk_ratio(text[:_SAMPLE]) < 0.01:
            return _unmangled(text)
    encoding = _least_damaged(_sample(head), candidates)
    text = _stream(source, name, encoding, errors="replace")
    if _partly(text, encoding):
        return text
    raise LoaderError(name, _UNDECODABLE)


def _nearly_clean(text: str) -> bool:
    """UTF-8 with a few stray bytes (a bad copy, a cut character): keep it, marked with U+FFFD.

    Decoding it as GB18030 instead would turn every character into another.
    """
    return text.count("\ufffd") * 200 <= len(text)  # GBK read as UTF-8 is about half U+FFFD


def _stream(
    source: Callable[[], BinaryIO], name: str, encoding: str, skip: int = 0, *, errors: str = "strict"
) -> str:
    decoder = codecs.getincrementaldecoder(encoding)(errors=errors)
    parts: list[str] = []
    carry = ""  # a chunk may end between the CR and LF of one line end
    with source() as handle:
        handle.seek(skip)
        while True:
            chunk = handle.read(_CHUNK)
            piece = carry + decoder.decode(chunk, final=not chunk)
            if "\x00" in piece:
                raise LoaderError(name, _BINARY)
            carry = "\r" if piece.endswith("\r") and chunk else ""
            if carry:
                piece = piece[:-1]
            if "\r" in piece:
                piece = piece.replace("\r\n", "\n").replace("\r", "\n")
            parts.append(piece)
            if not chunk:
                return "".join(parts)
