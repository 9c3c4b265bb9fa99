"""Helpers the NetworkX side of every saved query shares.

Each helper mirrors one Cypher idiom used in the ``.cypher`` files (the scope
filter, the task order, percentileCont, joined name lists) so the two backends
compute the same table by construction, not by luck.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import networkx as nx
import pandas as pd

from zeren.graph.schema import AGENCY, LEADER, ROLE_EDGES, TASK

__all__ = [
    "JOIN",
    "frame",
    "edge_kind",
    "in_scope",
    "scope_tasks",
    "roles",
    "task_roles",
    "of_kind",
    "task_order",
    "task_fields",
    "agency_listed",
    "agency_fields",
    "percentile_cont",
    "joined",
    "in_window",
    "has_deadline",
    "text_key",
]

JOIN = "、"  # separator of name lists in output cells, as Chinese lists are written


def frame(rows: Sequence[Mapping[str, Any]], columns: Mapping[str, type]) -> pd.DataFrame:
    """A DataFrame with exactly ``columns`` (name → int/float/bool/str) in that order.

    Both backends go through here, so their tables share columns and dtypes.
    """
    data = {}
    for col, typ in columns.items():
        values = [r.get(col) for r in rows]
        if typ is int:
            data[col] = pd.Series(values, dtype="int64")
        elif typ is float:
            data[col] = pd.Series(values, dtype="float64")
        elif typ is bool:
            data[col] = pd.Series(values, dtype="object").astype("bool")
        else:
            column = pd.Series(values, dtype="object")
            data[col] = column.where(column.notna(), None)
    return pd.DataFrame(data, columns=list(columns))


def edge_kind(key: Any, data: Mapping[str, Any]) -> str:
    """The kind of one MultiDiGraph edge: its ``kind`` attribute, else its key (the schema's rule)."""
    return str(data.get("kind") or key)


def in_scope(attrs: Mapping[str, Any], plan: str | None, doc: str | None) -> bool:
    """Whether a task passes the ``plan`` (id or title) and ``doc`` (id, with or without ``doc:``) filters."""
    if plan is not None and attrs.get("plan_id") != plan and attrs.get("plan") != plan:
        return False
    return doc is None or attrs.get("doc") == doc or f"doc:{attrs.get('doc')}" == doc


def scope_tasks(G: nx.MultiDiGraph, plan: str | None = None, doc: str | None = None) -> Iterator[str]:
    for n, attrs in of_kind(G, TASK):
        if in_scope(attrs, plan, doc):
            yield n


# The helpers below read NetworkX's own dicts (``G._node``, ``G._pred``): every query walks
# every task's role edges, and the public views build an object per node and per
# neighbour, which made a query at 100k tasks several times slower than the walk itself.


def roles(G: nx.MultiDiGraph, task: str, kinds: tuple[str, ...] = (AGENCY, LEADER)) -> Iterator[tuple]:
    """``(holder, holder kind, LEADS|SUPPORTS, edge data)`` for every role edge into ``task``."""
    nodes = G._node
    for u, keyed in G._pred[task].items():
        kind = nodes[u].get("kind")
        if kind not in kinds:
            continue
        for key, data in keyed.items():
            role = str(data.get("kind") or key)
            if role in ROLE_EDGES:
                yield u, kind, role, data


def task_roles(
    G: nx.MultiDiGraph,
    plan: str | None = None,
    doc: str | None = None,
    kinds: tuple[str, ...] = (AGENCY, LEADER),
) -> Iterator[tuple[str, Mapping[str, Any], tuple[tuple, ...]]]:
    """``(task, task attributes, its roles as from :func:`roles`)`` for every task in scope, in node order.

    The role lists are built once per graph and kept in NetworkX's own per-graph
    cache (``G.__networkx_cache__``), which every NetworkX method that adds or
    removes a node or an edge clears. Attributes are read live; only a ``kind``
    changed in place (``G.nodes[n]["kind"] = …``) needs
    ``G.__networkx_cache__.clear()``, as for NetworkX's own caches. A view
    (``G.subgraph``, ``G.reverse(copy=False)``) is walked afresh each time.
    """
    for t, attrs, held in _role_index(G, kinds):
        if in_scope(attrs, plan, doc):
            yield t, attrs, held


_ROLE_INDEX = "zeren.queries.roles"
_KIND_INDEX = "zeren.queries.kinds"


def _cache(G: nx.MultiDiGraph) -> dict | None:
    # a view (subgraph, reverse) shows another graph whose changes never clear the view's cache
    return None if hasattr(G, "_graph") else getattr(G, "__networkx_cache__", None)


def of_kind(G: nx.MultiDiGraph, kind: str) -> list[tuple[str, Mapping[str, Any]]]:
    """``(node, attributes)`` of every node of ``kind``, in node order, from one walk of the graph.

    Kept in the same per-graph cache as the role index, under the same rules
    (see :func:`task_roles`): a query on documents or plans then reads a few
    thousand entries, not every node of a million-task graph.
    """
    cache = _cache(G)
    if cache is not None and _KIND_INDEX in cache:
        index = cache[_KIND_INDEX]
    else:
        index = {}
        for n, a in G._node.items():
            index.setdefault(a.get("kind"), []).append((n, a))
        if cache is not None:
            cache[_KIND_INDEX] = index
    return index.get(kind, [])


def _role_index(
    G: nx.MultiDiGraph, kinds: tuple[str, ...]
) -> list[tuple[str, Mapping[str, Any], tuple[tuple, ...]]]:
    cache = _cache(G)
    key = f"{_ROLE_INDEX} {' '.join(kinds)}"
    if cache is not None and key in cache:
        return cache[key]
    holders = (AGENCY, LEADER)
    if kinds != holders and set(kinds) <= set(holders):
        # a narrower index is cut from the full one: one walk of the graph serves every query
        index = [(t, a, tuple(h for h in held if h[1] in kinds)) for t, a, held in _role_index(G, holders)]
    else:
        # the holders' tuples are shared by every query: read-only
        index = [(t, a, tuple(roles(G, t, kinds))) for t, a in of_kind(G, TASK)]
    if cache is not None:
        cache[key] = index
    return index


def text_key(s: str | None) -> bytes:
    """Sort key of a string taken from a *list* property, in Neo4j's order for those: by UTF-16 code unit.

    Neo4j orders a stored string property by code point (it compares the UTF-8
    bytes), as Python does, but the elements of a stored list, and parameters,
    by UTF-16 code unit (Java strings). The two differ when a character above
    U+FFFF (CJK Extension B and later) meets one in U+E000–U+FFFF (private use,
    compatibility forms, U+FFFD). Python sorts list elements with this key so
    that both backends list them in one order.

    >>> sorted(["县\ue816溪", "县\U0002aa36溪"], key=text_key) == ["县\U0002aa36溪", "县\ue816溪"]
    True
    """
    return (s or "").encode("utf-16-be", "surrogatepass")


def task_order(node_id: str, attrs: Mapping[str, Any]) -> tuple[str, float]:
    """Sort key of a task or plan: its document, then its place ``n`` in the id ``kind:<doc>:<n>``.

    Cypher sorts by ``coalesce(t.doc, ''), toInteger(last(split(t.id, ':')))``,
    the same key (a non-numeric place sorts last, as Cypher's null does).
    """
    n = node_id.rpartition(":")[2]
    return attrs.get("doc") or "", int(n) if n.isdigit() else float("inf")


def percentile_cont(values: list[float], p: float) -> float | None:
    """Neo4j's ``percentileCont``: linear interpolation between the two nearest ranks."""
    if not values:
        return None
    s = sorted(values)
    idx = p * (len(s) - 1)
    lo, hi = int(idx), int(-(-idx // 1))
    if lo == hi or lo == len(s) - 1:
        return float(s[lo])
    return s[lo] * (hi - idx) + s[hi] * (idx - lo)


def joined(names) -> str:
    """Distinct names, sorted, joined with ``、`` (Cypher: ORDER BY then collect then reduce)."""
    return JOIN.join(sorted({n for n in names if n is not None}))


def has_deadline(attrs: Mapping[str, Any]) -> bool:
    return attrs.get("deadline") not in (None, "")


def in_window(end: str | None, due_from: str | None, due_to: str | None) -> bool:
    """Whether an ISO ``deadline_end`` lies in ``[due_from, due_to]`` (open where None)."""
    if end is None:
        return False
    return (due_from is None or end >= due_from) and (due_to is None or end <= due_to)


def task_fields(G: nx.MultiDiGraph, task: str, **extra: Any) -> dict[str, Any]:
    """The columns every task-listing query starts with (task, doc, plan, text), its sort key, and ``extra``."""
    attrs = G._node[task]
    return {
        "task": task,
        "doc": attrs.get("doc"),
        "plan": attrs.get("plan"),
        "text": attrs.get("text"),
        **extra,
        "_key": task_order(task, attrs),
    }


def agency_listed(attrs: Mapping[str, Any], level: str | None, jurisdiction: str | None) -> bool:
    """Whether an agency passes the ``level`` and ``jurisdiction`` filters (None = any)."""
    return (level is None or attrs.get("level") == level) and (
        jurisdiction is None or attrs.get("jurisdiction") == jurisdiction
    )


def agency_fields(agency: str, attrs: Mapping[str, Any]) -> dict[str, Any]:
    """The columns every per-agency table starts with: agency, name, level, jurisdiction, kind."""
    return {
        "agency": agency,
        "name": attrs.get("name"),
        "level": attrs.get("level"),
        "jurisdiction": attrs.get("jurisdiction"),
        "kind": attrs.get("agency_kind"),
    }
