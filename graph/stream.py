"""Reading a saved Zeren graph file one node or link at a time, in bounded memory.

``graph.io.load_graph`` builds the whole NetworkX graph, which is what queries
need; a push to Neo4j only passes each node and link on, so it reads the same
node-link JSON as a stream: ``iter_graph_file`` yields ``("node", attrs)`` and
``("link", attrs)`` in file order (``save_graph`` writes every node before the
first link), holding one read buffer and one item at a time. Each item is
decoded by the C JSON decoder; only the separators between items are walked in
Python.

>>> import json, tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "g.json")
>>> _ = open(path, "w").write(json.dumps({"zeren_graph": 1, "nodes": [{"id": "a"}], "links": []}))
>>> list(iter_graph_file(path))
[('node', {'id': 'a'})]
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from zeren.errors import GraphFileError
from zeren.graph.io import FORMAT_VERSION, reading_graph_file

__all__ = ["iter_graph_file", "check_graph_file"]

_CHUNK = 1 << 20
_MAX_ITEM = 64 << 20  # one node or link longer than this is damage, not data (the buffer stays bounded)
_WS = " \t\n\r"
_DECODER = json.JSONDecoder()
_LISTS = {"nodes": "node", "links": "link"}


class _Damaged(Exception):
    """The file stops being JSON of the expected shape here."""


class _Reader:
    """A window on the text of one open file: the next value, the next separator."""

    def __init__(self, fh: TextIO) -> None:
        self.fh, self.buf, self.pos, self.eof = fh, "", 0, False

    def _fill(self) -> bool:
        if self.eof:
            return False
        chunk = self.fh.read(_CHUNK)
        if not chunk:
            self.eof = True
            return False
        self.buf = self.buf[self.pos :] + chunk
        self.pos = 0
        return True

    def peek(self) -> str:
        """The next character that is not white space ('' at the end), not consumed."""
        while True:
            buf, pos = self.buf, self.pos
            while pos < len(buf) and buf[pos] in _WS:
                pos += 1
            self.pos = pos
            if pos < len(buf):
                return buf[pos]
            if not self._fill():
                return ""

    def take(self, char: str) -> None:
        if self.peek() != char:
            raise _Damaged(f"expected {char!r}")
        self.pos += 1

    def value(self) -> Any:
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as err:
                if len(self.buf) - self.pos < _MAX_ITEM and self._fill():  # it goes on past the buffer
                    continue
                raise _Damaged(err.msg) from None
            except RecursionError:
                raise _Damaged("nested too deeply") from None
            if end == len(self.buf) and self._fill():  # a number may go on past the buffer
                continue
            self.pos = end
            return value


def _header(path: Path, reader: _Reader) -> None:
    """The opening ``{"zeren_graph": <version>`` every saved graph starts with."""
    try:
        reader.take("{")
        key = reader.value()
        reader.take(":")
        version = reader.value() if key == "zeren_graph" else None
    except (_Damaged, UnicodeDecodeError):
        key = None
    if key != "zeren_graph":
        raise GraphFileError(f"{path}: not a Zeren graph file")
    if version != FORMAT_VERSION:
        raise GraphFileError(
            f"{path}: Zeren graph file version {version} (this Zeren reads {FORMAT_VERSION})"
        )


def check_graph_file(path: str | Path) -> None:
    """Raise GraphFileError unless ``path`` opens as a Zeren graph file of this version (reads its start only)."""
    path = Path(path)
    with reading_graph_file(path), open(path, encoding="utf-8") as fh:
        _header(path, _Reader(fh))


def iter_graph_file(path: str | Path) -> Iterator[tuple[str, dict]]:
    """``("node", attrs)`` and ``("link", attrs)`` of a file written by ``save_graph``, in file order.

    A node's attrs hold its key as ``id``; a link's hold ``source``, ``target``
    and ``key``. Raises GraphFileError, naming the file, where it is not a
    Zeren graph file or is damaged (possibly after items were yielded).
    """
    path = Path(path)
    with reading_graph_file(path), open(path, encoding="utf-8") as fh:
        reader = _Reader(fh)
        _header(path, reader)
        try:
            while reader.peek() == ",":
                reader.pos += 1
                key = reader.value()
                reader.take(":")
                kind = _LISTS.get(key) if isinstance(key, str) else None
                if kind is None or reader.peek() != "[":
                    reader.value()  # directed, multigraph, graph: nothing a push needs
                    continue
                reader.pos += 1
                if reader.peek() != "]":
                    while True:
                        item = reader.value()
                        if not isinstance(item, dict):
                            raise _Damaged(f"a {kind} that is not an object")
                        yield kind, item
                        if reader.peek() != ",":
                            break
                        reader.pos += 1
                reader.take("]")
            reader.take("}")
        except _Damaged as err:
            raise GraphFileError(f"{path}: damaged Zeren graph file ({err})") from None
        except UnicodeDecodeError as err:
            raise GraphFileError(f"{path}: damaged Zeren graph file (not UTF-8: {err.reason})") from None
