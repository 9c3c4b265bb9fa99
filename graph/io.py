"""Saving and loading Zeren graphs, and exporting them for other tools.

The native file is node-link JSON (UTF-8, Chinese kept readable) with a small
header, ``{"zeren_graph": 1, ...}``, so that a wrong file is told apart from a
graph. GraphML and GEXF cannot hold lists, so list attributes are written as
JSON text there, and None values are left out.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from zeren.atomic import atomic_path, write_text
from zeren.errors import GraphFileError
from zeren.safetext import xml_text

__all__ = ["FORMAT_VERSION", "save_graph", "load_graph", "export_graph", "EXPORT_SUFFIXES"]

FORMAT_VERSION = 1
EXPORT_SUFFIXES = (".json", ".graphml", ".gexf")


def save_graph(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``G`` as a Zeren graph file (node-link JSON with a header); returns the path."""
    path = Path(path)
    data = {"zeren_graph": FORMAT_VERSION, **nx.node_link_data(G, edges="links")}
    try:
        write_text(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    except OSError as err:
        raise GraphFileError(f"{path}: cannot write: {err.strerror or err}") from err
    return path


def load_graph(path: str | Path) -> nx.MultiDiGraph:
    """Read a file written by ``save_graph``."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise GraphFileError(f"{path}: no such graph file") from err
    except OSError as err:
        raise GraphFileError(f"{path}: cannot read: {err.strerror or err}") from err
    except UnicodeDecodeError as err:
        raise GraphFileError(f"{path}: not a Zeren graph file") from err
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise GraphFileError(f"{path}: not a Zeren graph file") from err
    if not isinstance(data, dict) or "zeren_graph" not in data:
        raise GraphFileError(f"{path}: not a Zeren graph file")
    version = data.pop("zeren_graph")
    if version != FORMAT_VERSION:
        raise GraphFileError(
            f"{path}: Zeren graph file version {version} (this Zeren reads {FORMAT_VERSION})"
        )
    try:
        return nx.node_link_graph(data, directed=True, multigraph=True, edges="links")
    except (KeyError, TypeError, ValueError) as err:
        raise GraphFileError(f"{path}: damaged Zeren graph file ({type(err).__name__}: {err})") from err


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
