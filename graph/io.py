"""Saving and loading Zeren graphs, and exporting them for other tools.

The native file is node-link JSON (UTF-8, Chinese kept readable) with a small
header, ``{"zeren_graph": 1, ...}``, so that a wrong file is told apart from a
graph. GraphML and GEXF cannot hold lists, so list attributes are written as
JSON text there, and None values are left out.

Parsing JSON is the slow part of a query on a saved graph, so the loaded graph
is also kept in a binary cache (pickle) named by the SHA-256 of the JSON file's
bytes: an edited file has another hash and is read afresh. The cache lives in
the user's own cache folder (``$ZEREN_CACHE_DIR``, else
``$XDG_CACHE_HOME/zeren/graphs``, mode 0700), never beside the graph, so a
folder someone else wrote cannot plant a pickle; ``ZEREN_CACHE_DIR=off``
turns it off. Only the newest ``CACHE_KEEP`` entries are kept. A file already
hashed is known again by its inode, size, mtime and ctime (a small ``.stat``
record in the same folder), so an unchanged file is not even read.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, TypeVar

import networkx as nx

from zeren.atomic import atomic_path
from zeren.errors import GraphFileError
from zeren.gcpause import collector_paused
from zeren.safetext import xml_text

__all__ = [
    "FORMAT_VERSION",
    "save_graph",
    "load_graph",
    "reading_graph_file",
    "export_graph",
    "EXPORT_SUFFIXES",
    "cache_dir",
]

FORMAT_VERSION = 1
EXPORT_SUFFIXES = (".json", ".graphml", ".gexf")
CACHE_KEEP = 8
# Bumped whenever the cached object changes shape (another networkx, another schema).
_CACHE_MAGIC = f"zeren-graph-cache 1 networkx {nx.__version__} format {FORMAT_VERSION}\n".encode()


def save_graph(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``G`` as a Zeren graph file (node-link JSON with a header), atomically; returns the path."""
    path = Path(path)
    data = {"zeren_graph": FORMAT_VERSION, **nx.node_link_data(G, edges="links")}
    raw = (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8", "backslashreplace")
    try:
        with atomic_path(path) as tmp:
            tmp.write_bytes(raw)
    except OSError as err:
        raise GraphFileError(f"{path}: cannot write: {err.strerror or err}") from err
    digest = hashlib.sha256(raw).hexdigest()
    _cache_store(digest, G)
    with contextlib.suppress(OSError):
        _remember_digest(path.stat(), digest)
    return path


@contextlib.contextmanager
def reading_graph_file(path: Path) -> Iterator[None]:
    """A saved graph that is missing, a folder or unreadable is one GraphFileError naming it."""
    try:
        yield
    except FileNotFoundError as err:
        raise GraphFileError(f"{path}: no such graph file") from err
    except IsADirectoryError as err:
        raise GraphFileError(f"{path}: is a folder, not a graph file") from err
    except OSError as err:
        raise GraphFileError(f"{path}: cannot read: {err.strerror or err}") from err


def load_graph(path: str | Path) -> nx.MultiDiGraph:
    """Read a file written by ``save_graph`` (from the binary cache when the file is unchanged)."""
    path = Path(path)
    with reading_graph_file(path), open(path, "rb") as fh:
        before = os.fstat(fh.fileno())
        digest = _known_digest(before)
        cached = None if digest is None else _cache_load(digest)
        if cached is not None:
            return cached
        raw = fh.read()
        unchanged = _stat_key(os.fstat(fh.fileno())) == _stat_key(before)
    digest = hashlib.sha256(raw).hexdigest()
    if unchanged:
        _remember_digest(before, digest)
    cached = _cache_load(digest)
    if cached is not None:
        return cached
    G = _parse(path, raw)
    _cache_store(digest, G)
    return G


def _parse(path: Path, raw: bytes) -> nx.MultiDiGraph:
    try:
        with collector_paused():
            data = json.loads(raw.decode("utf-8"))
    except RecursionError as err:  # json.loads recurses per level: 100,000 "[" exhaust the stack
        raise GraphFileError(f"{path}: graph file is nested too deeply to be read") from err
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise GraphFileError(f"{path}: not a Zeren graph file") from err
    if not isinstance(data, dict) or "zeren_graph" not in data:
        raise GraphFileError(f"{path}: not a Zeren graph file")
    version = data.pop("zeren_graph")
    if version != FORMAT_VERSION:
        raise GraphFileError(
            f"{path}: Zeren graph file version {version} (this Zeren reads {FORMAT_VERSION})"
        )
    try:
        with collector_paused():
            return nx.node_link_graph(data, directed=True, multigraph=True, edges="links")
    except (KeyError, TypeError, ValueError) as err:
        raise GraphFileError(f"{path}: damaged Zeren graph file ({type(err).__name__}: {err})") from err


def cache_dir() -> Path | None:
    """The folder of the graph cache, or None when ``ZEREN_CACHE_DIR=off``."""
    setting = os.environ.get("ZEREN_CACHE_DIR", "").strip()
    if setting.lower() == "off":
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or str(Path.home() / ".cache")
    return Path(base) / "zeren" / "graphs"


def _cache_file(digest: str) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / f"{digest}.pickle"


# Hashing a large graph file costs more than reading its cache, so, as git does for its
# index, a file is known by its identity and change times: (device, inode) names the
# record, (size, mtime, ctime) must match it. ctime cannot be set back by anyone, so an
# edit that keeps the size and restores the mtime is still seen; a file changed less
# than _SETTLED seconds before it was read is not recorded (a second edit could fall in
# the same clock tick and keep every time).
_SETTLED = 2.0
STAT_KEEP = 64


def _stat_key(st: os.stat_result) -> str:
    return f"{st.st_size} {st.st_mtime_ns} {st.st_ctime_ns}"


def _stat_file(st: os.stat_result) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / f"{st.st_dev}-{st.st_ino}.stat"


def _known_digest(st: os.stat_result) -> str | None:
    """The SHA-256 recorded for this very file in this very state, or None."""
    line = _read_private(_stat_file(st), lambda fh: fh.read(200).decode("ascii"))
    key, _, digest = (line or "").strip().rpartition(" ")
    return digest if key == _stat_key(st) and len(digest) == 64 else None


def _remember_digest(st: os.stat_result, digest: str) -> None:
    """Record the file's digest for its current state (nothing when the file changed just now)."""
    file = _stat_file(st)
    if file is None or time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) < _SETTLED * 1e9:
        return
    _store_private(file, lambda fh: fh.write(f"{_stat_key(st)} {digest}\n".encode("ascii")), STAT_KEEP)


def _trusted(fh: BinaryIO) -> bool:
    """Only a cache file this user wrote and nobody else may write is trusted."""
    st = os.fstat(fh.fileno())
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


T = TypeVar("T")

# what reading a damaged, truncated or foreign cache entry raises: the entry is ignored
_UNREADABLE = (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError, TypeError)


def _read_private(file: Path | None, read: Callable[[BinaryIO], T]) -> T | None:
    """What ``read`` makes of a trusted cache entry; None when it is absent, foreign or unreadable."""
    if file is None:
        return None
    try:
        with open(file, "rb") as fh:
            return read(fh) if _trusted(fh) else None
    except _UNREADABLE:
        return None


def _store_private(file: Path, write: Callable[[BinaryIO], object], keep: int) -> None:
    """Write a cache entry only this user can touch, keeping the newest ``keep`` of its kind.

    A cache that cannot be written is only slower, never an error.
    """
    try:
        file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with atomic_path(file) as tmp, open(tmp, "wb") as fh:
            write(fh)
        os.chmod(file, 0o600)
        _prune(file.parent, f"*{file.suffix}", keep)
    except OSError:
        return


def _prune(folder: Path, pattern: str, keep: int) -> None:
    entries = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[keep:]:
        old.unlink(missing_ok=True)


def _cache_load(digest: str) -> nx.MultiDiGraph | None:
    """The cached graph for this JSON hash, or None (absent, foreign, stale or damaged: read the JSON)."""

    def read(fh: BinaryIO) -> object:
        if fh.read(len(_CACHE_MAGIC)) != _CACHE_MAGIC or fh.readline().strip() != digest.encode():
            return None
        with collector_paused():
            return pickle.load(fh)

    file = _cache_file(digest)
    G = _read_private(file, read)
    if file is None or not isinstance(G, nx.MultiDiGraph):
        return None
    with contextlib.suppress(OSError):
        os.utime(file)  # most recently used: kept longest
    return G


def _cache_store(digest: str, G: nx.MultiDiGraph) -> None:
    """Keep ``G`` under its JSON hash."""
    file = _cache_file(digest)
    if file is None:
        return

    def write(fh: BinaryIO) -> None:
        fh.write(_CACHE_MAGIC + digest.encode() + b"\n")
        # NetworkX's per-graph cache (e.g. the queries' role index) is rebuilt on use, not stored
        memo = getattr(G, "__networkx_cache__", None)
        G.__networkx_cache__ = {}
        try:
            pickle.dump(G, fh, protocol=pickle.HIGHEST_PROTOCOL)
        finally:
            if memo is not None:
                G.__networkx_cache__ = memo

    _store_private(file, write, CACHE_KEEP)


def export_graph(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``G`` in the format its suffix names: ``.json`` (as save_graph), ``.graphml`` or ``.gexf``."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        return save_graph(G, path)
    if suffix not in EXPORT_SUFFIXES:
        raise GraphFileError(
            f"{path}: unknown graph format {suffix or '(no suffix)'!r}; use .json, .graphml or .gexf"
        )
    flat = _flatten(G, labels=suffix == ".gexf")
    try:
        with atomic_path(path) as tmp:
            if suffix == ".graphml":
                nx.write_graphml(flat, tmp, encoding="utf-8")
            else:
                nx.write_gexf(flat, tmp, encoding="utf-8")
    except OSError as err:
        raise GraphFileError(f"{path}: cannot write: {err.strerror or err}") from err
    return path


def _flatten(G: nx.MultiDiGraph, *, labels: bool) -> nx.MultiDiGraph:
    """A copy with scalar attributes only (lists as JSON text, None dropped), all text XML-safe.

    Edges also get ``kind`` (= their key), which GEXF would otherwise lose; for
    GEXF, ``label`` = ``name`` so that Gephi shows names rather than ids. A
    control character (from a graph file or an alias table) is written escaped
    (``\\x01``): XML cannot hold it.
    """
    flat = nx.MultiDiGraph()
    flat.graph.update(_scalars(G.graph))
    for node, attrs in G.nodes(data=True):
        extra = {"label": xml_text(str(attrs.get("name", node)))} if labels else {}
        flat.add_node(_xml_id(node), **_scalars(attrs), **extra)
    for u, v, key, attrs in G.edges(keys=True, data=True):
        flat.add_edge(_xml_id(u), _xml_id(v), key=_xml_id(key), **{"kind": _xml_id(key), **_scalars(attrs)})
    return flat


def _xml_id(value: object) -> object:
    return xml_text(value) if isinstance(value, str) else value


def _scalars(attrs: dict) -> dict:
    out = {}
    for name, value in attrs.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple, set, dict)):
            value = json.dumps(sorted(value) if isinstance(value, set) else value, ensure_ascii=False)
        out[xml_text(str(name))] = xml_text(value) if isinstance(value, str) else value
    return out
